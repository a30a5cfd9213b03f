/**
 * `npx tsx test/censorship/golden/update.ts`: rewrites the golden output after a deliberate change of what the
 * check finds (see golden.ts), and prints how many texts changed.
 */
import { computeGolden, readGolden, writeGolden } from "./golden.js";

let before: ReturnType<typeof readGolden> = {};
try {
  before = readGolden();
} catch {
  // No snapshot yet: every text is new.
}
const after = computeGolden();
const changed = Object.keys(after).filter((id) => JSON.stringify(before[id]) !== JSON.stringify(after[id]));
writeGolden(after);
console.log(`golden findings: ${Object.keys(after).length} texts, ${changed.length} changed`);
for (const id of changed.slice(0, 50)) console.log(`  ${id}`);
