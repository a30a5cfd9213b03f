import { describe, expect, it } from "vitest";
import {
  availableNameForms,
  buildStarterBlocks,
  composeStarter,
  composeStarterParts,
  type NameForm,
  type StarterRecipient,
  StarterSelectionError,
  type StarterWriter,
  starterChoices,
  suggestQuestions,
} from "../../src/domain/letters/starter.js";
import {
  loadStarterCatalog,
  parseStarterCatalog,
  type StarterCatalog,
  type StarterOption,
} from "../../src/domain/letters/starter-catalog.js";
import type { Gender } from "../../src/domain/letters/types.js";

const vladimir: StarterRecipient = { givenNameRu: "Владимир", patronymicRu: "Григорьевич", gender: "male" };
const ruslan: StarterRecipient = { givenNameRu: "Руслан", patronymicRu: "Борисович", gender: "male" };
const darya: StarterRecipient = { givenNameRu: "Дарья", patronymicRu: "Сергеевна", gender: "female" };
const withoutPatronymic: StarterRecipient = { givenNameRu: "Дарья", gender: "female" };
const oksana: StarterWriter = { name: "Оксана", city: "Львов", gender: "female" };

const catalog = loadStarterCatalog();
const allQuestions = [...catalog.interestTopics.map((topic) => topic.question), ...catalog.genericQuestions];
const allOptions: StarterOption[] = [
  ...catalog.greetings,
  ...catalog.openings,
  ...catalog.introductions,
  ...allQuestions,
  ...catalog.wishes,
  ...catalog.signOffs,
];

/** Every text a writer could get: each option for each name form, prisoner gender and writer gender. */
function everyResolvedText(filter: (option: StarterOption) => boolean = () => true) {
  const results: { text: string; form: NameForm; recipientGender: Gender; writerGender: Gender | undefined }[] = [];
  for (const form of ["formal", "polite", "informal"] as const) {
    for (const recipient of [vladimir, darya]) {
      for (const writerGender of ["male", "female", undefined] as const) {
        const writer: StarterWriter = { name: "Оксана", city: "Львов", gender: writerGender };
        const choices = starterChoices(recipient, writer, form);
        const blocks = [
          ...choices.greetings,
          ...choices.openings,
          ...choices.introductions,
          ...buildStarterBlocks(recipient, { nameForm: form, questionIds: allQuestions.map((q) => q.id) }, writer).slice(1),
          ...choices.wishes,
          ...choices.signOffs,
        ];
        for (const block of blocks) {
          const option = allOptions.find((candidate) => candidate.id === block.optionId && candidate.gloss === block.gloss.key);
          if (option && filter(option)) {
            results.push({ text: block.text, form, recipientGender: recipient.gender, writerGender });
          }
        }
      }
    }
  }
  return results;
}

/** Whole-word matching on Cyrillic: JavaScript's \b does not see Cyrillic letters as word characters. */
const word = (pattern: string, flags = "u") => new RegExp(`(?<!\\p{L})(?:${pattern})(?!\\p{L})`, flags);

describe("greetings", () => {
  it("greets formally with name and patronymic, in the nominative", () => {
    expect(composeStarter(vladimir, { nameForm: "formal" }, {})).toBe("Здравствуйте, Владимир Григорьевич!");
  });

  it("greets informally and politely by first name", () => {
    expect(composeStarter(ruslan, { nameForm: "informal" }, {})).toBe("Привет, Руслан!");
    expect(composeStarter(darya, { nameForm: "polite" }, {})).toBe("Здравствуйте, Дарья!");
  });

  it("agrees «уважаемый / дорогой» with the prisoner's gender", () => {
    expect(composeStarter(vladimir, { nameForm: "formal", greetingId: "formal-respected" }, {})).toBe(
      "Уважаемый Владимир Григорьевич!",
    );
    expect(composeStarter(darya, { nameForm: "formal", greetingId: "formal-respected" }, {})).toBe(
      "Уважаемая Дарья Сергеевна!",
    );
    expect(composeStarter(darya, { nameForm: "polite", greetingId: "polite-dear" }, {})).toBe("Дорогая Дарья, здравствуйте!");
    expect(composeStarter(ruslan, { nameForm: "informal", greetingId: "informal-dear" }, {})).toBe("Дорогой Руслан, привет!");
  });

  it("offers the formal form only when the patronymic is known", () => {
    expect(availableNameForms(vladimir)).toEqual(["formal", "polite", "informal"]);
    expect(availableNameForms(withoutPatronymic)).toEqual(["polite", "informal"]);
    expect(() => composeStarter(withoutPatronymic, { nameForm: "formal" }, {})).toThrow(StarterSelectionError);
  });

  it("refuses a greeting of another name form", () => {
    expect(() => composeStarter(ruslan, { nameForm: "informal", greetingId: "formal-hello" }, {})).toThrow(
      StarterSelectionError,
    );
  });
});

