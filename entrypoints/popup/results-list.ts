/**
 * The list of search results and its keyboard: one result is the roving focus target
 * (tabindex 0), arrows move between results, Enter opens the article or, when it cannot be
 * opened, copies the citation.
 */

import { formatCitation } from '@/src/shared/format/citation';
import { t } from '@/src/shared/i18n';
import type { SearchHit } from '@/src/shared/protocol';
import { announce } from './announcer';
import { replaceChildren } from './dom';
import { nextFocusIndex, searchBoxIndex } from './list-navigation';
import { renderResultItem } from './result-item';

/** The results list, as the search view drives it. */
export interface ResultsList {
  /** Shows `hits` (replacing what was there) and makes the first the roving target. */
  show(hits: readonly SearchHit[]): void;
  /** Focuses the first result; false when there is none. */
  focusFirst(): boolean;
}

/** Options for {@link createResultsList}. */
export interface ResultsListOptions {
  /** The `<ol>` the results go in. */
  list: HTMLOListElement;
  /** Called when ArrowUp leaves the first result. */
  focusSearchBox(): void;
  /** Opens an article URL in a new tab. */
  openUrl(url: string): void;
}

/** Wires the results `<ol>`: rendering, roving focus, Enter, and copying citations. */
export function createResultsList(options: ResultsListOptions): ResultsList {
  const { list } = options;
  let hits: readonly SearchHit[] = [];

  const cards = () => Array.from(list.querySelectorAll<HTMLElement>('article.result'));

  function focusResult(index: number): void {
    const all = cards();
    const target = all[index];
    if (!target) return;
    for (const card of all) card.tabIndex = card === target ? 0 : -1;
    target.focus();
    target.scrollIntoView({ block: 'nearest' });
  }

  async function copyCitation(hit: SearchHit, button?: HTMLButtonElement): Promise<void> {
    const citation = formatCitation(hit, { inferredTemplate: t('dateInferred', '$1') });
    try {
      await navigator.clipboard.writeText(citation);
    } catch (error) {
      console.warn('[Sourcelight] Could not copy the citation', error);
      announce(t('popupCopyFailed'));
      return;
    }
    announce(t('popupCitationCopied'));
    if (button) showCopied(button);
  }

  list.addEventListener('keydown', (event) => {
    const card = (event.target as HTMLElement).closest<HTMLElement>('article.result');
    if (!card) return;
    const index = Number(card.dataset.index);
    const next = nextFocusIndex(event.key, index, hits.length);
    if (next !== null) {
      event.preventDefault();
      if (next === searchBoxIndex) options.focusSearchBox();
      else focusResult(next);
      return;
    }
    // Enter on the card itself; on its link or button, let them do their own thing.
    if (event.key === 'Enter' && event.target === card) {
      event.preventDefault();
      const hit = hits[index];
      if (!hit) return;
      if (card.dataset.href) options.openUrl(card.dataset.href);
      else void copyCitation(hit, card.querySelector<HTMLButtonElement>('button.copy-citation') ?? undefined);
    }
  });

  // Clicking inside a result makes it the roving target, so Tab and arrows continue from there.
  list.addEventListener('focusin', (event) => {
    const card = (event.target as HTMLElement).closest<HTMLElement>('article.result');
    if (!card) return;
    for (const other of cards()) other.tabIndex = other === card ? 0 : -1;
  });

  return {
    show(next) {
      hits = next;
      replaceChildren(
        list,
        next.map((hit, index) =>
          renderResultItem(hit, index, { copyCitation: (h, button) => void copyCitation(h, button) }),
        ),
      );
      const first = cards()[0];
      if (first) first.tabIndex = 0;
    },
    focusFirst() {
      if (hits.length === 0) return false;
      focusResult(0);
      return true;
    },
  };
}

/** Shows "Citation copied" on the button for a moment, keeping its width steady. */
function showCopied(button: HTMLButtonElement): void {
  const label = t('popupCopyCitation');
  button.textContent = t('popupCitationCopied');
  button.classList.add('copied');
  setTimeout(() => {
    button.textContent = label;
    button.classList.remove('copied');
  }, 1600);
}
