import { describe, expect, test } from 'vitest';
import { nextFocusIndex, searchBoxIndex } from './list-navigation';

describe('nextFocusIndex', () => {
  test('ArrowDown goes from the search box to the first result and stops at the last', () => {
    expect(nextFocusIndex('ArrowDown', searchBoxIndex, 3)).toBe(0);
    expect(nextFocusIndex('ArrowDown', 1, 3)).toBe(2);
    expect(nextFocusIndex('ArrowDown', 2, 3)).toBe(2);
  });
  test('ArrowUp goes back up and from the first result to the search box', () => {
    expect(nextFocusIndex('ArrowUp', 2, 3)).toBe(1);
    expect(nextFocusIndex('ArrowUp', 0, 3)).toBe(searchBoxIndex);
    expect(nextFocusIndex('ArrowUp', searchBoxIndex, 3)).toBe(searchBoxIndex);
  });
  test('Home and End jump within the list but leave the search box alone', () => {
    expect(nextFocusIndex('Home', 2, 3)).toBe(0);
    expect(nextFocusIndex('End', 0, 3)).toBe(2);
    expect(nextFocusIndex('Home', searchBoxIndex, 3)).toBeNull();
  });
  test('nothing moves without results or for other keys', () => {
    expect(nextFocusIndex('ArrowDown', searchBoxIndex, 0)).toBeNull();
    expect(nextFocusIndex('a', 0, 3)).toBeNull();
  });
});
