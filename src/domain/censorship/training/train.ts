import { createHash } from "node:crypto";
import { analyseLanguage } from "../detect-language.js";
import { MODEL_CATEGORIES, type ModelMeta, sentenceFeatures } from "../model.js";
import { classifyLatinRuns, readingNorms } from "../readings.js";
import { tokenize } from "../tokenize.js";
import { mulberry32 } from "../../seeded-random.js";
import type { TrainingExample } from "./generate.js";

/**
 * Trains the one-vs-rest logistic model of model.ts by stochastic gradient descent over hashed features, holds a
 * deterministic share of the examples out to set each category's threshold (the score that at most
 * `safeFalseAlarm` of the held-out safe sentences reach), and quantises the weights to int8.
 */
export interface TrainingOptions {
  buckets: number;
  epochs: number;
  learningRate: number;
  /** Share of the examples kept out of training to calibrate the thresholds. */
  validationShare: number;
  /** Per category: the share of safe held-out sentences allowed over the threshold. */
  safeFalseAlarm: number;
  /** Probability floors of the thresholds (advice) and of `danger`. */
  minThreshold: number;
  /**
   * Letter-level guard (issue 16): a clean letter of `letterSentences` sentences may get a model finding at most
   * this often; the thresholds are raised together until the safe held-out sentences allow it.
   */
  safeLetterFalseAlarm: number;
  letterSentences: number;
  strongThreshold: number;
  seed: number;
}

export const DEFAULT_TRAINING: TrainingOptions = {
  buckets: 1 << 15,
  epochs: 10,
  learningRate: 0.6,
  validationShare: 0.15,
  safeFalseAlarm: 0.0015,
  minThreshold: 0.6,
  safeLetterFalseAlarm: 0.03,
  letterSentences: 25,
  strongThreshold: 0.9,
  seed: 20261206,
};

interface Vectorised {
  buckets: Uint32Array;
  norm: number;
  labels: Uint8Array;
  example: TrainingExample;
}

/** Exactly the features inference computes for one sentence (tokenizer, Latin runs read as Cyrillic). */
export function exampleNorms(text: string): string[] {
  const tokens = tokenize(text);
  const { masks } = analyseLanguage(text, tokens.words, "ru");
  return readingNorms(tokens.words, classifyLatinRuns(tokens.words, masks));
}

function vectorise(example: TrainingExample, mask: number): Vectorised {
  const hashes: number[] = [];
  sentenceFeatures(exampleNorms(example.text), (hash) => hashes.push(hash & mask));
  const labels = new Uint8Array(MODEL_CATEGORIES.length);
  for (const labelled of example.labels) if (labelled !== "language") labels[MODEL_CATEGORIES.indexOf(labelled)] = 1;
  return { buckets: Uint32Array.from(hashes), norm: hashes.length === 0 ? 0 : 1 / Math.sqrt(hashes.length), labels, example };
}

function isValidation(text: string, share: number): boolean {
  const digest = createHash("sha256").update(text).digest();
  return (digest.readUInt32BE(0) / 2 ** 32) < share;
}

export function corpusDigest(examples: readonly TrainingExample[]): string {
  const hash = createHash("sha256");
  for (const example of examples) hash.update(`${example.lang}\t${example.labels.join(",")}\t${example.text}\n`);
  return hash.digest("hex");
}

export interface TrainedModel {
  meta: ModelMeta;
  weights: Int8Array;
  report: string[];
}

