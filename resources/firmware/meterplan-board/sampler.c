#include "sampler.h"

#include <avr/interrupt.h>
#include <avr/io.h>
#include <util/atomic.h>

#include "board.h"
#include "wakeup.h"

// ADC clock = 16 MHz / 64 = 250 kHz: a conversion takes 13 ADC clocks = 52 µs, so a pair takes 104 µs
// and fits the shortest sample period offered (128 × 60 Hz: 130 µs). The datasheet (§24.4) gives full
// 10-bit accuracy for 50–200 kHz; at 250 kHz the loss is a fraction of an LSB (Microchip AVR120 and
// measurements reported for the ATmega328p show ≈ 9.5–10 effective bits), while the next slower
// prescaler (128 → 125 kHz, 208 µs a pair) could not do 128 samples per period at all. The price of
// converting the two channels one after the other is a constant skew of one conversion between them,
// corrected as a phase (see SAMPLER_CHANNEL_SKEW_CYCLES and calibration.c).
#define ADC_PRESCALER_BITS (_BV(ADPS2) | _BV(ADPS1)) // ÷64
#define ADCSRA_RUN (_BV(ADEN) | _BV(ADIE) | ADC_PRESCALER_BITS)
#define ADMUX_REF _BV(REFS0) // AVCC as reference, decoupled by a capacitor on AREF

#define RING_PAIRS 128 // 40 ms at 64 × 50 Hz: room for the main loop's longest task (a frame, EEPROM)
static volatile uint16_t ring_voltage[RING_PAIRS];
static volatile uint16_t ring_current[RING_PAIRS];
static volatile uint8_t ring_head;
static volatile uint8_t ring_tail;
static volatile bool ring_overrun;

// 0: idle, 1: voltage converting, 2: current converting.
static volatile uint8_t adc_phase;
static volatile uint16_t pending_voltage;

static uint8_t samples_per_period;
static uint16_t period_cycles;

static inline void store_pair(uint16_t current_counts) {
  const uint8_t head = ring_head;
  const uint8_t next = (uint8_t)((head + 1) & (RING_PAIRS - 1));
  if (next == ring_tail) {
    ring_overrun = true;
    return;
  }
  ring_voltage[head] = pending_voltage;
  ring_current[head] = current_counts;
  ring_head = next;
  work_pending = true;
}

ISR(TIMER1_COMPA_vect) {
  // The current's conversion finished but its interrupt has not been served yet (another interrupt ran
  // long): finish the pair here rather than lose it. The ADC interrupt, when it comes, finds a
  // conversion running (ADSC) and leaves.
  if (adc_phase == 2 && !(ADCSRA & _BV(ADSC))) {
    const uint16_t counts = ADC; // before the multiplexer changes (simavr 1.6 converts at read time)
    ADMUX = ADMUX_REF | ADC_CHANNEL_VOLTAGE;
    store_pair(counts);
    adc_phase = 0;
  }
  if (adc_phase != 0) {
    // The previous pair is still converting: only if interrupts were held off for most of a period.
    ring_overrun = true;
    return;
  }
  // The multiplexer already points at the voltage channel (set when the previous pair finished).
  ADCSRA = ADCSRA_RUN | _BV(ADSC);
  adc_phase = 1;
}

ISR(ADC_vect) {
  // Served already by the timer interrupt (see above), or a conversion is running: nothing to do.
  if (adc_phase == 0 || (ADCSRA & _BV(ADSC))) return;
  // Read the result before touching ADMUX: simavr 1.6 converts the channel selected at read time
  // (on silicon the order does not matter).
  const uint16_t counts = ADC;
  if (adc_phase == 1) {
    // The conversion has completed and the next one is not started: the datasheet's safe moment to
    // change the multiplexer (§24.5).
    ADMUX = ADMUX_REF | ADC_CHANNEL_CURRENT;
    ADCSRA = ADCSRA_RUN | _BV(ADSC);
    pending_voltage = counts;
    adc_phase = 2;
    return;
  }
  ADMUX = ADMUX_REF | ADC_CHANNEL_VOLTAGE;
  adc_phase = 0;
  store_pair(counts);
}

static void timer_start(void) {
  // CTC (mode 4), no prescaler: OCR1A + 1 CPU cycles per sample.
  period_cycles = (uint16_t)((F_CPU + (uint32_t)samples_per_period * MAINS_HZ / 2) / ((uint32_t)samples_per_period * MAINS_HZ));
  TCCR1B = 0;
  TCCR1A = 0;
  TCNT1 = 0;
  OCR1A = period_cycles - 1;
  TIFR1 = _BV(OCF1A);
  TIMSK1 = _BV(OCIE1A);
  TCCR1B = _BV(WGM12) | _BV(CS10);
}

void sampler_init(uint8_t spp) {
  DIDR0 = _BV(ADC0D) | _BV(ADC1D); // analog pins: digital input buffers off (less noise, less current)
  ADMUX = ADMUX_REF | ADC_CHANNEL_VOLTAGE;
  // The first conversion after enabling takes 25 ADC clocks and initialises the analog circuitry: do it
  // now, polled, so that every sampled conversion takes the same 13 clocks.
  ADCSRA = _BV(ADEN) | ADC_PRESCALER_BITS | _BV(ADSC);
  while (ADCSRA & _BV(ADSC)) {
  }
  (void)ADC;
  ADCSRA = ADCSRA_RUN | _BV(ADIF);
  samples_per_period = spp;
  timer_start();
}

bool sampler_set_samples_per_period(uint8_t spp) {
  if (spp != 64 && spp != 128) return false;
  TCCR1B = 0; // stop the timer
  while (adc_phase != 0) {
  } // let a pair in flight finish
  ATOMIC_BLOCK(ATOMIC_RESTORESTATE) {
    ring_tail = ring_head; // drop pairs taken at the old rate
    ring_overrun = false;
  }
  samples_per_period = spp;
  timer_start();
  return true;
}

uint8_t sampler_samples_per_period(void) { return samples_per_period; }
uint16_t sampler_period_cycles(void) { return period_cycles; }

uint32_t sampler_rate_mhz(void) {
  // F_CPU × 1000 / period overflows 32 bits: split it into quotient and remainder.
  const uint32_t whole = F_CPU / period_cycles;
  const uint32_t rest = F_CPU % period_cycles;
  return whole * 1000UL + (rest * 1000UL + period_cycles / 2) / period_cycles;
}

bool sampler_take(uint16_t *voltage, uint16_t *current, bool *overrun) {
  const uint8_t tail = ring_tail;
  if (tail == ring_head) return false;
  *voltage = ring_voltage[tail];
  *current = ring_current[tail];
  ATOMIC_BLOCK(ATOMIC_RESTORESTATE) {
    if (ring_overrun) {
      ring_overrun = false;
      *overrun = true;
    }
  }
  ring_tail = (uint8_t)((tail + 1) & (RING_PAIRS - 1));
  return true;
}

uint16_t sampler_quiet_cycles(void) {
  uint16_t cycles = 0;
  ATOMIC_BLOCK(ATOMIC_RESTORESTATE) {
    if (adc_phase == 0 && !(TIFR1 & _BV(OCF1A))) cycles = (uint16_t)(OCR1A - TCNT1);
  }
  return cycles;
}
