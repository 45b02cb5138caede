// The harness's side channel: command lines read from standard input by a thread of their own, handed
// to the simulation loop one at a time (it runs them between slices of simulated time).
#ifndef CONTROL_CHANNEL_H
#define CONTROL_CHANNEL_H

#include <stdbool.h>
#include <stddef.h>

/** Starts reading stdin; sets *stop at end of input (the program that started the harness is gone). */
void control_channel_start(volatile bool *stop);
/** Copies the next command line into `out` and returns true, or returns false when there is none. */
bool control_channel_take(char *out, size_t size);

#endif
