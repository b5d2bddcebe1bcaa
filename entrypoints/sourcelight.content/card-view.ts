import { articleDateLabel, formatCitation, isCompleteUrl } from '@/src/core/citation';
import type { CardData, CitedPassage } from '@/src/shared/protocol';

/** What the card's buttons do; the controller supplies them. */
export interface CardActions {
  copy(text: string): Promise<boolean>;
  searchFor(query: string): void;
  close(): void;
}

const KIND_LABELS: Record<string, string> = {
  person: 'Person',
  organization: 'Organization',
  country: 'Country',
  place: 'Place',
  event: 'Event',
};

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
  let at = 0;
  const ranges = [...passage.emphasis].sort((a, b) => a[0] - b[0]);
  for (const [start, end] of ranges) {
    if (start < at) continue;
    fragment.append(doc.createTextNode(passage.text.slice(at, start)));
    fragment.append(el(doc, 'strong', undefined, passage.text.slice(start, end)));
    at = end;
  }
  fragment.append(doc.createTextNode(passage.text.slice(at)));
  return fragment;
}

function passageItem(doc: Document, passage: CitedPassage, actions: CardActions): HTMLLIElement {
  const item = el(doc, 'li', 'passage');
  const quote = el(doc, 'blockquote', passage.caption ? 'quote caption' : 'quote');
  if (passage.caption) quote.append(el(doc, 'span', 'caption-label', 'Photo caption: '));
  quote.append(quoteText(doc, passage));
  const source = el(doc, 'p', 'source');
  source.append(el(doc, 'span', 'outlet', passage.article.outlet), doc.createTextNode(' · '));
  source.append(el(doc, 'span', 'date', articleDateLabel(passage.article)), doc.createTextNode(' · '));
  if (isCompleteUrl(passage.article.url)) {
    const link = el(doc, 'a', 'headline', passage.article.headline);
    link.href = passage.article.url;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    source.append(link);
  } else {
    const headline = el(doc, 'cite', 'headline', passage.article.headline);
    if (passage.article.url) headline.title = `Link cut short in the saved source: ${passage.article.url}`;
    source.append(headline);
  }
  const copy = el(doc, 'button', 'copy', 'Copy citation');
  copy.type = 'button';
  copy.addEventListener('click', async () => {
    const done = await actions.copy(formatCitation(passage.text, passage.article));
    copy.textContent = done ? 'Copied' : 'Copy failed';
    setTimeout(() => {
      copy.textContent = 'Copy citation';
    }, 1500);
  });
  item.append(quote, source, copy);
  return item;
}

/** Builds the card's content for an entity or event; all corpus text goes in as text nodes. */
export function renderCard(doc: Document, data: CardData, actions: CardActions): HTMLElement {
  const card = el(doc, 'section', 'card');
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-label', `Sourcelight: ${data.name}`);
  card.tabIndex = -1;
  const header = el(doc, 'header', 'head');
  const kind = el(doc, 'span', `kind kind-${data.type ?? 'event'}`, KIND_LABELS[data.type ?? 'event'] ?? '');
  const title = el(doc, 'h2', 'name', data.name);
  const close = el(doc, 'button', 'close', '×');
  close.type = 'button';
  close.setAttribute('aria-label', 'Close');
  close.addEventListener('click', () => actions.close());
  header.append(kind, title, close);
  card.append(header);
  const description = el(doc, 'p', 'description', data.description);
  card.append(description);
  const stats = el(doc, 'p', 'stats');
  const articles = `${data.articleCount} article${data.articleCount === 1 ? '' : 's'}`;
  const outlets = `${data.outletCount} outlet${data.outletCount === 1 ? '' : 's'}`;
  stats.textContent =
    data.kind === 'event' && data.date
      ? `${data.date} · reported by ${articles}`
      : `In ${articles} from ${outlets}`;
  card.append(stats);
  if (data.passages.length === 0) {
    card.append(el(doc, 'p', 'empty', 'No passage of the corpus quotes this yet.'));
  } else {
    const list = el(doc, 'ol', 'passages');
    for (const passage of data.passages) list.append(passageItem(doc, passage, actions));
    card.append(list);
  }
  const footer = el(doc, 'footer', 'foot');
  const search = el(doc, 'button', 'search', `Search the sources for “${data.name}”`);
  search.type = 'button';
  search.addEventListener('click', () => actions.searchFor(data.name));
  footer.append(search);
  card.append(footer);
  return card;
}

/** The card while its passages load. */
export function renderLoading(doc: Document): HTMLElement {
  const card = el(doc, 'section', 'card loading');
  card.setAttribute('role', 'status');
  card.append(el(doc, 'p', 'empty', 'Finding what the sources said…'));
  return card;
}
