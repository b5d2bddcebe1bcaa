import { describe, expect, test } from 'vitest';
import {
  type ChipWording,
  type FilterState,
  filterChips,
  hasFilters,
  noFilters,
  removeChip,
  toggleInList,
  toSearchFilters,
} from './filters';

const wording: ChipWording = {
  entityName: (id) => ({ 'juan-guaido': 'Juan Guaidó' })[id] ?? id,
  typeLabel: (type) => `kind:${type}`,
  fromLabel: (iso) => `From ${iso}`,
  toLabel: (iso) => `Until ${iso}`,
};

const all: FilterState = {
  outlets: ['Reuters', 'AP'],
  entityIds: ['juan-guaido'],
  entityTypes: ['person'],
  from: '2019-01-01',
  to: '2019-06-30',
};

describe('filters', () => {
  test('no filter sends nothing', () => {
    expect(hasFilters(noFilters)).toBe(false);
    expect(toSearchFilters(noFilters)).toBeUndefined();
  });
  test('every filter set goes into the request', () => {
    expect(hasFilters(all)).toBe(true);
    expect(toSearchFilters(all)).toEqual({
      outlets: ['Reuters', 'AP'],
      entityIds: ['juan-guaido'],
      entityTypes: ['person'],
      from: '2019-01-01',
      to: '2019-06-30',
    });
  });
  test('only the filters set appear', () => {
    expect(toSearchFilters({ ...noFilters, to: '2019-02-01' })).toEqual({ to: '2019-02-01' });
  });
  test('a backwards date range is turned round', () => {
    expect(toSearchFilters({ ...noFilters, from: '2019-06-01', to: '2019-01-01' })).toEqual({
      from: '2019-01-01',
      to: '2019-06-01',
    });
  });
  test('toggleInList adds and removes', () => {
    expect(toggleInList(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggleInList(['a', 'b'], 'a')).toEqual(['b']);
  });
  test('chips name every active filter and removing one keeps the rest', () => {
    const chips = filterChips(all, wording);
    expect(chips.map((chip) => chip.label)).toEqual([
      'Reuters',
      'AP',
      'kind:person',
      'Juan Guaidó',
      'From 2019-01-01',
      'Until 2019-06-30',
    ]);
    let state = all;
    for (const chip of chips) state = removeChip(state, chip);
    expect(state).toEqual(noFilters);
    expect(removeChip(all, { kind: 'outlet', value: 'AP' }).outlets).toEqual(['Reuters']);
    expect(removeChip(all, { kind: 'from', value: '' })).toEqual({ ...all, from: '' });
  });
});
