import type { Message } from "grammy/types";
import type { Letter } from "../../src/db/tables/letters.js";
import type { Harness } from "../helpers/harness.js";
import { onlyLetter } from "../letters/flow/helpers.js";
import type { TestUser } from "../helpers/test-user.js";
import { ADMIN_ID, linkDesk, sendIn, settle } from "../organisers/world.js";

/** No campaign chat and no FSIN-pismo or post route: letters to Kamardin go to the organisation desk. */
export const KAMARDIN = "kamardin-artem";
export const UKRAINIAN_LETTER = "Добрий день, Артеме! Пишу вам увечері, після роботи. Ми про вас пам'ятаємо, чекаємо й віримо, що скоро побачимося.";
export const RUSSIAN_TRANSLATION = "Добрый день, Артём! Пишу вам вечером, после работы. Мы о вас помним, ждём и верим, что скоро увидимся.";

/** A writer writes in Ukrainian, keeps the letter despite the language finding, signs and picks the organisers. */
export async function writeInUkrainian(writer: TestUser): Promise<void> {
  await writer.send(`/start w_${KAMARDIN}`);
  await writer.send(UKRAINIAN_LETTER);
  await writer.press("Done");
  await writer.press("Keep it as it is");
  await writer.press("Yes, keep it as it is");
  await writer.send("Olena");
  // The organisers are Kamardin's only route: it is taken without a question (issue 15).
  await writer.press("No, only this letter");
}

/** The admin links a desk that translates; a writer has written to Kamardin in Ukrainian and chosen the organisers. */
export async function deskThatTranslates(h: Harness): Promise<{ desk: number; writer: TestUser }> {
  const admin = h.user({ id: ADMIN_ID, languageCode: "en" });
  await admin.send("/start");
  const desk = await linkDesk(h, admin);
  await sendIn(h, admin, desk, "/translation on");
  const writer = h.user({ languageCode: "en" });
  await writeInUkrainian(writer);
  return { desk, writer };
}

/** As `deskThatTranslates`, and the writer asked for a translation: the letter and its card in the desk. */
export async function translationAskedFor(h: Harness): Promise<{ desk: number; writer: TestUser; letter: Letter; card: Message }> {
  const { desk, writer } = await deskThatTranslates(h);
  await writer.press("Ask for a translation");
  await writer.press(/^No/);
  const letter = await onlyLetter(h, writer.id);
  await settle(h);
  const card = h.fake.messages(desk).find((message) => message.text?.startsWith(`✉️ Letter ${letter.reference}`));
  if (!card) throw new Error("no card in the desk");
  return { desk, writer, letter, card };
}
