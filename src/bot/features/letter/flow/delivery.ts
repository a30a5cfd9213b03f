import {
  type DeliveryOption,
  type DeliveryRoute,
  deliveryRouteLabel,
  type FindingsSummary,
  planDelivery,
} from "../../../../domain/letters/index.js";
import { relayQuota } from "../../../../services/relay/relay-quota.js";
import type { Flow, FlowContext } from "../../../context.js";
import { type Guard, guardOf } from "../../../flows/index.js";
import { escapeHtml } from "../../../../telegram/html.js";
import { finishDraft, type FinishOutcome, isDeskLinked, organiserRelayOpen, organiserRouteView, readDraftText } from "../../../../services/letters/letters.js";
import type { OrganiserRelayKind } from "../../../../services/relay/relay-letter.js";
import type { ServiceDeps } from "../../../../services/deps.js";
import { type DeliveryReadings, handedOver } from "./hand-over.js";
import type { TranslationSource } from "../../../../services/relay/translations.js";
import { renderOrganiserOption } from "../render/delivery.js";
import { intermediaryLines, serviceName } from "../render/refusal.js";
import { recordedIntermediaries } from "../../../../services/letters/alternatives.js";
import { renderLetterBody } from "../../../../domain/letters/letter-file.js";
import { splitForTelegram } from "../../../../domain/letters/split-for-telegram.js";
import { replyFinishedLetter } from "../render/finished.js";
import type { FinishedLetterCopy } from "../../../../services/letters/history.js";
import { bold, replyBlocks, replyHtmlMessages, SCREEN_BUDGET, tHtml, tText, withClosing } from "../render/text.js";
import { AGAIN, ask, flowKeyboard } from "./input.js";
import { type Signature, signatureLabel } from "./signature.js";
import { type FlowState, targetName, titleArgs } from "./state.js";

/** The ways to this person as offered now: the plan, its notices, the recorded services, and the one route if only one fits. */
export interface DeliveryOffer {
  plan: ReturnType<typeof planDelivery>;
  notices: string[];
  services: DeliveryReadings["services"];
  routes: DeliveryRoute[];
  /** Only one way fits (issue 15): no question to answer. */
  only: DeliveryRoute | undefined;
  /** No way at all: the notices say why. */
  none: boolean;
}

/**
 * What the route step reads about the ways to this person, for the signing stage (`directly(ctx)`: at once, to decide
 * whether a question is needed) and the conversation (`guardOf(conversation)`: each value stored in the replay log)
 * alike. In the conversation's first run each call takes what the stage read for this update (./hand-over.ts). The
 * calls, their order and their values are the conversation's as they were (the relay; the quota while organisers
 * take letters; the services), so stored flows replay unchanged and `CONVERSATION_VERSION` stays. The lookup read
 * moments ago in this update whose organisers take letters for this person (a campaign's, the desk, nobody), whether
 * the deployment has a desk at all and whether a delivery service is recorded for them (nothing waits between the
 * two): neither the relay nor the desk is read again; when no service is recorded, the services are not read (the
 * guarded calls stay, so a stored flow's log still lines up; a state stored before the lookup said so reads as before).
 */
export async function readDelivery(guard: Guard, state: FlowState): Promise<DeliveryReadings> {
  const { target, writerId } = state;
  const read = (outer: object) => handedOver(outer)?.delivery;
  const relay = await guard(async (deps, outer) => read(outer)?.relay ?? relayOf(deps, target));
  const quota = relay.via !== null ? await guard((deps, outer) => read(outer)?.quota ?? readQuota(deps, writerId)) : undefined;
  const services = await guard(
    async (deps, outer) => read(outer)?.services ?? (target.intermediary === false ? [] : recordedIntermediaries(deps.db, target.slug)),
  );
  return { relay, quota, services };
}

