/**
 * Functions that run inside the toolbar popup (passed to `evaluate` of either driver, so
 * each is self-contained): they read what the popup shows, as a reader sees it.
 */

/** One search result as shown. */
export interface ShownResult {
  id: string;
  outlet: string;
  quote: string;
  /** Text of each `<mark>` in the quote. */
  marks: string[];
  headline: string;
  hasCopyButton: boolean;
}

/** What the search panel shows. */
export interface ShownSearch {
  state: string;
  query: string;
  status: string;
  emptyMessage: string;
  suggestions: string[];
  results: ShownResult[];
}

/** Reads the search panel: its state, the status line, suggestions and every result. */
export function readSearch(): ShownSearch {
  const panel = document.querySelector<HTMLElement>('#panel-search');
  return {
    state: panel?.dataset.state ?? '',
    query: panel?.dataset.query ?? '',
    status: document.querySelector('#search-status')?.textContent ?? '',
    emptyMessage: document.querySelector('#empty-state .empty-message')?.textContent ?? '',
    suggestions: Array.from(
      document.querySelectorAll<HTMLElement>('#suggestions button.suggestion[data-suggestion]'),
    ).map((button) => button.dataset.suggestion ?? ''),
    results: Array.from(document.querySelectorAll<HTMLElement>('#results > li > article.result')).map(
      (article) => ({
        id: article.id,
        outlet: article.querySelector('.result-outlet')?.textContent ?? '',
        quote: article.querySelector('.result-quote')?.textContent ?? '',
        marks: Array.from(article.querySelectorAll('.result-quote mark')).map(
          (mark) => mark.textContent ?? '',
        ),
        headline: article.querySelector('.result-headline')?.textContent ?? '',
        hasCopyButton: article.querySelector('button.copy-citation') !== null,
      }),
    ),
  };
}

/** Whether the search panel has settled on `query` (results or the empty state). */
export function searchSettledOn(query: string): boolean {
  const panel = document.querySelector<HTMLElement>('#panel-search');
  return (
    panel?.dataset.query === query &&
    (panel.dataset.state === 'results' || panel.dataset.state === 'empty') &&
    document.querySelector('#results')?.getAttribute('aria-busy') !== 'true'
  );
}

/** Empties the search box as a reader deleting the text would (an `input` event follows). */
export function emptySearchBox(): void {
  const input = document.querySelector<HTMLInputElement>('#search-input');
  if (!input) return;
  input.value = '';
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** One entry of "On this page". */
export interface ShownMention {
  kind: string;
  id: string;
  name: string;
  count: number;
}

/** Reads the "On this page" entries, with the counts shown beside them. */
export function readMentions(): ShownMention[] {
  return Array.from(
    document.querySelectorAll<HTMLElement>('#panel-page button.mention[data-kind][data-id]'),
  ).map((button) => ({
    kind: button.dataset.kind ?? '',
    id: button.dataset.id ?? '',
    name: button.querySelector('.mention-name')?.textContent ?? '',
    count: Number(button.querySelector('.mention-count')?.textContent ?? Number.NaN),
  }));
}

/** The id (or `tag.class`) of the focused element, to check where the keyboard is. */
export function describeFocus(): string {
  const active = document.activeElement;
  if (!active) return '';
  return active.id || `${active.tagName.toLowerCase()}.${active.className}`;
}
