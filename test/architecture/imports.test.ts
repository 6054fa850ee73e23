import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cycles, readGraph, type Rule, violations } from './imports.js';

/**
 * The import rules of the source tree (README, "Development"). Imports run one way:
 * shared helpers and the store ← transport ← engine ← host ← built-ins and plugins; a plugin sees
 * only the public plugin API; nothing imports in a circle.
 */
const graph = readGraph(process.cwd(), ['src', 'plugins']);

const under = (folder: string) => (file: string) => file.startsWith(`${folder}/`);
/** The small, pure helpers every layer may use. */
const SHARED = new Set(['src/clock.ts', 'src/config.ts', 'src/errors.ts', 'src/hours.ts', 'src/logger.ts', 'src/phone.ts', 'src/template.ts', 'src/time.ts']);
const shared = (file: string) => SHARED.has(file);
const either =
  (...tests: Array<(file: string) => boolean>) =>
  (file: string) =>
    tests.some((t) => t(file));

const RULES: Rule[] = [
  {
    says: 'a shared helper imports only other shared helpers and the store',
    from: shared,
    allows: either(shared, under('src/store')),
  },
  {
    says: 'the store imports no domain code',
    from: under('src/store'),
    allows: either(under('src/store'), (f) => f === 'src/logger.ts'),
  },
  {
    says: 'a transport imports only transports, shared helpers and the atomic file writer',
    from: under('src/transport'),
    allows: either(under('src/transport'), shared, (f) => f === 'src/store/atomic-write.ts'),
  },
  {
    says: 'the engine imports nothing from the host, built-ins or plugins',
    from: under('src/engine'),
    allows: either(under('src/engine'), shared, under('src/store'), under('src/transport')),
  },
  {
    says: 'the host imports the engine and below, never built-ins, plugins or the public API file',
    from: under('src/host'),
    allows: either(under('src/host'), under('src/engine'), shared, under('src/store'), under('src/transport')),
  },
  {
    says: 'the public plugin API is made of the host and what is below it',
    from: (f) => f === 'src/plugin-api.ts',
    allows: either(under('src/host'), under('src/engine'), shared, under('src/store'), under('src/transport')),
  },
  {
    says: 'a built-in imports the plugin API, the host and below, never a plugin',
    from: under('src/builtins'),
    allows: either(under('src/builtins'), (f) => f === 'src/plugin-api.ts', under('src/host'), under('src/engine'), shared, under('src/store')),
  },
  {
    says: 'a plugin imports only the public plugin API and its own files',
    from: under('plugins'),
    allows: (to, from) => to === 'src/plugin-api.ts' || to.split('/')[1] === from.split('/')[1],
  },
];

describe('import rules', () => {
  it('keeps src/app.ts to wiring: under 200 lines', () => {
    expect(readFileSync('src/app.ts', 'utf8').split('\n').length).toBeLessThan(200);
  });

  it('reads a graph of the whole tree', () => {
    expect(graph.files.length).toBeGreaterThan(80);
    expect(graph.edges.get('src/app.ts')?.length).toBeGreaterThan(5);
  });

  it('has no import cycles in src/ or plugins/', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('keeps every layer to what it may import', () => {
    expect(violations(graph, RULES)).toEqual([]);
  });

  it('catches what it is meant to catch', () => {
    // the checker itself: a cycle and a plugin reaching into the core are found
    const bad = {
      files: ['a.ts', 'b.ts', 'plugins/x/index.ts', 'src/engine/y.ts'],
      edges: new Map([
        ['a.ts', ['b.ts']],
        ['b.ts', ['a.ts']],
        ['plugins/x/index.ts', ['src/engine/y.ts']],
        ['src/engine/y.ts', []],
      ]),
      packages: new Map(),
    };
    expect(cycles(bad)).toEqual([['a.ts', 'b.ts']]);
    expect(violations(bad, RULES)).toEqual(['plugins/x/index.ts → src/engine/y.ts: a plugin imports only the public plugin API and its own files']);
  });
});
