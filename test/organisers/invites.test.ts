import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isOrganiserOf } from "../../src/db/repositories/roles.js";
import { joinAsOrganiser } from "../../src/services/organisers/invites.js";
import { Harness } from "../helpers/harness.js";
import { someoneWaitsForALock } from "../helpers/postgres-locks.js";
import { onPostgres, postgresOnly } from "../helpers/skip-reason.js";
import type { TestUser } from "../helpers/test-user.js";
import { ADMIN_ID, CAMPAIGN, settle } from "./world.js";

let h: Harness;
let admin: TestUser;
beforeEach(async () => {
  h = await Harness.start({ admins: [ADMIN_ID] });
  admin = h.user({ id: ADMIN_ID, languageCode: "en" });
  await admin.send("/start");
});
afterEach(async () => h.stop());

/** The deep-link payload in the admin's last message: `org_<token>`. */
function invitePayload(): string {
  const match = /start=(org_[\w-]+)/.exec(admin.lastText());
  if (!match?.[1]) throw new Error(`no invite link in: ${admin.lastText()}`);
  return match[1];
}

describe("organiser invites", () => {
  it("an admin creates a one-time link from a campaign button; opening it makes an organiser, audited, and tells the admin", async () => {
    await admin.send("/invite");
    expect(admin.lastText()).toContain("Which campaign");
    await admin.press("Open letter");
    expect(admin.lastText()).toContain("it works once and expires in 72 hours");
    expect(admin.lastText()).toContain("https://t.me/lysty_test_bot?start=org_");
    const payload = invitePayload();

    const newcomer = h.user({ languageCode: "uk" });
    await newcomer.send(`/start ${payload}`);
    expect(newcomer.lastText()).toContain("Тепер ви організатор кампанії «Відкритий лист");
    // The welcome names the id /link needs and the tools beyond letters (/news was missing), in the reader's language.
    expect(newcomer.lastText()).toContain(`надішліть там /link ${CAMPAIGN}`);
    expect(newcomer.lastText()).toContain("/news — повідомити тих, хто стежить за справою");
    expect(await isOrganiserOf(h.db, newcomer.id, CAMPAIGN)).toBe(true);
    await settle(h);
    expect(admin.lastText()).toContain(`${newcomer.id} used your invite and is now an organiser`);

    const audit = await h.db.selectFrom("audit_log").select(["actor_id", "action", "target", "details"]).orderBy("id").execute();
    expect(audit.map((row) => [row.actor_id, row.action, row.target])).toEqual([
      [ADMIN_ID, "organiser.invite", `campaign:${CAMPAIGN}`],
      [newcomer.id, "organiser.join", `campaign:${CAMPAIGN}`],
    ]);
    // The token is a credential: it is in no audit entry.
    expect(JSON.stringify(audit)).not.toContain(payload.slice(4));
  });

  it("a second invite to someone who already organises the campaign tells them so, and the admin that it changed nothing", async () => {
    await admin.send(`/invite ${CAMPAIGN}`);
    const boss = h.user({ languageCode: "ru" });
    await boss.send(`/start ${invitePayload()}`);
    const granted = await h.db.selectFrom("organisers").select("granted_at").where("user_id", "=", boss.id).executeTakeFirstOrThrow();
    h.clock.advance(60_000);
    await admin.send(`/invite ${CAMPAIGN}`);
    const second = invitePayload();
    await boss.send(`/start ${second}`);
    expect(boss.lastText()).toContain("Вы уже организатор кампании «Открытое письмо");
    expect(boss.lastText()).toContain("это приглашение ничего не изменило");
    expect(boss.lastText()).not.toContain("Спасибо");
    await settle(h);
    expect(admin.lastText()).toBe(
      `${boss.id} opened your invite to «Open letter of Russian political prisoners (July 2025)» but is already an organiser of it: nothing changed, and the link is used up. To invite someone else, create a new one with /invite.`,
    );
    expect(await h.db.selectFrom("organisers").select("granted_at").where("user_id", "=", boss.id).executeTakeFirstOrThrow()).toEqual(granted);
    const actions = await h.db.selectFrom("audit_log").select("action").orderBy("id").execute();
    expect(actions.map((row) => row.action)).toEqual(["organiser.invite", "organiser.join", "organiser.invite", "organiser.invite-unneeded"]);
    // The link was used up: someone it is passed on to cannot use it.
    const other = h.user({ languageCode: "en" });
    await other.send(`/start ${second}`);
    expect(other.lastText()).toContain("already been used");
  });

  it("welcomes an organiser in English and Russian with the campaign's id and /news", async () => {
    for (const [languageCode, link, news] of [
      ["en", `send /link ${CAMPAIGN} there`, "/news — tell the prisoner's followers"],
      ["ru", `отправьте там /link ${CAMPAIGN}`, "/news — сообщить тем, кто следит за делом"],
    ] as const) {
      await admin.send(`/invite ${CAMPAIGN}`);
      const newcomer = h.user({ languageCode });
      await newcomer.send(`/start ${invitePayload()}`);
      expect(newcomer.lastText()).toContain(link);
      expect(newcomer.lastText()).toContain(news);
    }
  });

  it("refuses an invite used twice, an expired one and an unknown one, each with its own explanation", async () => {
    await admin.send(`/invite ${CAMPAIGN}`);
    const used = invitePayload();
    const first = h.user({ languageCode: "en" });
    await first.send(`/start ${used}`);
    const second = h.user({ languageCode: "en" });
    await second.send(`/start ${used}`);
    expect(second.lastText()).toBe("This invite link has already been used. Each link works once: ask the administrator for a new one.");
    expect(await isOrganiserOf(h.db, second.id, CAMPAIGN)).toBe(false);

    await admin.send(`/invite ${CAMPAIGN}`);
    const late = invitePayload();
    h.clock.advance(73 * 3_600_000);
    await second.send(`/start ${late}`);
    expect(second.lastText()).toContain("This invite link has expired");

    await second.send("/start org_notARealToken123");
    expect(second.lastText()).toContain("This invite link is not valid");
    expect(await isOrganiserOf(h.db, second.id, CAMPAIGN)).toBe(false);
  });

  it("keeps invites and the organiser list to admins", async () => {
    const someone = h.user({ languageCode: "ru" });
    await someone.send(`/invite ${CAMPAIGN}`);
    expect(someone.lastText()).toBe("Это могут делать только администраторы «Листов».");
    await someone.send("/organisers");
    expect(someone.lastText()).toBe("Это могут делать только администраторы «Листов».");
    await admin.send("/invite no-such-campaign");
    expect(admin.lastText()).toContain("There is no campaign «no-such-campaign»");
  });

  it("lists organisers and revokes one: the revoked organiser is told and loses the tools at once", async () => {
    await admin.send(`/invite ${CAMPAIGN}`);
    const organiser = h.user({ languageCode: "en" });
    await organiser.send(`/start ${invitePayload()}`);
    // The admin's "… used your invite" notice goes through the outbox: delivered now, not after the list below (it
    // arrived last on a slow Postgres run and became the admin's last message).
    await settle(h);
    await organiser.send("/stats");
    expect(organiser.lastText()).toContain("Letters written");

    await admin.send("/organisers");
    expect(admin.lastText()).toContain("Organisers by campaign");
    expect(admin.lastText()).toContain(String(organiser.id));
    const listButton = admin.findButton(`Revoke ${organiser.id}`);
    await admin.press(`Revoke ${organiser.id}`);
    expect(admin.lastCallbackAnswer()).toBe("Done: the role is revoked.");
    expect(admin.lastText()).toBe("There are no organisers yet. Create an invite with /invite.");
    expect(await isOrganiserOf(h.db, organiser.id, CAMPAIGN)).toBe(false);
    await settle(h);
    expect(organiser.lastText()).toContain("You are no longer an organiser of «Open letter");

    await organiser.send("/stats");
    expect(organiser.lastText()).toContain("This is a tool for campaign organisers");
    await organiser.send("/print");
    expect(organiser.lastText()).toContain("This is a tool for campaign organisers");
    // The same revoke button pressed again, or by someone else, changes nothing.
    await admin.pressData(listButton.message.message_id, "callback_data" in listButton.button ? listButton.button.callback_data : "");
    expect(admin.lastCallbackAnswer()).toBe("This person is no longer an organiser of that campaign.");
    const actions = await h.db.selectFrom("audit_log").select("action").where("action", "=", "organiser.revoke").execute();
    expect(actions).toHaveLength(1);
  });
});

