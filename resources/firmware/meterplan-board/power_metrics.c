#include "power_metrics.h"

#include <math.h>
#include <string.h>

#include "board.h"
#include "calibration.h"

#define WINDOW_PERIODS (MAINS_HZ / 5) // 200 ms: 10 periods at 50 Hz, 12 at 60 Hz
// The metrics always run at 64 samples per period: at 128 they take every other pair. That halves their
// cost at the full rate (they would take 40 % of the CPU) and changes nothing for harmonics up to the 31st.
#define METRICS_SPP 64
#define QUARTER_PERIOD (METRICS_SPP / 4)
// Everything runs this many samples late, so that the phase-corrected current — up to ±20° = ±3.6
// samples away — is always interpolated from samples already taken.
#define LATENCY 5
#define VOLTAGE_HISTORY 32 // LATENCY + QUARTER_PERIOD + 1, rounded up to a power of two
#define CURRENT_HISTORY 16 // LATENCY + 4 + 2, rounded up
// The corrected current is kept in eighths of a count: Σ v·i8 over the longest period (2 nominal
// periods, 128 samples) stays below 1023 × 8184 × 128 ≈ 1.07e9 < 2^31.
#define CURRENT_FRACTION_BITS 3

// Per-period integer accumulators of offset-removed counts (v: voltage, i: current, c: current corrected
// for phase, in eighths; q: voltage a quarter period earlier).
typedef struct {
  int32_t v, i, c;
  uint32_t vv, ii;
  int32_t vc, qc;
  uint16_t n;
} period_sums_t;

typedef struct {
  int64_t v, i, c, vv, ii, vc, qc;
  uint16_t n;
  uint16_t periods;
  uint8_t crossings;
  uint32_t first_crossing_index; // whole samples and fraction apart: a float keeps 24 bits only
  float first_crossing_fraction;
  uint32_t last_crossing_index;
  float last_crossing_fraction;
  // The phase correction latched for the whole window (the calibration may change meanwhile).
  int8_t lag;             // k = ⌊D⌋, D = phase / 360 × 64 samples
  uint8_t weight_q8;      // a = D − k, in 1/256
  float interpolation_gain;
} window_sums_t;

static period_sums_t period;
static window_sums_t window;
static bool window_started;
static window_metrics_t result;

static uint8_t decimation; // 1 at 64 samples per period, 2 at 128
uint8_t metrics_skip_mask;  // 1 at 128 samples per period: every other pair is skipped
uint8_t metrics_pair_count;
static float rate_hz;       // of the samples the metrics see
static uint32_t sample_index;

// Offset tracking: counts × 256, moved a quarter of the way to each window's mean (a slow IIR on the raw
// counts, time constant ≈ 4 windows). The residual offset within a window is removed exactly from Σv.
static int32_t dc_v_q8, dc_i_q8;
static int16_t dc_v, dc_i;
static int16_t hysteresis_counts;

static int16_t voltage_history[VOLTAGE_HISTORY];
static int16_t current_history[CURRENT_HISTORY];
static int16_t previous_v;
static bool armed;

void metrics_reset(uint8_t samples_per_period, float sample_rate_hz) {
  decimation = samples_per_period / METRICS_SPP;
  metrics_skip_mask = decimation > 1 ? 1 : 0;
  metrics_pair_count = 0;
  rate_hz = sample_rate_hz / (float)decimation;
  memset(&period, 0, sizeof period);
  memset(&window, 0, sizeof window);
  memset(voltage_history, 0, sizeof voltage_history);
  memset(current_history, 0, sizeof current_history);
  window_started = false;
  armed = false;
  previous_v = 0;
  sample_index = 0;
  dc_v = (int16_t)lroundf(calibration.voltage_offset_counts);
  dc_i = (int16_t)lroundf(calibration.current_offset_counts);
  if (dc_v < 0 || dc_v > 1023) dc_v = 512;
  if (dc_i < 0 || dc_i > 1023) dc_i = 512;
  dc_v_q8 = (int32_t)dc_v << 8;
  dc_i_q8 = (int32_t)dc_i << 8;
  hysteresis_counts = 8;
}

