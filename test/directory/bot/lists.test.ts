import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Harness } from "../../helpers/harness.js";
import { expectNoFailures } from "../../letters/flow/helpers.js";
import { addNamesakes, buttonsOf } from "./helpers.js";

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
  await addNamesakes(h.db, 2);
});
afterAll(async () => h.stop());

describe("greetings are answered, not searched", () => {
  it.each([
    ["uk", "Привіт!", "Вітаю! 👋", "«Листи» допомагають"],
    ["en", "hello", "Hello! 👋", "Lysty helps you write"],
    ["ru", "Здравствуйте", "Здравствуйте! 👋", "«Листы» помогают"],
  ])("%s: «%s» gets a hello with what the bot does and the menu", async (languageCode, text, hello, what) => {
    const user = h.user({ languageCode });
    const reply = await user.send(text);
    expect(reply).toHaveLength(1);
    expect(reply[0]?.text).toContain(hello);
    expect(reply[0]?.text).toContain(what);
    expect(reply[0]?.text).not.toMatch(/Пошук|Search|Поиск/);
    expect(user.buttons()).toContain(languageCode === "uk" ? "🔎 Знайти в'язня" : languageCode === "en" ? "🔎 Find a prisoner" : "🔎 Найти заключённого");
  });

  it("still searches a name that starts like a greeting", async () => {
    const user = h.user({ languageCode: "uk" });
    const reply = (await user.send("Привіт Балух")).at(-1);
    expect(reply?.text).toContain("🔎 Пошук");
  });
});

describe("nothing found never ends in a dead end", () => {
  it.each([
    ["uk", "Иванов", "➕", "📋 Огляд"],
    ["en", "Smith", "➕", "📋 Browse"],
  ])("%s: a search finding nobody offers to suggest the person and to browse", async (languageCode, query, _suggest, browse) => {
    const user = h.user({ languageCode });
    await user.send(query);
    expect(user.buttons()).toContain(browse);
    expect(user.buttons().length).toBeGreaterThanOrEqual(2);
    await user.press(browse);
    expect(user.lastText()).toMatch(/Перегляд довідника|Browse the directory/);
  });

  it("a /find with nothing searchable offers browsing too", async () => {
    const user = h.user({ languageCode: "en" });
    await user.send("/find one two three four five six seven");
    expect(user.buttons()).toEqual(["📋 Browse"]);
  });
});

describe("result lists", () => {
  it("explain the status icons they show, in the reader's language", async () => {
    const user = h.user({ languageCode: "uk" });
    const results = (await user.send("Балух")).at(-1);
    expect(results?.text).toContain("🕊 на волі");
    const sentenced = (await user.send("Горинов")).at(-1);
    expect(sentenced?.text).toContain("⛓ засуджені");
    expect(sentenced?.text).not.toContain("🕊");
    const en = h.user({ languageCode: "en" });
    expect((await en.send("Gorinov")).at(-1)?.text).toContain("⛓ sentenced");
  });

  it("give a birth year once, also when it differs from the one searched for", async () => {
    const user = h.user({ languageCode: "en" });
    const reply = (await user.send("Testenko 1990")).at(-1);
    const labels = buttonsOf(reply).map((button) => button.text);
    const first = labels.find((label) => label.includes("Kostiantyn Testenko"));
    expect(first).toBe("⛓ Kostiantyn Testenko, 1970 · born in a different year");
    expect(first?.match(/1970/g)).toHaveLength(1);
    expectNoFailures(h);
  });
});