describe("the opening for a prisoner in a punishment cell", () => {
  const opening = (recipient: StarterRecipient, form: NameForm, writer: StarterWriter) =>
    buildStarterBlocks(recipient, { nameForm: form, occasion: "punishment-cell" }, writer)[1]?.text;

  it("is gendered by the writer's chosen form", () => {
    expect(opening(vladimir, "formal", { gender: "male" })).toMatch(/^Я узнал, что Вам сейчас непросто, и решил написать/u);
    expect(opening(vladimir, "formal", { gender: "female" })).toMatch(/^Я узнала, что Вам сейчас непросто, и решила написать/u);
    expect(opening(ruslan, "informal", { gender: "female" })).toMatch(/^Я узнала, что тебе сейчас непросто/u);
  });

  it("uses neutral phrasing when the writer chose no form", () => {
    const text = opening(darya, "polite", {});
    expect(text).toMatch(/^Знаю, что Вам сейчас непросто/u);
    expect(text).not.toMatch(word("узнал|узнала|решил|решила"));
  });

  it("does not name the punishment cell", () => {
    for (const { text } of everyResolvedText((option) => option.id === "punishment-cell")) {
      expect(text).not.toMatch(/ШИЗО|карцер|штрафн/iu);
    }
  });
});

describe("Russian grammar across the whole catalog", () => {
  it("keeps «Вы» (capitalised, as in a letter) and «ты» apart", () => {
    const texts = everyResolvedText();
    expect(texts.length).toBeGreaterThan(300);
    for (const { text, form } of texts) {
      if (form === "informal") {
        expect(text).not.toMatch(word("Вы|Вас|Вам|Вами|Ваш\\p{L}*|вы|вас|вам|ваш\\p{L}*|Знайте|Расскажите"));
      } else {
        expect(text).not.toMatch(word("ты|тебя|тебе|тобой|твой|твоя|твоё|твоему|Знай|Расскажи|Привет", "iu"));
        // Polite «вы» addressed to one person is capitalised in letters.
        expect(text).not.toMatch(word("вы|вас|вам|вами|ваш\\p{L}*"));
      }
    }
  });

  it("agrees the writer's own verbs and adjectives with the gender they chose", () => {
    const aboutWriter = (option: StarterOption) =>
      catalog.openings.includes(option as never) ||
      catalog.introductions.includes(option) ||
      catalog.wishes.includes(option);
    for (const { text, writerGender } of everyResolvedText(aboutWriter)) {
      const feminine = word("узнала|решила|хотела|собралась|рада");
      const masculine = word("узнал|решил|хотел|собрался|рад");
      if (writerGender === "male") expect(text).not.toMatch(feminine);
      if (writerGender === "female") expect(text).not.toMatch(masculine);
      if (writerGender === undefined) {
        expect(text).not.toMatch(feminine);
        expect(text).not.toMatch(masculine);
      }
    }
  });

  it("agrees «ты» forms and «один / одна» with the prisoner's gender", () => {
    const pick = (recipient: StarterRecipient, form: NameForm, wishIds: string[], questionIds: string[] = []) =>
      composeStarterParts(recipient, { nameForm: form, wishIds, questionIds }, {});
    expect(pick(darya, "polite", ["not-alone"]).ending).toBe("Вы не одна: о Вас думают многие люди.");
    expect(pick(ruslan, "polite", ["not-alone"]).ending).toBe("Вы не один: о Вас думают многие люди.");
    expect(pick(darya, "informal", ["not-alone"]).ending).toBe("Ты не одна: о тебе думают многие люди.");
    // Questions belong to the ending: the writer's own paragraphs go in before them (issue 15).
    expect(pick(darya, "informal", [], ["films"]).ending).toContain("который ты готова пересматривать");
    expect(pick(ruslan, "informal", [], ["films"]).ending).toContain("который ты готов пересматривать");
    expect(pick(darya, "polite", [], ["films"]).ending).toContain("который Вы готовы пересматривать");
    for (const { text, recipientGender } of everyResolvedText()) {
      if (recipientGender === "male") expect(text).not.toMatch(word("одна|готова|занималась|мечтала|сама|посоветовала"));
      else expect(text).not.toMatch(word("один|готов|занимался|мечтал|сам|посоветовал"));
    }
  });

  it("never offers the phrases prisoners asked people not to write", () => {
    for (const { text } of everyResolvedText()) {
      expect(text).not.toMatch(/держи|не унывай|свобод|борьб|жаль|бедн|скоро выйд/iu);
    }
  });

  it("fills every placeholder", () => {
    for (const { text } of everyResolvedText()) expect(text).not.toMatch(/[{}]/u);
  });
});

