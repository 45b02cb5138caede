// Text mode: one sample per line, numbers separated by commas, spaces or tabs, optionally labelled
// `name:value` — what the Arduino IDE's serial plotter reads, so any board that prints its readings can
// feed the scope. A line of names only ("V I" or "V,I") sets the labels of the unlabelled lines after it.

export type TextLineResult =
  | { ok: true; kind: 'values'; values: number[]; labels: (string | null)[] }
  | { ok: true; kind: 'header'; labels: string[] }
  | { ok: true; kind: 'empty' }
  | { ok: false; reason: string };

/** Longest line accepted; anything longer is not a plotter line (or the baud rate is wrong). */
export const MAX_TEXT_LINE_CHARS = 512;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NAME = /^[A-Za-z_][\w.\-/()%]*$/;

/** Parses one line (without its line ending). */
export function parseTextLine(line: string): TextLineResult {
  const trimmed = line.trim();
  if (trimmed === '') return { ok: true, kind: 'empty' };
  const tokens = trimmed.split(/[,\s]+/).filter((t) => t !== '');
  const values: number[] = [];
  const labels: (string | null)[] = [];
  let names = 0;
  for (const token of tokens) {
    const colon = token.lastIndexOf(':');
    const label = colon >= 0 ? token.slice(0, colon) : null;
    const text = colon >= 0 ? token.slice(colon + 1) : token;
    if (label !== null && !NAME.test(label)) return { ok: false, reason: `bad label "${label}"` };
    if (NUMBER.test(text)) {
      values.push(Number(text));
      labels.push(label);
    } else if (label === null && NAME.test(text)) {
      names++;
    } else {
      return { ok: false, reason: `not a number: "${text.slice(0, 20)}"` };
    }
  }
  if (names === tokens.length) return { ok: true, kind: 'header', labels: tokens };
  if (names > 0) return { ok: false, reason: 'a line mixes names and numbers' };
  return { ok: true, kind: 'values', values, labels };
}

export interface TextDecoderStats {
  bytesReceived: number;
  linesDecoded: number;
  malformedLines: number;
  bytesDiscarded: number;
}

/** Splits a byte stream into lines and parses them; never throws on hostile input. */
export class TextLineDecoder {
  readonly stats: TextDecoderStats = { bytesReceived: 0, linesDecoded: 0, malformedLines: 0, bytesDiscarded: 0 };
  /** Labels from the last header line, for lines that carry none. */
  headerLabels: string[] = [];
  private line: number[] = [];
  private overlong = false;
  private binary = false;
  private synchronised: boolean;

  /**
   * @param onValues receives each line's numbers and their labels (from the line or the last header).
   * @param options.synchronised false (default) when the port may be opened mid-line: the first partial
   *   line is dropped without counting as malformed.
   */
  constructor(
    private readonly onValues: (values: number[], labels: (string | null)[]) => void,
    options: { synchronised?: boolean } = {},
  ) {
    this.synchronised = options.synchronised ?? false;
  }

  push(chunk: Uint8Array): void {
    this.stats.bytesReceived += chunk.length;
    for (let k = 0; k < chunk.length; k++) {
      const b = chunk[k];
      if (b === 0x0a) {
        this.endOfLine();
        continue;
      }
      if (b === 0x0d) continue;
      if (this.overlong) {
        this.stats.bytesDiscarded++;
        continue;
      }
      // Printable ASCII and tab only; anything else means binary data or a wrong baud rate.
      if ((b < 0x20 && b !== 0x09) || b > 0x7e) this.binary = true;
      this.line.push(b);
      if (this.line.length > MAX_TEXT_LINE_CHARS) {
        this.stats.bytesDiscarded += this.line.length;
        this.line = [];
        this.overlong = true;
      }
    }
  }

  private endOfLine(): void {
    const wasSynchronised = this.synchronised;
    this.synchronised = true;
    const bytes = this.line;
    const bad = this.overlong || this.binary;
    this.line = [];
    this.overlong = false;
    this.binary = false;
    if (!wasSynchronised) {
      this.stats.bytesDiscarded += bytes.length;
      return;
    }
    if (bad) {
      this.stats.bytesDiscarded += bytes.length;
      this.stats.malformedLines++;
      return;
    }
    const result = parseTextLine(String.fromCharCode(...bytes));
    if (!result.ok) {
      this.stats.bytesDiscarded += bytes.length;
      this.stats.malformedLines++;
      return;
    }
    if (result.kind === 'header') this.headerLabels = result.labels;
    if (result.kind !== 'values') return;
    this.stats.linesDecoded++;
    const labels = result.labels.map((l, k) => l ?? this.headerLabels[k] ?? null);
    this.onValues(result.values, labels);
  }
}
