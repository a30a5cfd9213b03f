/**
 * Keeps one search index for the running bot and rebuilds it after the directory changes. Changes made in this
 * process (an organiser moving a prisoner) call `invalidate()`; changes made by another process (the import command)
 * are noticed through `version`, a cheap fingerprint of the directory checked at most every `recheckMs`.
 */
import type { SearchEntry } from "./entry.js";
import { buildSearchIndex, type SearchIndex } from "./search-index.js";
import { type SearchPage, searchPrisoners } from "./search.js";

export interface DirectorySearchOptions {
  version?: () => Promise<string>;
  recheckMs?: number;
  clock?: () => number;
}

export class DirectorySearch {
  private index: Promise<SearchIndex> | undefined;
  private builtVersion: string | undefined;
  private lastCheck = 0;
  private readonly recheckMs: number;
  private readonly clock: () => number;

  constructor(
    private readonly load: () => Promise<readonly SearchEntry[]>,
    private readonly options: DirectorySearchOptions = {},
  ) {
    this.recheckMs = options.recheckMs ?? 60_000;
    this.clock = options.clock ?? Date.now;
  }

  async search(text: string, page = 1, within?: (slug: string) => boolean): Promise<SearchPage> {
    await this.dropIfChangedElsewhere();
    return searchPrisoners(await this.currentIndex(), text, page, within);
  }

  invalidate(): void {
    this.index = undefined;
    this.builtVersion = undefined;
  }

  private async dropIfChangedElsewhere(): Promise<void> {
    const { version } = this.options;
    if (!version || !this.index || this.clock() - this.lastCheck < this.recheckMs) return;
    this.lastCheck = this.clock();
    if ((await version()) !== this.builtVersion) this.invalidate();
  }

  private currentIndex(): Promise<SearchIndex> {
    if (this.index) return this.index;
    const building = (async () => {
      // Read the fingerprint before the records: a change in between triggers one more rebuild, never a stale index.
      const version = await this.options.version?.();
      const entries = await this.load();
      this.builtVersion = version;
      this.lastCheck = this.clock();
      return buildSearchIndex(entries);
    })();
    this.index = building;
    // A failed load must not be cached: the next search tries again.
    building.catch(() => {
      if (this.index === building) this.index = undefined;
    });
    return building;
  }
}
