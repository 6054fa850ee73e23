/**
 * The little language a command form is declared in, and what it compiles to. A form's syntax is
 * the words after the command's name:
 * - `tambah`: a word typed as it is; `konfirmasi|confirm|ok`: any of these words (the first is shown);
 * - `<kode>`: one word, required; `[menit]`: one word, optional;
 * - `<teks...>`: everything that follows, lines kept; `[catatan...]`: the same, optional;
 * - `<a> | <b> = <c>`: from the first such mark on, the text is cut at `|`, `:` and `=` instead of spaces;
 * - `<name:shown words>`: the argument `name`, shown as `<shown words>` in the usage.
 * The same declaration gives the parser, the usage lines in !bantuan and the README's command list.
 */
export type Part =
  | { kind: 'word'; words: readonly string[] }
  | { kind: 'arg'; name: string; shown: string; optional: boolean; rest: boolean }
  | { kind: 'mark'; mark: Mark };

export type Mark = '|' | ':' | '=';
const MARKS: ReadonlySet<string> = new Set(['|', ':', '=']);

export interface Syntax {
  readonly source: string;
  /** Parts read word by word. */
  readonly words: readonly Part[];
  /** Parts read field by field, cut at marks (empty when the form has no marks). */
  readonly fields: readonly Part[];
}

/** Compiles a form's syntax; throws on a mistake in it (a bug in the plugin, found at start). */
export function compileSyntax(source: string): Syntax {
  const parts: Part[] = [];
  // <…> and […] stay whole (they may hold spaces); a mark stands alone or right after an argument
  for (const m of source.matchAll(/[<[][^>\]]*[>\]]:?|\S+/g)) {
    const token = m[0];
    if (MARKS.has(token)) parts.push({ kind: 'mark', mark: token as Mark });
    else if (/^[<[]/.test(token)) {
      const marked = token.endsWith(':');
      parts.push(compileArg(marked ? token.slice(0, -1) : token, source));
      if (marked) parts.push({ kind: 'mark', mark: ':' });
    } else if (/[<>[\]]/.test(token)) throw new Error(`command syntax "${source}": "${token}" is not an argument (write <name> or [name])`);
    else parts.push({ kind: 'word', words: token.toLowerCase().split('|') });
  }
  const firstMark = parts.findIndex((p) => p.kind === 'mark');
  // the part cut at marks starts with the argument just before the first mark
  const fieldStart = firstMark === -1 ? parts.length : Math.max(0, firstMark - 1);
  const words = parts.slice(0, fieldStart);
  const fields = parts.slice(fieldStart);
  check(words, fields, source);
  return { source, words, fields };
}

function compileArg(token: string, source: string): Part {
  const open = token[0];
  const close = token.at(-1);
  if ((open === '<') !== (close === '>') || (open === '[') !== (close === ']'))
    throw new Error(`command syntax "${source}": "${token}" is not closed the way it opened`);
  const inner = token.slice(1, -1).replace(/\s+/g, ' ').trim();
  const colon = inner.indexOf(':');
  let name = (colon === -1 ? inner : inner.slice(0, colon)).trim();
  let shown = colon === -1 ? '' : inner.slice(colon + 1).trim();
  // "<teks...>" and "<nama...:nama toko>": the rest of the text
  const rest = name.endsWith('...') || shown.endsWith('...');
  name = name.replace(/\.\.\.$/, '');
  shown = shown.replace(/\.\.\.$/, '') || name;
  if (!/^[\p{L}\p{N}_-]+$/u.test(name)) throw new Error(`command syntax "${source}": argument name "${name}" must be one word (write <name:shown words>)`);
  return { kind: 'arg', name, shown, optional: open === '[', rest };
}

function check(words: readonly Part[], fields: readonly Part[], source: string): void {
  const restAt = words.findIndex((p) => p.kind === 'arg' && p.rest);
  if (restAt !== -1 && restAt !== words.length - 1) throw new Error(`command syntax "${source}": only the last argument may take the rest of the text`);
  let optionalSeen = false;
  for (const p of words) {
    if (p.kind === 'arg' && p.optional) optionalSeen = true;
    else if (optionalSeen) throw new Error(`command syntax "${source}": nothing may follow an optional argument`);
  }
  if (fields.length > 0) {
    if (restAt !== -1) throw new Error(`command syntax "${source}": a rest argument cannot come before marks`);
    for (let i = 0; i < fields.length; i++) {
      const p = fields[i] as Part;
      const expected = i % 2 === 0 ? 'arg' : 'mark';
      if (p.kind !== expected) throw new Error(`command syntax "${source}": marks must stand between arguments`);
      if (p.kind === 'arg' && p.optional && i !== fields.length - 1) throw new Error(`command syntax "${source}": only the last field may be optional`);
    }
    if (fields.length % 2 === 0) throw new Error(`command syntax "${source}": a mark cannot end the form`);
  }
  const names = [...words, ...fields].flatMap((p) => (p.kind === 'arg' ? [p.name] : []));
  if (new Set(names).size !== names.length) throw new Error(`command syntax "${source}": an argument name is used twice`);
}

/** How a form is shown to the owner: "pesanan <nomor> konfirmasi [catatan]". */
export function showSyntax(syntax: Syntax): string {
  const show = (p: Part): string => {
    if (p.kind === 'word') return p.words[0] ?? '';
    if (p.kind === 'mark') return p.mark;
    return p.optional ? `[${p.shown}]` : `<${p.shown}>`;
  };
  const words = syntax.words.map(show).join(' ');
  let fields = '';
  for (const p of syntax.fields) fields += p.kind === 'mark' ? (p.mark === ':' ? ':' : ` ${p.mark}`) : ` ${show(p)}`;
  return `${words}${fields}`.trim();
}

// ---- the arguments' types, read from the syntax at compile time ----------------------------

type ArgName<N extends string> = N extends `${infer K}:${string}` ? StripRest<K> : StripRest<N>;
type StripRest<N extends string> = N extends `${infer K}...` ? K : N;
type Required<N extends string> = { [K in ArgName<N>]: string };
type Optional<N extends string> = { [K in ArgName<N>]?: string };

/**
 * The arguments a syntax declares, typed: `<nomor> konfirmasi [catatan...]` gives
 * `{ nomor: string; catatan?: string }`.
 */
export type ArgsOf<S extends string> = S extends `${infer Before}<${infer Name}>${infer After}`
  ? Before extends `${string}[${string}`
    ? OptionalFirst<S>
    : Required<Name> & ArgsOf<After>
  : S extends `${string}[${infer Name}]${infer After}`
    ? Optional<Name> & ArgsOf<After>
    : unknown;
type OptionalFirst<S extends string> = S extends `${string}[${infer Name}]${infer After}` ? Optional<Name> & ArgsOf<After> : unknown;
