import type { FsinPismoPacket, LocalizedText, OrganiserRelayOption, PostInstructions } from "../../../../domain/letters/index.js";
import type { FlowContext } from "../../../context.js";
import { escapeHtml } from "../../../../telegram/html.js";
import { bold, tHtml, tText } from "./text.js";

/** Form values a writer must copy exactly are shown as `<code>` (one tap copies them in Telegram). */
const COPY_ARGS = ["region", "institution", "recipient"];

function html(ctx: FlowContext, text: LocalizedText, code: readonly string[] = []): string {
  return tHtml(ctx, text.key, text.args ?? {}, code);
}

function warningsBlock(ctx: FlowContext, warnings: readonly LocalizedText[]): string {
  return warnings.map((warning) => `⚠️ ${html(ctx, warning)}`).join("\n");
}

/** The FSIN-pismo form filled in advance, the price with its date and source, delivery time, and card-free options. */
export function renderFsinPismoPacket(ctx: FlowContext, packet: FsinPismoPacket): string[] {
  const steps = packet.steps.map((step, index) => `${index + 1}. ${html(ctx, step, COPY_ARGS)}`);
  const price = [
    bold(tHtml(ctx, "letter-ui-packet-price-title")),
    ...packet.price.items.map((item) => html(ctx, item.label)),
    bold(html(ctx, packet.price.totalLabel)),
    html(ctx, packet.price.caveat),
  ];
  const intermediaries = packet.withoutRussianCard.intermediaries.map(
    (service) => `• ${bold(html(ctx, service.name))} — ${html(ctx, service.about)} ${escapeHtml(service.url)}`,
  );
  return [
    [bold(tHtml(ctx, "letter-ui-packet-fsin-title")), ...steps].join("\n"),
    price.join("\n"),
    `⏱ ${html(ctx, packet.deliveryTime)}`,
    [`💳 ${html(ctx, packet.withoutRussianCard.explanation)}`, ...intermediaries].join("\n"),
    warningsBlock(ctx, packet.warnings),
  ];
}

/** The envelope in Russian exactly as to be written, what to enclose, the rules and the cautions. */
export function renderPostInstructions(ctx: FlowContext, post: PostInstructions): string[] {
  const envelope = [post.envelope.recipient, ...post.envelope.addressLines].map(escapeHtml).join("\n");
  return [
    [bold(tHtml(ctx, "letter-ui-packet-post-title")), html(ctx, post.envelopeIntro), `<pre>${envelope}</pre>`].join("\n"),
    [html(ctx, post.countryNote), html(ctx, post.enclose), ...post.rules.map((rule) => `• ${html(ctx, rule)}`)].join("\n"),
    warningsBlock(ctx, post.warnings),
  ];
}

export function renderOrganiserOption(ctx: FlowContext, option: OrganiserRelayOption): string {
  return escapeHtml(tText(ctx, option.explanation));
}
