/**
 * Whether checking a letter paragraph by paragraph gives the findings of the whole-letter check (issue 14: could
 * "check" reuse paragraphs checked as they arrived?): `npx tsx test/censorship/dev/paragraph-wise.ts`. Letters are the
 * development letters and the development sentences six at a time (one paragraph each, one language, then mixed); a
 * letter differs when a finding (category, severity, span, rule) is in one check and not the other, the paragraphs'
 * findings moved to their place in the letter. Prints how many letters differ, by kind, and each content difference.
 */
import { checkLetter, type CheckOptions, type Finding } from "../../../src/domain/censorship/index.js";
import { loadLetters, loadSentenceFiles } from "../corpus.js";

const folder = new URL("./", import.meta.url);
const sentences = loadSentenceFiles(folder);
const letters = loadLetters(new URL("letters-4.json", folder)).map((letter) => letter.paragraphs);
const byLanguage = new Map<string, typeof sentences>();
for (const sentence of sentences) byLanguage.set(sentence.lang, [...(byLanguage.get(sentence.lang) ?? []), sentence]);
for (const list of byLanguage.values()) for (let index = 0; index + 6 <= list.length; index += 6) letters.push(list.slice(index, index + 6).map((item) => item.text));
for (let index = 0; index + 5 <= sentences.length; index += 37) letters.push(sentences.slice(index, index + 5).map((item) => item.text));

const options: CheckOptions = { system: "ru", status: "sentenced" };
const key = (finding: Finding) => `${finding.category} ${finding.severity} ${finding.start}-${finding.end} ${finding.ruleId ?? ""}`;
const kinds = new Map<string, number>();
let differing = 0;
for (const paragraphs of letters) {
  const whole = new Set(checkLetter(paragraphs.join("\n\n"), options).findings.map(key));
  const parts = new Set<string>();
  let offset = 0;
  for (const paragraph of paragraphs) {
    for (const finding of checkLetter(paragraph, options).findings) parts.add(key({ ...finding, start: finding.start + offset, end: finding.end + offset }));
    offset += paragraph.length + 2;
  }
  const onlyWhole = [...whole].filter((finding) => !parts.has(finding));
  const onlyParts = [...parts].filter((finding) => !whole.has(finding));
  if (onlyWhole.length + onlyParts.length === 0) continue;
  differing++;
  for (const [side, list] of [["only in the whole letter", onlyWhole], ["only in the paragraphs", onlyParts]] as const) {
    for (const finding of list) kinds.set(`${side}: ${finding.split(" ")[0]}`, (kinds.get(`${side}: ${finding.split(" ")[0]}`) ?? 0) + 1);
  }
  const content = (finding: string) => !finding.startsWith("language");
  if (onlyWhole.some(content) || onlyParts.some(content)) {
    console.log(JSON.stringify({ onlyWhole: onlyWhole.filter(content), onlyParts: onlyParts.filter(content), paragraphs }));
  }
}
console.log(`${letters.length} letters, ${differing} differ between the whole-letter check and the paragraphs' checks`);
for (const [kind, count] of kinds) console.log(`  ${kind}: ${count} findings`);
