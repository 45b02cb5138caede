// sim-board: the acquisition board's firmware on a simulated ATmega328p (simavr 1.6), for end-to-end tests.
//
//   sim-board --firmware out/firmware/meterplan-board-50hz.elf [options]
//
// It runs the core at 16 MHz with AVCC = AREF = 5 V, feeds ADC0/ADC1 from a synthetic mains waveform
// (mains-waveform.h), pulls the 1-Wire line up (no DS18B20 on the bus), and bridges USART0 to a
// pseudo-terminal without loss (pty-bridge.h). Its first line on stdout is "pty <path>".
// Commands on stdin, one a line, each answered "ok <command>" (or "error <message>") on stdout:
//   reset           external reset (what DTR does on an Uno): EEPROM kept
//   stall <ms>      freeze the core for <ms> of wall-clock time ("event resumed" when it runs again)
//   hang            make the firmware loop with interrupts off, as a lock-up would: the watchdog must act
//   status          "status cycle=… sim_ms=… sent=… received=… dropped=… skew_cycles=min..max skew_mean=…
//                   resets=… busy_pct=… stack_bytes=…" (resets: external and watchdog; busy: share of cycles
//                   not asleep; stack: deepest)
//   figures-reset   restart the busy/stack/skew figures (e.g. once streaming has started)
//   quit            save the EEPROM (--eeprom) and exit; so does end of input or SIGTERM
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <avr_extint.h>
#include <avr_ioport.h>
#include <sim_avr.h>
#include <sim_elf.h>
#include <sim_io.h>
#include <sim_irq.h>

#include "analog-inputs.h"
#include "board-eeprom.h"
#include "control-channel.h"
#include "mains-waveform.h"
#include "pty-bridge.h"

#define AVCC_MV 5000

static volatile bool stop_requested;
static FILE *report; // the real stdout; simavr's own printf output goes to stderr
static avr_t *avr;
static mains_waveform_t wave;
static unsigned resets;
// Figures for BENCHMARKS.md: how busy the firmware keeps the core, and how deep its stack went.
static avr_cycle_count_t sleeping_cycles, counted_cycles;
static uint16_t lowest_sp = 0xFFFF;
// --profile FILE: cycles spent at each flash word, written at exit ("address cycles" lines), to be
// matched against `avr-nm -n` of the ELF.
static uint32_t *profile;

static void on_signal(int sig) {
  (void)sig;
  stop_requested = true;
}

// ── time ─────────────────────────────────────────────────────────────────────────────────────────────
static uint64_t wall_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static double sim_seconds(void) { return (double)avr->cycle / avr->frequency; }

// simavr's default sleep callback paces a sleeping core to the wall clock by itself; the harness paces
// everything in run_loop() instead, at the speed asked for.
// The core then skips how_long + 1 cycles asleep (avr_callback_run_raw): count them for busy_pct.
static void no_sleep(avr_t *a, avr_cycle_count_t how_long) {
  (void)a;
  sleeping_cycles += how_long + 1;
}

// ── faults ───────────────────────────────────────────────────────────────────────────────────────────
static int hang_firmware(void) {
  // avr-libc's _exit is "cli; rjmp ." (0x94F8, 0xCFFF): jump there, as a firmware stuck with interrupts
  // off would be. Only the watchdog can get it out.
  for (uint32_t a = 0; a + 3 < avr->flashend; a += 2) {
    const uint16_t w0 = (uint16_t)(avr->flash[a] | avr->flash[a + 1] << 8);
    const uint16_t w1 = (uint16_t)(avr->flash[a + 2] | avr->flash[a + 3] << 8);
    if (w0 == 0x94F8 && w1 == 0xCFFF) {
      avr->pc = a;
      if (avr->state == cpu_Sleeping) avr->state = cpu_Running;
      return 0;
    }
  }
  return -1;
}

// ── main loop ────────────────────────────────────────────────────────────────────────────────────────
typedef struct {
  double speed; // simulated seconds per wall-clock second; 0: as fast as the host can
  pty_bridge_t *bridge;
  uint64_t stall_until_ns;
  uint64_t wall_base_ns;
  avr_cycle_count_t cycle_base;
} run_state_t;

