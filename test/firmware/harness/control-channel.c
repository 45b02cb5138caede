#include "control-channel.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static pthread_mutex_t control_lock = PTHREAD_MUTEX_INITIALIZER;
static char control_line[256];
static bool control_pending;
static volatile bool *stop_flag;

static void *control_main(void *arg) {
  (void)arg;
  char line[256];
  while (fgets(line, sizeof line, stdin)) {
    line[strcspn(line, "\r\n")] = 0;
    for (;;) { // one command at a time: wait for the simulation to take the previous one
      pthread_mutex_lock(&control_lock);
      if (!control_pending) {
        snprintf(control_line, sizeof control_line, "%s", line);
        control_pending = true;
        pthread_mutex_unlock(&control_lock);
        break;
      }
      pthread_mutex_unlock(&control_lock);
      usleep(1000);
    }
  }
  *stop_flag = true;
  return NULL;
}

void control_channel_start(volatile bool *stop) {
  stop_flag = stop;
  pthread_t thread;
  pthread_create(&thread, NULL, control_main, NULL);
  pthread_detach(thread);
}

bool control_channel_take(char *out, size_t size) {
  bool got = false;
  pthread_mutex_lock(&control_lock);
  if (control_pending) {
    snprintf(out, size, "%s", control_line);
    control_pending = false;
    got = true;
  }
  pthread_mutex_unlock(&control_lock);
  return got;
}
