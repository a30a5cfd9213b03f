import { afterEach, describe, expect, it } from "vitest";
import { findUser } from "../../src/db/repositories/users.js";
import { MAX_LETTER_CHARACTERS } from "../../src/domain/letters/draft.js";
import { Harness } from "../helpers/harness.js";
import type { TestUser } from "../helpers/test-user.js";
import { CAMPAIGN as NEWS_CAMPAIGN, followFromCard, importFictionalDirectory, messageContaining, organiserOf, TESTENKO } from "../news/fixtures.js";
import { publishThroughChat } from "../news/publish-driver.js";
import { ADMIN_ID, linkedGroup, organiser, pressIn, relayLetter, sendIn, settle, statusOf } from "../organisers/world.js";
import { lettersOf, startDraft, writeFinishedLetter } from "./flows.js";

let h: Harness;
afterEach(async () => h?.stop());

/** Nothing ended in the error boundary, the fake saw no malformed call, and no outbox message was refused. */
async function expectNoFailures(): Promise<void> {
  expect(h.logs.filter((line) => line.includes('"update failed'))).toEqual([]);
  expect(h.fake.internalErrors).toEqual([]);
  const refused = await h.db.selectFrom("outbox").select(["kind", "last_error"]).where("status", "=", "failed").execute();
  expect(refused).toEqual([]);
}

/** Presses `data` on the user's newest message with buttons and returns what the bot answered, if it did. */
async function pressForged(user: TestUser, data: string): Promise<string | undefined> {
  const before = h.fake.callbackAnswers.length;
  const message = [...user.messages].reverse().find((candidate) => candidate.reply_markup) ?? user.messages.at(-1);
  await user.pressData(message!.message_id, data);
  const answers = h.fake.callbackAnswers.slice(before);
  expect(answers, `no answer to «${data}»: the person would see a spinner`).toHaveLength(1);
  return answers[0]?.text;
}

const HTML_BAIT = `<b>Оля</b> & "Ко" <i>2 < 3 > 1</i> <script>alert(1)</script> <a href="x">`;

describe("callback data is untrusted", () => {
  it("answers forged, malformed and oversized callback data of every feature without acting on it", async () => {
    h = await Harness.start({ admins: [ADMIN_ID] });
    const user = h.user({ languageCode: "en" });
    await user.send("/start");
    const forged = [
      "zz:forged:1",
      "menu:nuke",
      "lang:xx",
      "privacy:drop-tables",
      "forget:yes:abc",
      "forget:yes:",
      "write:no-such-person",
      "write:../../etc:passwd",
      "write:kagarlitsky-boris:poison",
      "lw:0:done:0",
      "ld:continue:999999",
      "ld:discard-yes:-1",
      "ld:explode:1",
      "lst:-5",
      "lst:1' OR '1'='1",
      "dc:no-such-person",
      "ds:x:y",
      "dbc:none:0",
      "dbf:-1",
      "dbb:zz",
      "nf:ghost",
      "nu:ghost",
      "nfc:ghost",
      "nuc:ghost",
      "nd:weekly",
      "nsp:ghost",
      "nsc:ghost",
      "nra:ghost",
      "nrs:ghost:0",
      "nrd:99999",
      "nw:ghost:pc",
      "orgi:ghost",
      "orgx:1:ghost",
      "orgp:99999",
      "orgs:ghost",
      "orgm:ghost",
      "orgd:ghost",
      "orgc:ghost",
      "orga:accept:99999",
      "orgr:99999:wording",
      "orgw:99999",
      "x".repeat(64),
    ];
    for (const data of forged) await pressForged(user, data);
    expect(await lettersOf(h, user.id)).toEqual([]);
    expect(await h.db.selectFrom("news_follows").selectAll().execute()).toEqual([]);
    expect(await h.db.selectFrom("organisers").selectAll().execute()).toEqual([]);
    expect((await findUser(h.db, user.id))?.locale).toBe("en");
    await expectNoFailures();
  });

  it("does not repeat what a replayed button already did", async () => {
    h = await Harness.start();
    const writer = h.user({ languageCode: "en" });
    await writeFinishedLetter(writer, "Здравствуйте, Борис Юльевич! Пишу Вам из Вильнюса.", "Ира\nВильнюс");
    const [letter] = await lettersOf(h, writer.id);
    // The button that finished the letter, pressed again on the old message: the letter is finished once.
    await writer.press("Yes, remember it");
    const after = await lettersOf(h, writer.id);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: letter!.id, status: "finished", reference: letter!.reference });
    await expectNoFailures();
  });

  it("never shows or changes another writer's letter through its id in callback data", async () => {
    h = await Harness.start();
    const owner = h.user({ languageCode: "en" });
    const secret = "Здравствуйте! Это личный черновик, который никто больше не должен видеть.";
    await startDraft(owner, secret);
    const [draft] = await lettersOf(h, owner.id);
    const intruder = h.user({ languageCode: "en" });
    await intruder.send("/start");
    for (const action of ["continue", "discard", "discard-yes", "keep", "new"]) await pressForged(intruder, `ld:${action}:${draft!.id}`);
    expect(intruder.messages.map((message) => message.text ?? "").join("\n")).not.toContain("личный черновик");
    const [still] = await lettersOf(h, owner.id);
    expect(still).toMatchObject({ id: draft!.id, status: "draft", text: secret });
    expect(await lettersOf(h, intruder.id)).toEqual([]);
    await expectNoFailures();
  });
});

