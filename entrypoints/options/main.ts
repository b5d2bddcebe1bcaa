/**
 * The options page: every setting, saved the moment it changes and shown again whenever
 * storage changes (from the popup, another window or a synced browser). Sets
 * `body[data-ready="true"]` once the stored values are on screen.
 */

import { localizePage, t } from '@/src/shared/i18n';
import {
  defaultSettings,
  loadSettings,
  resetSettings,
  type Settings,
  saveSettings,
  updateSettings,
  watchSettings,
} from '@/src/shared/settings';
import { applyTheme } from '@/src/shared/theme';
import { patchFromControl, renderControls, showControlValues } from './form-controls';
import { paintPreview, renderPreviewSentence } from './highlight-preview';
import { renderPausedSites } from './paused-sites-list';
import { downloadSettings, readSettingsFile } from './settings-file';
import { renderShortcuts, setUpShortcutSettings } from './shortcuts';
import { bindSiteListField } from './site-list-field';
import { createStatusAnnouncer } from './status';

/** How long a range must rest before its value is stored (storage.sync limits writes per minute). */
const RANGE_SAVE_DELAY_MS = 300;

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The options page has no #${id}`);
  return element as T;
}

async function main(): Promise<void> {
  localizePage(document);
  const form = byId<HTMLFormElement>('settings-form');
  const announce = createStatusAnnouncer(byId('status'));
  const previewMark = renderPreviewSentence(byId('highlight-preview'));
  const pausedList = byId<HTMLUListElement>('pausedSites');
  const pausedEmpty = byId('pausedSites-empty');
  const dataMessage = byId('data-message');
  let current: Settings = defaultSettings();

  /** Stores a change; resolves to the error message shown, or null once saved. */
  const save = async (patch: Partial<Settings>): Promise<string | null> => {
    try {
      render(await updateSettings(patch));
      announce(t('options_saved'));
      return null;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      announce(t('options_saveFailed', message), 'error');
      return message;
    }
  };

  const neverSites = bindSiteListField(byId('neverSites'), byId('neverSites-errors'), (neverSites) =>
    save({ neverSites }),
  );
  const alwaysSites = bindSiteListField(byId('alwaysSites'), byId('alwaysSites-errors'), (alwaysSites) =>
    save({ alwaysSites }),
  );

  const removePaused = (host: string) => {
    void save({ pausedSites: current.pausedSites.filter((site) => site !== host) });
  };

  /** Shows settings everywhere on the page; `replaceText` also overwrites the site boxes. */
  function render(settings: Settings, replaceText = false): void {
    current = settings;
    applyTheme(settings.theme);
    renderControls(form, settings);
    neverSites.render(settings.neverSites, replaceText);
    alwaysSites.render(settings.alwaysSites, replaceText);
    renderPausedSites(pausedList, pausedEmpty, settings.pausedSites, removePaused);
    paintPreview(previewMark, settings.highlightStyle, settings.highlightColor);
  }

  const rangeTimers = new Map<string, ReturnType<typeof setTimeout>>();
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('input', (event) => {
    if (!(event.target instanceof HTMLInputElement)) return;
    showControlValues(form);
    if (event.target.name === 'highlightColor')
      paintPreview(previewMark, current.highlightStyle, event.target.value);
  });
  form.addEventListener('change', (event) => {
    const control = event.target;
    if (!(control instanceof HTMLInputElement) || control.type === 'file') return;
    const patch = patchFromControl(form, control);
    if (!patch) return;
    if (control.type !== 'range') {
      void save(patch);
      return;
    }
    clearTimeout(rangeTimers.get(control.name));
    rangeTimers.set(
      control.name,
      setTimeout(() => void save(patch), RANGE_SAVE_DELAY_MS),
    );
  });

  setUpDataActions(dataMessage, () => current, render, announce);
  setUpShortcutSettings(byId('open-shortcuts'), byId('shortcuts-hint'));

  try {
    render(await loadSettings());
    watchSettings((settings) => render(settings));
    await renderShortcuts(byId('shortcuts'), byId('shortcuts-unavailable'));
  } finally {
    document.body.dataset.ready = 'true';
  }
}

/** Export, import and reset, with their messages under the buttons. */
function setUpDataActions(
  message: HTMLElement,
  getCurrent: () => Settings,
  render: (settings: Settings, replaceText: boolean) => void,
  announce: (text: string, kind?: 'ok' | 'error') => void,
): void {
  const fileInput = byId<HTMLInputElement>('import-file');
  const dialog = byId<HTMLDialogElement>('reset-dialog');

  const show = (kind: 'ok' | 'error', text: string, details: readonly string[] = []) => {
    message.dataset.kind = kind;
    const lead = document.createElement('p');
    lead.textContent = text;
    const parts: HTMLElement[] = [lead];
    if (details.length > 0) {
      const list = document.createElement('ul');
      for (const detail of details) {
        const item = document.createElement('li');
        item.textContent = detail;
        list.append(item);
      }
      parts.push(list);
    }
    message.replaceChildren(...parts);
  };

  byId('export').addEventListener('click', () => downloadSettings(getCurrent()));
  byId('import').addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (!file) return;
    const result = await readSettingsFile(file);
    if (!result.ok) {
      show('error', t('options_importFailed', result.error));
      return;
    }
    try {
      render(await saveSettings(result.settings), true);
    } catch (error) {
      show('error', t('options_importFailed', (error as Error).message));
      return;
    }
    if (result.problems.length > 0) show('ok', t('options_importedWithProblems'), result.problems);
    else show('ok', t('options_imported'));
    announce(t('options_saved'));
  });

  byId('reset').addEventListener('click', () => dialog.showModal());
  dialog.addEventListener('close', async () => {
    if (dialog.returnValue !== 'confirm') return;
    dialog.returnValue = '';
    render(await resetSettings(), true);
    show('ok', t('options_resetDone'));
    announce(t('options_saved'));
  });
}

void main();
