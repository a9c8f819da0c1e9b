import { create } from 'zustand';
import type { CounterSettings } from '../../core/settings/settings.js';
import type { ApiErrorData } from '../../core/api/errors.js';
import { call } from '../api/client.js';

interface SettingsState {
  settings: CounterSettings | null;
  error: ApiErrorData | null;
  load(): Promise<void>;
}

/** The counter's settings (currency, methods, channels, limits), read once per sign-in. */
export const useSettings = create<SettingsState>()((set) => ({
  settings: null,
  error: null,
  load: async () => {
    set({ error: null });
    const result = await call('settings-get', {});
    set(result.ok ? { settings: result.value } : { error: result.error });
  },
}));

/** For screens that only render once settings are loaded (the app shell guarantees it). */
export function useLoadedSettings(): CounterSettings {
  const settings = useSettings((s) => s.settings);
  if (!settings) throw new Error('settings are read before they were loaded');
  return settings;
}