describe("organiser and admin actions by ordinary users", () => {
  it("refuses them at the moment they run, whatever the button or command says", async () => {
    h = await Harness.start({ admins: [ADMIN_ID] });
    const boss = await organiser(h, { languageCode: "en" });
    const group = await linkedGroup(h, boss);
    const writer = h.user({ languageCode: "en" });
    await writer.send("/start");
    const letter = await relayLetter(h, writer, { text: "Здравствуйте! Письмо для организаторов." });
    await settle(h);
    const card = h.fake.messages(group).find((message) => message.text?.includes(letter.reference ?? "?"));
    expect(card).toBeDefined();

    // A member of the organisers' group who is not an organiser presses the card's buttons.
    const bystander = h.user({ languageCode: "en" });
    await bystander.send("/start");
    h.fake.setMember(group, bystander.id, "member");
    for (const data of [`orga:accept:${letter.id}`, `orga:return:${letter.id}`, `orgr:${letter.id}:wording`]) {
      await pressIn(h, bystander, group, card!.message_id, data);
    }
    expect(await statusOf(h, letter.id)).toBe("relayed");

    // The writer tries the organisers' buttons on their own letter, from their private chat.
    await pressForged(writer, `orga:accept:${letter.id}`);
    expect(await statusOf(h, letter.id)).toBe("relayed");

    // Admin and organiser commands.
    for (const command of ["/invite open-letter-2025", "/organisers", "/print", "/stats", "/news"]) await bystander.send(command);
    expect(await h.db.selectFrom("organiser_invites").selectAll().execute()).toEqual([]);
    expect(await h.db.selectFrom("print_batches").selectAll().execute()).toEqual([]);
    await pressForged(bystander, `orgx:${boss.id}:open-letter-2025`);
    expect(await h.db.selectFrom("organisers").select("user_id").where("revoked_at", "is", null).execute()).toEqual([{ user_id: boss.id }]);

    // Linking another group to the campaign.
    const other = -1_009_000_000_001;
    h.fake.addGroup({ id: other, title: "Someone else's group", type: "supergroup" });
    h.fake.setMember(other, bystander.id, "creator");
    h.fake.setMember(other, h.fake.botId, "administrator");
    await sendIn(h, bystander, other, "/link open-letter-2025");
    const links = await h.db.selectFrom("campaign_chats").select("chat_id").execute();
    expect(links).toEqual([{ chat_id: group }]);

    // Directory corrections: status and transfer of a prisoner.
    const history = async () => (await h.db.selectFrom("prisoner_history").select("id").execute()).length;
    const before = await history();
    for (const command of ["/setstatus kagarlitsky-boris", "/move kagarlitsky-boris", `/setstatus ${HTML_BAIT}`]) await bystander.send(command);
    expect(await history()).toBe(before);
    expect(await h.db.selectFrom("conversation_state").select("key").where("key", "=", `flow:${bystander.id}`).execute()).toEqual([]);
    await expectNoFailures();
  });
});

