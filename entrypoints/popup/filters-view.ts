/**
 * The filter panel (outlets, kinds of entity, one entity, a date range) and the row of active
 * filter chips with "Clear filters". It owns the {@link FilterState} and reports each change.
 */
import type { EntityType } from '@/src/core/corpus-types';
import { formatIsoDate } from '@/src/shared/format/format-date';
import { type MessageKey, t } from '@/src/shared/i18n';
import type { CorpusOverview } from '@/src/shared/protocol';
import { byId, el, replaceChildren } from './dom';
import {
  addToList,
  type FilterChip,
  type FilterState,
  filterChips,
  hasFilters,
  noFilters,
  removeChip,
  toggleInList,
} from './filters';

const allTypes: readonly EntityType[] = ['person', 'organization', 'country', 'place'];

/** The message naming each kind of entity. */
export const typeLabelKeys: Record<EntityType, MessageKey> = {
  person: 'popupKindPerson',
  organization: 'popupKindOrganization',
  country: 'popupKindCountry',
  place: 'popupKindPlace',
};

/** The filters as the search view uses them. */
export interface FiltersView {
  /** The current filters. */
  state(): FilterState;
  /** Fills the panel's choices from the corpus overview. */
  setOverview(overview: CorpusOverview): void;
  /** The active filters in words, for the empty state ("Reuters, People"). */
  describe(): string;
}

/** Wires the filter panel, its toggle button and the active-filter chips. */
export function createFiltersView(onChange: (state: FilterState) => void): FiltersView {
  const toggle = byId<HTMLButtonElement>('filters-toggle');
  const toggleCount = byId('filters-count');
  const panel = byId('filters-panel');
  const outletChoices = byId('filter-outlets');
  const kindChoices = byId('filter-kinds');
  const entitySelect = byId<HTMLSelectElement>('filter-entity');
  const fromInput = byId<HTMLInputElement>('filter-from');
  const toInput = byId<HTMLInputElement>('filter-to');
  const active = byId('active-filters');
  const activeList = byId('active-filter-chips');

  let state: FilterState = { ...noFilters };
  let outlets: string[] = [];
  const entityNames = new Map<string, string>();

  const chipWording = {
    entityName: (id: string) => entityNames.get(id) ?? id,
    typeLabel: (type: EntityType) => t(typeLabelKeys[type]),
    fromLabel: (iso: string) => t('popupChipFrom', formatIsoDate(iso)),
    toLabel: (iso: string) => t('popupChipTo', formatIsoDate(iso)),
  };

  function update(next: FilterState): void {
    state = next;
    render();
    onChange(state);
  }

  function toggleButton(label: string, pressed: boolean, onClick: () => void): HTMLButtonElement {
    return el(
      'button',
      {
        className: 'chip toggle-chip',
        attrs: { type: 'button', 'aria-pressed': String(pressed) },
        on: { click: onClick },
      },
      [label],
    );
  }

  function renderChoices(): void {
    replaceChildren(
      outletChoices,
      outlets.map((outlet) =>
        toggleButton(outlet, state.outlets.includes(outlet), () =>
          update({ ...state, outlets: toggleInList(state.outlets, outlet) }),
        ),
      ),
    );
    replaceChildren(
      kindChoices,
      allTypes.map((type) =>
        toggleButton(t(typeLabelKeys[type]), state.entityTypes.includes(type), () =>
          update({ ...state, entityTypes: toggleInList(state.entityTypes, type) }),
        ),
      ),
    );
    if (fromInput.value !== state.from) fromInput.value = state.from;
    if (toInput.value !== state.to) toInput.value = state.to;
  }

  function renderActive(): void {
    const chips = filterChips(state, chipWording);
    active.hidden = chips.length === 0;
    toggleCount.textContent = chips.length > 0 ? String(chips.length) : '';
    replaceChildren(
      activeList,
      chips.map((chip) => el('li', {}, [removableChip(chip)])),
    );
  }

  function removableChip(chip: FilterChip): HTMLButtonElement {
    return el(
      'button',
      {
        className: 'chip removable-chip',
        attrs: { type: 'button', 'aria-label': t('popupChipRemove', chip.label), 'data-kind': chip.kind },
        on: {
          click: () => {
            update(removeChip(state, chip));
            // The chip is gone; keep the focus in the filter row rather than losing it to <body>.
            const next = activeList.querySelector<HTMLButtonElement>('button') ?? byId('search-input');
            next.focus();
          },
        },
      },
      [chip.label, el('span', { className: 'chip-x', attrs: { 'aria-hidden': 'true' } }, ['×'])],
    );
  }

  function render(): void {
    renderChoices();
    renderActive();
  }

  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
  });
  entitySelect.addEventListener('change', () => {
    const id = entitySelect.value;
    entitySelect.value = '';
    if (id) update({ ...state, entityIds: addToList(state.entityIds, id) });
  });
  fromInput.addEventListener('change', () => update({ ...state, from: fromInput.value }));
  toInput.addEventListener('change', () => update({ ...state, to: toInput.value }));
  byId('clear-filters').addEventListener('click', () => {
    update({ ...noFilters });
    byId('search-input').focus();
  });

  render();

  return {
    state: () => state,
    setOverview(overview) {
      outlets = overview.outlets.map((outlet) => outlet.name);
      for (const entity of overview.topEntities) entityNames.set(entity.id, entity.name);
      replaceChildren(entitySelect, [
        el('option', { attrs: { value: '' } }, [t('popupFilterAnyEntity')]),
        ...overview.topEntities.map((entity) => el('option', { attrs: { value: entity.id } }, [entity.name])),
      ]);
      // Only full days bound a date input; a month or year end is left open.
      const isDay = (value: string | null): value is string => /^\d{4}-\d{2}-\d{2}$/.test(value ?? '');
      if (isDay(overview.from)) fromInput.min = toInput.min = overview.from;
      if (isDay(overview.to)) fromInput.max = toInput.max = overview.to;
      render();
    },
    describe() {
      return hasFilters(state)
        ? filterChips(state, chipWording)
            .map((chip) => chip.label)
            .join(', ')
        : '';
    },
  };
}
