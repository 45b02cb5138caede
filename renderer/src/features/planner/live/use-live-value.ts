// A low-rate value derived from the live plan (a mode, a flag, a count) for React: the component
// re-renders only when the derived value changes, not on every frame of a drag.
import { useEffect, useState } from 'react';
import type { OverlayResult } from '../overlays/overlay-engine';
import { livePlan } from './live-plan';

export function useLiveValue<T extends string | number | boolean | null>(derive: (r: OverlayResult | null) => T): T {
  const [value, setValue] = useState<T>(() => derive(livePlan.current));
  useEffect(() => {
    setValue(derive(livePlan.current));
    return livePlan.subscribe((r) => setValue(derive(r)));
    // `derive` is a pure selector: following its identity would resubscribe on every render.
  }, []);
  return value;
}
