import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { FakeTelegram } from "../../packages/fake-telegram/src/index.js";
import { projectPath } from "../../src/project-path.js";

export interface BotProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

export interface SpawnOptions {
  /**
   * "compiled": `dist/src/main.js`, exactly what `npm start` runs (call `ensureCompiled()` first); a start takes about
   * a second instead of tsx's several. Default "tsx": the sources as they are, no build needed.
   */
  runtime?: "tsx" | "compiled";
}

/** Runs the bot in its own process, with the given environment (and nothing else of the test's). */
export function spawnBot(env: Record<string, string>, options: SpawnOptions = {}): BotProcess {
  const args = options.runtime === "compiled" ? [projectPath("dist", "src", "main.js")] : ["--import", "tsx", projectPath("src", "main.ts")];
  const child = spawn(process.execPath, args, {
    cwd: projectPath(),
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/**
 * Resolves as soon as the process has printed `text` (woken by its output, not by polling); fails with everything it
 * printed when it exits first or after `timeoutMs`, a safety net for a loaded machine rather than a timing.
 */
export async function waitForOutput(bot: BotProcess, text: string, timeoutMs = 45_000): Promise<void> {
  if (bot.output().includes(text)) return;
  const streams = [bot.child.stdout, bot.child.stderr].filter((stream) => stream !== null);
  await new Promise<void>((resolve, reject) => {
    const finish = (error?: Error) => {
      clearTimeout(timer);
      for (const stream of streams) stream.off("data", onData);
      bot.child.off("close", onExit);
      if (error) reject(error);
      else resolve();
    };
    // Listeners added after spawnBot's run after its: output() already holds the new chunk.
    const onData = () => {
      if (bot.output().includes(text)) finish();
    };
    const onExit = () => finish(new Error(`the bot exited before printing ${text}; it printed:\n${bot.output()}`));
    const timer = setTimeout(() => finish(new Error(`the bot never printed ${text}; it printed:\n${bot.output()}`)), timeoutMs);
    for (const stream of streams) stream.on("data", onData);
    bot.child.once("close", onExit);
  });
}

/** A TCP port free on 127.0.0.1 a moment ago: for a server to listen on, or as a port nothing answers on. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return typeof address === "object" && address ? address.port : 0;
}

let compiled: Promise<void> | undefined;

/**
 * What a test file gives `ensureCompiled()` in its `beforeAll`. A build is 24 s of CPU (tsc nearly all of it), 45–70 s
 * on a 2-core machine shared with other work, and longer under CI's load or behind another worker's build (the lock
 * below): inside a test it ate the 90 s that guard the test's own work against a hang, and startup-signals timed out
 * with nothing wrong. Compiled before the tests, each test's own bound holds again.
 */
export const COMPILE_TIMEOUT_MS = 300_000;

/**
 * Compiles the bot as `npm start`'s prestart does (scripts/build-if-stale.mjs: only when a source is newer than the
 * last build), once per test process. Test files running at once in other workers take turns through a lock folder,
 * so two compilers never write dist/ together.
 */
export function ensureCompiled(): Promise<void> {
  compiled ??= withBuildLock(async () => {
    await promisify(execFile)(process.execPath, [projectPath("scripts", "build-if-stale.mjs")], { cwd: projectPath() });
  });
  return compiled;
}

const BUILD_LOCK = projectPath("var", "build.lock");
/** A lock older than this was left by a killed test run. */
const STALE_LOCK_MS = 10 * 60_000;

async function withBuildLock(work: () => Promise<void>): Promise<void> {
  mkdirSync(projectPath("var"), { recursive: true });
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch {
      const age = Date.now() - (statSafe(BUILD_LOCK) ?? 0);
      if (age > STALE_LOCK_MS) rmSync(BUILD_LOCK, { recursive: true, force: true });
      // Another worker compiles (a process of its own): look again shortly.
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    await work();
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

function statSafe(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * What a test of the real process needs around it: a fake Bot API (unless `fake: false`), a temporary folder with the
 * SQLite file, and the processes it spawned. `stop()` kills the processes, stops the fake and removes the folder.
 */
export class ProcessTestbed {
  private readonly processes: BotProcess[] = [];

  private constructor(
    private readonly maybeFake: FakeTelegram | undefined,
    readonly dir: string,
    private readonly runtime: SpawnOptions["runtime"],
  ) {}

  static async start(options: { fake?: boolean; runtime?: SpawnOptions["runtime"] } = {}): Promise<ProcessTestbed> {
    if (options.runtime === "compiled") await ensureCompiled();
    const fake = options.fake === false ? undefined : await FakeTelegram.start();
    return new ProcessTestbed(fake, mkdtempSync(join(tmpdir(), "lysty-process-")), options.runtime);
  }

  get fake(): FakeTelegram {
    if (!this.maybeFake) throw new Error("this testbed was started without a fake Bot API");
    return this.maybeFake;
  }

  get databaseFile(): string {
    return join(this.dir, "bot.sqlite");
  }

  /** The environment of a bot on the fake and the testbed's SQLite file, with `extra` on top. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      ...(this.maybeFake ? { BOT_TOKEN: this.maybeFake.token, TELEGRAM_API_ROOT: this.maybeFake.apiRoot } : {}),
      DATABASE_URL: `sqlite:${this.databaseFile}`,
      LOG_LEVEL: "info",
      ...extra,
    };
  }

  spawn(env: Record<string, string> = this.env()): BotProcess {
    const bot = spawnBot(env, { runtime: this.runtime });
    this.processes.push(bot);
    return bot;
  }

  /** Spawns the bot and resolves once it polls the fake (it deleted the webhook first); fails with what it printed. */
  async startPolling(env: Record<string, string> = this.env()): Promise<BotProcess> {
    const started = this.fake.waitFor((call) => call.method === "deleteWebhook", { timeoutMs: 45_000 });
    const bot = this.spawn(env);
    await started.catch((error: unknown) => {
      throw new Error(`the bot did not start polling; it printed:\n${bot.output()}`, { cause: error });
    });
    return bot;
  }

  async stop(): Promise<void> {
    for (const bot of this.processes.splice(0)) {
      bot.child.kill("SIGKILL");
      await bot.exited;
    }
    await this.maybeFake?.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