static void rebase_clock(run_state_t *r) {
  r->wall_base_ns = wall_ns();
  r->cycle_base = avr->cycle;
}

static void run_command(run_state_t *r, const char *line) {
  char verb[32] = "";
  long arg = 0;
  const int fields = sscanf(line, "%31s %ld", verb, &arg);
  if (fields < 1) return;
  if (strcmp(verb, "reset") == 0) {
    avr_reset(avr);
    resets++;
    fprintf(report, "ok reset\n");
  } else if (strcmp(verb, "stall") == 0 && fields == 2 && arg > 0) {
    r->stall_until_ns = wall_ns() + (uint64_t)arg * 1000000ULL;
    fprintf(report, "ok stall %ld\n", arg);
  } else if (strcmp(verb, "hang") == 0) {
    if (hang_firmware() == 0) fprintf(report, "ok hang\n");
    else fprintf(report, "error hang: no \"cli; rjmp .\" in the firmware\n");
  } else if (strcmp(verb, "status") == 0) {
    uint64_t sent, received, dropped;
    pty_bridge_counters(r->bridge, &sent, &received, &dropped);
    const skew_figures_t skew = analog_inputs_skew();
    fprintf(report, "status cycle=%llu sim_ms=%.3f sent=%llu received=%llu dropped=%llu skew_cycles=%ld..%ld skew_mean=%.2f resets=%u busy_pct=%.2f stack_bytes=%u\n",
            (unsigned long long)avr->cycle, sim_seconds() * 1000.0, (unsigned long long)sent, (unsigned long long)received,
            (unsigned long long)dropped, skew.min_cycles, skew.max_cycles, skew.mean_cycles, resets,
            counted_cycles ? 100.0 * (double)(counted_cycles - sleeping_cycles) / (double)counted_cycles : 0.0, (unsigned)(0x8FF - lowest_sp));
  } else if (strcmp(verb, "figures-reset") == 0) {
    sleeping_cycles = counted_cycles = 0;
    analog_inputs_reset_figures();
    fprintf(report, "ok figures-reset\n");
  } else if (strcmp(verb, "quit") == 0) {
    stop_requested = true;
    fprintf(report, "ok quit\n");
  } else {
    fprintf(report, "error unknown command: %s\n", line);
  }
  fflush(report);
}

static int run_loop(run_state_t *r, bool wait_client) {
  char line[256];
  const avr_cycle_count_t slice = avr->frequency / 1000; // 1 ms of simulated time between pumps
  while (wait_client && !stop_requested && !pty_bridge_client_connected(r->bridge)) {
    if (control_channel_take(line, sizeof line)) run_command(r, line);
    usleep(2000);
  }
  rebase_clock(r);
  while (!stop_requested) {
    if (control_channel_take(line, sizeof line)) run_command(r, line);
    if (r->stall_until_ns) {
      if (wall_ns() < r->stall_until_ns) {
        usleep(1000);
        continue;
      }
      r->stall_until_ns = 0;
      rebase_clock(r); // no catching up after a stall
      // What the host sent meanwhile met a UART that was not being read: on a board it would be lost.
      pty_bridge_discard_input(r->bridge);
      fprintf(report, "event resumed\n");
      fflush(report);
    }
    const avr_cycle_count_t target = avr->cycle + slice;
    while (avr->cycle < target) {
      const avr_cycle_count_t before = avr->cycle;
      const avr_flashaddr_t pc = avr->pc;
      const int state = avr_run(avr);
      counted_cycles += avr->cycle - before;
      if (avr->pc == 0 && pc != 0) resets++; // the watchdog (or the firmware) reset the core
      if (profile && avr->state == cpu_Running && pc < 32768) profile[pc >> 1] += (uint32_t)(avr->cycle - before);
      const uint16_t sp = (uint16_t)(avr->data[R_SPL] | avr->data[R_SPH] << 8);
      if (sp < lowest_sp && sp > 0x100) lowest_sp = sp;
      if (state == cpu_Done || state == cpu_Crashed) {
        fprintf(report, "event stopped %s at pc=0x%04x\n", state == cpu_Done ? "done" : "crashed", avr->pc);
        fflush(report);
        return 3;
      }
    }
    pty_bridge_pump(r->bridge);
    if (r->speed > 0) {
      const double ahead_ns = (double)(avr->cycle - r->cycle_base) * 1e9 / avr->frequency / r->speed - (double)(wall_ns() - r->wall_base_ns);
      if (ahead_ns > 200000.0) {
        const struct timespec ts = {.tv_sec = (time_t)(ahead_ns / 1e9), .tv_nsec = (long)((uint64_t)ahead_ns % 1000000000ULL)};
        nanosleep(&ts, NULL);
      }
    }
  }
  return 0;
}

