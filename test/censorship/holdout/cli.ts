/**
 * Prints the held-out figures of the current check: `npm run --silent eval:holdout [-- --details]`.
 * `--details` lists every missed sentence, false positive and letter finding outside its labelled passages.
 * `--set <folder>` scores another frozen set with the same files (`npm run --silent eval:holdout-3` passes
 * `--set test/censorship/holdout-3`); a relative folder is resolved against the working directory.
 */
import { pathToFileURL } from "node:url";
import { checkLetter } from "../../../src/domain/censorship/index.js";
import { evaluateHoldout, formatReport } from "./evaluate.js";
import { HOLDOUT_FOLDER, loadHoldoutLetters, loadHoldoutSentences } from "./load.js";

const args = process.argv.slice(2);
const details = args.includes("--details");
const setIndex = args.indexOf("--set");
const folderArg = setIndex >= 0 ? args[setIndex + 1] : undefined;
if (setIndex >= 0 && folderArg === undefined) throw new Error("--set needs a folder, e.g. --set test/censorship/holdout-3");
const folder = folderArg === undefined ? HOLDOUT_FOLDER : pathToFileURL(`${folderArg.replace(/\/+$/, "")}/`);
const report = evaluateHoldout(loadHoldoutSentences(folder), loadHoldoutLetters(folder), (text, system) =>
  checkLetter(text, { system }),
);
console.log(formatReport(report, details));
