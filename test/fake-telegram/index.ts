/** The fake Bot API is its own package now (packages/fake-telegram); this path keeps older imports working. */
export * from "../../packages/fake-telegram/src/index.js";
