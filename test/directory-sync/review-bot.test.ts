/**
 * End to end: a sync finds that Memorial and OVD-Info place the same person in different prisons; the card says so;
 * an organiser settles it in /review with a button, and the accepted fact keeps its source.
 */
import { afterEach, describe, expect, it } from "vitest";
import { parseSyncConfig } from "../../src/services/directory-sync/config.js";
import { runDirectorySync } from "../../src/services/directory-sync/engine.js";
import { resolveReview } from "../../src/services/directory-sync/review.js";
import { Harness } from "../helpers/harness.js";
import { someoneWaitsForALock } from "../helpers/postgres-locks.js";
import { onPostgres, postgresOnly } from "../helpers/skip-reason.js";
import { sampleRegistry } from "../helpers/registries.js";
import { SourceServer } from "../helpers/source-server.js";
import { organiser, settle } from "../organisers/world.js";
import { resultSlugs } from "../directory/bot/helpers.js";

let h: Harness | undefined;
let server: SourceServer | undefined;
afterEach(async () => {
  await server?.stop();
  await h?.stop();
});

async function syncedWorld() {
  h = await Harness.start();
  server = await SourceServer.start(sampleRegistry());
  await runDirectorySync({ db: h.db, config: parseSyncConfig(server.env(0)), sources: ["memorial", "ovd"], now: () => h?.clock.now() ?? new Date() });
  const testov = await h.db.selectFrom("prisoners").select(["slug", "institution_slug"]).where("slug", "like", "testov-test-m9000001").executeTakeFirstOrThrow();
  return { h, testov };
}

describe("/review", () => {
  it("shows the disagreement on the card and lets an organiser accept OVD-Info's facility with its source", async () => {
    const { h, testov } = await syncedWorld();
    const reader = h.user({ languageCode: "en" });
    await reader.send("/start");
    await reader.send(`/start p_${testov.slug}`);
    expect(reader.lastText()).toContain("Sources disagree: Memorial: ФКУ СИЗО-1 УФСИН России по Республике Крым и г. Севастополю");
    expect(reader.lastText()).toContain("OVD-Info: ФКУ «ИК № 2 УФСИН России по Республике Крым и г. Севастополю»");

    const stranger = h.user({ languageCode: "en" });
    await stranger.send("/start");
    await stranger.send("/review");
    expect(stranger.lastText()).toBe("Only organisers and admins review the directory.");

    const checker = await organiser(h, { languageCode: "en" });
    await checker.send("/review");
    expect(checker.lastText()).toContain("Sources disagree about where Тестов Тест Тестович is held");
    expect(checker.lastText()).toContain("Memorial: ФКУ СИЗО-1");
    expect(checker.buttons()).toEqual(["Accept Memorial", "Accept OVD-Info", "Dismiss"]);
    await checker.press("Accept OVD-Info");
    const texts = h.fake.messages(checker.id).map((message) => message.text ?? "");
    expect(texts.some((text) => text.includes("✅ Accepted: OVD-Info"))).toBe(true);
    expect(checker.lastText()).toBe("Nothing to review: the sources agree.");

    const card = await h.db.selectFrom("prisoners").selectAll().where("slug", "=", testov.slug).executeTakeFirstOrThrow();
    expect(card.institution_slug).not.toBe(testov.institution_slug);
    expect(card.institution_source_url).toBe("https://repression.info/criminal");
    const institution = await h.db.selectFrom("institutions").select("official_name").where("slug", "=", card.institution_slug as string).executeTakeFirstOrThrow();
    expect(institution.official_name).toBe("ФКУ «ИК № 2 УФСИН России по Республике Крым и г. Севастополю»");
    const history = await h.db.selectFrom("prisoner_history").selectAll().where("prisoner_slug", "=", testov.slug).where("field", "=", "institution").orderBy("id").execute();
    expect(history.at(-1)).toMatchObject({ changed_by: checker.id, source_url: "https://repression.info/criminal", new_value: card.institution_slug });

    // Settled: the card no longer shows the disagreement.
    await reader.send(`/start p_${testov.slug}`);
    expect(reader.lastText()).not.toContain("Sources disagree");
  });

  it("a second organiser pressing the same old button is told it was dealt with", async () => {
    const { h } = await syncedWorld();
    const first = await organiser(h, { languageCode: "uk" });
    const second = await organiser(h, { languageCode: "uk" });
    await first.send("/review");
    await second.send("/review");
    await first.press("Відхилити");
    expect(h.fake.messages(first.id).some((message) => (message.text ?? "").includes("Відхилено"))).toBe(true);
    await second.press("Прийняти: OVD-Info");
    expect(second.lastText()).toBe("Цим уже хтось займався, або цього запису більше немає.");
    const review = await h.db.selectFrom("directory_reviews").selectAll().executeTakeFirstOrThrow();
    expect(review).toMatchObject({ state: "dismissed", resolved_by: first.id });
  });
});

