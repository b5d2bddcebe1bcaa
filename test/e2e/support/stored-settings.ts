/**
 * Sourcelight's settings as the end-to-end tests write and expect them in `storage.sync`.
 * The defaults are restated here rather than imported: src/shared/settings.ts defines a
 * versioned storage item on import, which needs a real extension context, and a test that
 * states the documented defaults also catches an accidental change to them.
 */

/** The defaults the options page documents (see DEFAULT_SETTINGS in src/shared/settings.ts). */
export const expectedDefaults = {
  enabled: true,
  markMode: 'topical',
  neverSites: [] as string[],
  alwaysSites: [] as string[],
  kinds: { person: true, organization: true, place: true, event: true },
  trigger: 'hover',
  hoverDelayMs: 400,
  passagesPerCard: 3,
  highlightStyle: 'underline',
  highlightColor: '#d97706',
  theme: 'system',
  badge: true,
  pausedSites: [] as string[],
};

/** The stored shape of the settings. */
export type StoredSettings = typeof expectedDefaults;

/**
 * What `storage.sync` holds for `settings`: the item under `settings` and WXT's version
 * metadata under `settings$` (version 2, so no migration runs).
 */
export function storedSettings(settings: unknown): Record<string, unknown> {
  return { settings, settings$: { v: 2 } };
}

/** The defaults with some settings changed, ready for {@link storedSettings}. */
export function settingsWith(patch: Partial<StoredSettings>): StoredSettings {
  return { ...structuredClone(expectedDefaults), ...patch };
}
