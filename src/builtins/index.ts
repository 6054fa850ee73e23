import type { PluginDefinition } from '../plugin-api.js';
import { helpPlugin } from './help.js';
import { hoursPlugin } from './hours.js';
import { pausePlugin } from './pause.js';
import { privacyPlugin } from './privacy.js';
import type { BuiltinServices } from './services.js';
import { shopPlugin } from './shop.js';
import { teachPlugin } from './teach.js';
import { textsPlugin } from './texts.js';
import { upkeepPlugin } from './upkeep.js';
import { whyPlugin } from './why.js';

export type { BuiltinServices } from './services.js';

/** The core's own plugins, in the order their commands appear in !bantuan. */
export function builtinPlugins(services: BuiltinServices): PluginDefinition[] {
  return [helpPlugin, textsPlugin, shopPlugin, pausePlugin, whyPlugin, teachPlugin, hoursPlugin, privacyPlugin, upkeepPlugin].map(
    (make) => make(services) as PluginDefinition,
  );
}
