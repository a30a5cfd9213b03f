import { afterEach, describe, expect, it } from "vitest";
import { Harness } from "../helpers/harness.js";
import { CAMPAIGN as NEWS_CAMPAIGN, followFromCard, importFictionalDirectory, messageContaining, organiserOf, TESTENKO } from "../news/fixtures.js";
import { publishThroughChat } from "../news/publish-driver.js";
import { linkedGroup, organiser, relayLetter, settle } from "../organisers/world.js";
import { writeFinishedLetter } from "./flows.js";

let h: Harness;
afterEach(async () => h?.stop());

// Every text a person typed or a name they gave, each unmistakable in a log line.
const WRITER_NAME = "Зоряна-Логознавець";
const SEARCH_QUERY = "Кагарлицкий";
const LETTER_TEXT = "Здравствуйте! Секретна-фраза-листа-7731: пишу Вам о погоде.";
const SIGNATURE = "Підпис-Невидимка";
const CITY = "Місто-Таємниця";
const RELAYED_TEXT = "Текст-переданого-листа-5528 для організаторів.";
const RELAY_SIGNATURE = "Олена-Приховата";
const NEWS_TEXT = "Новина-для-підписників-9044: Івана перевели.";
const FREE_TEXT = "довільний-текст-повідомлення-3310";

describe("logs", () => {
  it("never contain letter text, names or message text, through every flow the bot has", async () => {
    h = await Harness.start();
    await importFictionalDirectory(h.db);
    // Directory: /start, a search by name, then free text nobody understands.
    const writer = h.user({ languageCode: "uk", firstName: WRITER_NAME });
    await writer.send("/start");
    await writer.send(SEARCH_QUERY);
    await writer.send(FREE_TEXT);

    // The letter flow to the end (FSIN-pismo), then the person's data export and deletion.
    await writeFinishedLetter(h.user({ languageCode: "en", firstName: WRITER_NAME }), LETTER_TEXT, `${SIGNATURE}\n${CITY}`);

    // A letter relayed to the organisers' group, with the writer's name shown to them.
    const owner = await organiser(h);
    const group = await linkedGroup(h, owner);
    await relayLetter(h, writer, { text: RELAYED_TEXT, signature: RELAY_SIGNATURE, shareIdentity: true, writer: { firstName: WRITER_NAME } });
    await settle(h);
    expect(h.fake.messages(group).map((message) => message.text ?? "").join("\n")).toContain(RELAYED_TEXT);

    // Case news from an organiser to a follower.
    const newsOrganiser = await organiserOf(h, NEWS_CAMPAIGN, "uk");
    const follower = h.user({ languageCode: "uk", firstName: WRITER_NAME });
    await followFromCard(follower, TESTENKO.slug);
    await publishThroughChat(newsOrganiser, {
      locale: "uk",
      query: "Тестенко",
      pick: "Тестенко Іван",
      event: "hunger-strike",
      text: NEWS_TEXT,
      source: "https://example.org/news/1",
    });
    await messageContaining(follower, NEWS_TEXT);

    await writer.send("/mydata");
    await writer.send("/forget");
    await writer.press("Так, видалити все");

    const logs = h.logs.join("\n");
    // The flows did log (ids and counts): the scan below looked at real lines.
    expect(logs).toContain("personal data exported");
    expect(logs).toContain("personal data deleted on request");
    for (const fragment of [WRITER_NAME, SEARCH_QUERY, "Секретна-фраза", SIGNATURE, CITY, "Текст-переданого", RELAY_SIGNATURE, "Новина-для-підписників", FREE_TEXT]) {
      expect(logs, `a log line contains «${fragment}»`).not.toContain(fragment);
    }
    // Every line is one JSON object (pino), so log shippers can parse it.
    for (const line of h.logs) expect(() => JSON.parse(line) as unknown).not.toThrow();
  });
});
