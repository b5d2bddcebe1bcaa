/**
 * The toolbar popup: search the corpus, see what the current page mentions, pause the site.
 * This file only wires the parts together and the keys that work everywhere in the popup.
 */
import './style.css';
import { localizePage } from '@/src/shared/i18n';
import { loadSettings, watchSettings } from '@/src/shared/settings';
import { applyTheme } from '@/src/shared/theme';
import { byId } from './dom';
import { initPageView } from './page-view';
import { createSearchView } from './search-view';
import { createViewTabs } from './tabs';

/** Whether a key press is text entry the popup's shortcuts must leave alone. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  )
    return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio'].includes(target.type);
}

async function main(): Promise<void> {
  localizePage(document);
  document.documentElement.lang = browser.i18n.getUILanguage() || 'en';

  const settings = await loadSettings().catch(() => null);
  applyTheme(settings?.theme ?? 'system');
  watchSettings((next) => applyTheme(next.theme));

  const openUrl = (url: string) => {
    void browser.tabs.create({ url }).then(() => window.close());
  };
  const search = createSearchView(openUrl);
  const tabs = createViewTabs(byId('view-tabs'), (tabId) => {
    if (tabId === 'tab-search') search.focusSearchBox();
  });

  byId('open-settings').addEventListener('click', () => {
    void browser.runtime.openOptionsPage().then(() => window.close());
  });

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === '/' && !isTyping(event.target)) {
      event.preventDefault();
      if (tabs.selected() !== 'tab-search') tabs.select('tab-search');
      search.focusSearchBox();
      return;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      if (tabs.selected() === 'tab-search' && search.query() !== '') search.clearQuery();
      else window.close();
    }
  });

  search.focusSearchBox();
  // Opened from a card's "Search the sources for ..." button: popup.html?q=<query>.
  const query = new URLSearchParams(location.search).get('q');
  if (query) search.searchFor(query.slice(0, 200));
  document.body.dataset.ready = 'true';
  void initPageView();
}

void main();