describe("composing a starter", () => {
  it("puts greeting, opening and introduction, questions, wishes and sign-off in paragraphs", () => {
    const text = composeStarter(
      vladimir,
      {
        nameForm: "formal",
        occasion: "punishment-cell",
        introductionIds: ["name-and-city"],
        questionIds: ["books", "chess"],
        wishIds: ["health-books-news", "reply-welcome"],
        signOffId: "warmth",
      },
      oksana,
    );
    expect(text).toBe(
      [
        "Здравствуйте, Владимир Григорьевич!",
        "Я узнала, что Вам сейчас непросто, и решила написать: пусть у Вас будет письмо, которое просто приятно " +
          "прочитать. Меня зовут Оксана, мой город — Львов.",
        "Что Вы сейчас читаете? Какую книгу Вы мне посоветуете? Вы играете в шахматы? Кто Ваш любимый шахматист?",
        "Желаю Вам здоровья, интересных книг и хороших новостей. Буду рада Вашему ответу, если захочется написать.",
        "С теплом,",
      ].join("\n\n"),
    );
  });

  it("splits the starter where the writer's own story belongs", () => {
    const parts = composeStarterParts(
      ruslan,
      { nameForm: "informal", introductionIds: ["strangers"], wishIds: ["remembered"], signOffId: "all-the-best" },
      {},
    );
    expect(parts).toEqual({
      beginning: "Привет, Руслан!\n\nМы с тобой не знакомы, но мне захотелось тебе написать.",
      ending: "Знай, что о тебе помнят.\n\nВсего тебе доброго!",
    });
  });

  it("offers introductions with a name or city only when the writer gave them, and refuses them otherwise", () => {
    const anonymous = starterChoices(vladimir, {}, "formal").introductions.map((block) => block.optionId);
    expect(anonymous).toEqual(["strangers", "long-wanted"]);
    const named = starterChoices(vladimir, { name: "Оксана" }, "formal").introductions.map((block) => block.optionId);
    expect(named).toEqual(["name", "strangers", "long-wanted"]);
    expect(() => composeStarter(vladimir, { nameForm: "formal", introductionIds: ["name-and-city"] }, { name: "Оксана" })).toThrow(
      /writerCity|details/u,
    );
  });

  it("ignores a repeated selection and rejects an unknown one", () => {
    const blocks = buildStarterBlocks(darya, { nameForm: "polite", questionIds: ["books", "books"] }, {});
    expect(blocks.map((block) => block.optionId)).toEqual(["polite-hello", "books"]);
    expect(() => buildStarterBlocks(darya, { nameForm: "polite", wishIds: ["hang-in-there"] }, {})).toThrow(StarterSelectionError);
  });

  it("gives each block a gloss key with the names it mentions", () => {
    const [greeting, intro] = buildStarterBlocks(vladimir, { nameForm: "formal", introductionIds: ["name-and-city"] }, oksana);
    expect(greeting?.gloss).toEqual({
      key: "letter-starter-gloss-greeting-formal-hello",
      args: { recipientName: "Владимир Григорьевич", recipientGender: "male", writerGender: "female", writerName: "Оксана", writerCity: "Львов" },
    });
    expect(intro?.gloss.key).toBe("letter-starter-gloss-intro-name-and-city");
  });
});

describe("questions from interests", () => {
  const ids = (interests: string[]) => suggestQuestions(interests).map((question) => question.id);

  it("maps the prisoner's interest tags to questions, in their order", () => {
    expect(ids(["poetry", "reading"])).toEqual(["poetry", "books"]);
    expect(ids(["mathematics", "writing", "ecology"])).toEqual(["mathematics", "writing", "ecology"]);
  });

  it("understands tags in Russian and Ukrainian, in any case, with «ё»", () => {
    expect(ids(["Книги", "  ШАХМАТЫ "])).toEqual(["books", "chess"]);
    expect(ids(["вірші"])).toEqual(["poetry"]);
  });

  it("falls back to generic questions when no interest is known or none matches", () => {
    const generic = catalog.genericQuestions.map((question) => question.id);
    expect(ids([])).toEqual(generic);
    expect(ids(["knitting"])).toEqual(generic);
  });

  it("offers the matched questions in the constructor", () => {
    const choices = starterChoices({ ...darya, interests: ["theatre"] }, {}, "polite");
    expect(choices.questions.map((block) => [block.optionId, block.text])).toEqual([
      ["theatre", "Вы любите театр? Какой спектакль Вам запомнился больше всего?"],
    ]);
  });
});

describe("the catalog file", () => {
  const minimal = (): StarterCatalog => JSON.parse(JSON.stringify(catalog)) as StarterCatalog;

  it("loads and validates the shipped data", () => {
    expect(() => parseStarterCatalog(minimal())).not.toThrow();
  });

  it("rejects an unknown placeholder", () => {
    const broken = minimal();
    broken.wishes[0] = { id: "x", gloss: "letter-starter-gloss-x", text: "Привет, {prisonerName}!" };
    expect(() => parseStarterCatalog(broken)).toThrow();
  });

  it("rejects a text that mixes dimensions on one level", () => {
    const broken = minimal() as unknown as { wishes: unknown[] };
    broken.wishes.push({ id: "mixed", gloss: "letter-starter-gloss-mixed", text: { vy: "А", toMale: "Б" } });
    expect(() => parseStarterCatalog(broken)).toThrow();
  });

  it("rejects duplicate ids within a block", () => {
    const broken = minimal();
    broken.signOffs.push({ ...catalog.signOffs[0]! });
    expect(() => parseStarterCatalog(broken)).toThrow(/duplicate/u);
  });
});
