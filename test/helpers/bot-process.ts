import { type ChildProcess, spawn } from "node:child_process";
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
