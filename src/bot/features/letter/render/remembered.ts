/**
 * Texts of the letter flow's screens that depend on nothing but the reader's locale and directory data (issue 14: the
 * opening screen, the writing screen's title, the buttons' labels), kept by a key made of everything they are made
 * of. A change of the directory or of the writer's language is therefore another key, never a stale text: nothing is
 * invalidated, and a text the translations or the directory no longer produce is simply not asked for again. Bounded:
 * past `limit` keys the oldest goes first. No writer's data (letter text, signature, token) may go into a key or a text.
 */
export class RememberedTexts<V> {
  private readonly texts = new Map<string, V>();

  constructor(private readonly limit = 500) {}

  get(key: string, make: () => V): V {
    const known = this.texts.get(key);
    if (known !== undefined) return known;
    const made = make();
    this.texts.set(key, made);
    if (this.texts.size > this.limit) this.texts.delete(this.texts.keys().next().value as string);
    return made;
  }

  /** How many texts are kept (for tests). */
  get size(): number {
    return this.texts.size;
  }
}
