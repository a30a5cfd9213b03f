/**
 * `npm run train:censorship`: trains the censorship check's learned second opinion from the corpus in the
 * repository and writes `data/censorship/model.json` and `model.bin`. Deterministic: the same corpus gives the
 * same weights. `--check` trains and compares with the shipped files instead of writing them.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { MODEL_CATEGORIES } from "../domain/censorship/model.js";
import { trainingCorpus } from "../domain/censorship/training/generate.js";
import { DEFAULT_TRAINING, trainModel } from "../domain/censorship/training/train.js";
import { projectPath } from "../project-path.js";
import { systemClock } from "../clock.js";

const check = process.argv.includes("--check");
const examples = trainingCorpus();
const byLanguage = new Map<string, number>();
for (const example of examples) byLanguage.set(example.lang, (byLanguage.get(example.lang) ?? 0) + 1);
const safe = examples.filter((example) => example.labels.length === 0).length;
console.log(
  `corpus: ${examples.length} sentences (${[...byLanguage].map(([language, count]) => `${language} ${count}`).join(", ")}), ` +
    `${safe} safe; per category: ${MODEL_CATEGORIES.map((category) => `${category} ${examples.filter((example) => example.labels.includes(category)).length}`).join(", ")}`,
);
const started = performance.now();
const metaPath = projectPath("data", "censorship", "model.json");
const binPath = projectPath("data", "censorship", "model.bin");
// The training date is part of the provenance; --check keeps the shipped one so that the comparison is exact.
const trainedAt = check ? (JSON.parse(readFileSync(metaPath, "utf8")) as { trainedAt: string }).trainedAt : systemClock.now().toISOString();
const model = trainModel(examples, DEFAULT_TRAINING, trainedAt);
for (const line of model.report) console.log(line);
console.log(`trained in ${((performance.now() - started) / 1000).toFixed(1)} s; weights ${(model.weights.byteLength / 1e6).toFixed(2)} MB`);
const metaJson = `${JSON.stringify(model.meta, null, 2)}\n`;
const weights = Buffer.from(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength);
if (check) {
  const same = readFileSync(metaPath, "utf8") === metaJson && Buffer.compare(readFileSync(binPath), weights) === 0;
  console.log(same ? "the shipped model is what this corpus trains" : "the shipped model differs: run npm run train:censorship");
  process.exitCode = same ? 0 : 1;
} else {
  writeFileSync(metaPath, metaJson);
  writeFileSync(binPath, weights);
  console.log(`wrote ${metaPath} and ${binPath}`);
}
