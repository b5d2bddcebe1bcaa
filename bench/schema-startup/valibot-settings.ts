/**
 * The settings schema's shape written with valibot, as src/shared/settings.ts has it, timed
 * from a cold start: import, schema construction, one validation. Bundled and run alone by
 * bench/schema-startup.bench.ts.
 */
import { sampleSettings, timed } from './shared';

await timed(
  () => import('valibot'),
  (v) => {
    const siteList = v.pipe(v.array(v.pipe(v.string(), v.trim(), v.minLength(1))), v.maxLength(100));
    const whole = (min: number, max: number) =>
      v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
    const schema = v.strictObject({
      enabled: v.boolean(),
      markMode: v.picklist(['topical', 'everywhere', 'keyboard']),
      neverSites: siteList,
      alwaysSites: siteList,
      kinds: v.strictObject({
        person: v.boolean(),
        organization: v.boolean(),
        place: v.boolean(),
        event: v.boolean(),
      }),
      trigger: v.picklist(['hover', 'click']),
      hoverDelayMs: whole(150, 2000),
      passagesPerCard: whole(1, 8),
      highlightStyle: v.picklist(['underline', 'background', 'none']),
      highlightColor: v.pipe(v.string(), v.regex(/^#[0-9a-f]{6}$/i), v.toLowerCase()),
      theme: v.picklist(['system', 'light', 'dark']),
      badge: v.boolean(),
      pausedSites: v.pipe(v.array(v.string()), v.maxLength(100)),
    });
    return v.safeParse(schema, sampleSettings).success;
  },
);
