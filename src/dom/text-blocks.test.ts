import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractTextBlocks, locateOffset } from './text-blocks';

const docOf = (body: string) =>
  parseHTML(`<!doctype html><html><body>${body}</body></html>`).document as unknown as Document;

describe('extractTextBlocks', () => {
  it('joins inline tags into one block and splits at block elements', () => {
    const blocks = extractTextBlocks(
      docOf('<p>Nicolás <b>Maduro</b> <a href="#">spoke</a>.</p><div>Next <p>inner</p> tail</div>'),
    );
    expect(blocks.map((b) => b.text)).toEqual(['Nicolás Maduro spoke.', 'Next ', 'inner', ' tail']);
  });

  it('reads only what a person sees', () => {
    const blocks = extractTextBlocks(
      docOf(
        '<script>var Maduro = 1</script><style>.x{}</style><template><p>Maduro</p></template>' +
          '<p hidden>hidden</p><p style="display: none">none</p><p aria-hidden="true">aria</p>' +
          '<div contenteditable="true">editing</div><textarea>field</textarea><p title="Maduro">seen</p>',
      ),
    );
    expect(blocks.map((b) => b.text)).toEqual(['seen']);
  });

  it('flags menus, sidebars, footers, teaser lists and text outside <main> as not main', () => {
    const blocks = extractTextBlocks(
      docOf(
        '<nav><p>Menu words here</p></nav><main><p>The story itself.</p><ul class="related"><li>Other</li></ul>' +
          '<p><a href="#">A teaser link that is all link</a></p></main><aside><p>Sidebar</p></aside><p>Outside main</p>',
      ),
    );
    expect(blocks.map((b) => [b.text, b.main])).toEqual([
      ['Menu words here', false],
      ['The story itself.', true],
      ['Other', false],
      ['A teaser link that is all link', false],
      ['Sidebar', false],
      ['Outside main', false],
    ]);
  });

  it('maps block offsets back to text nodes', () => {
    const [block] = extractTextBlocks(docOf('<p>Nicolás <b>Maduro</b> spoke</p>'));
    if (!block) throw new Error('no block');
    const start = locateOffset(block, 8, false);
    const end = locateOffset(block, 14, true);
    expect(start?.node.data).toBe('Maduro');
    expect(start?.offset).toBe(0);
    expect(end?.node.data).toBe('Maduro');
    expect(end?.offset).toBe(6);
  });
});
