// The window's services handed to React once, and narrow hooks onto the stores.
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { MeterplanApi } from '../../../shared/api/contract';
import type { ConnectionSource } from '../api/connection';
import type { CommandRegistry } from '../commands/command-registry';
import type { ProjectController } from './project-controller';
import type { ProjectState, ProjectStore } from './project-store';
import type { UiActions, UiState, UiStore } from './ui-store';

export interface AppServices {
  readonly api: MeterplanApi;
  readonly connection: ConnectionSource;
  readonly projectStore: ProjectStore;
  readonly project: ProjectController;
  readonly ui: UiStore;
  readonly commands: CommandRegistry;
  readonly isMac: boolean;
}

const AppContext = createContext<AppServices | null>(null);

export function AppProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <AppContext.Provider value={services}>{children}</AppContext.Provider>;
}

export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useApp outside <AppProvider>');
  return services;
}

export function useProject<T>(selector: (s: ProjectState) => T): T {
  return useStore(useApp().projectStore, selector);
}

export function useUi<T>(selector: (s: UiState & UiActions) => T): T {
  return useStore(useApp().ui, selector);
}
