/**
 * Where a key press moves the focus in the results list (roving focus): ArrowDown and ArrowUp
 * step through the results, Home and End jump to the ends, and ArrowUp from the first result
 * goes back to the search box.
 */

/** The search box, as a target of list navigation. */
export const searchBoxIndex = -1;

/**
 * The index to focus after `key`, given the focused index (`searchBoxIndex` for the search
 * box) and the number of results; null when the key does not move the focus.
 */
export function nextFocusIndex(key: string, current: number, count: number): number | null {
  if (count <= 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(current + 1, count - 1);
    case 'ArrowUp':
      return current <= 0 ? searchBoxIndex : current - 1;
    case 'Home':
      return current === searchBoxIndex ? null : 0;
    case 'End':
      return current === searchBoxIndex ? null : count - 1;
    default:
      return null;
  }
}