describe("HTML in anything people type, shown back", () => {
  it("escapes names, signatures, letter text, search text, chat titles and news text (the fake rejects bad HTML as Telegram does)", async () => {
    h = await Harness.start();
    await importFictionalDirectory(h.db);
    const writer = h.user({ languageCode: "en", firstName: HTML_BAIT });
    // Free text is a search: its reply quotes the query (normalised), and must still be valid HTML.
    expect(await writer.send(HTML_BAIT)).toHaveLength(1);

    // Letter text in Russian (so the check has nothing to stop), markup characters included.
    const letterBait = `Здравствуйте! <b>Привет</b> & «Ко» 2 < 3 > 1 <i>мысли</i> <a href="x">книга`;
    const signatureBait = `<b>Оля</b> & "Ко" <i`;
    await writeFinishedLetter(writer, letterBait, `${signatureBait}\n<script>Київ</script>`);
    const [letter] = await lettersOf(h, writer.id);
    expect(letter).toMatchObject({ status: "finished", text: letterBait, signature_name: signatureBait, signature_city: "<script>Київ</script>" });
    expect(writer.messages.map((message) => message.text ?? "").join("\n")).toContain(`Sign as “${signatureBait}, <script>Київ</script>”`);

    // Relayed with the writer's (hostile) Telegram name shown to organisers.
    const boss = await organiser(h, { languageCode: "en" });
    const group = await linkedGroup(h, boss);
    await relayLetter(h, writer, { text: HTML_BAIT, signature: HTML_BAIT, shareIdentity: true, writer: { firstName: HTML_BAIT } });
    await settle(h);
    expect(h.fake.messages(group).map((message) => message.text ?? "").join("\n")).toContain(HTML_BAIT);

    // A group with a hostile title is linked, then the bot is removed: organisers and admins are alerted by title.
    const hostileGroup = -1_009_200_000_001;
    h.fake.addGroup({ id: hostileGroup, title: HTML_BAIT, type: "supergroup" });
    h.fake.setMember(hostileGroup, boss.id, "creator");
    h.fake.setMember(hostileGroup, h.fake.botId, "administrator");
    await sendIn(h, boss, hostileGroup, "/link open-letter-2025");
    // Replacing the linked group asks first, naming both chats: the hostile title is shown escaped.
    const question = h.fake.lastMessage(hostileGroup)!;
    expect(question.text).toContain(HTML_BAIT);
    await h.handled(h.fake.pressButton(boss.id, hostileGroup, question.message_id, question.reply_markup!.inline_keyboard[0]![0]!.text));
    expect(await h.db.selectFrom("campaign_chats").select("title").where("chat_id", "=", hostileGroup).execute()).toEqual([{ title: HTML_BAIT }]);
    await h.handled(h.fake.injectMyChatMember({ chatId: hostileGroup, fromUserId: boss.id, status: "kicked" }));
    await settle(h);
    expect(boss.messages.map((message) => message.text ?? "").join("\n")).toContain(HTML_BAIT);

    // News written by an organiser, delivered to a follower.
    const newsOrganiser = await organiserOf(h, NEWS_CAMPAIGN, "en");
    const follower = h.user({ languageCode: "en" });
    await followFromCard(follower, TESTENKO.slug);
    await publishThroughChat(newsOrganiser, {
      locale: "en",
      query: "Testenko",
      pick: "Ivan Testenko",
      event: "health",
      text: `Health news ${HTML_BAIT}`,
      source: "https://example.org/news/2",
    });
    await messageContaining(follower, `Health news ${HTML_BAIT}`);
    await settle(h);
    await expectNoFailures();
  });
});

describe("inline queries", () => {
  it("answers hostile and oversized inline queries with valid results", async () => {
    h = await Harness.start();
    const user = h.user({ languageCode: "en" });
    for (const query of [HTML_BAIT, "Кагарлицкий <b>", "Щ".repeat(256), "' OR 1=1 --"]) {
      const updateId = h.fake.injectInlineQuery(user.id, query);
      await h.handled(updateId);
      expect(h.fake.inlineAnswers.some((answer) => answer.updateId === updateId)).toBe(true);
    }
    await expectNoFailures();
  });
});

