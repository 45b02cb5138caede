// Duplicate detection for genomes (pymoo's `eliminate_duplicates`): on discrete encodings a converged
// population fills with clones, which wastes evaluations and collapses the front. Genomes are hashed
// (FNV-1a over their bytes) and compared element-wise on a hash hit.
import type { Genome } from '../problem';

export function genomeHash(x: Genome): number {
  const bytes = new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
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
