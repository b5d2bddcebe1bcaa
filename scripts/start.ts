/**
 * `npm start`: builds the extension, serves test/pages on 127.0.0.1 and opens the demo page in
 * Debian's Chromium with the extension loaded. With a display (DISPLAY or WAYLAND_DISPLAY) the
 * browser window stays open until it is closed or Ctrl-C; without one, Chromium runs headless,
 * a screenshot of the demo page is saved to test-results/start/demo.png, and the script exits.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { type ChromiumWithExtension, launchChromiumWithExtension } from '../test/e2e/support/chromium';
import { fromRoot, repoRoot, testPagesDir } from '../test/e2e/support/paths';
import { waitForScanReport } from '../test/e2e/support/scan-report';
import { type StaticServer, serveStatic } from '../test/e2e/support/static-server';

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

/** Runs `npm run build` with its output on the console; resolves with its exit code. */
function build(): Promise<number> {
  return new Promise((done) => {
    const child = spawn('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
    child.on('error', () => done(127));
    child.on('close', (code) => done(code ?? 1));
  });
}

/** Resolves when the user closes the browser or presses Ctrl-C (or the process is told to stop). */
function untilClosedOrInterrupted(chrome: ChromiumWithExtension): Promise<string> {
  return new Promise((done) => {
    chrome.context.once('close', () => done('the browser was closed'));
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.once(signal, () => done(`${signal} received`));
    }
  });
}

async function main(): Promise<number> {
  // The end-to-end test of this command builds once for all tests and skips it here.
  const built = process.env.SOURCELIGHT_SKIP_BUILD ? 0 : await build();
  if (built !== 0) {
    console.error(`npm run build failed (exit ${built}); not starting the browser.`);
    return built;
  }

  let server: StaticServer | undefined;
  let chrome: ChromiumWithExtension | undefined;
  try {
    server = await serveStatic(testPagesDir);
    const demoUrl = `${server.origin}/demo.html`;
    chrome = await launchChromiumWithExtension({ headless: !hasDisplay, handleSignals: false });
    const page = chrome.context.pages()[0] ?? (await chrome.context.newPage());
    await page.goto(demoUrl, { waitUntil: 'load', timeout: 60_000 });
    const { worker } = chrome;
    await waitForScanReport(
      (check, url) => worker.evaluate(check, url),
      demoUrl,
      'the Sourcelight content script to run on the demo page',
    );

    if (hasDisplay) {
      console.log(`Sourcelight is running in Chromium on ${demoUrl}`);
      console.log('Close the browser window or press Ctrl-C to stop.');
      const reason = await untilClosedOrInterrupted(chrome);
      console.log(`Stopping: ${reason}.`);
    } else {
      const outDir = fromRoot('test-results', 'start');
      mkdirSync(outDir, { recursive: true });
      const file = `${outDir}/demo.png`;
      await page.screenshot({ path: file, fullPage: true });
      console.log(`No display found, so Chromium ran headless. Screenshot of the demo page: ${file}`);
      console.log('To see it live, run `npm start` in a desktop session (DISPLAY or WAYLAND_DISPLAY set).');
    }
    return 0;
  } finally {
    await chrome?.close();
    await server?.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
