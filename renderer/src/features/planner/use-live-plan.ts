// Keeps the plan editor's stores in step with the project: the live plan follows the snapshot (or the
// previewed solution) and the overlays chosen; the selection forgets what no longer exists; the
// undo state is fetched after every edit; a new file or floor starts the editor afresh.
import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import type { ProjectSnapshot } from '../../../../shared/model/building';
import { useApp } from '../../state/app-context';
import { previewStore } from '../optimizer/preview-store';
import { editorStore, resetEditor } from './editor/editor-store';
import { refreshUndoState } from './editor/plan-actions';
import { pruneSelection } from './editor/selection';
import { liveDevicesOf } from './live/live-devices';
import { livePlan } from './live/live-plan';
import { overlayStaticsFor } from './overlays/overlay-statics';

export function useLivePlan(snapshot: ProjectSnapshot | null, floorId: number | null, path: string) {
  const services = useApp();
  const preview = useStore(previewStore, (s) => s.preview);
  const overlays = useStore(editorStore, (s) => s.overlays);
  const devices = useMemo(() => (snapshot && floorId !== null ? liveDevicesOf(snapshot, floorId, preview) : []), [snapshot, floorId, preview]);

  useEffect(() => {
    livePlan.setPlan(snapshot && floorId !== null ? overlayStaticsFor(snapshot, floorId) : null, devices);
  }, [snapshot, floorId, devices]);

  useEffect(() => livePlan.setFlags(overlays), [overlays]);

  useEffect(() => {
    if (!snapshot || floorId === null) return;
    const on = <T extends { floorId: number }>(items: readonly T[]) => items.filter((i) => i.floorId === floorId);
    const items = { walls: on(snapshot.walls), zones: on(snapshot.zones), devices: devices.filter((d) => !d.ghost) };
    editorStore.setState((s) => ({ selection: pruneSelection(s.selection, items) }));
  }, [snapshot, floorId, devices]);

  useEffect(() => {
    resetEditor(editorStore);
    void refreshUndoState(services);
    return services.api.on('projectEdited', () => void refreshUndoState(services));
  }, [services, path, floorId]);

  return devices;
}
