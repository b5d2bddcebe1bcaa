/**
 * The "On this page" view: what the active tab mentions, grouped by kind with counts; choosing
 * one scrolls the page to its first mention, opens its card and closes the popup. A switch
 * pauses Sourcelight on the tab's site, which the content script applies at once.
 * The panel's `data-state` says what it shows: loading, mentions, nothing, off-topic, paused
 * or unavailable.
 */

import { t } from '@/src/shared/i18n';
import type { PageState, SubjectKind } from '@/src/shared/protocol';
import { backgroundMessaging, contentMessaging } from '@/src/shared/protocol';
import { loadSettings, updateSettings } from '@/src/shared/settings';
import { byId, el, replaceChildren } from './dom';
import { typeLabelKeys } from './filters-view';
import { groupMentions, type MentionGroupKey, type MentionItem } from './page-groups';
import { isSitePaused, pausableHostname, withSitePaused } from './paused-sites';

/** What the view shows, for styling and tests. */
type PageViewState = 'loading' | 'mentions' | 'nothing' | 'off-topic' | 'paused' | 'unavailable';

/** How long to wait for a tab's content script before deciding it cannot run there. */
const tabAnswerTimeoutMs = 1500;
/** How long the tab may take to rescan after the site is resumed before we fall back. */
const rescanAnswerTimeoutMs = 5000;

/** The tab the popup is about: `?tabId=` when given (tests open popup.html in a tab), else the active tab. */
export async function targetTab(): Promise<{ id: number; url?: string } | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) {
    const tab = await browser.tabs.get(fromQuery).catch(() => null);
    return tab?.id !== undefined ? { id: tab.id, url: tab.url } : null;
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id !== undefined ? { id: tab.id, url: tab.url } : null;
}

