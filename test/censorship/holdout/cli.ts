/**
 * Prints the held-out figures of the current check: `npm run --silent eval:holdout [-- --details]`.
 * `--details` lists every missed sentence, false positive and letter finding outside its labelled passages.
 */
import { checkLetter } from "../../../src/domain/censorship/index.js";
import { evaluateHoldout, formatReport } from "./evaluate.js";
import { loadHoldoutLetters, loadHoldoutSentences } from "./load.js";

const details = process.argv.slice(2).includes("--details");
const report = evaluateHoldout(loadHoldoutSentences(), loadHoldoutLetters(), (text, system) =>
  checkLetter(text, { system }),
);
console.log(formatReport(report, details));
