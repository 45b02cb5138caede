// Synthetic mains waveforms at the ADC pins, so that a test knows the truth it measures against:
//   x(t) = bias + amplitude · [ sin(2π f t + φ) + Σ_h ratio_h · sin(2π h f t + φ_h) ] + noise
// in volts at the pin (0–5 V), then turned into the code an ideal 10-bit ADC with a 5 V reference
// gives, code = ⌊1024 · x / 5 V⌋ clamped to 0–1023 (ATmega328p datasheet §24.7).
#ifndef MAINS_WAVEFORM_H
#define MAINS_WAVEFORM_H

#include <stdint.h>

#define MAX_HARMONICS 8

typedef struct {
  double amplitude_v; // peak of the fundamental, volts at the pin
  double bias_v;
  double phase_deg;
  int harmonic_count;
  int harmonic_order[MAX_HARMONICS];
  double harmonic_ratio[MAX_HARMONICS]; // peak relative to the fundamental's
  double harmonic_phase_deg[MAX_HARMONICS];
} channel_wave_t;

typedef struct {
  double frequency_hz;
  double noise_lsb; // standard deviation of Gaussian noise, in ADC codes
  uint64_t noise_state;
  channel_wave_t channel[2]; // 0: voltage (ADC0), 1: current (ADC1)
} mains_waveform_t;

void waveform_defaults(mains_waveform_t *w);
/** Parses "order:ratio:phase_deg" into channel c; returns 0, or −1 when malformed or full. */
int waveform_add_harmonic(mains_waveform_t *w, int channel, const char *spec);
/** ADC code of `channel` at time t. */
int waveform_code(mains_waveform_t *w, int channel, double t_s);
/** Millivolts to hand simavr 1.6 so that its conversion (mV · 1023 / AVCC, truncated) gives `code`. */
uint32_t simavr_millivolts_for_code(int code, uint32_t avcc_mv);

#endif