static void usage(void) {
  fprintf(stderr,
          "usage: sim-board --firmware FILE.elf [--speed X] [--wait-client] [--eeprom FILE] [--serial HEX16]\n"
          "       [--mains-hz F] [--v-amp V] [--v-bias V] [--v-phase DEG] [--v-harmonic N:RATIO:DEG]...\n"
          "       [--i-amp V] [--i-bias V] [--i-phase DEG] [--i-harmonic N:RATIO:DEG]... [--noise-lsb S] [--seed N]\n"
          "       [--profile FILE] [--verbose]\n"
          "Volts are at the ADC pins (0-5 V); amplitudes are peaks. --speed 0 runs as fast as possible.\n"
          "Prints \"pty PATH\" first; then takes reset, stall MS, hang, status, figures-reset, quit on stdin.\n");
}

int main(int argc, char **argv) {
  const char *firmware = NULL, *eeprom_path = NULL, *serial = NULL, *profile_path = NULL;
  bool wait_client = false;
  int log_level = LOG_ERROR;
  run_state_t run = {.speed = 1.0};
  waveform_defaults(&wave);
  static const struct option options[] = {
      {"firmware", required_argument, 0, 'f'}, {"speed", required_argument, 0, 's'},  {"wait-client", no_argument, 0, 'w'},
      {"eeprom", required_argument, 0, 'e'},   {"serial", required_argument, 0, 'n'}, {"mains-hz", required_argument, 0, 'm'},
      {"v-amp", required_argument, 0, 'a'},    {"v-bias", required_argument, 0, 'b'}, {"v-phase", required_argument, 0, 'p'},
      {"v-harmonic", required_argument, 0, 'h'}, {"i-amp", required_argument, 0, 'A'}, {"i-bias", required_argument, 0, 'B'},
      {"i-phase", required_argument, 0, 'P'},  {"i-harmonic", required_argument, 0, 'H'}, {"noise-lsb", required_argument, 0, 'z'},
      {"seed", required_argument, 0, 'r'},     {"profile", required_argument, 0, 'o'}, {"verbose", no_argument, 0, 'v'},
      {"help", no_argument, 0, '?'}, {0, 0, 0, 0}};
  int opt;
  while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
    char *end = NULL;
    const double x = optarg ? strtod(optarg, &end) : 0;
    const bool number = optarg && end && *end == 0;
    switch (opt) {
      case 'f': firmware = optarg; break;
      case 'w': wait_client = true; break;
      case 'e': eeprom_path = optarg; break;
      case 'n': serial = optarg; break;
      case 'o': profile_path = optarg; break;
      case 'v': log_level = LOG_TRACE; break;
      case '?':
        if (optopt == 0 && strcmp(argv[optind - 1], "--help") == 0) {
          usage();
          return 0;
        }
        goto bad;
      case 'h': if (waveform_add_harmonic(&wave, 0, optarg) != 0) goto bad; break;
      case 'H': if (waveform_add_harmonic(&wave, 1, optarg) != 0) goto bad; break;
      case 's': if (!number || x < 0) goto bad; run.speed = x; break;
      case 'm': if (!number || x <= 0) goto bad; wave.frequency_hz = x; break;
      case 'a': if (!number) goto bad; wave.channel[0].amplitude_v = x; break;
      case 'b': if (!number) goto bad; wave.channel[0].bias_v = x; break;
      case 'p': if (!number) goto bad; wave.channel[0].phase_deg = x; break;
      case 'A': if (!number) goto bad; wave.channel[1].amplitude_v = x; break;
      case 'B': if (!number) goto bad; wave.channel[1].bias_v = x; break;
      case 'P': if (!number) goto bad; wave.channel[1].phase_deg = x; break;
      case 'z': if (!number || x < 0) goto bad; wave.noise_lsb = x; break;
      case 'r': if (!number) goto bad; wave.noise_state ^= (uint64_t)x * 0x9E3779B97F4A7C15ULL + 1; break;
      default: goto bad;
    }
    continue;
  bad:
    fprintf(stderr, "sim-board: bad option %s%s%s\n", argv[optind - 1], optarg ? " " : "", optarg ? optarg : "");
    usage();
    return 2;
  }
  if (!firmware || optind != argc) {
    usage();
    return 2;
  }

  // Keep our own stdout for the report lines; simavr prints its chatter with printf.
  report = fdopen(dup(STDOUT_FILENO), "w");
  dup2(STDERR_FILENO, STDOUT_FILENO);

  elf_firmware_t f;
  memset(&f, 0, sizeof f);
  if (elf_read_firmware(firmware, &f) != 0) {
    fprintf(stderr, "sim-board: cannot read %s\n", firmware);
    return 1;
  }
  avr = avr_make_mcu_by_name("atmega328p");
  if (!avr) {
    fprintf(stderr, "sim-board: simavr has no atmega328p core\n");
    return 1;
  }
  avr_init(avr);
  avr->log = (uint8_t)log_level;
  f.frequency = 16000000;
  f.vcc = f.avcc = f.aref = AVCC_MV;
  avr_load_firmware(avr, &f);
  avr->frequency = 16000000;
  avr->vcc = avr->avcc = avr->aref = AVCC_MV;
  avr->sleep = no_sleep;

  // simavr 1.6 polls INT0/INT1 every cycle while their pin is low and they are in low-level mode (the
  // reset default, interrupts enabled or not): PD3 floats low here, which slowed the simulation 3-fold.
  // The firmware uses no external interrupt.
  avr_extint_set_strict_lvl_trig(avr, 0, 0);
  avr_extint_set_strict_lvl_trig(avr, 1, 0);

  analog_inputs_attach(avr, &wave, AVCC_MV);
  // The DS18B20's 4.7 kΩ pull-up with no sensor on the bus: the released line reads high.
  avr_raise_irq(avr_io_getirq(avr, AVR_IOCTL_IOPORT_GETIRQ('D'), 2), 1);

  if (eeprom_path) board_eeprom_load(avr, eeprom_path);
  if (serial && board_eeprom_preset_serial(avr, serial) != 0) {
    fprintf(stderr, "sim-board: --serial takes 16 hex digits\n");
    return 2;
  }

  run.bridge = pty_bridge_open(avr, &stop_requested);
  if (!run.bridge) return 1;
  signal(SIGTERM, on_signal);
  signal(SIGINT, on_signal);
  signal(SIGPIPE, SIG_IGN);
  control_channel_start(&stop_requested);

  fprintf(report, "pty %s\n", pty_bridge_path(run.bridge));
  fflush(report);
  if (profile_path) profile = calloc(16384, sizeof *profile);
  const int status = run_loop(&run, wait_client);
  if (eeprom_path) board_eeprom_save(avr, eeprom_path);
  if (profile_path) {
    FILE *f = fopen(profile_path, "w");
    for (unsigned k = 0; f && k < 16384; k++) {
      if (profile[k]) fprintf(f, "%x %u\n", k * 2, profile[k]);
    }
    if (f) fclose(f);
  }
  fflush(report);
  return status;
}
