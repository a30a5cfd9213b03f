/**
 * How often the learned model alone flags safe text, at its shipped thresholds and higher floors (issue 16):
 * `npx tsx test/censorship/dev/model-alarms.ts`. Safe development sentences, the training corpus's held-out safe
 * sentences (the same 15 % the training script holds out) and clean letters; and how many risky development
 * sentences only the model finds.
 */
import { createHash } from "node:crypto";
import { createLetterChecker } from "../../../src/domain/censorship/check.js";
import { loadContext } from "../../../src/domain/censorship/context.js";
import { loadLexicon } from "../../../src/domain/censorship/lexicon.js";
import { loadModel } from "../../../src/domain/censorship/model.js";
import { trainingCorpus } from "../../../src/domain/censorship/training/generate.js";
import { loadLetters, loadSentenceFiles } from "../corpus.js";

const dev = new URL("./", import.meta.url);
const sentences = loadSentenceFiles(dev);
const letters = [
  ...loadLetters(new URL("letters-4.json", dev)),
  ...loadLetters().filter((l) => l.expect.length === 0),
];
const isValidation = (text: string) => createHash("sha256").update(text).digest().readUInt32BE(0) / 2 ** 32 < 0.15;
const heldOut = trainingCorpus().filter((e) => e.origin !== "corpus" && isValidation(e.text) && e.labels.length === 0);
const lexicon = loadLexicon();
const context = loadContext();
for (const threshold of [0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9]) {
  const model = loadModel();
  model.meta.thresholds = model.meta.thresholds.map((t) => Math.max(t, threshold));
  model.meta.strongThresholds = model.meta.strongThresholds.map((t) => Math.max(t, threshold, 0.9));
  const check = createLetterChecker(lexicon, { context, model });
  const modelFinds = (text: string, system: "ru" | "by" = "ru") => check(text, { system }).findings.filter((f) => f.ruleId.startsWith("model-"));
  const safeDev = sentences.filter((s) => s.expect.length === 0);
  const devAlarms = safeDev.filter((s) => modelFinds(s.text, s.system).length > 0);
  const heldAlarms = heldOut.filter((e) => modelFinds(e.text).length > 0);
  const letterAlarms = letters.filter((l) => modelFinds(l.text, l.system).length > 0);
  const risky = sentences.filter((s) => s.expect.length > 0);
  const onlyModel = risky.filter((s) => {
    const f = check(s.text, { system: s.system }).findings.filter((x) => x.category !== "language");
    return f.length > 0 && f.every((x) => x.ruleId.startsWith("model-")) && s.expect.every((c) => f.some((x) => x.category === c));
  });
  console.log(`threshold ≥ ${threshold}: safe dev sentences with a model finding ${devAlarms.length}/${safeDev.length}; held-out safe ${heldAlarms.length}/${heldOut.length}; clean letters ${letterAlarms.length}/${letters.length}; risky dev found by the model alone ${onlyModel.length}/${risky.length}`);
  if (threshold === 0.55) for (const s of devAlarms) console.log("   dev alarm:", s.id, s.text);
  if (threshold === 0.55) for (const l of letterAlarms) console.log("   letter alarm:", l.id, modelFinds(l.text, l.system).map((f) => f.excerpt).join(" | "));
}
