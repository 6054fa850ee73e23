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
}

const require = createRequire(import.meta.url);
const { NeuralNetwork } = require('@nlpjs/neural') as {
  NeuralNetwork: new (settings: { log: boolean; iterations?: number }) => Network;
};

/** The label no message has: what a message about none of the labels leans towards. */
const NONE = 'None';
/** Iterations at most: the network stops sooner once its error stops falling. */
const ITERATIONS = 100;

/**
 * What the network learnt, kept in the shape a guess reads: each feature's weight towards every
 * label, and each label's bias. The network itself (its lookup, its training state) is let go.
 */
interface Model {
  labels: string[];
  biases: Float64Array;
  weights: Map<string, Float32Array>;
}

interface TrainedNetwork {
  lookup: { inputLookup: { items: string[] } };
  perceptrons: Array<{ name: string; weights: Float32Array; bias: number }>;
}

export class Guesser {
  private model: Model | null = null;
  private labels = 0;

  /** Learns from these examples, forgetting what it learnt before. `featuresOf` reads a text. */
  train(examples: readonly Example[], featuresOf: (text: string) => Words): { examples: number; labels: number; iterations: number } {
    const corpus = examples.map((e) => ({ input: Object.fromEntries([...features(featuresOf(e.text))].map((f) => [f, 1])), output: { [e.label]: 1 } }));
    const labels = new Set(examples.map((e) => e.label));
    if (corpus.length === 0) {
      this.model = null;
      this.labels = 0;
      return { examples: 0, labels: 0, iterations: 0 };
    }
    // nlp.js's "none feature": the last example stands for messages about nothing it knows
    corpus.push({ input: { nonefeature: 1 }, output: { [NONE]: 1 } });
    const network = new NeuralNetwork({ log: false, iterations: ITERATIONS });
    const status = network.train(corpus);
    this.model = modelOf(network as unknown as TrainedNetwork);
    this.labels = labels.size;
    return { examples: examples.length, labels: labels.size, iterations: status.iterations };
  }

  get trained(): boolean {
    return this.model !== null && this.labels > 0;
  }

  /**
   * The likeliest label for these words, or null when nothing was learnt or nothing scores. The
   * network's own sum for each label (its bias and the weights of the features present, none
   * below zero); the network scales every output by the same factor, which the share cancels.
   */
  guess(words: Words): Guess | null {
    const model = this.model;
    if (!model) return null;
    const sums = Float64Array.from(model.biases);
    for (const feature of features(words)) {
      const w = model.weights.get(feature);
      if (w) for (let k = 0; k < sums.length; k++) sums[k] = (sums[k] as number) + (w[k] as number);
    }
    let total = 0;
    let best = -1;
    let bestScore = 0;
    for (let k = 0; k < sums.length; k++) {
      const sum = sums[k] as number;
      const score = sum > 0 ? sum * sum : 0;
      total += score;
      if (model.labels[k] !== NONE && score > 0 && score > bestScore) {
        best = k;
        bestScore = score;
      }
    }
    return best >= 0 && total > 0 ? { label: model.labels[best] as string, score: bestScore / total } : null;
  }
}

/** The weights of a trained network, feature by feature. */
function modelOf(network: TrainedNetwork): Model {
  const perceptrons = network.perceptrons;
  const weights = new Map<string, Float32Array>();
  network.lookup.inputLookup.items.forEach((feature, i) => {
    const w = new Float32Array(perceptrons.length);
    let any = false;
    perceptrons.forEach((p, k) => {
      w[k] = p.weights[i] as number;
      any ||= w[k] !== 0;
    });
    if (any) weights.set(feature, w);
  });
  return { labels: perceptrons.map((p) => p.name), biases: Float64Array.from(perceptrons.map((p) => p.bias)), weights };
}

/**
 * Every form of every word of content, and each pair of neighbouring ones. Courtesy ("kak", "ya",
 * "dong") is left out: it is in every kind of message, and it made short questions look like thanks.
 */
function features(words: Words): Set<string> {
  const out = new Set<string>();
  let previous: string | null = null;
  for (let i = 0; i < words.words.length; i++) {
    const word = words.words[i] as string;
    if (courtesyOf(word) !== null) continue;
    for (const form of words.forms(i)) out.add(form);
    if (previous) out.add(`${previous} ${word}`);
    previous = word;
  }
  // a message of nothing but courtesy
  if (previous === null && words.words.length > 0) out.add('(courtesy)');
  return out;
}
