/**
 * Prints the development sets' figures: `npx tsx test/censorship/dev/evaluate-dev.ts [dev-4.jsonl]`.
 * Sentences: recall, false positives, per language and category, every miss and false alarm. Letters
 * (`letters-*.json`, all clean): every finding other than `language` is a stray alarm.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { checkLetter } from "../../../src/domain/censorship/index.js";
import { type CorpusSentence, figuresByLanguageAndCategory, loadLetters, loadSentenceFiles, scoreSentences } from "../corpus.js";

const folder = new URL("./", import.meta.url);
const only = process.argv[2];
const sentences = loadSentenceFiles(folder).filter((item) => only === undefined || item.file === only);
const check = (item: CorpusSentence) => checkLetter(item.text, { system: item.system, status: item.status });
const score = scoreSentences(sentences, check);
console.log(
  `${only ?? "all dev sets"}: recall ${(score.recall * 100).toFixed(1)}% of ${score.risky}, ` +
    `false positives ${(score.falsePositiveRate * 100).toFixed(1)}% of ${score.safe}`,
);
for (const line of figuresByLanguageAndCategory(sentences, check)) console.log(line);
for (const { item, found } of score.missed) console.log(`  missed ${item.id} [${item.expect}] found [${found}]: ${item.text}`);
for (const { item, found } of score.falsePositives) console.log(`  false positive ${item.id} [${found}]: ${item.text}`);

const letterFiles = readdirSync(fileURLToPath(folder)).filter((name) => /^letters.*\.json$/.test(name));
for (const file of letterFiles) {
  for (const letter of loadLetters(new URL(file, folder))) {
    const stray = checkLetter(letter.text, { system: letter.system, status: letter.status }).findings.filter(
      (finding) => finding.category !== "language",
    );
    console.log(`${file} ${letter.id}: ${stray.length === 0 ? "clean" : `${stray.length} stray finding(s)`}`);
    for (const finding of stray) console.log(`  ${finding.category} ${finding.ruleId}: ${finding.excerpt}`);
  }
}