export function trainModel(examples: readonly TrainingExample[], options: TrainingOptions, trainedAt: string): TrainedModel {
  const mask = options.buckets - 1;
  const count = MODEL_CATEGORIES.length;
  const all = examples.map((example) => vectorise(example, mask));
  // Only generated and hand-written sentences are held out: the lexicon's corpus always trains.
  const validation = all.filter((item) => item.example.origin !== "corpus" && isValidation(item.example.text, options.validationShare));
  const training = all.filter((item) => !validation.includes(item));
  const weights = new Float32Array(options.buckets * count);
  const biases = new Float64Array(count);
  const random = mulberry32(options.seed);
  const order = training.map((_, index) => index);
  const scores = new Float64Array(count);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let index = order.length - 1; index > 0; index--) {
      const other = Math.floor(random() * (index + 1));
      [order[index], order[other]] = [order[other] as number, order[index] as number];
    }
    const rate = options.learningRate / (1 + epoch);
    for (const position of order) {
      const item = training[position] as Vectorised;
      logits(item, weights, biases, count, scores);
      for (let category = 0; category < count; category++) {
        const probability = 1 / (1 + Math.exp(-(scores[category] ?? 0)));
        const gradient = probability - (item.labels[category] ?? 0);
        if (Math.abs(gradient) < 1e-3) continue;
        const step = rate * gradient;
        biases[category] = (biases[category] ?? 0) - step * 0.1;
        const delta = step * item.norm;
        for (const bucket of item.buckets) weights[bucket * count + category] = (weights[bucket * count + category] ?? 0) - delta;
      }
    }
  }
  let largest = 0;
  for (const weight of weights) largest = Math.max(largest, Math.abs(weight));
  const scale = largest / 127 || 1;
  const quantised = new Int8Array(weights.length);
  for (let index = 0; index < weights.length; index++) quantised[index] = Math.round((weights[index] ?? 0) / scale);
  const probabilities = (item: Vectorised): number[] => {
    const sums = new Float64Array(count);
    for (const bucket of item.buckets) for (let category = 0; category < count; category++) sums[category] = (sums[category] ?? 0) + (quantised[bucket * count + category] ?? 0);
    return [...sums].map((sum, category) => 1 / (1 + Math.exp(-(sum * scale * item.norm + (biases[category] ?? 0)))));
  };
  const perCategory: number[] = [];
  const strong: number[] = [];
  const report: string[] = [];
  const safe = validation.filter((item) => item.example.labels.length === 0).map(probabilities);
  const scored = validation.map((item) => ({ item, p: probabilities(item) }));
  for (const category of MODEL_CATEGORIES.keys()) {
    const safeScores = safe.map((p) => p[category] ?? 0).sort((a, b) => b - a);
    const allowed = Math.floor(safeScores.length * options.safeFalseAlarm);
    perCategory.push(Math.max(options.minThreshold, (safeScores[allowed] ?? 0) + 1e-6));
  }
  const guarded = letterGuardedThresholds(safe, perCategory, options);
  const thresholds = guarded.thresholds.map(round);
  for (const [category, name] of MODEL_CATEGORIES.entries()) {
    const threshold = thresholds[category] ?? 1;
    strong.push(round(Math.max(threshold, options.strongThreshold)));
    const positives = scored.filter(({ item }) => item.labels[category] === 1);
    const caught = positives.filter(({ p }) => (p[category] ?? 0) >= threshold).length;
    report.push(
      `  ${name.padEnd(16)} threshold ${threshold.toFixed(3)}  held-out recall ${percent(caught, positives.length)} of ${positives.length}`,
    );
  }
  const alarms = safe.filter((p) => p.some((value, category) => value >= (thresholds[category] ?? 1))).length;
  report.unshift(
    `trained on ${training.length} sentences, held out ${validation.length} (${safe.length} safe); ` +
      `safe held-out sentences with any model finding: ${percent(alarms, safe.length)}; ` +
      `a clean letter of ${options.letterSentences} such sentences: ${percent(letterAlarmShare(alarms / Math.max(1, safe.length), options.letterSentences) * 1000, 1000)} ` +
      `(guard ${percent(options.safeLetterFalseAlarm * 1000, 1000)}, thresholds raised by ${guarded.raisedBy.toFixed(3)})`,
  );
  const meta: ModelMeta = {
    version: 1,
    buckets: options.buckets,
    categories: [...MODEL_CATEGORIES],
    scale,
    biases: [...biases].map(round),
    thresholds,
    strongThresholds: strong,
    trainedAt,
    corpusSha256: corpusDigest(examples),
    examples: examples.length,
    description:
      "Hashed word and character 3-5-gram features of one sentence, one logistic output per category; " +
      "int8 weights in model.bin (bucket-major). Trained by npm run train:censorship.",
  };
  return { meta, weights: quantised, report };
}

/** Share of clean letters of `sentences` sentences with at least one finding, when each sentence has one with `p`. */
export function letterAlarmShare(p: number, sentences: number): number {
  return 1 - (1 - p) ** sentences;
}

const THRESHOLD_STEP = 0.005;
const MAX_THRESHOLD = 0.995;

/**
 * The letter-level threshold rule (issue 16): starting from the per-category thresholds, raise all of them by the
 * smallest multiple of 0.005 for which the share of safe held-out sentences with any model finding, spread over a
 * letter of `letterSentences` sentences, keeps at most `safeLetterFalseAlarm` of clean letters flagged.
 * Deterministic: it depends only on the scores.
 */
export function letterGuardedThresholds(
  safeScores: readonly (readonly number[])[],
  thresholds: readonly number[],
  options: Pick<TrainingOptions, "safeLetterFalseAlarm" | "letterSentences">,
): { thresholds: number[]; raisedBy: number } {
  const anyAlarm = (raise: number): number =>
    safeScores.filter((scores) => scores.some((score, category) => score >= Math.min(MAX_THRESHOLD, (thresholds[category] ?? 1) + raise))).length /
    Math.max(1, safeScores.length);
  let raise = 0;
  for (let step = 0; letterAlarmShare(anyAlarm(raise), options.letterSentences) > options.safeLetterFalseAlarm; step++) {
    raise = (step + 1) * THRESHOLD_STEP;
    if (thresholds.every((threshold) => threshold + raise >= MAX_THRESHOLD)) break;
  }
  return { thresholds: thresholds.map((threshold) => Math.min(MAX_THRESHOLD, threshold + raise)), raisedBy: raise };
}

function logits(item: Vectorised, weights: Float32Array, biases: Float64Array, count: number, scores: Float64Array): void {
  for (let category = 0; category < count; category++) scores[category] = 0;
  for (const bucket of item.buckets) {
    const base = bucket * count;
    for (let category = 0; category < count; category++) scores[category] = (scores[category] ?? 0) + (weights[base + category] ?? 0);
  }
  for (let category = 0; category < count; category++) {
    scores[category] = (scores[category] ?? 0) * item.norm + (biases[category] ?? 0);
  }
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? "n/a" : `${((part / whole) * 100).toFixed(1)}%`;
}
