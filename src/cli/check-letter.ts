/** The check-letter process: see check-letter-main.ts for the command and its exit codes. */
import { checkLetterCli } from "./check-letter-main.js";

process.exitCode = await checkLetterCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
