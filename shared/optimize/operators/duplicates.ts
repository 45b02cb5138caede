// Duplicate detection for genomes (pymoo's `eliminate_duplicates`): on discrete encodings a converged
// population fills with clones, which wastes evaluations and collapses the front. Genomes are hashed
// (FNV-1a over their bytes or 32-bit words) and compared element-wise on a hash hit.
import type { Genome } from '../problem';

export function genomeHash(x: Genome): number {
  let h = 0x811c9dc5;
  if (x instanceof Uint8Array) {
    for (let i = 0; i < x.length; i++) h = Math.imul(h ^ x[i], 0x01000193);
  } else {
    // 32-bit words: site indices as they are, doubles as their two halves.
    const words = x instanceof Int32Array ? x : new Int32Array(x.buffer, x.byteOffset, x.length * 2);
    for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i], 0x01000193);
  }
  // Mix in the length so that placement sets [] and [0] differ.
  return Math.imul(h ^ x.length, 0x01000193) >>> 0;
}

export function genomesEqual(a: Genome, b: Genome): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class GenomeSet {
  private readonly buckets = new Map<number, Genome[]>();

  add(x: Genome): void {
    const h = genomeHash(x);
    const bucket = this.buckets.get(h);
    if (bucket) bucket.push(x);
    else this.buckets.set(h, [x]);
  }

  has(x: Genome): boolean {
    const bucket = this.buckets.get(genomeHash(x));
    return bucket !== undefined && bucket.some((y) => genomesEqual(x, y));
  }
}
