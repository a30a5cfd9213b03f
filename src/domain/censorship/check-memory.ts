import type { CheckOptions, CheckResult } from "./types.js";

/** What a check read and what it found; `options` as `checkLetter` took them. */
export interface RememberedCheck {
  text: string;
  options: Required<CheckOptions>;
  result: CheckResult;
}

export interface CheckMemoryLimits {
  /** Characters of text held in all, the bulk of the memory (a Cyrillic letter is two bytes a character). */
  characters: number;
  /** Writers held at most. */
  writers: number;
}

/**
 * The latest check run ahead for each writer (docs/production.md, "Issue 14, fourteenth round (z35f)"), least recently
 * kept first out. A check is given back only for exactly what it read: the same text, prison system and status; the
 * check's code and lexicons are the process's, so a memory never outlives a deploy. One entry a writer: a newer check
 * replaces the older, and taking it (or asking with anything else) empties the writer's slot, so a result is never
 * handed out twice (its caller may keep or change it).
 */
export class CheckMemory {
  private readonly entries = new Map<number, RememberedCheck>();
  private held = 0;

  constructor(private readonly limits: CheckMemoryLimits) {}

  keep(writerId: number, check: RememberedCheck): void {
    this.forget(writerId);
    if (check.text.length > this.limits.characters) return;
    this.entries.set(writerId, check);
    this.held += check.text.length;
    for (const [oldest] of this.entries) {
      if (this.held <= this.limits.characters && this.entries.size <= this.limits.writers) break;
      this.forget(oldest);
    }
  }

  /** The writer's check of exactly this text under these options, if one was kept; the slot is emptied either way. */
  take(writerId: number, text: string, options: Required<CheckOptions>): CheckResult | undefined {
    const kept = this.entries.get(writerId);
    if (!kept) return undefined;
    this.forget(writerId);
    const same = kept.text === text && kept.options.system === options.system && kept.options.status === options.status;
    return same ? kept.result : undefined;
  }

  forget(writerId: number): void {
    const kept = this.entries.get(writerId);
    if (!kept) return;
    this.entries.delete(writerId);
    this.held -= kept.text.length;
  }

  /** Writers and characters held, for tests and the bench. */
  size(): { writers: number; characters: number } {
    return { writers: this.entries.size, characters: this.held };
  }
}
