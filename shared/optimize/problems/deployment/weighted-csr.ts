// Compressed sparse rows with one float per item (a probability, a path loss), built row by row into
// growing typed arrays: the precomputed tables of a large floor hold millions of entries, which plain
// JS arrays of numbers would store at several times the size.
import type { CsrTable } from '../../problem';

export interface WeightedCsr extends CsrTable {
  readonly values: Float32Array;
}

export class WeightedCsrBuilder {
  private items = new Int32Array(1024);
  private values = new Float32Array(1024);
  private size = 0;
  private readonly offsets: number[] = [0];

  push(item: number, value: number): void {
    if (this.size === this.items.length) {
      const items = new Int32Array(this.size * 2);
      items.set(this.items);
      this.items = items;
      const values = new Float32Array(this.size * 2);
      values.set(this.values);
      this.values = values;
    }
    this.items[this.size] = item;
    this.values[this.size++] = value;
  }

  endRow(): void {
    this.offsets.push(this.size);
  }

  build(): WeightedCsr {
    return { offsets: Int32Array.from(this.offsets), items: this.items.slice(0, this.size), values: this.values.slice(0, this.size) };
  }
}

/** The transpose of a weighted table: column → rows, with the same values. */
export function transposeCsr(table: WeightedCsr, columnCount: number): WeightedCsr {
  const rows = table.offsets.length - 1;
  const offsets = new Int32Array(columnCount + 1);
  for (let k = 0; k < table.items.length; k++) offsets[table.items[k] + 1]++;
  for (let c = 0; c < columnCount; c++) offsets[c + 1] += offsets[c];
  const items = new Int32Array(table.items.length);
  const values = new Float32Array(table.items.length);
  const fill = offsets.slice(0, columnCount);
  for (let r = 0; r < rows; r++) {
    for (let k = table.offsets[r]; k < table.offsets[r + 1]; k++) {
      const at = fill[table.items[k]]++;
      items[at] = r;
      values[at] = table.values[k];
    }
  }
  return { offsets, items, values };
}

/** Table memory in bytes (for the benchmark). */
export function csrBytes(table: CsrTable & { values?: Float32Array }): number {
  return table.offsets.byteLength + table.items.byteLength + (table.values?.byteLength ?? 0);
}
