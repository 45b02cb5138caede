// Writes one protocol frame straight into the transmit ring: [type][body][CRC-16/XMODEM, little-endian],
// COBS-stuffed on the fly, then the 0x00 delimiter. Same bytes as sealFrame() in
// shared/protocol/encode-frame.ts, without a staging buffer (RAM is 2 KiB).
#ifndef FRAME_WRITER_H
#define FRAME_WRITER_H

#include <stdint.h>

/**
 * Starts a frame of `body_bytes` bytes after the type byte. Waits until the ring has room for the whole
 * stuffed frame, so the frame is never split by a full ring.
 */
void frame_begin(uint8_t type, uint8_t body_bytes);
void frame_put(uint8_t b);
void frame_put_u16(uint16_t v);
void frame_put_u32(uint32_t v);
void frame_put_float(float v);
void frame_put_bytes(const uint8_t *bytes, uint8_t count);
/** `count` u16 values, little-endian: a fast path for sample blocks. */
void frame_put_u16_array(const uint16_t *values, uint8_t count);
/** Appends the CRC, closes the COBS block, adds the delimiter and hands the frame to the UART. */
void frame_end(void);
/**
 * A lone 0x00 (an empty frame, which receivers ignore): sent first after a reset, so that a frame the
 * reset cut short ends there instead of swallowing the HELLO that follows.
 */
void frame_write_delimiter(void);

#endif
