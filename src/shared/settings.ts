/**
 * Sourcelight's settings, defined once: the defaults as plain data, the type derived from
 * them, a valibot schema, validation that repairs key by key, the versioned storage item, and
 * export/import as JSON. Every part of the extension reads settings through this module.
 *
 * Storage: one item, `sync:settings`, so a reader's choices follow them between browsers.
 * The site lists (`neverSites`, `alwaysSites`, `pausedSites`) stay in that item rather than
 * moving to `storage.local`: they are short by nature, and syncing them is the point. To
 * keep the item under `storage.sync`'s 8 KB per-item quota, each list holds at most
 * {@link MAX_SITES_PER_LIST} entries of at most {@link MAX_PATTERN_LENGTH} characters, and
 * {@link saveSettings} refuses (with {@link SettingsTooLargeError}, whose message says so)
 * anything whose JSON exceeds {@link SYNC_ITEM_BUDGET} bytes.
 */

import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import { hostListMatches, normalizeHostname, parseSitePattern, siteListMatches } from './site-patterns';

export {
  hostListMatches,
  MAX_PATTERN_LENGTH,
  normalizeHostname,
  parseSiteLines,
  parseSitePattern,
  type SiteLineError,
  type SitePattern,
  siteListMatches,
  siteMatches,
} from './site-patterns';

/** Where marks appear: topical pages (main text only), every page, or none (cards by keyboard only). */
export const MARK_MODES = ['topical', 'everywhere', 'keyboard'] as const;
/** What opens a card: resting the pointer on a mark, or clicking it. */
export const TRIGGERS = ['hover', 'click'] as const;
/** How a mark is painted. */
export const HIGHLIGHT_STYLES = ['underline', 'background', 'none'] as const;
/** The UI theme; `system` follows `prefers-color-scheme`. */
export const THEMES = ['system', 'light', 'dark'] as const;
/** The kinds of mention that can be marked; `place` covers countries and places. */
export const MARK_KINDS = ['person', 'organization', 'place', 'event'] as const;

/** A value of {@link MARK_MODES}. */
export type MarkMode = (typeof MARK_MODES)[number];
/** A value of {@link TRIGGERS}. */
export type Trigger = (typeof TRIGGERS)[number];
/** A value of {@link HIGHLIGHT_STYLES}. */
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];
/** A value of {@link THEMES}. */
export type Theme = (typeof THEMES)[number];
/** A value of {@link MARK_KINDS}. */
export type MarkKind = (typeof MARK_KINDS)[number];

/** Allowed dwell before a hover opens a card, in milliseconds (inclusive). */
export const HOVER_DELAY_RANGE = { min: 150, max: 2000 } as const;
/** Allowed number of passages on a card (inclusive). */
export const PASSAGES_RANGE = { min: 1, max: 8 } as const;
/** Most entries a site list may hold (see the module comment on the sync quota). */
export const MAX_SITES_PER_LIST = 100;
/** Bytes the stored item may take: `storage.sync` allows 8,192 per item, key included. */
export const SYNC_ITEM_BUDGET = 8000;
/** The storage key, with its area. */
export const SETTINGS_KEY = 'sync:settings';
/**
 * The stored shape's version. WXT counts an item stored without version metadata as 1, so
 * the pre-release shape (see {@link migrateLegacySettings}) is version 1 and today's is 2.
 */
export const SETTINGS_VERSION = 2;

/** Every setting and its default. Plain data: never mutate it, use {@link defaultSettings}. */
export const DEFAULT_SETTINGS = {
  enabled: true,
  markMode: 'topical' as MarkMode,
  /** Patterns where Sourcelight never runs. */
  neverSites: [] as string[],
  /** Patterns where it marks even off-topic pages. */
  alwaysSites: [] as string[],
  kinds: { person: true, organization: true, place: true, event: true } as Record<MarkKind, boolean>,
  trigger: 'hover' as Trigger,
  hoverDelayMs: 400,
  passagesPerCard: 3,
  highlightStyle: 'underline' as HighlightStyle,
  highlightColor: '#d97706',
  theme: 'system' as Theme,
  badge: true,
  /** Hostnames paused from the popup's "pause on this site" switch. */
  pausedSites: [] as string[],
};

/** The settings as stored and used, derived from the defaults. */
export type Settings = typeof DEFAULT_SETTINGS;
/** A setting's name. */
export type SettingKey = keyof Settings;

/** A fresh, deep copy of the defaults, safe to change. */
export function defaultSettings(): Settings {
  return structuredClone(DEFAULT_SETTINGS);
}

