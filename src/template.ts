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

export function renderTemplate(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(VARIABLE, (whole, name: string) => (Object.hasOwn(vars, name) ? (vars[name] ?? '') : whole));
}

/** "{nama}, {toko}" for messages that list what may be used. */
export function listVariables(allowed: readonly string[]): string {
  return allowed.map((v) => `{${v}}`).join(', ');
}
