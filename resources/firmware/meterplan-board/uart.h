// USART0 at UART_BAUD, 8N1. Transmission: a 256-byte ring drained by the data-register-empty interrupt;
// the writer fills it ahead of a "committed" mark and publishes a whole frame at once, so that a COBS
// code byte can be filled in after the bytes it counts. Reception: the RX interrupt hands each byte to
// frame_reader.c.
#ifndef UART_H
#define UART_H

#include <stdbool.h>
#include <stdint.h>

void uart_init(void);

/** Bytes free in the transmit ring beyond the committed ones. */
uint8_t uart_tx_free(void);
/** Ring position of the first uncommitted byte: where the next frame starts. */
uint8_t uart_tx_reserve_position(void);
extern volatile uint8_t uart_tx_ring[256];
/** Writes `b` at ring position `pos` (uncommitted area only, within uart_tx_free()). */
static inline void uart_tx_poke(uint8_t pos, uint8_t b) { uart_tx_ring[pos] = b; }
/** Publishes everything up to ring position `end` (exclusive) to the interrupt. */
void uart_tx_commit(uint8_t end);
/** True when every committed byte has left the data register. */
bool uart_tx_idle(void);

#endif
