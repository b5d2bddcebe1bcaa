/**
 * Tree questions that cross open shadow roots. `Node.contains` and `compareDocumentPosition`
 * stop at a shadow boundary (a node in a shadow root is "disconnected" from the document's
 * nodes for them), and `Range.compareBoundaryPoints` throws for ranges in different trees;
 * a page whose text is partly in shadow DOM needs the composed tree instead.
 */

/** `Node.DOCUMENT_POSITION_FOLLOWING`/`PRECEDING`, spelled out: `Node` is no global in Node.js. */
const FOLLOWING = 4;
const PRECEDING = 2;

/** The node one step up in the composed tree: the parent, or the host of a shadow root. */
export function composedParent(node: Node): Node | null {
  if (node.parentNode) return node.parentNode;
  const host = (node as Partial<ShadowRoot>).host;
  return node.nodeType === 11 && host ? host : null;
}

/** Whether `inner` is `outer` or lies inside it, through any open shadow roots between them. */
export function composedContains(outer: Node, inner: Node): boolean {
  for (let node: Node | null = inner; node; node = composedParent(node)) {
    if (node === outer) return true;
    // The rest of the way up stays in one tree: let the browser answer it.
    if (node.getRootNode() === outer.getRootNode()) return outer.contains(node);
  }
  return false;
}

/** The chain of trees from the document down to `node`: for each, the node standing for it there. */
function treeChain(node: Node): Node[] {
  const chain: Node[] = [node];
  for (let root = node.getRootNode(); root.nodeType === 11; ) {
    const host = (root as ShadowRoot).host;
    if (!host) break;
    chain.unshift(host);
    root = host.getRootNode();
  }
  return chain;
}

/**
 * Orders two nodes as a reader meets them across shadow roots: negative when `a` comes first.
 * Nodes of one tree keep document order; a node inside a host's shadow root comes after the
 * host itself and before what follows the host. (Slotted children count where they are, in
 * the light tree, which is where their ranges live.)
 */
export function compareComposed(a: Node, b: Node): number {
  if (a === b) return 0;
  const left = treeChain(a);
  const right = treeChain(b);
  for (let depth = 0; depth < Math.min(left.length, right.length); depth++) {
    const x = left[depth] as Node;
    const y = right[depth] as Node;
    if (x === y) continue;
    const position = x.compareDocumentPosition(y);
    if (position & FOLLOWING) return -1;
    if (position & PRECEDING) return 1;
    return 0;
  }
  // One chain stops at a host the other goes inside: the host comes first.
  return left.length - right.length;
}
