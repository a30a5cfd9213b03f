import {
  availableNameForms,
  composeStarterParts,
  formalRussianName,
  type Gender,
  type NameForm,
  nameFormLabel,
  type StarterBlock,
  type StarterBlockKind,
  starterBlockLabel,
  starterChoices,
  type StarterSelections,
  type StarterWriter,
  writerGenderLabel,
} from "../../../../domain/letters/index.js";
import { loadStarterCatalog } from "../../../../domain/letters/starter-catalog.js";
import type { InlineKeyboard } from "grammy";
import type { Flow, FlowContext } from "../../../context.js";
import { ignoreNotModified } from "../../../../telegram/api-errors.js";
import { type ListPage, pageList, pageOf } from "../render/pages.js";
import { escapeHtml } from "../../../../telegram/html.js";
import { loadWriterProfile, rememberWriterGender, saveStarterDraft } from "../../../../services/letters/letters.js";
import { bold, replyBlocks, tHtml, tText } from "../render/text.js";
import { AGAIN, ask, type FlowInput, flowKeyboard } from "./input.js";
import { type FlowState, statsLine } from "./state.js";
import { localeOf } from "../../../locale.js";
import { ukrainianPatronymicVocative, ukrainianVocative } from "../../../../domain/names/declension.js";

/** A multi-choice block takes at most this many presses (each is kept in the flow's replay log), then moves on. */
const MAX_TOGGLES = 24;
const GENDER_CHOICES = ["male", "female", "neutral"] as const;

/**
 * The letter constructor for writers who do not write Russian: block by block (greeting, introduction, questions from
 * the prisoner's interests, wishes, sign-off) the writer picks ready Russian sentences, each shown with what it says
 * in their language. The result becomes the draft; the closing (wishes and sign-off) is returned so that the writer's
 * own paragraphs go in before it.
 */
export async function starterStep(conversation: Flow, ctx: FlowContext, state: FlowState): Promise<string | undefined> {
  const { token, target } = state;
  const profile = await conversation.external(() => loadWriterProfile(ctx.deps, state.writerId));

  const forms = availableNameForms(target.recipient);
  let gender: Gender | undefined = profile.gender ?? undefined;
  const formScreen = async (offerRegender: boolean) => {
    // Which genders the Russian phrases assume, and how to change the writer's (issue 15, item 9).
    const assumed = [tHtml(ctx, "letter-screens-starter-recipient-gender", { gender: target.recipient.gender })];
    if (offerRegender && gender) assumed.push(tHtml(ctx, "letter-screens-starter-writer-gender", { gender }));
    await ctx.reply(
      [
        tHtml(ctx, "letter-ui-starter-intro"),
        assumed.join(" "),
        bold(tHtml(ctx, "letter-ui-starter-ask-name-form", { name: formalRussianName(target.recipient) })),
      ].join("\n\n"),
      {
        parse_mode: "HTML",
        reply_markup: flowKeyboard(token, [
          ...forms.map((form): [string, string, string][] => [[tText(ctx, nameFormLabel(form)), "form", form]]),
          ...(offerRegender && gender ? [[[ctx.t("letter-screens-button-regender"), "regender"]] as [string, string][]] : []),
        ]),
      },
    );
    return ask(conversation, { token, actions: ["form", "regender"] }, async (input) => {
      if (input.kind === "button" && input.action === "regender" && offerRegender) return "regender" as const;
      return input.kind === "button" && (forms as string[]).includes(input.arg) ? (input.arg as NameForm) : useButtons(ctx, input);
    });
  };
  const first = await formScreen(true);

  if (!gender || first === "regender") {
    await ctx.reply(ctx.t("letter-ui-starter-ask-writer-gender"), {
      reply_markup: flowKeyboard(
        token,
        GENDER_CHOICES.map((choice) => [
          [tText(ctx, writerGenderLabel(choice === "neutral" ? undefined : choice)), "gender", choice],
        ]),
      ),
    });
    const chosen = await ask(conversation, { token, actions: ["gender"] }, async (input) =>
      input.kind === "button" && (GENDER_CHOICES as readonly string[]).includes(input.arg)
        ? (input.arg as (typeof GENDER_CHOICES)[number])
        : useButtons(ctx, input),
    );
    gender = chosen === "neutral" ? undefined : chosen;
    // "Neutral" is not stored: it forgets a gender chosen before.
    await conversation.external(() => rememberWriterGender(ctx.deps, state.writerId, gender ?? null));
  }
  const nameForm: NameForm = first === "regender" ? ((await formScreen(false)) as NameForm) : first;

  const writer: StarterWriter = {
    ...(profile.signature ? { name: profile.signature.name } : {}),
    ...(profile.signature?.city ? { city: profile.signature.city } : {}),
    ...(gender ? { gender } : {}),
  };
  const choices = starterChoices(target.recipient, writer, nameForm);
  const selections: StarterSelections = { nameForm };
  const pickOne = (kind: StarterBlockKind, options: StarterBlock[], skippable: boolean) =>
    pickBlock(conversation, ctx, state, kind, options, skippable, glossVocative(ctx, state, nameForm));

  selections.greetingId = await pickOne("greeting", choices.greetings, false);
  // An occasion from case news (a punishment cell, a birthday) offers its opening; the writer may leave it out.
  const occasion = state.opening;
  const openingId = occasion ? loadStarterCatalog().openings.find((opening) => opening.occasion === occasion)?.id : undefined;
  const opening = choices.openings.filter((block) => block.optionId === openingId);
  if (occasion && (await pickOne("opening", opening, true))) selections.occasion = occasion;
  const introduction = await pickOne("introduction", choices.introductions, true);
  if (introduction) selections.introductionIds = [introduction];
  selections.questionIds = await pickSeveral(conversation, ctx, state, "question", choices.questions);
  selections.wishIds = await pickSeveral(conversation, ctx, state, "wish", choices.wishes);
  const signOff = await pickOne("sign-off", choices.signOffs, true);
  if (signOff) selections.signOffId = signOff;

  const { beginning, ending } = composeStarterParts(target.recipient, selections, writer);
  const text = [beginning, ending].filter((part) => part !== "").join("\n\n");
  const saved = await conversation.external(() =>
    saveStarterDraft(ctx.deps, { writerId: state.writerId, slug: target.slug, text, closing: ending || undefined }),
  );
  const stats = saved.ok ? statsLine(ctx, saved.stats) : "";
  await ctx.reply(
    [tHtml(ctx, "letter-ui-starter-done", { stats }), tHtml(ctx, ending ? "letter-ui-starter-next-closing" : "letter-ui-starter-next")].join(
      "\n\n",
    ),
    { parse_mode: "HTML" },
  );
  // The Russian text alone, without markup, so it can be copied, edited and sent back whole.
  await ctx.reply(text);
  return ending || undefined;
}

