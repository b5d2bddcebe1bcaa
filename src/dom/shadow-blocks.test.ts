import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { compareComposed, composedContains } from './composed-tree';
import { extractBlocksWithin, extractTextBlocks, type Rendering } from './text-blocks';

const docOf = (body: string) =>
  parseHTML(`<!doctype html><html><body>${body}</body></html>`).document as unknown as Document;

/** A page whose article holds a host with an open shadow root, and a slotting host. */
function shadowPage(): Document {
  const doc = docOf(
    '<nav><p>Menu</p></nav><article><p id="light">Light text.</p><div id="host"></div>' +
      '<story-card id="card"><p slot="body">Slotted text.</p><p>Unslotted text.</p>tail</story-card></article>',
  );
  const root = (doc.getElementById('host') as Element).attachShadow({ mode: 'open' });
  root.innerHTML = '<p>Shadow text.</p><section id="inner"></section>';
  const inner = (root.querySelector('#inner') as Element).attachShadow({ mode: 'open' });
  inner.innerHTML = '<p>Nested text.</p>';
  const card = (doc.getElementById('card') as Element).attachShadow({ mode: 'open' });
  card.innerHTML = '<h3>Heading</h3><slot name="body"></slot><slot><i>fallback</i></slot>';
  return doc;
}

describe('visible text in open shadow roots', () => {
  it('reads shadow and nested shadow text as main text, slotted children where they are shown', () => {
    const blocks = extractTextBlocks(shadowPage());
    expect(blocks.map((b) => [b.text, b.main])).toEqual([
      ['Menu', false],
      ['Light text.', true],
      ['Shadow text.', true],
      ['Nested text.', true],
      ['Heading', true],
      ['Slotted text.', true],
      ['Unslotted text.', true],
      ['tail', true],
    ]);
  });

  it('reads a slotted node once, as the light-DOM node it is', () => {
    const doc = shadowPage();
    const slotted = (doc.querySelector('[slot="body"]') as Element).firstChild;
    const blocks = extractTextBlocks(doc).filter((b) => b.nodes.includes(slotted as Text));
    expect(blocks).toHaveLength(1);
  });

  it('shows a slot its fallback content when nothing is assigned to it', () => {
    const doc = docOf('<article><x-box id="box"></x-box></article>');
    const root = (doc.getElementById('box') as Element).attachShadow({ mode: 'open' });
    root.innerHTML = '<p><slot>Fallback words</slot></p>';
    expect(extractTextBlocks(doc).map((b) => b.text)).toEqual(['Fallback words']);
  });

  it('re-reads a host as the whole read does, its shadow content included', () => {
    const doc = shadowPage();
    const host = doc.getElementById('host') as Element;
    const whole = extractTextBlocks(doc).filter((b) => b.nodes.every((node) => composedContains(host, node)));
    expect(extractBlocksWithin(host).map((b) => [b.text, b.main])).toEqual(
      whole.map((b) => [b.text, b.main]),
    );
  });
});

describe('composed tree order', () => {
  it('orders nodes across shadow roots as a reader meets them', () => {
    const doc = shadowPage();
    const blocks = extractTextBlocks(doc);
    // Paragraphs, not text nodes: linkedom misorders a text node against a later element.
    const firsts = blocks.map((b) => (b.nodes[0] as Node).parentNode as Node);
    const shadowFirst = firsts[2] as Node;
    const light = firsts[1] as Node;
    expect(compareComposed(light, shadowFirst)).toBeLessThan(0);
    expect(compareComposed(shadowFirst, light)).toBeGreaterThan(0);
    expect(compareComposed(firsts[2] as Node, firsts[3] as Node)).toBeLessThan(0);
    expect(compareComposed(shadowFirst, shadowFirst)).toBe(0);
    const host = doc.getElementById('host') as Element;
    expect(composedContains(host, firsts[3] as Node)).toBe(true);
    expect(composedContains(host, light)).toBe(false);
  });
});

describe('the rendering hook', () => {
  it('leaves out hidden elements whole, and only the own text of text-hidden ones', () => {
    const doc = docOf(
      '<article><p class="gone">Gone <b>entirely</b></p><div class="quiet">Own text<p>Child shown</p></div><p>Plain</p></article>',
    );
    const rendering = (element: Element): Rendering =>
      element.classList.contains('gone')
        ? 'hidden'
        : element.classList.contains('quiet')
          ? 'text-hidden'
          : 'shown';
    expect(extractTextBlocks(doc, { rendering }).map((b) => b.text)).toEqual(['Child shown', 'Plain']);
    const quiet = doc.querySelector('.quiet p') as Element;
    expect(extractBlocksWithin(doc.querySelector('.gone b') as Element, { rendering })).toEqual([]);
    expect(extractBlocksWithin(quiet, { rendering }).map((b) => b.text)).toEqual(['Child shown']);
  });
});
