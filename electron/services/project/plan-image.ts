// What an imported plan image is, judged by its bytes and never by its name: PNG by its signature and
// IHDR chunk (PNG spec, ISO/IEC 15948 §5.2 and §11.2.2), JPEG by its SOI marker and the first
// start-of-frame segment (ITU-T T.81 §B.2.2, Table B.1). Anything else — a renamed GIF, a PDF, a
// truncated download — is refused with a message, before the project is touched.
import { err, ok, type Result } from '../../../shared/api/result';

export type PlanImageMime = 'image/png' | 'image/jpeg';

export interface ImageInfo {
  readonly mime: PlanImageMime;
  readonly widthPx: number;
  readonly heightPx: number;
}

/** Larger files do not fit a web-shell message once in base64 (16 MiB); a scanned plan rarely needs more. */
export const MAX_PLAN_IMAGE_BYTES = 10 * 1024 * 1024;
/** Beyond this a browser canvas cannot hold the image (Chromium's limit is 16 384 px on a side). */
export const MAX_PLAN_IMAGE_SIDE_PX = 16_384;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function inspectImage(bytes: Uint8Array, name = 'The file'): Result<ImageInfo> {
  if (bytes.byteLength === 0) return err('not-an-image', `${name} is empty.`);
  if (bytes.byteLength > MAX_PLAN_IMAGE_BYTES) {
    return err('image-too-large', `${name} is ${(bytes.byteLength / 1048576).toFixed(1)} MiB; a plan image may be at most ${MAX_PLAN_IMAGE_BYTES / 1048576} MiB.`);
  }
  const info = isPng(bytes) ? pngSize(bytes) : isJpeg(bytes) ? jpegSize(bytes) : null;
  if (info === null) return err('not-an-image', `${name} is not a PNG or JPEG image (its first bytes are ${hex(bytes.subarray(0, 4))}).`);
  if (!info.ok) return err('corrupt-image', `${name} looks like a ${info.mime === 'image/png' ? 'PNG' : 'JPEG'} image but ${info.why}.`);
  const { widthPx, heightPx } = info;
  if (widthPx < 1 || heightPx < 1) return err('corrupt-image', `${name} declares an empty picture (${widthPx} × ${heightPx} px).`);
  if (widthPx > MAX_PLAN_IMAGE_SIDE_PX || heightPx > MAX_PLAN_IMAGE_SIDE_PX) {
    return err('image-too-large', `${name} is ${widthPx} × ${heightPx} px; a plan image may be at most ${MAX_PLAN_IMAGE_SIDE_PX} px on a side.`);
  }
  return ok({ mime: info.mime, widthPx, heightPx });
}

type Sized = { ok: true; mime: PlanImageMime; widthPx: number; heightPx: number } | { ok: false; mime: PlanImageMime; why: string };

function isPng(b: Uint8Array): boolean {
  return b.byteLength >= 8 && PNG_SIGNATURE.every((v, i) => b[i] === v);
}

function isJpeg(b: Uint8Array): boolean {
  return b.byteLength >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
}

const u32 = (b: Uint8Array, at: number) => ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
const u16 = (b: Uint8Array, at: number) => (b[at]! << 8) + b[at + 1]!;

function pngSize(b: Uint8Array): Sized {
  const mime = 'image/png';
  // Signature (8), then the IHDR chunk: length 13, type "IHDR", width and height big-endian.
  if (b.byteLength < 33) return { ok: false, mime, why: 'it is cut short before its header ends' };
  const type = String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!);
  if (u32(b, 8) !== 13 || type !== 'IHDR') return { ok: false, mime, why: 'its first chunk is not a valid IHDR header' };
  return { ok: true, mime, widthPx: u32(b, 16), heightPx: u32(b, 20) };
}

function jpegSize(b: Uint8Array): Sized {
  const mime = 'image/jpeg';
  let at = 2;
  while (at + 4 <= b.byteLength) {
    if (b[at] !== 0xff) return { ok: false, mime, why: `its segment at byte ${at} has no marker` };
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    // Stand-alone markers carry no length (TEM, RSTn).
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = u16(b, at + 2);
    if (length < 2) return { ok: false, mime, why: `its segment at byte ${at} has a length of ${length}` };
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC): precision (1), height (2), width (2).
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (at + 9 > b.byteLength) break;
      return { ok: true, mime, widthPx: u16(b, at + 7), heightPx: u16(b, at + 5) };
    }
    if (marker === 0xda || marker === 0xd9) return { ok: false, mime, why: 'it has no frame header before its image data' };
    at += 2 + length;
  }
  return { ok: false, mime, why: 'it is cut short before its frame header' };
}

function hex(b: Uint8Array): string {
  return [...b].map((v) => v.toString(16).padStart(2, '0')).join(' ') || 'none';
}
