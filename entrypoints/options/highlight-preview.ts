/**
 * The live preview of a marked word: a sample sentence whose name is painted with the
 * chosen style and colour, updated while the reader drags the colour picker.
 */

import { t } from '@/src/shared/i18n';
import type { HighlightStyle } from '@/src/shared/settings';

/** A token unlikely in any translation, used to split the sample sentence around the name. */
const NAME_TOKEN = '\u2063NAME\u2063';

/** Builds the sample sentence once, with the name in its own element; returns that element. */
export function renderPreviewSentence(container: HTMLElement): HTMLElement {
  const [before = '', after = ''] = t('options_previewSentence', NAME_TOKEN).split(NAME_TOKEN);
  const mark = document.createElement('span');
  mark.className = 'preview-mark';
  mark.id = 'highlight-preview-mark';
  mark.textContent = t('options_previewName');
  container.replaceChildren(document.createTextNode(before), mark, document.createTextNode(after));
  return mark;
}

/** Paints the preview mark with a style and colour. */
export function paintPreview(mark: HTMLElement, style: HighlightStyle, color: string): void {
  mark.dataset.style = style;
  mark.style.setProperty('--mark-color', color);
}
