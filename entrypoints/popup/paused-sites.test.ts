import { describe, expect, test } from 'vitest';
import { isSitePaused, pausableHostname, withSitePaused } from './paused-sites';

describe('pausableHostname', () => {
  test('gives the hostname of a web page', () => {
    expect(pausableHostname('https://www.Reuters.com/world/americas?x=1')).toBe('www.reuters.com');
    expect(pausableHostname('http://127.0.0.1:8080/demo.html')).toBe('127.0.0.1');
  });
  test('is null for pages Sourcelight cannot run on', () => {
    expect(pausableHostname('chrome://extensions')).toBeNull();
    expect(pausableHostname('about:blank')).toBeNull();
    expect(pausableHostname('file:///tmp/a.html')).toBeNull();
    expect(pausableHostname('not a url')).toBeNull();
    expect(pausableHostname(undefined)).toBeNull();
  });
});

describe('paused sites', () => {
  test('pausing adds the hostname once, resuming removes it and keeps the others', () => {
    const paused = withSitePaused(['example.org'], 'www.reuters.com', true);
    expect(paused).toEqual(['example.org', 'www.reuters.com']);
    expect(withSitePaused(paused, 'WWW.REUTERS.COM', true)).toEqual(['example.org', 'www.reuters.com']);
    expect(withSitePaused(paused, 'www.reuters.com', false)).toEqual(['example.org']);
  });
  test('a paused domain covers its subdomains, and resuming a subdomain lifts it', () => {
    expect(isSitePaused(['reuters.com'], 'www.reuters.com')).toBe(true);
    expect(isSitePaused(['www.reuters.com'], 'reuters.com')).toBe(false);
    expect(isSitePaused(['notreuters.com'], 'reuters.com')).toBe(false);
    expect(withSitePaused(['reuters.com', 'a.org'], 'www.reuters.com', true)).toEqual([
      'reuters.com',
      'a.org',
    ]);
    expect(withSitePaused(['reuters.com', 'a.org'], 'www.reuters.com', false)).toEqual(['a.org']);
  });
});
