#include "board-eeprom.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <avr_eeprom.h>
#include <sim_io.h>

#include "../../../resources/firmware/meterplan-board/eeprom_layout.h"

#define EEPROM_BYTES 1024

static void eeprom_access(avr_t *avr, uint8_t *bytes, bool write) {
  avr_eeprom_desc_t d = {.ee = bytes, .offset = 0, .size = EEPROM_BYTES};
  avr_ioctl(avr, write ? AVR_IOCTL_EEPROM_SET : AVR_IOCTL_EEPROM_GET, &d);
}

static uint16_t crc16_xmodem(const uint8_t *p, size_t n) {
  uint16_t crc = 0;
  while (n--) {
    crc ^= (uint16_t)(*p++ << 8);
    for (int k = 0; k < 8; k++) crc = (uint16_t)(crc & 0x8000 ? (crc << 1) ^ 0x1021 : crc << 1);
  }
  return crc;
}

int board_eeprom_preset_serial(avr_t *avr, const char *hex) {
  uint8_t record[EEPROM_SERIAL_RECORD_BYTES];
  if (strlen(hex) != 16) return -1;
  record[0] = EEPROM_SERIAL_MAGIC;
  for (int k = 0; k < 8; k++) {
    unsigned byte;
    if (sscanf(hex + 2 * k, "%2x", &byte) != 1) return -1;
    record[1 + k] = (uint8_t)byte;
  }
  const uint16_t crc = crc16_xmodem(record, 9);
  record[9] = (uint8_t)crc;
  record[10] = (uint8_t)(crc >> 8);
  avr_eeprom_desc_t d = {.ee = record, .offset = EEPROM_SERIAL_ADDRESS, .size = sizeof record};
  avr_ioctl(avr, AVR_IOCTL_EEPROM_SET, &d);
  return 0;
}

void board_eeprom_load(avr_t *avr, const char *path) {
  uint8_t bytes[EEPROM_BYTES];
  FILE *f = fopen(path, "rb");
  if (!f) return; // first run: a blank (erased) EEPROM
  const size_t n = fread(bytes, 1, sizeof bytes, f);
  fclose(f);
  if (n == sizeof bytes) eeprom_access(avr, bytes, true);
}

void board_eeprom_save(avr_t *avr, const char *path) {
  uint8_t bytes[EEPROM_BYTES];
  eeprom_access(avr, bytes, false);
  FILE *f = fopen(path, "wb");
  if (!f || fwrite(bytes, 1, sizeof bytes, f) != sizeof bytes) fprintf(stderr, "sim-board: cannot save EEPROM to %s\n", path);
  if (f) fclose(f);
}