const sitePatternSchema = v.pipe(
  v.string(),
  v.trim(),
  v.check((value) => parseSitePattern(value).ok, 'not a site pattern'),
);
const hostnameSchema = v.pipe(
  v.string(),
  v.check((value) => normalizeHostname(value) !== null, 'not a hostname'),
  v.transform((value) => normalizeHostname(value) ?? value),
);
const siteListSchema = v.pipe(v.array(sitePatternSchema), v.maxLength(MAX_SITES_PER_LIST));
const wholeNumberIn = (range: { min: number; max: number }) =>
  v.pipe(v.number(), v.integer(), v.minValue(range.min), v.maxValue(range.max));

/**
 * The schema of each setting taken alone; validation applies them one key at a time.
 * Built with valibot: the content script in every tab loads this module, and from cold
 * valibot loads and validates in about 1 ms where zod/mini took about 8 ms
 * (bench/schema-startup.bench.ts).
 */
const fieldSchemas = {
  enabled: v.boolean(),
  markMode: v.picklist(MARK_MODES),
  neverSites: siteListSchema,
  alwaysSites: siteListSchema,
  kinds: v.strictObject({
    person: v.boolean(),
    organization: v.boolean(),
    place: v.boolean(),
    event: v.boolean(),
  }),
  trigger: v.picklist(TRIGGERS),
  hoverDelayMs: wholeNumberIn(HOVER_DELAY_RANGE),
  passagesPerCard: wholeNumberIn(PASSAGES_RANGE),
  highlightStyle: v.picklist(HIGHLIGHT_STYLES),
  highlightColor: v.pipe(v.string(), v.regex(/^#[0-9a-f]{6}$/i), v.toLowerCase()),
  theme: v.picklist(THEMES),
  badge: v.boolean(),
  pausedSites: v.pipe(v.array(hostnameSchema), v.maxLength(MAX_SITES_PER_LIST)),
};

/** What each plain setting expects, for the problem messages. */
const EXPECTED: Record<
  Exclude<SettingKey, 'neverSites' | 'alwaysSites' | 'pausedSites' | 'kinds'>,
  string
> = {
  enabled: 'true or false',
  markMode: MARK_MODES.join(', '),
  trigger: TRIGGERS.join(', '),
  hoverDelayMs: `a whole number from ${HOVER_DELAY_RANGE.min} to ${HOVER_DELAY_RANGE.max}`,
  passagesPerCard: `a whole number from ${PASSAGES_RANGE.min} to ${PASSAGES_RANGE.max}`,
  highlightStyle: HIGHLIGHT_STYLES.join(', '),
  highlightColor: 'a colour written #rrggbb',
  theme: THEMES.join(', '),
  badge: 'true or false',
};

/** The complete, strict settings schema (every key required, every value valid). */
const settingsSchema = v.strictObject(fieldSchemas);

/** Whether a value is complete, valid settings as they are (nothing to repair). */
export function isValidSettings(value: unknown): value is Settings {
  return v.is(settingsSchema, value);
}

// Compile-time check that the schema and the defaults describe the same shape.
type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const schemaMatchesDefaults: SameShape<v.InferOutput<typeof settingsSchema>, Settings> = true;
void schemaMatchesDefaults;

/** The result of validation: usable settings, and what had to be repaired (empty if nothing). */
export interface ValidatedSettings {
  settings: Settings;
  problems: string[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short rendering of a bad value for a problem message. */
function describe(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Validates a site list entry by entry: valid entries are kept (trimmed, deduplicated). */
function validateList(
  key: 'neverSites' | 'alwaysSites' | 'pausedSites',
  raw: unknown,
  problems: string[],
): string[] {
  if (!Array.isArray(raw)) {
    problems.push(`${key}: ${describe(raw)} is not a list; using the default.`);
    return [];
  }
  const entrySchema = key === 'pausedSites' ? hostnameSchema : sitePatternSchema;
  const kept: string[] = [];
  for (const entry of raw) {
    const parsed = v.safeParse(entrySchema, entry);
    if (!parsed.success) problems.push(`${key}: dropped ${describe(entry)}, not a valid entry.`);
    else if (!kept.includes(parsed.output)) kept.push(parsed.output);
  }
  if (kept.length > MAX_SITES_PER_LIST) {
    problems.push(`${key}: kept the first ${MAX_SITES_PER_LIST} of ${kept.length} entries.`);
    kept.length = MAX_SITES_PER_LIST;
  }
  return kept;
}

/** Validates the kinds one by one, so one bad flag does not reset the others. */
function validateKinds(raw: unknown, problems: string[]): Settings['kinds'] {
  const kinds = { ...DEFAULT_SETTINGS.kinds };
  if (!isPlainObject(raw)) {
    problems.push(`kinds: ${describe(raw)} is not an object; using the default.`);
    return kinds;
  }
  for (const kind of MARK_KINDS) {
    if (!Object.hasOwn(raw, kind)) problems.push(`kinds.${kind}: missing; using the default.`);
    else if (typeof raw[kind] !== 'boolean')
      problems.push(`kinds.${kind}: ${describe(raw[kind])} is not true or false.`);
    else kinds[kind] = raw[kind];
  }
  for (const extra of Object.keys(raw)) {
    if (!(MARK_KINDS as readonly string[]).includes(extra))
      problems.push(`kinds.${extra}: unknown; ignored.`);
  }
  return kinds;
}

/** The stored size of settings in bytes, as `storage.sync` counts it (key plus JSON). */
export function settingsByteSize(settings: Settings): number {
  return new TextEncoder().encode(`settings${JSON.stringify(settings)}`).length;
}

/**
 * Turns anything read from storage or a file into valid settings: every valid value the
 * user set is kept, each malformed or missing one falls back to its default (site lists
 * and kinds entry by entry), unknown keys are dropped. Never throws; a non-object gives
 * the defaults. `problems` says what was repaired, one line per repair.
 */
export function validateSettings(raw: unknown): ValidatedSettings {
  const result = repairFields(raw);
  trimToBudget(result.settings, result.problems);
  return result;
}

/** Validation key by key, without the quota trim (saving refuses oversize input instead). */
function repairFields(raw: unknown): ValidatedSettings {
  const problems: string[] = [];
  const settings = defaultSettings();
  if (!isPlainObject(raw)) {
    problems.push(`settings: ${describe(raw)} is not an object; using the defaults.`);
    return { settings, problems };
  }
  const target = settings as Record<SettingKey, unknown>;
  for (const key of Object.keys(DEFAULT_SETTINGS) as SettingKey[]) {
    const value = Object.hasOwn(raw, key) ? raw[key] : undefined;
    if (value === undefined) {
      problems.push(`${key}: missing; using the default.`);
    } else if (key === 'neverSites' || key === 'alwaysSites' || key === 'pausedSites') {
      target[key] = validateList(key, value, problems);
    } else if (key === 'kinds') {
      target[key] = validateKinds(value, problems);
    } else {
      const parsed = v.safeParse(fieldSchemas[key], value);
      if (parsed.success) target[key] = parsed.output;
      else
        problems.push(
          `${key}: ${describe(value)} is not valid (expected ${EXPECTED[key]}); using the default.`,
        );
    }
  }
  for (const extra of Object.keys(raw)) {
    if (!Object.hasOwn(DEFAULT_SETTINGS, extra)) problems.push(`${extra}: unknown setting; ignored.`);
  }
  return { settings, problems };
}

/** Drops site-list entries from the longest list until the settings fit the sync quota. */
function trimToBudget(settings: Settings, problems: string[]): void {
  let dropped = 0;
  while (settingsByteSize(settings) > SYNC_ITEM_BUDGET) {
    const lists = [settings.neverSites, settings.alwaysSites, settings.pausedSites];
    const longest = lists.reduce((a, b) => (b.length > a.length ? b : a));
    if (longest.length === 0) break;
    longest.pop();
    dropped++;
  }
  if (dropped > 0) problems.push(`Site lists: dropped ${dropped} entries to fit the sync storage quota.`);
}

/**
 * Migration to version 2 from the pre-release shape (version 1, stored without version
 * metadata): `{ on: boolean, style: 'underline' | 'highlight' | 'off', color: string,
 * blocklist: string[] }`. `on` becomes `enabled`, `style` becomes `highlightStyle`
 * (`highlight` is now `background`, `off` is `none`), `color` becomes `highlightColor`,
 * `blocklist` becomes `neverSites`. Keys already in today's shape win, so running it on
 * current data changes nothing; values are left for {@link validateSettings} to check.
 */
export function migrateLegacySettings(old: unknown): unknown {
  if (!isPlainObject(old)) return old;
  const { on, style, color, blocklist, ...rest } = old;
  const styles: Record<string, HighlightStyle> = {
    underline: 'underline',
    highlight: 'background',
    off: 'none',
  };
  const migrated: Record<string, unknown> = { ...rest };
  if (on !== undefined && !Object.hasOwn(rest, 'enabled')) migrated.enabled = on;
  if (typeof style === 'string' && !Object.hasOwn(rest, 'highlightStyle'))
    migrated.highlightStyle = styles[style] ?? style;
  if (color !== undefined && !Object.hasOwn(rest, 'highlightColor')) migrated.highlightColor = color;
  if (blocklist !== undefined && !Object.hasOwn(rest, 'neverSites')) migrated.neverSites = blocklist;
  return migrated;
}

/** The settings as stored in `storage.sync`, versioned, with the defaults as fallback. */
export const settingsItem = storage.defineItem<Settings>(SETTINGS_KEY, {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: { 2: migrateLegacySettings },
});

/**
 * Reads the settings, validated. When the stored value needed repair, writes the repaired
 * value back (once), so every part of the extension sees the same settings afterwards.
 */
export async function loadSettings(): Promise<Settings> {
  const stored = await settingsItem.getValue();
  const { settings, problems } = validateSettings(stored);
  if (problems.length > 0) {
    console.warn('[Sourcelight] Repaired stored settings:', problems);
    await settingsItem.setValue(settings).catch((error: unknown) => {
      console.error('[Sourcelight] Could not save the repaired settings', error);
    });
  }
  return settings;
}

/**
 * Calls `callback` with validated settings whenever they change in storage (from any
 * page, tab or synced browser). Returns the function that stops watching.
 */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(validateSettings(value).settings));
}

/** Thrown when settings would not fit `storage.sync`'s per-item quota. */
export class SettingsTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(
      `The site lists are too long to sync (${bytes} of ${SYNC_ITEM_BUDGET} bytes). Remove some patterns and try again.`,
    );
    this.name = 'SettingsTooLargeError';
  }
}

/**
 * Validates and stores `next`, and returns what was stored. Throws
 * {@link SettingsTooLargeError} rather than silently dropping part of what the user typed.
 */
export async function saveSettings(next: Settings): Promise<Settings> {
  const { settings } = repairFields(next);
  const bytes = settingsByteSize(settings);
  if (bytes > SYNC_ITEM_BUDGET) throw new SettingsTooLargeError(bytes);
  await settingsItem.setValue(settings);
  return settings;
}

let pendingUpdate: Promise<unknown> = Promise.resolve();

/**
 * Changes some settings and keeps the rest: reads, merges, validates, stores. Updates from
 * one page run one after another, so quick successive changes never overwrite each other.
 */
export function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const run = pendingUpdate.then(async () => saveSettings({ ...(await loadSettings()), ...patch }));
  pendingUpdate = run.catch(() => undefined);
  return run;
}

