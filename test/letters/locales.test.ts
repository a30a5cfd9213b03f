import { readFileSync } from "node:fs";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { planDelivery, renderPostInstructions } from "../../src/domain/letters/delivery.js";
import { applyDraftEdit, draftEditErrorText, draftStats, draftStatsText, lengthAdvice } from "../../src/domain/letters/draft.js";
import { briefGuidance, guidanceFor } from "../../src/domain/letters/guidance.js";
import {
  deliveryRouteLabel,
  letterStatusLabel,
  nameFormLabel,
  starterBlockLabel,
  writerGenderLabel,
} from "../../src/domain/letters/labels.js";
import { DELIVERY_ROUTES, LETTER_STATUSES } from "../../src/domain/letters/status.js";
import { buildStarterBlocks, starterChoices } from "../../src/domain/letters/starter.js";
import { loadStarterCatalog } from "../../src/domain/letters/starter-catalog.js";
import type { LocalizedText, LetterRecipient } from "../../src/domain/letters/types.js";
import { projectPath } from "../../src/project-path.js";
import { gomelColonyRecipient, recipientWithoutInstitution, salavatColonyRecipient, torzhokColonyRecipient } from "./fixtures.js";

const LOCALES = ["uk", "en", "ru"] as const;

function readLetterFtl(locale: string) {
  const source = readFileSync(projectPath("locales", locale, "letter.ftl"), "utf8");
  const bundle = new FluentBundle(locale, { useIsolating: false });
  const errors = bundle.addResource(new FluentResource(source));
  // The parser skips an entry it cannot read; counting the entries written catches that silent loss.
  const written = [...source.matchAll(/^([a-z][a-z0-9-]*) =/gmu)].map((match) => match[1] ?? "");
  return { bundle, errors, written };
}

/** Every LocalizedText anywhere in a value the domain returns. */
function collectTexts(value: unknown, into: LocalizedText[] = []): LocalizedText[] {
  if (Array.isArray(value)) for (const item of value) collectTexts(item, into);
  else if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.key === "string" && record.key.startsWith("letter-")) into.push(record as unknown as LocalizedText);
    for (const child of Object.values(record)) collectTexts(child, into);
  }
  return into;
}

/** Everything the letter domain can ask the bot to say. */
function everyTextTheDomainProduces(): LocalizedText[] {
  const recipients: LetterRecipient[] = [
    torzhokColonyRecipient,
    { ...torzhokColonyRecipient, patronymicRu: undefined, birthYear: undefined },
    { ...torzhokColonyRecipient, institution: { fsinPismo: true } },
    salavatColonyRecipient,
    recipientWithoutInstitution,
    gomelColonyRecipient,
    { ...gomelColonyRecipient, status: "pretrial" },
    { ...torzhokColonyRecipient, status: "not-in-custody" },
    { ...torzhokColonyRecipient, acceptsLetters: false },
  ];
  const texts: LocalizedText[] = [];
  for (const recipient of recipients) {
    for (const organiserRelay of [true, false]) collectTexts(planDelivery(recipient, { organiserRelay, images: 2 }), texts);
    collectTexts(renderPostInstructions(recipient), texts);
    collectTexts(guidanceFor(recipient), texts);
    for (const routes of [["fsin_pismo"], ["post"], ["organisers"]] as const) collectTexts(guidanceFor(recipient, { routes }), texts);
    for (const returning of [true, false]) collectTexts(briefGuidance(recipient, returning), texts);
  }
  collectTexts(guidanceFor({ system: "ru", status: "pretrial" }), texts);
  const catalog = loadStarterCatalog();
  const writer = { name: "Оксана", city: "Львов" };
  for (const form of ["formal", "polite", "informal"] as const) {
    collectTexts(starterChoices(torzhokColonyRecipient, writer, form), texts);
  }
  const allQuestionIds = [...catalog.interestTopics.map((topic) => topic.question.id), ...catalog.genericQuestions.map((q) => q.id)];
  collectTexts(buildStarterBlocks(torzhokColonyRecipient, { nameForm: "polite", questionIds: allQuestionIds }, writer), texts);
  texts.push(
    ...LETTER_STATUSES.map(letterStatusLabel),
    ...DELIVERY_ROUTES.map(deliveryRouteLabel),
    ...(["formal", "polite", "informal"] as const).map(nameFormLabel),
    ...(["male", "female", undefined] as const).map(writerGenderLabel),
    ...(["greeting", "opening", "introduction", "question", "wish", "sign-off"] as const).map(starterBlockLabel),
  );
  for (const pages of [1, 2, 5]) texts.push(draftStatsText({ characters: 1800 * pages, words: 300 * pages, pages }));
  const longForBelarus = lengthAdvice(draftStats("а".repeat(4000)), "by");
  if (longForBelarus) texts.push(longForBelarus);
  for (const result of [applyDraftEdit(null, " ", "append"), applyDraftEdit(null, "а".repeat(20_000), "append")]) {
    if (!result.ok) texts.push(draftEditErrorText(result));
  }
  return texts;
}

