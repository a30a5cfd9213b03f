import { describe, expect, it } from "vitest";
import {
  type FsinPismoPacket,
  planDelivery,
  type PostInstructions,
  renderFsinPismoPacket,
  renderPostInstructions,
} from "../../src/domain/letters/delivery.js";
import type { LetterRecipient } from "../../src/domain/letters/types.js";
import { gomelColonyRecipient, recipientWithoutInstitution, salavatColonyRecipient, torzhokColonyRecipient } from "./fixtures.js";

const keysOf = (texts: readonly { key: string }[]) => texts.map((text) => text.key);

describe("the FSIN-pismo packet", () => {
  const packet = renderFsinPismoPacket(torzhokColonyRecipient) as FsinPismoPacket;

  it("names region and institution exactly as the form lists them, and the recipient with year of birth", () => {
    expect(packet.region).toBe("Тверская область");
    expect(packet.institution).toBe("ИК-4 Торжок");
    expect(packet.recipient).toBe("Балух Владимир Григорьевич, 1971 г.р.");
    expect(packet.siteUrl).toBe("https://fsin-pismo.ru");
    expect(packet.steps).toContainEqual({ key: "letter-fsin-step-region", args: { region: "Тверская область" } });
    expect(packet.steps).toContainEqual({ key: "letter-fsin-step-institution", args: { institution: "ИК-4 Торжок" } });
    expect(packet.steps).toContainEqual({
      key: "letter-fsin-step-recipient",
      args: { recipient: "Балух Владимир Григорьевич, 1971 г.р." },
    });
  });

  it("tells the writer to tick the paid reply form", () => {
    expect(keysOf(packet.steps)).toContain("letter-fsin-step-reply-form");
  });

  it("estimates the price from the dated source, never as a current price", () => {
    expect(packet.price.items.map(({ item, quantity, unitPrice }) => [item, quantity, unitPrice])).toEqual([
      ["letter", 1, 55],
      ["reply-form", 1, 55],
    ]);
    expect(packet.price.total).toBe(110);
    expect(packet.price.source.observed).toBe("2022–2024");
    expect(packet.price.source.url).toContain("vesna.democrat");
    expect(packet.price.caveat).toEqual({
      key: "letter-fsin-price-caveat",
      args: { source: packet.price.source.url, observed: "2022–2024" },
    });
    const withImages = renderFsinPismoPacket(torzhokColonyRecipient, { images: 2 });
    expect(withImages?.price.total).toBe(55 + 55 + 2 * 35);
    expect(withImages?.price.items.at(-1)?.label).toEqual({
      key: "letter-fsin-price-item-image",
      args: { quantity: 2, unitPrice: 35, subtotal: 70 },
    });
    expect(renderFsinPismoPacket(torzhokColonyRecipient, { replyForm: false })?.price.total).toBe(55);
    expect(() => renderFsinPismoPacket(torzhokColonyRecipient, { images: -1 })).toThrow(RangeError);
  });

  it("gives delivery time, intermediaries for writers without a Russian card, and the transfer warning", () => {
    expect(packet.deliveryTime.key).toBe("letter-fsin-delivery-time");
    expect(packet.withoutRussianCard.intermediaries.map((service) => service.url)).toEqual([
      "https://lettersnow.org",
      "https://rosuznik.org",
      "https://www.rightsinrussia.org/write-to-russia/",
    ]);
    expect(keysOf(packet.warnings)).toContain("letter-delivery-recheck-institution");
    expect(keysOf(packet.warnings)).not.toContain("letter-delivery-birth-year-unknown");
  });

  it("leaves out the year rather than inventing one, and says so", () => {
    const { birthYear: _, ...withoutYear } = torzhokColonyRecipient;
    const unknownYear = renderFsinPismoPacket(withoutYear);
    expect(unknownYear?.recipient).toBe("Балух Владимир Григорьевич");
    expect(keysOf(unknownYear?.warnings ?? [])).toContain("letter-delivery-birth-year-unknown");
  });

  it("is not offered without the form's names, for Belarus, or for an institution FSIN-pismo does not serve", () => {
    expect(renderFsinPismoPacket(recipientWithoutInstitution)).toBeUndefined();
    const regionOnly = { fsinPismo: true, fsinRegion: "Тверская область" };
    expect(renderFsinPismoPacket({ ...torzhokColonyRecipient, institution: regionOnly })).toBeUndefined();
    expect(renderFsinPismoPacket({ ...torzhokColonyRecipient, system: "by" })).toBeUndefined();
    const notServed = { ...torzhokColonyRecipient.institution!, fsinPismo: false };
    expect(renderFsinPismoPacket({ ...torzhokColonyRecipient, institution: notServed })).toBeUndefined();
  });
});

