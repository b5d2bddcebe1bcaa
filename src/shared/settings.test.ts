import vm from 'node:vm';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  DEFAULT_SETTINGS,
  defaultSettings,
  exportSettings,
  importSettings,
  isValidSettings,
  loadSettings,
  MAX_SITES_PER_LIST,
  migrateLegacySettings,
  migrateSettings,
  resetSettings,
  SETTINGS_VERSION,
  type Settings,
  SettingsTooLargeError,
  SYNC_ITEM_BUDGET,
  saveSettings,
  settingsByteSize,
  siteRuleFor,
  storedVersionOf,
  updateSettings,
  validateSettings,
  watchSettings,
} from './settings';

/** A complete, valid settings object that differs from the defaults everywhere. */
function customSettings(): Settings {
  return {
    enabled: false,
    markMode: 'everywhere',
    neverSites: ['example.com', '*://*.bank.org/*'],
    alwaysSites: ['https://news.example.net/world/*'],
    kinds: { person: true, organization: false, place: true, event: false },
    trigger: 'click',
    hoverDelayMs: 800,
    passagesPerCard: 5,
    highlightStyle: 'background',
    highlightColor: '#2563eb',
    theme: 'dark',
    badge: false,
    pausedSites: ['127.0.0.1', 'www.example.org'],
  };
}

/** Reads the raw stored item and its WXT version metadata. */
async function readStored(): Promise<{ value: unknown; meta: unknown }> {
  const all = await fakeBrowser.storage.sync.get(['settings', 'settings$']);
  return { value: all.settings, meta: all.settings$ };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('defaults', () => {
  test('are exactly the agreed keys and values', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      enabled: true,
      markMode: 'topical',
      neverSites: [],
      alwaysSites: [],
      kinds: { person: true, organization: true, place: true, event: true },
      trigger: 'hover',
      hoverDelayMs: 400,
      passagesPerCard: 3,
      highlightStyle: 'underline',
      highlightColor: '#d97706',
      theme: 'system',
      badge: true,
      pausedSites: [],
    });
    expect(isValidSettings(DEFAULT_SETTINGS)).toBe(true);
  });

  test('defaultSettings() is a copy that can be changed safely', () => {
    const copy = defaultSettings();
    copy.neverSites.push('example.com');
    copy.kinds.person = false;
    expect(DEFAULT_SETTINGS.neverSites).toEqual([]);
    expect(DEFAULT_SETTINGS.kinds.person).toBe(true);
  });

  test('loadSettings gives the defaults when storage is empty, and writes nothing', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect((await readStored()).value).toBeUndefined();
  });
});

