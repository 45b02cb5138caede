#include "sample_stream.h"

#include "board.h"
#include "frame_writer.h"
#include "protocol.h"

static bool streaming;
static uint16_t sequence; // from 0 at boot; continues across stop/start, so no gap is ever reported
static uint8_t pairs;
static uint8_t flags;
static uint16_t block[2 * BLOCK_PAIRS];

void stream_set(bool on) {
  streaming = on;
  pairs = 0;
  flags = 0;
}

bool stream_on(void) { return streaming; }

void stream_push(uint16_t voltage, uint16_t current, bool overrun) {
  if (!streaming) return;
  if (overrun) flags |= SAMPLE_FLAG_ADC_OVERRUN;
  block[2 * pairs] = voltage;
  block[2 * pairs + 1] = current;
  if (++pairs < BLOCK_PAIRS) return;
  frame_begin(FRAME_SAMPLES, SAMPLES_HEADER_BYTES + 4 * BLOCK_PAIRS);
  frame_put_u16(sequence++);
  frame_put(BLOCK_PAIRS);
  frame_put(flags);
  frame_put_u16_array(block, 2 * BLOCK_PAIRS); // i16 LE; the counts are 0–1023
  frame_end();
  pairs = 0;
  flags = 0;
}