describe("scheduled sync inside the bot", () => {
  it("is off by default, and a pass sends each admin a short summary in their language", async () => {
    server = await SourceServer.start(sampleRegistry());
    h = await Harness.start({ admins: [777_001], env: server.env(0) });
    expect(h.config.directorySync.scheduleHours).toBe(0);
    const admin = h.user({ id: 777_001, languageCode: "uk" });
    await admin.send("/start");
    const summaries = await h.running.directorySync.runOnce();
    expect(summaries?.map((summary) => summary.failed)).toEqual([null, null, null, null]);
    await settle(h);
    const sent = h.fake.messages(admin.id).map((message) => message.text ?? "");
    const summary = sent.find((text) => text.startsWith("Синхронізація довідника"));
    expect(summary).toContain("memorial: додано 4");
    expect(summary).toContain("ovd: додано 0, оновлено 0, без змін 0, суперечностей 1");
    expect(summary).toContain("anonymous 1");
    expect(summary).toContain("Відкрийте /review, щоб розглянути відкриті питання: 1.");
  }, 60_000);
});

describe("imported people in the bot", () => {
  it("Belarusian and Crimean people from the registries are found by name, and a deceased person is offered no letter", async () => {
    h = await Harness.start();
    server = await SourceServer.start(sampleRegistry());
    await runDirectorySync({ db: h.db, config: parseSyncConfig(server.env(0)), sources: ["memorial", "viasna"], now: () => h?.clock.now() ?? new Date() });
    const reader = h.user({ languageCode: "uk" });
    await reader.send("/start");
    const belarus = (await reader.send("Тестова Проба")).at(-1);
    expect(resultSlugs(belarus)).toContain("testova-proba-v900002");
    const crimea = (await reader.send("Тестов Тест Тестович")).at(-1);
    expect(resultSlugs(crimea)[0]).toBe("testov-test-m9000001");
    await reader.send("/start p_testov-test-m9000001");
    expect(reader.lastText()).toContain("memopzk.org");
    expect(reader.buttons().some((label) => label.includes("Написати"))).toBe(true);

    // Memorial later reports a death: the card says so and offers no letter.
    server.registry = {
      ...server.registry,
      memorialCards: server.registry.memorialCards.map((card) =>
        card.id === 9000001 ? { ...card, modified_gmt: "2026-11-30T10:00:00", class_list: [...card.class_list.filter((slug) => !slug.startsWith("stage-")), "stage-smert"] } : card,
      ),
    };
    await runDirectorySync({ db: h.db, config: parseSyncConfig(server.env(0)), sources: ["memorial"], now: () => h?.clock.now() ?? new Date() });
    await reader.send("/start p_testov-test-m9000001");
    expect(reader.buttons().some((label) => label.includes("Написати"))).toBe(false);
  });
});

describe.skipIf(!onPostgres)(postgresOnly("/review settled by two organisers at once on Postgres"), () => {
  it("the second changes nothing and is told it was dealt with", async () => {
    const { h, testov } = await syncedWorld();
    const first = await organiser(h, { languageCode: "en" });
    const second = await organiser(h, { languageCode: "en" });
    await second.send("/review");
    const review = await h.db.selectFrom("directory_reviews").select("id").where("state", "=", "open").executeTakeFirstOrThrow();
    // The first organiser's dismissal, handled by another instance, is not committed yet when the second one's press
    // reads the review open, moves the person to OVD-Info's facility and then waits to close the review.
    const trx = await h.db.startTransaction().execute();
    expect(await resolveReview(trx, { reviewId: review.id, action: { kind: "dismiss" }, by: first.id, role: "organiser", now: h.clock.now() })).toEqual({ ok: true, resolution: "dismissed" });
    const press = second.press("Accept OVD-Info");
    await someoneWaitsForALock(h.db, "directory_reviews");
    await trx.commit().execute();
    await press;
    expect(second.lastText()).toBe("Someone has already dealt with this, or it no longer exists.");
    expect(await h.db.selectFrom("directory_reviews").select(["state", "resolved_by"]).where("id", "=", review.id).executeTakeFirstOrThrow()).toEqual({ state: "dismissed", resolved_by: first.id });
    // Dismissed: the card stays as it was, and its history has no move by the second organiser.
    const card = await h.db.selectFrom("prisoners").select("institution_slug").where("slug", "=", testov.slug).executeTakeFirstOrThrow();
    expect(card.institution_slug).toBe(testov.institution_slug);
    expect(await h.db.selectFrom("prisoner_history").select("id").where("prisoner_slug", "=", testov.slug).where("changed_by", "=", second.id).execute()).toEqual([]);
    expect(await h.db.selectFrom("audit_log").select("actor_id").where("action", "like", "directory-review-%").execute()).toEqual([{ actor_id: first.id }]);
  });
});
