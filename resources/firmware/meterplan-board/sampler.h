// Sampling of the voltage and current channels: Timer1 in CTC mode ticks at samples-per-period × the
// nominal mains frequency; each tick starts the voltage conversion, whose completion interrupt starts
// the current conversion. Pairs of raw 10-bit counts go into a ring that the main loop drains.
#ifndef SAMPLER_H
#define SAMPLER_H

#include <stdbool.h>
#include <stdint.h>

void sampler_init(uint8_t samples_per_period);
/** Restarts sampling at 64 or 128 samples per period; returns false (nothing changed) otherwise. */
bool sampler_set_samples_per_period(uint8_t samples_per_period);
uint8_t sampler_samples_per_period(void);
/** Timer ticks between samples (16 MHz / sample rate). */
uint16_t sampler_period_cycles(void);
/** The timer's actual sample rate in millihertz (16 MHz / divider is not always the nominal rate). */
uint32_t sampler_rate_mhz(void);

/** Takes the oldest pair; false when none is waiting. *overrun tells that pairs were lost before it. */
bool sampler_take(uint16_t *voltage, uint16_t *current, bool *overrun);

/**
 * CPU cycles until the next sample tick when no conversion is running, else 0: the 1-Wire driver puts its
 * few timing-critical microseconds (with interrupts off) where they delay no conversion.
 */
uint16_t sampler_quiet_cycles(void);

/**
 * Time from the start of the voltage conversion to the start of the current conversion, in CPU cycles:
 * one conversion (13 ADC clocks × 64) plus the ADC interrupt's latency up to its ADSC write, measured in
 * simavr (test/firmware/harness) for this build. The default calibration's phase correction cancels it.
 */
#define SAMPLER_CHANNEL_SKEW_CYCLES 888

#endif
