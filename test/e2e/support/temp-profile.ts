import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Creates an empty browser profile folder in the system temp dir, so every launch starts
 * clean and leaves nothing behind once {@link removeProfile} runs.
 */
export function createTempProfile(browser: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `sourcelight-${browser}-profile-`));
}

/** Deletes a profile folder made by {@link createTempProfile}; retries while the browser lets go of files. */
export async function removeProfile(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}
