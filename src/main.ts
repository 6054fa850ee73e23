import { exitOnBadConfig, loadConfig } from './config.js';
import { createLogger } from './logger.js';

/**
 * The only impure entry point: env → config → store → transport → plugins → signals.
 * The WhatsApp (Baileys) transport is not built yet, so for now this validates the configuration,
 * says plainly that the bot cannot connect, and exits with status 2.
 */
function main(): void {
  const loaded = loadConfig();
  if (!loaded.ok) exitOnBadConfig(loaded.problems);
  const logger = createLogger({ level: loaded.config.logLevel });
  logger.error(
    'layani cannot connect to WhatsApp yet: the WhatsApp connection is not built in this version. ' +
      'Try the bot without a phone instead: npm run simulate',
  );
  process.stderr.write('layani: the WhatsApp connection is not built yet. Try the bot with `npm run simulate`.\n');
  process.exit(2);
}

main();
