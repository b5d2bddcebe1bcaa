import { charClass, IGNORABLE } from './char-table';
import type { Alias } from './corpus-types';
import {
  foldedSlice,
  GAP_BREAK,
  GAP_DOT,
  GAP_JOIN,
  GAP_MASK,
  GAP_WHITESPACE,
  splitPhrase,
  TOKEN_ALL_CAPS,
  TOKEN_CAPITALISED,
  type TokenBuffer,
} from './tokenize';

/**
 * Words that may stand before a surname without making it someone else's: titles and
 * function words that start sentences ("President Trump", "In Lima", "Mr. Bolton").
 * Folded (lower case, no accents), in the languages the catalog covers.
 */
const TITLE_OR_FUNCTION_WORDS = new Set(
  (
    'president presidents vice secretary minister prime foreign adviser advisor senator sen mr mrs ms dr ' +
    'general gen chancellor spokesman spokeswoman spokesperson leader envoy ambassador director chief ' +
    'the a an in at by on of to for from with and or but as as when while after before says said tells told ' +
    'if so that this these those then why how what who whom whose where lawmaker rep representative ' +
    'dictator strongman ex former acting interim opposition kremlin white house ' +
    'el la los las del de y en con por para segun presidente senor senora canciller ministro o os as do da dos das ' +
    'e em no na com pelo pela segundo ministro chanceler presidenta ' +
    'господин президент министр глава лидер и в на с по о'
  ).split(' '),
);

/**
 * Capitalised words that are never a first name even inside a sentence: days and months
 * ("On Monday Pompeo said"), places in titles ("Secretary of State Pompeo"), and openers
 * after a quote or heading ("Meanwhile Pence said").
 */
const OPENER_OR_CALENDAR_WORDS = new Set(
  (
    'since although though because once until unless whether meanwhile yesterday today tomorrow ' +
    'tonight now later earlier still yet also however instead here there even only just soon ' +
    'recently previously eventually finally initially ultimately separately likewise similarly ' +
    'indeed perhaps maybe clearly certainly thus hence therefore nonetheless nevertheless besides ' +
    'moreover furthermore again last next first both neither either not nor every each all many ' +
    'some most few under over during against about without within across despite amid among ' +
    'state states department house senate congress council assembly committee court party army ' +
    'navy military government administration federal national foreign defense defence security ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may ' +
    'june july august september october november december ' +
    'ayer hoy manana ahora luego despues antes mientras aunque pero cuando donde tambien ademas ' +
    'entonces asi sin tras desde hasta lunes martes miercoles jueves viernes sabado domingo enero ' +
    'febrero marzo mayo junio julio agosto septiembre octubre noviembre diciembre ' +
    'ontem hoje amanha agora depois enquanto embora mas quando onde tambem alem entao assim apos ' +
    'segunda terca quarta quinta sexta sabado domingo janeiro fevereiro marco maio junho julho ' +
    'setembro outubro novembro dezembro ' +
    'вчера сегодня завтра теперь сейчас позже ранее однако но когда где также тогда потом затем ' +
    'после до во при'
  ).split(' '),
);

/**
 * Whether a match honours its alias's capitals: each letter the alias writes in upper case
 * must be upper case on the page ("Trump" yes, "trump card" no; "US" yes, "us" no).
 */
export function honoursCapitals(
  alias: Alias,
  aliasTokens: string[],
  pageText: string,
  starts: number[],
  ends: number[],
): boolean {
  if (!alias.caseSensitive) return true;
  for (let k = 0; k < aliasTokens.length; k++) {
    const aliasToken = aliasTokens[k] as string;
    const start = starts[k];
    const end = ends[k];
    if (start === undefined || end === undefined) return false;
    let j = 0;
    for (let i = start; i < end && j < aliasToken.length; i++) {
      if (charClass(pageText.charCodeAt(i)) === IGNORABLE) continue;
      const pageChar = pageText[i] as string;
      const aliasChar = aliasToken[j] as string;
      const aliasUpper = aliasChar !== aliasChar.toLowerCase();
      if (aliasUpper && pageChar === pageChar.toLowerCase()) return false;
      j++;
    }
  }
  return true;
}

/** The original-case tokens of an alias ("Nicolás Maduro" → ["Nicolás", "Maduro"]). */
export function aliasTokensOf(text: string): string[] {
  return splitPhrase(text).map(([start, end]) => text.slice(start, end));
}

/**
 * Whether a short all-caps alias ("US", "UN", "EU") sits in shouting text, where every word
 * is in capitals and "US" may just be "us".
 */
