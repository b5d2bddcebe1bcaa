import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

/**
 * Every string the options page shows comes from `_locales/en/messages.json`: each key the
 * page's HTML or code names must exist there, and each `options_` key must be used.
 */
const folder = new URL('./', import.meta.url);
const messages = JSON.parse(
  readFileSync(new URL('../../public/_locales/en/messages.json', import.meta.url), 'utf8'),
) as Record<string, { message: string }>;

const sources = readdirSync(folder)
  .filter((name) => /\.(ts|html)$/.test(name) && !name.endsWith('.test.ts'))
  .map((name) => readFileSync(new URL(name, folder), 'utf8'))
  .join('\n');

const used = new Set(
  [...sources.matchAll(/data-i18n(?:-aria-label)?="([\w@]+)"|\bt\('([\w@]+)'|: '(command\w+)'/g)].map(
    (match) => match[1] ?? match[2] ?? match[3] ?? '',
  ),
);

describe('options page messages', () => {
  test('every key the page uses exists', () => {
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((key) => !messages[key]?.message)).toEqual([]);
  });

  test('every options_ key is used', () => {
    const unused = Object.keys(messages).filter((key) => key.startsWith('options_') && !used.has(key));
    expect(unused).toEqual([]);
  });
});

describe('index.html', () => {
  test("shows each message's English text before the page localises it", () => {
    const html = readFileSync(new URL('index.html', folder), 'utf8');
    const decode = (text: string) =>
      text
        .replace(/\s+/g, ' ')
        .trim()
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>')
        .replaceAll('&amp;', '&');
    const labelled = [...html.matchAll(/data-i18n="(\w+)"[^>]*>([^<]*)</g)];
    expect(labelled.length).toBeGreaterThan(50);
    const mismatches = labelled
      .filter(([, key = '', text = '']) => decode(text) !== messages[key]?.message)
      .map(([, key]) => key);
    expect(mismatches).toEqual([]);
  });
});
