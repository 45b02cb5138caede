// Calibration coefficients (counts → volts and amperes, and the current's phase correction), kept in
// EEPROM under a CRC so that an erased, half-written or foreign EEPROM falls back to the defaults.
// The model is shared/signal/calibration.ts's: value = gain × (counts − offset), the current delayed by
// phaseCorrectionDeg of the nominal mains period.
#ifndef CALIBRATION_H
#define CALIBRATION_H

#include <stdbool.h>
#include <stdint.h>

typedef struct {
  float voltage_gain_v_per_count;
  float voltage_offset_counts;
  float current_gain_a_per_count;
  float current_offset_counts;
  float phase_correction_deg;
} calibration_t;

/** The coefficients in use. */
extern calibration_t calibration;

/** Loads the EEPROM copy; returns false (and uses the defaults) when it is missing or damaged. */
bool calibration_load(void);
void calibration_defaults(calibration_t *c);

/** The 20-byte protocol body (five float32, little-endian). */
void calibration_to_bytes(const calibration_t *c, uint8_t *out);
/**
 * Takes a 20-byte body; when any coefficient is out of range (the limits of CALIBRATION_LIMITS in
 * shared/signal/calibration.ts) returns false and leaves the coefficients in use unchanged.
 */
bool calibration_set_from_bytes(const uint8_t *bytes);

/** Starts writing the coefficients in use to EEPROM, a byte per call of calibration_store_poll(). */
void calibration_store_begin(void);
/** 0 while writing, 1 when written and read back equal, −1 when the read-back differs. */
int8_t calibration_store_poll(void);

#endif
