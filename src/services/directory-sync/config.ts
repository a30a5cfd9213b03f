/** Settings of the directory sync live with the rest of the environment in `src/config.ts`. */
export { LIVE_SOURCES, parseSyncConfig, type SourceSettings, type SyncConfig, USER_AGENT } from "../../config.js";
