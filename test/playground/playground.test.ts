import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectPath } from "../../src/project-path.js";

/** Runs `npm run playground` with a typed script on standard input and returns what the terminal showed. */
function runPlayground(script: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", projectPath("src", "playground", "main.ts")], {
      cwd: projectPath(),
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.once("exit", (code) => resolve({ code, output }));
    child.stdin.end(script);
  });
}

describe("the playground", () => {
  it("chats with the real bot in the terminal, presses buttons by number and switches persona", async () => {
    const { code, output } = await runPlayground(
      ["/start", "#7", ":sticker", "Балух", "/as organiser", "/help", ":quit", ""].join("\n"),
    );
    expect(code).toBe(0);
    // The writer persona speaks Ukrainian: the welcome, the help behind button #7 and the media hint.
    expect(output).toContain("«Листи» допомагають");
    expect(output).toContain("Як працюють «Листи»");
    expect(output).toContain("Тут я розумію лише текст");
    expect(output).toContain("Балух");
    // The organiser persona has English as Telegram language.
    expect(output).toContain("You are now the organiser");
    expect(output).toContain("How Lysty works");
  }, 60_000);

  it("prints every answer before the next prompt: one piped script run 20 times in a row, 20 of 20 in order", async () => {
    const round = ["/start", "Балух", "#1", "/help"];
    const { code, output } = await runPlayground([...Array.from({ length: 20 }, () => round).flat(), ":quit", ""].join("\n"));
    expect(code).toBe(0);
    // The text after the k-th prompt is what the bot answered to the k-th line of the script.
    const answers = output.split("[writer] > ").slice(1);
    const expected = ["«Листи» допомагають", "🔎 Пошук: <b>Балух</b>", "Для листів (російською): Балух Владимир", "Як працюють «Листи»"];
    let inOrder = 0;
    for (let run = 0; run < 20; run += 1) {
      const ok = expected.every((text, step) => (answers[run * round.length + step] ?? "").includes(text.replace(/<\/?b>/g, "")));
      if (ok) inOrder += 1;
    }
    expect(inOrder).toBe(20);
  }, 180_000);

  it("sends a pasted file and a multi-line block as one message each, presses an earlier keyboard and lists inline results", async () => {
    const folder = mkdtempSync(join(tmpdir(), "lysty-playground-test-"));
    const file = join(folder, "long.txt");
    writeFileSync(file, `${"Рядок листа. ".repeat(300)}\nДругий абзац.\n`);
    const { code, output } = await runPlayground(
      ["/start", "Горинов", "#2.1", `:paste ${file}`, '"""', "Перший рядок", "другий рядок", '"""', "@ Балух", ":quit", ""].join("\n"),
    );
    expect(code).toBe(0);
    // #2.1: button 1 of message 2 (/start's menu; message 1 is the /start itself), pressed after a newer keyboard
    // (the search results) came.
    expect(output).toContain("[message 2]");
    expect(output).toContain("Напишіть ім'я в будь-якому написанні");
    expect(output).toMatch(/sending \d{4} characters from .*long\.txt as one message/);
    expect(output).toContain("🔎 inline results: 1\n   1. ");
  }, 120_000);
});
