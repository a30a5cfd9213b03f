/**
 * "Write to someone not in the list": from /write and from "nobody found", a writer names a person the directory does
 * not know — name, (gender when the patronymic does not tell), birth year, and the facility picked by search over the
 * institutions. It goes to organisers as a `/review` suggestion with who sent it; nobody else sees it until an
 * organiser or admin adds the person, and then the writer gets a message with a button to write.
 */
import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard } from "grammy";
import {
  parseSuggestedName,
  parseSuggestedYear,
  type SuggestedName,
  suggestedGender,
} from "../../../domain/directory/suggestion.js";
import type { Gender, PrisonSystem } from "../../../domain/directory/types.js";
import { facilityChoice, findFacilities, type FacilityChoice, submitSuggestion } from "../../../services/directory/suggestions.js";
import type { BotContext, Flow, FlowContext } from "../../context.js";
import { AGAIN, drawToken, flowButtons, flowKit, type FlowInput, pressedMessageId } from "../../flows/index.js";
import { tHtml } from "../letter/render/text.js";
import { notListedData } from "./callbacks.js";
import { writeLetterData } from "../../../services/letters/buttons.js";

export const NOT_LISTED_FLOW_ID = "not-listed";

/** The flow's own buttons (`dnf:<token>:<action>:<arg>`): the kit matches only these, with this flow's token. */
const flowButton = flowButtons("dnf");
const { ask } = flowKit(flowButton);

/** A facility search longer than this is not a facility name. */
const MAX_FACILITY_QUERY = 80;

/** The "Write to someone not in the list" button, for /write and "nobody found". */
export function notListedKeyboard(ctx: FlowContext): InlineKeyboard {
  return new InlineKeyboard().text(ctx.t("suggest-button"), notListedData.pack());
}

async function textOnly(input: FlowInput): Promise<typeof AGAIN> {
  await input.ctx.reply(input.ctx.t("suggest-text-only"));
  return AGAIN;
}

async function askName(conversation: Flow, ctx: FlowContext, token: string): Promise<SuggestedName> {
  await ctx.reply(ctx.t("suggest-intro"));
  return ask(conversation, { token, actions: [] }, async (input) => {
    if (input.kind !== "text") return textOnly(input);
    const name = parseSuggestedName(input.text);
    if (typeof name === "string") {
      await input.ctx.reply(ctx.t(`suggest-name-${name}`));
      return AGAIN;
    }
    return name;
  });
}

async function askGender(conversation: Flow, ctx: FlowContext, token: string): Promise<Gender> {
  const keyboard = new InlineKeyboard()
    .text(ctx.t("suggest-gender-male"), flowButton.pack(token, "gender", "male"))
    .text(ctx.t("suggest-gender-female"), flowButton.pack(token, "gender", "female"));
  await ctx.reply(ctx.t("suggest-gender-ask"), { reply_markup: keyboard });
  return ask(conversation, { token, actions: ["gender"] }, async (input) => {
    if (input.kind === "button") return input.arg === "female" ? "female" : input.arg === "male" ? "male" : AGAIN;
    await input.ctx.reply(ctx.t("suggest-press-button"));
    return AGAIN;
  });
}

async function askYear(conversation: Flow, ctx: FlowContext, token: string): Promise<number | null> {
  const keyboard = new InlineKeyboard().text(ctx.t("suggest-year-unknown"), flowButton.pack(token, "year", "-"));
  await ctx.reply(ctx.t("suggest-year-ask"), { reply_markup: keyboard });
  return ask(conversation, { token, actions: ["year"] }, async (input) => {
    if (input.kind === "button") return null;
    if (input.kind !== "text") return textOnly(input);
    const today = await conversation.external(() => ctx.deps.clock.now().toISOString());
    const year = parseSuggestedYear(input.text, new Date(today));
    if (year === null) {
      await input.ctx.reply(ctx.t("suggest-year-invalid"));
      return AGAIN;
    }
    return year;
  });
}

/** The facility picked from the list, or only the country when the writer does not know the facility. */
type FacilityAnswer = FacilityChoice | { unknownIn: PrisonSystem };

/** "I don't know the facility", one button per country: the suggestion then names none, never a guessed one. */
function unknownFacilityKeyboard(ctx: FlowContext, token: string, keyboard = new InlineKeyboard()): InlineKeyboard {
  return keyboard
    .text(ctx.t("suggest-facility-unknown-ru"), flowButton.pack(token, "noplace", "ru"))
    .row()
    .text(ctx.t("suggest-facility-unknown-by"), flowButton.pack(token, "noplace", "by"));
}

