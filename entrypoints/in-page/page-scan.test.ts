import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { blockContainerOf } from '@/src/dom/text-blocks';
import { readPage, rereadChanged } from './page-scan';

const noSkip = () => false;
const docOf = (body: string) =>
  parseHTML(`<!doctype html><html><body>${body}</body></html>`).document as unknown as Document;
// Compared as sorted lists: linkedom's compareDocumentPosition answers "preceding" both ways
// for text nodes, so document order is only meaningful in a browser (the e2e tests).
const texts = (blocks: Array<{ text: string; main: boolean }>) =>
  blocks.map((b) => `${b.text}|${b.main}`).sort();

describe('rereadChanged', () => {
  it('re-reads only the changed places and ends as a full read would', () => {
    const doc = docOf(
      '<nav><p>Menu</p></nav><main><div id="a"><p>First.</p></div><div id="b"><p>Second.</p></div><p>Last.</p></main>',
    );
    const before = readPage(doc, noSkip);
    const b = doc.getElementById('b') as Element;
    const added = doc.createElement('p');
    added.textContent = 'Rosneft denied it.';
    b.append(added);
    (doc.querySelector('#a p') as Element).textContent = 'First, rewritten.';
    const changed = new Set([
      blockContainerOf(added),
      blockContainerOf(doc.querySelector('#a p') as Element),
    ]);
    const after = rereadChanged(before, changed as Set<Element>, noSkip);
    expect(after).not.toBeNull();
    expect(texts(after ?? [])).toEqual(texts(readPage(doc, noSkip)));
  });

  it('drops the blocks of removed text', () => {
    const doc = docOf('<main><div id="a"><p>Gone soon.</p></div><p>Stays.</p></main>');
    const before = readPage(doc, noSkip);
    const a = doc.getElementById('a') as Element;
    const parent = a.parentElement as Element;
    a.remove();
    const after = rereadChanged(before, new Set([parent]), noSkip);
    expect(texts(after ?? [])).toEqual(['Stays.|true']);
  });

  it('asks for a full read when the body itself changed', () => {
    const doc = docOf('<p>Text</p>');
    expect(rereadChanged(readPage(doc, noSkip), new Set([doc.body]), noSkip)).toBeNull();
  });
});