/** Whose organisers take letters, and whether there is a desk: the lookup's answers, read again only for a target stored by older code. */
async function relayOf(deps: ServiceDeps, target: FlowState["target"]): Promise<DeliveryReadings["relay"]> {
  const { relayVia, deskLinked } = target;
  if (relayVia !== undefined && deskLinked !== undefined) return { via: relayVia, deskLinked };
  return target.organiserRelay ? organiserRelayOpen(deps, target.slug) : { via: null, deskLinked: deskLinked ?? (await isDeskLinked(deps)) };
}

async function readQuota(deps: ServiceDeps, writerId: number): Promise<NonNullable<DeliveryReadings["quota"]>> {
  const { allowed, limit, nextAt } = await relayQuota(deps.db, writerId, deps.clock.now(), deps.config.maxRelaysPerDay);
  return { allowed, limit, nextAt: nextAt?.toISOString() ?? null };
}

/** The routes offered with what was read. */
export function deliveryOffer(ctx: FlowContext, state: FlowState, readings: DeliveryReadings): DeliveryOffer {
  const { relay, quota, services } = readings;
  // MAX_RELAYS_PER_DAY: past it, the organisers' route is not offered today (src/services/relay/relay-quota.ts).
  const organiserRelay = relay.via !== null && quota?.allowed === true;
  const plan = planDelivery(state.target.recipient, { organiserRelay, relayVia: relay.via ?? "campaign", deskLinked: relay.deskLinked });
  const notices = plan.notices.map((notice) => escapeHtml(tText(ctx, notice)));
  if (quota && !quota.allowed) {
    const time = quota.nextAt ? quota.nextAt.slice(0, 16).replace("T", " ") : "—";
    notices.push(escapeHtml(ctx.t("privacy-relay-limit", { limit: quota.limit, time })));
  }
  // Services recorded as delivering to this very person (with as-of and source) are a route of their own.
  const routes = plan.options.map((option) => option.route);
  const only = routes.length === 1 && services.length === 0 ? routes[0] : undefined;
  return { plan, notices, services, routes, only, none: routes.length === 0 && services.length === 0 };
}

/** There is no route: the notices say why. */
export async function replyNoRoute(ctx: FlowContext, notices: string[]): Promise<void> {
  await replyBlocks(ctx, [...notices, tHtml(ctx, "letter-ui-send-no-route")]);
}

/**
 * The routes this prisoner can be reached by (planDelivery: FSIN-pismo, post, organisers when their chat works).
 * Choosing one finishes the letter (route, signature, reference in one transaction) and gives exact instructions:
 * the letter to copy, the same as a .txt file, and the FSIN-pismo form values or the envelope. The signing stage
 * finishes a letter with only one route, not the organisers', without this conversation (../stage-steps.ts).
 */
export async function deliveryStep(
  conversation: Flow,
  ctx: FlowContext,
  state: FlowState,
  signature: Signature,
  summary: FindingsSummary,
): Promise<"edit" | void> {
  const { token, target } = state;
  const { relay, quota, services } = await readDelivery(guardOf(conversation), state);
  const offer = deliveryOffer(ctx, state, { relay, quota, services });
  if (offer.none) return replyNoRoute(ctx, offer.notices);
  const { plan, notices, routes } = offer;
  const route: DeliveryRoute =
    offer.only ??
    (await chooseRoute(conversation, ctx, state, signature, {
      routes,
      services,
      blocks: [
        bold(tHtml(ctx, "letter-ui-send-choose")),
        ...notices,
        ...plan.options.map((option) => routeSummary(ctx, option)),
        ...(services.length > 0 ? [intermediaryLines(ctx, services)] : []),
      ],
    }));
  await replyRouteAdvice(ctx, state, offer, route, relay.via);

  let shareIdentity = false;
  let translateFrom: TranslationSource | undefined;
  if (route === "organisers") {
    const view = await conversation.external(() =>
      organiserRouteView(ctx.deps, { writerId: state.writerId, slug: target.slug, system: target.recipient.system }),
    );
    if (view.translateFrom) {
      const translation = await translationStep(conversation, ctx, token, view.translateFrom, view.translationOffered);
      if (translation === "edit") return "edit";
      if (translation === "translate") translateFrom = view.translateFrom;
    }
    const identity = view.publicChat
      ? await publicChatStep(conversation, ctx, token, view.publicChat, signature)
      : await shareIdentityStep(conversation, ctx, token);
    if (identity === "cancel") {
      await ctx.reply(ctx.t("routes-public-cancelled"));
      return;
    }
    shareIdentity = identity === "share";
  }
  await finishOnRoute(ctx, guardOf(conversation), state, { route, signature, summary, shareIdentity, translateFrom, offer });
}

