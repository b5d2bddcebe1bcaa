/**
 * One search result as DOM: the passage with its matched terms in `<mark>`, the outlet and
 * date, the headline (a link when the article's URL is usable) and a "Copy citation" button.
 */

import { articleLink } from '@/src/shared/format/article-link';
import { emphasisRuns } from '@/src/shared/format/emphasis-runs';
import { articleDateLabel } from '@/src/shared/format/format-date';
import { t } from '@/src/shared/i18n';
import type { SearchHit } from '@/src/shared/protocol';
import { el } from './dom';

/** What a result can do; the results list supplies it. */
export interface ResultActions {
  copyCitation(hit: SearchHit, button: HTMLButtonElement): void;
}

/** The passage text as text nodes and `<mark>` elements (never HTML). */
export function passageFragment(text: string, emphasis: SearchHit['emphasis']): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const run of emphasisRuns(text, emphasis)) {
    fragment.append(run.emphasised ? el('mark', {}, [run.text]) : document.createTextNode(run.text));
  }
  return fragment;
}

/**
 * Builds the `<li>` for result number `index`. Its `<article>` is the roving focus target:
 * `data-href` holds the URL Enter opens, absent when the article cannot be opened.
 */
export function renderResultItem(hit: SearchHit, index: number, actions: ResultActions): HTMLLIElement {
  const id = `result-${index}`;
  const { article } = hit;
  const link = articleLink(article.url);
  const date = articleDateLabel(article, t('dateInferred', '$1'));

  const quote = el('blockquote', { className: 'result-quote', id: `${id}-quote` });
  quote.append(passageFragment(hit.text, hit.emphasis));

  const headlineId = `${id}-headline`;
  const headline =
    link.kind === 'link'
      ? el(
          'a',
          {
            id: headlineId,
            className: 'result-headline',
            attrs: { href: link.href, target: '_blank', rel: 'noopener noreferrer' },
          },
          [article.headline, el('span', { className: 'visually-hidden' }, [` ${t('popupOpensInNewTab')}`])],
        )
      : el('span', { id: headlineId, className: 'result-headline' }, [article.headline]);

  const dateElement = date
    ? el(
        'time',
        {
          className: date.inferred ? 'result-date inferred' : 'result-date',
          attrs: {
            datetime: article.published ?? article.dateInferred?.date,
            title:
              date.inferred && article.dateInferred
                ? t('popupInferredDateTitle', article.dateInferred.basis)
                : null,
          },
        },
        [date.text],
      )
    : el('span', { className: 'result-date undated' }, [t('popupUndated')]);

  const copyButton = el('button', { className: 'copy-citation', attrs: { type: 'button' } }, [
    t('popupCopyCitation'),
  ]);
  copyButton.addEventListener('click', () => actions.copyCitation(hit, copyButton));

  const urlNote =
    link.kind === 'truncated'
      ? t('popupUrlTruncated')
      : link.kind === 'unlinkable'
        ? t('popupUrlUnlinkable')
        : '';
  // The title explains it on hover; the hidden note says the same to screen readers.
  const unusableUrl =
    link.kind === 'truncated' || link.kind === 'unlinkable'
      ? el('p', { className: 'result-url', attrs: { title: urlNote } }, [
          link.text,
          el('span', { className: 'visually-hidden' }, [` (${urlNote})`]),
        ])
      : null;

  const card = el(
    'article',
    {
      id,
      className: 'result',
      attrs: { tabindex: -1, 'aria-labelledby': headlineId, 'aria-describedby': `${id}-quote` },
      data: link.kind === 'link' ? { href: link.href, index: String(index) } : { index: String(index) },
    },
    [
      el('p', { className: 'result-meta' }, [
        el('span', { className: 'result-outlet' }, [article.outlet]),
        el('span', { className: 'sep', attrs: { 'aria-hidden': 'true' } }, ['·']),
        dateElement,
        hit.caption ? el('span', { className: 'badge' }, [t('popupCaption')]) : null,
      ]),
      quote,
      el('div', { className: 'result-footer' }, [
        el('p', { className: 'result-source' }, [headline]),
        copyButton,
      ]),
      unusableUrl,
    ],
  );
  return el('li', {}, [card]);
}
