/**
 * The "Pause Sourcelight on this site" switch as data: which hostname a tab is on, whether
 * the paused list covers it, and the list with it paused or resumed. Matching is the
 * settings module's own (a paused host covers its subdomains), so the switch shows exactly
 * what the content script will do.
 */
import { hostListMatches } from '@/src/shared/site-patterns';

/**
 * The hostname of a web page's URL, lower-cased; null for anything Sourcelight cannot run on
 * or pause (browser pages, `file:`, extension pages, malformed URLs).
 */
export function pausableHostname(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return parsed.hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}

/** Whether the paused list covers `hostname` (the host itself or a parent domain of it). */
export function isSitePaused(pausedSites: readonly string[], hostname: string): boolean {
  return hostListMatches(pausedSites, `https://${hostname}/`);
}

/**
 * The paused list with `hostname` paused or resumed; other entries keep their order.
 * Pausing adds the hostname unless the list already covers it. Resuming removes every entry
 * that covers it (a paused parent domain too), since otherwise the switch would not turn off.
 */
export function withSitePaused(pausedSites: readonly string[], hostname: string, paused: boolean): string[] {
  const host = hostname.toLowerCase();
  if (paused) return isSitePaused(pausedSites, host) ? [...pausedSites] : [...pausedSites, host];
  return pausedSites.filter((site) => !isSitePaused([site], host));
}
