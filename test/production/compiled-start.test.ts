import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FakeTelegram } from "../../packages/fake-telegram/src/index.js";
import { projectPath } from "../../src/project-path.js";
import { PREBUILT_PAGE } from "../../src/server/webapp-bundle.js";
import { ensureCompiled, freePort, waitForOutput } from "../helpers/bot-process.js";

let fake: FakeTelegram | undefined;
let child: ChildProcess | undefined;
let dir: string | undefined;

afterAll(async () => {
  // npm starts node in the same process group: end both.
  if (child?.pid && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, "SIGKILL");
  await fake?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * The README's start command itself, `npm start`: prestart compiles when the sources are newer than dist/ (on a fresh
 * clone, the first time), then the compiled bot runs. The compiled bot must serve the letter editor's page that the
 * build bundled, since the production image carries no compiler to bundle it at run time.
 */
describe("npm start (the compiled bot)", { timeout: 300_000 }, () => {
  it("compiles when needed, answers /start, serves the editor page bundled at build time and stops on Ctrl-C", async () => {
    // Compiled under the test run's build lock, as other process tests do: npm start's own prestart then finds dist/
    // up to date, and no two compilers write dist/ at once.
    await ensureCompiled();
    fake = await FakeTelegram.start();
    dir = mkdtempSync(join(tmpdir(), "lysty-compiled-"));
    const port = await freePort();
    child = spawn("npm", ["start", "--silent"], {
      cwd: projectPath(),
      detached: true,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        npm_config_update_notifier: "false",
        BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        DATABASE_URL: `sqlite:${join(dir, "bot.sqlite")}`,
        WEBAPP_URL: "https://lysty.example.org/editor/",
        HOST: "127.0.0.1",
        PORT: String(port),
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    const exited = new Promise<number | null>((resolve) => child?.once("exit", (code) => resolve(code)));
    const bot = { child, output: () => output, exited };
    await waitForOutput(bot, '"msg":"polling started"', 280_000);

    const sent = fake.waitFor((call) => call.ok && call.method === "sendMessage" && Number(call.params.chat_id) === 801);
    fake.addUser({ id: 801, first_name: "A", language_code: "en" });
    fake.injectMessage(801, 801, { text: "/start" });
    await sent;
    expect(fake.lastMessage(801)?.text).toContain("Lysty helps you write");

    const page = await fetch(`http://127.0.0.1:${port}/editor/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toMatch(/script-src 'sha256-[^']+' 'sha256-/);
    const built = JSON.parse(readFileSync(projectPath(...PREBUILT_PAGE), "utf8")) as { html: string };
    expect(await page.text()).toBe(built.html);

    // As Ctrl-C in a terminal does: the signal reaches npm and the bot, which finishes and exits 0 (npm then ends
    // itself by the same signal).
    process.kill(-(child.pid ?? 0), "SIGINT");
    await exited;
    expect(output).toContain('"msg":"stopped"');
    expect(output).not.toMatch(/"level":5\d/);
  });
});
