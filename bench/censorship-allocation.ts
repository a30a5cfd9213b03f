/**
 * `npm run bench:censorship -- --gc`: what the check allocates, in figures the machine's load does not change
 * (issue 16, p99). A letter that a young-generation collection (scavenge) falls in is the p99 letter, so the
 * figures that decide p99 are the bytes allocated per letter and the scavenges per run of the bench letters.
 *
 * - Allocated kB per letter: a sampling heap profile (V8's HeapProfiler through the inspector) that keeps the
 *   objects collected by minor and major collections, so that short-lived garbage is counted too; V8 scales each
 *   sample to the bytes it stands for. Also attributed to the functions that allocate (self size).
 * - Scavenges per run: V8's GC profiler around each timed run.
 */
import { Session } from "node:inspector/promises";
import { GCProfiler } from "node:v8";

export interface LetterCheck {
  (text: string, options: { system: "ru" | "by" }): unknown;
}

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

// One sample per 1 kB on average: some 150,000 samples over the 400 letters, enough for a figure stable to a kB.
const SAMPLING_INTERVAL = 1024;

export interface AllocationFigures {
  kilobytesPerLetter: number;
  /** The functions that allocate most, kB per letter each (a builtin is named with the function that called it). */
  top: { name: string; kilobytesPerLetter: number }[];
}

/** Allocation per letter of one pass of `check` over `letters` (warm it up first). */
export async function measureAllocation(
  check: LetterCheck,
  letters: readonly { text: string; system: "ru" | "by" }[],
  topCount: number,
): Promise<AllocationFigures> {
  const session = new Session();
  session.connect();
  try {
    await session.post("HeapProfiler.enable");
    // The two include… options exist in V8 and Node 20 but not in @types/node's protocol types.
    const samplingOptions = { samplingInterval: SAMPLING_INTERVAL, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true };
    await session.post("HeapProfiler.startSampling", samplingOptions);
    for (const letter of letters) check(letter.text, { system: letter.system });
    const { profile } = await session.post("HeapProfiler.stopSampling");
    const bySelf = new Map<string, number>();
    let total = 0;
    const visit = (node: ProfileNode, caller: string): void => {
      const own = `${node.callFrame.functionName || "(anonymous)"}${node.callFrame.url === "" ? ` in ${caller}` : ""}`;
      bySelf.set(own, (bySelf.get(own) ?? 0) + node.selfSize);
      total += node.selfSize;
      for (const child of node.children) visit(child, node.callFrame.url === "" ? caller : own);
    };
    visit(profile.head as ProfileNode, "");
    const perLetter = (bytes: number): number => bytes / letters.length / 1000;
    const top = [...bySelf]
      .sort((a, b) => b[1] - a[1])
      .slice(0, topCount)
      .map(([name, bytes]) => ({ name, kilobytesPerLetter: perLetter(bytes) }));
    return { kilobytesPerLetter: perLetter(total), top };
  } finally {
    await session.post("HeapProfiler.disable");
    session.disconnect();
  }
}

export interface CollectionCounts {
  scavenges: number;
  /** Mark-compact (full) collections, incremental marking steps included. */
  others: number;
  /** Microseconds the scavenges took, as V8 measured them. */
  scavengeMicroseconds: number;
}

/** Runs `work` and counts the garbage collections that fell in it. */
export function countCollections(work: () => void): CollectionCounts {
  const profiler = new GCProfiler();
  profiler.start();
  work();
  const { statistics } = profiler.stop();
  let scavenges = 0;
  let scavengeMicroseconds = 0;
  for (const collection of statistics) {
    if (collection.gcType !== "Scavenge") continue;
    scavenges++;
    scavengeMicroseconds += collection.cost;
  }
  return { scavenges, others: statistics.length - scavenges, scavengeMicroseconds };
}
