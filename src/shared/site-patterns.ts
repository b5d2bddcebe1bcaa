/**
 * Site patterns for the "never" and "always" lists and the paused-site list: parsing with
 * messages a person can act on, and matching against a page's URL. Pure logic, no
 * `browser.*`, so the content script, the background and the options page agree exactly.
 *
 * Two forms are accepted:
 * - a WebExtension match pattern, `<scheme>://<host><path>` or `<all_urls>`, e.g.
 *   `*://*.example.com/*`, `https://example.com/news/*` (scheme `*`, `http`, `https`, `file`);
 * - a plain hostname, e.g. `example.com` or `*.example.com`, meaning that host and every
 *   subdomain of it, on any scheme and path.
 */

/** Longest pattern accepted; longer input is almost certainly a pasted mistake. */
export const MAX_PATTERN_LENGTH = 200;

/** Schemes a match pattern may name (`*` means http and https, as in WebExtensions). */
const SCHEMES = ['*', 'http', 'https', 'file'] as const;
type Scheme = (typeof SCHEMES)[number];

/** A parsed site pattern, ready for matching. */
export type SitePattern =
  | { kind: 'all'; source: string }
  | { kind: 'host'; source: string; host: string }
  | {
      kind: 'match';
      source: string;
      scheme: Scheme;
      /** `*` (any host), an exact host, or a host with `subdomains` also matching. */
      host: string;
      subdomains: boolean;
      /** The path glob, split at its `*` wildcards (one part when there is none). */
      path: readonly string[];
    };

/** What parsing gives: the pattern, or a message saying what is wrong with the input. */
export type SitePatternResult = { ok: true; pattern: SitePattern } | { ok: false; error: string };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * Normalises a hostname (lower case, international names in punycode) or explains why it
 * is not one. A single label is refused except `localhost`: "nytimes" is a typo for a domain.
 */
function checkHost(
  raw: string,
  singleLabelOk = false,
): { ok: true; host: string } | { ok: false; error: string } {
  if (raw === '') return { ok: false, error: 'The host is missing.' };
  if (raw.includes('*')) {
    return { ok: false, error: `"*" can only start the host, as in *.example.com.` };
  }
  if (/:\d*$/.test(raw) && !raw.startsWith('[')) {
    return { ok: false, error: 'Leave out the port: a pattern matches every port of its host.' };
  }
  if (raw.startsWith('[')) {
    return /^\[[0-9a-f:.]+\]$/i.test(raw)
      ? { ok: true, host: raw.toLowerCase() }
      : { ok: false, error: `"${raw}" is not a valid IPv6 address.` };
  }
  if (!/^[\p{L}\p{N}.-]+$/u.test(raw)) {
    return { ok: false, error: `"${raw}" is not a valid hostname (letters, digits, dots and hyphens only).` };
  }
  const ipv4 = IPV4.exec(raw);
  if (ipv4) {
    return ipv4.slice(1).every((part) => Number(part) <= 255)
      ? { ok: true, host: raw }
      : { ok: false, error: `"${raw}" is not a valid IP address.` };
  }
  let host: string;
  try {
    host = new URL(`http://${raw}/`).hostname;
  } catch {
    return { ok: false, error: `"${raw}" is not a valid hostname.` };
  }
  const labels = host.split('.');
  if (!labels.every((label) => LABEL.test(label))) {
    return { ok: false, error: `"${raw}" is not a valid hostname (letters, digits, dots and hyphens only).` };
  }
  if (labels.length < 2 && host !== 'localhost' && !singleLabelOk) {
    return { ok: false, error: `"${raw}" needs a domain ending, as in ${host}.com.` };
  }
  return { ok: true, host };
}

/** Splits a match pattern's path at its `*` wildcards, for {@link globMatches}. */
function pathPattern(path: string): string[] {
  return path.split('*');
}

