#include "frame_reader.h"

#include <string.h>
#include <util/atomic.h>
#include <util/crc16.h>

#include "protocol.h"
#include "wakeup.h"

// Unstuffing state (Cheshire & Baker 1999; cobsDecodeInto() in shared/protocol/cobs.ts). Interrupt only.
static bool in_frame;      // at least one byte of the frame has arrived
static uint8_t block_left; // data bytes left in the current COBS block
static uint8_t block_code; // code byte of the current block
static bool dropping;      // the frame is already known bad (line error, too long): wait for its delimiter
// The last two unstuffed bytes are held back: at the delimiter they are the CRC, not data.
static uint8_t held[2];
static uint8_t held_count;
static uint16_t crc;
static uint16_t length; // unstuffed bytes past the hold-back: type + body so far
static uint8_t work[RX_FRAME_KEPT_BYTES];

// Commands handed to the main loop: a small queue, so that a command right behind another frame (or a
// host that does not wait for each reply) is not lost while the main loop is busy with a block.
#define QUEUE_SLOTS 4
typedef struct {
  rx_result_t kind;
  uint8_t length;
  uint8_t bytes[RX_FRAME_KEPT_BYTES];
} queued_frame_t;
static queued_frame_t queue[QUEUE_SLOTS];
static volatile uint8_t queue_head; // written by the interrupt
static volatile uint8_t queue_tail; // written by the main loop
// A command that found the queue full: answered NACK busy, by request id, when there is room again.
static volatile bool missed;
static uint8_t missed_bytes[4];

static void unstuffed(uint8_t b) {
  if (held_count < 2) {
    held[held_count++] = b;
    return;
  }
  const uint8_t out = held[0];
  crc = _crc_xmodem_update(crc, out);
  if (length < RX_FRAME_KEPT_BYTES) work[length] = out;
  if (++length > MAX_FRAME_BYTES) dropping = true; // longer than the protocol allows
  held[0] = held[1];
  held[1] = b;
}

static void end_of_frame(void) {
  // Empty frames (repeated delimiters) are padding; a block running past the end, or fewer bytes than
  // type + CRC, is no frame at all.
  const bool complete = in_frame && !dropping && block_left == 0 && held_count == 2 && length >= 1;
  // Only COMMAND frames are for the board (PROTOCOL.md §2: a frame of another type is ignored); one
  // shorter than its header cannot even be NACKed.
  if (complete && work[0] == FRAME_COMMAND && length >= 4) {
    const uint8_t next = (uint8_t)((queue_head + 1) & (QUEUE_SLOTS - 1));
    if (next == queue_tail) {
      memcpy(missed_bytes, work, sizeof missed_bytes);
      missed = true;
      work_pending = true;
    } else {
      const uint16_t received_crc = (uint16_t)(held[0] | (held[1] << 8));
      queued_frame_t *slot = &queue[queue_head];
      memcpy(slot->bytes, work, sizeof slot->bytes);
      slot->length = (uint8_t)length;
      slot->kind = crc == received_crc ? RX_FRAME : RX_BAD_CRC;
      queue_head = next;
      work_pending = true;
    }
  }
  in_frame = false;
  dropping = false;
  block_left = 0;
  held_count = 0;
  crc = 0;
  length = 0;
}

void frame_reader_on_byte(uint8_t b, bool damaged) {
  if (damaged) dropping = true; // whatever frame this byte belongs to is damaged
  if (b == 0) {
    end_of_frame();
    return;
  }
  if (dropping) return;
  if (!in_frame) {
    in_frame = true;
  } else if (block_left > 0) {
    unstuffed(b);
    block_left--;
    return;
  } else if (block_code != 0xFF) {
    // A new code byte: the block before it stood for its data and then a zero, unless it was a full
    // 254-byte block (code 0xFF).
    unstuffed(0);
  }
  block_code = b;
  block_left = (uint8_t)(b - 1);
}

rx_result_t frame_reader_poll(uint8_t *frame, uint8_t *frame_length) {
  const uint8_t tail = queue_tail;
  if (tail == queue_head) return RX_NOTHING;
  // The slot is the interrupt's again only once queue_tail moves past it.
  const queued_frame_t *slot = &queue[tail];
  memcpy(frame, slot->bytes, sizeof slot->bytes);
  *frame_length = slot->length;
  const rx_result_t kind = slot->kind;
  queue_tail = (uint8_t)((tail + 1) & (QUEUE_SLOTS - 1));
  return kind;
}

bool frame_reader_missed(uint8_t header[4]) {
  bool was = false;
  ATOMIC_BLOCK(ATOMIC_RESTORESTATE) {
    was = missed;
    if (was) {
      memcpy(header, missed_bytes, sizeof missed_bytes);
      missed = false;
    }
  }
  return was;
}

