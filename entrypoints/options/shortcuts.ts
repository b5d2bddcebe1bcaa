/**
 * The keyboard shortcuts section: the extension's commands as the browser reports them
 * (`commands.getAll`), and the way to change them, which differs by browser: Chrome has a
 * page, chrome://extensions/shortcuts, that an extension may open in a tab; Firefox has
 * `commands.openShortcutSettings()` (Firefox 137+) and the add-ons manager.
 */
import { browser } from 'wxt/browser';
import { type MessageKey, t } from '@/src/shared/i18n';

/** Our own labels for the commands we declare, in the order they are listed. */
const COMMAND_LABELS: Record<string, MessageKey> = {
  _execute_action: 'commandOpenPopup',
  _execute_browser_action: 'commandOpenPopup',
  'next-mention': 'commandNextMention',
  'previous-mention': 'commandPreviousMention',
};

/** Shortcut text such as "Alt+Shift+J" as a row of `<kbd>` keys. */
function shortcutKeys(shortcut: string): HTMLElement {
  const keys = document.createElement('kbd');
  shortcut.split('+').forEach((key, index) => {
    if (index > 0) keys.append('+');
    const part = document.createElement('kbd');
    part.textContent = key;
    keys.append(part);
  });
  return keys;
}

/** Lists the commands in `list`; shows `unavailable` when the browser will not say. */
export async function renderShortcuts(list: HTMLDListElement, unavailable: HTMLElement): Promise<void> {
  let commands: Array<{ name?: string; description?: string; shortcut?: string }>;
  try {
    commands = await browser.commands.getAll();
  } catch {
    commands = [];
  }
  const order = Object.keys(COMMAND_LABELS);
  const rank = (name = '') => (order.includes(name) ? order.indexOf(name) : order.length);
  commands.sort((a, b) => rank(a.name) - rank(b.name));
  const rows = commands.flatMap((command) => {
    const term = document.createElement('dt');
    const known = command.name ? COMMAND_LABELS[command.name] : undefined;
    term.textContent = known ? t(known) : command.description || command.name || '';
    const value = document.createElement('dd');
    value.dataset.command = command.name ?? '';
    if (command.shortcut) value.append(shortcutKeys(command.shortcut));
    else value.textContent = t('options_shortcutNotSet');
    return [term, value];
  });
  list.replaceChildren(...rows);
  list.hidden = rows.length === 0;
  unavailable.hidden = rows.length > 0;
}

/** Sets up the "Change shortcuts" button and the hint beside it for this browser. */
export function setUpShortcutSettings(button: HTMLButtonElement, hint: HTMLElement): void {
  if (import.meta.env.FIREFOX) {
    hint.textContent = t('options_shortcutsFirefoxHint');
    const commands = browser.commands as { openShortcutSettings?: () => Promise<void> };
    if (typeof commands.openShortcutSettings !== 'function') {
      button.hidden = true;
      return;
    }
    button.addEventListener('click', () => {
      void commands.openShortcutSettings?.();
    });
    return;
  }
  hint.textContent = t('options_shortcutsChromeHint');
  button.addEventListener('click', () => {
    void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
  });
}
