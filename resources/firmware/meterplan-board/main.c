// Meterplan acquisition board firmware: samples voltage and current, streams them and the board's own
// metrics over protocol v1 (resources/firmware/PROTOCOL.md), answers the host's commands.
#include <avr/interrupt.h>
#include <avr/io.h>
#include <avr/sleep.h>
#include <avr/wdt.h>
#include <stdbool.h>

#include "board.h"
#include "calibration.h"
#include "commands.h"
#include "frame_reader.h"
#include "frame_writer.h"
#include "identity.h"
#include "power_metrics.h"
#include "protocol.h"
#include "sample_stream.h"
#include "sampler.h"
#include "temperature.h"
#include "uart.h"
#include "wakeup.h"

/** MCUSR as found at reset (why the board restarted), kept out of .bss so start-up does not clear it. */
uint8_t reset_cause __attribute__((section(".noinit")));

// Runs before .data/.bss are set up. After a watchdog reset the watchdog stays enabled at its shortest
// timeout (ATmega328p datasheet §10.9.2: WDRF forces WDE): turn it off before anything else can take
// 16 ms, or the board resets forever.
void early_watchdog_off(void) __attribute__((naked, used, section(".init3")));
void early_watchdog_off(void) {
  reset_cause = MCUSR;
  MCUSR = 0;
  wdt_disable();
}

volatile bool work_pending;

static uint16_t metrics_sequence;

static void send_metrics(const window_metrics_t *m) {
  frame_begin(FRAME_METRICS, METRICS_BYTES);
  frame_put_u16(metrics_sequence++);
  frame_put_u16(m->period_count);
  frame_put_float(m->vrms_v);
  frame_put_float(m->irms_a);
  frame_put_float(m->active_power_w);
  frame_put_float(m->apparent_power_va);
  frame_put_float(m->reactive_power_var);
  frame_put_float(m->power_factor);
  frame_put_float(m->frequency_hz);
  frame_put_float(m->window_energy_j);
  frame_end();
}

// The board's clock, in milliseconds, counted in sample periods (the timer is the crystal's).
static uint32_t now_ms;
static uint16_t clock_cycles;

static void clock_advance(void) {
  clock_cycles += sampler_period_cycles();
  while (clock_cycles >= F_CPU / 1000) {
    clock_cycles -= F_CPU / 1000;
    now_ms++;
  }
}

static void restart_metrics(void) { metrics_reset(sampler_samples_per_period(), (float)sampler_rate_mhz() / 1000.0f); }

int main(void) {
  LED_DDR |= _BV(LED_BIT);
  set_sleep_mode(SLEEP_MODE_IDLE);
  uart_init();
  calibration_load();
  sampler_init(DEFAULT_SAMPLES_PER_PERIOD);
  sei();
  // 500 ms: a hundred times the main loop's longest step (a DS18B20 step, ≤ ≈ 3 ms; a frame, ≈ 1.4 ms).
  wdt_enable(WDTO_500MS);
  identity_init();
  restart_metrics();
  frame_write_delimiter();
  identity_send_hello(false);

  uint8_t frame[RX_FRAME_KEPT_BYTES];
  for (;;) {
    wdt_reset();
    work_pending = false; // set again by any interrupt that brings work while this pass runs
    // Samples first: they arrive at up to 7,680 pairs a second and their ring holds 128.
    for (uint8_t budget = 32; budget != 0; budget--) {
      uint16_t v, i;
      bool overrun = false;
      if (!sampler_take(&v, &i, &overrun)) break;
      if (budget == 1) work_pending = true; // more may be waiting: come round again without sleeping
      if (overrun) restart_metrics(); // a gap inside a window would bias it: start a new one
      clock_advance();
      // Metrics run all the time (their window is ready when streaming starts); frames only while streaming.
      if (metrics_push(v, i) && stream_on()) send_metrics(metrics_window());
      stream_push(v, i, overrun);
    }
    uint8_t length;
    const rx_result_t received = frame_reader_poll(frame, &length);
    if (received != RX_NOTHING) {
      commands_handle(received, frame, length);
      work_pending = true; // another command may be queued behind it
    }
    if (frame_reader_missed(frame)) commands_refuse_busy(frame);
    // The clock moves with the samples, so what waits for a time is looked at once per sample tick.
    commands_poll(now_ms);
    if (stream_on()) temperature_poll(now_ms);

    // Idle sleep until an interrupt brings a sample or a command (see wakeup.h). Interrupts are off
    // between the test and the SLEEP, which runs before any interrupt that became pending meanwhile.
    cli();
    while (!work_pending) {
      sleep_enable();
      sei();
      sleep_cpu();
      sleep_disable();
      cli();
    }
    sei();
  }
}
