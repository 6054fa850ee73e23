/** Why one message got its answer: who replied, the topics each plugin answered, the dialog that held the chat, the menu's choice. */
export interface Why {
  by: string[];
  topics: string[];
  dialog: string | null;
  menu: string | null;
  /** What the guesser made of the message, when the reading leaned on it: "person 0.93". */
  guess: string | null;
}

/** How many chats' last answers are kept (in memory: a restart forgets them). */
const KEPT = 1_000;

/**
 * The reason for the last answer in each recent chat, for the owner's !kenapa. Never the message's
 * text: only who answered and what. Bounded: the chats that wrote least recently are forgotten.
 */
export class AnswerLog {
  private readonly last = new Map<string, { at: number; why: Why }>();

  record(chatId: string, at: number, why: Why): void {
    this.last.delete(chatId);
    this.last.set(chatId, { at, why });
    if (this.last.size > KEPT) this.last.delete(this.last.keys().next().value as string);
  }

  lastOf(chatIds: readonly string[]): { at: number; why: Why } | undefined {
    let found: { at: number; why: Why } | undefined;
    for (const id of chatIds) {
      const entry = this.last.get(id);
      if (entry && (!found || entry.at > found.at)) found = entry;
    }
    return found;
  }
}
