#include "mains-waveform.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

void waveform_defaults(mains_waveform_t *w) {
  *w = (mains_waveform_t){0};
  w->frequency_hz = 50.0;
  w->noise_state = 0x9E3779B97F4A7C15ULL;
  for (int c = 0; c < 2; c++) {
    w->channel[c].amplitude_v = 1.0;
    w->channel[c].bias_v = 2.5;
  }
}

int waveform_add_harmonic(mains_waveform_t *w, int channel, const char *spec) {
  channel_wave_t *ch = &w->channel[channel];
  int order;
  double ratio, phase;
  if (ch->harmonic_count == MAX_HARMONICS) return -1;
  if (sscanf(spec, "%d:%lf:%lf", &order, &ratio, &phase) != 3 || order < 2 || order > 50) return -1;
  ch->harmonic_order[ch->harmonic_count] = order;
  ch->harmonic_ratio[ch->harmonic_count] = ratio;
  ch->harmonic_phase_deg[ch->harmonic_count] = phase;
  ch->harmonic_count++;
  return 0;
}

// xorshift64* (Vigna 2016) and Box–Muller: reproducible noise for a given seed.
static double uniform01(uint64_t *s) {
  *s ^= *s >> 12;
  *s ^= *s << 25;
  *s ^= *s >> 27;
  return ((*s * 0x2545F4914F6CDD1DULL) >> 11) * (1.0 / 9007199254740992.0);
}

static double gaussian(uint64_t *s) {
  const double u1 = uniform01(s) + 1e-300, u2 = uniform01(s);
  return sqrt(-2.0 * log(u1)) * cos(2.0 * M_PI * u2);
}

int waveform_code(mains_waveform_t *w, int channel, double t_s) {
  const channel_wave_t *ch = &w->channel[channel];
  const double wt = 2.0 * M_PI * w->frequency_hz * t_s;
  double x = sin(wt + ch->phase_deg * M_PI / 180.0);
  for (int k = 0; k < ch->harmonic_count; k++) x += ch->harmonic_ratio[k] * sin(ch->harmonic_order[k] * wt + ch->harmonic_phase_deg[k] * M_PI / 180.0);
  double volts = ch->bias_v + ch->amplitude_v * x;
  double code = floor(volts * 1024.0 / 5.0 + (w->noise_lsb > 0 ? w->noise_lsb * gaussian(&w->noise_state) : 0.0));
  if (code < 0) code = 0;
  if (code > 1023) code = 1023;
  return (int)code;
}

uint32_t simavr_millivolts_for_code(int code, uint32_t avcc_mv) {
  // simavr 1.6 (avr_adc.c) converts with reg = mV · 0x3FF / vref, truncated. The smallest mV with
  // ⌊mV · 1023 / vref⌋ = code is ⌈code · vref / 1023⌉, and the next code starts more than 1 mV above it.
  return (uint32_t)(((uint64_t)code * avcc_mv + 1022) / 1023);
}