/**
 * Whether `text` matches a glob given as the parts between its `*` wildcards. The first part
 * must start the text, the last must end it, and the parts between are found left to right,
 * each at its first place after the one before: the leftmost place always leaves the most
 * room for the rest, so nothing is ever tried twice. Time is at most the text's length times
 * the pattern's, however many wildcards; a regular expression such as `^.*a.*a.*b$` instead
 * backtracks through every way of placing its parts, which took seconds on long URLs.
 */
export function globMatches(parts: readonly string[], text: string): boolean {
  const first = parts[0] ?? '';
  if (parts.length === 1) return text === first;
  const last = parts[parts.length - 1] ?? '';
  if (first.length + last.length > text.length) return false;
  if (!text.startsWith(first) || !text.endsWith(last)) return false;
  const end = text.length - last.length;
  let at = first.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const part = parts[i] ?? '';
    if (part === '') continue;
    const found = text.indexOf(part, at);
    if (found === -1 || found + part.length > end) return false;
    at = found + part.length;
  }
  return true;
}

/** Parses the `<scheme>://<host><path>` form. */
function parseMatchPattern(source: string, schemeEnd: number): SitePatternResult {
  const scheme = source.slice(0, schemeEnd).toLowerCase();
  if (!(SCHEMES as readonly string[]).includes(scheme)) {
    return { ok: false, error: `Unknown scheme "${scheme}": use *, http, https or file.` };
  }
  const rest = source.slice(schemeEnd + 3);
  const slash = rest.indexOf('/');
  if (slash === -1) {
    return { ok: false, error: `Add a path after the host, as in ${source}/* for the whole site.` };
  }
  const rawHost = rest.slice(0, slash);
  const path = rest.slice(slash);
  if (scheme === 'file') {
    if (rawHost !== '') return { ok: false, error: 'A file:// pattern has no host: write file:///path/*.' };
    return {
      ok: true,
      pattern: { kind: 'match', source, scheme, host: '', subdomains: false, path: pathPattern(path) },
    };
  }
  if (rawHost === '*') {
    return {
      ok: true,
      pattern: {
        kind: 'match',
        source,
        scheme: scheme as Scheme,
        host: '*',
        subdomains: true,
        path: pathPattern(path),
      },
    };
  }
  const subdomains = rawHost.startsWith('*.');
  const checked = checkHost(subdomains ? rawHost.slice(2) : rawHost);
  if (!checked.ok) return checked;
  return {
    ok: true,
    pattern: {
      kind: 'match',
      source,
      scheme: scheme as Scheme,
      host: checked.host,
      subdomains,
      path: pathPattern(path),
    },
  };
}

/**
 * Parses one site pattern (surrounding spaces ignored) and says precisely what is wrong
 * when it is not one, so the options page can show the message beside the line.
 */
export function parseSitePattern(input: string): SitePatternResult {
  const source = input.trim();
  if (source === '') return { ok: false, error: 'The pattern is empty.' };
  if (source.length > MAX_PATTERN_LENGTH) {
    return { ok: false, error: `The pattern is longer than ${MAX_PATTERN_LENGTH} characters.` };
  }
  if (/\s/.test(source)) return { ok: false, error: 'A pattern cannot contain spaces.' };
  if (source === '<all_urls>') return { ok: true, pattern: { kind: 'all', source } };
  const schemeEnd = source.indexOf('://');
  if (schemeEnd !== -1) return parseMatchPattern(source, schemeEnd);
  if (/^[a-z][a-z0-9+.-]*:/i.test(source) && !/^[^:]+:\d+/.test(source)) {
    return { ok: false, error: `Write the scheme with "://", as in https://example.com/*.` };
  }
  if (source.includes('/')) {
    return {
      ok: false,
      error: `A hostname has no path: write just the host, or a match pattern such as *://${source}*.`,
    };
  }
  const checked = checkHost(source.startsWith('*.') ? source.slice(2) : source);
  if (!checked.ok) return checked;
  return { ok: true, pattern: { kind: 'host', source, host: checked.host } };
}

/**
 * Normalises a bare hostname as a tab's URL gives it (for the paused-site list, where an
 * intranet host such as `wiki` is legitimate), or returns null when it is not a hostname.
 */
