// Commands from the host (request id, opcode, arguments) and their ACK/NACK, per protocol v1.
#ifndef COMMANDS_H
#define COMMANDS_H

#include <stdint.h>

#include "frame_reader.h"

void commands_handle(rx_result_t kind, const uint8_t *frame, uint8_t length);
/** NACK busy for a command that arrived while the queue was full (header: type, request id, opcode). */
void commands_refuse_busy(const uint8_t header[4]);
/** Finishes what takes time (an EEPROM store, a requested reset, the identify blink). */
void commands_poll(uint32_t now_ms);

#endif
