#include "uart.h"

#include <avr/interrupt.h>
#include <avr/io.h>

#include "board.h"
#include "frame_reader.h"

// 256 entries so that the indices are single bytes: the interrupt reads them atomically for free.
volatile uint8_t uart_tx_ring[256];
static volatile uint8_t tx_tail;      // next byte the interrupt sends
static volatile uint8_t tx_committed; // end of the bytes the interrupt may send; the writer works beyond it

void uart_init(void) {
  // UBRR = F_CPU / (16 · baud) − 1 = 0 at 16 MHz and 1 Mbaud: no rounding error at all.
  const uint16_t ubrr = (uint16_t)(F_CPU / (16UL * UART_BAUD) - 1);
  UBRR0H = (uint8_t)(ubrr >> 8);
  UBRR0L = (uint8_t)ubrr;
  UCSR0A = 0;
  UCSR0C = _BV(UCSZ01) | _BV(UCSZ00); // 8 data bits, no parity, 1 stop bit
  UCSR0B = _BV(RXEN0) | _BV(TXEN0) | _BV(RXCIE0);
}

ISR(USART_UDRE_vect) {
  uint8_t tail = tx_tail;
  if (tail == tx_committed) {
    UCSR0B &= (uint8_t)~_BV(UDRIE0);
    return;
  }
  UDR0 = uart_tx_ring[tail];
  UCSR0A = _BV(TXC0); // clear "transmit complete" (U2X0 stays 0): uart_tx_idle() waits for the new byte
  tx_tail = (uint8_t)(tail + 1);
}

ISR(USART_RX_vect) {
  // Status before data: reading UDR0 moves the receive FIFO on.
  const uint8_t status = UCSR0A;
  const uint8_t b = UDR0;
  frame_reader_on_byte(b, (status & (_BV(FE0) | _BV(DOR0))) != 0);
}

uint8_t uart_tx_free(void) {
  // One slot stays empty so that a full ring is told apart from an empty one.
  return (uint8_t)(tx_tail - tx_committed - 1);
}

uint8_t uart_tx_reserve_position(void) { return tx_committed; }

void uart_tx_commit(uint8_t end) {
  tx_committed = end; // a single byte: atomic
  UCSR0B |= _BV(UDRIE0);
}

bool uart_tx_idle(void) { return tx_tail == tx_committed && (UCSR0A & _BV(TXC0)); }
