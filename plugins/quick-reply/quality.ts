import type { Matcher, Words } from './matcher.js';

/** A labelled message: the rules it should trigger (none for a greeting or a thank-you). */
export interface LabelledMessage {
  text: string;
  rules: string[];
}

export interface Quality {
  precision: number;
  recall: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** The messages the matcher got wrong, with what it said. */
  mistakes: Array<{ text: string; expected: string[]; got: string[] }>;
}

/** Precision and recall of the matcher over a labelled corpus, counted per (message, rule). */
export function measure(matcher: Matcher, corpus: readonly LabelledMessage[], read: (text: string) => Words): Quality {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const mistakes: Quality['mistakes'] = [];
  for (const m of corpus) {
    const got = matcher.match(read(m.text));
    const expected = new Set(m.rules);
    for (const g of got)
      if (expected.has(g)) tp++;
      else fp++;
    for (const e of expected) if (!got.includes(e)) fn++;
    const wrong = got.length !== expected.size || got.some((g) => !expected.has(g));
    if (wrong) mistakes.push({ text: m.text, expected: m.rules, got });
  }
  return {
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    mistakes,
  };
}
