// Seeded pseudo-random generator: xoshiro128** 1.0 (Blackman & Vigna 2018, https://prng.di.unimi.it/),
// state seeded by SplitMix32 so that any 32-bit seed (0 included) gives a well-mixed, non-zero state.
// Pure integer arithmetic on 32-bit lanes (Math.imul, >>>), so the same seed gives the same stream on
// every platform — the engine's "same seed ⇒ same front, bit for bit" rests on it.

const TWO_POW_MINUS_32 = 2 ** -32;

/** SplitMix32 step (the 32-bit variant of Steele et al. 2014's SplitMix, as used to seed xoshiro128). */
function splitMix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `seed` is taken modulo 2^32 (negative and fractional seeds are rejected by validation upstream). */
  constructor(seed: number) {
    const state = { s: seed >>> 0 };
    this.a = splitMix32(state);
    this.b = splitMix32(state);
    this.c = splitMix32(state);
    this.d = splitMix32(state);
    if ((this.a | this.b | this.c | this.d) === 0) this.d = 1; // the all-zero state is a fixed point
  }

  /** A generator with an explicit xoshiro128 state (for checking against the reference implementation). */
  static fromState(a: number, b: number, c: number, d: number): Random {
    const r = new Random(0);
    r.a = a | 0;
    r.b = b | 0;
    r.c = c | 0;
    r.d = d | 0;
    return r;
  }

  /** Next 32-bit unsigned integer (xoshiro128**: rotl(b * 5, 7) * 9). */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform double in [0, 1) with 32 random bits (ample for evolutionary operators). */
  random(): number {
    return this.nextUint32() * TWO_POW_MINUS_32;
  }

  /** Uniform integer in [0, n), n ≥ 1 (n ≤ 2^32). Multiply-shift mapping; bias below n / 2^32. */
  int(n: number): number {
    return Math.floor(this.nextUint32() * TWO_POW_MINUS_32 * n);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.random() < p;
  }

  /** In-place Fisher–Yates shuffle. */
  shuffle<T>(items: { [index: number]: T; length: number }): void {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
  }

  /** A bound `random()` for APIs that take a plain function (e.g. Problem.sample). */
  readonly uniform = (): number => this.random();
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
