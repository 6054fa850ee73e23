import type { CatalogIndex, ReadText } from './search.js';

/** A labelled search phrase: the codes any one of which is a right answer. */
export interface LabelledQuery {
  query: string;
  expect: string[];
}

export interface SearchQuality {
  total: number;
  /** Phrases whose expected product came among the first three results. */
  inTop3: number;
  share: number;
  misses: Array<{ query: string; expected: string[]; got: string[] }>;
}

/** How often the expected product is in the top 3 of the search, over a labelled fixture. */
export function measureSearch(index: CatalogIndex, cases: readonly LabelledQuery[], read: ReadText): SearchQuality {
  let inTop3 = 0;
  const misses: SearchQuality['misses'] = [];
  for (const c of cases) {
    const got = index.search(read(c.query), 5).products.map((p) => p.code);
    if (got.slice(0, 3).some((code) => c.expect.includes(code))) inTop3++;
    else misses.push({ query: c.query, expected: c.expect, got });
  }
  return { total: cases.length, inTop3, share: cases.length === 0 ? 0 : inTop3 / cases.length, misses };
}
