import type { Flow, FlowContext } from "../../../context.js";
import { loadWriterProfile, rememberSignature } from "../../../../services/letters/letters.js";
import { tHtml } from "../render/text.js";
import { type FlowInput, flowKeyboard } from "./input.js";
import type { FindingsSummary } from "../../../../domain/letters/index.js";
import type { SigningScreen } from "../../../../services/letters/writing-stage.js";
import { parkAfterPress, parkInStage, stageRecord } from "./writing.js";
import { guardOf } from "../../../flows/index.js";
import type { FlowState } from "./state.js";
import { replyUncheckable } from "./check.js";

export interface Signature {
  name: string;
  city: string | null;
}

export const MAX_NAME = 60;
const MAX_CITY = 60;

export type SignatureParse = { ok: true; signature: Signature } | { ok: false; reason: "empty" | "too-long" | "too-many-lines" };

/** «Оксана» / «Оксана\nЛьвів» / «Оксана, Львів»: a name or pseudonym, then optionally a city. */
export function parseSignature(text: string): SignatureParse {
  let lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
  if (lines.length === 1 && lines[0]?.includes(",")) {
    const [name = "", ...rest] = (lines[0] ?? "").split(",");
    lines = [name.trim(), rest.join(",").trim()].filter((line) => line !== "");
  }
  const [name, city] = lines;
  if (!name) return { ok: false, reason: "empty" };
  if (lines.length > 2) return { ok: false, reason: "too-many-lines" };
  if ([...name].length > MAX_NAME || [...(city ?? "")].length > MAX_CITY) return { ok: false, reason: "too-long" };
  return { ok: true, signature: { name, city: city ?? null } };
}

export function signatureLabel(signature: Signature): string {
  return signature.city ? `${signature.name}, ${signature.city}` : signature.name;
}

/** The signing screen's buttons: a remembered signature and "another", then after a clean check "edit" and the checklist. */
export function signatureKeyboard(ctx: FlowContext, token: string, signing: Pick<SigningScreen, "remembered" | "clean">) {
  const { remembered } = signing;
  // After a clean check this is the first screen with buttons: it keeps the check's "edit" and checklist (issue 16).
  const extra: [string, string][][] = signing.clean
    ? [[[ctx.t("letter-ui-button-edit"), "edit"]], [[ctx.t("letter-check-button-topics"), "topics"]]]
    : [];
  return flowKeyboard(token, [
    ...(remembered
      ? [
          [[ctx.t("letter-ui-button-sign-as", { signature: signatureLabel(remembered) }), "sign-saved"]] as [string, string][],
          [[ctx.t("letter-ui-button-sign-other"), "sign-other"]] as [string, string][],
        ]
      : []),
    ...extra,
  ]);
}

/** The buttons the signing screen (or, once a signature is typed, "remember it?") takes. */
export function signingActions(signing: SigningScreen): string[] {
  if (signing.signature) return ["remember-yes", "remember-no"];
  return [...(signing.remembered ? ["sign-saved", "sign-other"] : []), ...(signing.clean ? ["edit", "topics"] : [])];
}

/**
 * How the letter is signed. The advice is a consistent name (own or pseudonym), not anonymity. A remembered
 * signature is offered as a button; a new one can be remembered for next time (writer profile). The screen is a stage
 * (issue 14, docs/letter-flow-stages.md): the conversation ends here; a typed signature is answered by the stage's
 * middleware (../signing-stage.ts), and the buttons that lead on enter the conversation again (`signingButton`).
 */
export async function signatureStep(
  conversation: Flow,
  ctx: FlowContext,
  state: FlowState,
  check: { summary: FindingsSummary; clean: boolean },
  closing: string | undefined,
): Promise<void> {
  const profile = await conversation.external(() => loadWriterProfile(ctx.deps, state.writerId));
  const signing = await replySigningScreen(ctx, state.token, check, profile.signature);
  await parkAfterPress(guardOf(conversation), state.writerId, stageRecord(state, { closing, signing }));
}

/** The signing screen after a check, with the writer's remembered signature (null: none): what its stage keeps. */
export async function replySigningScreen(
  ctx: FlowContext,
  token: string,
  check: { summary: FindingsSummary; clean: boolean },
  remembered: SigningScreen["remembered"] | null,
): Promise<SigningScreen> {
  const signing: SigningScreen = { summary: check.summary, clean: check.clean, ...(remembered ? { remembered } : {}) };
  // A returning writer already took the signing advice: the remembered signature is enough.
  const prompt = remembered ? ctx.t("letter-ui-sign-ask-remembered") : `${ctx.t("letter-ui-sign-ask")}\n\n${ctx.t("letter-guidance-signature")}`;
  await ctx.reply(prompt, remembered || check.clean ? { reply_markup: signatureKeyboard(ctx, token, signing) } : {});
  return signing;
}

export async function parkOnSigningScreen(conversation: Flow, state: FlowState, closing: string | undefined, signing: SigningScreen, press?: string): Promise<void> {
  await parkInStage(guardOf(conversation), state.writerId, { ...stageRecord(state, { closing, signing }), ...(press ? { press } : {}) });
}

/** "Remember this signature?" with its two buttons, after a signature was typed on the signing screen. */
export async function replyRememberSignature(ctx: FlowContext, token: string, signature: Signature): Promise<void> {
  await ctx.reply(tHtml(ctx, "letter-ui-sign-remember", { signature: signatureLabel(signature) }), {
    parse_mode: "HTML",
    reply_markup: flowKeyboard(token, [
      [[ctx.t("letter-ui-button-remember-yes"), "remember-yes"]],
      [[ctx.t("letter-ui-button-remember-no"), "remember-no"]],
    ]),
  });
}

/**
 * A button of the signing screen handed over by its stage (the flow is entered with the stage, this update being the
 * press): the remembered signature, "remember it?" answered, "edit", or the checklist (after which the screen stays).
 */
export async function signingButton(
  conversation: Flow,
  ctx: FlowContext,
  state: FlowState,
  signing: SigningScreen,
  input: Extract<FlowInput, { kind: "button" }>,
): Promise<Signature | "edit" | "signing"> {
  const { signature, remembered } = signing;
  if (signature) {
    // "No" leaves any signature remembered earlier as it was: it only means "not this one".
    if (input.action === "remember-yes") await conversation.external(() => rememberSignature(ctx.deps, state.writerId, signature, true));
    return signature;
  }
  if (input.action === "edit") return "edit";
  if (input.action === "sign-saved" && remembered) return remembered;
  await replyUncheckable(ctx, state, signatureKeyboard(ctx, state.token, signing));
  return "signing";
}
