import { type Clock, clockTimeout } from "../../clock.js";
import { CheckMemory, type CheckMemoryLimits } from "../../domain/censorship/check-memory.js";
import type { Logger } from "../../logger.js";

export interface CheckAheadSettings {
  /** How long a writer sends nothing after a message before their draft is checked ahead. */
  idleMs: number;
  /** Drafts shorter than this are not checked ahead: "Done" checks them itself within the step's budget. */
  minCharacters: number;
  /**
   * Only a message this long (or a paste's pieces) arms the timer: a paste is followed by a reading, while a writer
   * typing paragraphs pauses after each one, and checking ahead after each would check the letter once a message.
   */
  minMessage: number;
  memory: CheckMemoryLimits;
}

/**
 * 2 s: a writer reading the draft over before "Done" pauses longer, one pasting pieces or typing on does not.
 * 3,000 characters: "check" on a shorter clean letter stays near 0.5 ms with its own check (docs/production.md).
 * 2,000 characters a message: more than a typed paragraph, less than the app's 4,096-character pieces of a paste.
 * 2,000,000 characters: about 4 MB of Cyrillic text and its findings, 166 writers of 12,000-character letters.
 */
export const CHECK_AHEAD_SETTINGS: CheckAheadSettings = {
  idleMs: 2_000,
  minCharacters: 3_000,
  minMessage: 2_000,
  memory: { characters: 2_000_000, writers: 2_000 },
};

/**
 * Checks the writer's draft to `slug` and keeps the result in `memory`, unless `current()` turns false before the
 * check (a newer message or "Done" came meanwhile); drafts under `minCharacters` are left alone.
 */
export type CheckDraftAhead = (job: { writerId: number; slug: string; memory: CheckMemory; minCharacters: number; current: () => boolean }) => Promise<void>;

/**
 * The censorship check run while the writer pauses (docs/production.md, "Issue 14, fourteenth round (z35f)"): each
 * message saved to a long draft arms the writer's idle timer, which their next update cancels; when it fires, the
 * draft is read and checked in the background, and "Done" takes the result if it checked exactly the text, system and
 * status "Done" reads (`CheckMemory`), else checks as before. Nothing of the writer's flow waits for it; the timers do
 * not keep the process alive. Per instance: "Done" taken by another instance checks for itself.
 */
export class ChecksAhead {
  readonly memory: CheckMemory;
  /** The writer's armed timer or running check; replaced or removed by their next update. */
  private readonly turns = new Map<number, { cancel?: () => void }>();
  private readonly running = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    private readonly deps: { clock: Clock; logger: Logger },
    private readonly checkAhead: CheckDraftAhead,
    private readonly settings: CheckAheadSettings = CHECK_AHEAD_SETTINGS,
  ) {
    this.memory = new CheckMemory(settings.memory);
  }

  /**
   * A message saved to the writer's draft: `draft`, its length afterwards when known here; `message`, the message's
   * length, or "paste" for a piece of a paste (joined to another). The draft is checked if they pause after a long one.
   */
  saved(writerId: number, slug: string, saved: { draft?: number; message: number | "paste" }): void {
    this.cancel(writerId);
    // What was kept checked the draft before this message: "Done" would not take it, so it need not be held.
    this.memory.forget(writerId);
    const { draft, message } = saved;
    if (this.stopped || (message !== "paste" && message < this.settings.minMessage)) return;
    if (draft !== undefined && draft < this.settings.minCharacters) return;
    const turn: { cancel?: () => void } = {};
    turn.cancel = clockTimeout(this.deps.clock, this.settings.idleMs, () => this.run(writerId, slug, turn), { unref: true });
    this.turns.set(writerId, turn);
  }

  /** Any other update of the writer in the writing stage: an armed timer or a check under way is dropped. */
  cancel(writerId: number): void {
    const turn = this.turns.get(writerId);
    if (!turn) return;
    this.turns.delete(writerId);
    turn.cancel?.();
  }

  /** Writers with a timer armed or a check under way (tests, the bench). */
  pending(): number {
    return this.turns.size;
  }

  /** Resolves once the checks under way have ended (tests, the bench: a pause's check done before "Done"). */
  async settled(): Promise<void> {
    await Promise.all(this.running);
  }

  /** Cancels every timer and waits for the checks under way: called before the database closes. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const writerId of [...this.turns.keys()]) this.cancel(writerId);
    await this.settled();
  }

  private run(writerId: number, slug: string, turn: { cancel?: () => void }): void {
    delete turn.cancel;
    const current = () => !this.stopped && this.turns.get(writerId) === turn;
    const job = this.checkAhead({ writerId, slug, memory: this.memory, minCharacters: this.settings.minCharacters, current })
      .catch((error: unknown) => this.deps.logger.warn({ err: error }, "check ahead failed"))
      .finally(() => {
        this.running.delete(job);
        if (this.turns.get(writerId) === turn) this.turns.delete(writerId);
      });
    this.running.add(job);
  }
}
