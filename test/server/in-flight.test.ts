import { expect, it } from "vitest";
import { InFlight } from "../../src/server/in-flight.js";

const deferred = () => {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((yes, no) => ((resolve = yes), (reject = no)));
  return { promise, resolve, reject };
};

it("drains once every tracked piece of work settled, including work tracked while it waited and work that failed", async () => {
  const inFlight = new InFlight();
  await inFlight.drain(); // nothing in flight: at once
  const first = deferred();
  const failing = deferred();
  expect(inFlight.track(first.promise)).toBe(first.promise);
  inFlight.track(failing.promise).catch(() => undefined);
  expect(inFlight.size).toBe(2);
  let drained = false;
  const draining = inFlight.drain().then(() => (drained = true));
  failing.reject(new Error("failed"));
  await new Promise((resolve) => setImmediate(resolve));
  expect([inFlight.size, drained]).toEqual([1, false]);
  const late = deferred();
  inFlight.track(late.promise);
  first.resolve();
  await new Promise((resolve) => setImmediate(resolve));
  expect([inFlight.size, drained]).toEqual([1, false]);
  late.resolve();
  await draining;
  expect([inFlight.size, drained]).toEqual([0, true]);
});
