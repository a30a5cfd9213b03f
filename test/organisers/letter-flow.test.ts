import { afterEach, beforeEach, expect, it } from "vitest";
import { Harness } from "../helpers/harness.js";
import { ADMIN_ID, linkedGroup, organiser, pressIn, settle } from "./world.js";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start({ admins: [ADMIN_ID] });
});
afterEach(async () => h.stop());

it("through the real letter flow: 'Through the organisers' posts the letter escaped to the group; accepting it tells the writer", async () => {
  const boss = await organiser(h, { languageCode: "en" });
  const group = await linkedGroup(h, boss);
  const writer = h.user({ languageCode: "en", firstName: "Olena" });
  await writer.send("/start");
  await writer.send("/write");
  await writer.send("Kagarlitsky");
  await writer.press("Boris Kagarlitsky");
  await writer.send("Здравствуйте, Борис Юльевич! Пишу <b>вам</b> & желаю сил.");
  await writer.press("Done: check the letter");
  await writer.send("Олена\nКиїв");
  await writer.press("No, only this letter");
  expect(writer.buttons()).toContain("Through the organisers");
  await writer.press("Through the organisers");
  await writer.press("Yes, show my Telegram name");
  const reference = /L-\d{4}-[2-9A-Z]{4,}/.exec(writer.messages.map((message) => message.text).join("\n"))?.[0];
  expect(reference).toBeDefined();
  await settle(h);

  const card = h.fake.messages(group).find((message) => message.text?.startsWith(`✉️ Letter ${reference}`));
  expect(card?.text).toContain("To: Кагарлицкий Борис Юльевич, 1958 г.р.");
  expect(card?.text).toContain("Writer in Telegram: Olena");
  expect(card?.text).toContain("Check: nothing found.");
  const body = h.fake.messages(group).find((message) => message.text?.startsWith(`${reference} · 1/1`));
  expect(body?.text).toContain("Пишу <b>вам</b> & желаю сил.");
  expect(h.logs.join("\n")).not.toContain("желаю сил");

  const letterId = Number((card?.reply_markup?.inline_keyboard.flat()[0] as { callback_data?: string } | undefined)?.callback_data?.split(":")[2]);
  await pressIn(h, boss, group, card?.message_id ?? 0, `orga:accept:${letterId}`);
  await settle(h);
  expect(writer.lastText()).toContain(`The organisers accepted your letter ${reference} to Boris Kagarlitsky`);
  await writer.send("/letters");
  expect(writer.lastText()).toContain("Accepted by the organisers");
});
