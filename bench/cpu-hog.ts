import { type ChildProcess, spawn } from "node:child_process";

/**
 * Busy processes beside a benchmark, so that "a loaded host" is the same load every run instead of whatever other
 * work happens to share the machine. Each is a separate process spinning on the CPU, as a neighbour's build would.
 */
export class CpuHog {
  private readonly children: ChildProcess[];

  constructor(processes: number) {
    this.children = Array.from({ length: processes }, () =>
      spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" }),
    );
  }

  stop(): void {
    for (const child of this.children) child.kill("SIGKILL");
  }
}

/** `--hog N` on the command line: how many busy processes to start (0 when absent). */
export function hogCountFromArgs(argv: readonly string[]): number {
  const index = argv.indexOf("--hog");
  const value = index >= 0 ? Number(argv[index + 1]) : 0;
  if (!Number.isInteger(value) || value < 0) throw new Error("--hog takes a whole number of processes");
  return value;
}
