/**
 * A site list typed one pattern per line: validated when it changes, with an inline message
 * per bad line naming the line. Valid lines are saved; bad lines stay in the box (so they
 * can be fixed) but are not saved.
 */

import { t } from '@/src/shared/i18n';
import { parseSiteLines, type SiteLineError } from '@/src/shared/settings';

/** What the page needs from a bound site list. */
export interface SiteListField {
  /**
   * Shows a stored list, unless the reader is editing or the box already says the same
   * (keeping bad lines on screen to fix). `force` replaces the text anyway (reset, import).
   */
  render(patterns: readonly string[], force?: boolean): void;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/**
 * Wires a textarea and its error list. `save` stores the valid patterns and resolves to
 * an error message when it could not (shown under the box), or null.
 */
export function bindSiteListField(
  textarea: HTMLTextAreaElement,
  errorList: HTMLUListElement,
  save: (patterns: string[]) => Promise<string | null>,
): SiteListField {
  const showErrors = (errors: SiteLineError[], saveError: string | null) => {
    const items = errors.map((error) => {
      const item = document.createElement('li');
      item.textContent = t('options_siteLineError', error.line, error.text, error.error);
      return item;
    });
    if (saveError) {
      const item = document.createElement('li');
      item.textContent = saveError;
      items.push(item);
    }
    errorList.replaceChildren(...items);
    errorList.hidden = items.length === 0;
    if (items.length > 0) textarea.setAttribute('aria-invalid', 'true');
    else textarea.removeAttribute('aria-invalid');
  };

  textarea.addEventListener('change', async () => {
    const { patterns, errors } = parseSiteLines(textarea.value);
    showErrors(errors, null);
    const saveError = await save(patterns);
    if (saveError) showErrors(errors, saveError);
  });

  return {
    render(patterns, force = false) {
      if (!force && document.activeElement === textarea) return;
      if (!force && sameList(parseSiteLines(textarea.value).patterns, patterns)) return;
      textarea.value = patterns.join('\n');
      showErrors([], null);
    },
  };
}