export function normalizeHostname(input: string): string | null {
  const raw = input.trim();
  if (raw === '' || raw.length > MAX_PATTERN_LENGTH || raw.startsWith('*')) return null;
  const checked = checkHost(raw, true);
  return checked.ok ? checked.host : null;
}

/** True when `host` is `base` or one of its subdomains. */
function hostWithin(host: string, base: string): boolean {
  return host === base || host.endsWith(`.${base}`);
}

/** A page URL parsed once, with the part a match pattern's path is matched against. */
interface ParsedUrl {
  scheme: string;
  hostname: string;
  /** `pathname + search`, as WebExtension match patterns see it. */
  pathAndQuery: string;
}

/** Parses a URL for matching, or null when it is not one. */
function parseUrl(url: string): ParsedUrl | null {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return null;
  }
  return {
    scheme: target.protocol.slice(0, -1),
    hostname: target.hostname,
    pathAndQuery: target.pathname + target.search,
  };
}

/** Matches an already-parsed pattern against a parsed URL. */
function matchesUrl(pattern: SitePattern, url: ParsedUrl): boolean {
  const scheme = url.scheme;
  if (pattern.kind === 'all') return ['http', 'https', 'file'].includes(scheme);
  if (pattern.kind === 'host')
    return (scheme === 'http' || scheme === 'https') && hostWithin(url.hostname, pattern.host);
  if (pattern.scheme === '*' ? scheme !== 'http' && scheme !== 'https' : scheme !== pattern.scheme)
    return false;
  if (pattern.scheme !== 'file' && pattern.host !== '*') {
    const ok = pattern.subdomains ? hostWithin(url.hostname, pattern.host) : url.hostname === pattern.host;
    if (!ok) return false;
  }
  return globMatches(pattern.path, url.pathAndQuery);
}

/**
 * True when `url` falls under `pattern` (a pattern string or a parsed one). Unparseable
 * patterns and URLs match nothing, so a bad entry can never switch Sourcelight off everywhere.
 */
export function siteMatches(pattern: string | SitePattern, url: string): boolean {
  const parsed = typeof pattern === 'string' ? parseSitePattern(pattern) : { ok: true as const, pattern };
  if (!parsed.ok) return false;
  const target = parseUrl(url);
  return target !== null && matchesUrl(parsed.pattern, target);
}

/**
 * True when any pattern of a list matches `url`. The URL is parsed once for the whole list
 * (a page's URL may be megabytes long); the patterns, short and at most 100 a list, are
 * parsed each time.
 */
export function siteListMatches(patterns: readonly string[], url: string): boolean {
  if (patterns.length === 0) return false;
  const target = parseUrl(url);
  if (target === null) return false;
  return patterns.some((pattern) => {
    const parsed = parseSitePattern(pattern);
    return parsed.ok && matchesUrl(parsed.pattern, target);
  });
}

/** True when `url`'s host is one of `hosts` or a subdomain of one (the paused-site list). */
export function hostListMatches(hosts: readonly string[], url: string): boolean {
  let hostname: string;
  try {
    hostname = new URL(url).hostname;
  } catch {
    return false;
  }
  return hostname !== '' && hosts.some((host) => hostWithin(hostname, host));
}

/** One line of a pattern list that did not parse, for messages that name the line. */
export interface SiteLineError {
  /** 1-based line number in the text the user typed. */
  line: number;
  text: string;
  error: string;
}

/**
 * Splits text typed one pattern per line into the valid patterns (trimmed, duplicates
 * dropped, blank lines skipped) and the errors of the lines that are not patterns.
 */
export function parseSiteLines(text: string): { patterns: string[]; errors: SiteLineError[] } {
  const patterns = new Set<string>();
  const errors: SiteLineError[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed === '') return;
    const result = parseSitePattern(trimmed);
    if (!result.ok) errors.push({ line: index + 1, text: trimmed, error: result.error });
    else patterns.add(trimmed);
  });
  return { patterns: [...patterns], errors };
}
