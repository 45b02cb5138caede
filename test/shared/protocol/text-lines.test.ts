import { describe, expect, it } from 'vitest';
import { parseTextLine, TextLineDecoder } from '../../../shared/protocol/text-lines';

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('parseTextLine', () => {
  it.each([
    ['512,498', [512, 498]],
    ['512 498', [512, 498]],
    ['512\t498', [512, 498]],
    ['  -1.5e2 , +.25\t3.  ', [-150, 0.25, 3]],
  ])('reads numbers from %j', (line, values) => {
    expect(parseTextLine(line)).toEqual({ ok: true, kind: 'values', values, labels: values.map(() => null) });
  });

  it('reads Arduino serial plotter labels name:value', () => {
    expect(parseTextLine('V:230.1,I:4.2 temp_C:21')).toEqual({ ok: true, kind: 'values', values: [230.1, 4.2, 21], labels: ['V', 'I', 'temp_C'] });
  });

  it('recognises a header line of names', () => {
    expect(parseTextLine('voltage current')).toEqual({ ok: true, kind: 'header', labels: ['voltage', 'current'] });
  });

  it.each(['12,abc!', 'V:', ':12', 'V 12', '1,2,NaN', '0x10', '1:2'])('rejects %j', (line) => {
    expect(parseTextLine(line).ok).toBe(false);
  });

  it('treats a blank line as empty', () => {
    expect(parseTextLine(' \t ')).toEqual({ ok: true, kind: 'empty' });
  });
});

describe('TextLineDecoder', () => {
  it('splits lines across chunks, handles CRLF, and applies header labels', () => {
    const got: [number[], (string | null)[]][] = [];
    const decoder = new TextLineDecoder((v, l) => got.push([v, l]), { synchronised: true });
    const text = 'V I\r\n1,2\r\n3 4\nV:5,I:6\n';
    for (const c of text) decoder.push(ascii(c));
    expect(got).toEqual([
      [[1, 2], ['V', 'I']],
      [[3, 4], ['V', 'I']],
      [[5, 6], ['V', 'I']],
    ]);
    expect(decoder.stats).toMatchObject({ linesDecoded: 3, malformedLines: 0, bytesReceived: text.length });
  });

  it('drops the first partial line when it joins mid-line, without calling it malformed', () => {
    const got: number[][] = [];
    const decoder = new TextLineDecoder((v) => got.push(v));
    decoder.push(ascii('3.5,12\n1,2\n'));
    expect(got).toEqual([[1, 2]]);
    expect(decoder.stats.malformedLines).toBe(0);
    expect(decoder.stats.bytesDiscarded).toBe(6);
  });

  it('counts binary garbage and overlong lines as malformed and recovers at the next newline', () => {
    const got: number[][] = [];
    const decoder = new TextLineDecoder((v) => got.push(v), { synchronised: true });
    decoder.push(Uint8Array.of(0x31, 0xff, 0x00, 0x32, 0x0a));
    decoder.push(ascii('9'.repeat(2000) + '\n7,8\n'));
    expect(got).toEqual([[7, 8]]);
    expect(decoder.stats.malformedLines).toBe(2);
    expect(decoder.stats.bytesDiscarded).toBe(4 + 2000);
  });

  it('never throws on random bytes', () => {
    let s = 99;
    const bytes = new Uint8Array(200_000);
    for (let k = 0; k < bytes.length; k++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      bytes[k] = s >>> 24;
    }
    const decoder = new TextLineDecoder(() => undefined);
    expect(() => decoder.push(bytes)).not.toThrow();
    expect(decoder.stats.malformedLines).toBeGreaterThan(0);
  });
});
