import { createRequire } from 'node:module';
import { courtesyOf } from './lexicon.js';
import type { Words } from './phrases.js';

/**
 * A second opinion on what a message is about, learnt from labelled shoppers' messages: a
 * one-layer network from nlp.js (`@nlpjs/neural`) over the words as the reader sees them (each
 * word's forms: as written with chat spellings expanded, its stem) and each pair of neighbouring
 * words. The rules read first and decide; the guess is asked only where they found nothing,
 * and only a confident guess is used (see `Reading.guess`).
 */

/** A label and how sure the guess is: its share of the squared scores of every label, 0–1. */
export interface Guess {
  label: string;
  score: number;
}

export interface Example {
  label: string;
  text: string;
}

interface NetworkStatus {
  iterations: number;
  error: number;
}
interface Network {
  train(corpus: Array<{ input: Record<string, number>; output: Record<string, number> }>): NetworkStatus;
  run(input: Record<string, number>): Record<string, number> | undefined;
}

const require = createRequire(import.meta.url);
const { NeuralNetwork } = require('@nlpjs/neural') as {
  NeuralNetwork: new (settings: { log: boolean; iterations?: number }) => Network;
};

/** The label no message has: what a message about none of the labels leans towards. */
const NONE = 'None';
/** Iterations at most: the network stops sooner once its error stops falling. */
const ITERATIONS = 100;

export class Guesser {
  private network: Network | null = null;
  private labels = 0;

  /** Learns from these examples, forgetting what it learnt before. `featuresOf` reads a text. */
  train(examples: readonly Example[], featuresOf: (text: string) => Words): { examples: number; labels: number; iterations: number } {
    const corpus = examples.map((e) => ({ input: features(featuresOf(e.text)), output: { [e.label]: 1 } }));
    const labels = new Set(examples.map((e) => e.label));
    if (corpus.length === 0) {
      this.network = null;
      this.labels = 0;
      return { examples: 0, labels: 0, iterations: 0 };
    }
    // nlp.js's "none feature": the last example stands for messages about nothing it knows
    corpus.push({ input: { nonefeature: 1 }, output: { [NONE]: 1 } });
    const network = new NeuralNetwork({ log: false, iterations: ITERATIONS });
    const status = network.train(corpus);
    this.network = network;
    this.labels = labels.size;
    return { examples: examples.length, labels: labels.size, iterations: status.iterations };
  }

  get trained(): boolean {
    return this.network !== null && this.labels > 0;
  }

  /** The likeliest label for these words, or null when nothing was learnt or nothing scores. */
  guess(words: Words): Guess | null {
    const out = this.network?.run(features(words));
    if (!out) return null;
    let total = 0;
    let best: Guess | null = null;
    for (const [label, raw] of Object.entries(out)) {
      const score = raw * raw;
      total += score;
      if (label !== NONE && score > 0 && (!best || score > best.score)) best = { label, score };
    }
    return best && total > 0 ? { label: best.label, score: best.score / total } : null;
  }
}

/**
 * Every form of every word of content, and each pair of neighbouring ones. Courtesy ("kak", "ya",
 * "dong") is left out: it is in every kind of message, and it made short questions look like thanks.
 */
function features(words: Words): Record<string, number> {
  const out: Record<string, number> = {};
  let previous: string | null = null;
  for (let i = 0; i < words.words.length; i++) {
    const word = words.words[i] as string;
    if (courtesyOf(word) !== null) continue;
    for (const form of words.forms(i)) out[form] = 1;
    if (previous) out[`${previous} ${word}`] = 1;
    previous = word;
  }
  // a message of nothing but courtesy
  if (previous === null && words.words.length > 0) out['(courtesy)'] = 1;
  return out;
}