/** Asks the background for the tab's state, and the tab itself when the background has none. */
async function fetchPageState(tabId: number): Promise<PageState | null> {
  const reported = await backgroundMessaging
    .sendMessage('getPageState', { tabId })
    .catch((error: unknown) => {
      console.warn('[Sourcelight] Background has no page state', error);
      return null;
    });
  if (reported) return reported;
  return withTimeout(
    contentMessaging.sendMessage('currentPageState', undefined, { tabId, frameId: 0 }),
    tabAnswerTimeoutMs,
  ).catch(() => null);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

const groupLabelKeys: Record<MentionGroupKey, Parameters<typeof t>[0]> = {
  ...typeLabelKeys,
  event: 'popupKindEvent',
};

/** Loads and shows the "On this page" view; call once when the popup opens. */
export async function initPageView(): Promise<void> {
  const panel = byId('panel-page');
  const content = byId('page-content');
  const pauseRow = byId('pause-row');
  const pauseSwitch = byId<HTMLButtonElement>('pause-switch');
  const pauseLabel = byId('pause-label');
  const message = byId('page-message');

  const setState = (state: PageViewState) => {
    panel.dataset.state = state;
  };
  const say = (text: string, role: 'status' | 'alert' | null = null) => {
    replaceChildren(message, text ? [el('p', { className: 'notice', attrs: { role } }, [text])] : []);
  };

  setState('loading');
  say(t('popupPageLoading'));

  const tab = await targetTab().catch(() => null);
  let state = tab ? await fetchPageState(tab.id) : null;
  const hostname = pausableHostname(state?.url ?? tab?.url);
  let pausedSites: string[] = await loadSettings()
    .then((settings) => settings.pausedSites)
    .catch(() => []);

  function render(): void {
    const paused = hostname !== null && isSitePaused(pausedSites, hostname);
    pauseRow.hidden = hostname === null || !tab;
    if (hostname) {
      pauseLabel.textContent = t('popupPauseSite', hostname);
      pauseSwitch.setAttribute('aria-checked', String(paused));
    }
    if (!tab || !state) {
      replaceChildren(content, []);
      say(t('popupPageUnavailable'));
      setState('unavailable');
      return;
    }
    if (paused) {
      replaceChildren(content, []);
      say(t('popupPagePaused'));
      setState('paused');
      return;
    }
    if (!state.onTopic && !state.marking) {
      // Say why nothing is marked, and offer the two ways to change it right here.
      replaceChildren(content, [
        el('div', { className: 'off-topic-actions' }, [
          hostname
            ? el(
                'button',
                {
                  id: 'mark-anyway',
                  className: 'secondary-button',
                  attrs: { type: 'button' },
                  on: { click: () => void markAnyway() },
                },
                [t('popupMarkAnyway', hostname)],
              )
            : null,
          el(
            'button',
            {
              id: 'open-settings',
              className: 'link-button',
              attrs: { type: 'button' },
              on: { click: () => void browser.runtime.openOptionsPage() },
            },
            [t('popupOpenSettings')],
          ),
        ]),
      ]);
      say(t('popupPageOffTopic'));
      setState('off-topic');
      return;
    }
    const groups = groupMentions(state);
    if (groups.length === 0) {
      replaceChildren(content, []);
      say(t('popupPageNothing'));
      setState('nothing');
      return;
    }
    say(t('popupPageIntro'));
    replaceChildren(
      content,
      groups.map((group) =>
        el('section', { className: 'mention-group', attrs: { 'aria-labelledby': `group-${group.key}` } }, [
          el('h2', { id: `group-${group.key}`, className: 'section-heading' }, [
            t(groupLabelKeys[group.key]),
          ]),
          el(
            'ul',
            { className: 'mention-list' },
            group.items.map((item) => el('li', {}, [mentionButton(item)])),
          ),
        ]),
      ),
    );
    setState('mentions');
  }

  function mentionButton(item: MentionItem): HTMLButtonElement {
    const countWords = item.count === 1 ? t('popupMentionsOne') : t('popupMentionsMany', item.count);
    return el(
      'button',
      {
        className: 'mention',
        attrs: { type: 'button' },
        data: { kind: item.kind, id: item.id },
        on: { click: () => void reveal(item.kind, item.id) },
      },
      [
        el('span', { className: 'mention-name' }, [item.name]),
        el('span', { className: 'mention-count', attrs: { 'aria-hidden': 'true' } }, [String(item.count)]),
        el('span', { className: 'visually-hidden' }, [`, ${countWords}`]),
      ],
    );
  }

  async function reveal(kind: SubjectKind, id: string): Promise<void> {
    if (!tab) return;
    const found = await contentMessaging
      .sendMessage('revealMention', { kind, id }, { tabId: tab.id, frameId: 0 })
      .catch((error: unknown) => {
        console.warn('[Sourcelight] Could not reveal the mention', error);
        return false;
      });
    if (found) {
      window.close();
      return;
    }
    say(t('popupRevealFailed'), 'alert');
  }

  /** Adds the tab's site to the "always mark" list, then shows what the tab marks once rescanned. */
  async function markAnyway(): Promise<void> {
    if (!hostname || !tab) return;
    try {
      const settings = await loadSettings();
      if (!settings.alwaysSites.includes(hostname)) {
        await updateSettings({ alwaysSites: [...settings.alwaysSites, hostname] });
      }
      state = (await askTabAfterRescan(tab.id)) ?? state;
      render();
    } catch (error) {
      console.error('[Sourcelight] Could not save the always-mark sites', error);
      say(t('popupPauseFailed'), 'alert');
    }
  }

  /** The tab's state once it has rescanned after a settings change, or the background's. */
  async function askTabAfterRescan(tabId: number): Promise<PageState | null> {
    return (
      (await withTimeout(
        contentMessaging.sendMessage('currentPageState', undefined, { tabId, frameId: 0 }),
        rescanAnswerTimeoutMs,
      ).catch(() => null)) ?? (await fetchPageState(tabId))
    );
  }

  pauseSwitch.addEventListener('click', async () => {
    if (!hostname) return;
    const pause = pauseSwitch.getAttribute('aria-checked') !== 'true';
    pauseSwitch.disabled = true;
    try {
      const saved = await updateSettings({ pausedSites: withSitePaused(pausedSites, hostname, pause) });
      pausedSites = saved.pausedSites;
      render();
      if (!pause && tab) {
        // The state was reported while paused (nothing marked): ask the tab, which answers once it has rescanned.
        state = (await askTabAfterRescan(tab.id)) ?? state;
        render();
      }
    } catch (error) {
      console.error('[Sourcelight] Could not save the paused sites', error);
      say(t('popupPauseFailed'), 'alert');
    } finally {
      pauseSwitch.disabled = false;
      pauseSwitch.focus();
    }
  });

  render();
}
