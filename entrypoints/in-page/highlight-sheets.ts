/**
 * The style sheets that hold the `::highlight(sourcelight-*)` rules: one in the document and
 * one in each shadow root that has marks. A highlight is registered once, for the whole
 * document, but `::highlight()` rules apply only in the tree whose style sheets hold them:
 * without a sheet in the shadow root, Firefox registers the marks there and paints nothing.
 * A shadow root gets its sheet only once something in it is marked, since the page can see it.
 */
export function createHighlightSheets(doc: Document) {
  let css = '';
  const sheets = new Map<Document | ShadowRoot, RuleSheet>([[doc, ruleSheetIn(doc)]]);
  return {
    /** Replaces the rules in every sheet. */
    set(next: string): void {
      css = next;
      for (const sheet of sheets.values()) sheet.set(css);
    },
    /** Gives each shadow root among `roots` (root nodes of marked text) a sheet, once. */
    cover(roots: Iterable<Node>): void {
      for (const root of roots) {
        if (root.nodeType !== 11 || sheets.has(root as ShadowRoot)) continue;
        const sheet = ruleSheetIn(root as ShadowRoot);
        sheet.set(css);
        sheets.set(root as ShadowRoot, sheet);
      }
    },
    /** Removes every sheet: the page and its shadow roots are as they were. */
    remove(): void {
      for (const sheet of sheets.values()) sheet.remove();
      sheets.clear();
    },
  };
}

/** One tree's sheet of rules. */
interface RuleSheet {
  set(css: string): void;
  remove(): void;
}

/**
 * A style sheet in one tree: adopted where the content script may adopt one (no element
 * added), else a <style> element (in <head>, or first in a shadow root). Firefox refuses
 * sheets made in the content script's compartment ("Accessing from Xray wrapper is not
 * supported", https://bugzilla.mozilla.org/show_bug.cgi?id=1751346).
 */
function ruleSheetIn(root: Document | ShadowRoot): RuleSheet {
  try {
    const sheet = new CSSStyleSheet();
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return {
      set: (css) => sheet.replaceSync(css),
      remove: () => {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
      },
    };
  } catch {
    const doc = root.nodeType === 9 ? (root as Document) : (root.ownerDocument as Document);
    const style = doc.createElement('style');
    style.dataset.sourcelight = 'highlights';
    if (root.nodeType === 9) (doc.head ?? doc.documentElement).append(style);
    else root.prepend(style);
    return {
      set: (css) => {
        style.textContent = css;
      },
      remove: () => style.remove(),
    };
  }
}
