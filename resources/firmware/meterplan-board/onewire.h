// 1-Wire master, bit-banged on one pin with an external 4.7 kΩ pull-up (Maxim AN126 timings). Only the
// few microseconds of a bit slot that must be exact (≤ 15 µs) run with interrupts off, and they are placed
// where the sampler is idle (between a finished pair and the next tick), so a temperature reading shifts
// no ADC sample; the reset and its presence pulse are timed with interrupts on.
#ifndef ONEWIRE_H
#define ONEWIRE_H

#include <stdbool.h>
#include <stdint.h>

/** Reset pulse; true when a device answered with a presence pulse (false also when the bus is stuck low). */
bool onewire_reset(void);
void onewire_write_byte(uint8_t b);
uint8_t onewire_read_byte(void);

#endif
