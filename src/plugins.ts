import type { PluginDefinition } from './plugin-api.js';
import greeting from '../plugins/greeting/index.js';
import menu from '../plugins/menu/index.js';
import away from '../plugins/away/index.js';
import catalog from '../plugins/catalog/index.js';
import complaint from '../plugins/complaint/index.js';
import quickReply from '../plugins/quick-reply/index.js';
import fallback from '../plugins/fallback/index.js';
import person from '../plugins/person/index.js';

/**
 * The plugins, in middleware order: a message goes through them top to bottom, each once. The
 * greeting first, then the away message (which never stops the others), the complaints, what
 * only a person can answer (a call, a custom or bulk order, a discount), the catalog, the menu, the quick replies, and the fallback last. The plugins that hold dialogs (the
 * complaints and the catalog) come before the menu: while a dialog holds the chat its plugin
 * reads a number first ("4" is a rating after a resolved complaint, "2" the second product on
 * the list), and only a message it passes on is a menu choice. The catalog comes before the quick
 * replies: a product's own price beats the generic answer.
 */
export const PLUGINS: readonly PluginDefinition[] = [greeting, away, complaint, person, catalog, menu, quickReply, fallback];
