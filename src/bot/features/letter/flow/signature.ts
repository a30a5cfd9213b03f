import type { Flow, FlowContext } from "../../../context.js";
import { loadWriterProfile, rememberSignature } from "../../../../services/letters/letters.js";
import { tHtml } from "../render/text.js";
import { AGAIN, ask, flowKeyboard } from "./input.js";
import type { FlowState } from "./state.js";
import { replyUncheckable } from "./check.js";

export interface Signature {
  name: string;
  city: string | null;
}

const MAX_NAME = 60;
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

/**
 * How the letter is signed. The advice is a consistent name (own or pseudonym), not anonymity. A remembered
 * signature is offered as a button; a new one can be remembered for next time (writer profile).
 */
export async function signatureStep(
  conversation: Flow,
  ctx: FlowContext,
  state: FlowState,
  afterCleanCheck = false,
): Promise<Signature | "edit"> {
  const { token } = state;
  const profile = await conversation.external(() => loadWriterProfile(ctx.deps, state.writerId));
  const remembered = profile.signature;
  const advice = ctx.t("letter-guidance-signature");
  // After a clean check this is the first screen with buttons: it keeps the check's "edit" and checklist (issue 16).
  const extra: [string, string][][] = afterCleanCheck
    ? [[[ctx.t("letter-ui-button-edit"), "edit"]], [[ctx.t("letter-check-button-topics"), "topics"]]]
    : [];
  const keyboard = flowKeyboard(token, [
    ...(remembered
      ? [
          [[ctx.t("letter-ui-button-sign-as", { signature: signatureLabel(remembered) }), "sign-saved"]] as [string, string][],
          [[ctx.t("letter-ui-button-sign-other"), "sign-other"]] as [string, string][],
        ]
      : []),
    ...extra,
  ]);
  // A returning writer already took the signing advice: the remembered signature is enough.
  const prompt = remembered ? ctx.t("letter-ui-sign-ask-remembered") : `${ctx.t("letter-ui-sign-ask")}\n\n${advice}`;
  await ctx.reply(prompt, remembered || afterCleanCheck ? { reply_markup: keyboard } : {});
  const actions = [...(remembered ? ["sign-saved", "sign-other"] : []), ...(afterCleanCheck ? ["edit", "topics"] : [])];
  const typedOrSaved = await ask(conversation, { token, actions }, async (input) => {
    if (input.kind === "button") {
      if (input.action === "edit") return "edit" as const;
      if (input.action === "topics") {
        await replyUncheckable(input.ctx, state, keyboard);
        return AGAIN;
      }
      if (input.action === "sign-saved" && remembered) return { saved: true as const, signature: remembered };
      await input.ctx.reply(ctx.t("letter-ui-sign-ask"));
      return AGAIN;
    }
    if (input.kind !== "text") {
      await input.ctx.reply(ctx.t("letter-ui-sign-text-only"));
      return AGAIN;
    }
    const parsed = parseSignature(input.text);
    if (!parsed.ok) {
      await input.ctx.reply(ctx.t(`letter-ui-sign-invalid-${parsed.reason}`, { max: MAX_NAME }));
      return AGAIN;
    }
    return { saved: false as const, signature: parsed.signature };
  });
  if (typedOrSaved === "edit") return "edit";
  const { signature } = typedOrSaved;
  if (typedOrSaved.saved) return signature;

  await ctx.reply(tHtml(ctx, "letter-ui-sign-remember", { signature: signatureLabel(signature) }), {
    parse_mode: "HTML",
    reply_markup: flowKeyboard(token, [
      [[ctx.t("letter-ui-button-remember-yes"), "remember-yes"]],
      [[ctx.t("letter-ui-button-remember-no"), "remember-no"]],
    ]),
  });
  const remember = await ask(conversation, { token, actions: ["remember-yes", "remember-no"] }, async (input) => {
    if (input.kind === "button") return input.action === "remember-yes";
    await input.ctx.reply(ctx.t("letter-ui-use-buttons"));
    return AGAIN;
  });
  // "No" leaves any signature remembered earlier as it was: it only means "not this one".
  if (remember) await conversation.external(() => rememberSignature(ctx.deps, state.writerId, signature, true));
  return signature;
}