async function askFacility(conversation: Flow, ctx: FlowContext, token: string): Promise<FacilityAnswer> {
  await ctx.reply(ctx.t("suggest-facility-ask"), { reply_markup: unknownFacilityKeyboard(ctx, token) });
  return ask(conversation, { token, actions: ["place", "noplace"] }, async (input) => {
    if (input.kind === "button" && input.action === "noplace") return input.arg === "by" ? { unknownIn: "by" } : input.arg === "ru" ? { unknownIn: "ru" } : AGAIN;
    if (input.kind === "button") {
      const picked = await conversation.external(() => facilityChoice(ctx.deps.db, input.arg));
      return picked ?? AGAIN;
    }
    if (input.kind !== "text") return textOnly(input);
    const query = input.text.trim();
    if (query.length > MAX_FACILITY_QUERY) {
      await input.ctx.reply(ctx.t("suggest-facility-too-long"));
      return AGAIN;
    }
    const found = await conversation.external(() => findFacilities(ctx.deps.db, query));
    if (found.length === 0) {
      await input.ctx.reply(tHtml(ctx, "suggest-facility-none", { query }), { parse_mode: "HTML", reply_markup: unknownFacilityKeyboard(ctx, token) });
      return AGAIN;
    }
    const keyboard = new InlineKeyboard();
    for (const facility of found) keyboard.text(`${facility.name}, ${facility.region}`.slice(0, 120), flowButton.pack(token, "place", facility.slug)).row();
    await input.ctx.reply(ctx.t("suggest-facility-pick"), { reply_markup: unknownFacilityKeyboard(ctx, token, keyboard) });
    return AGAIN;
  });
}

export async function notListedFlow(conversation: Flow, ctx: FlowContext): Promise<void> {
  const writerId = ctx.from?.id;
  if (writerId === undefined || ctx.chat?.type !== "private") return;
  const token = await drawToken(conversation);
  const name = await askName(conversation, ctx, token);
  const gender = suggestedGender(name) ?? (await askGender(conversation, ctx, token));
  const birthYear = await askYear(conversation, ctx, token);
  const facility = await askFacility(conversation, ctx, token);

  const fullName = [name.surname, name.given, name.patronymic].filter(Boolean).join(" ");
  const confirm = new InlineKeyboard()
    .text(ctx.t("suggest-send"), flowButton.pack(token, "send", "-"))
    .row()
    .text(ctx.t("suggest-drop"), flowButton.pack(token, "drop", "-"));
  await ctx.reply(
    tHtml(ctx, "suggest-confirm", {
      name: fullName,
      born: birthYear === null ? "—" : String(birthYear),
      institution:
        "unknownIn" in facility
          ? ctx.t(facility.unknownIn === "by" ? "suggest-facility-not-known-by" : "suggest-facility-not-known-ru")
          : `${facility.name}, ${facility.region}`,
    }),
    { parse_mode: "HTML", reply_markup: confirm },
  );
  // "Send" with the confirmation message whose button was pressed (undefined when the press has none), or null for
  // "Drop": the message keys the review, so that press delivered again after a death (its refused answer no longer
  // ends the flow) sends no second one.
  const sent = await ask(conversation, { token, actions: ["send", "drop"] }, async (input) => {
    if (input.kind === "button") return input.action === "send" ? { pressed: pressedMessageId(input.ctx) } : null;
    await input.ctx.reply(ctx.t("suggest-press-button"));
    return AGAIN;
  });
  if (sent === null) {
    await ctx.reply(ctx.t("suggest-dropped"));
    return;
  }
  const result = await conversation.external(async () => {
    const now = ctx.deps.clock.now();
    const place = "unknownIn" in facility ? { institution: null, system: facility.unknownIn } : { institution: facility.slug };
    const suggestion = { name, birthYear, gender, ...place };
    return submitSuggestion(ctx.deps.db, { by: writerId, suggestion, now, requestMessageId: sent.pressed });
  });
  if (!result.ok) {
    await ctx.reply(ctx.t(result.reason === "too-many" ? "suggest-too-many" : "suggest-facility-gone"));
    return;
  }
  const write = writeLetterData(result.slug);
  await ctx.reply(ctx.t("unknownIn" in facility ? "suggest-sent-no-facility" : "suggest-sent"), write ? { reply_markup: new InlineKeyboard().text(ctx.t("suggest-write-now"), write) } : {});
}

const flows = new Composer<BotContext>();
flows.use(createConversation<BotContext, FlowContext>(notListedFlow, NOT_LISTED_FLOW_ID));
/** Section 2: the suggestion flow. */
export { flows as directoryFlows };

const feature = new Composer<BotContext>();
feature.chatType("private").callbackQuery(notListedData.pattern, async (ctx) => {
  await ctx.answerCallbackQuery();
  // Leaves the letter flow (or any other): its draft, if any, is already in the database.
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(NOT_LISTED_FLOW_ID);
});
/** Section 3: the button that starts the flow. */
export { feature as notListedFeature };
