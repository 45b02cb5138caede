// The simulated board's EEPROM: kept in a file between runs (a power cycle), and a board serial preset
// in it as a production programmer would write it (the layout is the firmware's eeprom_layout.h).
#ifndef BOARD_EEPROM_H
#define BOARD_EEPROM_H

#include <sim_avr.h>

/** Loads the 1 KiB image from `path`; a missing file leaves the EEPROM erased (a first run). */
void board_eeprom_load(avr_t *avr, const char *path);
void board_eeprom_save(avr_t *avr, const char *path);
/** Writes the serial record for 16 hex digits; −1 when `hex` is not that. */
int board_eeprom_preset_serial(avr_t *avr, const char *hex);

#endif
