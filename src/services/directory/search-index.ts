import type { DB } from "../../db/database.js";
import { directoryVersion, loadSearchEntries } from "../../db/repositories/prisoners.js";
import { DirectorySearch } from "../../domain/search/directory-search.js";
import type { ServiceDeps } from "../deps.js";

const searches = new WeakMap<DB, DirectorySearch>();

/**
 * The running bot's search index: one per database connection (a restart opens a new one), rebuilt when another
 * process changed the directory (checked at most once a minute on the bot's clock). Code that changes names in this
 * process calls `directorySearchFor(deps).invalidate()`.
 */
export function directorySearchFor(deps: Pick<ServiceDeps, "db" | "clock">): DirectorySearch {
  let search = searches.get(deps.db);
  if (!search) {
    const { db, clock } = deps;
    search = new DirectorySearch(() => loadSearchEntries(db), {
      version: () => directoryVersion(db),
      clock: () => clock.now().getTime(),
    });
    searches.set(db, search);
  }
  return search;
}