/** Puts every setting back to its default. */
export async function resetSettings(): Promise<Settings> {
  const settings = defaultSettings();
  await settingsItem.setValue(settings);
  return settings;
}

/** Where a URL stands with the site lists; `never` wins over `paused`, which wins over `always`. */
export type SiteRule = 'never' | 'paused' | 'always' | 'default';

/** Which site list, if any, decides what Sourcelight does on `url`. */
export function siteRuleFor(settings: Settings, url: string): SiteRule {
  if (siteListMatches(settings.neverSites, url)) return 'never';
  if (hostListMatches(settings.pausedSites, url)) return 'paused';
  if (siteListMatches(settings.alwaysSites, url)) return 'always';
  return 'default';
}

/** The `format` field that identifies an exported settings file. */
export const SETTINGS_FILE_FORMAT = 'sourcelight-settings';
/** Largest settings file import accepts, in characters. */
export const MAX_SETTINGS_FILE_LENGTH = 1_000_000;

/** Serialises settings as the JSON file export downloads. */
export function exportSettings(settings: Settings, now = new Date()): string {
  const file = {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_VERSION,
    exported: now.toISOString(),
    settings,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** What reading an import file gives: validated settings (with repairs listed), or why not. */
export type ImportResult =
  | { ok: true; settings: Settings; problems: string[] }
  | { ok: false; error: string };

const LEGACY_KEYS = ['on', 'style', 'color', 'blocklist'];

/**
 * Reads a settings file: an export of {@link exportSettings} (any version up to this one),
 * or a bare settings object. Bad JSON, a file of something else, or a newer version gives
 * `ok: false` with a message for the reader; otherwise values are migrated and validated.
 */
export function importSettings(text: string): ImportResult {
  if (text.length > MAX_SETTINGS_FILE_LENGTH)
    return { ok: false, error: 'The file is too large to be a settings file.' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `The file is not valid JSON (${(error as Error).message}).` };
  }
  const notSettings = { ok: false as const, error: 'The file does not contain Sourcelight settings.' };
  if (!isPlainObject(data)) return notSettings;
  let raw: unknown = data;
  let version = 1;
  if (Object.hasOwn(data, 'format')) {
    if (data.format !== SETTINGS_FILE_FORMAT || !isPlainObject(data.settings)) return notSettings;
    version = typeof data.version === 'number' ? data.version : 1;
    if (version > SETTINGS_VERSION) {
      return {
        ok: false,
        error: 'The file comes from a newer version of Sourcelight; update Sourcelight first.',
      };
    }
    raw = data.settings;
  }
  const keys = Object.keys(raw as object);
  if (!keys.some((key) => Object.hasOwn(DEFAULT_SETTINGS, key) || LEGACY_KEYS.includes(key)))
    return notSettings;
  if (version < 2) raw = migrateLegacySettings(raw);
  const { settings, problems } = validateSettings(raw);
  return {
    ok: true,
    settings,
    problems: problems.filter((problem) => !problem.endsWith('missing; using the default.')),
  };
}