export function inAllCapsRun(tokens: TokenBuffer, first: number, last: number): boolean {
  const before = first > 0 ? (tokens.marks[first - 1] as number) : 0;
  const after = last + 1 < tokens.count ? (tokens.marks[last + 1] as number) : 0;
  return (before & TOKEN_ALL_CAPS) !== 0 || (after & TOKEN_ALL_CAPS) !== 0;
}

/**
 * Whether the word right before a one-word name is a capitalised given name that makes it
 * someone else ("Meg Wagner", "Adriana Lima", "Michael Bolton"), rather than a title or a
 * sentence-opening word.
 */
export function precededByOtherName(
  text: string,
  tokens: TokenBuffer,
  first: number,
  ownWords: ReadonlySet<string> = NO_WORDS,
): boolean {
  if (first === 0) return false;
  const previous = first - 1;
  if (((tokens.marks[first] as number) & GAP_MASK & ~GAP_WHITESPACE) !== 0) return false;
  const marks = tokens.marks[previous] as number;
  if ((marks & TOKEN_CAPITALISED) === 0 || (marks & TOKEN_ALL_CAPS) !== 0) return false;
  // A capital at the start of a sentence says nothing ("Since Guaidó invoked...",
  // "Disregarding Trump's demand"): any word may open a sentence.
  if (previous === 0 || ((tokens.marks[previous] as number) & (GAP_DOT | GAP_BREAK)) !== 0) return false;
  // Nor does a capital at the start of a line (list items, infobox rows), nor a word on the
  // line before: a line break never runs through one person's name.
  const lineFrom = previous > 0 ? (tokens.ends[previous - 1] as number) : 0;
  if (
    hasLineBreak(text, lineFrom, tokens.starts[previous] as number) ||
    hasLineBreak(text, tokens.ends[previous] as number, tokens.starts[first] as number)
  )
    return false;
  const word = foldedSlice(text, tokens.starts[previous] as number, tokens.ends[previous] as number);
  // The entity's own name before it is no one else's: a tooltip glued to its link repeats
  // the name ("Nicolas Maduro Maduro Nicolas"), and lists write it surname first.
  if (ownWords.has(word)) return false;
  return !(word.length < 2 || TITLE_OR_FUNCTION_WORDS.has(word) || OPENER_OR_CALENDAR_WORDS.has(word));
}

const NO_WORDS: ReadonlySet<string> = new Set();

/** Whether text[from, to) holds a line break. */
function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || code === 0x0d || code === 0x2028) return true;
  }
  return false;
}

/** Longest run of words a title-case line has: a headline, not a paragraph. */
const TITLE_MAX_TOKENS = 30;
/** Words this long or longer are capitalised in Title Case; shorter ones may not be ("to", "of", "and"). */
const TITLE_WORD_LENGTH = 4;

/**
 * Whether the scanned text is a Title Case line ("Russia Convinced Maduro Not to Leave
 * Venezuela"), where every longer word is capitalised, so a capital before a surname says
 * nothing about a given name. Needs three longer words, all capitalised but not shouting.
 */
export function isTitleCase(tokens: TokenBuffer): boolean {
  if (tokens.count > TITLE_MAX_TOKENS) return false;
  let words = 0;
  for (let t = 0; t < tokens.count; t++) {
    if ((tokens.ends[t] as number) - (tokens.starts[t] as number) < TITLE_WORD_LENGTH) continue;
    const marks = tokens.marks[t] as number;
    if ((marks & TOKEN_ALL_CAPS) !== 0) continue;
    if ((marks & TOKEN_CAPITALISED) === 0) return false;
    words++;
  }
  return words >= 3;
}

/** The folded words right before and after a match, for false-friend checks ("Adriana" Lima). */
export function neighbourWords(text: string, tokens: TokenBuffer, first: number, last: number): string[] {
  const words: string[] = [];
  if (first > 0 && ((tokens.marks[first] as number) & GAP_MASK & ~(GAP_JOIN | GAP_WHITESPACE)) === 0) {
    words.push(foldedSlice(text, tokens.starts[first - 1] as number, tokens.ends[first - 1] as number));
  }
  if (
    last + 1 < tokens.count &&
    ((tokens.marks[last + 1] as number) & GAP_MASK & ~(GAP_JOIN | GAP_WHITESPACE)) === 0
  ) {
    words.push(foldedSlice(text, tokens.starts[last + 1] as number, tokens.ends[last + 1] as number));
  }
  return words;
}