/** Once the route is known: its safety advice, after the plan's notices (and the organisers' summary) when nothing was asked. */
export async function replyRouteAdvice(ctx: FlowContext, state: FlowState, offer: DeliveryOffer, route: DeliveryRoute, via: OrganiserRelayKind | null): Promise<void> {
  const { only, plan, notices } = offer;
  const advice = tHtml(ctx, safetyAdviceKey(route, via, state.target.recipient.system));
  // The organisers' route is explained when taken without a question; FSIN-pismo and post get their full packet below.
  const chosen = plan.options.find((option) => option.route === only && option.route === "organisers");
  const blocks = only ? [...(chosen ? [routeSummary(ctx, chosen)] : []), ...notices, advice] : [advice];
  await replyBlocks(ctx, blocks, undefined, SCREEN_BUDGET);
}

/**
 * Finishes the letter on the chosen route (route, signature, reference in one transaction) and hands it over: for the
 * organisers the reference and what happens next; else the letter to copy, the same as a .txt file, and the
 * FSIN-pismo form values or the envelope.
 */
export async function finishOnRoute(
  ctx: FlowContext,
  guard: Guard,
  state: FlowState,
  input: {
    route: DeliveryRoute;
    signature: Signature;
    summary: FindingsSummary;
    shareIdentity: boolean;
    translateFrom: TranslationSource | undefined;
    offer: DeliveryOffer;
    /** The draft's id, when the step read it in this update (the signing stage's lookup). */
    draftId?: number;
  },
): Promise<void> {
  const { route, signature, shareIdentity, translateFrom, draftId } = input;
  const from = ctx.from;
  const writer = shareIdentity && from ? { firstName: from.first_name, ...(from.username ? { username: from.username } : {}) } : undefined;
  const outcome = await guard(async (deps, outer): Promise<FinishOutcome> => {
    const finished = await finishDraft(deps, {
      writerId: state.writerId,
      slug: state.target.slug,
      ...(draftId !== undefined ? { draftId } : {}),
      route,
      signature,
      shareIdentity,
      findings: input.summary,
      ...(writer ? { writer } : {}),
      ...(translateFrom ? { translateFrom } : {}),
      // This press: delivered again, it is answered with this letter's final screen (../finished-again.ts).
      ...(outer.callbackQuery ? { press: outer.callbackQuery.id } : {}),
    });
    outer.logger.info(
      finished.ok ? { letter_id: finished.letterId, route, ...(finished.again ? { again: true } : {}) } : { route, refused: finished.reason },
      finished.ok ? "letter finished" : "letter not finished",
    );
    return finished;
  });
  if (!outcome.ok) {
    await ctx.reply(ctx.t(`letter-ui-finish-failed-${outcome.reason}`));
    return;
  }
  const copy = {
    recipient: state.target.recipient,
    text: outcome.text,
    signature: { name: signature.name, ...(signature.city ? { city: signature.city } : {}) },
    finishedAt: outcome.finishedAt,
    reference: outcome.reference,
    option: input.offer.plan.options.find((candidate) => candidate.route === outcome.route),
  };
  const title = titleArgs(ctx, state);
  if (outcome.route === "organisers") await replyLetterDone(ctx, title, { kind: "organisers", reference: outcome.reference, translationRequested: translateFrom !== undefined });
  else await replyLetterDone(ctx, title, { kind: "copy", ...copy });
}