describe('validateSettings', () => {
  test('keeps a fully valid object as it is, with no problems', () => {
    const result = validateSettings(customSettings());
    expect(result).toEqual({ settings: customSettings(), problems: [] });
  });

  test.each([null, undefined, 'settings', 42, true, [1, 2, 3], '{"enabled":false}'])(
    'gives the defaults for the non-object %j',
    (raw) => {
      const result = validateSettings(raw);
      expect(result.settings).toEqual(DEFAULT_SETTINGS);
      expect(result.problems).toHaveLength(1);
    },
  );

  test('falls back per key and keeps every valid value', () => {
    const raw = {
      ...customSettings(),
      enabled: 'yes',
      markMode: 'sometimes',
      hoverDelayMs: 99999,
      passagesPerCard: 2.5,
      highlightColor: 'orange',
      theme: 'dark',
      trigger: null,
      kinds: 'all',
      badge: false,
    };
    const { settings, problems } = validateSettings(raw);
    expect(settings).toEqual({
      ...customSettings(),
      enabled: true,
      markMode: 'topical',
      hoverDelayMs: 400,
      passagesPerCard: 3,
      highlightColor: '#d97706',
      trigger: 'hover',
      kinds: DEFAULT_SETTINGS.kinds,
    });
    for (const key of [
      'enabled',
      'markMode',
      'hoverDelayMs',
      'passagesPerCard',
      'highlightColor',
      'trigger',
      'kinds',
    ]) {
      expect(problems.some((p) => p.startsWith(`${key}:`))).toBe(true);
    }
    expect(problems).toContain(
      'hoverDelayMs: 99999 is not valid (expected a whole number from 150 to 2000); using the default.',
    );
    expect(problems).toContain(
      'markMode: "sometimes" is not valid (expected topical, everywhere, keyboard); using the default.',
    );
    expect(problems.some((p) => p.startsWith('theme') || p.startsWith('badge'))).toBe(false);
  });

  test('rejects numbers out of range at both ends and non-numbers', () => {
    for (const hoverDelayMs of [149, 2001, -1, Number.NaN, '400', Number.POSITIVE_INFINITY]) {
      expect(validateSettings({ ...customSettings(), hoverDelayMs }).settings.hoverDelayMs).toBe(400);
    }
    expect(validateSettings({ ...customSettings(), hoverDelayMs: 150 }).settings.hoverDelayMs).toBe(150);
    expect(validateSettings({ ...customSettings(), hoverDelayMs: 2000 }).settings.hoverDelayMs).toBe(2000);
    expect(validateSettings({ ...customSettings(), passagesPerCard: 0 }).settings.passagesPerCard).toBe(3);
    expect(validateSettings({ ...customSettings(), passagesPerCard: 9 }).settings.passagesPerCard).toBe(3);
    expect(validateSettings({ ...customSettings(), passagesPerCard: 8 }).settings.passagesPerCard).toBe(8);
  });

  test('keeps valid kinds and list entries one by one', () => {
    const { settings, problems } = validateSettings({
      ...customSettings(),
      kinds: { person: false, organization: 'no', event: false, alien: true },
      neverSites: ['example.com', 'not a pattern', 42, ' example.com ', 'ftp://x.org/*'],
      alwaysSites: 'example.com',
      pausedSites: ['WWW.Example.org', '*.bad', { host: 'x' }],
    });
    expect(settings.kinds).toEqual({ person: false, organization: true, place: true, event: false });
    expect(settings.neverSites).toEqual(['example.com']);
    expect(settings.alwaysSites).toEqual([]);
    expect(settings.pausedSites).toEqual(['www.example.org']);
    expect(problems.filter((p) => p.startsWith('neverSites:'))).toHaveLength(3);
    expect(problems.some((p) => p.startsWith('kinds.alien'))).toBe(true);
    expect(problems.some((p) => p.startsWith('kinds.place'))).toBe(true);
  });

  test('normalises colours to lower case', () => {
    expect(validateSettings({ ...customSettings(), highlightColor: '#AbCdEf' }).settings.highlightColor).toBe(
      '#abcdef',
    );
  });

  test('fills missing keys and drops unknown ones', () => {
    const { settings, problems } = validateSettings({
      theme: 'light',
      colour: 'red',
      __proto__: { enabled: false },
    });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'light' });
    expect(problems).toContain('colour: unknown setting; ignored.');
  });

  test('trims site lists that would not fit the sync quota', () => {
    const many = Array.from({ length: 100 }, (_, i) => `site-number-${i}-with-a-long-name.example.com`);
    const { settings, problems } = validateSettings({
      ...customSettings(),
      neverSites: many,
      alwaysSites: many,
    });
    expect(settingsByteSize(settings)).toBeLessThanOrEqual(SYNC_ITEM_BUDGET);
    expect(settings.neverSites.length + settings.alwaysSites.length).toBeGreaterThan(50);
    expect(problems.some((p) => p.includes('sync storage quota'))).toBe(true);
  });

  test('survives junk of every shape without throwing', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const junk = [
      { enabled: {}, markMode: [], neverSites: [[], null, {}], kinds: [true], hoverDelayMs: {} },
      { neverSites: { 0: 'example.com', length: 1 } },
      cyclic,
      { kinds: cyclic, highlightColor: 12 },
      Object.create(null),
    ];
    for (const raw of junk) {
      const { settings } = validateSettings(raw);
      expect(isValidSettings(settings)).toBe(true);
    }
  });
});

