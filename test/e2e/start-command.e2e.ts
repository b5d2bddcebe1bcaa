import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildOnce } from './support/build-once';
import { fromRoot, repoRoot } from './support/paths';
import { requireBrowser } from './support/require-browser';

/** The README's first command: `npm start` opens the demo page with the extension loaded. */
describe('npm start', () => {
  if (!requireBrowser('chromium')) return;
  test('without a display, runs Chromium headless on the demo page, saves a screenshot and exits 0', () => {
    buildOnce();
    const screenshot = fromRoot('test-results', 'start', 'demo.png');
    rmSync(screenshot, { force: true });
    const env: NodeJS.ProcessEnv = { ...process.env, SOURCELIGHT_SKIP_BUILD: '1' };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: repoRoot,
      env,
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Chromium ran headless');
    expect(existsSync(screenshot)).toBe(true);
    expect(statSync(screenshot).size).toBeGreaterThan(10_000);
  });
});