/** Buttons are the only answer here: anything else gets a short reminder. */
async function useButtons(ctx: FlowContext, input: FlowInput): Promise<typeof AGAIN> {
  if (input.kind !== "button") await input.ctx.reply(ctx.t("letter-ui-use-buttons"));
  return AGAIN;
}

/** An option, numbered from 1: the Russian sentence and, under it, what it says. */
function optionText(ctx: FlowContext, option: StarterBlock, index: number, vocative?: string): string {
  const gloss = vocative && option.gloss.args?.recipientName ? { ...option.gloss, args: { ...option.gloss.args, recipientName: vocative } } : option.gloss;
  return `${index + 1}. «${escapeHtml(option.text)}»\n<i>${escapeHtml(tText(ctx, gloss))}</i>`;
}

type Row = (readonly [string, string, string?])[];

/**
 * A block's options in pages that fit the screen budget (issue 15), with "more"/"previous" buttons. Turning a page
 * edits the list in place and is not kept in the flow's replay log (the step rewinds), so the stored step sequence is
 * the same with one page or several; option buttons carry the option's index in the whole block.
 */
function optionPages(ctx: FlowContext, kind: StarterBlockKind, heading: string, options: readonly StarterBlock[], vocative?: string) {
  const items = options.map((option, index) => optionText(ctx, option, index, vocative));
  const line = (page: ListPage, total: number) => tHtml(ctx, "letter-screens-starter-page", { from: page.from + 1, to: page.to + 1, total });
  const pages = pageList(heading, items, line);
  const action = `${kind}-page`;
  const at = (page: number) => pages[page] ?? pages[0]!;
  return {
    action,
    count: pages.length,
    pageOf: (index: number) => pageOf(pages, index),
    indices: (page: number) => options.map((_, index) => index).slice(at(page).from, at(page).to + 1),
    text: (page: number) =>
      [heading, ...items.slice(at(page).from, at(page).to + 1), ...(pages.length > 1 ? [line(at(page), items.length)] : [])].join("\n\n"),
    turnRow: (page: number): Row => [
      ...(page > 0 ? [[ctx.t("letter-screens-button-options-back"), action, String(page - 1)] as const] : []),
      ...(page < pages.length - 1 ? [[ctx.t("letter-screens-button-options-more"), action, String(page + 1)] as const] : []),
    ],
    /** The page a "more"/"previous" button asks for, when it exists. */
    parsePage: (arg: string): number | undefined => {
      const page = Number(arg);
      return Number.isInteger(page) && page >= 0 && page < pages.length ? page : undefined;
    },
  };
}

