import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Activity } from '../engine/activity.js';
import type { Customers } from '../engine/customers.js';
import type { Media } from '../engine/media.js';
import type { Outbox } from '../engine/outbox.js';
import type { Owners } from '../engine/owners.js';
import type { Scheduler } from '../engine/scheduler.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { CommandRegistry } from './commands/registry.js';
import type { CommandHandler } from './commands/runner.js';
import type { MessageContext, PluginRuntime } from './context.js';
import type { Menu } from './menu.js';
import type { AuditLog, PrivacyRegistry } from './privacy.js';
import type { Texts } from './texts.js';
import type { Reader } from '../engine/read/reading.js';
import type { ChatHandle, Middleware, PluginDefinition, PluginEvents, Signals } from './types.js';
import type { AnswerLog } from './answers.js';

/** The services the host hands out to plugins, each through a narrow view. */
export interface HostServices {
  config: Config;
  clock: Clock;
  logger: Logger;
  store: Store;
  customers: Customers;
  owners: Owners;
  outbox: Outbox;
  scheduler: Scheduler;
  activity: Activity;
  media: Media;
  texts: Texts;
  menu: Menu;
  privacy: PrivacyRegistry;
  audit: AuditLog;
  commands: CommandRegistry<CommandHandler<MessageContext>>;
  reader: Reader<Signals>;
  /** Why each recent chat's last message got its answer, for !kenapa. */
  answers: AnswerLog;
  /** Runs `task` in the chat's turn, after the messages queued for it. */
  inTurn(chatId: string, task: () => Promise<void>): Promise<void>;
}

/** A plugin as the host holds it, with what it registered in its setup. */
export interface Runtime extends PluginRuntime {
  middleware: Middleware | null;
  readonly dialogSchema: PluginDefinition['dialog'];
  readonly on: { [E in keyof PluginEvents<unknown>]: Array<PluginEvents<unknown>[E]> };
  readonly reports: Array<(from: number, to: number) => string[]>;
}

/** What a plugin's API reaches of the host beyond the services: commands, chats, reports. */
export interface PluginSite {
  readonly commands: CommandRegistry<CommandHandler<MessageContext>>;
  chat(plugin: Runtime, chatId: string): ChatHandle | null;
  reports(from: number, to: number): string[];
}
