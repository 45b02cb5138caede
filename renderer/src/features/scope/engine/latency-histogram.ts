// End-to-end latencies (a sample reaching the back end → the frame that draws it) in 1 ms bins, so a
// run of any length keeps exact percentiles in constant memory.
export class LatencyHistogram {
  private readonly bins: Uint32Array;
  private total = 0;
  private overflow = 0;

  constructor(readonly maxMs = 5000) {
    this.bins = new Uint32Array(maxMs + 1);
  }

  add(latencyMs: number): void {
    if (!Number.isFinite(latencyMs)) return;
    const bin = Math.max(0, Math.round(latencyMs));
    if (bin > this.maxMs) this.overflow++;
    else this.bins[bin]++;
    this.total++;
  }

  get count(): number {
    return this.total;
  }

  /** The q-quantile (0…1), ms; null when empty; maxMs+1 when it falls among the overflow. */
  quantile(q: number): number | null {
    if (this.total === 0) return null;
    const rank = Math.min(this.total, Math.max(1, Math.ceil(q * this.total)));
    let seen = 0;
    for (let ms = 0; ms < this.bins.length; ms++) {
      seen += this.bins[ms];
      if (seen >= rank) return ms;
    }
    return this.maxMs + 1;
  }

  reset(): void {
    this.bins.fill(0);
    this.total = 0;
    this.overflow = 0;
  }
}