/** Rows of at most four buttons, then the extra rows. */
function buttonRows(buttons: Row, ...extra: Row[]): Row[] {
  const rows: Row[] = [];
  for (let index = 0; index < buttons.length; index += 4) rows.push(buttons.slice(index, index + 4));
  return [...rows, ...extra.filter((row) => row.length > 0)];
}

/**
 * A Ukrainian gloss addresses the person as Ukrainian does, in the vocative («Борисе», «Борисе Юлійовичу»); when the
 * declension module is unsure, the nominative stays.
 */
function glossVocative(ctx: FlowContext, state: FlowState, nameForm: NameForm): string | undefined {
  if (localeOf(ctx) !== "uk") return undefined;
  const { given, patronymic } = state.target.names.uk;
  const first = ukrainianVocative(given, state.target.gender);
  if (!first) return undefined;
  if (nameForm !== "formal") return first;
  const second = patronymic ? ukrainianPatronymicVocative(patronymic) : null;
  return second ? `${first} ${second}` : undefined;
}

async function pickBlock(
  conversation: Flow,
  ctx: FlowContext,
  state: FlowState,
  kind: StarterBlockKind,
  options: StarterBlock[],
  skippable: boolean,
  vocative?: string,
): Promise<string | undefined> {
  if (options.length === 0) return undefined;
  const skip = `${kind}-skip`;
  const block = tText(ctx, starterBlockLabel(kind));
  const list = optionPages(ctx, kind, bold(tHtml(ctx, "letter-ui-starter-pick-one", { block })), options, vocative);
  const keyboard = (page: number) =>
    flowKeyboard(
      state.token,
      buttonRows(
        list.indices(page).map((index) => [String(index + 1), kind, String(index)] as const),
        list.turnRow(page),
        skippable ? [[ctx.t("letter-ui-button-skip"), skip]] : [],
      ),
    );
  await replyBlocks(ctx, [list.text(0)], keyboard(0));
  const actions = [kind, list.action, ...(skippable ? [skip] : [])];
  return ask(conversation, { token: state.token, actions }, async (input) => {
    if (input.kind !== "button") return useButtons(ctx, input);
    if (input.action === skip) return undefined;
    if (input.action === list.action) return turnPage(input.ctx, list.parsePage(input.arg), list.text, keyboard);
    return options[Number(input.arg)]?.optionId ?? AGAIN;
  });
}

/** Shows another page of a list in place; the step then waits again (and forgets the press). */
async function turnPage(
  ctx: FlowContext,
  page: number | undefined,
  text: (page: number) => string,
  keyboard: (page: number) => InlineKeyboard,
): Promise<typeof AGAIN> {
  if (page === undefined) return AGAIN;
  await ctx
    .editMessageText(text(page), { parse_mode: "HTML", link_preview_options: { is_disabled: true }, reply_markup: keyboard(page) })
    .catch(ignoreNotModified);
  return AGAIN;
}

async function pickSeveral(
  conversation: Flow,
  ctx: FlowContext,
  state: FlowState,
  kind: StarterBlockKind,
  options: StarterBlock[],
): Promise<string[]> {
  if (options.length === 0) return [];
  const next = `${kind}-next`;
  const chosen = new Set<number>();
  const block = tText(ctx, starterBlockLabel(kind));
  const list = optionPages(ctx, kind, bold(tHtml(ctx, "letter-ui-starter-pick-many", { block })), options);
  const keyboard = (page: number) =>
    flowKeyboard(
      state.token,
      buttonRows(
        list.indices(page).map((index) => [`${chosen.has(index) ? "☑" : "☐"} ${index + 1}`, kind, String(index)] as const),
        list.turnRow(page),
        [[ctx.t("letter-ui-button-next"), next]],
      ),
    );
  await replyBlocks(ctx, [list.text(0)], keyboard(0));
  for (let presses = 0; presses < MAX_TOGGLES; presses++) {
    const input = await ask(conversation, { token: state.token, actions: [kind, next, list.action] }, async (candidate) => {
      if (candidate.kind !== "button") return useButtons(ctx, candidate);
      if (candidate.action === next) return candidate;
      if (candidate.action === list.action) return turnPage(candidate.ctx, list.parsePage(candidate.arg), list.text, keyboard);
      const index = Number(candidate.arg);
      return Number.isInteger(index) && index >= 0 && index < options.length ? candidate : AGAIN;
    });
    if (input.kind !== "button" || input.action === next) break;
    const index = Number(input.arg);
    if (chosen.has(index)) chosen.delete(index);
    else chosen.add(index);
    await input.ctx.editMessageReplyMarkup({ reply_markup: keyboard(list.pageOf(index)) });
  }
  return [...chosen].sort((a, b) => a - b).flatMap((index) => options[index]?.optionId ?? []);
}
