import type { Catalog } from './corpus-types';
import { compileRecognizerTries } from './recognizer-tries';
import type { RecognizerData } from './recognizer-types';

/** The part of the catalog the content script holds: names, aliases and rules, no passages. */
export function recognizerDataOf(catalog: Catalog): RecognizerData {
  const data: RecognizerData = {
    entities: catalog.entities.map(({ id, name, type, aliases, contextWords, falseFriends }) => ({
      id,
      name,
      type,
      aliases,
      ...(contextWords ? { contextWords } : {}),
      ...(falseFriends ? { falseFriends } : {}),
    })),
    events: catalog.events.map(({ id, name, rules }) => ({ id, name, rules })),
    coreEntityIds: catalog.entities.filter((e) => e.core).map((e) => e.id),
  };
  return { ...data, tries: compileRecognizerTries(data) };
}
