import { flowKit } from "../../../flows/index.js";
import { flowButton } from "../callbacks.js";

export { AGAIN, type FlowInput, forgetAnswered } from "../../../flows/index.js";

/** The conversation kit bound to the letter flow's buttons (`lw:<token>:<action>:<arg>`). */
const letterKit = flowKit(flowButton);
export const { ask, waitInput, keyboard: flowKeyboard } = letterKit;
