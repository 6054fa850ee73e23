import type { Part, Syntax } from './syntax.js';

/**
 * Which form of a command the owner typed, read from the forms' declared syntax (pure). Forms are
 * tried in the order they are declared; the first that fits wins. A first word that is one of a
 * command's words ("hari" in `!sapaan hari 7`) commits the command to the forms starting with it,
 * so `!sapaan hari tujuh` is a mistake to explain, never a new greeting that starts with "hari".
 */
export interface FormLike {
  readonly syntax: Syntax;
}

export type Args = Record<string, string>;

export type Problem =
  /** A word the command does not know where one of its words was expected, with the nearest one. */
  | { kind: 'unknown'; word: string; before: string; suggestion: string | null; choices: string[] }
  /** An argument was not written; `args`: those written before it. */
  | { kind: 'missing'; arg: string; name: string; args: Args }
  /** More was written than the form takes. */
  | { kind: 'extra'; text: string };

export type Match<F extends FormLike> =
  | { ok: true; form: F; args: Args }
  /** `form`: the form that came closest; `related`: the forms to show as the usage. */
  | { ok: false; problem: Problem; form: F | null; related: F[] };

interface Token {
  text: string;
  lower: string;
  start: number;
}

type Fit = { ok: true; args: Args } | { ok: false; progress: number; problem: Problem; expected: readonly string[] | null };

export function matchForm<F extends FormLike>(forms: readonly F[], text: string): Match<F> {
  const tokens = tokenize(text);
  const first = tokens[0]?.lower;
  const startsWithWord = (f: F): boolean => {
    const p = f.syntax.words[0] ?? f.syntax.fields[0];
    return p?.kind === 'word' && first !== undefined && p.words.includes(first);
  };
  const committed = forms.filter(startsWithWord);
  // with words typed, a form of no words does not fit; without, only such a form (or optional args) can
  const openForms = forms.filter((f) => {
    const p = f.syntax.words[0] ?? f.syntax.fields[0];
    return p === undefined ? tokens.length === 0 : p.kind !== 'word';
  });
  // a command without words of its own ("!statistik"): what follows its name is extra
  const bare = forms.some((f) => (f.syntax.words[0] ?? f.syntax.fields[0])?.kind === 'word')
    ? []
    : forms.filter((f) => f.syntax.words.length + f.syntax.fields.length === 0);
  const candidates = committed.length > 0 ? committed : openForms.length > 0 ? openForms : bare;
  let best: { form: F; fit: Fit & { ok: false } } | null = null;
  let found: { form: F; args: Args; words: number } | null = null;
  for (const form of candidates) {
    const fit = fitForm(form.syntax, tokens, text);
    if (fit.ok) {
      // the form that fits with the most of its own words: "<tanggal> <jam> sampai …" over "<teks...>"
      const words = form.syntax.words.filter((p) => p.kind === 'word').length;
      if (!found || words > found.words) found = { form, args: fit.args, words };
      continue;
    }
    // the form that came furthest; at a tie, a word the form expected explains the mistake best
    if (
      !best ||
      fit.progress > best.fit.progress ||
      (fit.progress === best.fit.progress && fit.problem.kind === 'unknown' && best.fit.problem.kind !== 'unknown')
    )
      best = { form, fit };
  }
  if (found) return { ok: true, form: found.form, args: found.args };
  const related = committed.length > 0 ? committed : [...forms];
  if (!best) {
    // the first word is none of the command's words, and no form takes an argument there
    const word = tokens[0]?.text ?? '';
    const words = firstWords(forms);
    return { ok: false, problem: { kind: 'unknown', word, before: '', suggestion: nearest(word, words), choices: shownWords(forms) }, form: null, related };
  }
  const { problem, expected } = best.fit;
  const subWords = firstWords(forms);
  if (
    problem.kind === 'extra' &&
    committed.length === 0 &&
    best.form.syntax.words.length === 1 &&
    best.form.syntax.words[0]?.kind === 'arg' &&
    subWords.length > 0
  ) {
    // "!balasan ganti promo": more than a name where a name alone fits; the first word was most
    // likely one of the command's own words, mistyped
    const word = tokens[0]?.text ?? '';
    return {
      ok: false,
      problem: { kind: 'unknown', word, before: '', suggestion: nearest(word, subWords), choices: shownWords(forms) },
      form: best.form,
      related,
    };
  }
  if (problem.kind === 'unknown') {
    // the nearest word among the forms that came as far, at the same place
    const words = expected ? [...expected] : [];
    const choices = expected?.[0] ? [expected[0]] : [];
    for (const f of candidates) {
      const fit = f === best.form ? best.fit : fitForm(f.syntax, tokens, text);
      if (!fit.ok && fit.progress === best.fit.progress && fit.expected) {
        words.push(...fit.expected);
        if (fit.expected[0] && !choices.includes(fit.expected[0])) choices.push(fit.expected[0]);
      }
    }
    return { ok: false, problem: { ...problem, suggestion: nearest(problem.word, words), choices }, form: best.form, related };
  }
  return { ok: false, problem, form: best.form, related };
}

