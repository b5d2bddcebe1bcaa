import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { blockContainerOf, extractBlocksWithin, extractTextBlocks, locateOffset } from './text-blocks';

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

describe('extractBlocksWithin', () => {
  it('reads one container as the whole-document read would', () => {
    const doc = docOf(
      '<nav><div id="menu"><p>Menu <b>item</b></p></div></nav><main><div id="story"><p>The <i>story</i>.</p><p>More.</p></div></main>',
    );
    const whole = extractTextBlocks(doc);
    const story = doc.getElementById('story') as Element;
    const menu = doc.getElementById('menu') as Element;
    const part = [...extractBlocksWithin(menu), ...extractBlocksWithin(story)];
    expect(part.map((b) => [b.text, b.main])).toEqual(whole.map((b) => [b.text, b.main]));
  });

  it('finds the block container of a change inside inline markup', () => {
    const doc = docOf('<p id="p">Nicolás <b><i id="i">Maduro</i></b></p>');
    const inner = doc.getElementById('i') as Element;
    expect(blockContainerOf(inner.firstChild as Node)?.id).toBe('p');
  });

  it('reads nothing inside a hidden ancestor', () => {
    const doc = docOf('<div hidden><p id="p">Secret</p></div>');
    expect(extractBlocksWithin(doc.getElementById('p') as Element)).toEqual([]);
  });
});
