import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getPrisonerBySlug } from "../../../src/db/repositories/prisoners.js";
import { Harness } from "../../helpers/harness.js";
import { BALUKH, expectNoFailures, lettersOf, textOf } from "./helpers.js";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
});
afterEach(async () => h.stop());

describe("people a letter cannot reach", () => {
  it("tells of Balukh's release (the 2019 exchange) as good news by deep link, with its source (ru)", async () => {
    const balukh = await getPrisonerBySlug(h.db, BALUKH);
    expect(balukh?.status.value).toBe("exchanged");
    const writer = h.user({ languageCode: "ru" });
    const reply = textOf(await writer.send(`/start w_${BALUKH}`));
    expect(reply).toContain("🕊 Владимир Балух на свободе!");
    expect(reply).toContain("Хорошая новость: человека освободили при обмене.");
    expect(reply).not.toContain("нельзя написать");
    expect(reply).toContain(`Статус на 7 сентября 2019, источник: ${balukh!.status.sourceUrl}`);
    // Nothing was started: no draft, no flow waiting.
    expect(await lettersOf(h, writer.id)).toEqual([]);
    expect(await h.db.selectFrom("conversation_state").selectAll().execute()).toEqual([]);
    expectNoFailures(h);
  });

  it("refuses him when found by a misspelt name in the search (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    await writer.send("/write");
    expect(textOf(await writer.send("Baluja"))).toContain("Found one person");
    const reply = textOf(await writer.press("Volodymyr Balukh, 1971"));
    expect(reply).toContain("🕊 Volodymyr Balukh is free!");
    expect(reply).toContain("Good news: they were freed in an exchange.");
    expect(reply).not.toContain("You cannot write");
    expect(await lettersOf(h, writer.id)).toEqual([]);
    // The writer is back outside any flow: free text goes to the directory search, not into a letter.
    await writer.send("Здравствуйте!");
    expect(await lettersOf(h, writer.id)).toEqual([]);
    expectNoFailures(h);
  });

  it("refuses from a card button, and when no safe address is known (uk)", async () => {
    const writer = h.user({ languageCode: "uk" });
    await writer.send("/start");
    const menu = writer.messages.at(-1)!;
    const reply = textOf(await writer.pressData(menu.message_id, `write:${BALUKH}`));
    expect(reply).toContain("🕊 Володимир Балух на волі!");
    expect(reply).toContain("Добра новина: людину звільнили під час обміну.");

    // Gorinov is in IK-10, but the directory knows neither its FSIN-pismo listing nor a postal address.
    const gorinov = textOf(await writer.pressData(menu.message_id, "write:gorinov-aleksei"));
    expect(gorinov).toContain("Безпечна адреса поки невідома.");
    expect(await lettersOf(h, writer.id)).toEqual([]);
    expectNoFailures(h);
  });

  it("says so when a link names nobody in the directory (en)", async () => {
    const writer = h.user({ languageCode: "en" });
    expect(textOf(await writer.send("/start w_nobody-by-this-name"))).toContain("This person is not in our directory");
    expectNoFailures(h);
  });
});
