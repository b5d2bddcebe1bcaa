import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { formatAxeViolations, seriousAxeViolations } from './support/axe';
import { readHighlightCounts, readHighlightRule } from './support/content-checks';
import { type ExtensionSession, inEachBrowser } from './support/extension-session';
import type { PageDriver } from './support/page-driver';
import { pollUntil } from './support/poll';
import { expectedDefaults, type StoredSettings, storedSettings } from './support/stored-settings';
import { useTestPages } from './support/test-pages';
import type { UiPage } from './support/ui-page';

/**
 * The options page in real browsers: a setting changed with its control reaches an open tab
 * without a reload, corrupt stored settings are repaired to defaults key by key, site lists
 * are validated line by line, a bad import file changes nothing, and reset restores the
 * defaults. Screenshots in light and dark, and axe-core finds nothing serious.
 */

const pageUrl = useTestPages();
const demoUrl = () => pageUrl('demo.html');

/** What the corrupt-settings test writes: every one of these keys is malformed. */
const corruptSettings = {
  enabled: 'yes',
  hoverDelayMs: -5,
  kinds: 'x',
  highlightColor: 'red',
  neverSites: 42,
};

/** The same scenario in each browser. */
function optionsScenario(newSession: () => Promise<ExtensionSession>): void {
  let session: ExtensionSession;
  let demo: PageDriver;
  const opened: UiPage[] = [];

  beforeAll(async () => {
    session = await newSession();
    await session.replaceSync({});
    demo = await session.contentTab();
    await demo.goto(demoUrl());
    await demo.waitForScan('the content script to paint the demo page', 30_000);
  });
  afterEach(async () => {
    for (const page of opened.splice(0)) await page.close().catch(() => {});
    await session.replaceSync({});
  });
  afterAll(async () => {
    await session?.close();
  });

  /** Opens options.html once its stored values are on screen. */
  async function openOptions(): Promise<UiPage> {
    const options = await session.openUi('options.html');
    opened.push(options);
    await options.waitFor(
      () => document.body.dataset.ready === 'true',
      'the options page to load',
      undefined,
      30_000,
    );
    return options;
  }

  /** The settings item in `storage.sync` (undefined when none is stored). */
  async function storedItem(): Promise<StoredSettings | undefined> {
    return (await session.readSync()).settings as StoredSettings | undefined;
  }

  /** Waits until the stored settings satisfy `check`. */
  function storedWhere(check: (settings: StoredSettings) => boolean, what: string): Promise<StoredSettings> {
    return pollUntil(
      async () => {
        const settings = await storedItem();
        return settings && check(settings) ? settings : undefined;
      },
      { timeoutMs: 15_000, description: `storage.sync to hold ${what}` },
    );
  }

  /** Waits for the demo tab's highlight counts to satisfy `check`, and returns them. */
  function demoCountsWhere(
    check: (counts: Record<string, number>) => boolean,
    what: string,
  ): Promise<Record<string, number>> {
    return pollUntil(
      async () => {
        const counts = await demo.evaluate(readHighlightCounts);
        return check(counts) ? counts : undefined;
      },
      { timeoutMs: 10_000, description: `the demo tab to show ${what}` },
    );
  }

  const allMarked = (counts: Record<string, number>) => Object.values(counts).every((count) => count > 0);

  test('a setting changed on the page reaches the open demo tab without a reload', async () => {
    const before = await demoCountsWhere(allMarked, 'marks of every kind');
    await demo.evaluate(() => {
      (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
    });
    const options = await openOptions();

    // People off: their marks go, the rest stay.
    expect(
      await options.evaluate(() => (document.querySelector('#kinds-person') as HTMLInputElement).checked),
    ).toBe(true);
    // "Saved" shows for a moment only: record every status the page announces.
    await options.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __statusSeen: string[] }).__statusSeen = seen;
      const status = document.querySelector('#status');
      if (status)
        new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, {
          childList: true,
          characterData: true,
          subtree: true,
        });
    });
    await options.click('#kinds-person');
    await storedWhere((settings) => settings.kinds.person === false, 'kinds.person false');
    await options.waitFor(
      () => (window as unknown as { __statusSeen: string[] }).__statusSeen.includes('Saved'),
      'the page to announce "Saved"',
    );
    const withoutPeople = await demoCountsWhere(
      (counts) => counts.person === 0 && (counts.organization ?? 0) > 0,
      'no person marks',
    );
    expect(withoutPeople.organization).toBe(before.organization);
    expect(withoutPeople.place).toBe(before.place);
    await options.click('#kinds-person');
    await demoCountsWhere((counts) => counts.person === before.person, 'person marks again');

    // Style "none": marks stay (cards still open) but are painted without any decoration.
    expect(await demo.evaluate(readHighlightRule, 'person')).toMatch(/underline/);
    await options.click('#highlightStyle-none');
    await storedWhere((settings) => settings.highlightStyle === 'none', 'highlightStyle none');
    await pollUntil(
      async () => {
        const rule = await demo.evaluate(readHighlightRule, 'person');
        return rule !== null && !/text-decoration|background/.test(rule);
      },
      { timeoutMs: 10_000, description: 'the person marks to lose their underline' },
    );
    expect(await demo.evaluate(readHighlightCounts)).toEqual(before);
    await options.click('#highlightStyle-underline');
    await pollUntil(async () => /underline/.test((await demo.evaluate(readHighlightRule, 'person')) ?? ''), {
      timeoutMs: 10_000,
      description: 'the underline to come back',
    });

    // Off: every mark goes; on again: every mark is back.
    await options.click('#enabled');
    await storedWhere((settings) => settings.enabled === false, 'enabled false');
    await demoCountsWhere((counts) => Object.values(counts).every((count) => count === 0), 'no marks at all');
    await options.click('#enabled');
    expect(await demoCountsWhere(allMarked, 'every mark again')).toEqual(before);

    expect(
      await demo.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
    ).toBe(true);
  });

  test('corrupt stored settings are repaired to the defaults, and the page is still marked', async () => {
    await session.replaceSync(storedSettings(corruptSettings));
    // The open tab reads the corrupt item through validation: it keeps marking.
    await demoCountsWhere(allMarked, 'marks of every kind despite the corrupt settings');

    const options = await openOptions();
    const shown = await options.evaluate(() => {
      const input = (id: string) => document.querySelector(`#${id}`) as HTMLInputElement;
      return {
        enabled: input('enabled').checked,
        hoverDelayMs: input('hoverDelayMs').value,
        kinds: ['person', 'organization', 'place', 'event'].map((kind) => input(`kinds-${kind}`).checked),
        highlightColor: input('highlightColor').value,
        neverSites: (document.querySelector('#neverSites') as HTMLTextAreaElement).value,
      };
    });
    expect(shown).toEqual({
      enabled: true,
      hoverDelayMs: '400',
      kinds: [true, true, true, true],
      highlightColor: '#d97706',
      neverSites: '',
    });

    // Opening a page that reads the settings writes the repaired value back.
    const repaired = await storedWhere((settings) => settings.enabled === true, 'the repaired settings');
    expect(repaired).toEqual(expectedDefaults);
    expect((await session.readSync()).settings$).toEqual({ v: 2 });

    // A fresh load of the page is marked too.
    await demo.goto(demoUrl());
    await demo.waitForScan('the content script to paint the reloaded demo page', 30_000);
    await demoCountsWhere(allMarked, 'marks of every kind after a reload');
  });

  test('a site list names the bad line and saves only the valid ones', async () => {
    const options = await openOptions();
    await options.type('#neverSites', 'example.org\nnews.example/world');
    await options.press('Tab');
    const errors = await options.waitFor(() => {
      const list = document.querySelector<HTMLElement>('#neverSites-errors');
      const items = Array.from(list?.querySelectorAll('li') ?? []).map((item) => item.textContent ?? '');
      return list && !list.hidden && items.length > 0 ? items : null;
    }, 'the error under the never-run list');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/\b2\b/);
    expect(errors[0]).toContain('news.example/world');
    expect(
      await options.evaluate(() => document.querySelector('#neverSites')?.getAttribute('aria-invalid')),
    ).toBe('true');
    const saved = await storedWhere((settings) => settings.neverSites.length > 0, 'the valid pattern');
    expect(saved.neverSites).toEqual(['example.org']);
    // The bad line stays in the box to be fixed.
    expect(
      await options.evaluate(() => (document.querySelector('#neverSites') as HTMLTextAreaElement).value),
    ).toContain('news.example/world');
  });

  test('importing a file of bad JSON says so and changes nothing; reset restores the defaults', async () => {
    const options = await openOptions();
    await options.click('#theme-dark');
    await options.click('#trigger-click');
    await options.click('#kinds-place');
    const changed = await storedWhere(
      (settings) =>
        settings.theme === 'dark' && settings.trigger === 'click' && settings.kinds.place === false,
      'the three changes',
    );
    const before = await session.readSync();

    await options.chooseFile('#import-file', 'settings.json', '{ "enabled": false, "theme": ');
    const message = await options.waitFor(() => {
      const box = document.querySelector<HTMLElement>('#data-message[data-kind="error"]');
      return box?.textContent?.trim() || null;
    }, 'the import error');
    expect(message).toMatch(/JSON/);
    expect(await session.readSync()).toEqual(before);
    expect(await options.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(
      await options.evaluate(() => (document.querySelector('#enabled') as HTMLInputElement).checked),
    ).toBe(true);

    await options.click('#reset');
    await options.waitFor(
      () => (document.querySelector('#reset-dialog') as HTMLDialogElement).open,
      'the dialog',
    );
    await options.click('#reset-confirm');
    await storedWhere((settings) => settings.theme === 'system', 'the defaults');
    expect(await storedItem()).toEqual(expectedDefaults);
    expect(changed).not.toEqual(expectedDefaults);
    await options.waitFor(
      () =>
        document.querySelector('#data-message')?.getAttribute('data-kind') === 'ok' &&
        (document.querySelector('#theme-system') as HTMLInputElement).checked &&
        (document.querySelector('#trigger-hover') as HTMLInputElement).checked &&
        (document.querySelector('#kinds-place') as HTMLInputElement).checked,
      'the page to show the defaults',
    );
  });

  test.each(['light', 'dark'] as const)(
    'in the %s theme: a screenshot, and no serious accessibility violations',
    async (theme) => {
      await session.replaceSync(
        storedSettings({ ...expectedDefaults, theme: theme === 'light' ? 'dark' : 'light' }),
      );
      const options = await openOptions();
      await options.click(`#theme-${theme}`);
      await options.waitFor(
        (wanted) => document.documentElement.dataset.theme === wanted,
        `the page in the ${theme} theme`,
        theme,
      );
      await storedWhere((settings) => settings.theme === theme, `theme ${theme}`);
      await options.evaluate(() => window.scrollTo(0, 0));
      await options.screenshot(`${session.browser}-options-${theme}`);
      const violations = await seriousAxeViolations(options);
      const report = formatAxeViolations(`${session.browser} options page, ${theme}`, violations);
      if (violations.length > 0) console.log(report);
      expect(violations, report).toEqual([]);
    },
  );
}

inEachBrowser(optionsScenario);
