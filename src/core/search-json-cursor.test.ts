import { describe, expect, it } from 'vitest';
import { JsonCursor } from './search-json-cursor';

describe('JsonCursor', () => {
  it('reads integers, integer keys and literals in sequence', () => {
    const cursor = new JsonCursor('{"12":0,"3":450}');
    cursor.literal('{');
    expect(cursor.uintKey()).toBe(12);
    expect(cursor.uint()).toBe(0);
    expect(cursor.eat(44)).toBe(true);
    expect(cursor.uintKey()).toBe(3);
    expect(cursor.uint()).toBe(450);
    cursor.literal('}');
    expect(cursor.atEnd()).toBe(true);
  });

  it('refuses what JSON or an integer reader would not accept, saying where', () => {
    expect(() => new JsonCursor('012').uint()).toThrow(/expected an integer at character 0/);
    expect(() => new JsonCursor('-1').uint()).toThrow(SyntaxError);
    expect(() => new JsonCursor('1234567890123456').uint()).toThrow(SyntaxError);
    expect(() => new JsonCursor('"7"]').uintKey()).toThrow(/expected a quote and colon at character 2/);
    const cursor = new JsonCursor('{"a"');
    cursor.literal('{');
    expect(() => cursor.literal('"b"')).toThrow(/at character 1/);
  });

  it('reads strings as JSON.parse does, escapes included', () => {
    for (const value of ['guaidó', 'a"b', 'back\\slash', 'tab\there', 'путина', '']) {
      const cursor = new JsonCursor(`${JSON.stringify(value)},`);
      expect(cursor.string()).toBe(value);
      expect(cursor.text[cursor.pos]).toBe(',');
    }
    expect(() => new JsonCursor('"open').string()).toThrow(/end of a string/);
    expect(() => new JsonCursor('"bad \\q"').string()).toThrow(SyntaxError);
  });

  it('reads any whole value and stops at what follows it', () => {
    const text = '{"a":[1,{"b":"}]"}],"c":2.5e3}';
    const object = new JsonCursor(`${text},"next"`);
    expect(object.value()).toEqual(JSON.parse(text));
    expect(object.text.slice(object.pos)).toBe(',"next"');
    const scalar = new JsonCursor('2.5,3');
    expect(scalar.value()).toBe(2.5);
    expect(scalar.pos).toBe(3);
    expect(() => new JsonCursor('[1,2').value()).toThrow(/end of a value/);
    expect(() => new JsonCursor('[1,,2]').value()).toThrow(/a JSON value at character 0/);
  });
});
