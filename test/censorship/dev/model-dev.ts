/**
 * The learned model's own figures on the development sets, without the rules (issue 16):
 * `npx tsx test/censorship/dev/model-dev.ts`. A risky sentence counts when the model alone reaches its threshold
 * for every expected category; a safe one is a false alarm when any category reaches it. The development sets are
 * never trained on, so this is how far the model generalises beyond its training text.
 */
import { loadModel, scoreSentence } from "../../../src/domain/censorship/model.js";
import { exampleNorms } from "../../../src/domain/censorship/training/train.js";
import { loadSentenceFiles } from "../corpus.js";

const model = loadModel();
// `--floor 0.5`: the figures at a lower (or higher) threshold floor than the shipped one.
const floorArgument = process.argv.indexOf("--floor");
if (floorArgument >= 0) model.meta.thresholds = model.meta.thresholds.map(() => Number(process.argv[floorArgument + 1]));
const scores = new Float64Array(model.categories.length);
const byFile = new Map<string, { risky: number; caught: number; safe: number; alarms: number }>();
for (const item of loadSentenceFiles(new URL("./", import.meta.url))) {
  scoreSentence(model, exampleNorms(item.text), scores);
  const over = model.categories.filter((_, index) => (scores[index] ?? 0) >= (model.meta.thresholds[index] ?? 1));
  const row = byFile.get(item.file) ?? { risky: 0, caught: 0, safe: 0, alarms: 0 };
  if (item.expect.length > 0) {
    row.risky++;
    if (item.expect.every((category) => over.includes(category))) row.caught++;
  } else {
    row.safe++;
    if (over.length > 0) row.alarms++;
  }
  byFile.set(item.file, row);
}
const percent = (part: number, whole: number) => `${((part / Math.max(1, whole)) * 100).toFixed(1)}%`;
for (const [file, row] of [...byFile].sort()) {
  console.log(`${file}: model alone recall ${percent(row.caught, row.risky)} of ${row.risky}, false alarms ${percent(row.alarms, row.safe)} of ${row.safe}`);
}
