import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PassThrough, Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { afterAll, describe, expect, it } from "vitest";
import { checkLetterCli } from "../../src/cli/check-letter-main.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const tsx = join(root, "node_modules", ".bin", "tsx");
const cli = join(root, "src", "cli", "check-letter.ts");
// Run from elsewhere: the lexicon and the locales must be found from the module, not the working directory.
const elsewhere = mkdtempSync(join(tmpdir(), "lysty-cli-"));
afterAll(() => rmSync(elsewhere, { recursive: true, force: true }));

// The process itself (exit code, paths found from the module when run from another directory) is tested twice with a
// real tsx process; the other cases run the same command in-process with the standard streams passed in.
// Generous: on a loaded two-core machine a cold tsx start alone can take over ten seconds. A safety net, not a timing.
function runProcess(args: string[], input = "") {
  const result = spawnSync(tsx, [cli, ...args], { cwd: elsewhere, input, encoding: "utf8", timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function run(args: string[], input = "") {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = text(stdout);
  const err = text(stderr);
  const status = await checkLetterCli(args, { stdin: Readable.from([Buffer.from(input, "utf8")]), stdout, stderr });
  stdout.end();
  stderr.end();
  return { status, stdout: await out, stderr: await err };
}

const letter = "Привет, Саша!\n\nБрат сейчас на фронте.\n\nА ще мама передає: ми тебе дуже любимо і чекаємо.";

describe("check-letter", { timeout: 90_000 }, () => {
  it("prints a localized report of a letter read from a file", () => {
    const file = join(elsewhere, "letter.txt");
    writeFileSync(file, letter);
    const { status, stdout } = runProcess(["--locale", "en", file]);
    expect(status).toBe(0);
    expect(stdout).toContain("Letter check");
    expect(stdout).toContain("Prison system: Russia");
    expect(stdout).toContain("2 risky passages:");
    expect(stdout).toContain("War and the army (likely struck out or not delivered), characters 31–36: «фронте»");
    expect(stdout).toContain("Why: Letters about the war");
    expect(stdout).toContain("Part of the text is in a language this prison system does not accept.");
  });

  it("reads standard input and reports in Ukrainian by default", async () => {
    const { status, stdout } = await run(["--status", "pretrial"], "Следователь давит на свидетелей.");
    expect(status).toBe(0);
    expect(stdout).toContain("Статус в'язня: у СІЗО, до вироку");
    expect(stdout).toContain("Кримінальна справа (ймовірно, закреслять або не доставлять)");
  });

  it("says so when nothing is found", async () => {
    const { stdout } = await run(["--locale", "ru"], "Привет! У нас всё хорошо, кот растолстел.");
    expect(stdout).toContain("Ничего рискованного не найдено.");
  });

  it("prints the result object with --json", async () => {
    const { status, stdout } = await run(["--json", "--system", "by"], "Ждём тебя на свободе.");
    expect(status).toBe(0);
    const result = JSON.parse(stdout) as { findings: { category: string; severity: string }[]; language: { allowed: string[] } };
    expect(result.findings).toMatchObject([{ category: "politics", severity: "block", excerpt: "свободе" }]);
    expect(result.language.allowed).toEqual(["ru", "be"]);
  });

  it("checks one JSON object per line with --jsonl and carries on after a bad line", async () => {
    const input = [
      JSON.stringify({ id: "a-1", text: "Соседа мобилизовали.", system: "ru" }),
      "{not json",
      JSON.stringify({ id: "b-2", body: "no text field" }),
      "",
      JSON.stringify({ text: "Hello from Leeds, my friend." }),
      JSON.stringify({ id: 7, text: "Ждём на свободе.", system: "by" }),
    ].join("\n");
    const { status, stdout } = await run(["--jsonl"], input);
    expect(status).toBe(0);
    const lines = stdout.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({
      id: "a-1",
      language: { primary: "ru", acceptable: true },
      findings: [{ category: "war", severity: "block", start: 7, end: 19, excerpt: "мобилизовали" }],
    });
    expect(Object.keys((lines[0]?.findings as object[])[0] ?? {}).sort()).toEqual(["category", "end", "excerpt", "severity", "start"]);
    expect(lines[1]).toMatchObject({ id: null, line: 2, error: "invalid-json" });
    expect(lines[2]).toMatchObject({ id: "b-2", line: 3, error: "invalid-record" });
    expect(lines[3]).toMatchObject({ id: "5", findings: [{ category: "language" }] });
    expect(lines[4]).toMatchObject({ id: "7", findings: [{ category: "politics" }] });
  });

  it.each([
    [["--system", "xx"], "Параметр --system не приймає «xx»"],
    [["--locale", "en", "--bogus"], "Unknown option: --bogus"],
    [["--locale", "en", "--status"], "The option --status needs a value."],
    [["--locale", "en", "--json", "--jsonl"], "Choose either --json or --jsonl"],
    [["--locale", "en", "a.txt", "b.txt"], "Only one file can be checked at a time"],
  ])("exits with 2 and explains a usage error: %j", async (args, message) => {
    const { status, stderr, stdout } = await run(args);
    expect(status).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain("check-letter");
    expect(stdout).toBe("");
  });

  it("exits with 1 when the file cannot be read", () => {
    const { status, stderr } = runProcess(["--locale", "en", join(elsewhere, "missing.txt")]);
    expect(status).toBe(1);
    expect(stderr).toContain("Cannot read the file");
  });

  it("prints the usage with --help", async () => {
    const { status, stdout } = await run(["--help", "--locale", "ru"]);
    expect(status).toBe(0);
    expect(stdout).toContain("Использование: npm run --silent check-letter");
  });
});
