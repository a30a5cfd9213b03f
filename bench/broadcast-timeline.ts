/**
 * Where a paced broadcast's time goes (bench:broadcast `--timeline FILE`): each send as the worker dispatched it and
 * as the fake Bot API received it, joined per chat (one send per chat is in flight at a time, so the k-th dispatch to
 * a chat is its k-th arrival). Written as JSON lines and summed up: send→arrival delay, how much the gap between two
 * arrivals differs from the gap between their dispatches, how late the worker dispatched against its own pacing,
 * every 429 with the gaps before it, and the seconds spent in pauses.
 */
import { writeFileSync } from "node:fs";

export interface Dispatch {
  chatId: number;
  /** Epoch ms (sub-ms) when grammY was called, i.e. when the worker dispatched. */
  at: number;
  answeredAt: number;
  ok: boolean;
  /** The worker's adaptive rate when it dispatched (msgs/s), if it has one. */
  rate: number | undefined;
}

export interface Arrival {
  chatId: number;
  /** Epoch ms when the fake received the request (its clock is Date.now). */
  at: number;
  ok: boolean;
}

interface Send extends Dispatch {
  arrivedAt: number | undefined;
}

export function writeTimeline(file: string, dispatches: Dispatch[], arrivals: Arrival[]): void {
  const sends = join(dispatches, arrivals);
  writeFileSync(file, sends.map((send) => JSON.stringify(send)).join("\n") + "\n");
  printSummary(sends);
}

function join(dispatches: Dispatch[], arrivals: Arrival[]): Send[] {
  const byChat = new Map<number, Arrival[]>();
  for (const arrival of arrivals) {
    const list = byChat.get(arrival.chatId) ?? [];
    list.push(arrival);
    byChat.set(arrival.chatId, list);
  }
  const taken = new Map<number, number>();
  return [...dispatches]
    .sort((a, b) => a.at - b.at)
    .map((dispatch) => {
      const index = taken.get(dispatch.chatId) ?? 0;
      taken.set(dispatch.chatId, index + 1);
      return { ...dispatch, arrivedAt: byChat.get(dispatch.chatId)?.[index]?.at };
    });
}

function printSummary(sends: Send[]): void {
  if (sends.length < 2) return;
  const start = sends[0]!.at;
  const delays = sends.flatMap((send) => (send.arrivedAt === undefined ? [] : [send.arrivedAt - send.at]));
  const jitter: number[] = [];
  const lateness: number[] = [];
  let pausedMs = 0;
  for (let index = 1; index < sends.length; index++) {
    const [before, send] = [sends[index - 1]!, sends[index]!];
    const gap = send.at - before.at;
    if (before.arrivedAt !== undefined && send.arrivedAt !== undefined) jitter.push(send.arrivedAt - before.arrivedAt - gap);
    const interval = before.rate ? 1000 / before.rate : undefined;
    if (interval === undefined) continue;
    // A gap of several intervals is a pause (retry_after), not a late timer.
    if (gap > 3 * interval) pausedMs += gap - interval;
    else lateness.push(gap - interval);
  }
  console.log(`  timeline: ${sends.length} sends over ${((sends.at(-1)!.at - start) / 1000).toFixed(1)} s`);
  console.log(`    send → arrival delay (ms): ${percentiles(delays)}`);
  console.log(`    arrival gap − dispatch gap (ms): ${percentiles(jitter)}`);
  console.log(`    dispatch later than the worker's own interval (ms): ${percentiles(lateness)}`);
  console.log(`    time in pauses (dispatch gaps over 3 intervals): ${(pausedMs / 1000).toFixed(1)} s`);
  let lastAccepted: Send | undefined;
  for (const send of sends) {
    if (!send.ok) {
      const arrivalGap = send.arrivedAt !== undefined && lastAccepted?.arrivedAt !== undefined ? send.arrivedAt - lastAccepted.arrivedAt : NaN;
      const dispatchGap = lastAccepted ? send.at - lastAccepted.at : NaN;
      console.log(
        `    429 at ${((send.at - start) / 1000).toFixed(2)} s: rate ${send.rate?.toFixed(2) ?? "-"}/s, ` +
          `since the last accepted send: dispatch ${dispatchGap.toFixed(1)} ms, arrival ${arrivalGap.toFixed(1)} ms`,
      );
    } else {
      lastAccepted = send;
    }
  }
  const buckets = new Map<number, number>();
  for (const send of sends) if (send.ok) buckets.set(Math.floor((send.at - start) / 5000), (buckets.get(Math.floor((send.at - start) / 5000)) ?? 0) + 1);
  console.log(`    accepted per second, 5 s buckets: ${[...buckets.values()].map((count) => (count / 5).toFixed(1)).join(" ")}`);
}

function percentiles(values: number[]): string {
  if (values.length === 0) return "none";
  const sorted = [...values].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!.toFixed(1);
  return `min ${sorted[0]!.toFixed(1)}, p10 ${at(0.1)}, p50 ${at(0.5)}, p90 ${at(0.9)}, p99 ${at(0.99)}, max ${sorted.at(-1)!.toFixed(1)}`;
}
