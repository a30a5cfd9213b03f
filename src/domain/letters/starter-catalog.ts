import { readFileSync } from "node:fs";
import * as v from "valibot";
import { projectPath } from "../../project-path.js";

/**
 * The Russian text of the letter constructor lives in `data/letter-starter.json`: it is letter content, edited by
 * people who write Russian, not UI. A text node varies along at most one dimension per level:
 * - `vy` / `ty`: the writer addresses the prisoner formally (capitalised «Вы», as Russian letters do) or informally;
 * - `toMale` / `toFemale`: the prisoner's gender («Дорогой» / «Дорогая», «ты готов» / «ты готова»);
 * - `byMale` / `byFemale` / `byUnknown`: the writer's chosen grammatical gender («я узнал» / «я узнала»), with a
 *   neutral phrasing for writers who did not choose.
 * Placeholders in braces are filled from the recipient and writer; any other brace is a data error.
 */
export type StarterText =
  | string
  | { vy: StarterText; ty: StarterText }
  | { toMale: StarterText; toFemale: StarterText }
  | { byMale: StarterText; byFemale: StarterText; byUnknown: StarterText };

export const STARTER_PLACEHOLDERS = ["recipientGivenName", "recipientPatronymic", "writerName", "writerCity"] as const;
export type StarterPlaceholder = (typeof STARTER_PLACEHOLDERS)[number];

export type NameForm = "formal" | "polite" | "informal";
export type StarterOccasion = "punishment-cell" | "birthday";

export interface StarterOption {
  id: string;
  /** Fluent key of the gloss shown to a writer who may not read Russian well. */
  gloss: string;
  text: StarterText;
}

export interface StarterCatalog {
  greetings: (StarterOption & { nameForm: NameForm })[];
  openings: (StarterOption & { occasion: StarterOccasion })[];
  introductions: StarterOption[];
  interestTopics: { id: string; aliases: string[]; question: StarterOption }[];
  genericQuestions: StarterOption[];
  wishes: StarterOption[];
  signOffs: StarterOption[];
}

const placeholderPattern = /\{([^{}]*)\}/g;

function hasOnlyKnownPlaceholders(text: string): boolean {
  const known = STARTER_PLACEHOLDERS as readonly string[];
  const withoutKnown = text.replace(placeholderPattern, (match, name: string) => (known.includes(name) ? "" : match));
  return !/[{}]/.test(withoutKnown);
}

const LeafSchema = v.pipe(
  v.string(),
  v.nonEmpty(),
  v.check(hasOnlyKnownPlaceholders, "unknown placeholder or stray brace"),
);

const TextSchema: v.GenericSchema<StarterText> = v.union([
  LeafSchema,
  v.strictObject({ vy: v.lazy(() => TextSchema), ty: v.lazy(() => TextSchema) }),
  v.strictObject({ toMale: v.lazy(() => TextSchema), toFemale: v.lazy(() => TextSchema) }),
  v.strictObject({
    byMale: v.lazy(() => TextSchema),
    byFemale: v.lazy(() => TextSchema),
    byUnknown: v.lazy(() => TextSchema),
  }),
]);

const OptionEntries = {
  id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)),
  gloss: v.pipe(v.string(), v.regex(/^letter-starter-gloss-[a-z0-9-]+$/)),
  text: TextSchema,
};
const OptionSchema = v.strictObject(OptionEntries);

const CatalogSchema = v.strictObject({
  greetings: v.array(v.strictObject({ ...OptionEntries, nameForm: v.picklist(["formal", "polite", "informal"]) })),
  openings: v.array(v.strictObject({ ...OptionEntries, occasion: v.picklist(["punishment-cell", "birthday"]) })),
  introductions: v.array(OptionSchema),
  interestTopics: v.array(
    v.strictObject({
      id: v.string(),
      aliases: v.pipe(v.array(v.pipe(v.string(), v.nonEmpty())), v.minLength(1)),
      question: OptionSchema,
    }),
  ),
  genericQuestions: v.pipe(v.array(OptionSchema), v.minLength(1)),
  wishes: v.array(OptionSchema),
  signOffs: v.array(OptionSchema),
});

/** Validates a catalog; ids must be unique within each block so that a stored selection means one thing. */
export function parseStarterCatalog(input: unknown): StarterCatalog {
  const catalog: StarterCatalog = v.parse(CatalogSchema, input);
  const blocks: [string, StarterOption[]][] = [
    ["greetings", catalog.greetings],
    ["openings", catalog.openings],
    ["introductions", catalog.introductions],
    ["questions", [...catalog.interestTopics.map((topic) => topic.question), ...catalog.genericQuestions]],
    ["wishes", catalog.wishes],
    ["signOffs", catalog.signOffs],
  ];
  for (const [block, options] of blocks) {
    const seen = new Set<string>();
    for (const option of options) {
      if (seen.has(option.id)) throw new Error(`letter-starter.json: duplicate ${block} id "${option.id}"`);
      seen.add(option.id);
    }
  }
  for (const form of ["formal", "polite", "informal"] as const) {
    if (!catalog.greetings.some((greeting) => greeting.nameForm === form)) {
      throw new Error(`letter-starter.json: no greeting for the ${form} name form`);
    }
  }
  return catalog;
}

let cached: StarterCatalog | undefined;

/** The shipped catalog, read and validated on first use (never at import time). */
export function loadStarterCatalog(): StarterCatalog {
  cached ??= parseStarterCatalog(JSON.parse(readFileSync(projectPath("data", "letter-starter.json"), "utf8")));
  return cached;
}

/** Every placeholder used anywhere in a text, whatever variant ends up chosen. */
export function placeholdersOf(text: StarterText): Set<StarterPlaceholder> {
  const found = new Set<StarterPlaceholder>();
  const visit = (node: StarterText): void => {
    if (typeof node === "string") {
      for (const match of node.matchAll(placeholderPattern)) found.add(match[1] as StarterPlaceholder);
      return;
    }
    for (const child of Object.values(node) as StarterText[]) visit(child);
  };
  visit(text);
  return found;
}
