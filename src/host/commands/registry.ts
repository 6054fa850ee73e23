import type { CommandDef, CommandUsage } from '../../plugin-api.js';

/**
 * Admin commands: parsing, the registry plugins add to, and the help texts. The same registry
 * produces the !bantuan answers and the README's command section.
 */
export interface ParsedCommand {
  name: string;
  args: string;
}

/** "!sapaan hari 7" → { name: 'sapaan', args: 'hari 7' }. Null when the text is not a command. */
export function parseCommand(text: string, prefix: string): ParsedCommand | null {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith(prefix)) return null;
  const rest = trimmed.slice(prefix.length).trimStart();
  const m = /^([\p{L}\p{N}_-]+)([\s\S]*)$/u.exec(rest);
  if (!m) return null;
  return { name: (m[1] ?? '').toLowerCase(), args: (m[2] ?? '').trim() };
}

export interface RegisteredCommand {
  plugin: string;
  name: string;
  aliases: string[];
  help: string;
  usage: readonly CommandUsage[];
}

export class CommandRegistry<R> {
  private readonly byName = new Map<string, RegisteredCommand & { runner: R }>();
  private readonly ordered: Array<RegisteredCommand & { runner: R }> = [];

  add(plugin: string, def: Pick<CommandDef, 'name' | 'aliases' | 'help' | 'usage'>, runner: R): void {
    const entry = {
      plugin,
      name: def.name.toLowerCase(),
      aliases: (def.aliases ?? []).map((a) => a.toLowerCase()),
      help: def.help,
      usage: def.usage,
      runner,
    };
    for (const key of [entry.name, ...entry.aliases]) {
      if (!/^[\p{L}\p{N}_-]+$/u.test(key)) throw new Error(`command name "${key}" of ${plugin} is not a single word`);
      const clash = this.byName.get(key);
      if (clash) throw new Error(`command "${key}" of ${plugin} clashes with !${clash.name} of ${clash.plugin}`);
    }
    for (const key of [entry.name, ...entry.aliases]) this.byName.set(key, entry);
    this.ordered.push(entry);
  }

  find(name: string): (RegisteredCommand & { runner: R }) | undefined {
    return this.byName.get(name.toLowerCase());
  }

  list(): ReadonlyArray<RegisteredCommand & { runner: R }> {
    return this.ordered;
  }

  /** The closest command names to a mistyped one, for "did you mean". */
  suggest(name: string): string | null {
    let best: { key: string; distance: number } | null = null;
    for (const key of this.byName.keys()) {
      const d = editDistance(name, key);
      if (d <= Math.max(1, Math.floor(key.length / 3)) && (!best || d < best.distance)) best = { key, distance: d };
    }
    return best ? (this.byName.get(best.key)?.name ?? null) : null;
  }
}

export function formatHelpList(commands: readonly RegisteredCommand[], prefix: string): string {
  const lines = commands.map((c) => {
    const alias = c.aliases.length > 0 ? ` (${c.aliases.map((a) => prefix + a).join(', ')})` : '';
    return `• *${prefix}${c.name}*${alias}\n   ${c.help}`;
  });
  return ['*Perintah admin*', '', ...lines, '', `Ketik *${prefix}bantuan <perintah>* untuk cara pakainya, misalnya ${prefix}bantuan sapaan.`].join('\n');
}

/**
 * The command's usage. With `args` (what the owner typed after the command), only the forms for
 * the same sub-command are shown when there are such forms, so a mistake gets the one line that
 * helps rather than the whole list.
 */
export function formatUsage(command: RegisteredCommand, prefix: string, args = ''): string {
  const alias = command.aliases.length > 0 ? ` (alias ${command.aliases.map((a) => prefix + a).join(', ')})` : '';
  const sub = (args.split(/\s+/)[0] ?? '').toLowerCase();
  const matching = sub === '' ? [] : command.usage.filter((u) => u.form.split(/\s+/)[1]?.toLowerCase() === sub);
  const lines = (matching.length > 0 ? matching : command.usage).map((u) => `• ${prefix}${u.form}\n   ${u.help}`);
  return [`*${prefix}${command.name}*${alias}: ${command.help}`, '', 'Cara pakai:', ...lines].join('\n');
}

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      prev[j] = Math.min(up + 1, (prev[j - 1] ?? 0) + 1, diag + cost);
      diag = up;
    }
  }
  return prev[b.length] ?? 0;
}
