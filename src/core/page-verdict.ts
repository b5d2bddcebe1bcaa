/** What the verdict looks at: entities and events recognised in the page's main text. */
export interface VerdictInput {
  mainEntities: Set<string>;
  mainEvents: Set<string>;
  coreEntityIds: readonly string[];
}

/**
 * Whether a page is about the corpus's story. A page is on-topic when its main text (not
 * menus, sidebars or teaser lists) mentions one of the catalog's events, or two of the
 * story's core entities (Venezuela, Maduro, Guaidó, ...), or one core entity among three or
 * more distinct entities. A page that only names Trump and Putin is about something else.
 */
export function pageVerdict(input: VerdictInput): boolean {
  if (input.mainEvents.size > 0) return true;
  const core = input.coreEntityIds.filter((id) => input.mainEntities.has(id)).length;
  return core >= 2 || (core >= 1 && input.mainEntities.size >= 3);
}
