import { afterEach, describe, expect, it } from "vitest";
import { openSqlite } from "../../../src/db/database.js";
import { ProcessTestbed } from "../../helpers/bot-process.js";
import { KAGARLITSKY } from "./helpers.js";

let bed: ProcessTestbed | undefined;

afterEach(async () => {
  await bed?.stop();
  bed = undefined;
});

const WRITER = 601;

/**
 * The runner confirms updates before handling them, so "confirmed" says nothing about the reply: wait for the bot's
 * message containing `expected` (registered before the update exists, so it cannot be missed).
 */
async function act(inject: () => number, expected: string): Promise<string> {
  const reply = bed!.fake.waitFor(
    (call) =>
      call.ok && call.method === "sendMessage" && Number(call.params.chat_id) === WRITER && String(call.params.text).includes(expected),
    { timeoutMs: 15_000 },
  );
  inject();
  const call = await reply;
  return String(call.params.text);
}

function lastMessageWith(label: string): number {
  const message = [...bed!.fake.messages(WRITER)]
    .reverse()
    .find((candidate) => candidate.reply_markup?.inline_keyboard.flat().some((button) => button.text === label));
  if (!message) throw new Error(`no message with the button ${label}`);
  return message.message_id;
}

async function draftText(file: string): Promise<string | null | undefined> {
  const db = openSqlite(file);
  try {
    const row = await db.selectFrom("letters").select("text").where("writer_id", "=", WRITER).executeTakeFirst();
    return row?.text;
  } finally {
    await db.destroy();
  }
}

describe("the real process, killed mid-letter", () => {
  it("continues the letter where the writer was after SIGKILL and a new start on the same database", { timeout: 60_000 }, async () => {
    bed = await ProcessTestbed.start();
    const file = bed.databaseFile;
    bed.fake.addUser({ id: WRITER, first_name: "Оксана", language_code: "uk" });

    let bot = await bed.startPolling();
    const opened = await act(() => bed!.fake.injectMessage(WRITER, WRITER, { text: `/start w_${KAGARLITSKY}` }), "Лист Борисові");
    expect(opened).toContain("Лист Борисові Кагарлицькому");
    // The first screen takes the letter at once (issue 15): no "write it myself" press.
    const first = "Здравствуйте, Борис Юльевич! Меня зовут Оксана, я живу в Вильнюсе.";
    expect(await act(() => bed!.fake.injectMessage(WRITER, WRITER, { text: first }), "Ваша чернетка зараз")).toContain(
      `Ваша чернетка зараз: ${[...first].length} знаків`,
    );

    bot.child.kill("SIGKILL");
    expect(await bot.exited).toBe(null);
    expect(await draftText(file)).toBe(first);

    bot = await bed.startPolling();
    const second = "Недавно я прочитала книгу о пчёлах. Что Вы сейчас читаете?";
    const total = [...first].length + 2 + [...second].length;
    // The same flow: the message joins the draft begun before the kill. Whether the kill came before or after the flow
    // stored its step, the reply is "saved" or the writing screen; either gives the new length.
    const saved = await act(() => bed!.fake.injectMessage(WRITER, WRITER, { text: second }), `${total} знак`);
    expect(saved).toMatch(/Збережено|Ваша чернетка зараз/u);
    expect(await draftText(file)).toBe(`${first}\n\n${second}`);
    const done = "✅ Готово: перевірити лист";
    const report = await act(() => bed!.fake.pressButton(WRITER, WRITER, lastMessageWith(done), done), "Перевірка");
    expect(report).toContain("Перевірка не знайшла нічого");
    // JSON logs of the real process carry neither the letter nor the writer's name.
    expect(bot.output()).not.toContain("Вильнюс");
    expect(bot.output()).not.toContain("пчёлах");
  });
});
