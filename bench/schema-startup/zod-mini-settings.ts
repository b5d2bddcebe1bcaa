/**
 * The same settings schema written with zod/mini (what src/shared/settings.ts used before),
 * timed from a cold start: import, schema construction, one validation. Bundled and run
 * alone by bench/schema-startup.bench.ts.
 */
import { sampleSettings, timed } from './shared';

await timed(
  async () => (await import('zod/mini')).z,
  (z) => {
    const siteList = z.array(z.string().check(z.trim(), z.minLength(1))).check(z.maxLength(100));
    const whole = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));
    const schema = z.strictObject({
      enabled: z.boolean(),
      markMode: z.enum(['topical', 'everywhere', 'keyboard']),
      neverSites: siteList,
      alwaysSites: siteList,
      kinds: z.strictObject({
        person: z.boolean(),
        organization: z.boolean(),
        place: z.boolean(),
        event: z.boolean(),
      }),
      trigger: z.enum(['hover', 'click']),
      hoverDelayMs: whole(150, 2000),
      passagesPerCard: whole(1, 8),
      highlightStyle: z.enum(['underline', 'background', 'none']),
      highlightColor: z.string().check(z.regex(/^#[0-9a-f]{6}$/i), z.toLowerCase()),
      theme: z.enum(['system', 'light', 'dark']),
      badge: z.boolean(),
      pausedSites: z.array(z.string()).check(z.maxLength(100)),
    });
    return schema.safeParse(sampleSettings).success;
  },
);
