import type { Alias, EntityType, EventRule } from './corpus-types';
import { foldPhrase } from './fold';
import { pageVerdict } from './page-verdict';
import { aliasMatcherOf, cueMatcherOf } from './recognizer-tries';
import type {
  EntityMention,
  EventMention,
  PageRecognition,
  RecognizerData,
  TextBlock,
} from './recognizer-types';
import {
  aliasTokensOf,
  honoursCapitals,
  inAllCapsRun,
  isTitleCase,
  neighbourWords,
  precededByOtherName,
} from './sense-checks';
import { sentenceSpans } from './sentences';
import type { TermHit, TermMatcher } from './term-matcher';

/**
 * Recognises the catalog's entities and events in page text: the one recognition used by
 * the corpus build (to tag passages), the content script (to mark pages) and `npm run scan`.
 */
export interface Recognizer {
  /** Recognises a page given as its blocks of visible text. */
  recognize(blocks: readonly TextBlock[]): PageRecognition;
}

interface AliasRef {
  entity: number;
  alias: Alias;
  /** The alias's words in their original case, for the capitals check. */
  words: string[];
  /** A one-word alias of a person that is not the whole name ("Bolton", "Maduro"). */
  surnameOnly: boolean;
}

interface CompiledRule {
  who: Set<number>;
  what: Set<number>;
  whereOrWhen: Set<number> | null;
  window: EventRule['window'];
}

interface Candidate {
  block: number;
  start: number;
  end: number;
  refs: AliasRef[];
}

/** Short all-caps aliases ("US", "UN", "EU") that shouting text turns into ordinary words. */
const SHORT_CAPS = /^[\p{Lu}.]{2,4}$/u;

/** Words a block needs to count as prose for the page verdict: lists of names and menus do not. */
const PROSE_MIN_WORDS = 8;

/** Whether a block is main-text prose, where the verdict looks for the story. */
function isProse(block: TextBlock | undefined): boolean {
  if (!block?.main) return false;
  // Count words by the spaces between them: cheap, and enough to tell prose from a menu item.
  const text = block.text;
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 0x20;
    if (!space && !inWord && ++words >= PROSE_MIN_WORDS) return true;
    inWord = !space;
  }
  return false;
}

/** What evidence and events need: the cue matcher and the rules in its term numbers. */
interface CueSide {
  matcher: TermMatcher;
  /** Per entity, the cue terms that vouch for its ambiguous aliases. */
  contextCues: Array<Set<number>>;
  eventRules: CompiledRule[][];
  /** For each trigger word, the events whose rules it can fire. */
  eventsByTrigger: Map<number, number[]>;
}

/** Builds the cue side of a recognizer: only pages that name an entity ever need it. */
function buildCueSide(data: RecognizerData, entityIndex: ReadonlyMap<string, number>): CueSide {
  const { matcher, contextCues, ruleCues } = cueMatcherOf(data);
  const eventRules = data.events.map((event, eventIndex) =>
    event.rules.map((rule, ruleIndex): CompiledRule => {
      const cues = ruleCues[eventIndex]?.[ruleIndex];
      return {
        who: new Set(rule.who.map((id) => entityIndex.get(id)).filter((i): i is number => i !== undefined)),
        what: new Set(cues?.what),
        whereOrWhen: cues?.whereOrWhen ? new Set(cues.whereOrWhen) : null,
        window: rule.window,
      };
    }),
  );
  const eventsByTrigger = new Map<number, number[]>();
  eventRules.forEach((rules, eventIndex) => {
    for (const rule of rules) {
      for (const term of rule.what) {
        const list = eventsByTrigger.get(term) ?? [];
        if (!list.includes(eventIndex)) list.push(eventIndex);
        eventsByTrigger.set(term, list);
      }
    }
  });
  return { matcher, contextCues: contextCues.map((terms) => new Set(terms)), eventRules, eventsByTrigger };
}

/**
 * Compiles the recognizer's data; recognising a page is then one pass per block. Set-up runs
 * in every fresh tab, so it does only what every page needs: the alias matcher (from the
 * shipped trie). An alias's words, an entity's false friends and the whole cue side (context
 * words, event rules) are made on first use; most pages name no entity and never need them.
 */
