/**
 * Reads and validates a frozen held-out set: by default the files beside this module (set 1); later sets in their own
 * folders (e.g. `test/censorship/holdout-3/`) pass their folder.
 */
import { readFileSync } from "node:fs";
import * as v from "valibot";
import { CATEGORY_IDS, LETTER_LANGUAGES, PRISON_SYSTEMS } from "../../../src/domain/censorship/index.js";
import type { HoldoutLetter, HoldoutSentence } from "./evaluate.js";

const Categories = v.array(v.picklist(CATEGORY_IDS));
const Text = v.pipe(v.string(), v.minLength(1));

const SentenceSchema = v.pipe(
  v.strictObject({
    id: Text,
    lang: v.picklist(LETTER_LANGUAGES),
    system: v.picklist(PRISON_SYSTEMS),
    text: Text,
    risky: v.boolean(),
    kind: Text,
    categories: Categories,
    note: v.optional(v.string()),
  }),
  v.check((item) => item.risky === item.categories.length > 0, "risky lines list categories, safe lines none"),
);

const LetterSchema = v.strictObject({
  id: Text,
  lang: v.picklist(LETTER_LANGUAGES),
  system: v.picklist(PRISON_SYSTEMS),
  note: v.string(),
  paragraphs: v.pipe(v.array(Text), v.minLength(3)),
  passages: v.array(v.strictObject({ text: Text, categories: v.pipe(Categories, v.minLength(1)), kind: Text })),
});

/** The folder of held-out set 1; other sets pass their own folder (a URL ending in "/"). */
export const HOLDOUT_FOLDER = new URL("./", import.meta.url);

const holdoutFile = (folder: URL, name: string): string => readFileSync(new URL(name, folder), "utf8");

function parseOrThrow<T extends v.GenericSchema>(schema: T, value: unknown, where: string): v.InferOutput<T> {
  const result = v.safeParse(schema, value);
  if (!result.success) throw new Error(`${where}: ${result.issues.map((issue) => issue.message).join("; ")}`);
  return result.output;
}

export function loadHoldoutSentences(folder: URL = HOLDOUT_FOLDER): HoldoutSentence[] {
  return holdoutFile(folder, "sentences.jsonl")
    .split("\n")
    .map((line, index) => ({ line, where: `sentences.jsonl line ${index + 1}` }))
    .filter(({ line }) => line.trim() !== "")
    .map(({ line, where }) => parseOrThrow(SentenceSchema, JSON.parse(line), where));
}

export function loadHoldoutLetters(folder: URL = HOLDOUT_FOLDER): HoldoutLetter[] {
  const raw = parseOrThrow(v.array(v.unknown()), JSON.parse(holdoutFile(folder, "letters.json")), "letters.json");
  return raw.map((item, index) => parseOrThrow(LetterSchema, item, `letters.json item ${index}`));
}
