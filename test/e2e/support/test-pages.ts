import { afterAll, beforeAll } from 'vitest';
import { buildOnce } from './build-once';
import { testPagesDir } from './paths';
import { screenshotDir } from './screenshots';
import { type StaticServer, serveStatic } from './static-server';

/**
 * For an e2e test file: makes sure the extension is built, serves test/pages on 127.0.0.1
 * for the file's tests (closed afterwards, and the screenshot folder printed), and returns
 * the URL of a test page.
 */
export function useTestPages(): (path: string) => string {
  let server: StaticServer | undefined;
  beforeAll(async () => {
    buildOnce();
    server = await serveStatic(testPagesDir);
  });
  afterAll(async () => {
    await server?.close();
    console.log(`Screenshots: ${screenshotDir()}`);
  });
  return (path: string) => {
    if (!server) throw new Error('the test page server did not start');
    return `${server.origin}/${path}`;
  };
}
