// CRC-16/XMODEM (width 16, poly 0x1021, init 0x0000, no reflection, xorout 0x0000; check value 0x31C3
// for "123456789", per the Reveng catalogue). Chosen because avr-libc's `_crc_xmodem_update` in
// <util/crc16.h> computes exactly this, so the firmware needs no table of its own.
// Table-driven here (one lookup per byte) because the host decodes a full-rate stream.

const CRC16_XMODEM_TABLE: Uint16Array = (() => {
  const table = new Uint16Array(256);
  for (let byte = 0; byte < 256; byte++) {
    let crc = byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    table[byte] = crc;
  }
  return table;
})();

/** CRC-16/XMODEM of `bytes[start, end)`, continuing from `crc` (0 to start a new one). */
export function crc16Xmodem(bytes: Uint8Array, start = 0, end = bytes.length, crc = 0): number {
  let c = crc & 0xffff;
  for (let k = start; k < end; k++) c = ((c << 8) & 0xffff) ^ CRC16_XMODEM_TABLE[((c >>> 8) ^ bytes[k]) & 0xff];
  return c;
}
