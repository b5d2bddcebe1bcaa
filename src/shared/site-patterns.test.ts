import vm from 'node:vm';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  hostListMatches,
  normalizeHostname,
  parseSiteLines,
  parseSitePattern,
  siteListMatches,
  siteMatches,
} from './site-patterns';

describe('parseSitePattern', () => {
  test.each([
    '*://*.example.com/*',
    'https://example.com/news/*',
    'http://*/*',
    '*://localhost/*',
    'file:///home/*',
    '<all_urls>',
    'example.com',
    '*.example.com',
    'News.Example.COM',
    'localhost',
    '127.0.0.1',
    'münchen.de',
    '  example.org  ',
  ])('accepts %s', (input) => {
    expect(parseSitePattern(input)).toMatchObject({ ok: true });
  });

  test.each([
    ['', /empty/],
    ['hello world', /spaces/],
    ['ftp://example.com/*', /Unknown scheme "ftp"/],
    ['https://example.com', /Add a path/],
    ['https:/example.com/*', /":\/\/"/],
    ['example.com/news', /hostname has no path/],
    ['*://foo.*.com/*', /"\*" can only start the host/],
    ['ex*ample.com', /"\*" can only start the host/],
    ['example.com:8080', /port/],
    ['https://example.com:8080/*', /port/],
    ['nytimes', /needs a domain ending/],
    ['exa_mple.com', /not a valid hostname/],
    ['user@example.com', /not a valid hostname/],
    ['-example.com', /not a valid hostname/],
    ['999.1.1.1', /not a valid IP address/],
    ['!!!', /not a valid hostname/],
    ['file://host/*', /file:\/\/ pattern has no host/],
    ['https:///*', /host is missing/],
    [`${'a'.repeat(250)}.com`, /longer than/],
  ])('rejects %j with a reason', (input, reason) => {
    const result = parseSitePattern(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(reason);
  });

  test('normalises hosts to lower case and punycode', () => {
    const result = parseSitePattern('MÜNCHEN.de');
    expect(result.ok && result.pattern.kind === 'host' && result.pattern.host).toBe('xn--mnchen-3ya.de');
  });
});

describe('siteMatches', () => {
  test('a plain hostname matches the host and its subdomains on http and https', () => {
    expect(siteMatches('example.com', 'https://example.com/a')).toBe(true);
    expect(siteMatches('example.com', 'http://www.example.com/')).toBe(true);
    expect(siteMatches('example.com', 'https://a.b.example.com/x?y')).toBe(true);
    expect(siteMatches('example.com', 'https://notexample.com/')).toBe(false);
    expect(siteMatches('example.com', 'https://example.com.evil.org/')).toBe(false);
    expect(siteMatches('*.example.com', 'https://news.example.com/')).toBe(true);
  });

  test('a match pattern checks scheme, host and path', () => {
    expect(siteMatches('*://*.example.com/*', 'http://example.com/')).toBe(true);
    expect(siteMatches('*://*.example.com/*', 'https://www.example.com/x')).toBe(true);
    expect(siteMatches('*://*.example.com/*', 'ftp://example.com/')).toBe(false);
    expect(siteMatches('https://example.com/*', 'http://example.com/')).toBe(false);
    expect(siteMatches('https://example.com/*', 'https://www.example.com/')).toBe(false);
    expect(siteMatches('https://example.com/news/*', 'https://example.com/news/2019/a')).toBe(true);
    expect(siteMatches('https://example.com/news/*', 'https://example.com/sport/a')).toBe(false);
    expect(siteMatches('https://example.com/*?id=*', 'https://example.com/a?id=3')).toBe(true);
    expect(siteMatches('http://*/*', 'http://anything.org/')).toBe(true);
    expect(siteMatches('http://127.0.0.1/*', 'http://127.0.0.1:8080/page.html')).toBe(true);
  });

  test('<all_urls> and file patterns', () => {
    expect(siteMatches('<all_urls>', 'https://a.org/')).toBe(true);
    expect(siteMatches('<all_urls>', 'chrome://extensions/')).toBe(false);
    expect(siteMatches('file:///home/*', 'file:///home/me/a.html')).toBe(true);
    expect(siteMatches('file:///home/*', 'file:///etc/passwd')).toBe(false);
  });

  test('bad patterns and bad URLs match nothing', () => {
    expect(siteMatches('hello world', 'https://hello.world/')).toBe(false);
    expect(siteMatches('example.com', 'not a url')).toBe(false);
  });

  test('lists match when any entry does', () => {
    expect(siteListMatches(['a.org', 'b.org'], 'https://x.b.org/')).toBe(true);
    expect(siteListMatches([], 'https://x.b.org/')).toBe(false);
    expect(hostListMatches(['127.0.0.1'], 'http://127.0.0.1:5173/demo.html')).toBe(true);
    expect(hostListMatches(['example.com'], 'https://www.example.com/')).toBe(true);
    expect(hostListMatches(['www.example.com'], 'https://example.com/')).toBe(false);
  });
});

describe('normalizeHostname', () => {
  test('accepts bare hosts, including single-label intranet hosts', () => {
    expect(normalizeHostname('Wiki')).toBe('wiki');
    expect(normalizeHostname('news.example.com')).toBe('news.example.com');
  });
  test('refuses patterns and junk', () => {
    expect(normalizeHostname('*.example.com')).toBeNull();
    expect(normalizeHostname('https://example.com/')).toBeNull();
    expect(normalizeHostname('')).toBeNull();
  });
});

describe('parseSiteLines', () => {
  test('keeps valid lines, skips blanks and duplicates, and names the bad lines', () => {
    const { patterns, errors } = parseSiteLines(
      'example.com\n\nbad pattern\r\n*://*.a.org/*\nexample.com\nftp://x.org/*',
    );
    expect(patterns).toEqual(['example.com', '*://*.a.org/*']);
    expect(errors.map((e) => [e.line, e.text])).toEqual([
      [3, 'bad pattern'],
      [6, 'ftp://x.org/*'],
    ]);
    expect(errors[0]?.error).toMatch(/spaces/);
  });
});

/**
 * Runs `work` and gives up after `ms`: the watchdog of `node:vm` stops even a regular
 * expression stuck in backtracking, so a matcher that would take hours fails here instead of
 * hanging the test run. This is a bound on hanging, not a speed figure (see bench/).
 */
function answersWithin<T>(ms: number, work: () => T): T {
  return vm.runInNewContext('work()', { work }, { timeout: ms }) as T;
}

describe('work bounded by the input, however many wildcards', () => {
  const longUrl = (n: number, tail = '') => `https://x.test/${'a'.repeat(n)}${tail}`;

  test('many wildcards against a long URL of repeats answer at once, and rightly', () => {
    const patterns = [
      '*://*/*a*a*a*a*a*a*a*a*b',
      '*://*/*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b*',
      `*://*/*${'a*'.repeat(90)}b`,
    ];
    for (const pattern of patterns) {
      expect(answersWithin(2000, () => siteMatches(pattern, longUrl(5000)))).toBe(false);
      expect(answersWithin(2000, () => siteMatches(pattern, longUrl(5000, 'b')))).toBe(true);
    }
    expect(answersWithin(2000, () => siteListMatches(patterns, longUrl(100_000)))).toBe(false);
  });

  test('wildcards keep their meaning: start, end, order and no overlap', () => {
    const m = (path: string, target: string) => siteMatches(`*://*${path}`, `https://x.test${target}`);
    expect(m('/a*b', '/ab')).toBe(true);
    expect(m('/a*b', '/a-b')).toBe(true);
    expect(m('/a*b', '/ba')).toBe(false);
    expect(m('/*aba*', '/xabax')).toBe(true);
    expect(m('/*ab*ba*', '/aba')).toBe(false); // the two parts may not share the "b"
    expect(m('/*ab*ba*', '/abba')).toBe(true);
    expect(m('/x*x', '/x')).toBe(false); // start and end may not share the "x"
    expect(m('/**', '/')).toBe(true);
    expect(m('/a.c*', '/abc')).toBe(false); // "." is a plain dot
    expect(m('/(a)*', '/(a)/x')).toBe(true);
    expect(m('/?id=*', '/?id=3')).toBe(true);
    expect(m('/', '/?id=3')).toBe(false);
  });

  test('agrees with a regular expression of the same glob on every short path', () => {
    const alphabet = fc.constantFrom('a', 'b', '*');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 8 }),
        fc.array(fc.constantFrom('a', 'b'), { maxLength: 10 }),
        (p, t) => {
          const glob = `/${p.join('')}`;
          const path = `/${t.join('')}`;
          const reference = new RegExp(`^${glob.split('*').join('.*')}$`).test(path);
          expect(siteMatches(`*://*${glob}`, `https://x.test${path}`)).toBe(reference);
        },
      ),
      { numRuns: 3000 },
    );
  });

  test('a pasted list of a hundred thousand lines is read in one pass', () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `site-${i}.example.com`).join('\n');
    const { patterns } = answersWithin(5000, () => parseSiteLines(text));
    expect(patterns).toHaveLength(100_000);
  });
});
