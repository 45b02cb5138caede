// Window state that is not the project: the active area, theme and language, the open dialog, toasts,
// and the link to the back end. Created with zustand's vanilla store so tests drive it without React.
import { createStore } from 'zustand/vanilla';
import type { AppInfo, Language, Theme } from '../../../shared/api/app-api';
import type { ConnectionState } from '../api/connection';

export const AREAS = ['plan', 'optimise', 'scope', 'calibrate', 'monitor'] as const;
export type Area = (typeof AREAS)[number];

export type PathPurpose = 'open' | 'save';

export type Dialog = { readonly kind: 'path'; readonly purpose: PathPurpose } | { readonly kind: 'palette' } | null;

export interface Toast {
  readonly id: number;
  readonly kind: 'error' | 'info';
  readonly message: string;
}

export interface UiState {
  readonly area: Area;
  readonly theme: Theme;
  readonly language: Language;
  readonly dialog: Dialog;
  readonly toasts: readonly Toast[];
  readonly connection: ConnectionState;
  readonly appInfo: AppInfo | null;
  /** The operating system's prefers-color-scheme, which 'system' follows. */
  readonly prefersDark: boolean;
}

export interface UiActions {
  setArea(area: Area): void;
  setTheme(theme: Theme): void;
  setLanguage(language: Language): void;
  openDialog(dialog: Exclude<Dialog, null>): void;
  closeDialog(): void;
  pushToast(kind: Toast['kind'], message: string): number;
  dismissToast(id: number): void;
  setConnection(connection: ConnectionState): void;
  setAppInfo(info: AppInfo): void;
  setPrefersDark(prefersDark: boolean): void;
}

export type UiStore = ReturnType<typeof createUiStore>;

/** At most this many toasts stay on screen; the oldest goes first. */
export const MAX_TOASTS = 4;

export function createUiStore(initial: Partial<UiState> = {}) {
  let nextToastId = 1;
  return createStore<UiState & UiActions>()((set) => ({
    area: 'plan',
    theme: 'system',
    language: 'en',
    dialog: null,
    toasts: [],
    connection: 'connecting',
    appInfo: null,
    prefersDark: false,
    ...initial,
    setArea: (area) => set({ area }),
    setTheme: (theme) => set({ theme }),
    setLanguage: (language) => set({ language }),
    openDialog: (dialog) => set({ dialog }),
    closeDialog: () => set({ dialog: null }),
    pushToast: (kind, message) => {
      const id = nextToastId++;
      set((s) => ({ toasts: [...s.toasts, { id, kind, message }].slice(-MAX_TOASTS) }));
      return id;
    },
    dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
    setConnection: (connection) => set({ connection }),
    setAppInfo: (appInfo) => set({ appInfo }),
    setPrefersDark: (prefersDark) => set({ prefersDark }),
  }));
}

/** 'system' follows the operating system's preference. */
export function resolveTheme(theme: Theme, prefersDark: boolean): 'light' | 'dark' {
  return theme === 'system' ? (prefersDark ? 'dark' : 'light') : theme;
}

export const selectResolvedTheme = (s: UiState) => resolveTheme(s.theme, s.prefersDark);
