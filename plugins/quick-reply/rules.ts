import { z } from 'zod';
import type { QuickRule } from './defaults.js';
import { Matcher } from './matcher.js';
import type { PluginApi } from '../../src/plugin-api.js';

/** The quick replies' state: the rules, as the owner left them, with how often each answered. */
const ruleSchema = z.object({
  name: z.string(),
  keywords: z.array(z.string()),
  answer: z.string(),
  image: z.string().nullable().default(null),
  hits: z.number().int().nonnegative().default(0),
});
export const stateSchema = z.object({ rules: z.array(ruleSchema) });
export type State = z.infer<typeof stateSchema>;
export type Api = PluginApi<State, undefined>;

/** The rules in the plugin's state, and a matcher for them kept until they change. */
export class RuleBook {
  private cached: { rules: State['rules']; matcher: Matcher } | null = null;
  // Rebuilt only when the rules change (the array is replaced or edited through update()).
  private version = 0;
  private builtFor = -1;

  constructor(private readonly api: Api) {}

  rules(): QuickRule[] {
    return this.api.state.get().rules;
  }

  matcher(): Matcher {
    const rules = this.api.state.get().rules;
    if (!this.cached || this.builtFor !== this.version || this.cached.rules !== rules) {
      this.cached = { rules, matcher: new Matcher(rules) };
      this.builtFor = this.version;
    }
    return this.cached.matcher;
  }

  /** Changes the rules; the matcher is rebuilt before it is used next. */
  change(fn: (s: State) => void): void {
    this.api.state.update(fn);
    this.version++;
  }

  /** Changes the rule of that name, if it is still there. */
  edit(name: string, fn: (r: QuickRule) => void): void {
    this.change((s) => {
      const r = s.rules.find((x) => x.name === name);
      if (r) fn(r);
    });
  }
}
