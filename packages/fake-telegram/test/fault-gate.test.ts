import { Api } from "grammy";
import { afterEach, expect, it } from "vitest";
import { FakeTelegram } from "../src/index.js";

let fake: FakeTelegram | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

it("a slow fault with a gate holds the call until the test opens it, then lets it take effect", async () => {
  fake = await FakeTelegram.start();
  fake.addUser({ id: 31, first_name: "G" });
  let open: () => void = () => undefined;
  fake.faults.add({ method: "sendMessage", chatId: 31, kind: "slow", until: new Promise<void>((resolve) => (open = resolve)) });
  const api = new Api(fake.token, { apiRoot: fake.apiRoot });
  let answered = false;
  const sending = api.sendMessage(31, "held").then((message) => ((answered = true), message));
  while (fake.faults.pending().length > 0) await new Promise((resolve) => setImmediate(resolve));
  expect(answered).toBe(false);
  expect(fake.messages(31)).toHaveLength(0);
  open();
  expect((await sending).text).toBe("held");
  expect(fake.messages(31).map((message) => message.text)).toEqual(["held"]);
});
