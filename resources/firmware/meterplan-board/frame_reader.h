// Receives frames from the host, inside the UART's receive interrupt: each byte is COBS-unstuffed and
// CRC-16/XMODEM-checked as it arrives (as FrameDecoder in shared/protocol/decoder.ts), so no byte waits in
// a buffer while the main loop is busy (a 137-byte SAMPLES frame keeps it for 1.4 ms, 125 byte times). A
// frame of any length up to the protocol's 254 bytes is judged whole — a too-long command is answered
// "badLength", not lost — while only its first bytes are kept.
#ifndef FRAME_READER_H
#define FRAME_READER_H

#include <stdbool.h>
#include <stdint.h>

// Bytes kept of a frame: the longest command the board knows, writeCalibration (1 + 2 + 1 + 20).
#define RX_FRAME_KEPT_BYTES 24

typedef enum {
  RX_NOTHING = 0,
  RX_FRAME,   // a frame whose CRC is right
  RX_BAD_CRC, // well-stuffed, but the CRC differs: its first bytes allow a best-effort NACK
} rx_result_t;

/** From the receive interrupt: one byte; `damaged` when the UART saw a framing error or an overrun. */
void frame_reader_on_byte(uint8_t b, bool damaged);

/**
 * The oldest COMMAND frame received, if any: `frame` gets its first min(length, RX_FRAME_KEPT_BYTES)
 * bytes (type + body, CRC removed) and `length` its full length. Frames of other types never get here.
 */
rx_result_t frame_reader_poll(uint8_t *frame, uint8_t *length);
/** A command found the queue (4 deep) full: its first 4 bytes (type, request id, opcode), once. */
bool frame_reader_missed(uint8_t header[4]);

#endif