/**
 * A finished letter's final screen: handed to the organisers (and the translation asked of them), or the letter to
 * send oneself with its form. Shown when the letter is finished, and again for the same press delivered again
 * (../finished-again.ts).
 */
export async function replyLetterDone(
  ctx: FlowContext,
  title: ReturnType<typeof titleArgs>,
  done: { kind: "organisers"; reference: string; translationRequested: boolean } | ({ kind: "copy" } & FinishedLetterCopy),
): Promise<void> {
  const closing = tHtml(ctx, "letter-ui-done-footer");
  const titled = { ...title, reference: done.reference };
  if (done.kind === "organisers") {
    const told = [tHtml(ctx, "letter-ui-done-organisers", titled, ["reference"]), ...(done.translationRequested ? [tHtml(ctx, "routes-translation-requested")] : [])];
    await replyHtmlMessages(ctx, withClosing(told, closing));
    return;
  }
  await replyFinishedLetter(ctx, done, { head: tHtml(ctx, "letter-ui-done-title", titled, ["reference"]), closing });
}

type Service = Awaited<ReturnType<typeof recordedIntermediaries>>[number];

async function chooseRoute(
  conversation: Flow,
  ctx: FlowContext,
  state: FlowState,
  signature: Signature,
  choice: { routes: DeliveryRoute[]; services: Service[]; blocks: string[] },
): Promise<DeliveryRoute> {
  const { routes, services } = choice;
  await replyBlocks(
    ctx,
    choice.blocks,
    flowKeyboard(state.token, [
      ...routes.map((route): [string, string, string][] => [[tText(ctx, deliveryRouteLabel(route)), "route", route]]),
      ...services.map((service, index): [string, string, string][] => [[ctx.t("routes-intermediary-button", { service: serviceName(ctx, service.service) }), "via", String(index)]]),
    ]),
  );
  return ask(conversation, { token: state.token, actions: ["route", "via"] }, async (input) => {
    if (input.kind === "button" && input.action === "via") {
      const service = services[Number(input.arg)];
      if (service) await sendIntermediaryPacket(conversation, ctx, state, signature, service);
      return AGAIN;
    }
    if (input.kind === "button") return (routes as string[]).includes(input.arg) ? (input.arg as DeliveryRoute) : AGAIN;
    await input.ctx.reply(ctx.t("letter-ui-use-buttons"));
    return AGAIN;
  });
}

/** Short advice shown once a route is chosen: what it exposes and why (sources in docs/routes.md). */
function safetyAdviceKey(route: DeliveryRoute, via: "campaign" | "desk" | null, system: string): string {
  if (route === "organisers") return via === "desk" ? "letter-safety-desk" : "letter-safety-organisers";
  if (route === "post") return system === "by" ? "letter-safety-post-by" : "letter-safety-post";
  return "letter-safety-fsin-pismo";
}

function routeSummary(ctx: FlowContext, option: DeliveryOption): string {
  const label = bold(escapeHtml(tText(ctx, deliveryRouteLabel(option.route))));
  if (option.route === "organisers") return `${label}: ${renderOrganiserOption(ctx, option)}`;
  return `${label}: ${tHtml(ctx, `letter-ui-route-about-${option.route.replaceAll("_", "-")}`)}`;
}

type IdentityChoice = "share" | "hide" | "cancel";

async function shareIdentityStep(conversation: Flow, ctx: FlowContext, token: string): Promise<IdentityChoice> {
  return chooseOne(conversation, ctx, token, ctx.t("letter-ui-share-identity"), [
    [ctx.t("letter-ui-button-share-yes"), "share-yes", "share"],
    [ctx.t("letter-ui-button-share-no"), "share-no", "hide"],
  ]);
}

