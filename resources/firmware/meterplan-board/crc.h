// Checksums from avr-libc's <util/crc16.h>: CRC-16/XMODEM is the protocol's (shared/protocol/crc16.ts)
// and the EEPROM records'; the Dallas/Maxim CRC-8 is the DS18B20's.
#ifndef CRC_H
#define CRC_H

#include <stdint.h>
#include <util/crc16.h>

static inline uint16_t crc16_xmodem(const uint8_t *bytes, uint8_t count) {
  uint16_t crc = 0;
  while (count--) crc = _crc_xmodem_update(crc, *bytes++);
  return crc;
}

static inline uint8_t crc8_maxim(const uint8_t *bytes, uint8_t count) {
  uint8_t crc = 0;
  while (count--) crc = _crc_ibutton_update(crc, *bytes++);
  return crc;
}

#endif
