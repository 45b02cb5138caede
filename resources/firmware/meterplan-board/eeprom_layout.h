// Where things live in the 1 KiB EEPROM. Each record starts with its own magic byte and ends with a
// CRC-16/XMODEM (little-endian) of the bytes before it. The simavr harness (test/firmware/harness)
// includes this file to preset a board serial, as a production programmer would.
#ifndef EEPROM_LAYOUT_H
#define EEPROM_LAYOUT_H

#define EEPROM_CALIBRATION_ADDRESS 0x000 // 24 bytes: magic, layout, 5 × float32, CRC
#define EEPROM_SERIAL_ADDRESS 0x020      // 11 bytes: magic, 8 serial bytes, CRC
#define EEPROM_SERIAL_MAGIC 0x5E
#define EEPROM_SERIAL_RECORD_BYTES 11

#endif
