// Tells the main loop, asleep between interrupts, that an interrupt brought it work (a sample pair, a
// command). Every interrupt wakes the core — the UART's every 10 µs while sending — and looking at one
// flag is what keeps the wake-ups that bring nothing at a few cycles each.
#ifndef WAKEUP_H
#define WAKEUP_H

#include <stdbool.h>

extern volatile bool work_pending;

#endif
