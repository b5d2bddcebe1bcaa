import type { Page as PlaywrightPage } from 'playwright-core';
import type { Browser as PuppeteerBrowser, Page as PuppeteerPage } from 'puppeteer-core';

/**
 * Reading the card, whose shadow root is closed: no page script (and so no `page.evaluate`)
 * can reach into it, which is the point. The tests reach it the way a debugger does, through
 * the browser's automation protocol, and hand the shadow root to a function that runs in the
 * page: Chromium's DevTools protocol describes closed shadow roots (`DOM.describeNode` with
 * `pierce`), and WebDriver BiDi serialises them on request (`includeShadowTree: 'all'`).
 * The function must be self-contained, and its result is passed back as JSON.
 */
export type InShadow<T> = (root: ShadowRoot) => T;

/** The page expression that finds the card's host (`sourcelight-card-<random>`), or null. */
const FIND_HOST =
  "Array.from(document.body ? document.body.children : []).find((e) => e.localName.startsWith('sourcelight-card-')) ?? null";

/** Runs `fn` on the card's closed shadow root in a Chromium tab; null when no card is mounted. */
export async function inCardChromium<T>(page: PlaywrightPage, fn: InShadow<T>): Promise<T | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const host = await cdp.send('Runtime.evaluate', { expression: FIND_HOST });
    if (!host.result.objectId) return null;
    const { node } = await cdp.send('DOM.describeNode', {
      objectId: host.result.objectId,
      depth: 1,
      pierce: true,
    });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    if (!object.objectId) return null;
    const out = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function () { return JSON.stringify((${fn.toString()})(this) ?? null); }`,
      returnByValue: true,
      awaitPromise: true,
    });
    if (out.exceptionDetails) throw new Error(`in the card: ${out.exceptionDetails.text}`);
    return JSON.parse(out.result.value as string) as T | null;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** The slice of puppeteer's BiDi connection used here (internal to puppeteer, typed loosely). */
interface BidiSend {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/** A BiDi remote value, as far as this file reads it. */
interface RemoteValue {
  type: string;
  value?: unknown;
  sharedId?: string;
}

/** Runs `fn` on the card's closed shadow root in a Firefox tab; null when no card is mounted. */
export async function inCardFirefox<T>(
  browser: PuppeteerBrowser,
  page: PuppeteerPage,
  fn: InShadow<T>,
): Promise<T | null> {
  const connection = (browser as unknown as { connection: BidiSend }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const call = async (params: object): Promise<RemoteValue> => {
    const { result } = await connection.send('script.callFunction', {
      target: { context },
      awaitPromise: true,
      ...params,
    });
    const answer = result as { type: string; result?: RemoteValue; exceptionDetails?: { text: string } };
    if (answer.type === 'exception') throw new Error(`in the card: ${answer.exceptionDetails?.text}`);
    return answer.result as RemoteValue;
  };
  const host = await call({
    functionDeclaration: `() => ${FIND_HOST}`,
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 1 },
  });
  const shadow = (host.value as { shadowRoot?: RemoteValue | null } | undefined)?.shadowRoot;
  if (host.type !== 'node' || !shadow?.sharedId) return null;
  const out = await call({
    functionDeclaration: `(root) => JSON.stringify((${fn.toString()})(root) ?? null)`,
    arguments: [{ sharedId: shadow.sharedId }],
  });
  return JSON.parse(out.value as string) as T | null;
}
