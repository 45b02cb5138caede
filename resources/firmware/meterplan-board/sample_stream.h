// SAMPLES frames: BLOCK_PAIRS raw pairs (voltage, current) per frame, a u16 sequence number per frame so
// the host counts what it lost, and the ADC-overrun flag when the board itself dropped pairs.
#ifndef SAMPLE_STREAM_H
#define SAMPLE_STREAM_H

#include <stdbool.h>
#include <stdint.h>

void stream_set(bool on);
bool stream_on(void);
/** Adds a pair; sends the block when it is full. `overrun`: pairs were lost just before this one. */
void stream_push(uint16_t voltage, uint16_t current, bool overrun);

#endif
