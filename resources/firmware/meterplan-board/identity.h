// Who the board is: its serial (EEPROM, else the DS18B20's ROM code, else made once from ADC noise and
// kept), and the 22-byte identity body of the HELLO frame and of the getIdentity ACK.
#ifndef IDENTITY_H
#define IDENTITY_H

#include <stdbool.h>
#include <stdint.h>

/** Settles the board serial; may take ≈ 60 ms of samples on a blank board without a sensor. */
void identity_init(void);
/** Writes the identity body (IDENTITY_BYTES) into the open frame. */
void identity_put_body(bool streaming);
void identity_send_hello(bool streaming);

#endif
