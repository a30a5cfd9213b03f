/**
 * Turns untrusted JSON (a seed file, an organiser's import) into a `DirectoryDocument`, or fails naming the file,
 * the record and the field, so a broken list is fixed before it reaches a writer.
 */
import * as v from "valibot";
import { DirectoryFileSchema } from "./schema.js";
import { FREE_OR_DEAD_STATUSES, type DirectoryDocument } from "./types.js";

export class DirectoryDataError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source}: ${problems.length} problem(s) in the directory data:\n  ${problems.join("\n  ")}`);
    this.name = "DirectoryDataError";
  }
}

/** Slugs that already exist outside the document (in the database), so an import may refer to them. */
export interface KnownSlugs {
  institutions: ReadonlySet<string>;
  campaigns: ReadonlySet<string>;
}

/** Checks one file's records field by field; references to other files are checked by `assertConsistent`. */
export function parseDirectoryShape(input: unknown, source: string): DirectoryDocument {
  const result = v.safeParse(DirectoryFileSchema, input);
  if (!result.success) {
    throw new DirectoryDataError(source, result.issues.map((issue) => describeIssue(issue, input)));
  }
  const { institutions, campaigns, prisoners } = result.output;
  return { institutions, campaigns, prisoners };
}

export function assertConsistent(document: DirectoryDocument, source: string, known?: KnownSlugs): void {
  const problems = findInconsistencies(document, known);
  if (problems.length > 0) throw new DirectoryDataError(source, problems);
}

/** A complete import file: shape first, then the rules across records (and against what the database knows). */
export function parseDirectoryFile(input: unknown, source: string, known?: KnownSlugs): DirectoryDocument {
  const document = parseDirectoryShape(input, source);
  assertConsistent(document, source, known);
  return document;
}

/** `prisoners[3] «kagarlitsky-boris» status.asOf: must be a date like …` */
function describeIssue(issue: v.BaseIssue<unknown>, input: unknown): string {
  const keys = (issue.path ?? []).map((item) => item.key as string | number);
  const message = friendlyMessage(issue);
  const [list, index, ...field] = keys;
  if (typeof list === "string" && typeof index === "number") {
    const slug = slugAt(input, list, index);
    const label = slug ? `${list}[${index}] «${slug}»` : `${list}[${index}]`;
    return `${label} ${field.length > 0 ? formatPath(field) : "record"}: ${message}`;
  }
  return `${keys.length > 0 ? formatPath(keys) : "file"}: ${message}`;
}

/** Valibot words missing and unknown fields as "Invalid key: Expected …"; organisers need plainer words. */
function friendlyMessage(issue: v.BaseIssue<unknown>): string {
  if (issue.type !== "strict_object" || issue.kind !== "schema") return issue.message;
  if (issue.expected === "never") return "is not a field of this format (misspelt?)";
  if (issue.received === "undefined") return "is missing (use null when unknown)";
  return issue.message;
}

function formatPath(keys: (string | number)[]): string {
  return keys.map((key, position) => (typeof key === "number" ? `[${key}]` : position === 0 ? key : `.${key}`)).join("");
}

function slugAt(input: unknown, list: string, index: number): string | undefined {
  if (typeof input !== "object" || input === null) return undefined;
  const records = (input as Record<string, unknown>)[list];
  if (!Array.isArray(records)) return undefined;
  const record: unknown = records[index];
  if (typeof record !== "object" || record === null) return undefined;
  const slug = (record as Record<string, unknown>).slug;
  return typeof slug === "string" ? slug : undefined;
}

/** Rules that span fields or records, which a per-field schema cannot express. */
export function findInconsistencies(document: DirectoryDocument, known?: KnownSlugs): string[] {
  const problems: string[] = [];
  const institutionSlugs = new Set([...(known?.institutions ?? []), ...document.institutions.map((i) => i.slug)]);
  const campaignSlugs = new Set([...(known?.campaigns ?? []), ...document.campaigns.map((c) => c.slug)]);

  reportDuplicates("institutions", document.institutions.map((i) => i.slug), problems);
  reportDuplicates("campaigns", document.campaigns.map((c) => c.slug), problems);
  reportDuplicates("prisoners", document.prisoners.map((p) => p.slug), problems);
  reportDuplicates("prisoners (hashtag)", document.prisoners.map((p) => p.hashtag.toLowerCase()), problems);

  document.prisoners.forEach((prisoner, index) => {
    const label = `prisoners[${index}] «${prisoner.slug}»`;
    const { location, status, letters } = prisoner;
    if (location.institution !== null && !institutionSlugs.has(location.institution)) {
      problems.push(`${label} location.institution: «${location.institution}» is not a known institution`);
    }
    if (location.institution !== null && (location.asOf === null || location.sourceUrl === null)) {
      problems.push(`${label} location: an institution needs asOf and sourceUrl (where and when a source said so)`);
    }
    if (location.institution === null && location.believedCurrent) {
      problems.push(`${label} location.believedCurrent: cannot be true without an institution`);
    }
    for (const campaign of prisoner.campaigns) {
      if (!campaignSlugs.has(campaign)) problems.push(`${label} campaigns: «${campaign}» is not a known campaign`);
    }
    if (FREE_OR_DEAD_STATUSES.includes(status.value) && letters.allowed) {
      problems.push(`${label} letters.allowed: must be false when status is ${status.value}`);
    }
    if (!letters.allowed && letters.reason === null) {
      problems.push(`${label} letters.reason: say why letters cannot be sent`);
    }
    if (letters.allowed && letters.reason !== null) {
      problems.push(`${label} letters.reason: must be null while letters are allowed`);
    }
    if (prisoner.interests.tags.length > 0 && prisoner.interests.sourceUrl === null) {
      problems.push(`${label} interests.sourceUrl: interests need the source that names them`);
    }
    if (prisoner.birthDate !== null && prisoner.birthYear !== Number(prisoner.birthDate.slice(0, 4))) {
      problems.push(`${label} birthDate: the year does not match birthYear`);
    }
  });
  return problems;
}

function reportDuplicates(list: string, keys: string[], problems: string[]): void {
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) problems.push(`${list}: «${key}» appears more than once`);
    seen.add(key);
  }
}
