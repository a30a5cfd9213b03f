import { readFileSync } from "node:fs";
import * as v from "valibot";
import { projectPath } from "../../project-path.js";
import { layerValue, storeLayerValue, type WordLookup } from "./compile.js";
import type { WordToken } from "./tokenize.js";
import { CATEGORY_IDS, type CategoryId } from "./types.js";

/**
 * The learned second opinion (issue 16): a linear model over hashed words and character n-grams of one sentence,
 * one logistic output per category, weights shipped as data (`data/censorship/model.bin`, int8, with
 * `model.json` for the scale, biases and thresholds). Pure TypeScript inference; trained by
 * `npm run train:censorship` (scripts/censorship-model/train.ts), which documents the corpus and the thresholds.
 *
 * Its findings say "might be read as …": it never blocks on its own (severity `danger` or `advice`), and it only
 * speaks about a sentence where the lexicon and the frames found nothing of that category.
 */

export type ModelCategory = Exclude<CategoryId, "language">;
export const MODEL_CATEGORIES: readonly ModelCategory[] = CATEGORY_IDS.filter(
  (category): category is ModelCategory => category !== "language",
);

const ModelMetaSchema = v.strictObject({
  version: v.literal(1),
  /** Number of hash buckets (a power of two). */
  buckets: v.pipe(v.number(), v.integer(), v.minValue(1024)),
  categories: v.array(v.picklist(MODEL_CATEGORIES)),
  /** Weights are int8 × scale. */
  scale: v.number(),
  biases: v.array(v.number()),
  /** Per category: probability from which the model reports (advice) and from which it says danger. */
  thresholds: v.array(v.number()),
  strongThresholds: v.array(v.number()),
  /** Provenance: when and from what the weights were trained (see the training script). */
  trainedAt: v.string(),
  corpusSha256: v.string(),
  examples: v.number(),
  description: v.optional(v.string()),
});
export type ModelMeta = v.InferOutput<typeof ModelMetaSchema>;

export interface LetterModel {
  meta: ModelMeta;
  weights: Int8Array;
  mask: number;
  categories: readonly CategoryId[];
  /** Per folded word: the sum of its own features' weights per category, then its number of features. */
  wordScores: Map<string, Float64Array>;
  /**
   * Per category: a logit below which the probability is surely under the category's threshold (see
   * modelOpinions), so that the sigmoid is computed only for the categories that may be reported.
   */
  silentBelow: Float64Array;
  /** `meta.biases` per category (0 where it has none), typed: read for every category of every sentence. */
  biases: Float64Array;
}

export function loadModel(directory = projectPath("data", "censorship")): LetterModel {
  const meta = v.parse(ModelMetaSchema, JSON.parse(readFileSync(`${directory}/model.json`, "utf8")));
  const buffer = readFileSync(`${directory}/model.bin`);
  const weights = new Int8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (weights.length !== meta.buckets * meta.categories.length) {
    throw new Error(`${directory}/model.bin: ${weights.length} weights, expected ${meta.buckets * meta.categories.length}`);
  }
  return {
    meta,
    weights,
    mask: meta.buckets - 1,
    categories: meta.categories,
    wordScores: new Map(),
    silentBelow: silentLogits(meta),
    biases: Float64Array.from(meta.categories, (_, position) => meta.biases[position] ?? 0),
  };
}

// How far under a threshold's logit a sentence's logit must lie to be skipped without its sigmoid. The sigmoid's
// rounding errs by ~1e-16; a logit 1e-6 under the threshold's gives a probability ~1e-7 under it (p(1-p) ≥ 0.01 for
// thresholds in [0.01, 0.99]), so no probability that reaches its threshold is skipped.
const LOGIT_MARGIN = 1e-6;

