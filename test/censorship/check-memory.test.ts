import { describe, expect, it } from "vitest";
import { checkLetter } from "../../src/domain/censorship/index.js";
import { CheckMemory } from "../../src/domain/censorship/check-memory.js";

const RU = { system: "ru", status: "sentenced" } as const;
const TEXT = "Здравствуйте! Пишу Вам из Кракова, у нас тепло.";

function kept(text: string, options: typeof RU | { system: "ru" | "by"; status: "pretrial" | "sentenced" } = RU) {
  return { text, options, result: checkLetter(text, options) };
}

describe("CheckMemory: a check kept ahead is given back only for exactly what it read", () => {
  it("gives the kept result back once for the same text, system and status", () => {
    const memory = new CheckMemory({ characters: 10_000, writers: 10 });
    const check = kept(TEXT);
    memory.keep(1, check);
    expect(memory.take(1, TEXT, RU)).toBe(check.result);
    expect(memory.take(1, TEXT, RU)).toBeUndefined();
    expect(memory.size()).toEqual({ writers: 0, characters: 0 });
  });

  it("gives nothing for a text one character different, another system or another status, and empties the slot", () => {
    const memory = new CheckMemory({ characters: 10_000, writers: 10 });
    const asked = [
      [`${TEXT} `, RU],
      [TEXT.replace("Кракова", "Краковa"), RU],
      [TEXT, { system: "by", status: "sentenced" }],
      [TEXT, { system: "ru", status: "pretrial" }],
    ] as const;
    for (const [text, options] of asked) {
      memory.keep(1, kept(TEXT));
      expect(memory.take(1, text, options)).toBeUndefined();
      expect(memory.take(1, TEXT, RU)).toBeUndefined();
    }
  });

  it("keeps one check a writer (the newer replaces the older) and never hands out another writer's", () => {
    const memory = new CheckMemory({ characters: 10_000, writers: 10 });
    memory.keep(1, kept(TEXT));
    const newer = kept(`${TEXT}\n\nЕщё абзац.`);
    memory.keep(1, newer);
    expect(memory.size()).toEqual({ writers: 1, characters: newer.text.length });
    expect(memory.take(2, newer.text, RU)).toBeUndefined();
    expect(memory.take(1, TEXT, RU)).toBeUndefined();
    memory.keep(1, newer);
    expect(memory.take(1, newer.text, RU)).toBe(newer.result);
  });

  it("drops the least recently kept writers past its characters or its writers, and keeps nothing larger than itself", () => {
    const memory = new CheckMemory({ characters: 3 * TEXT.length, writers: 3 });
    for (const writer of [1, 2, 3]) memory.keep(writer, kept(TEXT));
    memory.keep(1, kept(TEXT));
    memory.keep(4, kept(TEXT));
    expect(memory.size()).toEqual({ writers: 3, characters: 3 * TEXT.length });
    expect(memory.take(2, TEXT, RU)).toBeUndefined();
    for (const writer of [3, 1, 4]) expect(memory.take(writer, TEXT, RU)).toBeDefined();

    const small = new CheckMemory({ characters: 2 * TEXT.length, writers: 10 });
    for (const writer of [1, 2]) small.keep(writer, kept(TEXT));
    small.keep(3, kept(`${TEXT}${TEXT}`));
    expect(small.size().writers).toBe(1);
    expect(small.take(3, `${TEXT}${TEXT}`, RU)).toBeDefined();
    small.keep(4, kept(TEXT.repeat(3)));
    expect(small.size()).toEqual({ writers: 0, characters: 0 });
  });
});
