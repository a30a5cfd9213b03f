/**
 * "Write a letter" (issue 5). `letterFlows` goes in section 2 of src/bot/index.ts, `letterFeature` in section 3.
 * Other features start the flow with `enterLetterFlow(ctx, { slug, opening? })`, a `write:<slug>[:<opening>]` button
 * (`writeLetterButton`; the data itself, `writeLetterData`, is in src/services/letters/buttons.ts) or the deep link `/start w_<slug>`.
 */
export { letterFlows } from "./flows.js";
export { letterFeature } from "./feature.js";
export { enterLetterFlow, writeLetterButton } from "./entry.js";
export { LETTER_FLOW_ID, type LetterFlowArgs } from "./flow/letter-flow.js";
