/**
 * Sourcelight's settings, defined once: the defaults as plain data, the type derived from
 * them, a valibot schema, validation that repairs key by key, versioned storage, and
 * export/import as JSON. Every part of the extension reads settings through this module.
 *
 * Storage: one item, `sync:settings`, so a reader's choices follow them between browsers.
 * The site lists (`neverSites`, `alwaysSites`, `pausedSites`) stay in that item rather than
 * moving to `storage.local`: they are short by nature, and syncing them is the point. To
 * keep the item under `storage.sync`'s 8 KB per-item quota, each list holds at most
 * {@link MAX_SITES_PER_LIST} entries of at most {@link MAX_PATTERN_LENGTH} characters, and
 * {@link saveSettings} refuses (with {@link SettingsTooLargeError}, whose message says so)
 * anything whose JSON exceeds {@link SYNC_ITEM_BUDGET} bytes.
 *
 * Versions: WXT's metadata beside the item (`settings$`, `{ v }`) records the shape's
 * version; this module reads and writes it itself, and runs its own fixed list of
 * migrations, so no number read from storage decides how much work is done. A version that
 * is not a whole number from 1 up is read as version 1 and repaired.
 *
 * Data from a newer version (shared through `storage.sync` with a newer install on another
 * machine) is read, not replaced: this version validates the keys it knows, uses the
 * defaults for the ones it cannot read, and writes nothing back on load. When the user then
 * changes settings here, only the known keys whose value changes are written into the stored
 * object (`kinds` merged key by key); its version, its unknown keys and the keys not changed
 * stay as the newer version wrote them, so that version reads its own data back with just
 * the user's change in it. Resetting changes every key this version knows, and still leaves
 * the unknown keys and the version alone.
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

/** Most "dropped" lines one list adds to the problems; the rest are counted in one line. */
const MAX_PROBLEMS_PER_LIST = 20;
/** Most entries of one list read: ten times what a list may hold. */
const MAX_ENTRIES_READ = 10 * MAX_SITES_PER_LIST;

/**
 * Validates a site list entry by entry: valid entries are kept (trimmed, deduplicated) until
 * the list is full or {@link MAX_ENTRIES_READ} entries are read, and what follows is not
 * read, so a huge list (from a settings file) costs no more than a thousand entries.
 */
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
  const kept = new Set<string>();
  let dropped = 0;
  let read = 0;
  for (const entry of raw) {
    if (kept.size === MAX_SITES_PER_LIST || read === MAX_ENTRIES_READ) break;
    read++;
    const parsed = v.safeParse(entrySchema, entry);
    if (parsed.success) kept.add(parsed.output);
    else if (++dropped <= MAX_PROBLEMS_PER_LIST)
      problems.push(`${key}: dropped ${describe(entry)}, not a valid entry.`);
  }
  if (dropped > MAX_PROBLEMS_PER_LIST)
    problems.push(`${key}: dropped ${dropped - MAX_PROBLEMS_PER_LIST} more invalid entries.`);
  if (read < raw.length) {
    problems.push(
      `${key}: kept ${kept.size} valid entries of the first ${read}; ignored the other ${raw.length - read}.`,
    );
  }
  return [...kept];
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

