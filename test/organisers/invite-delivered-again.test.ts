import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isOrganiserOf } from "../../src/db/repositories/roles.js";
import { CrashPoint } from "../helpers/crash-point.js";
import { DeliveredAgain } from "../helpers/delivered-again.js";
import type { Harness } from "../helpers/harness.js";
import type { TestUser } from "../helpers/test-user.js";
import { ADMIN_ID, CAMPAIGN, settle } from "./world.js";

/**
 * Issue 14, item 5, in webhook mode: an admin's `/invite <campaign>` and a newcomer's `/start org_…` write their
 * effect in one transaction each. When the process dies after it committed and before the update was recorded
 * handled, Telegram delivers the same message again to the restarted bot: it must make no second invite, and must
 * neither tell the newcomer their link was used up nor tell the admin twice. A press of a campaign's button is kept
 * by its callback query id (z36a): a refused answer no longer ends the handler, so the press itself is the key.
 */
let bot: DeliveredAgain;
let h: Harness;
/** Strikes a write inside the handler's transaction (the death in the middle). */
let inside: CrashPoint;
/** Strikes the webhook's record of the update handled (the death after the commit). */
let beforeTheMark: CrashPoint;
let admin: TestUser;
beforeEach(async () => {
  inside = new CrashPoint();
  beforeTheMark = new CrashPoint();
  bot = await DeliveredAgain.start({ admins: [ADMIN_ID], dbPlugins: [inside, beforeTheMark] });
  h = bot.h;
  admin = h.user({ id: ADMIN_ID, languageCode: "en" });
  await admin.send("/start");
});
afterEach(async () => bot.stop());

/** Restarts the bot as after a death and delivers the update handled last again, as Telegram does. */
async function deliverAgain(): Promise<void> {
  const update = await bot.lastDelivered();
  expect(beforeTheMark.struck).toBe(1);
  await settle(h);
  expect(await bot.deliverAgain(update)).toBe(200);
  await settle(h);
}

const links = (texts: string[]) => texts.flatMap((text) => /start=(org_[\w-]+)/.exec(text)?.[1] ?? []);

describe("organiser invites delivered again after the process died once they were stored", () => {
  it("/invite <campaign>: one invite, and the admin is sent the same link again", async () => {
    const before = admin.messages.length;
    beforeTheMark.arm("seen_updates", "audit_log");
    await admin.send(`/invite ${CAMPAIGN}`);
    await deliverAgain();
    const sent = links(admin.textsSince(before));
    expect(sent).toHaveLength(2);
    expect(new Set(sent).size).toBe(1);
    expect(await h.db.selectFrom("organiser_invites").select("token").execute()).toEqual([{ token: sent[0]!.slice("org_".length) }]);
    expect(await h.db.selectFrom("audit_log").select("action").execute()).toEqual([{ action: "organiser.invite" }]);

    // Another /invite is another message: a new link.
    await admin.send(`/invite ${CAMPAIGN}`);
    expect(new Set(links(admin.textsSince(before))).size).toBe(2);
  });

  it("a campaign's button: the press delivered again invites nobody more and is sent the same link again", async () => {
    await admin.send("/invite");
    const before = admin.messages.length;
    beforeTheMark.arm("seen_updates", "audit_log");
    await admin.press("Open letter");
    await deliverAgain();
    const sent = links(admin.textsSince(before));
    expect(sent).toHaveLength(2);
    expect(new Set(sent).size).toBe(1);
    expect(await h.db.selectFrom("organiser_invites").select("token").execute()).toEqual([{ token: sent[0]!.slice("org_".length) }]);
    expect(await h.db.selectFrom("audit_log").select("action").execute()).toEqual([{ action: "organiser.invite" }]);

    // Pressing the button again is another press: another one-time link.
    await admin.press("Open letter");
    expect(new Set(links(admin.textsSince(before))).size).toBe(2);
  });

  it("/start org_…: the newcomer is welcomed again, not told the link was used; the admin is told once", async () => {
    await admin.send(`/invite ${CAMPAIGN}`);
    const [payload] = links([admin.lastText()]);
    const newcomer = h.user({ languageCode: "en" });
    await newcomer.send("/start");
    const told = admin.messages.length;
    const shown = newcomer.messages.length;
    beforeTheMark.arm("seen_updates", "outbox");
    await newcomer.send(`/start ${payload}`);
    await deliverAgain();
    const welcome = newcomer.textsSince(shown);
    expect(welcome).toHaveLength(2);
    for (const text of welcome) expect(text).toContain("You are now an organiser of «Open letter");
    expect(admin.textsSince(told).filter((text) => text.includes("used your invite"))).toHaveLength(1);
    expect(await h.db.selectFrom("audit_log").select("action").where("actor_id", "=", newcomer.id).execute()).toEqual([{ action: "organiser.join" }]);

    // Someone else opening the same link later still finds it used.
    const other = h.user({ languageCode: "en" });
    await other.send(`/start ${payload}`);
    expect(other.lastText()).toContain("This invite link has already been used");
  });

  it("/start org_…: a death before the admin's notice was written leaves the link unused, so the delivery again joins and tells", async () => {
    await admin.send(`/invite ${CAMPAIGN}`);
    const [payload] = links([admin.lastText()]);
    const newcomer = h.user({ languageCode: "en" });
    await newcomer.send("/start");
    const told = admin.messages.length;
    inside.arm("outbox", "organisers");
    beforeTheMark.arm("seen_updates", "organisers");
    await newcomer.send(`/start ${payload}`);
    await deliverAgain();
    expect(inside.struck).toBe(1);
    expect(newcomer.lastText()).toContain("You are now an organiser of «Open letter");
    expect(await isOrganiserOf(h.db, newcomer.id, CAMPAIGN)).toBe(true);
    expect(admin.textsSince(told).filter((text) => text.includes("used your invite"))).toHaveLength(1);
  });
});
