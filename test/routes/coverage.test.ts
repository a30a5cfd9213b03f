import { describe, expect, it } from "vitest";
import { runRouteCoverage } from "../../src/cli/route-coverage.js";

describe("route coverage of the shipped directory", () => {
  it("counts people a letter can reach: one by a direct route alone, every person in custody once a desk is linked", async () => {
    const out: string[] = [];
    const io = { cwd: process.cwd(), env: {}, out: (line: string) => out.push(line), err: (line: string) => out.push(line) };
    expect(await runRouteCoverage([], io, new Date("2026-12-06T00:00:00Z"))).toBe(0);
    expect(out).toEqual([
      "people in the directory: 20",
      "with a direct route (FSIN-pismo or post): 1",
      "with a direct route or a working campaign chat: 1",
      "with a recorded intermediary: 0",
      "with any route now: 1",
      "with any route once a desk is linked: 10",
    ]);
  });
});
