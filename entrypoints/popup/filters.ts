/**
 * The popup's search filters as plain data: which are set, how they become the request's
 * `SearchFilters`, and the chips that show them (each one removable).
 */
import type { EntityType } from '@/src/core/corpus-types';
import type { SearchFilters } from '@/src/shared/protocol';

/** Every filter the popup can combine; empty strings and lists mean "not set". */
export interface FilterState {
  outlets: string[];
  entityIds: string[];
  entityTypes: EntityType[];
  /** ISO date (inclusive) or "". */
  from: string;
  /** ISO date (inclusive) or "". */
  to: string;
}

/** No filter set. */
export const noFilters: FilterState = Object.freeze({
  outlets: [],
  entityIds: [],
  entityTypes: [],
  from: '',
  to: '',
}) as FilterState;

/** Whether any filter is set. */
export function hasFilters(state: FilterState): boolean {
  return (
    state.outlets.length > 0 ||
    state.entityIds.length > 0 ||
    state.entityTypes.length > 0 ||
    state.from !== '' ||
    state.to !== ''
  );
}

/**
 * The filters to send with a search, or undefined when none is set. A range given backwards
 * (from after to) is turned round, since the reader plainly meant the days between.
 */
export function toSearchFilters(state: FilterState): SearchFilters | undefined {
  if (!hasFilters(state)) return undefined;
  const filters: SearchFilters = {};
  if (state.outlets.length > 0) filters.outlets = [...state.outlets];
  if (state.entityIds.length > 0) filters.entityIds = [...state.entityIds];
  if (state.entityTypes.length > 0) filters.entityTypes = [...state.entityTypes];
  let { from, to } = state;
  if (from !== '' && to !== '' && from > to) [from, to] = [to, from];
  if (from !== '') filters.from = from;
  if (to !== '') filters.to = to;
  return filters;
}

/** Adds `value` to a list if missing, removes it if present; returns a new list. */
export function toggleInList<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
}

/** Adds `value` to a list unless it is there; returns a new list. */
export function addToList<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? [...list] : [...list, value];
}

/** Which filter a chip shows. */
export type FilterChipKind = 'outlet' | 'entity' | 'entityType' | 'from' | 'to';

/** One active filter as the popup shows it. */
export interface FilterChip {
  kind: FilterChipKind;
  value: string;
  label: string;
}

/** How chips are worded; supplied by the popup from its messages. */
export interface ChipWording {
  entityName(id: string): string;
  typeLabel(type: EntityType): string;
  /** "From 1 Jan 2019"; receives the ISO date. */
  fromLabel(iso: string): string;
  /** "Until 3 Jun 2019"; receives the ISO date. */
  toLabel(iso: string): string;
}

/** The chips for every active filter, in a stable order: outlets, kinds, entities, dates. */
export function filterChips(state: FilterState, wording: ChipWording): FilterChip[] {
  return [
    ...state.outlets.map((outlet): FilterChip => ({ kind: 'outlet', value: outlet, label: outlet })),
    ...state.entityTypes.map(
      (type): FilterChip => ({ kind: 'entityType', value: type, label: wording.typeLabel(type) }),
    ),
    ...state.entityIds.map(
      (id): FilterChip => ({ kind: 'entity', value: id, label: wording.entityName(id) }),
    ),
    ...(state.from !== ''
      ? [{ kind: 'from', value: state.from, label: wording.fromLabel(state.from) } as const]
      : []),
    ...(state.to !== '' ? [{ kind: 'to', value: state.to, label: wording.toLabel(state.to) } as const] : []),
  ];
}

/** The state without the filter a chip shows. */
export function removeChip(state: FilterState, chip: Pick<FilterChip, 'kind' | 'value'>): FilterState {
  switch (chip.kind) {
    case 'outlet':
      return { ...state, outlets: state.outlets.filter((outlet) => outlet !== chip.value) };
    case 'entity':
      return { ...state, entityIds: state.entityIds.filter((id) => id !== chip.value) };
    case 'entityType':
      return { ...state, entityTypes: state.entityTypes.filter((type) => type !== chip.value) };
    case 'from':
      return { ...state, from: '' };
    case 'to':
      return { ...state, to: '' };
  }
}
