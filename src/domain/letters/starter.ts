import {
  type NameForm,
  type StarterCatalog,
  type StarterOccasion,
  type StarterOption,
  type StarterPlaceholder,
  type StarterText,
  loadStarterCatalog,
  placeholdersOf,
} from "./starter-catalog.js";
import type { Gender, LetterRecipient, LocalizedText } from "./types.js";

export type { NameForm, StarterOccasion } from "./starter-catalog.js";

/**
 * The letter constructor: ready Russian sentences a writer picks block by block (greeting, an opening for an
 * occasion, introduction, questions, wishes, sign-off), each shown with a gloss in the writer's language. The
 * signature itself is not part of the starter: it is added once, when the letter is finished (`letter-file.ts`).
 */

export type StarterRecipient = Pick<LetterRecipient, "givenNameRu" | "patronymicRu" | "gender" | "interests">;

export interface StarterWriter {
  /** The name or pseudonym the writer signs with; introductions that need it are offered only when it is known. */
  name?: string;
  city?: string;
  /** The grammatical gender the writer chose for themselves («я узнал» / «я узнала»); unset means neutral phrasing. */
  gender?: Gender;
}

export interface StarterSelections {
  nameForm: NameForm;
  /** Defaults to the first greeting of the name form. */
  greetingId?: string;
  occasion?: StarterOccasion;
  introductionIds?: readonly string[];
  questionIds?: readonly string[];
  wishIds?: readonly string[];
  signOffId?: string;
}

export type StarterBlockKind = "greeting" | "opening" | "introduction" | "question" | "wish" | "sign-off";

export interface StarterBlock {
  kind: StarterBlockKind;
  optionId: string;
  /** The Russian text as it goes into the letter. */
  text: string;
  gloss: LocalizedText;
}

/** What a writer can pick from, already resolved to Russian for this recipient and writer. */
export interface StarterChoices {
  greetings: StarterBlock[];
  openings: StarterBlock[];
  introductions: StarterBlock[];
  questions: StarterBlock[];
  wishes: StarterBlock[];
  signOffs: StarterBlock[];
}

export class StarterSelectionError extends Error {
  override name = "StarterSelectionError";
}

interface Voice {
  address: "vy" | "ty";
  recipientGender: Gender;
  writerGender: Gender | undefined;
}

type PlaceholderValues = Partial<Record<StarterPlaceholder, string>>;

/** The formal form needs a patronymic: «Здравствуйте, Владимир Григорьевич!». */
export function availableNameForms(recipient: Pick<StarterRecipient, "patronymicRu">): NameForm[] {
  return present(recipient.patronymicRu) ? ["formal", "polite", "informal"] : ["polite", "informal"];
}

export function starterChoices(
  recipient: StarterRecipient,
  writer: StarterWriter,
  nameForm: NameForm,
  catalog: StarterCatalog = loadStarterCatalog(),
): StarterChoices {
  const context = resolutionContext(recipient, writer, nameForm);
  const resolveAll = (kind: StarterBlockKind, options: readonly StarterOption[]) =>
    options.filter((option) => isUsable(option, context.values)).map((option) => resolve(kind, option, context));
  return {
    greetings: resolveAll("greeting", catalog.greetings.filter((greeting) => greeting.nameForm === nameForm)),
    openings: resolveAll("opening", catalog.openings),
    introductions: resolveAll("introduction", catalog.introductions),
    questions: resolveAll("question", suggestQuestions(recipient.interests ?? [], catalog)),
    wishes: resolveAll("wish", catalog.wishes),
    signOffs: resolveAll("sign-off", catalog.signOffs),
  };
}

/**
 * Questions that fit the prisoner's interests, in the order of the interests; the generic questions when no
 * interest is known or none matches (a question about a hobby they do not have reads as a form letter).
 */
export function suggestQuestions(
  interests: readonly string[],
  catalog: StarterCatalog = loadStarterCatalog(),
): StarterOption[] {
  const matched: StarterOption[] = [];
  for (const interest of interests.map(normaliseTag)) {
    const topic = catalog.interestTopics.find((candidate) => candidate.aliases.map(normaliseTag).includes(interest));
    if (topic && !matched.includes(topic.question)) matched.push(topic.question);
  }
  return matched.length > 0 ? matched : [...catalog.genericQuestions];
}

export function buildStarterBlocks(
  recipient: StarterRecipient,
  selections: StarterSelections,
  writer: StarterWriter,
  catalog: StarterCatalog = loadStarterCatalog(),
): StarterBlock[] {
  if (!availableNameForms(recipient).includes(selections.nameForm)) {
    throw new StarterSelectionError(`name form ${selections.nameForm} needs a patronymic`);
  }
  const context = resolutionContext(recipient, writer, selections.nameForm);
  const pick = (kind: StarterBlockKind, options: readonly StarterOption[], id: string): StarterBlock => {
    const option = options.find((candidate) => candidate.id === id);
    if (!option) throw new StarterSelectionError(`no ${kind} "${id}" for this letter`);
    if (!isUsable(option, context.values)) {
      throw new StarterSelectionError(`${kind} "${id}" needs details the writer has not given`);
    }
    return resolve(kind, option, context);
  };
  const greetings = catalog.greetings.filter((greeting) => greeting.nameForm === selections.nameForm);
  const allQuestions = [...catalog.interestTopics.map((topic) => topic.question), ...catalog.genericQuestions];
  const blocks = [pick("greeting", greetings, selections.greetingId ?? greetings[0]?.id ?? "")];
  if (selections.occasion) {
    const opening = catalog.openings.find((candidate) => candidate.occasion === selections.occasion);
    if (!opening) throw new StarterSelectionError(`no opening for ${selections.occasion}`);
    blocks.push(pick("opening", [opening], opening.id));
  }
  for (const id of unique(selections.introductionIds)) blocks.push(pick("introduction", catalog.introductions, id));
  for (const id of unique(selections.questionIds)) blocks.push(pick("question", allQuestions, id));
  for (const id of unique(selections.wishIds)) blocks.push(pick("wish", catalog.wishes, id));
  if (selections.signOffId) blocks.push(pick("sign-off", catalog.signOffs, selections.signOffId));
  return blocks;
}

