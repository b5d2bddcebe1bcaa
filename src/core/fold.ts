import { charClass, foldCode, IGNORABLE, WORD, WORD_UPPER } from './char-table';

const PLAIN_ASCII_WORDS = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

/**
 * Folds a phrase the way the matcher sees it: lower case, accents and invisible characters
 * dropped, every run of non-letters one space ("Guaidó’s" → "guaido s"). Used for search
 * terms, catalog keys and comparisons, so all of them agree with recognition.
 */
export function foldPhrase(text: string): string {
  // Plain ASCII words and single spaces fold to their lower case: a native call, which matters
  // when a fresh tab folds a thousand cue phrases before its code has warmed up.
  if (PLAIN_ASCII_WORDS.test(text)) return text.toLowerCase();
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const cls = charClass(code);
    if (cls === WORD || cls === WORD_UPPER) {
      if (pendingSpace && out.length > 0) out += ' ';
      pendingSpace = false;
      out += String.fromCharCode(foldCode(code));
    } else if (cls !== IGNORABLE) {
      pendingSpace = true;
    }
  }
  return out;
}
