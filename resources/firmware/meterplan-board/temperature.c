#include "temperature.h"

#include "crc.h"
#include "frame_writer.h"
#include "onewire.h"
#include "protocol.h"

#define READING_INTERVAL_MS 1000 // PROTOCOL.md: "about once a second while streaming"
#define CONVERSION_MS 750 // 12-bit resolution, DS18B20 datasheet tCONV

#define CMD_READ_ROM 0x33
#define CMD_SKIP_ROM 0xCC
#define CMD_CONVERT_T 0x44
#define CMD_READ_SCRATCHPAD 0xBE

// One step per call, each ≤ ≈ 3 ms of bus time even at 128 samples per period (where every bit slot waits
// for a quiet moment between sample pairs), so the main loop never holds the sample ring for long.
enum { IDLE, CONVERTING, READING };
static uint8_t state = IDLE;
static uint32_t next_ms = 500;
static uint32_t conversion_started_ms;
static uint8_t scratchpad[9];
static uint8_t bytes_read;

static void send_reading(uint8_t status, int16_t raw16th) {
  frame_begin(FRAME_TEMPERATURE, 4);
  frame_put(0); // sensor index: one sensor per board in this firmware
  frame_put(status);
  frame_put_u16((uint16_t)raw16th);
  frame_end();
}

bool temperature_read_rom(uint8_t rom[8]) {
  if (!onewire_reset()) return false;
  onewire_write_byte(CMD_READ_ROM); // only valid with a single device on the bus
  for (uint8_t k = 0; k < 8; k++) rom[k] = onewire_read_byte();
  return rom[0] != 0 && crc8_maxim(rom, 7) == rom[7];
}

void temperature_poll(uint32_t now_ms) {
  switch (state) {
    case IDLE:
      if ((int32_t)(now_ms - next_ms) < 0) return;
      next_ms = now_ms + READING_INTERVAL_MS;
      if (!onewire_reset()) {
        send_reading(TEMPERATURE_SENSOR_MISSING, 0);
        return;
      }
      onewire_write_byte(CMD_SKIP_ROM);
      onewire_write_byte(CMD_CONVERT_T);
      conversion_started_ms = now_ms;
      state = CONVERTING;
      return;
    case CONVERTING:
      if (now_ms - conversion_started_ms < CONVERSION_MS) return;
      if (!onewire_reset()) {
        state = IDLE;
        send_reading(TEMPERATURE_SENSOR_MISSING, 0);
        return;
      }
      onewire_write_byte(CMD_SKIP_ROM);
      onewire_write_byte(CMD_READ_SCRATCHPAD);
      bytes_read = 0;
      state = READING;
      return;
    case READING:
      scratchpad[bytes_read++] = onewire_read_byte();
      if (bytes_read < sizeof scratchpad) return;
      state = IDLE;
      // An all-ones scratchpad (device gone mid-read, line floating high) has a bad CRC too.
      if (crc8_maxim(scratchpad, 8) != scratchpad[8]) {
        send_reading(TEMPERATURE_CRC_ERROR, 0);
        return;
      }
      // Bytes 0–1: temperature in 1/16 °C, two's complement, little-endian (DS18B20 datasheet, Table 1).
      send_reading(TEMPERATURE_OK, (int16_t)(scratchpad[0] | (scratchpad[1] << 8)));
      return;
  }
}
