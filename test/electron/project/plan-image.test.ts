import { describe, expect, it } from 'vitest';
import { inspectImage, MAX_PLAN_IMAGE_BYTES } from '../../../electron/services/project/plan-image';
import { makeJpegHeader, makePng } from './png-fixture';

describe('plan image inspection (by magic bytes, never by name)', () => {
  it('reads the size of a PNG from its IHDR chunk', () => {
    expect(inspectImage(makePng(37, 21))).toEqual({ ok: true, value: { mime: 'image/png', widthPx: 37, heightPx: 21 } });
  });

  it('reads the size of a JPEG from its start-of-frame segment, past the APP0 segment', () => {
    expect(inspectImage(makeJpegHeader(640, 480))).toEqual({ ok: true, value: { mime: 'image/jpeg', widthPx: 640, heightPx: 480 } });
  });

  it('refuses what is not a PNG or JPEG, naming the file and its first bytes', () => {
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1');
    expect(inspectImage(gif, '"plan.png"')).toEqual({
      ok: false,
      code: 'not-an-image',
      message: '"plan.png" is not a PNG or JPEG image (its first bytes are 47 49 46 38).',
    });
    expect(inspectImage(Buffer.from('hello, this is text'))).toMatchObject({ ok: false, code: 'not-an-image' });
    expect(inspectImage(new Uint8Array(0))).toMatchObject({ ok: false, code: 'not-an-image', message: 'The file is empty.' });
  });

  it('refuses a truncated PNG and a JPEG without a frame header', () => {
    expect(inspectImage(makePng(10, 10).subarray(0, 20))).toMatchObject({ ok: false, code: 'corrupt-image' });
    const noFrame = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xda, 0x00, 0x02]);
    expect(inspectImage(noFrame)).toMatchObject({ ok: false, code: 'corrupt-image', message: expect.stringMatching(/no frame header/) });
  });

  it('refuses pictures too large for a canvas or a message', () => {
    const huge = makePng(2, 2);
    huge.writeUInt32BE(20_000, 16); // width in IHDR
    expect(inspectImage(huge)).toMatchObject({ ok: false, code: 'image-too-large', message: expect.stringMatching(/20000 × 2 px/) });
    const zero = makePng(2, 2);
    zero.writeUInt32BE(0, 20);
    expect(inspectImage(zero)).toMatchObject({ ok: false, code: 'corrupt-image' });
    expect(inspectImage(new Uint8Array(MAX_PLAN_IMAGE_BYTES + 1))).toMatchObject({ ok: false, code: 'image-too-large' });
  });
});
