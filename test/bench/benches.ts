export interface Bench {
  readonly name: string;
  run(): Promise<void>;
}

// Each benchmark lives in its own file; register it here with one line.
export const benches: readonly Bench[] = [];