/** The stored size of settings (or any stored value) in bytes, as `storage.sync` counts it (key plus JSON). */
export function settingsByteSize(settings: unknown): number {
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

/**
 * Drops site-list entries from the longest list until the settings fit the sync quota. The
 * size is measured once and then reduced by each dropped entry's own bytes (its JSON, and the
 * comma before it unless it was the list's only entry), so the work is one pass.
 */
function trimToBudget(settings: Settings, problems: string[]): void {
  let bytes = settingsByteSize(settings);
  const lists = [settings.neverSites, settings.alwaysSites, settings.pausedSites];
  const encoder = new TextEncoder();
  let dropped = 0;
  while (bytes > SYNC_ITEM_BUDGET) {
    const longest = lists.reduce((a, b) => (b.length > a.length ? b : a));
    const entry = longest.pop();
    if (entry === undefined) break;
    bytes -= encoder.encode(JSON.stringify(entry)).length + (longest.length > 0 ? 1 : 0);
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

/** One step of {@link MIGRATIONS}: the version it produces and how. */
interface Migration {
  to: number;
  migrate: (old: unknown) => unknown;
}

/**
 * Every migration, oldest first. A fixed list: how many steps run is decided by this list,
 * never by a number read from storage. Each step must leave data already in a later shape
 * unchanged, because data whose stored version is malformed runs them all.
 */
const MIGRATIONS: readonly Migration[] = [{ to: 2, migrate: migrateLegacySettings }];

/** Brings data stored at version `from` (or of unknown version, 1) to today's shape. */
export function migrateSettings(value: unknown, from: number): unknown {
  let migrated = value;
  for (const step of MIGRATIONS) if (step.to > from) migrated = step.migrate(migrated);
  return migrated;
}

/**
 * Where stored data stands against {@link SETTINGS_VERSION}. Only a whole number from 1 up
 * is a version; anything else stored as one (negative, fractional, huge, a string) is
 * `malformed`, and is read as version 1.
 */
export type StoredVersion =
  | { kind: 'older' | 'current' | 'newer'; version: number }
  | { kind: 'malformed'; raw: unknown };

/**
 * Reads WXT's version metadata (`{ v }` under `settings$`). No metadata, or a null `v` (what
 * NaN and Infinity become in storage), means version 1, as WXT counts it.
 */
export function storedVersionOf(meta: unknown): StoredVersion {
  const raw = isPlainObject(meta) ? meta.v : undefined;
  if (raw === undefined || raw === null) return { kind: 'older', version: 1 };
  if (typeof raw !== 'number' || !Number.isSafeInteger(raw) || raw < 1) return { kind: 'malformed', raw };
  if (raw < SETTINGS_VERSION) return { kind: 'older', version: raw };
  return { kind: raw === SETTINGS_VERSION ? 'current' : 'newer', version: raw };
}

/** The stored item's WXT version metadata key. */
const SETTINGS_META_KEY = `${SETTINGS_KEY}$` as const;

/** What `storage.sync` holds: the raw value (null when nothing is stored) and its version. */
interface StoredItem {
  value: unknown;
  version: StoredVersion;
}

async function readStoredItem(): Promise<StoredItem> {
  const [value, meta] = await Promise.all([
    storage.getItem<unknown>(SETTINGS_KEY),
    storage.getMeta<Record<string, unknown>>(SETTINGS_KEY),
  ]);
  return { value: value ?? null, version: storedVersionOf(meta) };
}

/** What this version reads from a stored item, and whether it writes its reading back. */
interface StoredReading extends ValidatedSettings {
  writeBack: boolean;
}

/**
 * Reads a stored item: migrated from an older (or malformed) version and validated, with
 * the repair to be written back; data of a newer version validated as it is, never written.
 */
function readItem(item: StoredItem): StoredReading {
  if (item.value === null) return { settings: defaultSettings(), problems: [], writeBack: false };
  const { version } = item;
  if (version.kind === 'newer') return { ...validateSettings(item.value), writeBack: false };
  const from = version.kind === 'malformed' ? 1 : version.version;
  const { settings, problems } = validateSettings(migrateSettings(item.value, from));
  if (version.kind === 'malformed')
    problems.unshift(`version: ${describe(version.raw)} is not a version; read as version 1.`);
  return { settings, problems, writeBack: version.kind !== 'current' || problems.length > 0 };
}

/** Stores settings in today's shape and version, value and version in one write. */
async function writeCurrent(settings: Settings): Promise<void> {
  await storage.setItems([
    { key: SETTINGS_KEY, value: settings },
    { key: SETTINGS_META_KEY, value: { v: SETTINGS_VERSION } },
  ]);
}

/**
 * Reads the settings, validated. When the stored value needed repair or came from an older
 * version, writes the result back (once), so every part of the extension sees the same
 * settings afterwards. Data from a newer version is read, never written back.
 */
export async function loadSettings(): Promise<Settings> {
  const { settings, problems, writeBack } = readItem(await readStoredItem());
  if (writeBack) {
    if (problems.length > 0) console.warn('[Sourcelight] Repaired stored settings:', problems);
    await writeCurrent(settings).catch((error: unknown) => {
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
  return storage.watch<unknown>(SETTINGS_KEY, (value) => callback(validateSettings(value).settings));
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

/** Whether two setting values are the same data. */
function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Writes `settings` into data a newer version stored, as the module comment decides: only
 * the known keys whose value differs from what this version reads there (`kinds` merged
 * into the stored object, so kinds this version does not know stay); unknown keys, the
 * other keys and the version stay as they are. Returns what this version then reads.
 */
async function writeIntoNewer(stored: unknown, settings: Settings): Promise<Settings> {
  const base = isPlainObject(stored) ? stored : {};
  const understood = validateSettings(base).settings;
  const merged: Record<string, unknown> = { ...base };
  let changed = false;
  for (const key of Object.keys(DEFAULT_SETTINGS) as SettingKey[]) {
    if (sameValue(settings[key], understood[key])) continue;
    changed = true;
    merged[key] =
      key === 'kinds' && isPlainObject(base.kinds) ? { ...base.kinds, ...settings.kinds } : settings[key];
  }
  if (!changed) return understood;
  const bytes = settingsByteSize(merged);
  if (bytes > SYNC_ITEM_BUDGET) throw new SettingsTooLargeError(bytes);
  await storage.setItem(SETTINGS_KEY, merged);
  return validateSettings(merged).settings;
}

/**
 * Validates and stores `next`, and returns what was stored. Throws
 * {@link SettingsTooLargeError} rather than silently dropping part of what the user typed.
 * Over data from a newer version, writes only what changed (see the module comment).
 */
export async function saveSettings(next: Settings): Promise<Settings> {
  const { settings } = repairFields(next);
  const stored = await readStoredItem();
  if (stored.version.kind === 'newer') return writeIntoNewer(stored.value, settings);
  const bytes = settingsByteSize(settings);
  if (bytes > SYNC_ITEM_BUDGET) throw new SettingsTooLargeError(bytes);
  await writeCurrent(settings);
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

/** Puts every setting back to its default (over newer data: every setting this version knows). */
export function resetSettings(): Promise<Settings> {
  return saveSettings(defaultSettings());
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
  let version: StoredVersion = { kind: 'older', version: 1 };
  if (Object.hasOwn(data, 'format')) {
    if (data.format !== SETTINGS_FILE_FORMAT || !isPlainObject(data.settings)) return notSettings;
    version = storedVersionOf({ v: data.version });
    if (version.kind === 'newer') {
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
  const { settings, problems } = validateSettings(
    migrateSettings(raw, version.kind === 'malformed' ? 1 : version.version),
  );
  return {
    ok: true,
    settings,
    problems: problems.filter((problem) => !problem.endsWith('missing; using the default.')),
  };
}
