import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromeBuildDir, firefoxBuildDir, repoRoot } from './paths';

/**
 * Makes sure both unpacked builds exist before browsers load them: when either manifest is
 * missing, runs `npm run build` once. With SOURCELIGHT_SKIP_BUILD set (the test command has
 * just built) it never builds and fails clearly if a build is missing. An existing build is
 * used as it is: run `npm run build` after changing the extension.
 */
export function buildOnce(): void {
  if (buildsExist()) return;
  if (process.env.SOURCELIGHT_SKIP_BUILD) {
    throw new Error(
      `SOURCELIGHT_SKIP_BUILD is set but the extension is not built (${missingBuilds().join(', ')}); ` +
        'run `npm run build` first.',
    );
  }
  const result = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0 || !buildsExist()) {
    throw new Error(`\`npm run build\` failed (exit ${result.status ?? result.signal}).`);
  }
}

function missingBuilds(): string[] {
  return [chromeBuildDir, firefoxBuildDir].filter((dir) => !existsSync(join(dir, 'manifest.json')));
}

function buildsExist(): boolean {
  return missingBuilds().length === 0;
}
