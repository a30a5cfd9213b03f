/**
 * Prefix and false-friend audit (issue 16, precision side): every word of the Hunspell dictionaries of Russian,
 * Ukrainian, Belarusian and English (Debian packages hunspell-ru, hunspell-uk, hunspell-be, hunspell-en-us; not
 * a project dependency) is checked inside an innocent sentence of its language, and the words that raise a finding
 * are listed by rule, for a person to read for unrelated words («следовательно», «героиня», «навальниця»):
 *
 *   npx tsx test/censorship/dev/audit-dictionary.ts [/usr/share/hunspell] > audit.tsv
 *
 * Output: dictionary, rule id, number of words, the words. Dictionary entries are base forms, so inflected forms
 * are not covered.
 */
import { existsSync, readFileSync } from "node:fs";
import { checkLetter } from "../../../src/domain/censorship/index.js";

const folder = process.argv[2] ?? "/usr/share/hunspell";
const carriers: Record<string, { before: string; after: string; system: "ru" | "by" }> = {
  ru_RU: { before: "Мама написала мне вчера: «", after: "», и всё.", system: "ru" },
  uk_UA: { before: "Мама написала мені вчора: «", after: "», і все.", system: "ru" },
  be_BY: { before: "Мама напісала мне ўчора: «", after: "», і ўсё.", system: "by" },
  en_US: { before: "Mum wrote to me yesterday: \"", after: "\", and that was it.", system: "ru" },
};

for (const [dictionary, { before, after, system }] of Object.entries(carriers)) {
  const path = `${folder}/${dictionary}.dic`;
  if (!existsSync(path)) {
    console.error(`${path} is missing: apt-get install hunspell-ru hunspell-uk hunspell-be hunspell-en-us`);
    continue;
  }
  const words = new Set(
    readFileSync(path, "utf8")
      .split("\n")
      .slice(1)
      .map((line) => line.split("/")[0]?.trim() ?? "")
      // Names (capitalised) are left out: the lexicon lists names on purpose.
      .filter((word) => word.length > 2 && word.charAt(0) === word.charAt(0).toLowerCase()),
  );
  const byRule = new Map<string, string[]>();
  for (const word of words) {
    const text = before + word + after;
    for (const finding of checkLetter(text, { system }).findings) {
      if (finding.category === "language" || finding.end <= before.length || finding.start >= before.length + word.length) continue;
      byRule.set(finding.ruleId, [...(byRule.get(finding.ruleId) ?? []), word]);
    }
  }
  for (const [rule, list] of [...byRule].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`${dictionary}\t${rule}\t${list.length}\t${list.join(" ")}`);
  }
}
