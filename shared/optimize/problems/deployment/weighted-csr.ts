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

/** Table memory in bytes (for the benchmark). */
export function csrBytes(table: CsrTable & { values?: Float32Array }): number {
  return table.offsets.byteLength + table.items.byteLength + (table.values?.byteLength ?? 0);
}
