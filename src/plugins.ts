import type { PluginDefinition } from './plugin-api.js';
import greeting from '../plugins/greeting/index.js';
import menu from '../plugins/menu/index.js';
import away from '../plugins/away/index.js';
import catalog from '../plugins/catalog/index.js';
import complaint from '../plugins/complaint/index.js';
import quickReply from '../plugins/quick-reply/index.js';
import fallback from '../plugins/fallback/index.js';

/**
 * The plugins, in middleware order. A message goes through them top to bottom (after the core's
 * active-dialog step): the greeting first, then the away message (which never stops the others),
 * the menu, the catalog (before the quick replies: a product's own price beats the generic
 * answer), the quick replies, and the fallback last. Complaints come before the menu: a rating
 * "4" after a resolved complaint is a rating, not menu item 4.
 */
export const PLUGINS: readonly PluginDefinition[] = [greeting, away, complaint, menu, catalog, quickReply, fallback];
