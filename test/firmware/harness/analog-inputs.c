#include "analog-inputs.h"

#include <avr_adc.h>
#include <sim_io.h>
#include <sim_irq.h>
#include <stddef.h>

static avr_t *core;
static mains_waveform_t *waveform;
static uint32_t avcc;
static avr_irq_t *adc_irq;
static avr_cycle_count_t voltage_trigger_cycle;
static long skew_min = -1, skew_max = -1;
static double skew_sum;
static uint64_t skew_count;

static void on_adc_trigger(avr_irq_t *irq, uint32_t value, void *param) {
  (void)irq;
  (void)param;
  union {
    avr_adc_mux_t mux;
    uint32_t v;
  } e = {.v = value};
  const int channel = e.mux.src;
  if (e.mux.kind != ADC_MUX_SINGLE || channel > 1) return;
  // The value in force when the conversion starts (the sample-and-hold instant, to 1.5 ADC clocks).
  const int code = waveform_code(waveform, channel, (double)core->cycle / core->frequency);
  avr_raise_irq(adc_irq + ADC_IRQ_ADC0 + channel, simavr_millivolts_for_code(code, avcc));
  if (channel == 0) {
    voltage_trigger_cycle = core->cycle;
  } else if (voltage_trigger_cycle != 0) {
    const long skew = (long)(core->cycle - voltage_trigger_cycle);
    if (skew_min < 0 || skew < skew_min) skew_min = skew;
    if (skew > skew_max) skew_max = skew;
    skew_sum += (double)skew;
    skew_count++;
  }
}

void analog_inputs_attach(avr_t *avr, mains_waveform_t *wave, uint32_t avcc_mv) {
  core = avr;
  waveform = wave;
  avcc = avcc_mv;
  adc_irq = avr_io_getirq(avr, AVR_IOCTL_ADC_GETIRQ, 0);
  avr_irq_register_notify(adc_irq + ADC_IRQ_OUT_TRIGGER, on_adc_trigger, NULL);
}

skew_figures_t analog_inputs_skew(void) {
  return (skew_figures_t){.min_cycles = skew_min, .max_cycles = skew_max, .mean_cycles = skew_count ? skew_sum / (double)skew_count : 0.0};
}

void analog_inputs_reset_figures(void) {
  skew_min = skew_max = -1;
  skew_sum = 0;
  skew_count = 0;
}
