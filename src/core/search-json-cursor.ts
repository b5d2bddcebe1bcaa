/**
 * A cursor over JSON text for readers that know the shape they expect (MiniSearch's serialised
 * index): each call reads one token at the cursor or throws a `SyntaxError` saying what was
 * expected and at which character. No objects are built for what the caller only skips.
 */

const QUOTE = 34;
const BACKSLASH = 92;
const ZERO = 48;
const NINE = 57;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;

/** Digits a cursor reads as one integer: beyond this a double loses whole numbers. */
const MAX_DIGITS = 15;

/** Reads tokens of a JSON text in the order the caller expects them. */
export class JsonCursor {
  /** Character offset of the next token. */
  pos: number;

  constructor(
    readonly text: string,
    pos = 0,
  ) {
    this.pos = pos;
  }

  /** Throws a `SyntaxError` naming what was expected at the cursor. */
  fail(expected: string): never {
    throw new SyntaxError(`expected ${expected} at character ${this.pos}`);
  }

  /** Consumes `literal` exactly, or fails. */
  literal(literal: string): void {
    if (!this.text.startsWith(literal, this.pos)) this.fail(JSON.stringify(literal));
    this.pos += literal.length;
  }

  /** Consumes the character `code` if it is next; says whether it was. */
  eat(code: number): boolean {
    if (this.text.charCodeAt(this.pos) !== code) return false;
    this.pos++;
    return true;
  }

  /** Whether only whitespace is left. */
  atEnd(): boolean {
    return this.text.slice(this.pos).trim() === '';
  }

  /** A non-negative integer as JSON writes one: digits, no sign, fraction or leading zero. */
  uint(): number {
    const { text } = this;
    const start = this.pos;
    let pos = start;
    let value = 0;
    let code = text.charCodeAt(pos);
    while (code >= ZERO && code <= NINE) {
      value = value * 10 + (code - ZERO);
      code = text.charCodeAt(++pos);
    }
    const digits = pos - start;
    if (digits === 0 || digits > MAX_DIGITS || (digits > 1 && text.charCodeAt(start) === ZERO)) {
      this.fail('an integer');
    }
    this.pos = pos;
    return value;
  }

  /** An integer object key and its colon: `"12":`. */
  uintKey(): number {
    if (this.text.charCodeAt(this.pos) !== QUOTE) this.fail('a quoted integer');
    this.pos++;
    const value = this.uint();
    if (this.text.charCodeAt(this.pos) !== QUOTE || this.text.charCodeAt(this.pos + 1) !== 58) {
      this.fail('a quote and colon');
    }
    this.pos += 2;
    return value;
  }

  /** A JSON string; escapes are decoded by `JSON.parse`, plain strings are sliced. */
  string(): string {
    const { text } = this;
    if (text.charCodeAt(this.pos) !== QUOTE) this.fail('a string');
    const start = this.pos + 1;
    let pos = start;
    let escaped = false;
    for (;;) {
      const code = text.charCodeAt(pos);
      if (code === QUOTE) break;
      if (code === BACKSLASH) {
        escaped = true;
        pos += 2;
      } else if (code < 32 || Number.isNaN(code)) {
        this.pos = pos;
        this.fail('the end of a string');
      } else {
        pos++;
      }
    }
    this.pos = pos + 1;
    return escaped ? (JSON.parse(text.slice(start - 1, pos + 1)) as string) : text.slice(start, pos);
  }

  /**
   * One whole JSON value of any shape, parsed by `JSON.parse`: for the small parts of a text
   * whose shape the reader does not fix.
   */
  value(): unknown {
    const { text } = this;
    const start = this.pos;
    let depth = 0;
    let pos = start;
    for (;;) {
      const code = text.charCodeAt(pos);
      if (Number.isNaN(code)) this.fail('the end of a value');
      if (code === QUOTE) {
        this.pos = pos;
        this.string();
        pos = this.pos;
        if (depth === 0) break;
        continue;
      }
      if (code === OPEN_BRACE || code === OPEN_BRACKET) depth++;
      else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        if (depth === 0) break;
        depth--;
        if (depth === 0) {
          pos++;
          break;
        }
      } else if (code === COMMA && depth === 0) break;
      pos++;
    }
    this.pos = pos;
    try {
      return JSON.parse(text.slice(start, pos));
    } catch {
      this.pos = start;
      return this.fail('a JSON value');
    }
  }
}
