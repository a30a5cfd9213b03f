import { describe, expect, it } from "vitest";
import { compileLexicon, lookUpWord, type WordLookup } from "../../src/domain/censorship/compile.js";
import { ConceptTermArena } from "../../src/domain/censorship/concept-terms.js";
import { compileContext, type ContextData, readContext } from "../../src/domain/censorship/context.js";
import { tokenize } from "../../src/domain/censorship/tokenize.js";

const data: ContextData = {
  classes: {
    home: { terms: ["дом", "наш дом", "рідний дім*"] },
    // A phrase listed before the one-word term of its class gives the class its span; one listed after never does.
    night: { terms: ["этой ночью", "ночью поздно", "ночью", "ночью рано"] },
    taken: { terms: ["забрали", "был задержан", "були затримані"] },
    news: { terms: ["in the news", "in the newspapers", "in the war"] },
    // Two classes of one expression: the letter is scanned once for both.
    year: { terms: ["нынче"], regex: "(?<!\\d)20(?:1[4-9]|2\\d)(?!\\d)" },
    "year-again": { terms: ["тогда"], regex: "(?<!\\d)20(?:1[4-9]|2\\d)(?!\\d)" },
    // Many phrases of one first word: read through a record per next letter.
    ours: { terms: ["у нас", "у них", "у брата", "у сестры", "у мамы", "у папы", "у соседей", "у друзей", "у нас дома", "у вас"] },
  },
  frames: [
    { id: "frame-a", when: [["home"], ["night"]], category: "war", severity: "danger", source: "test" },
  ],
  senses: [],
};

/** Each sentence's classes as "class start-end". */
function classesOf(context: ReturnType<typeof compileContext>, text: string, lookupOf?: (norm: string) => WordLookup): string[][] {
  const words = tokenize(text).words;
  const reading = readContext(text, words, context, new Map(), lookupOf && words.map((word) => lookupOf(word.norm)));
  return reading.sentences.map((sentence) =>
    context.classNames.flatMap((name, index) => {
      const position = sentence.classes.positionOf(index);
      return position < 0 ? [] : [`${name} ${sentence.classes.startAt(position)}-${sentence.classes.endAt(position)}`];
    }),
  );
}

describe("concept terms laid out per word (issue 16 speed)", () => {
  it("gives a class the span of its first matching term in the order written", () => {
    const context = compileContext(data);
    // «ночью поздно» before «ночью»: the phrase's span; «ночью рано» after «ночью»: the word's span only.
    expect(classesOf(context, "Этой ночью тихо. Ночью поздно звонили. Ночью рано встали.")).toEqual([
      ["night 0-10"],
      ["night 17-29"],
      ["night 39-44"],
    ]);
    expect(classesOf(context, "Наш дом цел. Рідний дімок стоїть.")).toEqual([["home 0-7"], ["home 13-25"]]);
  });

  it("tries a phrase only when the next word can continue it", () => {
    const context = compileContext(data);
    expect(classesOf(context, "У нас дома всё хорошо, у вас тоже.")).toEqual([["ours 0-5"]]);
    expect(classesOf(context, "У сестры был задержан муж. У")).toEqual([["taken 9-21", "ours 0-8"], []]);
    expect(classesOf(context, "Деньги у Бориса.")).toEqual([[]]);
    // The third word is compared too: «the letter» cannot continue «in the news».
    expect(classesOf(context, "In the letter. In the newspapers. In the news. In the")).toEqual([[], ["news 15-32"], ["news 34-45"], []]);
  });

  it("gives every class of an expression its first match in each sentence", () => {
    const context = compileContext(data);
    expect(context.regexes).toHaveLength(1);
    expect(classesOf(context, "В 2022 и 2023. Тогда, в 2015.")).toEqual([["year 2-6", "year-again 2-6"], ["year 24-28", "year-again 15-20"]]);
  });

  it("reads the same after the arena starts over, and never reads an offset of before", () => {
    const texts = [
      "Этой ночью у нас в дом прилетело. Брата забрали.",
      "Ночью поздно у брата был задержан сосед, наш дом цел.",
      "Рідний дімок стоїть, у соседей тихо, у мамы тоже.",
    ];
    const expected = texts.map((text) => classesOf(compileContext(data), text));
    const context = compileContext(data);
    // Room for a few records only: reading these texts starts the arena over several times.
    context.arena = new ConceptTermArena(context.arena.terms, 40);
    // The lexicon's lookups, one per distinct word, keep the records' offsets across letters.
    const lexicon = compileLexicon({ entries: [], adjustments: [] });
    const lookupOf = (norm: string): WordLookup => lookUpWord(lexicon, norm);
    const owners = new Set<object>();
    for (let round = 0; round < 3; round++) {
      for (const [index, text] of texts.entries()) {
        expect(classesOf(context, text, lookupOf), text).toEqual(expected[index]);
        owners.add(context.arena.owner);
      }
    }
    expect(owners.size).toBeGreaterThan(1);
  });
});
