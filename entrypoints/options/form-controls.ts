/**
 * The form's simple controls (checkboxes, radio groups, ranges, the colour) and the
 * settings they stand for. Each control's `name` is the setting's key (`kinds.person` for
 * a kind), so one function shows settings in the form and one turns a change into a patch.
 * The site-list textareas and the paused list have their own modules.
 */

import { t } from '@/src/shared/i18n';
import { MARK_KINDS, type Settings } from '@/src/shared/settings';

type BooleanKey = 'enabled' | 'badge';
type ChoiceKey = 'markMode' | 'trigger' | 'highlightStyle' | 'theme';
type NumberKey = 'hoverDelayMs' | 'passagesPerCard';

const BOOLEAN_KEYS: readonly BooleanKey[] = ['enabled', 'badge'];
const CHOICE_KEYS: readonly ChoiceKey[] = ['markMode', 'trigger', 'highlightStyle', 'theme'];
const NUMBER_KEYS: readonly NumberKey[] = ['hoverDelayMs', 'passagesPerCard'];

function input(form: HTMLFormElement, name: string): HTMLInputElement | null {
  const element = form.elements.namedItem(name);
  return element instanceof HTMLInputElement ? element : null;
}

/** The text beside a range or the colour: "400 ms", "3", "#d97706". */
export function showControlValues(form: HTMLFormElement): void {
  const delay = input(form, 'hoverDelayMs');
  const passages = input(form, 'passagesPerCard');
  const color = input(form, 'highlightColor');
  const set = (id: string, text: string) => {
    const output = form.querySelector<HTMLOutputElement>(`#${id}`);
    if (output) output.textContent = text;
  };
  if (delay) set('hoverDelayMs-value', t('options_milliseconds', delay.value));
  if (passages) set('passagesPerCard-value', passages.value);
  if (color) set('highlightColor-value', color.value);
}

/** Shows settings in the form's simple controls. */
export function renderControls(form: HTMLFormElement, settings: Settings): void {
  for (const key of BOOLEAN_KEYS) {
    const box = input(form, key);
    if (box) box.checked = settings[key];
  }
  for (const kind of MARK_KINDS) {
    const box = input(form, `kinds.${kind}`);
    if (box) box.checked = settings.kinds[kind];
  }
  for (const key of CHOICE_KEYS) {
    for (const radio of form.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${key}"]`)) {
      radio.checked = radio.value === settings[key];
    }
  }
  for (const key of NUMBER_KEYS) {
    const range = input(form, key);
    if (range) range.value = String(settings[key]);
  }
  const color = input(form, 'highlightColor');
  if (color) color.value = settings.highlightColor;
  const delay = input(form, 'hoverDelayMs');
  if (delay) delay.disabled = settings.trigger !== 'hover';
  showControlValues(form);
}

/**
 * The settings change a control stands for, or null for controls this module does not own.
 * A kind box yields all four kinds as the form shows them, so quick clicks never undo each other.
 */
export function patchFromControl(form: HTMLFormElement, control: HTMLInputElement): Partial<Settings> | null {
  const name = control.name;
  if ((BOOLEAN_KEYS as readonly string[]).includes(name)) return { [name]: control.checked };
  if (name.startsWith('kinds.')) {
    const kinds = {} as Settings['kinds'];
    for (const kind of MARK_KINDS) kinds[kind] = input(form, `kinds.${kind}`)?.checked ?? true;
    return { kinds };
  }
  if ((CHOICE_KEYS as readonly string[]).includes(name))
    return control.checked ? { [name]: control.value } : null;
  if ((NUMBER_KEYS as readonly string[]).includes(name)) return { [name]: Number(control.value) };
  if (name === 'highlightColor') return { highlightColor: control.value };
  return null;
}
