/**
 * Reads each source in batches with a cursor, so that a sync can resume where a crash stopped it. Network and
 * politeness live here; parsing is in `src/domain/directory-sources/`.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { load } from "cheerio";
import { getObservation } from "../../db/repositories/directory-sync.js";
import type { DB } from "../../db/database.js";
import { parsePersonPage } from "../../domain/directory-sources/memorial-person-page.js";
import { parseMemorialListPage } from "../../domain/directory-sources/memorial-rest.js";
import { parseOvdData } from "../../domain/directory-sources/ovd-info.js";
import { type CandidateRecord, type SkippedRecord, SourceFormatError, sha256 } from "../../domain/directory-sources/types.js";
import { parseViasnaCsv } from "../../domain/directory-sources/viasna.js";
import { listFileFacts } from "../../domain/directory-sources/memorial-list-csv.js";
import type { PoliteClient } from "./http.js";

export interface Batch {
  records: CandidateRecord[];
  skipped: SkippedRecord[];
  /** Where to continue after this batch is stored; null when the source is done. */
  next: number | null;
  /** Newest source-modified time seen so far (Memorial). */
  highWater: string | null;
  /** Problems that did not stop the run (a person page that failed), counted in the summary. */
  errors: { reason: string; detail: string }[];
  /** Records expected in all, when the source says (for the progress bar). */
  total: number | null;
}

export interface FetchContext {
  db: DB;
  client: PoliteClient;
  baseUrl: string;
  now: () => Date;
  /** The previous finished run's high-water mark: Memorial stops paging at cards not modified since. */
  highWater: string | null;
  /** A file to import instead of downloading (Viasna export, FSIN-pismo list). */
  file?: string;
}

export const MEMORIAL_PAGE_SIZE = 100;
const BATCH = 200;
const MEMORIAL_FIELDS = "id,date_gmt,modified_gmt,link,slug,title,class_list";

export async function* memorialBatches(ctx: FetchContext, startPage: number): AsyncGenerator<Batch> {
  let highWater = ctx.highWater;
  for (let page = startPage; ; page += 1) {
    const url = `${ctx.baseUrl}/wp-json/wp/v2/figurant?per_page=${MEMORIAL_PAGE_SIZE}&page=${page}&orderby=modified&order=desc&_fields=${MEMORIAL_FIELDS}`;
    const response = await ctx.client.get(url);
    // WordPress answers 400 for a page past the last one.
    if (response.status === 400 && page > 1) return;
    if (response.status !== 200) throw new SourceFormatError(`Memorial list page ${page}: HTTP ${response.status}`);
    const fetchedAt = ctx.now().toISOString();
    let payload: unknown;
    try {
      payload = JSON.parse(response.text);
    } catch {
      throw new SourceFormatError(`Memorial list page ${page}: not JSON`);
    }
    const parsed = parseMemorialListPage(payload, fetchedAt);
    const fresh = parsed.records.filter((record) => ctx.highWater === null || (record.provenance.sourceModifiedAt ?? "") > ctx.highWater);
    const errors: Batch["errors"] = [];
    for (const record of fresh) {
      if (record.recognition !== "political_prisoner") continue;
      const known = await getObservation(ctx.db, "memorial", record.provenance.sourceRecordId);
      if (known && known.raw_sha256 === record.provenance.rawSha256) continue;
      try {
        await addPersonPage(ctx, record);
      } catch (error) {
        // The card is still imported from the list; its address waits for the next run.
        errors.push({ reason: "person-page", detail: `${record.provenance.sourceRecordId}: ${(error as Error).message}` });
      }
    }
    for (const record of parsed.records) {
      const modified = record.provenance.sourceModifiedAt;
      if (modified && (highWater === null || modified > highWater)) highWater = modified;
    }
    const total = Number(response.headers.get("x-wp-total"));
    const reachedKnown = fresh.length < parsed.records.length;
    const last = (payload as unknown[]).length < MEMORIAL_PAGE_SIZE || reachedKnown;
    yield { records: fresh, skipped: parsed.skipped, next: last ? null : page + 1, highWater, errors, total: Number.isFinite(total) && total > 0 ? total : null };
    if (last) return;
  }
}

