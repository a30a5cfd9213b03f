/**
 * "Write a letter" (issue 5). `letterFlows` goes in section 2 of src/bot/index.ts, `letterFeature` in section 3.
 * Other features start the flow with `enterLetterFlow(ctx, { slug, opening? })` or `writeLetterButton(ctx, slug)`
 * (./entry.ts), a `write:<slug>[:<opening>]` button (`writeLetterData`, src/services/letters/buttons.ts) or the deep
 * link `/start w_<slug>`.
 */
export { letterFlows } from "./flows.js";
export { letterFeature } from "./feature.js";
export { inWritingStage, leaveWritingStageOf, writingStageOf } from "./writing-stage.js";
export { upgradeOlderLetterFlow } from "./flow/upgrade.js";
