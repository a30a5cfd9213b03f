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
import type { Flow, FlowContext } from "../../../context.js";
import { escapeHtml } from "../../../../telegram/html.js";
import { loadWriterProfile, rememberWriterGender, saveDraftInput } from "../../../../services/letters/letters.js";
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
    saveDraftInput(ctx.deps, { writerId: state.writerId, slug: target.slug, text, mode: "replace" }),
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

/** The options of a block, numbered: the Russian sentence and, under it, what it says. */
function optionsList(ctx: FlowContext, options: readonly StarterBlock[], vocative?: string): string {
  return options
    .map((option, index) => {
      const gloss = vocative && option.gloss.args?.recipientName ? { ...option.gloss, args: { ...option.gloss.args, recipientName: vocative } } : option.gloss;
      return `${index + 1}. «${escapeHtml(option.text)}»\n<i>${escapeHtml(tText(ctx, gloss))}</i>`;
    })
    .join("\n\n");
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
  const numbers = options.map((_, index) => [String(index + 1), kind, String(index)] as const);
  const rows: (readonly [string, string, string?])[][] = [];
  for (let index = 0; index < numbers.length; index += 4) rows.push(numbers.slice(index, index + 4));
  if (skippable) rows.push([[ctx.t("letter-ui-button-skip"), skip]]);
  const block = tText(ctx, starterBlockLabel(kind));
  await replyBlocks(
    ctx,
    [bold(tHtml(ctx, "letter-ui-starter-pick-one", { block })), optionsList(ctx, options, vocative)],
    flowKeyboard(state.token, rows),
  );
  return ask(conversation, { token: state.token, actions: skippable ? [kind, skip] : [kind] }, async (input) => {
    if (input.kind !== "button") return useButtons(ctx, input);
    if (input.action === skip) return undefined;
    return options[Number(input.arg)]?.optionId ?? AGAIN;
  });
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
  const keyboard = () => {
    const toggles = options.map((_, index) => [`${chosen.has(index) ? "☑" : "☐"} ${index + 1}`, kind, String(index)] as const);
    const rows: (readonly [string, string, string?])[][] = [];
    for (let index = 0; index < toggles.length; index += 4) rows.push(toggles.slice(index, index + 4));
    rows.push([[ctx.t("letter-ui-button-next"), next]]);
    return flowKeyboard(state.token, rows);
  };
  const block = tText(ctx, starterBlockLabel(kind));
  await replyBlocks(ctx, [bold(tHtml(ctx, "letter-ui-starter-pick-many", { block })), optionsList(ctx, options)], keyboard());
  for (let presses = 0; presses < MAX_TOGGLES; presses++) {
    const input = await ask(conversation, { token: state.token, actions: [kind, next] }, async (candidate) => {
      if (candidate.kind !== "button") return useButtons(ctx, candidate);
      if (candidate.action === next) return candidate;
      const index = Number(candidate.arg);
      return Number.isInteger(index) && index >= 0 && index < options.length ? candidate : AGAIN;
    });
    if (input.kind !== "button" || input.action === next) break;
    const index = Number(input.arg);
    if (chosen.has(index)) chosen.delete(index);
    else chosen.add(index);
    await input.ctx.editMessageReplyMarkup({ reply_markup: keyboard() });
  }
  return [...chosen].sort((a, b) => a - b).flatMap((index) => options[index]?.optionId ?? []);
}
