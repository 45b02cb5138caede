#include "calibration.h"

#include <avr/eeprom.h>
#include <math.h>
#include <string.h>

#include "board.h"
#include "crc.h"
#include "eeprom_layout.h"
#include "sampler.h"

calibration_t calibration;

// Record: magic, layout version, the 20-byte body, CRC-16/XMODEM of the 22 bytes before it. The magic
// matters: with the CRC's zero initial value an all-zero EEPROM would otherwise pass.
#define RECORD_MAGIC 0xCA
#define RECORD_LAYOUT 1
#define RECORD_BYTES (2 + 20 + 2)

// Limits of shared/signal/calibration.ts (CALIBRATION_LIMITS), compared the way the host compares the
// float32 values it decoded as doubles: |gain| ≥ 1e-6 holds for a float32 only from the first float32
// above 1e-6 (the float32 nearest 1e-6 is 9.99999997e-7, which the host refuses).
#define MIN_ABS_GAIN 1.00000011e-6f
#define MAX_ABS_GAIN 1000.0f
#define MAX_ABS_OFFSET_COUNTS 32768.0f
#define MAX_ABS_PHASE_DEG 20.0f

void calibration_defaults(calibration_t *c) {
  // The wiring of README.md: a 230 V : 9 V adapter into a 100 kΩ / 10 kΩ divider biased at 2.5 V
  // → 230/9 × 11 / (1024/5 counts per volt) = 1.3726 V per count; an SCT-013-000 (2000 turns) on a
  // 33 Ω burden → 2000/33 / 204.8 = 0.29593 A per count; both biased at mid-scale.
  c->voltage_gain_v_per_count = 230.0f / 9.0f * 11.0f / 204.8f;
  c->voltage_offset_counts = 512.0f;
  c->current_gain_a_per_count = 2000.0f / 33.0f / 204.8f;
  c->current_offset_counts = 512.0f;
  // The current is converted SAMPLER_CHANNEL_SKEW_CYCLES after the voltage, so it looks advanced by
  // that time: delay it back (a positive correction delays the current).
  c->phase_correction_deg = (float)SAMPLER_CHANNEL_SKEW_CYCLES * MAINS_HZ * 360.0f / (float)F_CPU;
}

static bool gain_ok(float g) {
  const float a = fabsf(g);
  return isfinite(g) && a >= MIN_ABS_GAIN && a <= MAX_ABS_GAIN;
}

static bool offset_ok(float o) { return isfinite(o) && fabsf(o) <= MAX_ABS_OFFSET_COUNTS; }

static bool calibration_valid(const calibration_t *c) {
  return gain_ok(c->voltage_gain_v_per_count) && gain_ok(c->current_gain_a_per_count) && offset_ok(c->voltage_offset_counts) &&
         offset_ok(c->current_offset_counts) && isfinite(c->phase_correction_deg) && fabsf(c->phase_correction_deg) <= MAX_ABS_PHASE_DEG;
}

void calibration_to_bytes(const calibration_t *c, uint8_t *out) {
  // Five IEEE 754 binary32, little-endian: the AVR's own float layout (the order of calibration_t is the
  // protocol's).
  memcpy(out, c, sizeof *c);
}

bool calibration_set_from_bytes(const uint8_t *bytes) {
  calibration_t candidate;
  memcpy(&candidate, bytes, sizeof candidate);
  if (!calibration_valid(&candidate)) return false;
  calibration = candidate;
  return true;
}

static void record_of(const calibration_t *c, uint8_t *record) {
  record[0] = RECORD_MAGIC;
  record[1] = RECORD_LAYOUT;
  calibration_to_bytes(c, record + 2);
  const uint16_t crc = crc16_xmodem(record, RECORD_BYTES - 2);
  record[RECORD_BYTES - 2] = (uint8_t)crc;
  record[RECORD_BYTES - 1] = (uint8_t)(crc >> 8);
}

bool calibration_load(void) {
  uint8_t record[RECORD_BYTES];
  eeprom_read_block(record, (const void *)EEPROM_CALIBRATION_ADDRESS, RECORD_BYTES);
  const uint16_t crc = (uint16_t)(record[RECORD_BYTES - 2] | (record[RECORD_BYTES - 1] << 8));
  calibration_t stored;
  memcpy(&stored, record + 2, sizeof stored);
  if (record[0] == RECORD_MAGIC && record[1] == RECORD_LAYOUT && crc16_xmodem(record, RECORD_BYTES - 2) == crc && calibration_valid(&stored)) {
    calibration = stored;
    return true;
  }
  calibration_defaults(&calibration);
  return false;
}

// EEPROM writes take 3.4 ms a byte; a blocking write of the record (80 ms) would overflow the sample
// ring, so the main loop writes one byte each time the EEPROM is ready.
static uint8_t store_record[RECORD_BYTES];
static uint8_t store_next = RECORD_BYTES;
static bool store_active;

void calibration_store_begin(void) {
  record_of(&calibration, store_record);
  store_next = 0;
  store_active = true;
}

int8_t calibration_store_poll(void) {
  if (!store_active) return 1;
  if (!eeprom_is_ready()) return 0;
  if (store_next < RECORD_BYTES) {
    // update = write only when different: saves wear when the same coefficients are stored again.
    eeprom_update_byte((uint8_t *)(EEPROM_CALIBRATION_ADDRESS + store_next), store_record[store_next]);
    store_next++;
    return 0;
  }
  store_active = false;
  for (uint8_t k = 0; k < RECORD_BYTES; k++) {
    if (eeprom_read_byte((const uint8_t *)(EEPROM_CALIBRATION_ADDRESS + k)) != store_record[k]) return -1;
  }
  return 1;
}
