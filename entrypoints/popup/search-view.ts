/**
 * The "Search" view: the search box, results as the reader types, filters, spelling
 * suggestions, an honest empty state, and the corpus overview while the query is empty.
 * The panel's `data-state` says what it shows: overview, loading, results, empty or error.
 */

import { t } from '@/src/shared/i18n';
import type { CorpusOverview, SearchResponse } from '@/src/shared/protocol';
import { backgroundMessaging } from '@/src/shared/protocol';
import { byId, el, replaceChildren } from './dom';
import { type FilterState, hasFilters, toSearchFilters } from './filters';
import { createFiltersView } from './filters-view';
import { renderOverview, renderOverviewUnavailable } from './overview-view';
import { createResultsList } from './results-list';
import { createSearchScheduler } from './search-scheduler';

/** Quiet time after a keystroke before searching. */
const typingPauseMs = 80;
/** Results asked for per search. */
const resultLimit = 30;
/** Wait before asking for the overview a second time. */
const overviewRetryMs = 400;

/** One search request. */
interface SearchRequest {
  query: string;
  filters: FilterState;
}

/** What a panel shows, for styling and for tests. */
type SearchViewState = 'overview' | 'loading' | 'results' | 'empty' | 'error';

/** The search view's controls for the rest of the popup. */
export interface SearchView {
  /** Puts the focus in the search box. */
  focusSearchBox(): void;
  /** The query typed, trimmed. */
  query(): string;
  /** Empties the query and shows the overview. */
  clearQuery(): void;
  /** Searches for `text` now (a chip or suggestion chosen). */
  searchFor(text: string): void;
}

/** Wires the search view; `openUrl` opens an article in a new tab. */
export function createSearchView(openUrl: (url: string) => void): SearchView {
  const panel = byId('panel-search');
  const input = byId<HTMLInputElement>('search-input');
  const status = byId('search-status');
  const suggestions = byId('suggestions');
  const emptyState = byId('empty-state');
  const resultsList = byId<HTMLOListElement>('results');
  const overviewContainer = byId('overview');
  const overviewBody = byId('overview-body');

  const setState = (state: SearchViewState) => {
    panel.dataset.state = state;
  };

  const filters = createFiltersView(() => {
    if (currentQuery() !== '') scheduler.runNow(request());
  });
  const results = createResultsList({
    list: resultsList,
    focusSearchBox: () => input.focus(),
    openUrl,
  });

  const currentQuery = () => input.value.trim();
  const request = (): SearchRequest => ({ query: currentQuery(), filters: filters.state() });

  const scheduler = createSearchScheduler<SearchRequest, SearchResponse>({
    delayMs: typingPauseMs,
    run: ({ query, filters: state }) =>
      backgroundMessaging.sendMessage('searchCorpus', {
        query,
        filters: toSearchFilters(state),
        limit: resultLimit,
      }),
    onStart: () => {
      resultsList.setAttribute('aria-busy', 'true');
      // Keep the previous results on screen while a quick search runs; say so only if it is slow.
      if (panel.dataset.state !== 'results') setState('loading');
    },
    onResult: (response, sent) => {
      resultsList.removeAttribute('aria-busy');
      showResponse(response, sent);
    },
    onError: (error, sent) => {
      resultsList.removeAttribute('aria-busy');
      console.warn('[Sourcelight] Search failed', error);
      showError(sent);
    },
  });

  function showOverviewMode(): void {
    scheduler.cancel();
    resultsList.removeAttribute('aria-busy');
    results.show([]);
    replaceChildren(suggestions, []);
    replaceChildren(emptyState, []);
    status.textContent = '';
    overviewContainer.hidden = false;
    setState('overview');
  }

  function showResponse(response: SearchResponse, sent: SearchRequest): void {
    overviewContainer.hidden = true;
    panel.dataset.query = sent.query;
    results.show(response.hits);
    renderSuggestions(response.suggestions, sent.query);
    if (response.hits.length === 0) {
      status.textContent = '';
      const filterWords = hasFilters(sent.filters) ? filters.describe() : '';
      replaceChildren(emptyState, [
        el('p', { className: 'empty-message' }, [
          filterWords
            ? t('popupNoResultsFiltered', sent.query, filterWords)
            : t('popupNoResults', sent.query),
        ]),
      ]);
      setState('empty');
      return;
    }
    replaceChildren(emptyState, []);
    status.textContent =
      response.total > response.hits.length
        ? t('popupResultCountPartial', response.hits.length, response.total)
        : response.hits.length === 1
          ? t('popupResultCountOne')
          : t('popupResultCountMany', response.hits.length);
    setState('results');
  }

  function renderSuggestions(words: readonly string[], query: string): void {
    const offered = words.filter((word) => word.toLowerCase() !== query.toLowerCase()).slice(0, 3);
    replaceChildren(
      suggestions,
      offered.map((word) =>
        el(
          'button',
          {
            className: 'suggestion',
            attrs: { type: 'button' },
            data: { suggestion: word },
            on: { click: () => searchFor(word) },
          },
          [t('popupDidYouMean', word)],
        ),
      ),
    );
  }

  function showError(sent: SearchRequest): void {
    overviewContainer.hidden = true;
    panel.dataset.query = sent.query;
    results.show([]);
    replaceChildren(suggestions, []);
    status.textContent = '';
    replaceChildren(emptyState, [
      el('p', { className: 'notice', attrs: { role: 'alert' } }, [t('popupSearchError')]),
      el(
        'button',
        {
          className: 'secondary-button',
          attrs: { type: 'button' },
          on: { click: () => scheduler.runNow(request()) },
        },
        [t('popupRetry')],
      ),
    ]);
    setState('error');
  }

  function onQueryChanged(): void {
    if (currentQuery() === '') showOverviewMode();
    else scheduler.schedule(request());
  }

  function searchFor(text: string): void {
    input.value = text;
    input.focus();
    scheduler.runNow(request());
  }

  input.addEventListener('input', onQueryChanged);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && results.focusFirst()) event.preventDefault();
    if (event.key === 'Enter') {
      // Search at once rather than waiting for the pause.
      event.preventDefault();
      if (currentQuery() !== '') scheduler.runNow(request());
    }
  });
  byId('search-form').addEventListener('submit', (event) => event.preventDefault());

  showOverviewMode();
  loadOverview();

  async function loadOverview(): Promise<void> {
    let overview: CorpusOverview;
    try {
      overview = await backgroundMessaging.sendMessage('corpusOverview', undefined).catch(async () => {
        // A service worker that is just starting may not listen yet: ask once more.
        await new Promise((resolve) => setTimeout(resolve, overviewRetryMs));
        return backgroundMessaging.sendMessage('corpusOverview', undefined);
      });
    } catch (error) {
      console.warn('[Sourcelight] Corpus overview unavailable', error);
      renderOverviewUnavailable(overviewBody);
      document.body.dataset.overview = 'error';
      return;
    }
    renderOverview(overviewBody, overview, searchFor);
    filters.setOverview(overview);
    document.body.dataset.overview = 'ready';
  }

  return {
    focusSearchBox: () => input.focus(),
    query: currentQuery,
    clearQuery() {
      input.value = '';
      showOverviewMode();
      input.focus();
    },
    searchFor,
  };
}
