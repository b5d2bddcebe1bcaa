import { articleLink } from '@/src/shared/format/article-link';
import { formatCitation } from '@/src/shared/format/citation';
import { formatDateSpan } from '@/src/shared/format/date-span';
import { emphasisRuns } from '@/src/shared/format/emphasis-runs';
import { articleDateLabel } from '@/src/shared/format/format-date';
import { type MessageKey, t } from '@/src/shared/i18n';
import type { CardData, CitedPassage } from '@/src/shared/protocol';
import { onTrusted } from './trusted-input';

/** What the card's buttons do; the controller supplies them. */
export interface CardActions {
  copy(text: string): Promise<boolean>;
  searchFor(query: string): void;
  close(): void;
}

const KIND_LABELS = {
  person: 'card_kind_person',
  organization: 'card_kind_organization',
  country: 'card_kind_country',
  place: 'card_kind_place',
  event: 'card_kind_event',
} as const;

/** "1 article", "3 articles": the plural form by count. */
function counted(count: number, one: MessageKey, other: MessageKey): string {
  return count === 1 ? t(one) : t(other, count);
}

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The passage text as text nodes, with the subject's mentions in <strong>: never parsed as HTML. */
function quoteText(doc: Document, passage: CitedPassage): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  for (const run of emphasisRuns(passage.text, passage.emphasis)) {
    fragment.append(run.emphasised ? el(doc, 'strong', undefined, run.text) : doc.createTextNode(run.text));
  }
  return fragment;
}

function passageItem(doc: Document, passage: CitedPassage, actions: CardActions): HTMLLIElement {
  const item = el(doc, 'li', 'passage');
  item.tabIndex = -1; // reached with the arrow keys (card.ts)
  const quote = el(doc, 'blockquote', passage.caption ? 'quote caption' : 'quote');
  if (passage.caption) quote.append(el(doc, 'span', 'caption-label', t('card_photoCaption')));
  quote.append(quoteText(doc, passage));
  const source = el(doc, 'p', 'source');
  source.append(el(doc, 'span', 'outlet', passage.article.outlet), doc.createTextNode(' · '));
  const inferredTemplate = t('dateInferred', '$1');
  const date = articleDateLabel(passage.article, inferredTemplate)?.text ?? t('card_undated');
  source.append(el(doc, 'span', 'date', date), doc.createTextNode(' · '));
  const address = articleLink(passage.article.url);
  if (address.kind === 'link') {
    const link = el(doc, 'a', 'headline', passage.article.headline);
    link.href = address.href;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    source.append(link);
  } else {
    const headline = el(doc, 'cite', 'headline', passage.article.headline);
    if (address.kind !== 'none') headline.title = t('card_truncatedLink', address.text);
    source.append(headline);
  }
  const copy = el(doc, 'button', 'copy', t('card_copyCitation'));
  copy.type = 'button';
  // Named for what it copies: a card of three passages has three distinct buttons to a screen reader.
  copy.setAttribute('aria-label', t('card_copyCitationOf', `${passage.article.outlet}, ${date}`));
  onTrusted(copy, 'click', async () => {
    const done = await actions.copy(formatCitation(passage, { inferredTemplate }));
    copy.textContent = done ? t('card_copied') : t('card_copyFailed');
    setTimeout(() => {
      copy.textContent = t('card_copyCitation');
    }, 1500);
  });
  item.append(quote, source, copy);
  return item;
}

/** Builds the card's content for an entity or event; all corpus text goes in as text nodes. */
export function renderCard(doc: Document, data: CardData, actions: CardActions): HTMLElement {
  const card = el(doc, 'section', 'card');
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-label', t('card_label', data.name));
  card.tabIndex = -1;
  // Plain divs, not header/footer: the card must add no banner or contentinfo landmark to the page.
  const header = el(doc, 'div', 'head');
  const kind = el(doc, 'span', `kind kind-${data.type ?? 'event'}`, t(KIND_LABELS[data.type ?? 'event']));
  const title = el(doc, 'h2', 'name', data.name);
  const close = el(doc, 'button', 'close', '×');
  close.type = 'button';
  close.setAttribute('aria-label', t('card_close'));
  onTrusted(close, 'click', () => actions.close());
  header.append(kind, title, close);
  // Header and footer stay in view; only the body scrolls when the window is short.
  const body = el(doc, 'div', 'body');
  card.append(header, body);
  const description = el(doc, 'p', 'description', data.description);
  body.append(description);
  const stats = el(doc, 'p', 'stats');
  const articles = counted(data.articleCount, 'card_articles_one', 'card_articles_other');
  const outlets = counted(data.outletCount, 'card_outlets_one', 'card_outlets_other');
  stats.textContent =
    data.kind === 'event' && data.date
      ? t('card_statsEvent', data.date, articles)
      : t('card_statsEntity', articles, outlets);
  body.append(stats);
  if (data.passages.length === 0) {
    body.append(el(doc, 'p', 'empty', t('card_noPassage')));
  } else {
    const list = el(doc, 'ol', 'passages');
    for (const passage of data.passages) list.append(passageItem(doc, passage, actions));
    body.append(list);
  }
  const footer = el(doc, 'div', 'foot');
  const search = el(doc, 'button', 'search', t('card_searchFor', data.name));
  search.type = 'button';
  onTrusted(search, 'click', () => actions.searchFor(data.name));
  // Every card says what its sources are: a 2016 story must not read 2019 passages as its own.
  const span = formatDateSpan(data.corpus.from, data.corpus.to, (from, to) =>
    t('popupOverviewSpan', from, to),
  );
  const scope = el(doc, 'p', 'scope', t('card_corpusScope', data.corpus.articles, span ?? t('card_undated')));
  footer.append(search, scope);
  card.append(footer);
  return card;
}

/** The card while its passages load. */
export function renderLoading(doc: Document): HTMLElement {
  const card = el(doc, 'section', 'card loading');
  card.setAttribute('role', 'status');
  card.append(el(doc, 'p', 'empty', t('card_loading')));
  return card;
}
