/**
 * The sites paused from the toolbar popup, listed with a "Remove" button each. The list is
 * rebuilt from settings on every change, keeping focus on its row; after a removal, focus moves to the neighbouring
 * row's button (or to the empty-list note), never to the top of the page.
 */
import { t } from '@/src/shared/i18n';

/** Renders the paused hosts into `list`; `onRemove` is called with the host to un-pause. */
export function renderPausedSites(
  list: HTMLUListElement,
  emptyNote: HTMLElement,
  hosts: readonly string[],
  onRemove: (host: string) => void,
): void {
  const active = document.activeElement;
  const focusedHost =
    active instanceof HTMLElement && list.contains(active) ? active.dataset.host : undefined;
  const rows = hosts.map((host, index) => {
    const item = document.createElement('li');
    const name = document.createElement('span');
    name.className = 'paused-host';
    name.textContent = host;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'remove-paused';
    button.dataset.host = host;
    button.textContent = t('options_pausedSitesRemove');
    button.setAttribute('aria-label', t('options_pausedSitesRemoveLabel', host));
    button.addEventListener('click', () => {
      // Remember where focus should land once the row is gone.
      list.dataset.focusAfterRemove = hosts[index + 1] ?? hosts[index - 1] ?? '';
      list.dataset.removing = host;
      onRemove(host);
    });
    item.append(name, button);
    return item;
  });
  list.replaceChildren(...rows);
  list.hidden = hosts.length === 0;
  emptyNote.hidden = hosts.length > 0;

  const removing = list.dataset.removing;
  if (removing === undefined || hosts.includes(removing)) {
    // A rebuild for any other reason keeps focus on the same row's button.
    if (focusedHost)
      list.querySelector<HTMLElement>(`button[data-host="${CSS.escape(focusedHost)}"]`)?.focus();
    return;
  }
  const neighbour = list.dataset.focusAfterRemove;
  delete list.dataset.removing;
  delete list.dataset.focusAfterRemove;
  const target = neighbour
    ? list.querySelector<HTMLElement>(`button[data-host="${CSS.escape(neighbour)}"]`)
    : null;
  if (target) {
    target.focus();
  } else {
    emptyNote.tabIndex = -1;
    emptyNote.focus();
  }
}
