import { type DB, inTransaction } from "../../db/database.js";
import { getInstitutionBySlug } from "../../db/repositories/institutions.js";
import { getPrisonerBySlug } from "../../db/repositories/prisoners.js";
import { acceptedLettersToPrint, createPrintBatch, getPrintBatch, markPrintBatchPrinted, type RelayedLetterDetails } from "../../db/repositories/relay.js";
import { audit } from "../../db/repositories/roles.js";
import { isUncheckedSource } from "../../domain/directory/suggestion.js";
import { renderLetterBody } from "../../domain/letters/letter-file.js";
import { groupByInstitution, type PrintableLetter, renderLettersPdf } from "../../domain/print/index.js";
import { projectPath } from "../../project-path.js";
import type { ServiceDeps } from "../deps.js";
import { addresseeLine } from "./card.js";
import { changeRelayedLetterStatus, type StatusChangeInput } from "./status-change.js";

const FONTS = { regular: projectPath("assets", "fonts", "DejaVuSans.ttf"), bold: projectPath("assets", "fonts", "DejaVuSans-Bold.ttf") };
/** Whatever sits in the queue, one PDF stays printable and uploadable (Telegram bots may send up to 50 MB). */
const MAX_LETTERS_PER_BATCH = 200;

/**
 * The page for one letter. Only an institution the directory believes current is printed: a letter addressed to a
 * place the person has left is lost, so the cover page asks the organiser to check instead.
 */
async function printable(db: DB, letter: RelayedLetterDetails, uncheckedNote: string): Promise<PrintableLetter | undefined> {
  const prisoner = await getPrisonerBySlug(db, letter.prisonerSlug);
  if (!prisoner || !letter.text) return undefined;
  const slug = prisoner.location.believedCurrent ? prisoner.location.institution : null;
  const institution = slug ? await getInstitutionBySlug(db, slug) : undefined;
  const signature = { name: letter.signatureName ?? "", ...(letter.signatureCity ? { city: letter.signatureCity } : {}) };
  return {
    reference: letter.reference ?? `#${letter.letterId}`,
    addressee: addresseeLine(prisoner),
    institution: {
      key: institution?.slug ?? "",
      name: institution?.name ?? null,
      address: institution?.postalAddress?.text.split("\n").map((line) => line.trim()).filter(Boolean).join(", ") ?? null,
    },
    body: renderLetterBody(letter.text, signature),
    ...(isUncheckedSource(prisoner.status.sourceUrl) ? { organiserNote: uncheckedNote } : {}),
  };
}

export interface PrintExport {
  batchId: number;
  pdf: Uint8Array;
  letters: number;
  institutions: number;
  createdAt: Date;
}

/**
 * `/print`: accepted letters of the campaigns in scope (every campaign when `campaigns` is undefined) as one PDF,
 * grouped by institution, recorded as a batch and audited. Undefined when there is nothing to print.
 */
export async function exportLettersToPrint(
  deps: Pick<ServiceDeps, "db" | "clock" | "logger">,
  /** `uncheckedNote`: the line, in the organiser's language, that marks a letter to a writer's unchecked card. */
  input: { actorId: number; campaigns: string[] | undefined; uncheckedNote: string },
): Promise<PrintExport | undefined> {
  const { db, clock, logger } = deps;
  const queued = (await acceptedLettersToPrint(db, input.campaigns)).slice(0, MAX_LETTERS_PER_BATCH);
  const pages: PrintableLetter[] = [];
  const letterIds: number[] = [];
  for (const letter of queued) {
    const page = await printable(db, letter, input.uncheckedNote);
    if (!page) continue;
    pages.push(page);
    letterIds.push(letter.letterId);
  }
  if (pages.length === 0) return undefined;

  const now = clock.now();
  const groups = groupByInstitution(pages);
  const pdf = await renderLettersPdf(groups, { fonts: FONTS, createdAt: now });
  const batchId = await inTransaction(db, async (trx) => {
    const id = await createPrintBatch(trx, { createdBy: input.actorId, letterIds, now });
    await audit(trx, { actorId: input.actorId, action: "letters.print_export", target: `print_batch:${id}`, details: { letters: letterIds.length }, at: now });
    return id;
  });
  logger.info({ batch_id: batchId, letters: letterIds.length, bytes: pdf.byteLength }, "print batch exported");
  return { batchId, pdf, letters: letterIds.length, institutions: groups.length, createdAt: now };
}

/**
 * Marks the batch's letters printed, each with its own role and status check: some may have moved on meanwhile.
 * "stale" when the batch is unknown or not the sender's, "already" when it was marked before.
 */
export async function markLettersPrinted(
  deps: Pick<ServiceDeps, "db" | "clock">,
  input: { batchId: number; userId: number | undefined; mayAct: StatusChangeInput["mayAct"] },
): Promise<"stale" | "already" | { printed: number; skipped: number }> {
  const { db, clock } = deps;
  const batch = await getPrintBatch(db, input.batchId);
  if (!batch || batch.created_by !== input.userId) return "stale";
  const now = clock.now();
  const outcome = await inTransaction(db, async (trx) => {
    if (!(await markPrintBatchPrinted(trx, input.batchId, batch.created_by, now))) return undefined;
    let printed = 0;
    for (const letterId of batch.letterIdList) {
      const result = await changeRelayedLetterStatus(trx, { letterId, to: "printed", actorId: batch.created_by, now, mayAct: input.mayAct });
      if (result.ok) printed++;
    }
    return { printed, skipped: batch.letterIdList.length - printed };
  });
  return outcome ?? "already";
}
