// ADC0 (voltage) and ADC1 (current) fed from a synthetic waveform at the moment each conversion starts,
// and the measured delay between a pair's two conversions (the skew the firmware's default phase
// correction cancels).
#ifndef ANALOG_INPUTS_H
#define ANALOG_INPUTS_H

#include <sim_avr.h>

#include "mains-waveform.h"

typedef struct {
  long min_cycles, max_cycles; // −1 before the first pair
  double mean_cycles;
} skew_figures_t;

/** Hooks the ADC of `avr` to `wave` (which must outlive the simulation); AVCC in millivolts. */
void analog_inputs_attach(avr_t *avr, mains_waveform_t *wave, uint32_t avcc_mv);
skew_figures_t analog_inputs_skew(void);
void analog_inputs_reset_figures(void);

#endif
