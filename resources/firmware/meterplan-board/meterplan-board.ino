// Meterplan acquisition board firmware, as an Arduino sketch folder: the Arduino IDE compiles the .c
// files beside this one. They define main() and their own interrupt handlers, so the Arduino core's
// main(), millis() timer and Serial are not linked in. Board: "Arduino Uno" (ATmega328p, 16 MHz).
// The same sources build with plain avr-gcc: `make -C resources/firmware` (see ../README.md).