/** Per category: logit(threshold) less the margin; -Infinity (never skip) for a threshold outside (0, 1). */
function silentLogits(meta: ModelMeta): Float64Array {
  return Float64Array.from(meta.categories, (_, position) => {
    const threshold = meta.thresholds[position] ?? 1;
    if (!(threshold > 0 && threshold < 1)) return Number.NEGATIVE_INFINITY;
    return Math.log(threshold / (1 - threshold)) - LOGIT_MARGIN;
  });
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const MAX_WORD_FOR_GRAMS = 24;

function hashString(seed: number, text: string): number {
  let hash = seed;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

// Feature kinds get different seeds so a word and a character n-gram of the same text land in different buckets.
const WORD_SEED = hashString(FNV_OFFSET, "w");
const GRAM_SEED = hashString(FNV_OFFSET, "g");

/** A word's own features: the word itself and its character 3-, 4- and 5-grams with boundary marks. */
function computeWordFeatures(norm: string): Uint32Array {
  const hashes: number[] = [hashString(WORD_SEED, norm)];
  const marked = `<${norm.length > MAX_WORD_FOR_GRAMS ? norm.slice(0, MAX_WORD_FOR_GRAMS) : norm}>`;
  for (let start = 0; start + 3 <= marked.length; start++) {
    let hash = GRAM_SEED;
    for (let length = 0; length < 5 && start + length < marked.length; length++) {
      hash ^= marked.charCodeAt(start + length);
      hash = Math.imul(hash, FNV_PRIME);
      if (length >= 2) hashes.push(hash >>> 0);
    }
  }
  return Uint32Array.from(hashes);
}

// Letters repeat the same few thousand words: each word's features are hashed once.
const wordFeatureMemo = new Map<string, Uint32Array>();
const MAX_FEATURE_MEMO = 50_000;

function wordFeatures(norm: string): Uint32Array {
  let features = wordFeatureMemo.get(norm);
  if (!features) {
    features = computeWordFeatures(norm);
    if (wordFeatureMemo.size >= MAX_FEATURE_MEMO) wordFeatureMemo.clear();
    wordFeatureMemo.set(norm, features);
  }
  return features;
}

/**
 * Calls `visit` with the hash of every feature of a sentence given as its folded words: each word and the
 * character 3-, 4- and 5-grams of each word with boundary marks («<вой», «йна>»). Word pairs were tried and
 * dropped: their scattered weight lookups doubled the model's cost for little gain on the development set.
 * Shared by inference and training so both see exactly the same features.
 */
export function sentenceFeatures(norms: readonly string[], visit: (hash: number) => void): void {
  for (const norm of norms) {
    const features = wordFeatures(norm);
    for (let index = 0; index < features.length; index++) visit(features[index] as number);
  }
}

const MAX_WORD_SCORES = 50_000;

/** The weights of one word's features summed per category (computed once per word), then its number of features. */
function wordScores(model: LetterModel, norm: string): Float64Array {
  let sums = model.wordScores.get(norm);
  if (sums) return sums;
  const count = model.categories.length;
  sums = new Float64Array(count + 1);
  const own = wordFeatures(norm);
  for (let index = 0; index < own.length; index++) {
    const base = ((own[index] as number) & model.mask) * count;
    for (let category = 0; category < count; category++) sums[category] = (sums[category] as number) + (model.weights[base + category] as number);
  }
  sums[count] = own.length;
  if (model.wordScores.size >= MAX_WORD_SCORES) model.wordScores.clear();
  model.wordScores.set(norm, sums);
  return sums;
}

/** Probabilities per model category for the sentence `norms[from..to)` (folded words); `scores` is reused. */
export function scoreSentence(
  model: LetterModel,
  norms: readonly string[],
  scores: Float64Array,
  from = 0,
  to = norms.length,
  lookups?: readonly (WordLookup | undefined)[],
): void {
  const scale = featureScale(model, sentenceSums(model, norms, scores, from, to, lookups));
  for (let category = 0; category < model.categories.length; category++) {
    scores[category] = sigmoid((scores[category] as number) * scale + (model.biases[category] as number));
  }
}

function sigmoid(logit: number): number {
  return 1 / (1 + Math.exp(-logit));
}

/** What a sentence's summed weights are multiplied by: the model's scale over the root of its number of features. */
function featureScale(model: LetterModel, features: number): number {
  return features === 0 ? 0 : model.meta.scale / Math.sqrt(features);
}

/** The sentence's word weights summed per category into `scores` (before scale and bias); returns its feature count. */
function sentenceSums(
  model: LetterModel,
  norms: readonly string[],
  scores: Float64Array,
  from: number,
  to: number,
  lookups: readonly (WordLookup | undefined)[] | undefined,
): number {
  const count = model.categories.length;
  if (from >= to) scores.fill(0);
  let features = 0;
  for (let position = from; position < to; position++) {
    const lookup = lookups?.[position];
    let own = lookup === undefined ? undefined : layerValue<Float64Array>(lookup, model);
    if (own === undefined) {
      own = wordScores(model, norms[position] as string);
      if (lookup !== undefined) storeLayerValue(lookup, model, own);
    }
    // The first word's sums are copied, not added to zeros: the same numbers, since a word's sums (whole weights
    // added to 0) are never -0, the one value 0 + x changes.
    if (position === from) for (let category = 0; category < count; category++) scores[category] = own[category] as number;
    else for (let category = 0; category < count; category++) scores[category] = (scores[category] as number) + (own[category] as number);
    features += own[count] as number;
  }
  return features;
}

export interface ModelOpinion {
  category: CategoryId;
  probability: number;
  strong: boolean;
  start: number;
  end: number;
}

// A sentence this short («Привет!») says too little for the model to judge.
const MIN_WORDS = 3;

/**
 * The model's opinions on the sentences of a letter that the rules found nothing in (`flagged` says whether a
 * sentence has a finding already: the writer's attention is on it anyway, and scoring only the silent sentences
 * keeps the dense worst-case letters of the benchmark within the speed goals): categories over their threshold.
 * `words` are the tokens (norms already folded; Latin runs read as Cyrillic by the caller).
 */
export function modelOpinions(
  model: LetterModel,
  words: readonly WordToken[],
  norms: readonly string[],
  flagged: (start: number, end: number) => boolean,
  lookups?: readonly (WordLookup | undefined)[],
): ModelOpinion[] {
  const opinions: ModelOpinion[] = [];
  const scores = new Float64Array(model.categories.length);
  let first = 0;
  for (let index = 1; index <= words.length; index++) {
    if (index < words.length && !(words[index] as WordToken).breakBefore) continue;
    const start = (words[first] as WordToken).start;
    const end = (words[index - 1] as WordToken | undefined)?.end ?? start;
    if (index - first >= MIN_WORDS && !flagged(start, end)) {
      // Each logit (as scoreSentence computes it) compared as it is made: one pass over the categories.
      const scale = featureScale(model, sentenceSums(model, norms, scores, first, index, lookups));
      for (let position = 0; position < model.categories.length; position++) {
        const logit = (scores[position] as number) * scale + (model.biases[position] as number);
        // Most categories are far under their threshold: no sigmoid for them (the same decisions, see silentBelow).
        if (logit < (model.silentBelow[position] as number)) continue;
        const category = model.categories[position] as CategoryId;
        const probability = sigmoid(logit);
        if (probability < (model.meta.thresholds[position] ?? 1)) continue;
        opinions.push({ category, probability, strong: probability >= (model.meta.strongThresholds[position] ?? 1), start, end });
      }
    }
    first = index;
  }
  return opinions;
}
