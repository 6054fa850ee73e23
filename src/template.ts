/**
 * Owner-editable texts use {variables}. Only lower-case names in braces count as variables, so a
 * stray "{" in a text is left alone.
 */
const VARIABLE = /\{([a-z][a-z0-9_]*)\}/g;

export function variablesIn(template: string): string[] {
  const found = new Set<string>();
  for (const m of template.matchAll(VARIABLE)) found.add(m[1] ?? '');
  return [...found];
}

export function unknownVariables(template: string, allowed: readonly string[]): string[] {
  return variablesIn(template).filter((v) => !allowed.includes(v));
}

/** The template split at its variables: text, name, text, name, …, text (one part when it has none). */
export function splitTemplate(template: string): string[] {
  const parts: string[] = [];
  let last = 0;
  for (const m of template.matchAll(VARIABLE)) {
    parts.push(template.slice(last, m.index), m[1] ?? '');
    last = m.index + m[0].length;
  }
  parts.push(template.slice(last));
  return parts;
}

/** "{nama}, {toko}" for messages that list what may be used. */
export function listVariables(allowed: readonly string[]): string {
  return allowed.map((v) => `{${v}}`).join(', ');
}