/**
 * A question answered by one of `choices` (label, button action, result), one button a row; anything typed instead
 * is answered with "use the buttons" and forgotten.
 */
async function chooseOne<T>(
  conversation: Flow,
  ctx: FlowContext,
  token: string,
  text: string,
  choices: ReadonlyArray<[string, string, T]>,
  options: { html?: boolean } = {},
): Promise<T> {
  await ctx.reply(text, {
    ...(options.html ? { parse_mode: "HTML" as const } : {}),
    reply_markup: flowKeyboard(token, choices.map(([label, action]) => [[label, action]])),
  });
  return ask(conversation, { token, actions: choices.map(([, action]) => action) }, async (input) => {
    const chosen = input.kind === "button" ? choices.find(([, action]) => action === input.action) : undefined;
    if (chosen) return chosen[2];
    await input.ctx.reply(ctx.t("letter-ui-use-buttons"));
    return AGAIN;
  });
}

/**
 * The letter would be posted where anyone can read it (a channel or a public group): the writer hears that before
 * anything is queued, with what exactly would be visible, and chooses to hide their Telegram name, show it, or stop.
 */
async function publicChatStep(conversation: Flow, ctx: FlowContext, token: string, chat: string, signature: Signature): Promise<IdentityChoice> {
  const warning = tHtml(ctx, "routes-public-warning", { chat, signature: signatureLabel(signature) });
  return chooseOne(
    conversation,
    ctx,
    token,
    warning,
    [
      [ctx.t("routes-public-button-hide"), "public-hide", "hide"],
      [ctx.t("routes-public-button-share"), "public-share", "share"],
      [ctx.t("routes-public-button-cancel"), "public-cancel", "cancel"],
    ],
    { html: true },
  );
}

/**
 * A letter mostly in Ukrainian or English would not pass a censor who accepts Russian only: on the organisers' route
 * the writer may ask them for a translation (when this chat's organisers offer it), send it as it is, or edit it.
 */
async function translationStep(
  conversation: Flow,
  ctx: FlowContext,
  token: string,
  from: TranslationSource,
  offered: boolean,
): Promise<"translate" | "as-is" | "edit"> {
  const language = ctx.t(`routes-language-${from}`);
  const askThem: [string, string, "translate"][] = offered ? [[ctx.t("routes-translation-button-ask"), "tr-ask", "translate"]] : [];
  return chooseOne(conversation, ctx, token, ctx.t(offered ? "routes-translation-offer" : "routes-translation-not-offered", { language }), [
    ...askThem,
    [ctx.t("routes-translation-button-as-is"), "tr-as-is", "as-is"],
    [ctx.t("routes-translation-button-edit"), "tr-edit", "edit"],
  ]);
}

/**
 * The packet for a service recorded as delivering to this person: what it is and where the fact comes from, its
 * link, and the letter with its signature to paste into the service's own form. The bot submits nothing; the draft
 * stays here, and the writer may still choose another route.
 */
async function sendIntermediaryPacket(
  conversation: Flow,
  ctx: FlowContext,
  state: FlowState,
  signature: Signature,
  service: { service: string; url: string; asOf: string; source: string },
): Promise<void> {
  const name = serviceName(ctx, service.service);
  await ctx.reply(
    tHtml(ctx, "routes-intermediary-packet", { service: name, name: targetName(ctx, state), asOf: service.asOf, source: service.source }),
    { parse_mode: "HTML", link_preview_options: { is_disabled: true }, reply_markup: { inline_keyboard: [[{ text: `🔗 ${name}`, url: service.url }]] } },
  );
  const text = await conversation.external(() => readDraftText(ctx.deps, state.writerId, state.target.slug));
  if (!text) return;
  const body = renderLetterBody(text, { name: signature.name, ...(signature.city ? { city: signature.city } : {}) });
  for (const part of splitForTelegram(body)) await ctx.reply(part);
}
