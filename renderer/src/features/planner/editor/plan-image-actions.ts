// Importing a plan image and calibrating its scale (DESIGN §3.1). The file is read in the renderer and
// sent in base64; the back end judges it by its bytes (PNG or JPEG, sane dimensions) and stores it, or
// refuses with a message and changes nothing. Calibration: two points clicked on the image, then a
// distance typed in metres.
import { err, ok, type Result } from '../../../../../shared/api/result';
import type { PlanImage, Point } from '../../../../../shared/model/building';
import { primePlanImage } from '../canvas/plan-image-cache';
import { editorStore, setTool } from './editor-store';
import { persist, type PlannerContext } from './plan-actions';

/** The back end's limit (electron/services/project/plan-image.ts), checked first to fail fast. */
export const MAX_PLAN_FILE_BYTES = 10 * 1024 * 1024;

/**
 * A distance typed by the user, in metres: "12.5", "12,5" (French decimal comma), "12.5 m". Returns a
 * positive finite number, or a reason: 'empty', 'not-a-number', 'not-positive'.
 */
export function parseDistanceM(text: string): { ok: true; value: number } | { ok: false; reason: 'empty' | 'not-a-number' | 'not-positive' } {
  const cleaned = text.trim().replace(/\s*m$/i, '').replace(/\s/g, '').replace(',', '.');
  if (cleaned === '') return { ok: false, reason: 'empty' };
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cleaned)) return { ok: false, reason: 'not-a-number' };
  const value = Number(cleaned);
  if (!Number.isFinite(value)) return { ok: false, reason: 'not-a-number' };
  if (value <= 0) return { ok: false, reason: 'not-positive' };
  return { ok: true, value };
}

function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

/** Sends a chosen file as the floor's plan; on success the calibration tool is armed. */
export async function importPlanImage(ctx: PlannerContext, file: File, tooLargeMessage: string): Promise<Result<PlanImage>> {
  const floorId = ctx.projectStore.getState().activeFloorId;
  if (floorId === null) return err('no-floor', 'There is no floor to put the plan on.');
  if (file.size > MAX_PLAN_FILE_BYTES) {
    ctx.ui.getState().pushToast('error', tooLargeMessage);
    return err('image-too-large', tooLargeMessage);
  }
  let dataUrl: string;
  try {
    dataUrl = await readAsDataUrl(file);
  } catch (e) {
    const r = err('unreadable', `"${file.name}" could not be read: ${(e as Error).message}`);
    ctx.ui.getState().pushToast('error', r.message);
    return r;
  }
  const dataBase64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const r = await persist(ctx, () => ctx.api.setPlanImage({ floorId, dataBase64, fileName: file.name }));
  if (r.ok) {
    primePlanImage(floorId, r.value, `data:${r.value.mime};base64,${dataBase64}`);
    setTool(editorStore, 'calibrate');
    editorStore.setState({ calibration: [] });
  }
  return r;
}

/** Metres on the floor → pixels of the plan image, and back. */
export const toImagePx = (plan: PlanImage, p: Point): Point => ({ x: (p.x - plan.originX) / plan.metresPerPx, y: (p.y - plan.originY) / plan.metresPerPx });
export const fromImagePx = (plan: PlanImage, p: Point): Point => ({ x: plan.originX + p.x * plan.metresPerPx, y: plan.originY + p.y * plan.metresPerPx });

export async function calibrate(ctx: PlannerContext, aPx: Point, bPx: Point, distanceM: number): Promise<Result<null>> {
  const floorId = ctx.projectStore.getState().activeFloorId;
  if (floorId === null) return err('no-floor', 'There is no floor to calibrate.');
  const r = await persist(ctx, () => ctx.api.calibratePlan({ floorId, aPx, bPx, distanceM }), { quiet: true });
  if (!r.ok) return r;
  editorStore.setState({ calibration: [] });
  setTool(editorStore, 'select');
  return ok(null);
}
