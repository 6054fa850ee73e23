import type { ParsedCommand } from '../../engine/classify.js';
import type { MessageRun } from '../../engine/run.js';
import { ReplyError, UsageError } from '../../errors.js';
import { maskPhone } from '../../phone.js';
import type { AuditLog } from '../privacy.js';
import { relatedForms, usage } from './format.js';
import { matchForm, type Args, type Problem } from './match.js';
import type { Command, CommandRegistry, Form } from './registry.js';

export type CommandHandler<C> = (ctx: C, args: Args) => void | Promise<void>;

export interface CommandRunnerOptions<C extends MessageRun> {
  registry: CommandRegistry<CommandHandler<C>>;
  prefix: string;
  audit: AuditLog;
  /** Who ran it, for the audit log: the owner's number, 'self-chat', or null. */
  who(run: C): string | null;
  /** Hands the context to the command's plugin (its state, its texts) before the handler runs. */
  enter(ctx: C, command: Command<CommandHandler<C>>, raw: ParsedCommand): void;
}

/**
 * Runs an owner's admin command: finds the command and the form the owner typed, checks the
 * arguments, and runs the form's handler. A mistake gets its reason and the usage lines that
 * help with it; a bug gets a plain apology that points to the log. Every command is audited.
 */
export class CommandRunner<C extends MessageRun> {
  constructor(private readonly opts: CommandRunnerOptions<C>) {}

  async run(ctx: C, parsed: ParsedCommand | null): Promise<void> {
    const { registry, prefix } = this.opts;
    if (!parsed) {
      ctx.reply(`Ketik *${prefix}bantuan* untuk melihat semua perintah admin.`);
      return;
    }
    const command = registry.find(parsed.name);
    const who = this.opts.who(ctx);
    ctx.log.info({ cmd: command?.name ?? parsed.name, owner: who === 'self-chat' ? who : maskPhone(who) }, 'admin command');
    if (command) void this.opts.audit.record({ at: ctx.now, owner: who, command: command.name, args: parsed.args });
    ctx.log.debug({ args: parsed.args }, 'admin command arguments');
    if (!command) {
      const guess = registry.suggest(parsed.name);
      ctx.reply(
        [
          `Perintah *${prefix}${parsed.name}* tidak dikenal.`,
          guess ? `Maksud Kakak *${prefix}${guess}*?` : '',
          `Ketik *${prefix}bantuan* untuk melihat semua perintah.`,
        ]
          .filter(Boolean)
          .join('\n'),
      );
      return;
    }
    this.opts.enter(ctx, command, parsed);
    const match = matchForm(command.forms, parsed.args);
    if (!match.ok) {
      // a word the command does not know: every way to use it; otherwise the ways of the form meant
      const own = match.form?.problem !== undefined && !guessed(match.problem);
      const forms = match.problem.kind === 'unknown' && !own ? command.forms : relatedForms(command, match.form);
      ctx.reply(`⚠️ ${this.reason(command, match.form, match.problem, parsed.args)}\n\n${usage(command, this.opts.prefix, forms)}`);
      return;
    }
    const { form } = match;
    try {
      const args = checkArgs(command, form, match.args);
      await form.run(ctx, args);
    } catch (err) {
      if (err instanceof UsageError) this.mistake(ctx, command, form, err.reply);
      else if (err instanceof ReplyError) ctx.reply(err.reply);
      else {
        ctx.log.error({ err, cmd: command.name, msgId: ctx.msg.id }, 'an admin command failed');
        ctx.reply(
          `Maaf, perintah *${prefix}${command.name}* gagal karena kesalahan di bot; rinciannya ada di log (pesan ${ctx.msg.id}). Periksa hasilnya dengan *${prefix}${command.name}* sebelum mencoba lagi.`,
        );
      }
    }
  }

  private mistake(ctx: C, command: Command<CommandHandler<C>>, form: Form<CommandHandler<C>> | null, reason: string): void {
    ctx.reply(`⚠️ ${reason}\n\n${usage(command, this.opts.prefix, relatedForms(command, form))}`);
  }

  private reason(command: Command<CommandHandler<C>>, form: Form<CommandHandler<C>> | null, problem: Problem, typed: string): string {
    const { prefix } = this.opts;
    // a mistyped word of the command ("hapuss") is answered with the word meant, before a form's own text
    const own = guessed(problem) ? undefined : typeof form?.problem === 'function' ? form.problem(typed) : form?.problem;
    if (own !== undefined) return own;
    switch (problem.kind) {
      case 'unknown': {
        const at = `${prefix}${command.name}${problem.before ? ` ${problem.before}` : ''}`;
        const guess = problem.suggestion ? ` Maksud Kakak *${at} ${problem.suggestion}*?` : '';
        const choices = !problem.suggestion && problem.choices.length > 0 ? ` Pilih: ${orList(problem.choices)}.` : '';
        return `"${problem.word}" tidak dikenal untuk ${at}.${guess}${choices}`;
      }
      case 'missing': {
        const spec = command.args[problem.name];
        const missing = typeof spec === 'object' ? spec.missing : undefined;
        if (missing !== undefined) return typeof missing === 'function' ? missing(problem.args) : missing;
        return `Kurang lengkap: *<${problem.arg}>* belum ditulis.`;
      }
      case 'extra':
        return `"${problem.text}" tidak diperlukan di sini.`;
    }
  }
}

/** The command's matcher found the word most likely meant. */
function guessed(problem: Problem): boolean {
  return problem.kind === 'unknown' && problem.suggestion !== null;
}

/** "a, b, atau c". */
function orList(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')}, atau ${words.at(-1)}`;
}

/** The arguments through their checks (the form's, else the command's); a check throws a UsageError. */
function checkArgs<H>(command: Command<H>, form: Form<H>, args: Args): Args {
  const out: Args = {};
  for (const [name, value] of Object.entries(args)) {
    const spec = form.args?.[name] ?? command.args[name];
    const check = typeof spec === 'function' ? spec : spec?.check;
    out[name] = check ? check(value) : value;
  }
  return out;
}
