import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as v from "valibot";
import { projectPath } from "../../../project-path.js";
import { mulberry32 } from "../../seeded-random.js";
import { CATEGORY_IDS, type CategoryId } from "../types.js";

/**
 * The training corpus of the learned model (issue 16), all of it in the repository so that training is
 * reproducible: hand-written sentences (`data/censorship/training/*.jsonl`), sentences generated from templates
 * (`data/censorship/training/templates/*.json`: patterns with {slots} filled by a seeded generator), and the
 * labelled corpus the lexicon was tuned on (`test/censorship/corpus/*.jsonl`). The development set
 * (`test/censorship/dev/`) is never trained on.
 */

const LANGS = ["ru", "uk", "be", "en"] as const;
const label = v.picklist(CATEGORY_IDS.filter((category) => category !== "language"));

const SentenceSchema = v.object({
  text: v.pipe(v.string(), v.minLength(1)),
  lang: v.picklist([...LANGS, "other"]),
  expect: v.array(label),
});

const TemplateFileSchema = v.strictObject({
  lang: v.picklist(LANGS),
  description: v.optional(v.string()),
  /** Slot values shared by the groups of this file. */
  slots: v.record(v.string(), v.array(v.string())),
  groups: v.array(
    v.strictObject({
      /** Categories of every sentence of the group; empty for innocent look-alikes. */
      labels: v.array(label),
      patterns: v.pipe(v.array(v.string()), v.minLength(1)),
      /** Group-only slots (override the file's). */
      slots: v.optional(v.record(v.string(), v.array(v.string()))),
      /** How many sentences to generate (distinct ones are kept). */
      count: v.pipe(v.number(), v.integer(), v.minValue(1)),
      note: v.optional(v.string()),
    }),
  ),
});

export interface TrainingExample {
  text: string;
  lang: string;
  labels: CategoryId[];
  origin: "handwritten" | "generated" | "corpus";
}

const SLOT = /\{([a-z0-9-]+)\}/gu;

export function fillPattern(pattern: string, slots: Readonly<Record<string, readonly string[]>>, random: () => number): string {
  let text = pattern;
  // Slot values may contain slots themselves (one level is enough for our templates, two are allowed).
  for (let depth = 0; depth < 3 && text.includes("{"); depth++) {
    text = text.replace(SLOT, (whole, name: string) => {
      const values = slots[name];
      if (!values || values.length === 0) throw new Error(`template slot {${name}} has no values in "${pattern}"`);
      return values[Math.floor(random() * values.length)] ?? whole;
    });
  }
  const trimmed = text.replace(/\s+/gu, " ").replace(/\s+([,.!?;:])/gu, "$1").trim();
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

export function generateFromTemplates(directory: string, seed: number): TrainingExample[] {
  const examples: TrainingExample[] = [];
  const files = readdirSync(directory).filter((name) => name.endsWith(".json")).sort();
  for (const [fileIndex, file] of files.entries()) {
    const data = v.parse(TemplateFileSchema, JSON.parse(readFileSync(join(directory, file), "utf8")));
    const random = mulberry32(seed + fileIndex * 7919);
    for (const group of data.groups) {
      const slots = { ...data.slots, ...group.slots };
      const seen = new Set<string>();
      for (let attempt = 0; attempt < group.count * 4 && seen.size < group.count; attempt++) {
        const pattern = group.patterns[Math.floor(random() * group.patterns.length)] as string;
        const text = fillPattern(pattern, slots, random);
        if (seen.has(text)) continue;
        seen.add(text);
        examples.push({ text, lang: data.lang, labels: [...group.labels], origin: "generated" });
      }
    }
  }
  return examples;
}

export function readSentenceFiles(directory: string, origin: TrainingExample["origin"]): TrainingExample[] {
  const files = readdirSync(directory).filter((name) => name.endsWith(".jsonl")).sort();
  return files.flatMap((file) =>
    readFileSync(join(directory, file), "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line, index) => {
        const parsed = v.safeParse(SentenceSchema, JSON.parse(line));
        if (!parsed.success) throw new Error(`${file} line ${index + 1}: ${parsed.issues[0]?.message}`);
        return { text: parsed.output.text, lang: parsed.output.lang, labels: parsed.output.expect, origin };
      }),
  );
}

export const TRAINING_SEED = 20261206;

/** The whole training corpus, in a fixed order. */
export function trainingCorpus(): TrainingExample[] {
  const root = projectPath("data", "censorship", "training");
  return [
    ...readSentenceFiles(root, "handwritten"),
    ...generateFromTemplates(join(root, "templates"), TRAINING_SEED),
    ...readSentenceFiles(projectPath("test", "censorship", "corpus"), "corpus"),
  ];
}
