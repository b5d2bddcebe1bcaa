import { describe, expect, it } from 'vitest';
import { guardMessage, MAX_REPORTED_URL_LENGTH, MESSAGE_ORIGINS, senderProblem } from './message-guard';

const self = { id: 'sourcelight-id', baseUrl: 'chrome-extension://sourcelight-id/' };
const contentScript = { id: self.id, url: 'https://news.example/story', tab: { id: 7 }, frameId: 0 };
const popup = { id: self.id, url: `${self.baseUrl}popup.html` };
const foreign = { id: 'other-extension', url: 'chrome-extension://other-extension/popup.html' };
const pageState = {
  url: 'https://news.example/story',
  onTopic: true,
  marking: true,
  entities: [],
  events: [],
};

describe('senderProblem', () => {
  it('refuses messages from another extension or a web page', () => {
    for (const type of Object.keys(MESSAGE_ORIGINS) as Array<keyof typeof MESSAGE_ORIGINS>) {
      expect(senderProblem(type, foreign, self)).toBe('not sent by this extension');
      expect(senderProblem(type, { url: 'https://evil.example/', tab: { id: 3 } }, self)).not.toBeNull();
      expect(senderProblem(type, undefined, self)).not.toBeNull();
    }
  });

  it('lets content-script messages come only from tabs, and page messages only from our pages', () => {
    expect(senderProblem('reportPageState', contentScript, self)).toBeNull();
    expect(senderProblem('reportPageState', popup, self)).toMatch(/content script/);
    expect(senderProblem('searchCorpus', popup, self)).toBeNull();
    expect(senderProblem('searchCorpus', contentScript, self)).toMatch(/extension page/);
    expect(senderProblem('getPageState', contentScript, self)).toMatch(/extension page/);
    expect(senderProblem('findPassages', contentScript, self)).toBeNull();
    expect(senderProblem('findPassages', popup, self)).toBeNull();
    expect(senderProblem('findPassages', { id: self.id }, self)).toMatch(/tab or an extension page/);
    // An extension page opened in a tab is a page, not a content script.
    expect(senderProblem('reportPageState', { ...popup, tab: { id: 4 } }, self)).toMatch(/content script/);
  });
});

describe('guardMessage', () => {
  it('passes well-formed data and strips unknown keys', () => {
    const result = guardMessage('searchCorpus', { query: 'guaido', limit: 5, extra: 1 }, popup, self);
    expect(result).toEqual({ ok: true, data: { query: 'guaido', limit: 5 } });
    expect(guardMessage('reportPageState', pageState, contentScript, self).ok).toBe(true);
    expect(guardMessage('corpusOverview', undefined, popup, self)).toEqual({ ok: true, data: undefined });
  });

  it('refuses bad shapes with a reason', () => {
    const bad: Array<[Parameters<typeof guardMessage>[0], unknown, typeof popup | typeof contentScript]> = [
      ['searchCorpus', { query: 42 }, popup],
      ['searchCorpus', { query: 'x', filters: { from: 'yesterday' } }, popup],
      ['searchCorpus', { query: 'x', limit: 1e9 }, popup],
      ['findPassages', { kind: 'entity', id: 'putin', context: '', limit: 0 }, contentScript],
      ['findPassages', { kind: 'rumour', id: 'putin', context: '', limit: 3 }, contentScript],
      ['getPageState', { tabId: '7' }, popup],
      [
        'reportPageState',
        { ...pageState, entities: [{ id: 'x', name: 'X', type: 'alien', count: 1 }] },
        contentScript,
      ],
      ['reportPageState', null, contentScript],
      ['corpusOverview', { please: true }, popup],
    ];
    for (const [type, data, sender] of bad) {
      const result = guardMessage(type, data, sender, self);
      expect(result.ok, `${type} ${JSON.stringify(data)}`).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/^bad data/);
    }
  });

  it('takes a page URL of any real length, and keeps every other size check', () => {
    const longUrl = `https://news.example/demo.html?x=${'a'.repeat(100_000)}`;
    expect(guardMessage('reportPageState', { ...pageState, url: longUrl }, contentScript, self)).toEqual({
      ok: true,
      data: { ...pageState, url: longUrl },
    });
    const tooLong = `https://news.example/?x=${'a'.repeat(MAX_REPORTED_URL_LENGTH)}`;
    const tooMany = Array.from({ length: 2001 }, (_, i) => ({
      id: `e${i}`,
      name: 'E',
      type: 'person',
      count: 1,
    }));
    for (const data of [
      { ...pageState, url: tooLong },
      { ...pageState, entities: tooMany },
      { ...pageState, events: [{ id: 'x', name: 'n'.repeat(501), count: 1 }] },
    ]) {
      expect(guardMessage('reportPageState', data, contentScript, self).ok).toBe(false);
    }
    expect(guardMessage('searchCorpus', { query: 'q'.repeat(501) }, popup, self).ok).toBe(false);
    expect(
      guardMessage(
        'findPassages',
        { kind: 'entity', id: 'x', context: 'c'.repeat(20_001), limit: 3 },
        contentScript,
        self,
      ).ok,
    ).toBe(false);
  });

  it('checks the sender before the data', () => {
    expect(guardMessage('searchCorpus', { query: 'x' }, foreign, self)).toEqual({
      ok: false,
      reason: 'not sent by this extension',
    });
  });
});
