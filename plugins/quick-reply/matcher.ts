import { type MessageReading, PhraseMatcher, TOPIC_PHRASES } from '../../src/plugin-api.js';

/**
 * The rules a message asks about, read the way every message is read (its words' stems and chat
 * spellings, one typo in a long word, "gak jadi" taking a keyword back); where keywords overlap,
 * the longest wins its words: "jam berapa" asks the hours, not the price.
 */
export interface MatchRule {
  name: string;
  keywords: readonly string[];
}

/** What the matcher reads of a message. */
export type Words = Pick<MessageReading, 'words' | 'forms' | 'topics'>;

export class Matcher {
  private readonly phrases: PhraseMatcher<string> | null;

  constructor(rules: readonly MatchRule[]) {
    // the rules a shop starts with are the core's topics: the reading has found those already
    this.phrases = isTopics(rules) ? null : new PhraseMatcher(rules.map((r) => ({ key: r.name, phrases: r.keywords })));
  }

  /** The names of the rules the message asks about, in the order it asks them. */
  match(reading: Words): string[] {
    return this.phrases ? this.phrases.match(reading) : [...reading.topics];
  }
}

/** Whether the rules are exactly the core's topics with their own phrases, in any order. */
function isTopics(rules: readonly MatchRule[]): boolean {
  const topics = Object.entries(TOPIC_PHRASES);
  if (rules.length !== topics.length) return false;
  return topics.every(([name, phrases]) => {
    const rule = rules.find((r) => r.name === name);
    return rule !== undefined && rule.keywords.length === phrases.length && rule.keywords.every((k, i) => k === phrases[i]);
  });
}
