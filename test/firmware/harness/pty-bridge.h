// USART0 ↔ pseudo-terminal, lossless in the board-to-host direction: when the pty is full the simulation
// waits for the reader (simavr's stock uart_pty drops bytes past its 512-byte buffer instead). When no
// program has the pty open the bytes are dropped, as a USB-serial bridge drops them with no host.
#ifndef PTY_BRIDGE_H
#define PTY_BRIDGE_H

#include <stdbool.h>
#include <stdint.h>

#include <sim_avr.h>

typedef struct pty_bridge pty_bridge_t;

/**
 * Opens a raw pty and hooks USART0's IRQs; returns NULL with a message on stderr on failure. While the
 * pty is full the bridge waits, until `*stop` becomes true.
 */
pty_bridge_t *pty_bridge_open(avr_t *avr, volatile bool *stop);
const char *pty_bridge_path(const pty_bridge_t *b);
/** True while a program has the pty's slave side open. */
bool pty_bridge_client_connected(pty_bridge_t *b);
/**
 * Writes the board's pending output to the pty, waiting while it is full; then hands the firmware the
 * host's bytes that its UART can take. Call between runs of the core. Returns false when asked to stop.
 */
bool pty_bridge_pump(pty_bridge_t *b);
/** Drops the host's bytes not yet handed to the UART (they reached a core that was not running). */
void pty_bridge_discard_input(pty_bridge_t *b);
/** Bytes sent to the host and received from it, and bytes dropped for want of a client. */
void pty_bridge_counters(const pty_bridge_t *b, uint64_t *sent, uint64_t *received, uint64_t *dropped);

#endif
