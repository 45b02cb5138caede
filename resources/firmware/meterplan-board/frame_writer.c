#include "frame_writer.h"

#include <string.h>
#include <util/crc16.h>

#include "uart.h"

static uint16_t crc;
static uint8_t code_pos; // ring position of the current COBS code byte
static uint8_t code;     // 1 + data bytes in the current COBS block
static uint8_t write_pos;

void frame_begin(uint8_t type, uint8_t body_bytes) {
  // type + body + CRC, plus one COBS code byte (frames are ≤ 254 bytes) and the delimiter.
  const uint8_t needed = (uint8_t)(1 + body_bytes + 2 + 1 + 1);
  while (uart_tx_free() < needed) {
  }
  crc = 0;
  code_pos = uart_tx_reserve_position();
  write_pos = (uint8_t)(code_pos + 1);
  code = 1;
  frame_put(type);
}

// Consistent Overhead Byte Stuffing (Cheshire & Baker 1999), exactly as cobsEncodeInto() in
// shared/protocol/cobs.ts, including its new block after 254 non-zero bytes.
static inline void stuff(uint8_t b) {
  if (b == 0) {
    uart_tx_poke(code_pos, code);
    code_pos = write_pos++;
    code = 1;
  } else {
    uart_tx_poke(write_pos++, b);
    if (++code == 0xFF) {
      uart_tx_poke(code_pos, code);
      code_pos = write_pos++;
      code = 1;
    }
  }
}

__attribute__((flatten)) void frame_put(uint8_t b) {
  crc = _crc_xmodem_update(crc, b); // CRC-16/XMODEM, as shared/protocol/crc16.ts
  stuff(b);
}

void frame_put_u16(uint16_t v) {
  frame_put((uint8_t)v);
  frame_put((uint8_t)(v >> 8));
}

void frame_put_u32(uint32_t v) {
  frame_put_u16((uint16_t)v);
  frame_put_u16((uint16_t)(v >> 16));
}

void frame_put_float(float v) {
  // avr-gcc's float is IEEE 754 binary32 and the AVR is little-endian: the bytes go out as they lie.
  uint32_t bits;
  memcpy(&bits, &v, sizeof bits);
  frame_put_u32(bits);
}

__attribute__((flatten)) void frame_put_u16_array(const uint16_t *values, uint8_t count) {
  // The bulk of every SAMPLES frame: the same steps as frame_put(), with the state in registers for the
  // whole loop (≈ 35 cycles a byte instead of ≈ 85 through the calls).
  uint16_t c = crc;
  uint8_t at = write_pos, code_at = code_pos, n = code;
  for (uint8_t k = 0; k < 2 * count; k++) {
    const uint16_t value = values[k >> 1];
    const uint8_t b = (k & 1) ? (uint8_t)(value >> 8) : (uint8_t)value;
    c = _crc_xmodem_update(c, b);
    if (b == 0) {
      uart_tx_poke(code_at, n);
      code_at = at++;
      n = 1;
    } else {
      uart_tx_poke(at++, b);
      if (++n == 0xFF) {
        uart_tx_poke(code_at, n);
        code_at = at++;
        n = 1;
      }
    }
  }
  crc = c;
  write_pos = at;
  code_pos = code_at;
  code = n;
}

void frame_put_bytes(const uint8_t *bytes, uint8_t count) {
  while (count--) frame_put(*bytes++);
}

void frame_end(void) {
  const uint16_t c = crc;
  stuff((uint8_t)c);
  stuff((uint8_t)(c >> 8));
  uart_tx_poke(code_pos, code);
  uart_tx_poke(write_pos++, 0);
  uart_tx_commit(write_pos);
}

void frame_write_delimiter(void) {
  while (uart_tx_free() < 1) {
  }
  const uint8_t at = uart_tx_reserve_position();
  uart_tx_poke(at, 0);
  uart_tx_commit((uint8_t)(at + 1));
}
