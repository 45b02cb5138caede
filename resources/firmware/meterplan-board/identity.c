#include "identity.h"

#include <avr/eeprom.h>
#include <avr/wdt.h>
#include <string.h>

#include "board.h"
#include "crc.h"
#include "eeprom_layout.h"
#include "frame_writer.h"
#include "protocol.h"
#include "sampler.h"
#include "temperature.h"

static uint8_t board_serial[8];

static bool serial_from_eeprom(void) {
  uint8_t record[EEPROM_SERIAL_RECORD_BYTES];
  eeprom_read_block(record, (const void *)EEPROM_SERIAL_ADDRESS, sizeof record);
  const uint16_t crc = (uint16_t)(record[9] | (record[10] << 8));
  if (record[0] != EEPROM_SERIAL_MAGIC || crc16_xmodem(record, 9) != crc) return false;
  memcpy(board_serial, record + 1, 8);
  return true;
}

static void serial_to_eeprom(void) {
  uint8_t record[EEPROM_SERIAL_RECORD_BYTES];
  record[0] = EEPROM_SERIAL_MAGIC;
  memcpy(record + 1, board_serial, 8);
  const uint16_t crc = crc16_xmodem(record, 9);
  record[9] = (uint8_t)crc;
  record[10] = (uint8_t)(crc >> 8);
  // Once in the board's life, before sampling matters: a blocking write (≈ 37 ms) is fine here.
  eeprom_update_block(record, (void *)EEPROM_SERIAL_ADDRESS, sizeof record);
}

static void serial_from_noise(void) {
  // The least significant bits of 192 sample pairs of live (or floating) inputs, folded by CRC-16: unique
  // enough to tell the boards of one bench apart. The first two bytes say "made up" ("MP").
  uint16_t crc[3] = {0x1D0F, 0x5A5A, 0xC3C3};
  uint8_t taken = 0;
  while (taken < 192) {
    uint16_t v, i;
    bool overrun = false;
    wdt_reset();
    if (!sampler_take(&v, &i, &overrun)) continue;
    crc[taken % 3] = _crc_xmodem_update(crc[taken % 3], (uint8_t)(v ^ (i << 4) ^ (i >> 4)));
    taken++;
  }
  board_serial[0] = 'M';
  board_serial[1] = 'P';
  for (uint8_t k = 0; k < 3; k++) {
    board_serial[2 + 2 * k] = (uint8_t)(crc[k] >> 8);
    board_serial[3 + 2 * k] = (uint8_t)crc[k];
  }
}

void identity_init(void) {
  if (serial_from_eeprom()) return;
  if (!temperature_read_rom(board_serial)) serial_from_noise();
  serial_to_eeprom();
}

void identity_put_body(bool streaming) {
  frame_put(PROTOCOL_VERSION);
  frame_put(FIRMWARE_VERSION_MAJOR);
  frame_put(FIRMWARE_VERSION_MINOR);
  frame_put(FIRMWARE_VERSION_PATCH);
  frame_put_bytes(board_serial, 8);
  frame_put(2); // channels: voltage, current
  frame_put(sampler_samples_per_period());
  frame_put(ADC_BITS);
  frame_put(MAINS_HZ);
  frame_put_u32(sampler_rate_mhz());
  frame_put(BLOCK_PAIRS);
  frame_put(streaming ? 1 : 0);
}

void identity_send_hello(bool streaming) {
  frame_begin(FRAME_HELLO, IDENTITY_BYTES);
  identity_put_body(streaming);
  frame_end();
}
