/** Every instance, so that a test can look through all of them for a writer's data (`rememberedTextsInclude`). */
const everyInstance = new Set<RememberedTexts<unknown>>();

/**
 * Texts of the letter flow's screens that depend on nothing but the reader's locale and directory data (issue 14: the
 * opening screen, the writing screen's title, the buttons' labels), kept by a key made of everything they are made
 * of. A change of the directory or of the writer's language is therefore another key, never a stale text: nothing is
 * invalidated, and a text the translations or the directory no longer produce is simply not asked for again. Bounded:
 * past `limit` keys the oldest goes first. No writer's data (letter text, signature, token, a person they added
 * themselves) may go into a key or a text: /forget deletes rows, and cannot reach what each instance keeps in memory.
 */
export class RememberedTexts<V> {
  private readonly texts = new Map<string, V>();

  constructor(private readonly limit = 500) {
    everyInstance.add(this);
  }

  get(key: string, make: () => V): V {
    const known = this.texts.get(key);
    if (known !== undefined) return known;
    const made = make();
    this.texts.set(key, made);
    if (this.texts.size > this.limit) this.texts.delete(this.texts.keys().next().value as string);
    return made;
  }

  /**
   * A text about `person`, kept only when the person is the public directory's: the card of someone not in the list
   * holds the name and birth year a writer typed (docs/directory.md), so its texts are made each time instead.
   */
  about(person: { unchecked?: boolean | undefined }, key: string, make: () => V): V {
    return person.unchecked ? make() : this.get(key, make);
  }

  /** How many texts are kept (for tests). */
  get size(): number {
    return this.texts.size;
  }

  /** Whether any key or text holds `fragment` (for tests). */
  includes(fragment: string): boolean {
    for (const [key, text] of this.texts) if (key.includes(fragment) || JSON.stringify(text).includes(fragment)) return true;
    return false;
  }
}

/** Whether any remembered text of this process holds `fragment` (for tests: what /forget must leave behind). */
export function rememberedTextsInclude(fragment: string): boolean {
  return [...everyInstance].some((texts) => texts.includes(fragment));
}
