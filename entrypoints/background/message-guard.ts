/**
 * The background's door check: every message must come from this extension, from the kind of
 * sender that is allowed to send it (a tab's content script, or one of our own pages), and
 * carry data of the expected shape. Anything else is refused with a reason to log.
 */
import { z } from 'zod';
import type { BackgroundProtocol } from '@/src/shared/protocol';

/** Who may send a message: a content script in a tab, an extension page, or either. */
export type MessageOrigin = 'tab' | 'page' | 'either';

/** Message names the background answers. */
export type BackgroundMessage = keyof BackgroundProtocol;

/** Who may send each message. */
export const MESSAGE_ORIGINS: Readonly<Record<BackgroundMessage, MessageOrigin>> = {
  findPassages: 'either',
  searchCorpus: 'page',
  corpusOverview: 'page',
  reportPageState: 'tab',
  getPageState: 'page',
  openSearch: 'tab',
};

const ENTITY_TYPES = ['person', 'organization', 'country', 'place'] as const;
const id = z.string().min(1).max(200);
const isoDate = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/);

/**
 * Longest page URL a content script may report: Chromium's own limit (2 MiB; Firefox
 * allows 1 MiB). The background keeps only a bounded form of it (page-state-store.ts).
 */
export const MAX_REPORTED_URL_LENGTH = 2 * 1024 * 1024;

/** The shape of a page state as kept in storage (its URL already bounded). */
export const pageStateSchema = z.object({
  url: z.string().max(8192),
  onTopic: z.boolean(),
  marking: z.boolean(),
  entities: z
    .array(
      z.object({ id, name: z.string().max(500), type: z.enum(ENTITY_TYPES), count: z.number().int().min(0) }),
    )
    .max(2000),
  events: z.array(z.object({ id, name: z.string().max(500), count: z.number().int().min(0) })).max(2000),
});

/** A page state as a content script reports it: the same, with the page's URL of any real length. */
export const reportedPageStateSchema = pageStateSchema.extend({
  url: z.string().max(MAX_REPORTED_URL_LENGTH),
});

/** The data each message must carry. */
export const MESSAGE_SCHEMAS: {
  readonly [K in BackgroundMessage]: z.ZodType<Parameters<BackgroundProtocol[K]>[0]>;
} = {
  findPassages: z.object({
    kind: z.enum(['entity', 'event']),
    id,
    context: z.string().max(20_000),
    limit: z.number().int().min(1).max(20),
  }),
  searchCorpus: z.object({
    query: z.string().max(500),
    filters: z
      .object({
        outlets: z.array(z.string().max(200)).max(100).optional(),
        entityIds: z.array(id).max(100).optional(),
        entityTypes: z.array(z.enum(ENTITY_TYPES)).max(4).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
      })
      .optional(),
    limit: z.number().int().min(1).max(100).optional(),
  }),
  corpusOverview: z.union([z.undefined(), z.null()]).transform(() => undefined),
  reportPageState: reportedPageStateSchema,
  getPageState: z.object({ tabId: z.number().int().min(0) }),
  openSearch: z.object({ query: z.string().max(500) }),
};

/** What the guard needs to know about this extension. */
export interface ExtensionIdentity {
  id: string;
  /** `browser.runtime.getURL('/')`: every page of this extension starts with it. */
  baseUrl: string;
}

/** The parts of `runtime.MessageSender` the guard reads. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** Why a sender may not send a message, or null when it may. */
export function senderProblem(
  message: BackgroundMessage,
  sender: SenderInfo | undefined,
  self: ExtensionIdentity,
): string | null {
  if (!sender || sender.id !== self.id) return 'not sent by this extension';
  const fromPage = typeof sender.url === 'string' && sender.url.startsWith(self.baseUrl);
  const fromTab = !fromPage && typeof sender.tab?.id === 'number' && sender.tab.id >= 0;
  const origin = MESSAGE_ORIGINS[message];
  if (origin === 'tab' && !fromTab) return 'not sent by a content script in a tab';
  if (origin === 'page' && !fromPage) return 'not sent by an extension page';
  if (origin === 'either' && !fromTab && !fromPage) return 'not sent by a tab or an extension page';
  return null;
}

/** A message that passed the guard, or why it did not. */
export type GuardResult<K extends BackgroundMessage> =
  | { ok: true; data: Parameters<BackgroundProtocol[K]>[0] }
  | { ok: false; reason: string };

/** Checks a message's sender and data; the data comes back parsed (unknown keys stripped). */
export function guardMessage<K extends BackgroundMessage>(
  message: K,
  data: unknown,
  sender: SenderInfo | undefined,
  self: ExtensionIdentity,
): GuardResult<K> {
  const problem = senderProblem(message, sender, self);
  if (problem) return { ok: false, reason: problem };
  const parsed = MESSAGE_SCHEMAS[message].safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      reason: `bad data${issue ? ` at ${issue.path.join('.') || '(root)'}: ${issue.message}` : ''}`,
    };
  }
  return { ok: true, data: parsed.data };
}
