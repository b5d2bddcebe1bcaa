import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromeBuildDir, firefoxBuildDir, repoRoot } from './paths';

/** What the builds are made from: a file here newer than a build's manifest makes it stale. */
const SOURCES = ['entrypoints', 'src', 'public', 'corpus', 'wxt.config.ts', 'package.json'];

/**
 * Makes sure both unpacked builds exist and are current before browsers load them: when
 * either manifest is missing, or any source (SOURCES) is newer than it, runs `npm run build`
 * once, so an e2e run never tests a stale build. With SOURCELIGHT_SKIP_BUILD set (the test
 * command has just built) it never builds and fails clearly if a build is missing.
 */
export function buildOnce(): void {
  if (buildsExist() && (process.env.SOURCELIGHT_SKIP_BUILD || !buildsStale())) return;
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

/** Whether a source file is newer than the older of the two builds. */
function buildsStale(): boolean {
  const built = Math.min(
    ...[chromeBuildDir, firefoxBuildDir].map((dir) => statSync(join(dir, 'manifest.json')).mtimeMs),
  );
  return SOURCES.some((source) => newestMtime(join(repoRoot, source)) > built);
}

/** The newest modification time of a file, or of any file under a folder (0 when missing). */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}