describe('storage', () => {
  test('loadSettings repairs a corrupt stored value and keeps the valid parts', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { ...customSettings(), markMode: 42, neverSites: ['example.com', 'bad one'] },
    });
    const settings = await loadSettings();
    expect(settings).toEqual({ ...customSettings(), markMode: 'topical', neverSites: ['example.com'] });
    expect((await readStored()).value).toEqual(settings);
  });

  test('loadSettings repairs a stored string', async () => {
    await fakeBrowser.storage.sync.set({ settings: 'garbage{' });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect((await readStored()).value).toEqual(DEFAULT_SETTINGS);
  });

  test('saveSettings stores the validated value', async () => {
    const saved = await saveSettings({
      ...customSettings(),
      highlightColor: '#ABCDEF',
      theme: 'sepia' as 'dark',
    });
    expect(saved).toEqual({ ...customSettings(), highlightColor: '#abcdef', theme: 'system' });
    expect((await readStored()).value).toEqual(saved);
  });

  test('updateSettings merges and serialises quick successive changes', async () => {
    await saveSettings(customSettings());
    await Promise.all([
      updateSettings({ theme: 'light' }),
      updateSettings({ badge: true }),
      updateSettings({ hoverDelayMs: 1500 }),
    ]);
    expect(await loadSettings()).toEqual({
      ...customSettings(),
      theme: 'light',
      badge: true,
      hoverDelayMs: 1500,
    });
  });

  test('saveSettings refuses settings too large to sync and keeps the stored value', async () => {
    await saveSettings(customSettings());
    const many = Array.from({ length: 100 }, (_, i) => `site-number-${i}-with-a-long-name.example.com`);
    await expect(saveSettings({ ...customSettings(), neverSites: many, alwaysSites: many })).rejects.toThrow(
      SettingsTooLargeError,
    );
    expect(await loadSettings()).toEqual(customSettings());
  });

  test('resetSettings restores the defaults', async () => {
    await saveSettings(customSettings());
    await resetSettings();
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  test('watchSettings reports validated values until stopped', async () => {
    const seen: Settings[] = [];
    const stop = watchSettings((settings) => seen.push(settings));
    await fakeBrowser.storage.sync.set({ settings: { ...customSettings(), theme: 'purple' } });
    await saveSettings(customSettings());
    stop();
    await saveSettings({ ...customSettings(), theme: 'light' });
    expect(seen.map((s) => s.theme)).toEqual(['system', 'dark']);
    expect(seen.every((s) => isValidSettings(s))).toBe(true);
  });
});

describe('migrations', () => {
  test('the version-1 shape { on, style, color, blocklist } keeps the user choices', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { on: false, style: 'highlight', color: '#123456', blocklist: ['example.com', 'bad entry'] },
    });
    const settings = await loadSettings();
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      enabled: false,
      highlightStyle: 'background',
      highlightColor: '#123456',
      neverSites: ['example.com'],
    });
    expect(await readStored()).toEqual({ value: settings, meta: { v: SETTINGS_VERSION } });
  });

  test('"off" becomes "none" and current keys win over legacy ones', () => {
    expect(migrateLegacySettings({ on: true, style: 'off' })).toEqual({
      enabled: true,
      highlightStyle: 'none',
    });
    expect(migrateLegacySettings({ on: false, enabled: true })).toEqual({ enabled: true });
    expect(migrateLegacySettings(customSettings())).toEqual(customSettings());
    expect(migrateLegacySettings('junk')).toBe('junk');
  });

  test('current-shape data stored without a version survives the migration', async () => {
    await fakeBrowser.storage.sync.set({ settings: customSettings() });
    expect(await loadSettings()).toEqual(customSettings());
    expect(await readStored()).toEqual({ value: customSettings(), meta: { v: SETTINGS_VERSION } });
  });
});

