import type { PluginDefinition } from './plugin-api.js';
import greeting from '../plugins/greeting/index.js';
import menu from '../plugins/menu/index.js';
import fallback from '../plugins/fallback/index.js';

/**
 * The plugins, in middleware order. A message goes through them top to bottom (after the core's
 * active-dialog step); the greeting comes first so it is the first answer, the fallback last.
 * Later plugins slot in between: away → complaint → catalog → quick replies.
 */
export const PLUGINS: readonly PluginDefinition[] = [greeting, menu, fallback];
