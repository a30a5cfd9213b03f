/**
 * The editor page's first script, inlined at the top of <head>: it reads the launch parameters and asks for the
 * writer's draft at once, so that the request travels while the rest of the page (stylesheet, editor script) is
 * still arriving and being parsed. The editor's script (main.ts) takes the answer over.
 */
import { startSession } from "./api.js";
import { telegramLanguage } from "./language.js";
import { applyTheme, readLaunchParams } from "./telegram.js";

performance.mark("lysty-boot");
const launch = readLaunchParams();
if (launch) {
  startSession(launch);
  // The page's language until the session names the writer's (their /language choice, most often Telegram's own):
  // set now, before anything is styled, it costs nothing; changed after the first style, it restyles and lays out the
  // whole page in the frame that paints the letter.
  const language = telegramLanguage(launch.initData);
  if (language) document.documentElement.lang = language;
  // Telegram's theme too: set on the root before the first style, where the editor's script setting it restyled every
  // element of the page while the session's answer was on its way.
  applyTheme(launch.theme);
}