/** Crimean Solidarity as Memorial's letter blocks name it («через сайт «Крымской Солидарности»»). */
export const CRIMEAN_SOLIDARITY = "Крымская солидарность";

/** Adds the letter block's address, institution and the birth date from the person page (`/?p=<id>`). */
async function addPersonPage(ctx: FetchContext, record: CandidateRecord): Promise<void> {
  const response = await ctx.client.get(`${ctx.baseUrl}/?p=${record.provenance.sourceRecordId}`, "text/html");
  if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
  const page = parsePersonPage(response.text);
  record.birthYear = page.birthYear;
  record.birthDate = page.birthDate;
  record.institutionRaw = page.letter.institution;
  record.postalAddress = page.letter.address;
  record.postcode = page.letter.postcode;
  record.addressState = page.letter.addressState;
  if (page.letter.serviceUrl) record.intermediary = { service: CRIMEAN_SOLIDARITY, url: page.letter.serviceUrl };
  // The card's hash stays the key for "changed since"; the page's content is part of what was observed.
  record.provenance.rawSha256 = sha256(`${record.provenance.rawSha256}:${sha256(response.text)}`);
}

function* slices(records: CandidateRecord[], skipped: SkippedRecord[], from: number): Generator<Batch> {
  for (let offset = from; offset < records.length || offset === from; offset += BATCH) {
    const next = offset + BATCH < records.length ? offset + BATCH : null;
    yield { records: records.slice(offset, offset + BATCH), skipped: offset === 0 ? skipped : [], next, highWater: null, errors: [], total: records.length };
    if (next === null) return;
  }
}

export async function* ovdBatches(ctx: FetchContext, offset: number): AsyncGenerator<Batch> {
  const response = await ctx.client.get(`${ctx.baseUrl}/v1/data?language=ru&subset=full`);
  if (response.status !== 200) throw new SourceFormatError(`OVD-Info data: HTTP ${response.status}`);
  let payload: unknown;
  try {
    payload = JSON.parse(response.text);
  } catch {
    throw new SourceFormatError("OVD-Info data: not JSON");
  }
  // No per-person page is recorded; link to OVD-Info's data site.
  const parsed = parseOvdData(payload, ctx.now().toISOString(), () => "https://repression.info/criminal");
  yield* slices(parsed.records, parsed.skipped, offset);
}

/** The export's date: from a `list…_dd-mm-yyyy` style name, the Last-Modified header, or the download day. */
function exportDate(name: string | null, lastModified: string | null, now: Date): string {
  const fromName = name ? (listFileFacts(name)?.asOf ?? /(\d{4}-\d{2}-\d{2})/u.exec(name)?.[1]) : undefined;
  if (fromName) return fromName;
  const modified = lastModified ? new Date(lastModified) : null;
  return (modified && !Number.isNaN(modified.getTime()) ? modified : now).toISOString().slice(0, 10);
}

export async function* viasnaBatches(ctx: FetchContext, offset: number): AsyncGenerator<Batch> {
  let text: string;
  let date: string;
  if (ctx.file) {
    text = readFileSync(ctx.file, "utf8");
    date = exportDate(basename(ctx.file), null, ctx.now());
  } else {
    // The export link is discovered on the list page each run; the list URL may also point at the CSV itself.
    let response = await ctx.client.get(ctx.baseUrl, "text/csv, text/html");
    if (response.status !== 200) throw new SourceFormatError(`Viasna: HTTP ${response.status}`);
    if (/<html/iu.test(response.text.slice(0, 2000))) {
      const $ = load(response.text);
      const href = $('a[href*="csv"]').first().attr("href");
      if (!href) throw new SourceFormatError("Viasna list page has no CSV link: download the export by hand and use --file");
      response = await ctx.client.get(new URL(href, response.url || ctx.baseUrl).href, "text/csv");
      if (response.status !== 200) throw new SourceFormatError(`Viasna export: HTTP ${response.status}`);
    }
    text = response.text;
    const disposition = /filename="?([^";]+)"?/u.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? null;
    date = exportDate(disposition, response.headers.get("last-modified"), ctx.now());
  }
  const parsed = parseViasnaCsv(text, { exportDate: date, fetchedAt: ctx.now().toISOString() });
  yield* slices(parsed.records, parsed.skipped, offset);
}
