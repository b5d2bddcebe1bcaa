/**
 * Per-outlet profiles: how each site's saved pages are recognised and laid out. The import
 * rules are general; a profile only says what differs between sites: which lines open the
 * page (section kicker, dateline, headline, standfirst, byline), which lines identify the
 * site, and what a lone title-like line in the body is on that site.
 */
import type { ArticleChunk } from './split-articles';

/** A header line in the order the site prints them. */
export type HeaderSlot = 'section' | 'dateline' | 'headline' | 'standfirst' | 'byline';

/** What a site is and how its saved pages read. */
export interface OutletProfile {
  /** The outlet's name as the corpus records it. */
  outlet: string;
  /** Host names (and their subdomains) of the site's article URLs. */
  hosts: string[];
  /** Lines that identify the site on a page saved without a URL (mastheads, banners, repost lines). */
  signatures: RegExp[];
  /** Header lines after the URL, in order; site chrome between them is skipped. */
  header: HeaderSlot[];
  /**
   * What a lone title-like line in the body is: a subhead (`heading`), or a link to another
   * story (`related-link`) on sites whose news stories carry no subheads and whose saved
   * text keeps the inline "related story" titles.
   */
  bodyTitle: 'heading' | 'related-link';
  /** Notes every article of this profile gets (e.g. which section of the site it is). */
  notes?: string[];
}

/** The profiles known to the importer; add one to import a new site. */
export const OUTLET_PROFILES: OutletProfile[] = [
  {
    outlet: 'The Washington Post',
    hosts: ['washingtonpost.com'],
    signatures: [/^The Washington PostDemocracy Dies in Darkness$/],
    header: ['headline'],
    // Story links ("Venezuela’s military, despite U.S. expectations, …") sit between paragraphs.
    bodyTitle: 'related-link',
  },
  {
    outlet: 'Slate',
    hosts: ['slate.com'],
    signatures: [/^The Slatest$/],
    header: ['headline'],
    bodyTitle: 'heading',
    notes: ['The saved page is headed “The Slatest”, Slate’s news blog.'],
  },
  {
    outlet: 'NBC News',
    hosts: ['nbcnews.com'],
    // NBC News's site banner for old browsers.
    signatures: [/^IE 11 is not supported\. For an optimal experience visit our site on another browser\.$/],
    header: ['headline', 'standfirst'],
    bodyTitle: 'heading',
  },
  {
    outlet: 'PanAm Post',
    hosts: ['panampost.com'],
    signatures: [/^This post was originally posted on PanAm Post\b/],
    header: ['headline'],
    bodyTitle: 'heading',
  },
  {
    outlet: 'Reuters',
    hosts: ['reuters.com'],
    signatures: [/^Our Standards:The Thomson Reuters Trust Principles\.$/],
    header: ['section', 'dateline', 'headline', 'byline'],
    // Reuters news stories have no subheads; a lone title is a related-story link.
    bodyTitle: 'related-link',
  },
  {
    outlet: 'The Guardian',
    hosts: ['theguardian.com'],
    signatures: [],
    header: ['section', 'headline', 'standfirst', 'byline', 'dateline'],
    bodyTitle: 'heading',
  },
  {
    outlet: 'Vox',
    hosts: ['vox.com'],
    signatures: [],
    header: ['headline', 'standfirst', 'byline'],
    bodyTitle: 'heading',
  },
];

/** The profile whose host matches a URL (the URL may be cut short with "..." in its path). */
function profileForUrl(url: string, profiles: OutletProfile[]): OutletProfile | undefined {
  const host = /^https?:\/\/([^/]+)/.exec(url)?.[1]?.toLowerCase();
  if (!host) return undefined;
  return profiles.find((p) => p.hosts.some((h) => host === h || host.endsWith(`.${h}`)));
}

/**
 * Finds the site a chunk was saved from: by its URL's host, else by a signature line.
 * Returns undefined when neither tells, so the caller can report it rather than guess.
 */
export function detectProfile(
  chunk: Pick<ArticleChunk, 'url' | 'lines'>,
  profiles: OutletProfile[] = OUTLET_PROFILES,
): OutletProfile | undefined {
  if (chunk.url) {
    const byUrl = profileForUrl(chunk.url, profiles);
    if (byUrl) return byUrl;
  }
  return profiles.find((p) => chunk.lines.some((line) => p.signatures.some((s) => s.test(line.text))));
}

/** True when a line is one of the profile's signature lines (site chrome, never content). */
export function isSignatureLine(text: string, profile: OutletProfile): boolean {
  return profile.signatures.some((s) => s.test(text));
}