/** The first words of the forms that start with one: what a mistyped first word may have meant. */
function firstWords(forms: readonly FormLike[]): string[] {
  return forms.flatMap((f) => {
    const p = f.syntax.words[0];
    return p?.kind === 'word' ? [...p.words] : [];
  });
}

/** The first words as shown (the first of each set of alternatives), in order, once each. */
function shownWords(forms: readonly FormLike[]): string[] {
  const out: string[] = [];
  for (const f of forms) {
    const p = f.syntax.words[0];
    const w = p?.kind === 'word' ? p.words[0] : undefined;
    if (w && !out.includes(w)) out.push(w);
  }
  return out;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/\S+/g)) out.push({ text: m[0], lower: m[0].toLowerCase(), start: m.index ?? 0 });
  return out;
}

/** Fits one form to the typed words; `progress` counts the parts that fitted before a problem. */
function fitForm(syntax: Syntax, tokens: readonly Token[], text: string): Fit {
  const args: Args = {};
  let t = 0;
  let progress = 0;
  for (const part of syntax.words) {
    const token = tokens[t];
    if (part.kind === 'word') {
      if (!token) return { ok: false, progress, problem: { kind: 'missing', arg: part.words[0] ?? '', name: '', args }, expected: part.words };
      if (!part.words.includes(token.lower))
        return {
          ok: false,
          progress,
          problem: { kind: 'unknown', word: token.text, before: before(tokens, t), suggestion: null, choices: [] },
          expected: part.words,
        };
      t++;
    } else if (part.kind === 'arg') {
      if (part.rest) {
        const rest = token ? text.slice(token.start).trim() : '';
        if (rest === '' && !part.optional) return { ok: false, progress, problem: { kind: 'missing', arg: part.shown, name: part.name, args }, expected: null };
        if (rest !== '') args[part.name] = rest;
        t = tokens.length;
      } else if (!token) {
        if (!part.optional) return { ok: false, progress, problem: { kind: 'missing', arg: part.shown, name: part.name, args }, expected: null };
      } else {
        args[part.name] = token.text;
        t++;
      }
    }
    progress++;
  }
  if (syntax.fields.length > 0) {
    const from = tokens[t]?.start ?? text.length;
    const fitted = fitFields(syntax.fields, text.slice(from), progress);
    if (!fitted.ok) return fitted;
    Object.assign(args, fitted.args);
    return { ok: true, args };
  }
  if (t < tokens.length) {
    const extra = text.slice(tokens[t]?.start ?? text.length).trim();
    return { ok: false, progress, problem: { kind: 'extra', text: extra }, expected: null };
  }
  return { ok: true, args };
}

/**
 * "Mawar | 25rb | Mawar | deskripsi": the fields between the marks; the last one keeps any marks in
 * it. A field left empty between two marks is passed on as "" for the handler to explain; one whose
 * mark is missing is missing.
 */
function fitFields(fields: readonly Part[], text: string, progress: number): Fit {
  const args: Args = {};
  let rest = text;
  for (let i = 0; i < fields.length; i += 2) {
    const arg = fields[i] as Part & { kind: 'arg' };
    const mark = fields[i + 1];
    if (mark?.kind !== 'mark') {
      const value = rest.trim();
      if (value !== '' || !arg.optional) args[arg.name] = value;
      return { ok: true, args };
    }
    const at = rest.indexOf(mark.mark);
    if (at === -1) {
      // what is left may be this field alone, when every field after it is optional
      const next = fields[i + 2] as Part & { kind: 'arg' };
      if (!next.optional) {
        if (rest.trim() === '' && i === 0)
          return { ok: false, progress: progress + i, problem: { kind: 'missing', arg: arg.shown, name: arg.name, args }, expected: null };
        return { ok: false, progress: progress + i, problem: { kind: 'missing', arg: next.shown, name: next.name, args }, expected: null };
      }
      args[arg.name] = rest.trim();
      return { ok: true, args };
    }
    args[arg.name] = rest.slice(0, at).trim();
    rest = rest.slice(at + 1);
  }
  return { ok: true, args };
}

function before(tokens: readonly Token[], t: number): string {
  return tokens
    .slice(0, t)
    .map((x) => x.text)
    .join(' ');
}

/** The closest of `words` to a mistyped one, allowing about a third of its letters wrong; null if none is close. */
export function nearest(word: string, words: readonly string[]): string | null {
  const w = word.toLowerCase();
  let best: { word: string; distance: number } | null = null;
  for (const candidate of new Set(words)) {
    const d = editDistance(w, candidate);
    if (d <= Math.max(1, Math.floor(candidate.length / 3)) && (!best || d < best.distance)) best = { word: candidate, distance: d };
  }
  return best?.word ?? null;
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
