import { Api, GrammyError, HttpError } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeTelegram } from "../src/index.js";

const OLENA = 1001;
const TARAS = 1002;
const GROUP = -200;

let fake: FakeTelegram;
let api: Api;
let now = Date.UTC(2026, 0, 1);

beforeEach(async () => {
  now = Date.UTC(2026, 0, 1);
  fake = await FakeTelegram.start({ now: () => now });
  api = new Api(fake.token, { apiRoot: fake.apiRoot });
  fake.addUser({ id: OLENA, first_name: "Олена" });
  fake.addUser({ id: TARAS, first_name: "Тарас" });
});

afterEach(async () => {
  expect(fake.internalErrors).toEqual([]);
  await fake.stop();
});

describe("injected faults", () => {
  it("answers 429 with a retry_after that grammY exposes, and nothing is sent", async () => {
    fake.faults.add({ method: "sendMessage", kind: "429", retryAfter: 7 });
    const error = await api.sendMessage(OLENA, "x").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).parameters.retry_after).toBe(7);
    expect((error as GrammyError).description).toBe("Too Many Requests: retry after 7");
    expect(fake.messages(OLENA)).toEqual([]);
    await expect(api.sendMessage(OLENA, "x")).resolves.toMatchObject({ text: "x" });
  });

  it("only hits the chat and the number of calls it was given", async () => {
    fake.faults.add({ method: /^send/, chatId: TARAS, kind: "403", times: 2 });
    await expect(api.sendMessage(OLENA, "x")).resolves.toMatchObject({ chat: { id: OLENA } });
    await expect(api.sendMessage(TARAS, "x")).rejects.toMatchObject({ error_code: 403, description: "Forbidden: bot was blocked by the user" });
    await expect(api.sendMessage(TARAS, "x")).rejects.toMatchObject({ error_code: 403 });
    await expect(api.sendMessage(TARAS, "x")).resolves.toMatchObject({ chat: { id: TARAS } });
  });

  it("drops the connection on a network fault, which grammY reports as HttpError", async () => {
    fake.faults.add({ method: "sendMessage", kind: "network" });
    await expect(api.sendMessage(OLENA, "x")).rejects.toBeInstanceOf(HttpError);
    expect(fake.messages(OLENA)).toEqual([]);
    expect(fake.calls.at(-1)).toMatchObject({ method: "sendMessage", ok: false, fault: "network" });
  });

  it("resets the connection of the next requests before reading them: HttpError, nothing sent, then calls go through", async () => {
    await api.getMe(); // over a keep-alive connection, reset like a new one
    fake.faults.resetConnections(2, "sendMessage");
    await api.getMe(); // another method goes through
    await expect(api.sendMessage(OLENA, "перший")).rejects.toBeInstanceOf(HttpError);
    await expect(api.sendMessage(OLENA, "другий")).rejects.toBeInstanceOf(HttpError);
    expect(fake.faults.connectionResetsPending()).toBe(0);
    await api.sendMessage(OLENA, "третій");
    expect(fake.messages(OLENA).map((message) => message.text)).toEqual(["третій"]);
    // The reset requests were never read: the log has the getMe and the one send that arrived.
    expect(fake.calls.map((call) => call.method)).toEqual(["getMe", "getMe", "sendMessage"]);
  });

  it("can lose the response after the message went out, which is how duplicates happen", async () => {
    fake.faults.add({ method: "sendMessage", kind: "502", when: "after" });
    await expect(api.sendMessage(OLENA, "лист")).rejects.toMatchObject({ error_code: 502, description: "Bad Gateway" });
    expect(fake.messages(OLENA).map((message) => message.text)).toEqual(["лист"]);
  });

  it("holds a response back for a slow fault while other calls go through", async () => {
    fake.faults.add({ method: "getMe", kind: "slow", delayMs: 300 });
    const slow = api.getMe();
    await api.sendMessage(OLENA, "fast");
    await expect(slow).resolves.toMatchObject({ id: fake.botId });
    expect(fake.calls.map((call) => call.method)).toEqual(["sendMessage", "getMe"]);
  });
});

describe("flood limits", () => {
  it("are off by default", async () => {
    for (let i = 0; i < 50; i += 1) await api.sendMessage(OLENA, `${i}`);
    expect(fake.messages(OLENA)).toHaveLength(50);
  });

  it("limit each chat and tell the client how long to wait", async () => {
    fake.setRateLimits({ perChat: { perSecond: 1, burst: 2 } });
    await api.sendMessage(OLENA, "1");
    await api.sendMessage(OLENA, "2");
    await expect(api.sendMessage(OLENA, "3")).rejects.toMatchObject({ error_code: 429, parameters: { retry_after: 1 } });
    // Another chat has its own allowance.
    await expect(api.sendMessage(TARAS, "1")).resolves.toBeDefined();
    now += 1000;
    await expect(api.sendMessage(OLENA, "3")).resolves.toBeDefined();
    expect(fake.messages(OLENA).map((message) => message.text)).toEqual(["1", "2", "3"]);
  });

  it("limit all chats together and each group per minute", async () => {
    fake.setRateLimits({ global: { perSecond: 30, burst: 30 }, perGroup: { perSecond: 20 / 60, burst: 20 } });
    fake.addGroup({ id: GROUP, title: "Організатори", type: "group" });
    const outcomes: number[] = [];
    for (let i = 0; i < 25; i += 1) {
      outcomes.push(await api.sendMessage(GROUP, `${i}`).then(() => 200, (error: GrammyError) => error.error_code));
    }
    expect(outcomes.filter((code) => code === 200)).toHaveLength(20);
    // One message every three seconds refills a 20-per-minute allowance.
    await expect(api.sendMessage(GROUP, "x")).rejects.toMatchObject({ error_code: 429, parameters: { retry_after: 3 } });
    for (let i = 0; i < 10; i += 1) await api.sendMessage(OLENA, `${i}`).catch(() => undefined);
    expect(fake.messages(OLENA)).toHaveLength(10);
    await expect(api.sendMessage(TARAS, "over")).rejects.toMatchObject({ error_code: 429 });
  });
});
