#include "onewire.h"

#include <avr/interrupt.h>
#include <avr/io.h>
#include <util/delay.h>

#include "board.h"
#include "sampler.h"

#define CYCLES_PER_US (F_CPU / 1000000UL)

static inline void line_low(void) {
  ONEWIRE_PORT &= (uint8_t)~_BV(ONEWIRE_BIT);
  ONEWIRE_DDR |= _BV(ONEWIRE_BIT);
}
// Released: input without the internal pull-up; the external 4.7 kΩ pulls the line high.
static inline void line_release(void) { ONEWIRE_DDR &= (uint8_t)~_BV(ONEWIRE_BIT); }
static inline bool line_high(void) { return (ONEWIRE_PIN & _BV(ONEWIRE_BIT)) != 0; }

/**
 * Waits until the sampler leaves at least `us` microseconds free, and returns with interrupts off. At 128
 * samples per period and 60 Hz ≈ 20 µs are free after each pair, enough for the longest section (15 µs);
 * should the wait exceed ≈ 2 sample periods the section runs anyway and delays one tick.
 */
static void enter_quiet(uint8_t us) {
  const uint16_t needed = (uint16_t)us * CYCLES_PER_US;
  for (uint16_t tries = 0; tries < 400; tries++) {
    cli();
    if (sampler_quiet_cycles() >= needed) return;
    sei();
    _delay_us(1);
  }
  cli();
}

bool onewire_reset(void) {
  line_release();
  _delay_us(5);
  if (!line_high()) return false; // no pull-up, or the bus is shorted: nothing can answer
  // Reset: low for ≥ 480 µs. Interrupts stay on; they can only lengthen the pulse, which is allowed.
  line_low();
  _delay_us(490);
  // A device waits 15–60 µs after the release, then pulls low for 60–240 µs. Rather than sample once at
  // ~70 µs with interrupts off (70 µs would hold off a sample tick at 128 samples per period), watch the
  // line for 240 µs with interrupts on: an interrupt (a few µs) cannot hide a pulse of ≥ 60 µs.
  line_release();
  bool presence = false;
  for (uint8_t k = 0; k < 60; k++) {
    _delay_us(4);
    if (!line_high()) presence = true;
  }
  _delay_us(240); // rest of the ≥ 480 µs presence slot
  return presence && line_high();
}

static void write_bit(bool one) {
  if (one) {
    // Write 1: low for 1–15 µs (6), then released for the rest of the ≥ 60 µs slot.
    enter_quiet(10);
    line_low();
    _delay_us(6);
    line_release();
    sei();
    _delay_us(64);
  } else {
    // Write 0: low for 60–120 µs. Interrupts stay on: a few µs of interrupt only lengthens the pulse.
    enter_quiet(2);
    line_low();
    sei();
    _delay_us(62);
    line_release();
    _delay_us(8);
  }
}

static bool read_bit(void) {
  // Read: low for ≥ 1 µs, release, sample before 15 µs from the falling edge.
  enter_quiet(15);
  line_low();
  _delay_us(3);
  line_release();
  _delay_us(9);
  const bool one = line_high();
  sei();
  _delay_us(55);
  return one;
}

void onewire_write_byte(uint8_t b) {
  for (uint8_t k = 0; k < 8; k++) {
    write_bit(b & 1); // least significant bit first
    b >>= 1;
  }
}

uint8_t onewire_read_byte(void) {
  uint8_t b = 0;
  for (uint8_t k = 0; k < 8; k++) {
    b >>= 1;
    if (read_bit()) b |= 0x80;
  }
  return b;
}