export function createRecognizer(data: RecognizerData): Recognizer {
  const aliasEntities: number[] = [];
  const aliases: Alias[] = [];
  data.entities.forEach((entity, index) => {
    for (const alias of entity.aliases) {
      aliasEntities.push(index);
      aliases.push(alias);
    }
  });
  const aliasMatcher = aliasMatcherOf(data);
  const aliasRefs: Array<AliasRef | undefined> = [];
  const refOf = (term: number): AliasRef => {
    let ref = aliasRefs[term];
    if (!ref) {
      const alias = aliases[term] as Alias;
      const entity = data.entities[aliasEntities[term] as number] as RecognizerData['entities'][number];
      const words = aliasTokensOf(alias.text);
      ref = {
        entity: aliasEntities[term] as number,
        alias,
        words,
        surnameOnly: entity.type === 'person' && words.length === 1 && alias.text !== entity.name,
      };
      aliasRefs[term] = ref;
    }
    return ref;
  };
  const falseFriendSets: Array<Set<string> | undefined> = [];
  const falseFriendsOf = (entity: number): Set<string> => {
    let set = falseFriendSets[entity];
    if (!set) {
      set = new Set((data.entities[entity]?.falseFriends ?? []).map(foldPhrase));
      falseFriendSets[entity] = set;
    }
    return set;
  };
  const ownWordSets: Array<Set<string> | undefined> = [];
  /** The folded words of an entity's aliases ("nicolas", "maduro", "moros", ...). */
  const ownWordsOf = (entity: number): Set<string> => {
    let set = ownWordSets[entity];
    if (!set) {
      set = new Set(
        (data.entities[entity]?.aliases ?? []).flatMap((alias) => foldPhrase(alias.text).split(' ')),
      );
      ownWordSets[entity] = set;
    }
    return set;
  };
  const entityIndex = new Map(data.entities.map((entity, index) => [entity.id, index]));
  let cueSide: CueSide | null = null;
  const cuesReady = (): CueSide => {
    cueSide ??= buildCueSide(data, entityIndex);
    return cueSide;
  };
  const core = new Set(data.coreEntityIds.map((id) => entityIndex.get(id)).filter((i) => i !== undefined));

  /**
   * Runs the per-match checks that need the words around the match on the alias matcher's
   * hits [from, to), which all cover the same words; returns the refs that pass. In a Title
   * Case line every word is capitalised, so the given-name check does not apply there.
   */
  const plausibleRefs = (text: string, from: number, to: number, titleCase: () => boolean): AliasRef[] => {
    const tokens = aliasMatcher.tokens;
    const hits = aliasMatcher.hits;
    const firstToken = hits.firstTokens[from] as number;
    const lastToken = hits.lastTokens[from] as number;
    const starts: number[] = [];
    const ends: number[] = [];
    for (let t = firstToken; t <= lastToken; t++) {
      starts.push(tokens.starts[t] as number);
      ends.push(tokens.ends[t] as number);
    }
    let neighbours: string[] | null = null;
    const passing: AliasRef[] = [];
    for (let h = from; h < to; h++) {
      const ref = refOf(hits.terms[h] as number);
      if (!honoursCapitals(ref.alias, ref.words, text, starts, ends)) continue;
      if (SHORT_CAPS.test(ref.alias.text) && inAllCapsRun(tokens, firstToken, lastToken)) continue;
      const friends = falseFriendsOf(ref.entity);
      if (friends.size > 0) {
        neighbours ??= neighbourWords(text, tokens, firstToken, lastToken);
        if (neighbours.some((word) => friends.has(word))) continue;
      }
      if (
        (ref.surnameOnly || ref.alias.ambiguous) &&
        !titleCase() &&
        precededByOtherName(text, tokens, firstToken, ownWordsOf(ref.entity))
      )
        continue;
      passing.push(ref);
    }
    return passing;
  };

  const entityOf = (ref: AliasRef) => data.entities[ref.entity] as RecognizerData['entities'][number];

  return {
    recognize(blocks: readonly TextBlock[]): PageRecognition {
      const accepted: Array<{ block: number; start: number; end: number; ref: AliasRef }> = [];
      const pending: Candidate[] = [];
      blocks.forEach((block, blockIndex) => {
        const count = aliasMatcher.scan(block.text);
        const { starts, ends } = aliasMatcher.hits;
        let titleCase: boolean | null = null;
        const blockIsTitleCase = () => {
          titleCase ??= isTitleCase(aliasMatcher.tokens);
          return titleCase;
        };
        for (let i = 0; i < count; ) {
          // Hits of several aliases on the same words come together; judge them as one group.
          const start = starts[i] as number;
          const end = ends[i] as number;
          let j = i + 1;
          while (j < count && starts[j] === start) j++;
          const refs = plausibleRefs(block.text, i, j, blockIsTitleCase);
          i = j;
          if (refs.length === 0) continue;
          const sure = refs.filter((ref) => !ref.alias.ambiguous);
          const sureEntities = new Set(sure.map((ref) => ref.entity));
          if (sureEntities.size === 1)
            accepted.push({ block: blockIndex, start, end, ref: sure[0] as AliasRef });
          else pending.push({ block: blockIndex, start, end, refs });
        }
      });

      // Evidence for ambiguous aliases: the entity named unambiguously anywhere on the page,
      // its context words in the same block, or the block talking about the story's core.
      const namedOnPage = new Set(accepted.map((m) => m.ref.entity));
      const cueCache = new Map<number, Set<number>>();
      const cuesIn = (block: number): Set<number> => {
        let found = cueCache.get(block);
        if (!found) {
          found = new Set(
            cuesReady()
              .matcher.findAll((blocks[block] as TextBlock).text, true)
              .map((hit) => hit.term),
          );
          cueCache.set(block, found);
        }
        return found;
      };
      const blockEntities = new Map<number, Set<number>>();
      for (const m of accepted) {
        const set = blockEntities.get(m.block) ?? new Set<number>();
        blockEntities.set(m.block, set);
        set.add(m.ref.entity);
      }
      for (const candidate of pending) {
        const nearby = blockEntities.get(candidate.block) ?? new Set<number>();
        const topical = [...nearby].some((e) => core.has(e)) || nearby.size >= 2;
        const chosen =
          candidate.refs.find((ref) => namedOnPage.has(ref.entity)) ??
          candidate.refs.find((ref) =>
            [...(cuesReady().contextCues[ref.entity] ?? [])].some((c) => cuesIn(candidate.block).has(c)),
          ) ??
          (topical && new Set(candidate.refs.map((r) => r.entity)).size === 1
            ? candidate.refs[0]
            : undefined);
        if (chosen)
          accepted.push({ block: candidate.block, start: candidate.start, end: candidate.end, ref: chosen });
      }
      accepted.sort((a, b) => a.block - b.block || a.start - b.start);

      const mentions: EntityMention[] = accepted.map((m) => {
        const entity = entityOf(m.ref);
        return {
          block: m.block,
          start: m.start,
          end: m.end,
          entityId: entity.id,
          type: entity.type as EntityType,
          alias: m.ref.alias.text,
        };
      });
      const events = findEvents(blocks, accepted, cuesInSpans);
      const prose = new Map<number, boolean>();
      const proseBlock = (index: number): boolean => {
        let known = prose.get(index);
        if (known === undefined) {
          known = isProse(blocks[index]);
          prose.set(index, known);
        }
        return known;
      };
      const verdict = pageVerdict({
        mainEntities: new Set(accepted.filter((m) => proseBlock(m.block)).map((m) => entityOf(m.ref).id)),
        coreEntityIds: data.coreEntityIds,
        mainEvents: new Set(events.filter((e) => proseBlock(e.block)).map((e) => e.eventId)),
      });
      return { onTopic: verdict, mentions, events };

      function cuesInSpans(block: number): TermHit[] {
        return cuesReady().matcher.findAll((blocks[block] as TextBlock).text, true);
      }
    },
  };

  /** Whether the block has all a rule asks for (who, what, where or when), wherever they are. */
  function ruleFitsAnywhere(
    rule: CompiledRule,
    entityHits: ReadonlyArray<{ entity: number }>,
    cueHits: readonly TermHit[],
  ): boolean {
    const place = rule.whereOrWhen;
    return (
      entityHits.some((hit) => rule.who.has(hit.entity)) &&
      cueHits.some((hit) => rule.what.has(hit.term)) &&
      (!place || cueHits.some((hit) => place.has(hit.term)))
    );
  }

  /** Finds event mentions: in a window, one of `who`, one of `what`, and one of `whereOrWhen` if given. */
  function findEvents(
    blocks: readonly TextBlock[],
    accepted: Array<{ block: number; start: number; ref: AliasRef }>,
    cueHitsOf: (block: number) => TermHit[],
  ): EventMention[] {
    const found: EventMention[] = [];
    const byBlock = new Map<number, Array<{ start: number; entity: number }>>();
    for (const m of accepted) {
      const list = byBlock.get(m.block) ?? [];
      byBlock.set(m.block, list);
      list.push({ start: m.start, entity: m.ref.entity });
    }
    for (const [block, entityHits] of byBlock) {
      const cueHits = cueHitsOf(block);
      if (cueHits.length === 0) continue;
      // Only events with one of their trigger words in the block are worth checking.
      const candidates = new Set<number>();
      for (const hit of cueHits)
        for (const eventIndex of cuesReady().eventsByTrigger.get(hit.term) ?? []) candidates.add(eventIndex);
      if (candidates.size === 0) continue;
      const text = (blocks[block] as TextBlock).text;
      let sentences: Array<[number, number]> | null = null;
      for (const eventIndex of [...candidates].sort((a, b) => a - b)) {
        const event = data.events[eventIndex] as RecognizerData['events'][number];
        let matched = false;
        for (const rule of cuesReady().eventRules[eventIndex] ?? []) {
          if (matched) break;
          // What the whole paragraph lacks, no sentence of it has: skip before segmenting.
          if (!ruleFitsAnywhere(rule, entityHits, cueHits)) continue;
          if (rule.window === 'sentence' && !sentences) sentences = sentenceSpans(text);
          const windows: Array<[number, number]> =
            rule.window === 'paragraph' ? [[0, text.length]] : (sentences ?? []);
          for (const [from, to] of windows) {
            const inWindow = (start: number) => start >= from && start < to;
            if (!entityHits.some((h) => inWindow(h.start) && rule.who.has(h.entity))) continue;
            const trigger = cueHits.find((h) => inWindow(h.start) && rule.what.has(h.term));
            if (!trigger) continue;
            const place = rule.whereOrWhen;
            if (place && !cueHits.some((h) => inWindow(h.start) && place.has(h.term))) continue;
            found.push({ block, start: trigger.start, end: trigger.end, eventId: event.id });
            matched = true;
            break;
          }
        }
      }
    }
    return found;
  }
}
