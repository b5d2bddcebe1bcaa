/**
 * The popup's two views as an ARIA tablist: "Search" and "On this page". Arrow keys, Home
 * and End move between the tabs and select them (automatic activation); each tab shows its
 * panel and hides the other.
 */

/** The tablist's controls. */
export interface ViewTabs {
  /** Selects the tab with this id and shows its panel. */
  select(tabId: string): void;
  /** The id of the selected tab. */
  selected(): string;
}

/** Wires the tabs inside `tablist` (buttons with `role="tab"` and `aria-controls`). */
export function createViewTabs(tablist: HTMLElement, onSelect: (tabId: string) => void = () => {}): ViewTabs {
  const tabs = Array.from(tablist.querySelectorAll<HTMLButtonElement>('[role="tab"]'));

  function select(tabId: string, focus = false): void {
    for (const tab of tabs) {
      const active = tab.id === tabId;
      tab.setAttribute('aria-selected', String(active));
      tab.tabIndex = active ? 0 : -1;
      const panel = document.getElementById(tab.getAttribute('aria-controls') ?? '');
      if (panel) panel.hidden = !active;
      if (active && focus) tab.focus();
    }
    onSelect(tabId);
  }

  for (const tab of tabs) tab.addEventListener('click', () => select(tab.id));
  tablist.addEventListener('keydown', (event) => {
    const current = tabs.indexOf(document.activeElement as HTMLButtonElement);
    if (current < 0) return;
    const last = tabs.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? (current + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (current - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    const target = next === null ? undefined : tabs[next];
    if (!target) return;
    event.preventDefault();
    select(target.id, true);
  });

  return {
    select: (tabId) => select(tabId),
    selected: () => tabs.find((tab) => tab.getAttribute('aria-selected') === 'true')?.id ?? '',
  };
}
