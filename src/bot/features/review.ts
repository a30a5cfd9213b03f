/**
 * `/review` for organisers and admins: one open disagreement or uncertain match at a time, with buttons to accept a
 * side (the fact keeps its source), say whether a record is someone already listed, or dismiss. The role is checked
 * again when a button is pressed; the review id in the button is looked up, never trusted.
 */
import { Composer, InlineKeyboard } from "grammy";
import { formatPartialDate } from "../../domain/directory/partial-date.js";
import { nextOpenReview, openDisagreementsOf, parseReviewAction, resolveReview, reviewById, type ReviewView } from "../../services/directory-sync/review.js";
import { callbackData } from "../../telegram/callback-data.js";
import type { BotContext, FlowContext } from "../context.js";
import { escapeHtml } from "../../telegram/html.js";
import { isAdmin, isAnyOrganiser } from "../roles.js";
import { directorySearchFor } from "../../services/directory/search-index.js";
import { localeOf as readerLocale } from "../locale.js";

const reviewButton = callbackData("rv", 2);

function valueText(ctx: FlowContext, view: ReviewView, side: ReviewView["sides"][number]): string {
  if (view.kind === "institution") return side.label;
  if (side.value === "not_in_custody") return ctx.t("review-value-not-in-custody");
  return ctx.t(`directory-status-${side.value}`);
}

function reviewText(ctx: FlowContext, view: ReviewView): string {
  const locale = readerLocale(ctx);
  if (view.kind === "identity" && view.record) {
    const lines = [
      ctx.t("review-identity-title", {
        organisation: view.record.organisation,
        name: escapeHtml(view.record.name),
        born: view.record.birthYear === null ? "—" : String(view.record.birthYear),
        url: escapeHtml(view.record.sourceUrl),
      }),
      ...view.candidates.map((candidate, index) =>
        ctx.t("review-identity-candidate", { number: index + 1, name: escapeHtml(candidate.name), born: candidate.birthYear === null ? "—" : String(candidate.birthYear) }),
      ),
    ];
    return lines.join("\n");
  }
  if (view.kind === "suggestion" && view.suggestion) {
    const { suggestion } = view;
    return ctx.t("review-suggestion-title", {
      name: escapeHtml(suggestion.name),
      born: suggestion.birthYear === null ? "—" : String(suggestion.birthYear),
      place:
        suggestion.institution === null
          ? ctx.t(suggestion.system === "by" ? "review-suggestion-facility-unknown-by" : "review-suggestion-facility-unknown-ru")
          : escapeHtml([suggestion.institution, suggestion.region].filter(Boolean).join(", ")),
      date: formatPartialDate(suggestion.submittedAt, locale),
    });
  }
  return [
    ctx.t(view.kind === "status" ? "review-status-title" : "review-institution-title", { name: escapeHtml(view.prisonerName ?? "") }),
    ...view.sides.map((side) =>
      ctx.t("review-side", {
        organisation: escapeHtml(side.organisation),
        value: escapeHtml(valueText(ctx, view, side)),
        asOf: formatPartialDate(side.asOf, locale),
        url: escapeHtml(side.sourceUrl),
      }),
    ),
  ].join("\n");
}

function reviewKeyboard(ctx: FlowContext, view: ReviewView): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  if (view.kind === "identity") {
    view.candidates.slice(0, 5).forEach((candidate, index) => {
      keyboard.text(ctx.t("review-same-as", { number: index + 1 }), reviewButton.pack(view.id, `m${index}`)).row();
    });
    keyboard.text(ctx.t("review-different"), reviewButton.pack(view.id, "n")).row();
  } else if (view.kind === "suggestion") {
    keyboard.text(ctx.t("review-suggestion-add"), reviewButton.pack(view.id, "a0")).row();
  } else {
    view.sides.slice(0, 5).forEach((side, index) => {
      keyboard.text(ctx.t("review-accept", { organisation: side.organisation }), reviewButton.pack(view.id, `a${index}`)).row();
    });
  }
  return keyboard.text(ctx.t("review-dismiss"), reviewButton.pack(view.id, "d"));
}

async function showNext(ctx: FlowContext): Promise<void> {
  const next = await nextOpenReview(ctx.deps.db);
  if (!next) {
    await ctx.reply(ctx.t("review-none"));
    return;
  }
  const { view, waiting } = next;
  await ctx.reply(`${reviewText(ctx, view)}\n\n${ctx.t("review-waiting", { count: waiting })}`, {
    parse_mode: "HTML",
    reply_markup: reviewKeyboard(ctx, view),
    link_preview_options: { is_disabled: true },
  });
}

const composer = new Composer<BotContext>();
const privateChats = composer.chatType("private");

privateChats.command("review", async (ctx) => {
  if (!(await isAnyOrganiser(ctx))) {
    await ctx.reply(ctx.t("review-only-organisers"));
    return;
  }
  await showNext(ctx);
});

privateChats.callbackQuery(reviewButton.pattern, async (ctx) => {
  const [id, code] = reviewButton.unpack(ctx.callbackQuery.data) ?? [];
  const action = code === undefined ? undefined : parseReviewAction(code);
  if (!(await isAnyOrganiser(ctx))) {
    await ctx.answerCallbackQuery({ text: ctx.t("review-only-organisers"), show_alert: true });
    return;
  }
  const reviewId = Number(id);
  const before = Number.isSafeInteger(reviewId) ? await reviewById(ctx.deps.db, reviewId) : undefined;
  if (!before || !action) {
    await ctx.answerCallbackQuery({ text: ctx.t("review-already") });
    return;
  }
  const role = isAdmin(ctx) ? "admin" : "organiser";
  const result = await resolveReview(ctx.deps.db, { reviewId, action, by: ctx.from.id, role, now: ctx.deps.clock.now() });
  await ctx.answerCallbackQuery();
  if (!result.ok) {
    await ctx.reply(ctx.t("review-already"));
    return;
  }
  const locale = readerLocale(ctx);
  if (result.added) directorySearchFor(ctx.deps).invalidate();
  const done =
    result.added !== undefined
      ? ctx.t("review-suggestion-added", { role: ctx.t(`suggest-role-${role}`) })
      : result.side !== undefined
      ? ctx.t("review-accepted", { organisation: escapeHtml(result.side.organisation), value: escapeHtml(valueText(ctx, before, result.side)), asOf: formatPartialDate(result.side.asOf, locale) })
      : result.candidate !== undefined
        ? ctx.t("review-merged", { name: escapeHtml(result.candidate.name) })
        : result.resolution === "kept-apart"
          ? ctx.t("review-kept-apart")
          : before.kind === "suggestion"
            ? ctx.t("review-suggestion-dismissed")
            : ctx.t("review-dismissed");
  await ctx.editMessageText(`${reviewText(ctx, before)}\n\n${done}`, { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
  await showNext(ctx);
});

export { composer as reviewFeature };

/** The card says when sources disagree, naming each with its date, until an organiser settles it. */
export async function disagreementLines(ctx: FlowContext, slug: string): Promise<string[]> {
  const locale = readerLocale(ctx);
  const lines: string[] = [];
  for (const view of await openDisagreementsOf(ctx.deps.db, slug)) {
    const sides = view.sides.map((side) =>
      ctx.t("review-card-side", { organisation: escapeHtml(side.organisation), value: escapeHtml(valueText(ctx, view, side)), asOf: formatPartialDate(side.asOf, locale) }),
    );
    lines.push(ctx.t("review-card-disagreement", { sides: sides.join("; ") }));
  }
  return lines;
}
