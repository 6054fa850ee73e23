import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Customers } from '../engine/customers.js';
import type { CommandRegistry } from '../host/commands/registry.js';
import type { CommandHandler } from '../host/commands/runner.js';
import type { MessageContext } from '../host/context.js';
import type { PrivacyRegistry } from '../host/privacy.js';
import type { AnswerLog } from '../host/answers.js';
import type { Texts } from '../host/texts.js';
import type { Store } from '../store/store.js';

/**
 * What the built-in plugins reach beyond the plugin API: they manage the core's own data (the
 * shop's profile and hours, every text, the customer records, the command list), which no other
 * plugin may touch.
 */
export interface BuiltinServices {
  config: Config;
  clock: Clock;
  store: Store;
  customers: Customers;
  texts: Texts;
  commands: CommandRegistry<CommandHandler<MessageContext>>;
  privacy: PrivacyRegistry;
  /** Why each recent chat's last message got its answer. */
  answers: AnswerLog;
}
