// Plan images, fetched from the back end once per floor and kept decoded. The snapshot carries only the
// image's placement (plan_json); its bytes come on demand (getPlanImage). Keyed by floor and pixel size:
// calibrating the scale does not fetch the image again; importing primes the cache with the new file.
import type { MeterplanApi } from '../../../../../shared/api/contract';
import type { PlanImage } from '../../../../../shared/model/building';

const cache = new Map<string, Promise<HTMLImageElement | null>>();
const keyOf = (floorId: number, plan: PlanImage) => `${floorId}:${plan.mime}:${plan.widthPx}x${plan.heightPx}`;

function decode(src: string): Promise<HTMLImageElement | null> {
  const img = new Image();
  img.src = src;
  return img.decode().then(
    () => img,
    () => null,
  );
}

export function loadPlanImage(api: MeterplanApi, floorId: number, plan: PlanImage): Promise<HTMLImageElement | null> {
  const key = keyOf(floorId, plan);
  let entry = cache.get(key);
  if (!entry) {
    entry = api.getPlanImage({ floorId }).then(
      (r) => (r.ok && r.value ? decode(`data:${r.value.mime};base64,${r.value.dataBase64}`) : null),
      () => null,
    );
    cache.set(key, entry);
    // A failed fetch is not remembered: the next render tries again.
    void entry.then((img) => {
      if (!img && cache.get(key) === entry) cache.delete(key);
    });
  }
  return entry;
}

export function primePlanImage(floorId: number, plan: PlanImage, dataUrl: string): void {
  forgetPlanImages(floorId);
  cache.set(keyOf(floorId, plan), decode(dataUrl));
}

/** After an undo or redo of an import the floor's image may be another one of the same size. */
export function forgetPlanImages(floorId: number): void {
  for (const k of [...cache.keys()]) if (k.startsWith(`${floorId}:`)) cache.delete(k);
}
