import type pg from "pg";

let loaded: Promise<typeof pg> | undefined;

/**
 * The Postgres driver, imported on first use: a SQLite deployment (the default) never loads it, which keeps it out of
 * the start-up time and the resident memory of most installations.
 */
export function loadPg(): Promise<typeof pg> {
  loaded ??= import("pg").then(({ default: driver }) => {
    // Postgres returns BIGINT as a string by default; Telegram ids and counters fit a JS number (ids < 2^53).
    driver.types.setTypeParser(driver.types.builtins.INT8, (value) => Number(value));
    return driver;
  });
  return loaded;
}
