/**
 * "Write a letter" (issue 5). `letterStageEarly` goes right after the locale in src/bot/index.ts, `letterDeepLink` in
 * section 1 (after `leaveFlowsOnCommand`), `letterFlows` in section 2, `letterFeature` in section 3.
 * Other features start the flow with `enterLetterFlow(ctx, { slug, opening? })` or `writeLetterButton(ctx, slug)`
 * (./entry.ts), a `write:<slug>[:<opening>]` button (`writeLetterData`, src/services/letters/buttons.ts) or the deep
 * link `/start w_<slug>`.
 */
export { letterFlows } from "./flows.js";
export { letterStageEarly } from "./stage-early.js";
export { letterDeepLink, letterFeature } from "./feature.js";
export { inWritingStage, leaveWritingStageForFlowOf, leaveWritingStageOf, writingStageOf } from "./writing-stage.js";
export { upgradeOlderLetterFlow } from "./flow/upgrade.js";
