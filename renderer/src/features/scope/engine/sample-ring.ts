// The scope's memory: the newest seconds of the stream in two Float32Array rings, addressed by the
// absolute sample index the back end gives (firstSampleIndex), with NaN where samples were lost. It also
// remembers when each batch's newest sample reached the back end, so that a drawn sample's end-to-end
// latency can be told. Plain arrays, no React: batches arrive at display rate and are copied in place.
export class SampleRing {
  readonly capacity: number;
  private readonly voltage: Float32Array;
  private readonly current: Float32Array;
  /** One past the newest sample's absolute index. */
  private endIndex = 0;
  private size = 0;
  /** (end index of a batch, back-end arrival time), oldest first, for the latency of what is drawn. */
  private arrivals: { endIndex: number; receivedAtMs: number }[] = [];

  constructor(capacity: number) {
    this.capacity = capacity;
    this.voltage = new Float32Array(capacity);
    this.current = new Float32Array(capacity);
  }

  /** Index of the oldest sample held. */
  get start(): number {
    return this.endIndex - this.size;
  }

  /** One past the newest sample's index. */
  get end(): number {
    return this.endIndex;
  }

  clear(): void {
    this.endIndex = 0;
    this.size = 0;
    this.arrivals = [];
  }

  /**
   * Appends a batch. A batch that starts before the end (a new connection restarts the indexes) clears
   * the ring first; one that starts after it leaves a gap of NaN (samples the link lost). Returns
   * whether the ring was cleared.
   */
  push(firstIndex: number, voltageV: readonly (number | null)[], currentA: readonly (number | null)[], receivedAtMs: number): boolean {
    let cleared = false;
    if (firstIndex < this.endIndex || firstIndex - this.endIndex >= this.capacity) {
      cleared = this.size > 0;
      this.size = 0;
      this.arrivals = [];
      this.endIndex = firstIndex;
    }
    while (this.endIndex < firstIndex) this.write(Number.NaN, Number.NaN);
    const n = Math.min(voltageV.length, currentA.length);
    for (let k = 0; k < n; k++) this.write(voltageV[k] ?? Number.NaN, currentA[k] ?? Number.NaN);
    if (n > 0) {
      this.arrivals.push({ endIndex: this.endIndex, receivedAtMs });
      const oldest = this.start;
      while (this.arrivals.length > 1 && this.arrivals[0].endIndex <= oldest) this.arrivals.shift();
    }
    return cleared;
  }

  private write(v: number, i: number): void {
    const at = this.endIndex % this.capacity;
    this.voltage[at] = v;
    this.current[at] = i;
    this.endIndex++;
    if (this.size < this.capacity) this.size++;
  }

  has(index: number): boolean {
    return index >= this.start && index < this.endIndex;
  }

  /** Voltage of sample `index` (NaN when lost or not held). */
  v(index: number): number {
    return this.has(index) ? this.voltage[index % this.capacity] : Number.NaN;
  }

  i(index: number): number {
    return this.has(index) ? this.current[index % this.capacity] : Number.NaN;
  }

  /** When the batch holding sample `index` reached the back end (its clock), or null. */
  arrivalOf(index: number): number | null {
    for (const a of this.arrivals) if (index < a.endIndex) return a.receivedAtMs;
    return null;
  }
}
