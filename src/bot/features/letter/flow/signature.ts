import type { Flow, FlowContext } from "../../../context.js";
import { loadWriterProfile, rememberSignature } from "../../../../services/letters/letters.js";
import { tHtml } from "../render/text.js";
import { AGAIN, ask, flowKeyboard } from "./input.js";
import type { FlowState } from "./state.js";

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

function signatureLabel(signature: Signature): string {
  return signature.city ? `${signature.name}, ${signature.city}` : signature.name;
}

/**
 * How the letter is signed. The advice is a consistent name (own or pseudonym), not anonymity. A remembered
 * signature is offered as a button; a new one can be remembered for next time (writer profile).
 */
export async function signatureStep(conversation: Flow, ctx: FlowContext, state: FlowState): Promise<Signature> {
  const { token } = state;
  const profile = await conversation.external(() => loadWriterProfile(ctx.deps, state.writerId));
  const remembered = profile.signature;
  const advice = ctx.t("letter-guidance-signature");
  if (remembered) {
    await ctx.reply(`${ctx.t("letter-ui-sign-ask-remembered")}\n\n${advice}`, {
      reply_markup: flowKeyboard(token, [
        [[ctx.t("letter-ui-button-sign-as", { signature: signatureLabel(remembered) }), "sign-saved"]],
        [[ctx.t("letter-ui-button-sign-other"), "sign-other"]],
      ]),
    });
  } else {
    await ctx.reply(`${ctx.t("letter-ui-sign-ask")}\n\n${advice}`);
  }
  const typedOrSaved = await ask(conversation, { token, actions: remembered ? ["sign-saved", "sign-other"] : [] }, async (input) => {
    if (input.kind === "button") {
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
