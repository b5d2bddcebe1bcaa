import { describe, expect, test } from 'vitest';
import { articleLink } from './article-link';

describe('articleLink', () => {
  test('links a complete http(s) URL', () => {
    expect(articleLink('https://www.reuters.com/article/us-venezuela-politics-russia')).toEqual({
      kind: 'link',
      href: 'https://www.reuters.com/article/us-venezuela-politics-russia',
    });
    expect(articleLink(' http://example.org/a ')).toEqual({ kind: 'link', href: 'http://example.org/a' });
  });
  test('shows a URL cut short with dots as text', () => {
    expect(articleLink('https://www.nbcnews.com/news/world/russia-cuba-going-work...')).toEqual({
      kind: 'truncated',
      text: 'https://www.nbcnews.com/news/world/russia-cuba-going-work...',
    });
    expect(articleLink('https://panampost.com/…/russia')).toMatchObject({ kind: 'truncated' });
  });
  test('shows an address without a scheme as text', () => {
    expect(articleLink('www.reuters.com/world')).toEqual({
      kind: 'unlinkable',
      text: 'www.reuters.com/world',
    });
  });
  test('never links another scheme', () => {
    expect(articleLink('javascript:alert(1)')).toEqual({ kind: 'none' });
    expect(articleLink('file:///etc/passwd')).toEqual({ kind: 'none' });
  });
  test('offers nothing without a URL', () => {
    expect(articleLink(null)).toEqual({ kind: 'none' });
    expect(articleLink('  ')).toEqual({ kind: 'none' });
  });
});
