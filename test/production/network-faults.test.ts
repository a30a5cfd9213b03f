import type { Message } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Harness } from "../helpers/harness.js";
import type { TestUser } from "../helpers/test-user.js";
import { expectNoFailures, KAGARLITSKY, startWritingTo } from "../letters/flow/helpers.js";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
});
afterEach(async () => h.stop());

/** What a person sees: each message's text and its buttons. */
const seen = (messages: readonly Message[]) =>
  messages.map((message) => ({
    text: message.text ?? message.caption ?? "",
    buttons: message.reply_markup?.inline_keyboard.flat().map((button) => button.text) ?? [],
  }));

/** The same steps of the letter flow, by a writer whose replies cross a network that resets connections, or not. */
async function writeLetter(writer: TestUser, beforeEachStep: () => void): Promise<Message[][]> {
  const steps: (() => Promise<Message[]>)[] = [
    () => writer.send("/start"),
    () => startWritingTo(writer, KAGARLITSKY).then(() => writer.messages.slice(-1)),
    () => writer.send("Здравствуйте, Борис Юльевич! Пишу Вам из Вильнюса."),
    () => writer.press("Done"),
  ];
  const replies: Message[][] = [];
  for (const step of steps) {
    beforeEachStep();
    replies.push(await step());
  }
  return replies;
}

// issue 14 item 3: under `bench:load --starve 2` the bot's own calls failed with "Network request … failed" and the
// reply was lost. Calls made inside a conversation go through an Api of their own, so both paths are exercised.
describe("the bot's own Bot API calls across a network that drops connections", () => {
  it("still gives each reply exactly once, the same as without faults, when the first requests of each step are reset", async () => {
    const control = h.user({ languageCode: "en" });
    const expected = await writeLetter(control, () => undefined);

    const writer = h.user({ languageCode: "en" });
    // Three resets in a row before each step: more than the one immediate retry of a stale keep-alive socket covers.
    const replies = await writeLetter(writer, () => h.fake.faults.resetConnections(3, "sendMessage"));
    expect(h.fake.faults.connectionResetsPending()).toBe(0);
    expect(replies.map(seen)).toEqual(expected.map(seen));
    expect(seen(writer.messages)).toEqual(seen(control.messages));
    expectNoFailures(h);
  });

  it("answers a button press once and gives the same reply when the calls after it are reset", async () => {
    const control = h.user({ languageCode: "en" });
    const writer = h.user({ languageCode: "en" });
    for (const person of [control, writer]) {
      await startWritingTo(person, KAGARLITSKY);
      await person.send("Здравствуйте, Борис Юльевич!");
    }
    const expected = await control.press("Done");
    const answersBefore = h.fake.callbackAnswers.length;
    // Whatever the bot calls first after the press (answering it, then replying) crosses three resets.
    h.fake.faults.resetConnections(3);
    const replies = await writer.press("Done");
    expect(h.fake.faults.connectionResetsPending()).toBe(0);
    expect(seen(replies)).toEqual(seen(expected));
    expect(h.fake.callbackAnswers.length - answersBefore).toBe(1);
    expectNoFailures(h);
  });
});
