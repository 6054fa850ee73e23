/**
 * The public plugin API: everything a plugin may import. A plugin is a folder under plugins/ whose
 * index exports one definition made with `definePlugin`; it imports this file and its own files,
 * never the core's internals or another plugin. It never sees the socket or the whole database.
 */
import type { PluginDefinition } from './host/types.js';

export type {
  BackgroundSignal,
  ChatHandle,
  CommandBuilder,
  CommandContext,
  Context,
  DialogControl,
  DialogOptions,
  HoursApi,
  JobContext,
  MediaApi,
  MessageReading,
  MenuApi,
  Middleware,
  PluginApi,
  PluginDefinition,
  PluginEvents,
  PluginTool,
  PrivacyHandler,
  Signals,
  Summary,
  TextsApi,
  ToolIO,
} from './host/types.js';
export type { Clock } from './clock.js';
export type { Next } from './engine/chain.js';
export type { CustomerInfo } from './engine/customers.js';
export type { ReplyOptions } from './engine/run.js';
export type { ArgCheck, CommandSpec, FormOptions } from './host/commands/registry.js';
export type { ArgsOf } from './host/commands/syntax.js';
export type { MenuChoice } from './host/menu.js';
export type { TextDefs } from './host/texts.js';
export type { OpeningHours } from './hours.js';
export type { Logger } from './logger.js';
export type { DialogSession, MenuItem } from './store/schema.js';
export type { Slice, SliceSpec } from './store/store.js';
export type { Incoming, IncomingImage, MessageKind, Outgoing } from './transport/types.js';

// What plugins may use of the core's pure helpers: errors, numbers, time, hours, templates, words.
export { ReplyError, ToolError, UsageError } from './errors.js';
export { describeCustomer, HANDOFF_MS } from './engine/customers.js';
export { formatPhone, normalisePhone } from './phone.js';
export { formatLocal, localTime, parseLocalDateTime, startOfDay, zonedToEpoch } from './time.js';
export {
  afterOpenTime,
  closingTime,
  dayAsked,
  describeDay,
  describeOpening,
  formatClock,
  isOpen,
  nextOpening,
  parseClock,
  parseDate,
  todayKey,
} from './hours.js';
export { listVariables, unknownVariables } from './template.js';
export { SHOP_VARIABLES } from './host/texts.js';
export { MAX_MENU_ITEMS } from './host/menu.js';
export { asksTheShop, topicQuestions } from './host/parts.js';
export type { Courtesy, Topic, Want } from './engine/read/lexicon.js';
export type { Codes, Language, Navigation } from './engine/read/reading.js';
export type { PhraseEntry, Words } from './engine/read/phrases.js';
export {
  CHAT_SPELLINGS,
  COURTESY,
  courtesyOf,
  isSalam,
  isTopic,
  NAVIGATION,
  NOT_TYPOS,
  NUMBER_WORDS,
  ORDER_VERBS,
  QUESTION_TAILS,
  QUESTION_WORDS,
  TOPIC_PHRASES,
  TOPICS,
  UNITS,
} from './engine/read/lexicon.js';
export { clausesOf, collapse, deletions, normalise, simplify, withinOneEdit } from './engine/read/normalise.js';
export { negated, PhraseMatcher } from './engine/read/phrases.js';

export function definePlugin<S = undefined, C = undefined>(def: PluginDefinition<S, C>): PluginDefinition<S, C> {
  return def;
}
