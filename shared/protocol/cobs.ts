// Consistent Overhead Byte Stuffing (Cheshire & Baker, IEEE/ACM Trans. Networking 7(2), 1999): removes
// every 0x00 from a frame so that 0x00 can delimit frames on the wire. Overhead is one byte per 254 bytes
// of payload, at most; protocol v1 limits a frame to 254 bytes before stuffing, so it is exactly one byte.

/** Largest encoded size of `length` payload bytes (without the 0x00 delimiter). */
export function cobsMaxEncodedLength(length: number): number {
  return length + Math.floor(length / 254) + 1;
}

/**
 * Encodes `src` into `dst` at `dstOffset` (no delimiter) and returns the offset after the last written
 * byte. `dst` must have room for cobsMaxEncodedLength(src.length) bytes.
 */
export function cobsEncodeInto(src: Uint8Array, dst: Uint8Array, dstOffset = 0): number {
  let codeIndex = dstOffset;
  let out = dstOffset + 1;
  let code = 1;
  for (let k = 0; k < src.length; k++) {
    const b = src[k];
    if (b === 0) {
      dst[codeIndex] = code;
      codeIndex = out++;
      code = 1;
    } else {
      dst[out++] = b;
      code++;
      if (code === 0xff) {
        dst[codeIndex] = code;
        codeIndex = out++;
        code = 1;
      }
    }
  }
  dst[codeIndex] = code;
  return out;
}

/** COBS-encodes `src` (no delimiter). */
export function cobsEncode(src: Uint8Array): Uint8Array {
  const dst = new Uint8Array(cobsMaxEncodedLength(src.length));
  return dst.subarray(0, cobsEncodeInto(src, dst));
}

/**
 * Decodes `src[start, end)` (a frame without its delimiter) into `dst` and returns the decoded length,
 * or -1 when the bytes are not valid COBS (a zero byte inside, or a code that runs past the end).
 * `dst` needs `end - start` bytes of room.
 */
export function cobsDecodeInto(src: Uint8Array, start: number, end: number, dst: Uint8Array): number {
  let out = 0;
  let k = start;
  while (k < end) {
    const code = src[k];
    if (code === 0) return -1;
    const blockEnd = k + code;
    if (blockEnd > end) return -1;
    k++;
    while (k < blockEnd) {
      const b = src[k++];
      if (b === 0) return -1;
      dst[out++] = b;
    }
    // A block shorter than 255 stands for "data, then a zero" — except the last block, whose zero is
    // the delimiter itself.
    if (code !== 0xff && k < end) dst[out++] = 0;
  }
  return out;
}

/** COBS-decodes one frame (without its delimiter); null when it is not valid COBS. */
export function cobsDecode(src: Uint8Array): Uint8Array | null {
  const dst = new Uint8Array(src.length);
  const n = cobsDecodeInto(src, 0, src.length, dst);
  return n < 0 ? null : dst.subarray(0, n);
}