/**
 * The starter split where the writer's own story belongs: greeting, opening, introduction and questions first;
 * wishes and the sign-off last. Paragraphs are separated by a blank line.
 */
export function composeStarterParts(
  recipient: StarterRecipient,
  selections: StarterSelections,
  writer: StarterWriter,
  catalog: StarterCatalog = loadStarterCatalog(),
): { beginning: string; ending: string } {
  const blocks = buildStarterBlocks(recipient, selections, writer, catalog);
  const paragraph = (...kinds: StarterBlockKind[]) =>
    blocks
      .filter((block) => kinds.includes(block.kind))
      .map((block) => block.text)
      .join(" ");
  const join = (...paragraphs: string[]) => paragraphs.filter((text) => text !== "").join("\n\n");
  return {
    // The writer's own paragraphs go in after the introduction (issue 15): questions read best after their story.
    beginning: join(paragraph("greeting"), paragraph("opening", "introduction")),
    ending: join(paragraph("question"), paragraph("wish"), paragraph("sign-off")),
  };
}

/** The whole starter as one Russian text, ready to be copied, edited and sent back as the draft. */
export function composeStarter(
  recipient: StarterRecipient,
  selections: StarterSelections,
  writer: StarterWriter,
  catalog: StarterCatalog = loadStarterCatalog(),
): string {
  const { beginning, ending } = composeStarterParts(recipient, selections, writer, catalog);
  return [beginning, ending].filter((text) => text !== "").join("\n\n");
}

interface ResolutionContext {
  voice: Voice;
  values: PlaceholderValues;
  glossArgs: Record<string, string>;
}

function resolutionContext(recipient: StarterRecipient, writer: StarterWriter, nameForm: NameForm): ResolutionContext {
  const values: PlaceholderValues = {};
  const set = (name: StarterPlaceholder, value: string | undefined) => {
    if (present(value)) values[name] = value.trim();
  };
  set("recipientGivenName", recipient.givenNameRu);
  set("recipientPatronymic", recipient.patronymicRu);
  set("writerName", writer.name);
  set("writerCity", writer.city);
  const givenName = values.recipientGivenName ?? "";
  const recipientName = nameForm === "formal" ? `${givenName} ${values.recipientPatronymic ?? ""}`.trim() : givenName;
  // Glosses agree with the recipient's gender and the writer's («Шановна…», «Я давно хотіла…»); unknown: neutral.
  const glossArgs: Record<string, string> = { recipientName, recipientGender: recipient.gender, writerGender: writer.gender ?? "unknown" };
  if (values.writerName) glossArgs.writerName = values.writerName;
  if (values.writerCity) glossArgs.writerCity = values.writerCity;
  return {
    voice: {
      address: nameForm === "informal" ? "ty" : "vy",
      recipientGender: recipient.gender,
      writerGender: writer.gender,
    },
    values,
    glossArgs,
  };
}

function resolve(kind: StarterBlockKind, option: StarterOption, context: ResolutionContext): StarterBlock {
  const template = chooseVariant(option.text, context.voice);
  const text = template.replace(/\{([A-Za-z]+)\}/g, (_match, name: StarterPlaceholder) => {
    const value = context.values[name];
    if (value === undefined) throw new StarterSelectionError(`${kind} "${option.id}" needs ${name}`);
    return value;
  });
  return { kind, optionId: option.id, text, gloss: { key: option.gloss, args: context.glossArgs } };
}

function chooseVariant(node: StarterText, voice: Voice): string {
  if (typeof node === "string") return node;
  if ("vy" in node) return chooseVariant(node[voice.address], voice);
  if ("toMale" in node) return chooseVariant(voice.recipientGender === "male" ? node.toMale : node.toFemale, voice);
  if (voice.writerGender === "male") return chooseVariant(node.byMale, voice);
  if (voice.writerGender === "female") return chooseVariant(node.byFemale, voice);
  return chooseVariant(node.byUnknown, voice);
}

function isUsable(option: StarterOption, values: PlaceholderValues): boolean {
  return [...placeholdersOf(option.text)].every((name) => values[name] !== undefined);
}

/** Directory tags come in any case and language; «ё» and «е» are used interchangeably in Russian. */
function normaliseTag(tag: string): string {
  return tag.trim().toLocaleLowerCase("ru").replaceAll("ё", "е");
}

function present(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== "";
}

function unique(ids: readonly string[] | undefined): string[] {
  return [...new Set(ids ?? [])];
}
