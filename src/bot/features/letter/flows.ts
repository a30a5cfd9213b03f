import { Composer } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import type { BotContext, FlowContext } from "../../context.js";
import { LETTER_FLOW_ID, letterFlow } from "./flow/letter-flow.js";

const composer = new Composer<BotContext>();

composer.use(createConversation<BotContext, FlowContext>(letterFlow, LETTER_FLOW_ID));

export { composer as letterFlows };