/**
 * One link makes one organiser, also when two people open it at the same moment. On Postgres (READ COMMITTED) both
 * redemptions can read the invite unused; the second one's `UPDATE … WHERE used_at IS NULL` waits for the first to
 * commit and then changes no row. It must then answer as for a used link, not grant the role a second time.
 */
const joinNotices = () => admin.messages.filter((message) => message.text?.includes("used your invite")).length;
const joins = async () =>
  (await h.db.selectFrom("audit_log").select("actor_id").where("action", "=", "organiser.join").orderBy("id").execute()).map((row) => row.actor_id);

describe.skipIf(!onPostgres)(postgresOnly("an invite redeemed by two sessions at once on Postgres"), () => {
  /**
   * Another instance (a pool connection of its own) redeems the link for `first` and keeps its transaction open; the
   * bot takes `/start org_…` from `second`, reads the invite still unused, and its UPDATE waits for that transaction.
   * `end` then commits or rolls it back.
   */
  async function overlap(first: number, second: TestUser, end: "commit" | "rollback") {
    await admin.send(`/invite ${CAMPAIGN}`);
    const payload = invitePayload();
    const token = payload.slice("org_".length);
    const trx = await h.db.startTransaction().execute();
    const firstResult = await joinAsOrganiser({ db: trx, clock: h.clock }, token, first);
    expect(firstResult).toMatchObject({ ok: true, already: false });
    const shown = second.messages.length;
    const secondHandled = second.send(`/start ${payload}`);
    await someoneWaitsForALock(h.db, "organiser_invites");
    await (end === "commit" ? trx.commit() : trx.rollback()).execute();
    await secondHandled;
    await settle(h);
    return second.textsSince(shown);
  }

  it("the second person is told the link is used: one organiser, one join audited, one notice to the admin", async () => {
    const first = h.user({ languageCode: "en" });
    const second = h.user({ languageCode: "en" });
    await second.send("/start");
    const answers = await overlap(first.id, second, "commit");
    expect(answers).toEqual(["This invite link has already been used. Each link works once: ask the administrator for a new one."]);
    expect(await isOrganiserOf(h.db, first.id, CAMPAIGN)).toBe(true);
    expect(await isOrganiserOf(h.db, second.id, CAMPAIGN)).toBe(false);
    expect(await joins()).toEqual([first.id]);
    expect(joinNotices()).toBe(1);
    expect(await h.db.selectFrom("organiser_invites").select("used_by").execute()).toEqual([{ used_by: first.id }]);
  });

  it("the same person's /start taken by a second session while the first is still open is welcomed; joined and told once", async () => {
    const newcomer = h.user({ languageCode: "en" });
    await newcomer.send("/start");
    const answers = await overlap(newcomer.id, newcomer, "commit");
    expect(answers).toHaveLength(1);
    expect(answers[0]).toContain("You are now an organiser of «Open letter");
    expect(await joins()).toEqual([newcomer.id]);
    expect(joinNotices()).toBe(1);
  });

  it("when the first session rolls back, the waiting one takes the link: the second person joins", async () => {
    const first = h.user({ languageCode: "en" });
    const second = h.user({ languageCode: "en" });
    await second.send("/start");
    const answers = await overlap(first.id, second, "rollback");
    expect(answers).toHaveLength(1);
    expect(answers[0]).toContain("You are now an organiser of «Open letter");
    expect(await isOrganiserOf(h.db, first.id, CAMPAIGN)).toBe(false);
    expect(await isOrganiserOf(h.db, second.id, CAMPAIGN)).toBe(true);
    expect(await joins()).toEqual([second.id]);
    expect(joinNotices()).toBe(1);
  });
});

describe("an invite opened by two people at once", () => {
  // On SQLite the one connection runs transactions one after another, so the second reads the invite used.
  it("makes one organiser; the other is told the link is used", async () => {
    await admin.send(`/invite ${CAMPAIGN}`);
    const payload = invitePayload();
    const people = [h.user({ languageCode: "en" }), h.user({ languageCode: "en" })];
    await Promise.all(people.map((person) => person.send(`/start ${payload}`)));
    await settle(h);
    const organisers: TestUser[] = [];
    for (const person of people) if (await isOrganiserOf(h.db, person.id, CAMPAIGN)) organisers.push(person);
    expect(organisers).toHaveLength(1);
    const other = people.find((person) => person !== organisers[0]);
    expect(other?.lastText()).toContain("This invite link has already been used");
    expect(await joins()).toEqual([organisers[0]?.id]);
    expect(joinNotices()).toBe(1);
  });
});
