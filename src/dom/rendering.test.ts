import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { type BoxFacts, createRenderingCheck, needsBox, renderingFrom, type StyleFacts } from './rendering';

const plain: StyleFacts = {
  display: 'block',
  visibility: 'visible',
  fontSize: '16px',
  position: 'static',
  overflow: 'visible',
  clip: 'auto',
  clipPath: 'none',
};
const style = (patch: Partial<StyleFacts>): StyleFacts => ({ ...plain, ...patch });
const box = (left: number, top: number, width: number, height: number): BoxFacts => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});

describe('renderingFrom', () => {
  it('shows an ordinary box, below the fold included', () => {
    expect(renderingFrom(plain, null)).toBe('shown');
    expect(renderingFrom(style({ position: 'relative' }), box(20, 5000, 600, 40))).toBe('shown');
  });

  it('hides screen-reader-only boxes: 1px and clipped, or cut away by clip / clip-path', () => {
    expect(renderingFrom(style({ position: 'absolute', overflow: 'hidden' }), box(10, 10, 1, 1))).toBe(
      'hidden',
    );
    expect(renderingFrom(style({ overflow: 'hidden' }), box(10, 10, 0, 0))).toBe('hidden');
    expect(renderingFrom(style({ overflow: 'hidden', display: 'contents' }), box(0, 0, 0, 0))).toBe('shown');
    expect(renderingFrom(style({ position: 'absolute', clip: 'rect(0px, 0px, 0px, 0px)' }), null)).toBe(
      'hidden',
    );
    // clip applies to absolutely positioned boxes only.
    expect(renderingFrom(style({ clip: 'rect(0px, 0px, 0px, 0px)' }), null)).toBe('shown');
    const clipped = (clipPath: string) => renderingFrom(style({ position: 'absolute', clipPath }), null);
    expect(clipped('inset(50%)')).toBe('hidden');
    expect(clipped('inset(50% 0px)')).toBe('hidden');
    expect(clipped('inset(10%)')).toBe('shown');
  });

  it('keeps a zero-size box that lets its content overflow into view', () => {
    expect(renderingFrom(style({ position: 'absolute' }), box(10, 10, 0, 0))).toBe('shown');
  });

  it('hides positioned boxes placed wholly left of or above the page', () => {
    const offscreen = style({ position: 'absolute' });
    expect(renderingFrom(offscreen, box(-9999, 0, 600, 40))).toBe('hidden');
    expect(renderingFrom(offscreen, box(0, -9999, 600, 40))).toBe('hidden');
    expect(renderingFrom(offscreen, box(-100, 0, 600, 40))).toBe('shown');
    // A static box left of the page is a scroller's content, not hidden text.
    expect(renderingFrom(style({ overflow: 'hidden' }), box(-700, 0, 600, 40))).toBe('shown');
  });

  it('drops only the own text of invisible or font-size 0 elements (children may set them back)', () => {
    expect(renderingFrom(style({ visibility: 'hidden' }), null)).toBe('text-hidden');
    expect(renderingFrom(style({ fontSize: '0px' }), null)).toBe('text-hidden');
  });

  it('measures boxes only where geometry can hide text', () => {
    expect(needsBox(plain)).toBe(false);
    expect(needsBox(style({ position: 'absolute' }))).toBe(true);
    expect(needsBox(style({ overflow: 'hidden auto' }))).toBe(true);
  });
});

describe('createRenderingCheck', () => {
  it('is absent where there is no layout (linkedom, npm run scan): markup alone decides', () => {
    const { document } = parseHTML('<!doctype html><html><body><p>Text</p></body></html>');
    expect(createRenderingCheck(document as unknown as Document)).toBeUndefined();
  });
});