describe("oversized input", () => {
  it("answers a 4,096-character message at every text step and never stores more than the letter limit", async () => {
    h = await Harness.start();
    const huge = "Щ".repeat(4096);
    const searcher = h.user({ languageCode: "en" });
    await searcher.send(huge);
    expect(searcher.messages).toHaveLength(1);

    const writer = h.user({ languageCode: "en" });
    await startDraft(writer, huge);
    for (let i = 0; i < 3; i++) await writer.send(huge);
    expect(writer.lastText()).toContain(MAX_LETTER_CHARACTERS.toLocaleString("en"));
    const [draft] = await lettersOf(h, writer.id);
    expect([...(draft?.text ?? "")].length).toBeLessThanOrEqual(MAX_LETTER_CHARACTERS);

    // A 4,096-character signature.
    const signer = h.user({ languageCode: "en" });
    await startDraft(signer, "Здравствуйте, Борис Юльевич!");
    await signer.press("Done: check the letter");
    const before = signer.messages.length;
    await signer.send(huge);
    expect(signer.messages.length).toBeGreaterThan(before);
    await expectNoFailures();
  });
});

describe("updates nobody asked for", () => {
  it("says that edits are not seen, instead of silently ignoring an edited message, in a letter or outside one", async () => {
    h = await Harness.start();
    const writer = h.user({ languageCode: "en" });
    await startDraft(writer, "Здравствуйте, Борис Юльевич!");
    let sent = writer.messages.length;
    await h.handled(h.fake.injectEditedMessage(writer.id, writer.chatId, 1, "Здравствуйте, исправлено!"));
    expect(writer.textsSince(sent).join("\n")).toMatch(/edit/i);
    expect((await lettersOf(h, writer.id))[0]?.text).toBe("Здравствуйте, Борис Юльевич!");

    const searcher = h.user({ languageCode: "en" });
    await searcher.send("Kagarlitsky");
    sent = searcher.messages.length;
    await h.handled(h.fake.injectEditedMessage(searcher.id, searcher.chatId, 1, "Balukh"));
    expect(searcher.textsSince(sent).join("\n")).toContain("I do not see edits of messages already sent");
    await expectNoFailures();
  });

  it("ignores posts of channels nobody linked, and the bot being removed from a chat nobody linked", async () => {
    h = await Harness.start();
    const channel = -1_009_100_000_001;
    h.fake.addChannel({ id: channel, title: "Random channel" });
    h.fake.setMember(channel, h.fake.botId, "administrator");
    const owner = h.user({ languageCode: "en" });
    h.fake.setMember(channel, owner.id, "creator");
    await h.handled(h.fake.injectChannelPost(channel, `Кагарлицкий ${HTML_BAIT}`));
    const group = -1_009_100_000_002;
    h.fake.addGroup({ id: group, title: "Random group", type: "supergroup" });
    h.fake.setMember(group, owner.id, "creator");
    h.fake.setMember(group, h.fake.botId, "member");
    await h.handled(h.fake.injectMyChatMember({ chatId: group, fromUserId: owner.id, status: "kicked" }));
    expect(h.fake.messages(channel)).toEqual([]);
    expect(h.fake.calls.filter((call) => call.method === "sendMessage")).toEqual([]);
    expect(await h.db.selectFrom("news_channel_offers").selectAll().execute()).toEqual([]);
    expect(await h.db.selectFrom("campaign_chats").selectAll().execute()).toEqual([]);
    await expectNoFailures();
  });

  it("marks a person who blocks the bot, clears the mark when they unblock it, and never recreates a forgotten person", async () => {
    h = await Harness.start();
    const user = h.user({ languageCode: "en" });
    await user.send("/start");
    await h.handled(h.fake.injectMyChatMember({ chatId: user.chatId, fromUserId: user.id, status: "kicked" }));
    expect((await findUser(h.db, user.id))?.blocked_at).not.toBeNull();
    await h.handled(h.fake.injectMyChatMember({ chatId: user.chatId, fromUserId: user.id, status: "member" }));
    expect((await findUser(h.db, user.id))?.blocked_at).toBeNull();

    await user.send("/forget");
    await user.press("Yes, delete everything");
    expect(await findUser(h.db, user.id)).toBeUndefined();
    await h.handled(h.fake.injectMyChatMember({ chatId: user.chatId, fromUserId: user.id, status: "kicked" }));
    expect(await findUser(h.db, user.id)).toBeUndefined();
    await expectNoFailures();
  });
});
