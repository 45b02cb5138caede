// Board-computed metrics: per-period integer accumulators of the offset-removed counts (Σv, Σi, Σv², Σi²,
// Σv·i with the current corrected for phase, Σv(t−T/4)·i for the reactive power), periods delimited by
// the voltage's rising zero crossings, summed over a window of 10 periods at 50 Hz (12 at 60 Hz: 200 ms,
// as IEC 61000-4-30 §5.2) and turned into physical values with the calibration when a window closes.
#ifndef POWER_METRICS_H
#define POWER_METRICS_H

#include <stdbool.h>
#include <stdint.h>

typedef struct {
  uint16_t period_count;
  float vrms_v;
  float irms_a;
  float active_power_w;
  float apparent_power_va;
  float reactive_power_var;
  float power_factor;
  float frequency_hz; // NaN without two zero crossings in the window
  float window_energy_j;
} window_metrics_t;

/** Starts over (after a change of sampling rate or a gap in the samples). */
void metrics_reset(uint8_t samples_per_period, float sample_rate_hz);
bool metrics_push_sample(uint16_t voltage_counts, uint16_t current_counts);
extern uint8_t metrics_skip_mask, metrics_pair_count;

/** Feeds one pair of raw counts; returns true when it closed a window (read it with metrics_window). */
static inline bool metrics_push(uint16_t voltage_counts, uint16_t current_counts) {
  // At 128 samples per period every other pair is left out (see power_metrics.c), here, before the call.
  if (metrics_pair_count++ & metrics_skip_mask) return false;
  return metrics_push_sample(voltage_counts, current_counts);
}
const window_metrics_t *metrics_window(void);

#endif