describe('stored versions', () => {
  test.each([
    -(2 ** 32),
    -Number.MAX_SAFE_INTEGER,
    -1e300,
    1e300,
    2 ** 53,
    0,
    1.5,
    '2',
    '-99999999',
    true,
    { v: 2 },
  ])('a stored version of %j is repaired without a loop, keeping the settings', async (v) => {
    await fakeBrowser.storage.sync.set({ settings: customSettings(), settings$: { v } });
    expect(await loadSettings()).toEqual(customSettings());
    expect(await readStored()).toEqual({ value: customSettings(), meta: { v: SETTINGS_VERSION } });
  });

  test('data under a malformed version still gets every migration', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { on: false, style: 'off' },
      settings$: { v: -(2 ** 40) },
    });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, enabled: false, highlightStyle: 'none' });
    expect((await readStored()).meta).toEqual({ v: SETTINGS_VERSION });
  });

  test('how many migrations run is never read from storage', () => {
    expect(storedVersionOf(undefined)).toEqual({ kind: 'older', version: 1 });
    expect(storedVersionOf({ v: null })).toEqual({ kind: 'older', version: 1 });
    expect(storedVersionOf({ v: 1 })).toEqual({ kind: 'older', version: 1 });
    expect(storedVersionOf({ v: SETTINGS_VERSION })).toEqual({ kind: 'current', version: SETTINGS_VERSION });
    expect(storedVersionOf({ v: 7 })).toEqual({ kind: 'newer', version: 7 });
    expect(storedVersionOf({ v: -7 })).toEqual({ kind: 'malformed', raw: -7 });
    expect(storedVersionOf({ v: Number.NaN })).toEqual({ kind: 'malformed', raw: Number.NaN });
    expect(migrateSettings({ on: false }, -1e300)).toEqual({ enabled: false });
    expect(migrateSettings({ on: false }, SETTINGS_VERSION)).toEqual({ on: false });
  });
});

describe('settings from a newer version', () => {
  /** What a newer install might store: an extra key, a new kind, a mark mode this version lacks. */
  const newer = () => ({
    ...customSettings(),
    markMode: 'smart',
    kinds: { ...customSettings().kinds, rumour: true },
    readingList: { items: ['a', 'b'] },
  });
  const storeNewer = () => fakeBrowser.storage.sync.set({ settings: newer(), settings$: { v: 3 } });

  test('are read as far as this version understands, and never written back', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await storeNewer();
    expect(await loadSettings()).toEqual({ ...customSettings(), markMode: 'topical' });
    expect(await readStored()).toEqual({ value: newer(), meta: { v: 3 } });
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();
    warn.mockRestore();
  });

  test('a change made here writes only that key, keeping the version and the unknown keys', async () => {
    await storeNewer();
    expect((await updateSettings({ theme: 'light' })).theme).toBe('light');
    expect(await readStored()).toEqual({ value: { ...newer(), theme: 'light' }, meta: { v: 3 } });
  });

  test('a change of kinds keeps the kinds this version does not know', async () => {
    await storeNewer();
    await updateSettings({ kinds: { ...customSettings().kinds, person: false } });
    expect((await readStored()).value).toEqual({
      ...newer(),
      kinds: { ...newer().kinds, person: false },
    });
  });

  test('saving what is already there writes nothing', async () => {
    await storeNewer();
    const changed = vi.fn();
    fakeBrowser.storage.sync.onChanged.addListener(changed);
    await saveSettings(await loadSettings());
    expect(changed).not.toHaveBeenCalled();
    expect(await readStored()).toEqual({ value: newer(), meta: { v: 3 } });
  });

  test('reset puts back what this version knows and leaves the rest', async () => {
    await storeNewer();
    expect(await resetSettings()).toEqual(DEFAULT_SETTINGS);
    const { value, meta } = await readStored();
    expect(meta).toEqual({ v: 3 });
    expect(value).toEqual({
      ...DEFAULT_SETTINGS,
      markMode: 'smart',
      kinds: { ...DEFAULT_SETTINGS.kinds, rumour: true },
      readingList: { items: ['a', 'b'] },
    });
  });

  test('a change that would not fit the quota is refused and loses nothing', async () => {
    await storeNewer();
    const many = Array.from({ length: 100 }, (_, i) => `site-number-${i}-with-a-long-name.example.com`);
    await expect(updateSettings({ neverSites: many, alwaysSites: many })).rejects.toThrow(
      SettingsTooLargeError,
    );
    expect(await readStored()).toEqual({ value: newer(), meta: { v: 3 } });
  });
});

