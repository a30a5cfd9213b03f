// Stands in for whatwg-url inside the bot's bundle (scripts/bundle-bot.mjs). node-fetch 2 (grammY's fetch on Node)
// requires it at load but uses it only where Node has no URL class (`Url.URL || whatwgUrl.URL`); Node 20 has one.
// The real package brings tr46's Unicode mapping table: 350 KB of code to compile and evaluate at every start.
export const URL = globalThis.URL;
export const URLSearchParams = globalThis.URLSearchParams;
