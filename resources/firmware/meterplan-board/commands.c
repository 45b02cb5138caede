#include "commands.h"

#include <avr/interrupt.h>
#include <avr/io.h>
#include <avr/wdt.h>
#include <stdbool.h>

#include "board.h"
#include "calibration.h"
#include "frame_writer.h"
#include "identity.h"
#include "power_metrics.h"
#include "protocol.h"
#include "sample_stream.h"
#include "sampler.h"
#include "uart.h"

// Argument bytes of each opcode (OPCODE_LENGTHS in shared/protocol/frames.ts); 0xFF: unknown opcode.
static uint8_t argument_bytes(uint8_t opcode) {
  switch (opcode) {
    case OP_PING:
    case OP_GET_IDENTITY:
    case OP_START_STREAMING:
    case OP_STOP_STREAMING:
    case OP_READ_CALIBRATION:
    case OP_STORE_CALIBRATION:
    case OP_RESET:
      return 0;
    case OP_SET_SAMPLES_PER_PERIOD:
    case OP_IDENTIFY:
      return 1;
    case OP_WRITE_CALIBRATION:
      return CALIBRATION_BYTES;
    default:
      return 0xFF;
  }
}

static void send_nack(uint16_t request_id, uint8_t opcode, uint8_t code) {
  frame_begin(FRAME_NACK, 4);
  frame_put_u16(request_id);
  frame_put(opcode);
  frame_put(code);
  frame_end();
}

static void begin_ack(uint16_t request_id, uint8_t opcode, uint8_t payload_bytes) {
  frame_begin(FRAME_ACK, (uint8_t)(3 + payload_bytes));
  frame_put_u16(request_id);
  frame_put(opcode);
}

static void send_ack(uint16_t request_id, uint8_t opcode) {
  begin_ack(request_id, opcode, 0);
  frame_end();
}

// A store in progress answers when the EEPROM is written and read back.
static bool store_pending;
static uint16_t store_request_id;
static bool reset_pending;
static uint32_t identify_until_ms;
static uint8_t identify_seconds;

void commands_handle(rx_result_t kind, const uint8_t *frame, uint8_t length) {
  // Only commands are for the board; a frame of another type is ignored (PROTOCOL.md §2). `frame` holds
  // the first RX_FRAME_KEPT_BYTES bytes; the arguments are read only once the length is known right.
  if (length < 4 || frame[0] != FRAME_COMMAND) return;
  const uint16_t request_id = (uint16_t)(frame[1] | (frame[2] << 8));
  const uint8_t opcode = frame[3];
  if (kind == RX_BAD_CRC) {
    // The request id and opcode are read from a damaged frame: a best-effort answer that lets the host
    // retry at once instead of waiting for its timeout.
    send_nack(request_id, opcode, NACK_BAD_CRC);
    return;
  }
  const uint8_t expected = argument_bytes(opcode);
  if (expected == 0xFF) {
    send_nack(request_id, opcode, NACK_UNKNOWN_OPCODE);
    return;
  }
  if ((uint8_t)(length - 4) != expected) {
    send_nack(request_id, opcode, NACK_BAD_LENGTH);
    return;
  }
  const uint8_t *args = frame + 4;
  switch (opcode) {
    case OP_PING:
      send_ack(request_id, opcode);
      break;
    case OP_GET_IDENTITY:
      begin_ack(request_id, opcode, IDENTITY_BYTES);
      identity_put_body(stream_on());
      frame_end();
      break;
    case OP_START_STREAMING:
      stream_set(true);
      send_ack(request_id, opcode);
      break;
    case OP_STOP_STREAMING:
      stream_set(false);
      send_ack(request_id, opcode);
      break;
    case OP_SET_SAMPLES_PER_PERIOD:
      if (!sampler_set_samples_per_period(args[0])) {
        send_nack(request_id, opcode, NACK_OUT_OF_RANGE);
        break;
      }
      metrics_reset(sampler_samples_per_period(), (float)sampler_rate_mhz() / 1000.0f);
      stream_set(stream_on()); // a partial block mixes rates: drop it
      send_ack(request_id, opcode);
      break;
    case OP_READ_CALIBRATION: {
      uint8_t body[CALIBRATION_BYTES];
      calibration_to_bytes(&calibration, body);
      begin_ack(request_id, opcode, CALIBRATION_BYTES);
      frame_put_bytes(body, CALIBRATION_BYTES);
      frame_end();
      break;
    }
    case OP_WRITE_CALIBRATION:
      if (!calibration_set_from_bytes(args)) {
        send_nack(request_id, opcode, NACK_OUT_OF_RANGE); // the coefficients in use stay as they were
        break;
      }
      send_ack(request_id, opcode);
      break;
    case OP_STORE_CALIBRATION:
      if (store_pending) {
        send_nack(request_id, opcode, NACK_BUSY);
        break;
      }
      calibration_store_begin();
      store_pending = true;
      store_request_id = request_id;
      break;
    case OP_RESET:
      send_ack(request_id, opcode);
      reset_pending = true;
      break;
    case OP_IDENTIFY:
      identify_seconds = args[0];
      identify_until_ms = 0; // set on the next poll, which knows the time
      if (identify_seconds == 0) LED_PORT &= (uint8_t)~_BV(LED_BIT);
      send_ack(request_id, opcode);
      break;
  }
}

void commands_refuse_busy(const uint8_t header[4]) { send_nack((uint16_t)(header[1] | (header[2] << 8)), header[3], NACK_BUSY); }

void commands_poll(uint32_t now_ms) {
  if (store_pending) {
    const int8_t done = calibration_store_poll();
    if (done != 0) {
      store_pending = false;
      if (done > 0) send_ack(store_request_id, OP_STORE_CALIBRATION);
      else send_nack(store_request_id, OP_STORE_CALIBRATION, NACK_EEPROM_FAILURE);
    }
  }
  if (reset_pending && uart_tx_idle() && !store_pending) {
    // Let the ACK leave, then have the watchdog reset the chip: a real reset, peripherals included.
    cli();
    wdt_enable(WDTO_15MS);
    for (;;) {
    }
  }
  if (identify_seconds != 0) {
    if (identify_until_ms == 0) identify_until_ms = now_ms + 1000UL * identify_seconds;
    if ((int32_t)(now_ms - identify_until_ms) >= 0) {
      identify_seconds = 0;
      LED_PORT &= (uint8_t)~_BV(LED_BIT);
    } else if (now_ms & 0x80) {
      LED_PORT |= _BV(LED_BIT); // 4 Hz blink
    } else {
      LED_PORT &= (uint8_t)~_BV(LED_BIT);
    }
  }
}
