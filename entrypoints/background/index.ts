/**
 * The background: loads the corpus once, on first need, and answers the typed messages of
 * `BackgroundProtocol` (cards, search, overview, page state), each checked for sender and
 * shape first; keeps each tab's page state in `storage.session` and its toolbar badge.
 */
import { corpusOverview, searchCorpus } from '@/src/core/search-corpus';
import {
  type BackgroundProtocol,
  backgroundMessaging,
  type CorpusOverview,
  contentMessaging,
} from '@/src/shared/protocol';
import { loadSettings, watchSettings } from '@/src/shared/settings';
import { type BadgeApi, showBadge } from './badge';
import { cardFor } from './card-data';
import { CORPUS_PATH, createCorpusStore, SEARCH_INDEX_PATH } from './corpus-store';
import { createTabFrames } from './frame-states';
import {
  type BackgroundMessage,
  type ExtensionIdentity,
  guardMessage,
  type SenderInfo,
} from './message-guard';
import { createPageStateStore } from './page-state-store';

type DataOf<K extends BackgroundMessage> = Parameters<BackgroundProtocol[K]>[0];
type ReplyOf<K extends BackgroundMessage> = ReturnType<BackgroundProtocol[K]>;

export default defineBackground(() => {
  const self: ExtensionIdentity = { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') };
  const store = createCorpusStore(async (path) => {
    const url = browser.runtime.getURL(path === CORPUS_PATH ? CORPUS_PATH : SEARCH_INDEX_PATH);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`Sourcelight: cannot read ${path} (${response.status})`);
    return response.text();
  });
  const pageStates = createPageStateStore(browser.storage.session);
  const tabFrames = createTabFrames(browser.storage.session, pageStates);
  // MV3 has `action`, Firefox MV2 `browserAction`; both take the same badge calls.
  const badgeApi = (browser.action ?? browser.browserAction) as unknown as BadgeApi;
  let badgeOn = true;
  let overview: CorpusOverview | null = null;

  const redrawBadges = async () => {
    for (const [tabId, state] of await pageStates.all()) await showBadge(badgeApi, tabId, state, badgeOn);
  };
  void loadSettings().then((settings) => {
    badgeOn = settings.badge;
    return redrawBadges();
  });
  watchSettings((settings) => {
    if (settings.badge === badgeOn) return;
    badgeOn = settings.badge;
    void redrawBadges();
  });

  /** Answers one message type, after the guard; refused messages get no answer and a warning. */
  function answer<K extends BackgroundMessage>(
    type: K,
    handler: (data: DataOf<K>, sender: SenderInfo) => ReplyOf<K> | Promise<ReplyOf<K>>,
  ): void {
    backgroundMessaging.onMessage(type, ((message: { data: unknown; sender: SenderInfo }) => {
      const checked = guardMessage(type, message.data, message.sender, self);
      if (!checked.ok) {
        console.warn(`Sourcelight: ignored "${type}" message: ${checked.reason}`);
        return undefined;
      }
      return handler(checked.data, message.sender);
    }) as never);
  }

  answer('findPassages', async (data) => cardFor(await store.get(), data));
  answer('searchCorpus', async (data) => searchCorpus((await store.get()).search, data));
  answer('corpusOverview', async () => {
    overview ??= corpusOverview((await store.get()).corpus);
    return overview;
  });
  answer('reportPageState', async (data, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return;
    // Each same-origin frame scans itself: the tab's state counts them all.
    const merged = await tabFrames.report(tabId, sender.frameId ?? 0, data);
    await showBadge(badgeApi, tabId, merged, badgeOn);
  });
  answer('getPageState', (data) => pageStates.get(data.tabId));
  answer('openSearch', async (data) => {
    await browser.tabs.create({
      url: browser.runtime.getURL(`/popup.html?q=${encodeURIComponent(data.query)}`),
    });
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void tabFrames.clear(tabId);
  });
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    // A new page is loading: what the old one mentioned no longer applies.
    if (changeInfo.status !== 'loading') return;
    void tabFrames.clear(tabId);
    void showBadge(badgeApi, tabId, null, badgeOn);
  });

  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'next-mention' && command !== 'previous-mention') return;
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return;
    const direction = command === 'next-mention' ? 1 : -1;
    await contentMessaging
      .sendMessage('stepMention', { direction }, { tabId, frameId: 0 })
      .catch(() => false);
  });
});