static void latch_phase_correction(void) {
  // The current is delayed by D samples: c[n] = (1 − a)·i[n − k] + a·i[n − k − 1], k = ⌊D⌋, a = D − k
  // (linear interpolation). Its gain at the fundamental (θ = 2π/64 a sample) is |1 − a + a·e^{−jθ}|,
  // 0.9988 at a = ½: divided out in compute_window().
  const float d = calibration.phase_correction_deg / 360.0f * (float)METRICS_SPP;
  const float k = floorf(d);
  const uint16_t a_q8 = (uint16_t)lroundf((d - k) * 256.0f);
  window.lag = (int8_t)k;
  window.weight_q8 = a_q8 > 255 ? 255 : (uint8_t)a_q8;
  const float a = (float)window.weight_q8 / 256.0f;
  const float theta = 2.0f * (float)M_PI / (float)METRICS_SPP;
  window.interpolation_gain = sqrtf((1.0f - a) * (1.0f - a) + a * a + 2.0f * a * (1.0f - a) * cosf(theta));
}

static void add_period_to_window(void) {
  window.v += period.v;
  window.i += period.i;
  window.c += period.c;
  window.vv += period.vv;
  window.ii += period.ii;
  window.vc += period.vc;
  window.qc += period.qc;
  window.n += period.n;
}

static void compute_window(void) {
  const float n = (float)window.n;
  const float eighths = (float)(1 << CURRENT_FRACTION_BITS);
  const float mean_v = (float)window.v / n;
  const float mean_i = (float)window.i / n;
  const float mean_c = (float)window.c / n / eighths;
  float var_v = (float)window.vv / n - mean_v * mean_v;
  float var_i = (float)window.ii / n - mean_i * mean_i;
  if (var_v < 0) var_v = 0;
  if (var_i < 0) var_i = 0;
  const float g = window.interpolation_gain;
  const float p_counts = ((float)window.vc / n / eighths - mean_v * mean_c) / g;
  const float q_counts = ((float)window.qc / n / eighths - mean_v * mean_c) / g;
  const float gv = calibration.voltage_gain_v_per_count;
  const float gi = calibration.current_gain_a_per_count;
  result.period_count = window.periods;
  result.vrms_v = fabsf(gv) * sqrtf(var_v);
  result.irms_a = fabsf(gi) * sqrtf(var_i);
  result.active_power_w = gv * gi * p_counts;
  result.apparent_power_va = result.vrms_v * result.irms_a;
  result.power_factor = result.apparent_power_va > 0 ? result.active_power_w / result.apparent_power_va : 0;
  float reactive = gv * gi * q_counts;
  if (window.crossings >= 2) {
    const float span = (float)(window.last_crossing_index - window.first_crossing_index) + (window.last_crossing_fraction - window.first_crossing_fraction);
    result.frequency_hz = (float)(window.crossings - 1) * rate_hz / span;
    // The voltage was shifted by a quarter of the NOMINAL period, i.e. by 90° + δ of the actual one,
    // δ = 90° (f/f_nominal − 1); then Σ = Q cos δ − P sin δ for the fundamental: undo it.
    const float delta = (float)M_PI / 2.0f * (result.frequency_hz / (float)MAINS_HZ - 1.0f);
    reactive = (reactive + result.active_power_w * sinf(delta)) / cosf(delta);
  } else {
    result.frequency_hz = NAN;
  }
  result.reactive_power_var = reactive;
  result.window_energy_j = result.active_power_w * n / rate_hz;

  // Follow the offsets (slow IIR on the window means) and set the next hysteresis to a tenth of the
  // amplitude — what defaultHysteresis() in shared/signal/zero-crossings.ts takes, (max − min)/20, for a
  // sine — from the RMS rather than from a min/max kept at every sample.
  dc_v_q8 += (int32_t)lroundf(mean_v * 256.0f) / 4;
  dc_i_q8 += (int32_t)lroundf(mean_i * 256.0f) / 4;
  hysteresis_counts = (int16_t)(sqrtf(var_v) * (float)M_SQRT2 / 10.0f);
}

