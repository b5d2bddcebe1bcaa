/** What both schema start-up variants share: the sample input and the timing report. */

/** Valid settings, as a content script reads them from storage. */
export const sampleSettings = {
  enabled: true,
  markMode: 'topical',
  neverSites: ['example.org'],
  alwaysSites: [],
  kinds: { person: true, organization: true, place: true, event: true },
  trigger: 'hover',
  hoverDelayMs: 400,
  passagesPerCard: 3,
  highlightStyle: 'underline',
  highlightColor: '#1a73e8',
  theme: 'system',
  badge: true,
  pausedSites: [],
};

/**
 * Times a schema library from cold: `load` evaluates its module (bundled inline, run on
 * first import), `work` builds the schema and validates `sampleSettings`. Prints one JSON
 * line with both times in milliseconds.
 */
export async function timed<L>(load: () => Promise<L>, work: (library: L) => boolean): Promise<void> {
  const started = performance.now();
  const library = await load();
  const loaded = performance.now();
  const valid = work(library);
  const done = performance.now();
  process.stdout.write(`${JSON.stringify({ loadMs: loaded - started, schemaMs: done - loaded, valid })}\n`);
}
