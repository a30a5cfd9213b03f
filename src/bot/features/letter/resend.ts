import { getInstitutionBySlug } from "../../../db/repositories/institutions.js";
import { getLetterOfWriter } from "../../../db/repositories/letters.js";
import { getPrisonerBySlug } from "../../../db/repositories/prisoners.js";
import type { Letter } from "../../../db/tables/letters.js";
import { planDelivery } from "../../../domain/letters/index.js";
import { letterRecipient } from "../../../services/letters/recipient.js";
import type { BotContext } from "../../context.js";
import { escapeHtml } from "../../../telegram/html.js";
import { replyFinishedLetter } from "./render/finished.js";
import { replyBlocks, tHtml, tText } from "./render/text.js";
import { localeOf } from "../../locale.js";
import { prisonerName } from "../../../domain/directory/names.js";

/** Letters the writer sends themselves and whose text is still kept (30 days after finishing, docs/letters.md). */
export function canSendAgain(letter: Pick<Letter, "status" | "route" | "text_purged_at" | "reference">): boolean {
  return (
    (letter.status === "finished" || letter.status === "sent") &&
    (letter.route === "fsin_pismo" || letter.route === "post") &&
    letter.text_purged_at === null &&
    letter.reference !== null
  );
}

/**
 * The letter, its .txt and the instructions once more, from the directory as it is today: if the person was moved
 * or freed since, the old form values are not repeated, and the writer is told why.
 */
export async function sendLetterAgain(ctx: BotContext, letterId: number): Promise<boolean> {
  const writerId = ctx.from?.id;
  const letter = writerId === undefined ? undefined : await getLetterOfWriter(ctx.deps.db, letterId, writerId);
  if (!letter?.text || !letter.reference || !letter.route || !canSendAgain(letter)) return false;
  const prisoner = await getPrisonerBySlug(ctx.deps.db, letter.prisoner_slug);
  if (!prisoner) return false;
  const institution = prisoner.location.institution
    ? await getInstitutionBySlug(ctx.deps.db, prisoner.location.institution)
    : undefined;
  const recipient = await letterRecipient(ctx.deps.db, prisoner, institution);
  const plan = planDelivery(recipient, { organiserRelay: false });
  const option = plan.options.find((candidate) => candidate.route === letter.route);
  const name = prisonerName(prisoner.names, localeOf(ctx), "prose");
  await ctx.reply(tHtml(ctx, "letter-ui-again-title", { name, reference: letter.reference }, ["reference"]), { parse_mode: "HTML" });
  await replyFinishedLetter(ctx, {
    recipient,
    text: letter.text,
    signature: { name: letter.signature_name ?? "", ...(letter.signature_city ? { city: letter.signature_city } : {}) },
    finishedAt: letter.finished_at ?? letter.updated_at,
    reference: letter.reference,
    option,
  });
  if (!option) {
    await replyBlocks(ctx, [
      tHtml(ctx, "letter-ui-again-route-gone", { name }),
      ...plan.notices.map((notice) => escapeHtml(tText(ctx, notice))),
    ]);
  }
  return true;
}
