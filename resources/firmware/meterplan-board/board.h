// The board: an ATmega328p at 16 MHz (Arduino Uno class) and how its pins are wired (see ../README.md).
#ifndef BOARD_H
#define BOARD_H

#ifndef F_CPU
#define F_CPU 16000000UL
#endif

#define FIRMWARE_VERSION_MAJOR 1
#define FIRMWARE_VERSION_MINOR 0
#define FIRMWARE_VERSION_PATCH 0

// Nominal mains frequency: protocol v1 has no command to change it, so it is chosen at build time
// (`make MAINS_HZ=60`). The sampling timer and the metrics windows follow it.
#ifndef MAINS_HZ
#define MAINS_HZ 50
#endif
#if MAINS_HZ != 50 && MAINS_HZ != 60
#error "MAINS_HZ must be 50 or 60"
#endif

// 1 Mbaud: exact at 16 MHz (UBRR0 = 0, U2X0 = 0), and it carries 128 samples per period of both channels
// at 60 Hz (7,680 pairs/s ≈ 33 kB/s framed) with two thirds of the line to spare.
#define UART_BAUD 1000000UL

// Analog inputs: ADC0 (Arduino A0) the voltage channel, ADC1 (A1) the current channel.
#define ADC_CHANNEL_VOLTAGE 0
#define ADC_CHANNEL_CURRENT 1
#define ADC_BITS 10

// DS18B20 data line on PD2 (Arduino D2), with a 4.7 kΩ pull-up to 5 V.
#define ONEWIRE_PORT PORTD
#define ONEWIRE_DDR DDRD
#define ONEWIRE_PIN PIND
#define ONEWIRE_BIT 2

// Identify LED: PB5 (Arduino D13, the Uno's "L" LED).
#define LED_PORT PORTB
#define LED_DDR DDRB
#define LED_BIT 5

// Sample pairs per SAMPLES frame: 137 bytes on the wire, half a period at 64 samples per period.
#define BLOCK_PAIRS 32

#define DEFAULT_SAMPLES_PER_PERIOD 64

#endif
