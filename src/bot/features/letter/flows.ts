import { Composer } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import type { BotContext, FlowContext } from "../../context.js";
import { LETTER_FLOW_ID, letterFlow } from "./flow/letter-flow.js";
import { letterWritingStage } from "./writing-stage.js";

const composer = new Composer<BotContext>();

composer.use(createConversation<BotContext, FlowContext>(letterFlow, LETTER_FLOW_ID));
// The writing stage is no conversation: its updates are handled where the flow's would be, after the conversation's
// registration, which its hand-over enters (docs/letter-flow-stages.md).
composer.use(letterWritingStage);

export { composer as letterFlows };
