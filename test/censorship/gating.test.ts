import { describe, expect, it } from "vitest";
import { checkLetter } from "../../src/domain/censorship/index.js";

/**
 * Language gating and prefix traps (issue 16, precision side): a word of one language that is an unrelated word of
 * another, and a prefix entry that caught longer unrelated words (found by running every word of the ru/uk/be/en
 * Hunspell dictionaries through the check, see docs/censorship.md). Each pair: the innocent word passes, the risky
 * one is still found.
 */
const categories = (text: string, system: "ru" | "by" = "ru") =>
  checkLetter(text, { system }).findings.filter((finding) => finding.category !== "language").map((finding) => finding.category);

describe.each([
  {
    rule: "ы and ё in a Belarusian sentence are Belarusian («плённы» is fruitful, not Russian «пленный»)",
    innocent: [["by", "Гэта быў вельмі плённы год для нашай сям'і."]],
    risky: [["ru", "Его сын уже полгода в плену."], ["by", "Яго сын ужо паўгода ў палоне."]],
  },
  {
    rule: "«следовательно» is 'therefore', not an investigator",
    innocent: [["ru", "Следовательно, мы приедем в субботу."]],
    risky: [["ru", "Следователь опять вызывал маму."]],
  },
  {
    rule: "a heroine is not heroin",
    innocent: [["ru", "Главная героиня книги мне очень понравилась."], ["ru", "Головна героїня роману — вчителька."], ["ru", "The heroine of the novel is a teacher."]],
    risky: [["ru", "Пришли мне немного героина."], ["ru", "He asked me to bring heroin."]],
  },
  {
    rule: "Ukrainian «навальна злива», «навальниця» and Belarusian «навальніца» are a downpour and a thunderstorm",
    innocent: [["ru", "Вчора була навальна злива, вода по коліна."], ["ru", "Уночі була навальниця, світло зникло."], ["by", "Учора была навальніца, святло знікла."]],
    risky: [["ru", "Ты же знаешь, что пишут про Навального."], ["ru", "Читаю все новини про Навального."]],
  },
  {
    rule: "Ukrainian «бульбашки» are bubbles",
    innocent: [["ru", "Діти пускали мильні бульбашки у дворі."]],
    risky: [["ru", "Эти бульбаши опять что-то придумали."]],
  },
  {
    rule: "Khabarovsk is not a bribe",
    innocent: [["ru", "Ми поїхали до Хабаровська потягом."]],
    risky: [["ru", "Доведеться дати хабар, інакше нічого не буде."]],
  },
  {
    rule: "garden trenches and scurrying cats",
    innocent: [["ru", "Надо окопать яблони до морозов."], ["ru", "Треба окопати яблуні до морозів."], ["ru", "Кошки шныряют по двору."], ["ru", "Она сидела с опущенными глазами."]],
    risky: [["ru", "Его взвод третью неделю сидит в окопах."], ["ru", "Мій брат зараз в окопі."]],
  },
  {
    rule: "a Latin capital acronym among English words is English ('The CBO report'), not «СВО»",
    innocent: [["ru", "The CBO report on the budget came out today."]],
    risky: [["ru", "Про CBO лучше не писать."], ["ru", "Brat teper v CBO, pishet redko."]],
  },
  {
    rule: "an ambulance siren, in either language's word list",
    innocent: [["ru", "Вранці сирена швидкої розбудила весь будинок."], ["ru", "Ночью выла сирена скорой, я не спала."]],
    risky: [["ru", "Всю ночь выли сирены, мы сидели в коридоре."], ["ru", "У нас знову сирени вночі."]],
  },
  {
    rule: "an English drug store sells medicine",
    innocent: [["ru", "The drug store on the corner closed."]],
    risky: [["ru", "He was caught selling drugs."]],
  },
  {
    rule: "«путина» is the fishing season",
    innocent: [["ru", "Рыбаки говорят, что путина в этом году поздняя."]],
    risky: [["ru", "Рыбаки ругают Путина за новые законы и выборы."]],
  },
])("$rule", ({ innocent, risky }) => {
  it.each(innocent)("passes (%s): %s", (system, text) => {
    expect(categories(text, system as "ru" | "by")).toEqual([]);
  });
  it.each(risky)("still finds (%s): %s", (system, text) => {
    expect(categories(text, system as "ru" | "by").length).toBeGreaterThan(0);
  });
});

describe("English everyday senses", () => {
  it("passes cadets, a sports opposition and an exam that was torture", () => {
    for (const text of [
      "My son joined the army cadets at school, they go camping every month.",
      "My daughter's team crushed the opposition 4-0 on Saturday.",
      "The exam was torture, but she passed.",
    ]) {
      expect(categories(text), text).toEqual([]);
    }
  });

  it("still finds the army, the political opposition and torture", () => {
    for (const text of ["My brother joined the army last spring.", "The opposition leader was arrested again.", "He was tortured in the detention centre."]) {
      expect(categories(text).length, text).toBeGreaterThan(0);
    }
  });
});

describe("prefix entries", () => {
  it("do not catch these longer words", () => {
    for (const text of [
      "Я обыскалась ключи по всей квартире.",
      "Он всегда был человеком, стремящимся к знаниям.",
      "Поле уже паханое, весной посадим картошку.",
      "Едем по однополосной дороге уже час.",
      "Вычитают подоходный налог, как всегда.",
      "Я в двухсотый раз говорю, надень шапку.",
      "There's a chink in the fence where the cat gets in.",
    ]) {
      expect(categories(text), text).toEqual([]);
    }
    expect(categories("Ён ад страху аж бляднее.", "by")).toEqual([]);
    expect(categories("Цэлая катавасія з дакументамі ў школе.", "by")).toEqual([]);
  });
});
