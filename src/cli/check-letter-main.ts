/**
 * The check-letter command (src/cli/check-letter.ts is the process around it): `npm run --silent check-letter --
 * [--system ru|by] [--status pretrial] [--locale uk|en|ru] [--json | --jsonl] [FILE]`. Reads FILE or standard input.
 * Exit codes: 0 done, 1 the input cannot be read, 2 usage error. In --jsonl mode a bad line becomes an error line and
 * the batch goes on. Standard input and output are passed in, so tests run it in-process.
 */
import { once } from "node:events";
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { checkJsonLine } from "../domain/censorship/batch.js";
import { checkLetter } from "../domain/censorship/index.js";
import { renderReport } from "../domain/censorship/report.js";
import { censorshipTranslator, REPORT_LOCALES, type ReportLocale, type Translate } from "../domain/censorship/translate.js";
import {
  type CheckOptions,
  PRISON_SYSTEMS,
  type PrisonSystem,
  PRISONER_STATUSES,
  type PrisonerStatus,
} from "../domain/censorship/types.js";

export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

type OutputMode = "report" | "json" | "jsonl";

interface CliRequest {
  check: CheckOptions;
  locale: ReportLocale;
  mode: OutputMode;
  file: string | undefined;
}

type ParsedArguments =
  | { kind: "run"; request: CliRequest }
  | { kind: "help"; locale: ReportLocale }
  | { kind: "usage-error"; locale: ReportLocale; key: string; args: Record<string, string> };

const EXIT_OK = 0;
const EXIT_UNREADABLE = 1;
const EXIT_USAGE = 2;
const DEFAULT_LOCALE: ReportLocale = "uk";

function parseArguments(argv: readonly string[]): ParsedArguments {
  const request: CliRequest = { check: { system: "ru" }, locale: DEFAULT_LOCALE, mode: "report", file: undefined };
  // The locale decides the language of every other error, so it is read first.
  const localeIndex = argv.indexOf("--locale");
  const requestedLocale = localeIndex >= 0 ? argv[localeIndex + 1] : undefined;
  const locale = isOneOf(REPORT_LOCALES, requestedLocale) ? requestedLocale : DEFAULT_LOCALE;
  const fail = (key: string, args: Record<string, string> = {}): ParsedArguments => ({ kind: "usage-error", locale, key, args });
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] as string;
    if (argument === "--help" || argument === "-h") return { kind: "help", locale };
    if (argument === "--json" || argument === "--jsonl") {
      const mode = argument === "--json" ? "json" : "jsonl";
      if (request.mode !== "report" && request.mode !== mode) return fail("censorship-cli-conflicting-modes");
      request.mode = mode;
      continue;
    }
    if (argument === "--system" || argument === "--status" || argument === "--locale") {
      const value = argv[++index];
      if (value === undefined) return fail("censorship-cli-missing-value", { option: argument });
      const allowed = { "--system": PRISON_SYSTEMS, "--status": PRISONER_STATUSES, "--locale": REPORT_LOCALES }[argument];
      if (!isOneOf(allowed, value)) {
        return fail("censorship-cli-bad-value", { option: argument, value, allowed: allowed.join(", ") });
      }
      if (argument === "--system") request.check.system = value as PrisonSystem;
      else if (argument === "--status") request.check.status = value as PrisonerStatus;
      else request.locale = value as ReportLocale;
      continue;
    }
    if (argument.startsWith("-") && argument !== "-") return fail("censorship-cli-unknown-option", { option: argument });
    if (request.file !== undefined) return fail("censorship-cli-extra-argument", { argument });
    request.file = argument;
  }
  return { kind: "run", request };
}

function isOneOf<T extends string>(allowed: readonly T[], value: string | undefined): value is T {
  return value !== undefined && (allowed as readonly string[]).includes(value);
}

function inputStream(file: string | undefined, io: CliIo): Readable {
  return file === undefined || file === "-" ? io.stdin : createReadStream(file, { encoding: "utf8" });
}

async function readWholeInput(file: string | undefined, io: CliIo): Promise<string> {
  if (file !== undefined && file !== "-") return readFile(file, "utf8");
  let text = "";
  io.stdin.setEncoding("utf8");
  for await (const chunk of io.stdin) text += String(chunk);
  return text;
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, "drain");
}

async function checkJsonLines(request: CliRequest, t: Translate, io: CliIo): Promise<void> {
  const lines = createInterface({ input: inputStream(request.file, io), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === "") continue;
    await write(io.stdout, `${JSON.stringify(checkJsonLine(line, lineNumber, request.check, t))}\n`);
  }
}

async function run(request: CliRequest, t: Translate, io: CliIo): Promise<number> {
  try {
    if (request.mode === "jsonl") {
      await checkJsonLines(request, t, io);
      return EXIT_OK;
    }
    const result = checkLetter(await readWholeInput(request.file, io), request.check);
    await write(io.stdout, request.mode === "json" ? `${JSON.stringify(result, null, 2)}\n` : renderReport(result, request.check, t));
    return EXIT_OK;
  } catch (error) {
    if (!isFileError(error)) throw error;
    await write(io.stderr, `${t("censorship-cli-unreadable-file", { file: request.file ?? "-" })}\n`);
    return EXIT_UNREADABLE;
  }
}

function isFileError(error: unknown): boolean {
  return error instanceof Error && "code" in error && typeof error.code === "string" && error.code.startsWith("E");
}

/** Runs the command on `argv` (without node and the script) and returns the exit code. */
export async function checkLetterCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArguments(argv);
  if (parsed.kind === "run") return run(parsed.request, censorshipTranslator(parsed.request.locale), io);
  const t = censorshipTranslator(parsed.locale);
  if (parsed.kind === "help") {
    await write(io.stdout, `${t("censorship-cli-usage")}\n`);
    return EXIT_OK;
  }
  await write(io.stderr, `${t(parsed.key, parsed.args)}\n\n${t("censorship-cli-usage")}\n`);
  return EXIT_USAGE;
}
