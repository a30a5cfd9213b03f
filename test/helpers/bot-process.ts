import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { projectPath } from "../../src/project-path.js";

export interface BotProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

/** Runs `src/main.ts` as `npm start` does, in its own process, with the given environment. */
export function spawnBot(env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, ["--import", "tsx", projectPath("src", "main.ts")], {
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