describe("locales/*/letter.ftl", () => {
  const files = Object.fromEntries(LOCALES.map((locale) => [locale, readLetterFtl(locale)]));
  const texts = everyTextTheDomainProduces();

  it("parses every entry, with kebab-case keys prefixed letter-", () => {
    for (const locale of LOCALES) {
      const { bundle, errors, written } = files[locale]!;
      expect(errors).toEqual([]);
      expect(written.length).toBeGreaterThan(100);
      for (const key of written) {
        expect(key).toMatch(/^letter-[a-z0-9]+(?:-[a-z0-9]+)*$/u);
        expect(bundle.hasMessage(key), `${locale}: ${key} did not parse`).toBe(true);
      }
      expect(new Set(written).size, `${locale} repeats a key`).toBe(written.length);
    }
  });

  it("has the same keys in uk, en and ru", () => {
    const sorted = (locale: (typeof LOCALES)[number]) => [...files[locale]!.written].sort();
    expect(sorted("en")).toEqual(sorted("uk"));
    expect(sorted("ru")).toEqual(sorted("uk"));
  });

  it("formats everything the letter domain produces, in every locale, without missing arguments", () => {
    expect(texts.length).toBeGreaterThan(150);
    for (const locale of LOCALES) {
      const { bundle } = files[locale]!;
      for (const text of texts) {
        const message = bundle.getMessage(text.key);
        expect(message?.value, `${locale}: no message ${text.key}`).toBeTruthy();
        const errors: Error[] = [];
        const formatted = bundle.formatPattern(message!.value!, text.args, errors);
        expect(errors.map(String), `${locale}: ${text.key}`).toEqual([]);
        expect(formatted).not.toMatch(/[{}]/u);
        expect(formatted).not.toMatch(/[\u2068\u2069]/u);
      }
    }
  });

  it("has no entry the domain never uses", () => {
    const used = new Set(texts.map((text) => text.key));
    // `letter-ui-*` keys belong to the bot's screens; test/letters/flow/locales.test.ts checks those against the feature.
    const domainKeys = files.en!.written.filter((key) => !key.startsWith("letter-ui-"));
    expect(domainKeys.filter((key) => !used.has(key))).toEqual([]);
  });

  it("chooses Ukrainian and Russian plural forms for pages", () => {
    const format = (locale: "uk" | "ru", pages: number) => {
      const { bundle } = files[locale]!;
      return bundle.formatPattern(bundle.getMessage("letter-draft-stats")!.value!, { characters: 1, words: 1, pages });
    };
    expect(format("uk", 1)).toMatch(/1 друкована сторінка$/u);
    expect(format("uk", 3)).toMatch(/3 друковані сторінки$/u);
    expect(format("uk", 5)).toMatch(/5 друкованих сторінок$/u);
    expect(format("ru", 1)).toMatch(/1 печатная страница$/u);
    expect(format("ru", 2)).toMatch(/2 печатные страницы$/u);
    expect(format("ru", 7)).toMatch(/7 печатных страниц$/u);
  });
});
