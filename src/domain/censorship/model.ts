import { readFileSync } from "node:fs";
import * as v from "valibot";
import { projectPath } from "../../project-path.js";
import type { WordToken } from "./tokenize.js";
import { CATEGORY_IDS, type CategoryId } from "./types.js";

/**
 * The learned second opinion (issue 16): a linear model over hashed word and character n-grams of one sentence,
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
}

export function loadModel(directory = projectPath("data", "censorship")): LetterModel {
  const meta = v.parse(ModelMetaSchema, JSON.parse(readFileSync(`${directory}/model.json`, "utf8")));
  const buffer = readFileSync(`${directory}/model.bin`);
  const weights = new Int8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (weights.length !== meta.buckets * meta.categories.length) {
    throw new Error(`${directory}/model.bin: ${weights.length} weights, expected ${meta.buckets * meta.categories.length}`);
  }
  return { meta, weights, mask: meta.buckets - 1, categories: meta.categories };
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
const BIGRAM_SEED = hashString(FNV_OFFSET, "b");
const GRAM_SEED = hashString(FNV_OFFSET, "g");

/**
 * Calls `visit` with the hash of every feature of a sentence given as its folded words: each word, each pair of
 * neighbouring words, and the character 3-, 4- and 5-grams of each word with boundary marks («<вой», «йна>»).
 * Shared by inference and training so both see exactly the same features.
 */
export function sentenceFeatures(norms: readonly string[], visit: (hash: number) => void): void {
  let previous = "";
  for (const norm of norms) {
    visit(hashString(WORD_SEED, norm));
    if (previous !== "") visit(hashString(hashString(BIGRAM_SEED, previous), ` ${norm}`));
    previous = norm;
    const marked = `<${norm.length > MAX_WORD_FOR_GRAMS ? norm.slice(0, MAX_WORD_FOR_GRAMS) : norm}>`;
    for (let start = 0; start + 3 <= marked.length; start++) {
      let hash = GRAM_SEED;
      for (let length = 0; length < 5 && start + length < marked.length; length++) {
        hash ^= marked.charCodeAt(start + length);
        hash = Math.imul(hash, FNV_PRIME);
        if (length >= 2) visit(hash >>> 0);
      }
    }
  }
}

/** Probabilities per model category for one sentence (folded words). `scores` is reused between calls. */
export function scoreSentence(model: LetterModel, norms: readonly string[], scores: Float64Array): void {
  const count = model.categories.length;
  scores.fill(0);
  let features = 0;
  const { weights, mask } = model;
  sentenceFeatures(norms, (hash) => {
    const base = (hash & mask) * count;
    for (let category = 0; category < count; category++) scores[category] = (scores[category] ?? 0) + (weights[base + category] ?? 0);
    features++;
  });
  const norm = features === 0 ? 0 : model.meta.scale / Math.sqrt(features);
  for (let category = 0; category < count; category++) {
    const logit = (scores[category] ?? 0) * norm + (model.meta.biases[category] ?? 0);
    scores[category] = 1 / (1 + Math.exp(-logit));
  }
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
 * The model's opinions on each sentence of a letter: categories over their threshold that the sentence has no
 * finding of yet. `words` are the tokens (norms already folded; Latin runs read as Cyrillic by the caller).
 */
export function modelOpinions(
  model: LetterModel,
  words: readonly WordToken[],
  norms: readonly string[],
  covered: (category: CategoryId, start: number, end: number) => boolean,
): ModelOpinion[] {
  const opinions: ModelOpinion[] = [];
  const scores = new Float64Array(model.categories.length);
  let first = 0;
  for (let index = 1; index <= words.length; index++) {
    if (index < words.length && !(words[index] as WordToken).breakBefore) continue;
    if (index - first >= MIN_WORDS) {
      scoreSentence(model, norms.slice(first, index), scores);
      const start = (words[first] as WordToken).start;
      const end = (words[index - 1] as WordToken).end;
      for (const [position, category] of model.categories.entries()) {
        const probability = scores[position] ?? 0;
        if (probability < (model.meta.thresholds[position] ?? 1)) continue;
        if (covered(category, start, end)) continue;
        opinions.push({ category, probability, strong: probability >= (model.meta.strongThresholds[position] ?? 1), start, end });
      }
    }
    first = index;
  }
  return opinions;
}
