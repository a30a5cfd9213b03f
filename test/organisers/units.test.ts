import { readFileSync } from "node:fs";
import { FluentResource } from "@fluent/bundle";
import type { ChatMember, User } from "grammy/types";
import { describe, expect, it } from "vitest";
import { SUPPORTED_LOCALES } from "../../src/config.js";
import { CATEGORY_IDS } from "../../src/domain/censorship/index.js";
import { PRISONER_STATUSES } from "../../src/domain/directory/types.js";
import { addresseeHeader, groupByInstitution, type PrintableLetter } from "../../src/domain/print/index.js";
import { projectPath } from "../../src/project-path.js";
import { ACTION_STATUS, cardAction, RETURN_REASONS, returnWithReason } from "../../src/services/relay/buttons.js";
import { relayRightsProblem } from "../../src/services/relay/chat-rights.js";
import { letterMessages } from "../../src/services/relay/letter-parts.js";
import { parseRelayRef, relayRef } from "../../src/domain/letters/relay-refs.js";

const bot: User = { id: 1, is_bot: true, first_name: "Lysty" };

describe("the bot's rights in a relay chat", () => {
  const admin = (rights: Partial<ChatMember & { can_post_messages: boolean }>) =>
    ({ status: "administrator", user: bot, can_be_edited: false, is_anonymous: false, can_manage_chat: true, can_delete_messages: true, can_manage_video_chats: true, can_restrict_members: true, can_promote_members: false, can_change_info: true, can_invite_users: true, can_post_stories: false, can_edit_stories: false, can_delete_stories: false, ...rights }) as ChatMember;

  it("needs can_post_messages as an administrator in a channel", () => {
    expect(relayRightsProblem("channel", { status: "member", user: bot })).toBe("not-admin");
    expect(relayRightsProblem("channel", admin({ can_post_messages: false }))).toBe("no-post-right");
    expect(relayRightsProblem("channel", admin({ can_post_messages: true }))).toBeUndefined();
    expect(relayRightsProblem("channel", { status: "left", user: bot })).toBe("not-member");
  });

  it("needs only to be a member allowed to send in a group", () => {
    expect(relayRightsProblem("group", { status: "member", user: bot })).toBeUndefined();
    expect(relayRightsProblem("supergroup", { status: "kicked", user: bot, until_date: 0 })).toBe("not-member");
    const restricted = { status: "restricted", user: bot, is_member: true, can_send_messages: false } as ChatMember;
    expect(relayRightsProblem("supergroup", restricted)).toBe("cannot-send");
  });
});

describe("relay refs and buttons", () => {
  it("round-trips refs and rejects others", () => {
    expect(parseRelayRef(relayRef(42, "card"))).toEqual({ letterId: 42, part: "card" });
    expect(parseRelayRef(relayRef(42, "text", 2))).toEqual({ letterId: 42, part: "text" });
    expect(parseRelayRef("news:42:card")).toBeUndefined();
    expect(parseRelayRef("relay:x:card")).toBeUndefined();
  });

  it("keeps every button's data within 64 bytes for the largest letter ids", () => {
    const id = Number.MAX_SAFE_INTEGER;
    for (const action of ["accept", "return", "printed", "sent", "reply", "back"]) expect(() => cardAction.pack(action, id)).not.toThrow();
    for (const reason of RETURN_REASONS) expect(() => returnWithReason.pack(id, reason)).not.toThrow();
  });
});

describe("letter text for the organisers' chat", () => {
  it("escapes HTML in every part and keeps the text whole across parts", () => {
    const text = `${"Абзац <i>с</i> тегами & знаками. ".repeat(150)}\n\n${"Второй абзац. ".repeat(200)}`;
    const parts = letterMessages({ reference: "L-2611-ABCD", text, signature: { name: "Оля" } });
    expect(parts.kind).toBe("messages");
    if (parts.kind !== "messages") return;
    expect(parts.messages.length).toBe(2);
    for (const message of parts.messages) {
      expect(message).not.toMatch(/<i>|& /);
      expect(message.length).toBeLessThanOrEqual(4096 * 2);
    }
    expect(parts.messages[0]).toContain("&lt;i&gt;с&lt;/i&gt; тегами &amp; знаками");
  });

  it("switches to a file beyond two messages", () => {
    expect(letterMessages({ reference: "L", text: "Слово ".repeat(2000), signature: { name: "Оля" } }).kind).toBe("file");
  });
});

describe("print grouping", () => {
  const letter = (reference: string, key: string, name: string | null, address: string | null = null): PrintableLetter => ({
    reference,
    addressee: "Иванов Иван Иванович, 1970 г.р.",
    institution: { key, name, address },
    body: "Текст",
  });

  it("groups by institution, alphabetically in Russian, unknown institutions last", () => {
    const groups = groupByInstitution([letter("A", "", null), letter("B", "ik-4", "ИК-4"), letter("C", "ik-10", "ИК-10"), letter("D", "ik-4", "ИК-4")]);
    expect(groups.map((group) => [group.name, group.letters.map((entry) => entry.reference)])).toEqual([
      ["ИК-10", ["C"]],
      ["ИК-4", ["B", "D"]],
      [null, ["A"]],
    ]);
  });

  it("writes «Кому» with what is known and nothing invented", () => {
    expect(addresseeHeader(letter("A", "x", "ИК-2 (Салават)", "453256, Салават, ул. Ленина"))).toBe(
      "Кому: Иванов Иван Иванович, 1970 г.р., ИК-2 (Салават), 453256, Салават, ул. Ленина",
    );
    expect(addresseeHeader(letter("A", "", null))).toBe("Кому: Иванов Иван Иванович, 1970 г.р.");
  });
});

describe("labels", () => {
  const ids = (locale: string, file: string) =>
    new Set(new FluentResource(readFileSync(projectPath("locales", locale, file), "utf8")).body.map((entry) => entry.id));

  it("has a label in every locale for each status organisers set, each finding category, return reason and prisoner status", () => {
    for (const locale of SUPPORTED_LOCALES) {
      const letter = ids(locale, "letter.ftl");
      const organisers = ids(locale, "organisers.ftl");
      for (const status of [...Object.values(ACTION_STATUS), "returned", "relayed"]) {
        expect(letter.has(`letter-status-${status.replaceAll("_", "-")}`), `${locale} ${status}`).toBe(true);
      }
      for (const category of CATEGORY_IDS) expect(organisers.has(`organisers-finding-${category}`), `${locale} ${category}`).toBe(true);
      for (const reason of RETURN_REASONS) expect(organisers.has(`organisers-return-reason-${reason}`)).toBe(true);
      for (const status of PRISONER_STATUSES) expect(organisers.has(`organisers-prisoner-status-${status}`)).toBe(true);
    }
  });
});