static void start_window(bool at_crossing, uint32_t index, float fraction) {
  memset(&window, 0, sizeof window);
  latch_phase_correction();
  window_started = true;
  if (at_crossing) {
    window.crossings = 1;
    window.first_crossing_index = window.last_crossing_index = index;
    window.first_crossing_fraction = window.last_crossing_fraction = fraction;
  }
}

/** Closes the period before the newest sample; returns true when that closed a window. */
static bool close_period(bool at_crossing, uint32_t index, float fraction) {
  bool closed = false;
  if (!window_started) {
    start_window(at_crossing, index, fraction);
  } else {
    add_period_to_window();
    // Without a crossing the period ran for two nominal periods: count it as what it lasted.
    window.periods += at_crossing ? 1 : (uint16_t)((period.n + METRICS_SPP / 2) / METRICS_SPP);
    if (at_crossing) {
      if (window.crossings == 0) {
        window.first_crossing_index = index;
        window.first_crossing_fraction = fraction;
      }
      window.crossings++;
      window.last_crossing_index = index;
      window.last_crossing_fraction = fraction;
    }
    if (window.periods >= WINDOW_PERIODS) {
      compute_window();
      closed = true;
      dc_v = (int16_t)((dc_v_q8 + 128) >> 8);
      dc_i = (int16_t)((dc_i_q8 + 128) >> 8);
      start_window(at_crossing, index, fraction);
    }
  }
  memset(&period, 0, sizeof period);
  return closed;
}

bool metrics_push_sample(uint16_t voltage_counts, uint16_t current_counts) {
  const uint8_t n = (uint8_t)++sample_index;
  voltage_history[n & (VOLTAGE_HISTORY - 1)] = (int16_t)voltage_counts - dc_v;
  current_history[n & (CURRENT_HISTORY - 1)] = (int16_t)current_counts - dc_i;
  // The sample LATENCY ago, with the current corrected for phase and the voltage a quarter period before.
  const uint8_t at = (uint8_t)(n - LATENCY);
  const int16_t v = voltage_history[at & (VOLTAGE_HISTORY - 1)];
  const int16_t q = voltage_history[(uint8_t)(at - QUARTER_PERIOD) & (VOLTAGE_HISTORY - 1)];
  const int16_t i = current_history[at & (CURRENT_HISTORY - 1)];
  const uint8_t from = (uint8_t)(at - (uint8_t)window.lag);
  const int16_t i0 = current_history[from & (CURRENT_HISTORY - 1)];
  const int16_t i1 = current_history[(uint8_t)(from - 1) & (CURRENT_HISTORY - 1)];
  const int16_t c = (int16_t)((i0 << CURRENT_FRACTION_BITS) + (int16_t)(((int32_t)(i1 - i0) * window.weight_q8 + 16) >> 5));

  // Rising zero crossing between the previous sample and this one, with hysteresis (as
  // risingZeroCrossings() in shared/signal/zero-crossings.ts): the new period starts with this sample.
  bool closed = false;
  if (previous_v < -hysteresis_counts) armed = true;
  if (armed && previous_v < 0 && v >= 0) {
    armed = false;
    const float fraction = (float)previous_v / (float)(previous_v - v); // position after the previous sample
    closed = close_period(true, sample_index - 1, fraction);
  } else if (period.n >= 2 * METRICS_SPP) {
    closed = close_period(false, 0, 0); // no voltage to lock onto: nominal-length periods
  }
  previous_v = v;
  if (!window_started) return closed;

  period.v += v;
  period.i += i;
  period.c += c;
  period.vv += (uint32_t)((int32_t)v * v);
  period.ii += (uint32_t)((int32_t)i * i);
  period.vc += (int32_t)v * c;
  period.qc += (int32_t)q * c;
  period.n++;
  return closed;
}

const window_metrics_t *metrics_window(void) { return &result; }
