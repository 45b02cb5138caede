#define _GNU_SOURCE
#include "pty-bridge.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <avr_uart.h>
#include <sim_io.h>
#include <sim_irq.h>

#define OUT_CAPACITY 4096
#define IN_CAPACITY 4096

struct pty_bridge {
  avr_t *avr;
  volatile bool *stop;
  int master;
  char path[64];
  avr_irq_t *uart_irq; // USART0's IRQ block: INPUT, OUTPUT, XON, XOFF
  avr_uart_t *uart;    // USART0 itself, to see how full its receive FIFO is
  bool xoff;           // the UART's receive FIFO is full

  uint8_t out[OUT_CAPACITY];
  size_t out_length;

  // Host → board bytes, filled by the reader thread.
  pthread_t reader;
  pthread_mutex_t lock;
  uint8_t in[IN_CAPACITY];
  size_t in_head, in_tail;

  uint64_t sent, received, dropped;
};

/** Bytes in USART0's receive FIFO (DECLARE_FIFO in avr_uart.h; its accessors are not exported). */
static unsigned uart_input_waiting(const pty_bridge_t *b) {
  const uart_fifo_t *f = &b->uart->input;
  return (unsigned)((f->write + uart_fifo_fifo_size) - f->read) & (uart_fifo_fifo_size - 1);
}

static bool client_connected(int master) {
  // With no slave open, Linux reports POLLHUP on the master (and reads fail with EIO).
  struct pollfd p = {.fd = master, .events = 0};
  return !(poll(&p, 1, 0) == 1 && (p.revents & POLLHUP));
}

bool pty_bridge_client_connected(pty_bridge_t *b) { return client_connected(b->master); }

static void flush_output(pty_bridge_t *b) {
  size_t done = 0;
  while (done < b->out_length) {
    if (!client_connected(b->master)) {
      b->dropped += b->out_length - done;
      break;
    }
    struct pollfd p = {.fd = b->master, .events = POLLOUT};
    if (poll(&p, 1, 50) <= 0) {
      if (*b->stop) break;
      continue; // full: the simulation waits for the reader — this is what makes the link lossless
    }
    const ssize_t n = write(b->master, b->out + done, b->out_length - done);
    if (n > 0) {
      done += (size_t)n;
      b->sent += (uint64_t)n;
    } else if (n < 0 && errno != EAGAIN && errno != EINTR) {
      b->dropped += b->out_length - done;
      break;
    }
  }
  b->out_length = 0;
}

static void on_uart_output(avr_irq_t *irq, uint32_t value, void *param) {
  (void)irq;
  pty_bridge_t *b = param;
  if (b->out_length == OUT_CAPACITY) flush_output(b);
  b->out[b->out_length++] = (uint8_t)value;
}

static void on_uart_xon(avr_irq_t *irq, uint32_t value, void *param) {
  (void)irq;
  (void)value;
  ((pty_bridge_t *)param)->xoff = false;
}

static void on_uart_xoff(avr_irq_t *irq, uint32_t value, void *param) {
  (void)irq;
  ((pty_bridge_t *)param)->xoff = value != 0;
}

static void *reader_main(void *arg) {
  pty_bridge_t *b = arg;
  uint8_t chunk[256];
  for (;;) {
    struct pollfd p = {.fd = b->master, .events = POLLIN};
    if (poll(&p, 1, 100) <= 0) continue;
    if (!(p.revents & POLLIN)) {
      usleep(10000); // POLLHUP: no client yet
      continue;
    }
    const ssize_t n = read(b->master, chunk, sizeof chunk);
    if (n <= 0) {
      usleep(10000);
      continue;
    }
    pthread_mutex_lock(&b->lock);
    for (ssize_t k = 0; k < n; k++) {
      const size_t next = (b->in_head + 1) % IN_CAPACITY;
      if (next == b->in_tail) break; // the firmware is far behind: a real UART would overrun too
      b->in[b->in_head] = chunk[k];
      b->in_head = next;
    }
    pthread_mutex_unlock(&b->lock);
  }
  return NULL;
}

pty_bridge_t *pty_bridge_open(avr_t *avr, volatile bool *stop) {
  pty_bridge_t *b = calloc(1, sizeof *b);
  struct termios raw;
  int slave;
  memset(&raw, 0, sizeof raw);
  cfmakeraw(&raw);
  if (openpty(&b->master, &slave, b->path, &raw, NULL) != 0) {
    fprintf(stderr, "sim-board: openpty failed: %s\n", strerror(errno));
    free(b);
    return NULL;
  }
  // Closing our slave side leaves the pty to the client; until one opens it, output is dropped.
  close(slave);
  fcntl(b->master, F_SETFL, fcntl(b->master, F_GETFL) | O_NONBLOCK);
  b->avr = avr;
  b->stop = stop;
  b->uart_irq = avr_io_getirq(avr, AVR_IOCTL_UART_GETIRQ('0'), 0);
  for (avr_io_t *io = avr->io_port; io; io = io->next) {
    if (strcmp(io->kind, "uart") == 0 && ((avr_uart_t *)io)->name == '0') b->uart = (avr_uart_t *)io;
  }
  if (!b->uart) {
    fprintf(stderr, "sim-board: no USART0 in this simavr core\n");
    free(b);
    return NULL;
  }
  avr_irq_register_notify(b->uart_irq + UART_IRQ_OUTPUT, on_uart_output, b);
  avr_irq_register_notify(b->uart_irq + UART_IRQ_OUT_XON, on_uart_xon, b);
  avr_irq_register_notify(b->uart_irq + UART_IRQ_OUT_XOFF, on_uart_xoff, b);
  // No "line printing" of the UART output on simavr's console, and no usleep when the firmware polls.
  uint32_t flags = 0;
  avr_ioctl(avr, AVR_IOCTL_UART_SET_FLAGS('0'), &flags);
  pthread_mutex_init(&b->lock, NULL);
  pthread_create(&b->reader, NULL, reader_main, b);
  return b;
}

const char *pty_bridge_path(const pty_bridge_t *b) { return b->path; }

bool pty_bridge_pump(pty_bridge_t *b) {
  flush_output(b);
  // simavr 1.6 signals XON only when the firmware polls UCSR0A with an empty FIFO, which an interrupt-
  // driven receiver never does after its last byte: so look at the FIFO itself, and keep it under half
  // full (its bytes reach the firmware at the baud rate anyway).
  if (uart_input_waiting(b) < 16) b->xoff = false;
  pthread_mutex_lock(&b->lock);
  while (!b->xoff && b->in_tail != b->in_head && uart_input_waiting(b) < 32) {
    const uint8_t byte = b->in[b->in_tail];
    b->in_tail = (b->in_tail + 1) % IN_CAPACITY;
    b->received++;
    pthread_mutex_unlock(&b->lock);
    avr_raise_irq(b->uart_irq + UART_IRQ_INPUT, byte); // may raise XOFF
    pthread_mutex_lock(&b->lock);
  }
  pthread_mutex_unlock(&b->lock);
  return !*b->stop;
}

void pty_bridge_discard_input(pty_bridge_t *b) {
  pthread_mutex_lock(&b->lock);
  b->in_tail = b->in_head;
  pthread_mutex_unlock(&b->lock);
}

void pty_bridge_counters(const pty_bridge_t *b, uint64_t *sent, uint64_t *received, uint64_t *dropped) {
  *sent = b->sent;
  *received = b->received;
  *dropped = b->dropped;
}
