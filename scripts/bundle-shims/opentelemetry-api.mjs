// Stands in for @opentelemetry/api inside the bot's bundle (scripts/bundle-bot.mjs). prom-client requires it at load
// (51 files) only to label CPU samples with the active trace when exemplars are on; Lysty turns no exemplars on and
// registers no OpenTelemetry SDK, and with none registered the real API has no active span either: what is here.
export const context = { active: () => undefined };
export const trace = { getSpan: () => undefined };