describe("post", () => {
  it("writes the Russian envelope with full name and «года рождения»", () => {
    const post = renderPostInstructions(salavatColonyRecipient) as PostInstructions;
    expect(post.envelope).toEqual({
      recipient: "Зейтуллаев Руслан Борисович, 1985 года рождения",
      addressLines: [
        "453256, Республика Башкортостан, г. Салават, Станция Южный,",
        "ФКУ ИК-2 ГУФСИН России по Республике Башкортостан",
      ],
      countryLine: "RUSSIAN FEDERATION",
    });
    expect(post.enclose.key).toBe("letter-post-enclose-ru");
    expect(keysOf(post.rules)).toContain("letter-post-rules-ru");
    expect(keysOf(post.warnings)).toContain("letter-delivery-recheck-institution");
  });

  it("writes the Belarusian envelope and is honest about non-relatives", () => {
    const post = renderPostInstructions(gomelColonyRecipient) as PostInstructions;
    expect(post.system).toBe("by");
    expect(post.envelope).toEqual({
      recipient: "Колесникова Мария Александровна",
      addressLines: ["ИК №4", "ул. Антошкина, 3", "246035, г. Гомель"],
      countryLine: "REPUBLIC OF BELARUS",
    });
    expect(post.enclose.key).toBe("letter-post-enclose-by");
    expect(keysOf(post.rules)).toContain("letter-post-rules-by");
    expect(keysOf(post.warnings)).toContain("letter-guidance-by-relatives-only");
    expect(keysOf(post.warnings)).toContain("letter-post-by-no-e-letters");
    const pretrial = renderPostInstructions({ ...gomelColonyRecipient, status: "pretrial" });
    expect(keysOf(pretrial?.warnings ?? [])).toContain("letter-guidance-by-pretrial-arbitrary");
  });

  it("is not offered without a postal address", () => {
    expect(renderPostInstructions(torzhokColonyRecipient)).toBeUndefined();
    const blankAddress = { fsinPismo: false, postalAddress: " \n " };
    expect(renderPostInstructions({ ...salavatColonyRecipient, institution: blankAddress })).toBeUndefined();
  });
});

describe("planning delivery", () => {
  const routes = (recipient: LetterRecipient, organiserRelay: boolean) =>
    planDelivery(recipient, { organiserRelay }).options.map((option) => option.route);

  it("offers the organisers first, then FSIN-pismo, then post (issue 12's route order)", () => {
    const both: LetterRecipient = {
      ...torzhokColonyRecipient,
      institution: { ...torzhokColonyRecipient.institution!, postalAddress: "172002, Тверская обл., г. Торжок" },
    };
    expect(routes(both, true)).toEqual(["organisers", "fsin_pismo", "post"]);
    expect(routes(torzhokColonyRecipient, false)).toEqual(["fsin_pismo"]);
  });

  it("says plainly that no safe address is known, and offers only the organisers when they relay", () => {
    const alone = planDelivery(recipientWithoutInstitution, { organiserRelay: false });
    expect(alone.options).toEqual([]);
    expect(alone.notices).toEqual([
      { key: "letter-delivery-no-safe-address", args: { name: "Козырева Дарья Сергеевна" } },
      { key: "letter-delivery-keep-draft" },
    ]);
    const relayed = planDelivery(recipientWithoutInstitution, { organiserRelay: true });
    expect(relayed.options.map((option) => option.route)).toEqual(["organisers"]);
    expect(keysOf(relayed.notices)).toEqual(["letter-delivery-no-safe-address"]);
  });

  it("names the desk when letters go there, and says honestly when the deployment has no desk", () => {
    const desk = planDelivery(recipientWithoutInstitution, { organiserRelay: true, relayVia: "desk" });
    expect(desk.options).toEqual([{ route: "organisers", via: "desk", explanation: { key: "letter-delivery-desk" } }]);
    const none = planDelivery(torzhokColonyRecipient, { organiserRelay: false, deskLinked: false });
    expect(keysOf(none.notices)).toContain("letter-delivery-no-desk");
    expect(none.options.map((option) => option.route)).toEqual(["fsin_pismo"]);
  });

  it("routes nothing to someone no longer in custody or not accepting letters, organisers included", () => {
    expect(planDelivery({ ...torzhokColonyRecipient, status: "not-in-custody" }, { organiserRelay: true })).toEqual({
      options: [],
      notices: [{ key: "letter-delivery-not-in-custody" }],
    });
    expect(planDelivery({ ...torzhokColonyRecipient, acceptsLetters: false }, { organiserRelay: true })).toEqual({
      options: [],
      notices: [{ key: "letter-delivery-letters-not-accepted" }],
    });
  });

  it("explains a missing FSIN-pismo route when the institution is served but its form names are unknown", () => {
    const plan = planDelivery({ ...torzhokColonyRecipient, institution: { fsinPismo: true } }, { organiserRelay: true });
    expect(keysOf(plan.notices)).toContain("letter-delivery-fsin-names-unknown");
  });
});
