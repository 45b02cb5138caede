// DS18B20 temperature: one conversion a second (750 ms at 12 bits), read back with its CRC-8,
// and sent as a TEMPERATURE frame; "sensor missing" when no device answers the reset.
#ifndef TEMPERATURE_H
#define TEMPERATURE_H

#include <stdbool.h>
#include <stdint.h>

/** Reads the sensor's 64-bit ROM code (family 0x28 first); false without a (single, valid) sensor. */
bool temperature_read_rom(uint8_t rom[8]);
/** Advances the state machine; `now_ms` is the board's clock. Sends a frame when a reading is done. */
void temperature_poll(uint32_t now_ms);

#endif
