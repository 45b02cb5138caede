// Protocol v1 constants, mirrored from shared/protocol/frames.ts (the executable form of PROTOCOL.md).
// Keep the two in step: the end-to-end tests in test/electron/firmware/ decode this firmware's frames with
// the TypeScript parser, so a drift fails CI.
#ifndef PROTOCOL_H
#define PROTOCOL_H

#define PROTOCOL_VERSION 1

// Largest frame before COBS stuffing (type + body + CRC): stuffing then adds exactly one byte.
#define MAX_FRAME_BYTES 254

// Fixed body sizes (after the type byte, before the CRC).
#define IDENTITY_BYTES 22
#define CALIBRATION_BYTES 20
#define METRICS_BYTES 36
#define TEMPERATURE_BYTES 4
#define SAMPLES_HEADER_BYTES 4
#define MAX_BLOCK_PAIRS 61

// Frame types.
#define FRAME_HELLO 0x01
#define FRAME_SAMPLES 0x10
#define FRAME_METRICS 0x11
#define FRAME_TEMPERATURE 0x12
#define FRAME_COMMAND 0x20
#define FRAME_ACK 0x21
#define FRAME_NACK 0x22

// Command opcodes.
#define OP_PING 0x00
#define OP_GET_IDENTITY 0x01
#define OP_START_STREAMING 0x02
#define OP_STOP_STREAMING 0x03
#define OP_SET_SAMPLES_PER_PERIOD 0x04
#define OP_READ_CALIBRATION 0x05
#define OP_WRITE_CALIBRATION 0x06
#define OP_STORE_CALIBRATION 0x07
#define OP_RESET 0x08
#define OP_IDENTIFY 0x09

// NACK error codes.
#define NACK_UNKNOWN_OPCODE 0x01
#define NACK_BAD_LENGTH 0x02
#define NACK_OUT_OF_RANGE 0x03
#define NACK_BUSY 0x04
#define NACK_EEPROM_FAILURE 0x05
#define NACK_BAD_CRC 0x06

// Sample block flags.
#define SAMPLE_FLAG_ADC_OVERRUN 0x01

// Temperature status.
#define TEMPERATURE_OK 0
#define TEMPERATURE_SENSOR_MISSING 1
#define TEMPERATURE_CRC_ERROR 2

#endif
