// One metering bench per window, made on first use from the window's services (the status bar makes it
// at start-up), so the Scope view, the Monitor view and the status bar share the link's state, the
// scope's memory and its settings. After the link to the back end comes back, it reloads what it shows.
import { useStore } from 'zustand';
import type { MeterplanApi } from '../../../../shared/api/contract';
import type { ConnectionSource } from '../../api/connection';
import { useApp } from '../../state/app-context';
import type { UiStore } from '../../state/ui-store';
import { BenchController } from './bench-controller';
import type { BenchState } from './bench-store';
import type { ScopeSettings, ScopeSettingsActions } from './engine/scope-settings';

export interface BenchHost {
  readonly api: MeterplanApi;
  readonly connection: ConnectionSource;
  readonly ui: UiStore;
}

const benches = new WeakMap<MeterplanApi, BenchController>();

export function benchFor(host: BenchHost): BenchController {
  let bench = benches.get(host.api);
  if (!bench) {
    const b = new BenchController(host.api);
    benches.set(host.api, b);
    const reload = () => b.refresh().catch((e: unknown) => host.ui.getState().pushToast('error', (e as Error).message));
    host.connection.onConnectionState((state) => {
      if (state === 'open') void reload();
    });
    if (host.connection.connectionState === 'open') void reload();
    bench = b;
  }
  return bench;
}

export function useBench(): BenchController {
  return benchFor(useApp());
}

export function useBenchState<T>(selector: (s: BenchState) => T): T {
  return useStore(useBench().store, selector);
}

export function useScopeSettings<T>(selector: (s: ScopeSettings & ScopeSettingsActions) => T): T {
  return useStore(useBench().settings, selector);
}
