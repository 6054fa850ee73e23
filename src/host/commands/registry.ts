import { nearest } from './match.js';
import { compileSyntax, type Syntax } from './syntax.js';

/**
 * Admin commands as plugins declare them: a name, aliases, one line of help, and forms, each a
 * syntax with its own help and handler. The one declaration gives the parser, the !bantuan
 * answers, the README's command list and the "did you mean" answers.
 */
export type ArgCheck = (value: string) => string;

/**
 * What a command knows about one of its arguments, for every form that takes it: how to check it
 * (and normalise it: "p7" → "P07"), and what to say when it was not written.
 */
export type ArgSpec = ArgCheck | { check?: ArgCheck; missing?: string | ((written: Readonly<Record<string, string>>) => string) };

export interface FormOptions {
  /** An example of the form in use, without the prefix: "jam senin-sabtu 09:00-17:00". */
  example?: string;
  /**
   * Said instead of the general reason when this form came closest to what the owner typed but
   * did not fit ("Tulis alasannya untuk pelanggan…").
   */
  problem?: string | ((typed: string) => string);
  /** How the form is shown when its syntax says less than the handler reads ("<nomor> [menit]"). */
  shown?: string;
  /** Checks for this form's arguments, over the command's own. */
  args?: Readonly<Record<string, ArgSpec>>;
}

export interface Form<H> extends FormOptions {
  readonly syntax: Syntax;
  readonly help: string;
  readonly run: H;
}

export interface CommandSpec {
  name: string;
  aliases?: readonly string[];
  /** One line for the !bantuan list. */
  help: string;
  /** Its arguments by name: their checks ("p7" → "P07", or a UsageError) and what to say when one is missing. */
  args?: Readonly<Record<string, ArgSpec>>;
}

export interface Command<H> {
  readonly plugin: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly help: string;
  readonly args: Readonly<Record<string, ArgSpec>>;
  readonly forms: Form<H>[];
}

const WORD = /^[\p{L}\p{N}_-]+$/u;

export class CommandRegistry<H> {
  private readonly byName = new Map<string, Command<H>>();
  private readonly ordered: Command<H>[] = [];

  add(plugin: string, spec: CommandSpec): Command<H> {
    const command: Command<H> = {
      plugin,
      name: spec.name.toLowerCase(),
      aliases: (spec.aliases ?? []).map((a) => a.toLowerCase()),
      help: spec.help,
      args: spec.args ?? {},
      forms: [],
    };
    for (const key of [command.name, ...command.aliases]) {
      if (!WORD.test(key)) throw new Error(`command name "${key}" of ${plugin} is not a single word`);
      const clash = this.byName.get(key);
      if (clash) throw new Error(`command "${key}" of ${plugin} clashes with !${clash.name} of ${clash.plugin}`);
    }
    for (const key of [command.name, ...command.aliases]) this.byName.set(key, command);
    this.ordered.push(command);
    return command;
  }

  /** Adds a form to a command; its syntax is checked now, so a mistake stops the bot at start. */
  addForm(command: Command<H>, syntax: string, help: string, run: H, options: FormOptions = {}): void {
    const compiled = compileSyntax(syntax);
    const twin = command.forms.find((f) => f.syntax.source === compiled.source);
    if (twin) throw new Error(`command !${command.name} declares the form "${syntax}" twice`);
    command.forms.push({ ...options, syntax: compiled, help, run });
  }

  find(name: string): Command<H> | undefined {
    return this.byName.get(name.toLowerCase());
  }

  list(): ReadonlyArray<Command<H>> {
    return this.ordered;
  }

  /** The command a mistyped name most likely meant, for "did you mean". */
  suggest(name: string): string | null {
    const key = nearest(name, [...this.byName.keys()]);
    return key ? (this.byName.get(key)?.name ?? null) : null;
  }

  /** Commands declared without a single form are a bug in their plugin. */
  check(): void {
    for (const c of this.ordered) if (c.forms.length === 0) throw new Error(`command !${c.name} of ${c.plugin} declares no form`);
  }
}
