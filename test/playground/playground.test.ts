import { spawn } from "node:child_process";
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
});
