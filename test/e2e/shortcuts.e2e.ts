import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildOnce } from './support/build-once';
import { type ExtensionSession, inEachBrowser } from './support/extension-session';

/**
 * The keyboard path works from a fresh install: every command Sourcelight declares has a
 * shortcut the browser actually assigned, as `commands.getAll()` reports it (headless browsers
 * cannot press command shortcuts, but they say which keys they gave). Chromium silently leaves
 * a suggested key it refuses unassigned; Firefox MV2 opens the toolbar popup with
 * `_execute_browser_action`, not `_execute_action`.
 */
interface Command {
  name?: string;
  shortcut?: string;
}

/** Runs in an extension context: the commands and their assigned shortcuts. */
function assignedCommands(): Promise<Command[]> {
  const scope = globalThis as unknown as {
    browser?: { commands: { getAll(): Promise<Command[]> } };
    chrome?: { commands: { getAll(): Promise<Command[]> } };
  };
  const api = scope.browser ?? scope.chrome;
  if (!api) throw new Error('no extension API here');
  return api.commands.getAll();
}

inEachBrowser((openSession) => {
  let session: ExtensionSession;
  beforeAll(async () => {
    buildOnce();
    session = await openSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  test('every command has a shortcut the browser assigned, and the popup command is the right one', async () => {
    const commands = await session.inExtension(assignedCommands);
    const byName = new Map(commands.map((command) => [command.name ?? '', command.shortcut ?? '']));
    const popupCommand = session.browser === 'firefox' ? '_execute_browser_action' : '_execute_action';
    expect([...byName.keys()].sort()).toEqual([popupCommand, 'next-mention', 'previous-mention'].sort());
    for (const [name, shortcut] of byName) {
      expect(shortcut, `${name} in ${session.browser}`).toMatch(/^Alt\+Shift\+[A-Z]$/);
    }
  });
});
