/**
 * The empty query's view: the corpus at a glance (articles, outlets, dates covered, the most
 * mentioned actors as chips, the events with their dates) and an invitation to search.
 */

import { formatDateSpan } from '@/src/shared/format/date-span';
import { formatIsoDate } from '@/src/shared/format/format-date';
import { t } from '@/src/shared/i18n';
import type { CorpusOverview } from '@/src/shared/protocol';
import { el, replaceChildren } from './dom';
import { eventsByDate } from './overview-summary';

/** How many actors and events the overview lists. */
const maxActors = 10;
const maxEvents = 6;

/** Renders the overview into `container` (below its heading); `onSearch` runs a search for a chosen name. */
export function renderOverview(
  container: HTMLElement,
  overview: CorpusOverview,
  onSearch: (text: string) => void,
): void {
  const span = formatDateSpan(overview.from, overview.to, (from, to) => t('popupOverviewSpan', from, to));
  const actors = overview.topEntities.slice(0, maxActors);
  const events = eventsByDate(overview.events).slice(0, maxEvents);
  const searchButton = (label: string, className: string, children: Array<Node | string> = [label]) =>
    el('button', { className, attrs: { type: 'button' }, on: { click: () => onSearch(label) } }, children);

  replaceChildren(container, [
    el('p', { className: 'overview-facts' }, [
      el('strong', {}, [t('popupOverviewCounts', overview.articles, overview.outlets.length)]),
      span ? el('span', { className: 'overview-span' }, [span]) : null,
    ]),
    overview.outlets.length > 0
      ? el('p', { className: 'overview-outlets' }, [
          overview.outlets.map((outlet) => outlet.name).join(' · '),
        ])
      : null,
    actors.length > 0 ? el('h3', { className: 'subheading' }, [t('popupOverviewActors')]) : null,
    actors.length > 0
      ? el(
          'ul',
          { className: 'chip-list', attrs: { 'aria-label': t('popupOverviewActors') } },
          actors.map((actor) => el('li', {}, [searchButton(actor.name, 'chip actor-chip', [actor.name])])),
        )
      : null,
    events.length > 0 ? el('h3', { className: 'subheading' }, [t('popupOverviewEvents')]) : null,
    events.length > 0
      ? el(
          'ul',
          { className: 'event-list' },
          events.map((event) =>
            el('li', {}, [
              searchButton(event.name, 'event-button', [
                el('span', { className: 'event-date' }, [
                  event.date ? formatIsoDate(event.date) : t('popupUndated'),
                ]),
                el('span', { className: 'event-name' }, [event.name]),
              ]),
            ]),
          ),
        )
      : null,
    el('p', { className: 'overview-invite' }, [t('popupOverviewInvite')]),
  ]);
}

/** Shows that the overview could not be loaded. */
export function renderOverviewUnavailable(container: HTMLElement): void {
  replaceChildren(container, [el('p', { className: 'notice' }, [t('popupOverviewUnavailable')])]);
}