describe('validation work is bounded by what it keeps', () => {
  /** Gives up after `ms` (the `node:vm` watchdog stops even a stuck loop): a hang bound, not a speed figure. */
  const answersWithin = <T>(ms: number, work: () => T): T =>
    vm.runInNewContext('work()', { work }, { timeout: ms }) as T;

  test('a huge list keeps its first hundred valid entries and reads no further', () => {
    const hosts = Array.from({ length: 300_000 }, (_, i) => `site-${i}.example.com`);
    const { settings, problems } = answersWithin(3000, () =>
      validateSettings({ ...customSettings(), neverSites: hosts }),
    );
    expect(settings.neverSites).toEqual(hosts.slice(0, MAX_SITES_PER_LIST));
    expect(problems).toContain(
      `neverSites: kept ${MAX_SITES_PER_LIST} valid entries of the first ${MAX_SITES_PER_LIST}; ignored the other ${300_000 - MAX_SITES_PER_LIST}.`,
    );
  });

  test('a huge list of junk is read for its first thousand entries, with a bounded list of problems', () => {
    const junk = Array.from({ length: 100_000 }, (_, i) => (i === 500 ? 'a.org' : `not a pattern ${i}`));
    junk.push('b.org');
    const { settings, problems } = validateSettings({ ...customSettings(), alwaysSites: junk });
    expect(settings.alwaysSites).toEqual(['a.org']);
    expect(problems.length).toBeLessThanOrEqual(25);
    expect(problems).toContain('alwaysSites: dropped 979 more invalid entries.');
    expect(problems).toContain(
      'alwaysSites: kept 1 valid entries of the first 1000; ignored the other 99001.',
    );
  });

  test('the quota trim stops at the first size that fits', () => {
    const long = (i: number) => `https://site-${i}.example.com/${'é'.repeat(150)}/*`;
    const many = Array.from({ length: 100 }, (_, i) => long(i));
    const { settings } = validateSettings({ ...customSettings(), neverSites: many, alwaysSites: many });
    expect(settingsByteSize(settings)).toBeLessThanOrEqual(SYNC_ITEM_BUDGET);
    const oneMore = { ...settings, neverSites: [...settings.neverSites, long(999)] };
    expect(settingsByteSize(oneMore)).toBeGreaterThan(SYNC_ITEM_BUDGET);
  });
});

describe('export and import', () => {
  test('round-trips', () => {
    const text = exportSettings(customSettings(), new Date('2026-01-02T03:04:05Z'));
    expect(JSON.parse(text)).toMatchObject({ format: 'sourcelight-settings', version: SETTINGS_VERSION });
    expect(importSettings(text)).toEqual({ ok: true, settings: customSettings(), problems: [] });
  });

  test('bad JSON, other files and newer versions are refused with a message', () => {
    const refused = [
      ['{"enabled": tru', /not valid JSON/],
      ['[1,2]', /does not contain Sourcelight settings/],
      ['"hello"', /does not contain Sourcelight settings/],
      ['{"name": "package", "version": "1.0.0"}', /does not contain Sourcelight settings/],
      ['{"format": "other-app", "settings": {"enabled": false}}', /does not contain Sourcelight settings/],
      ['{"format": "sourcelight-settings", "settings": "x"}', /does not contain Sourcelight settings/],
      ['{"format": "sourcelight-settings", "version": 9, "settings": {}}', /newer version/],
    ] as const;
    for (const [text, message] of refused) {
      const result = importSettings(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
    }
  });

  test('a partial or partly invalid file is validated: valid values kept, bad ones reported', () => {
    const result = importSettings(
      JSON.stringify({ theme: 'dark', passagesPerCard: 99, neverSites: ['a.org', 'b c'] }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', neverSites: ['a.org'] });
    expect(result.problems).toHaveLength(2);
  });

  test('imports a version-1 export through the migration', () => {
    const text = JSON.stringify({
      format: 'sourcelight-settings',
      version: 1,
      settings: { on: false, style: 'off' },
    });
    const result = importSettings(text);
    expect(result.ok && result.settings).toEqual({
      ...DEFAULT_SETTINGS,
      enabled: false,
      highlightStyle: 'none',
    });
  });
});

describe('siteRuleFor', () => {
  test('never beats paused beats always', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      neverSites: ['bank.org'],
      pausedSites: ['blog.example.com'],
      alwaysSites: ['*://*.example.com/*', 'bank.org'],
    };
    expect(siteRuleFor(settings, 'https://www.bank.org/')).toBe('never');
    expect(siteRuleFor(settings, 'https://blog.example.com/a')).toBe('paused');
    expect(siteRuleFor(settings, 'https://example.com/a')).toBe('always');
    expect(siteRuleFor(settings, 'https://elsewhere.net/')).toBe('default');
  });
});
