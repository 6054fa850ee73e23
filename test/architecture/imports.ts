import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/**
 * The import graph of the source tree, read from the import and export statements of every
 * TypeScript file (type-only imports included: a cycle of types is still a cycle to a reader).
 */
export interface ImportGraph {
  /** Files, relative to the root ("src/engine/chain.ts"). */
  files: string[];
  /** File → the files of the tree it imports. */
  edges: Map<string, string[]>;
  /** File → the packages it imports ("zod", "node:fs"). */
  packages: Map<string, string[]>;
}

const SPECIFIER = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

function listTs(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listTs(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

export function readGraph(root: string, folders: readonly string[]): ImportGraph {
  const files = folders.flatMap((f) => listTs(join(root, f))).map((p) => relative(root, p));
  const known = new Set(files);
  const edges = new Map<string, string[]>();
  const packages = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|(^|[^:])\/\/.*$/gm, '$1');
    const local: string[] = [];
    const pkgs: string[] = [];
    for (const m of text.matchAll(SPECIFIER)) {
      const spec = m[1] ?? m[2] ?? '';
      if (!spec.startsWith('.')) {
        pkgs.push(spec);
        continue;
      }
      const target = normalize(join(dirname(file), spec)).replace(/\.js$/, '.ts');
      if (!known.has(target)) throw new Error(`${file} imports ${spec}, which is not a file of the tree`);
      local.push(target);
    }
    edges.set(file, [...new Set(local)]);
    packages.set(file, [...new Set(pkgs)]);
  }
  return { files, edges, packages };
}

/** Every import cycle, each as the files on it (Tarjan's strongly connected components). */
export function cycles(graph: ImportGraph): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    indexOf.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.edges.get(v) ?? []) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, indexOf.get(w) ?? 0));
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfLoop = (graph.edges.get(v) ?? []).includes(v);
      if (component.length > 1 || selfLoop) found.push(component.sort());
    }
  };
  for (const f of graph.files) if (!indexOf.has(f)) visit(f);
  return found;
}

export interface Rule {
  /** What the rule says, for the failure message. */
  says: string;
  /** The files it applies to. */
  from: (file: string) => boolean;
  /** Whether `from` may import `to` (a file of the tree). */
  allows: (to: string, from: string) => boolean;
}

/** The imports that break a rule, as "from → to: rule". */
export function violations(graph: ImportGraph, rules: readonly Rule[]): string[] {
  const out: string[] = [];
  for (const [from, targets] of graph.edges) {
    for (const rule of rules) {
      if (!rule.from(from)) continue;
      for (const to of targets) if (!rule.allows(to, from)) out.push(`${from} → ${to}: ${rule.says}`);
    }
  }
  return out;
}
