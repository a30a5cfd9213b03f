import { describe, expect, it } from "vitest";
import type { InstitutionRecord, PrisonerRecord } from "../../src/domain/directory/types.js";
import { planDelivery } from "../../src/domain/letters/delivery.js";
import { recipientFromPrisoner } from "../../src/domain/letters/recipient.js";

const torzhok: InstitutionRecord = {
  slug: "ik-4-torzhok",
  system: "ru",
  type: "colony",
  region: "Тверская область",
  city: "Торжок",
  name: "ИК-4 (Торжок)",
  officialName: null,
  fsinPismo: { available: true, region: "Тверская область", name: "ИК-4 Торжок" },
  zonatelecom: null,
  postalAddress: null,
  sourceUrl: "https://example.org/source",
  note: null,
};

const prisoner: PrisonerRecord = {
  slug: "balukh-volodymyr",
  names: {
    ru: { surname: "Балух", given: "Владимир", patronymic: "Григорьевич" },
    uk: { surname: "Балух", given: "Володимир", patronymic: "Григорович" },
    latin: { surname: "Balukh", given: "Volodymyr", patronymic: null },
  },
  altSpellings: [],
  gender: "male",
  birthYear: 1971,
  birthYearAlternatives: [],
  birthDate: null,
  birthNote: null,
  system: "ru",
  status: { value: "sentenced", asOf: "2019-03", sourceUrl: "https://example.org/status", confidence: "confirmed", note: null },
  location: { institution: "ik-4-torzhok", asOf: "2019-03", sourceUrl: null, believedCurrent: true },
  summary: { uk: "", en: "", ru: "" },
  interests: { tags: ["reading"], sourceUrl: null },
  letters: { allowed: true, reason: null },
  hashtag: "#Балух",
  campaigns: [],
};

describe("recipientFromPrisoner", () => {
  it("maps names, year, system, status, interests and the FSIN-pismo names", () => {
    expect(recipientFromPrisoner(prisoner, torzhok)).toEqual({
      fullNameRu: "Балух Владимир Григорьевич",
      surnameRu: "Балух",
      givenNameRu: "Владимир",
      patronymicRu: "Григорьевич",
      gender: "male",
      birthYear: 1971,
      system: "ru",
      status: "sentenced",
      interests: ["reading"],
      acceptsLetters: true,
      institution: { fsinPismo: true, fsinRegion: "Тверская область", fsinName: "ИК-4 Торжок" },
    });
  });

  it("drops an institution the directory no longer believes current, so no stale address is offered", () => {
    const moved = { ...prisoner, location: { ...prisoner.location, believedCurrent: false } };
    const recipient = recipientFromPrisoner(moved, torzhok);
    expect(recipient.institution).toBeUndefined();
    expect(planDelivery(recipient, { organiserRelay: false }).options).toEqual([]);
  });

  it("ignores an institution record that is not the prisoner's", () => {
    expect(recipientFromPrisoner(prisoner, { ...torzhok, slug: "other" }).institution).toBeUndefined();
  });

  it("treats released, exchanged and deceased people as out of custody", () => {
    for (const value of ["released", "exchanged", "deceased"] as const) {
      const record = { ...prisoner, status: { ...prisoner.status, value } };
      expect(recipientFromPrisoner(record, torzhok).status).toBe("not-in-custody");
    }
  });

  it("carries the directory's refusal of letters, a missing patronymic and an unknown year", () => {
    const record: PrisonerRecord = {
      ...prisoner,
      names: { ...prisoner.names, ru: { surname: "Балух", given: "Владимир", patronymic: null } },
      birthYear: null,
      letters: { allowed: false, reason: "relatives-only" },
    };
    const recipient = recipientFromPrisoner(record, undefined);
    expect(recipient.acceptsLetters).toBe(false);
    expect(recipient.patronymicRu).toBeUndefined();
    expect(recipient.birthYear).toBeUndefined();
    expect(recipient.fullNameRu).toBe("Балух Владимир");
  });
});
