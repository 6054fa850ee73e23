import type { Command, Form } from './registry.js';
import { showSyntax } from './syntax.js';

/**
 * What the owner reads about commands: the !bantuan list, one command's usage, and the README's
 * command reference, all from the commands' declarations.
 */
export function formLine<H>(command: Command<H>, form: Form<H>, prefix: string): string {
  return `${prefix}${command.name} ${form.shown ?? showSyntax(form.syntax)}`.trim();
}

function formHelp<H>(form: Form<H>, prefix: string): string {
  return form.example ? `${form.help} (misalnya ${prefix}${form.example})` : form.help;
}

function aliases<H>(command: Command<H>, prefix: string): string {
  return command.aliases.map((a) => prefix + a).join(', ');
}

export function helpList<H>(commands: readonly Command<H>[], prefix: string): string {
  const lines = commands.map((c) => `• *${prefix}${c.name}*${c.aliases.length > 0 ? ` (${aliases(c, prefix)})` : ''}\n   ${c.help}`);
  return ['*Perintah admin*', '', ...lines, '', `Ketik *${prefix}bantuan <perintah>* untuk cara pakainya, misalnya ${prefix}bantuan sapaan.`].join('\n');
}

/** The command's usage: the forms given (those that help with a mistake), or all of them. */
export function usage<H>(command: Command<H>, prefix: string, forms: readonly Form<H>[] = command.forms): string {
  const alias = command.aliases.length > 0 ? ` (alias ${aliases(command, prefix)})` : '';
  const lines = (forms.length > 0 ? forms : command.forms).map((f) => `• ${formLine(command, f, prefix)}\n   ${formHelp(f, prefix)}`);
  return [`*${prefix}${command.name}*${alias}: ${command.help}`, '', 'Cara pakai:', ...lines].join('\n');
}

/** The README's command reference (markdown), one block per command. */
export function markdown<H>(commands: readonly Command<H>[], prefix: string): string {
  const cell = (s: string): string => s.replace(/\|/g, '\\|');
  return commands
    .map((c) => {
      const alias = c.aliases.length > 0 ? ` (alias ${c.aliases.map((a) => `\`${prefix}${a}\``).join(', ')})` : '';
      const rows = c.forms.map((f) => `| \`${cell(formLine(c, f, prefix))}\` | ${cell(formHelp(f, prefix))} |`);
      return [`#### \`${prefix}${c.name}\`${alias}`, '', c.help, '', '| Ketik | Untuk |', '| --- | --- |', ...rows].join('\n');
    })
    .join('\n\n');
}

/**
 * The forms that help with a mistake in `form`: those that share its first word (all the forms
 * of "konfirmasi"), or every form when it has none.
 */
export function relatedForms<H>(command: Command<H>, form: Form<H> | null): Form<H>[] {
  if (!form) return command.forms;
  const word = [...form.syntax.words, ...form.syntax.fields].find((p) => p.kind === 'word');
  if (word?.kind !== 'word') return command.forms;
  return command.forms.filter((f) => [...f.syntax.words, ...f.syntax.fields].some((p) => p.kind === 'word' && p.words[0] === word.words[0]));
}
