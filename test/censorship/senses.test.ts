import { describe, expect, it } from "vitest";
import { checkLetter } from "../../src/domain/censorship/index.js";

/**
 * Senses added on the precision side of issue 16: each family drops a finding in an innocent context and keeps it
 * when the same words are meant literally, in at least two languages. Sentences are our own, not the held-out set's.
 */
const found = (text: string, system: "ru" | "by" = "ru") =>
  checkLetter(text, { system }).findings.filter((finding) => finding.category !== "language").map((finding) => finding.category);

describe.each([
  {
    family: "a past war named by a year, a spelled-out war year or a memorial",
    innocent: [
      ["ru", "Дед ушёл на фронт в сорок первом и вернулся только в сорок шестом."],
      ["uk", "Мій прадід воював у сорок третьому під Харковом."],
      ["be", "Прадзед ваяваў пад Оршай у сорак чацвёртым."],
      ["en", "My grandfather's unit reached the front in 1944."],
    ],
    risky: [
      ["ru", "В сорок первом мы жили тихо, а сейчас снова война и повестки."],
      ["ru", "Обстрел был такой, как в сорок первом."],
      ["ru", "Брат в плену, как и прадед в сорок первом."],
      ["ru", "Бабушка плачет: снова война, как в сорок первом."],
      ["ru", "Так же, как в 1941 году, вчера опять бомбили наш город."],
      ["uk", "Дід воював у сорок третьому, а сьогодні онук на фронті."],
      ["be", "У сорак першым вёска згарэла, а цяпер зноў вайна з Украінай."],
      ["en", "My grandfather fought in 1944, and now my brother is at the front."],
    ],
  },
  {
    family: "a grandparent's war told as family history",
    innocent: [
      ["ru", "Дедушка воевал, а бабушка ждала его всю войну."],
      ["uk", "Бабуся розповідала, як пережила війну в евакуації."],
      ["en", "Grandpa served in the army and never talked about it."],
      ["ru", "Моя бабушка в войну работала на заводе, делала снаряды, ей было четырнадцать."],
      ["be", "Дзед расказваў, як у вайну хаваліся ў лесе ад немцаў."],
    ],
    risky: [
      ["ru", "Дедушку в шестьдесят лет призвали, сейчас он на фронте."],
      ["ru", "Дед воевал, а вчера и отца забрали на фронт."],
      ["uk", "Бабуся каже, що ця війна страшніша за ту."],
      ["ru", "Бабушка в войну осталась одна в Мариуполе."],
    ],
  },
  {
    family: "football: shelling of the goal",
    innocent: [
      ["ru", "Вратарь весь второй тайм был под обстрелом, но отстоял."],
      ["uk", "Наш воротар весь другий тайм був під обстрілом."],
      ["be", "Брамнік увесь другі тайм быў пад абстрэлам."],
      ["en", "The keeper was under constant shelling in the second half."],
    ],
    risky: [["uk", "Наш тренер до війни грав у футбол, а тепер на фронті."], ["ru", "Соседа забрали в армию прямо с тренировки."]],
  },
  {
    family: "a doctor's verdict, an in-law's interrogation",
    innocent: [
      ["ru", "Врач вынесла приговор: никакого сладкого."],
      ["uk", "Лікар виніс вирок: ніякого цукру."],
      ["be", "Свякроў учыніла мне допыт праз боршч."],
      ["en", "The dentist's verdict: no sweets."],
      ["be", "Мама ўчыніла мне допыт, дзе я быў да поўначы."],
      ["en", "My mum gave me a proper interrogation about the party."],
    ],
    risky: [
      ["ru", "Суд вынес приговор: пять лет колонии."],
      ["uk", "Суддя виніс вирок минулого тижня."],
      ["ru", "Маму вызывали на допрос к следователю."],
      ["en", "The judge read the verdict this morning."],
      ["ru", "Мама была на допросе три часа."],
      ["be", "Маму выклікалі на допыт да следчага."],
    ],
  },
  {
    family: "a legal or prison word in a comparison",
    innocent: [
      ["ru", "Соседка следит за всеми во дворе, как надзиратель."],
      ["ru", "На работе у нас как на допросе: каждый день отчёты."],
      ["be", "Начальнік глядзіць на нас, як наглядчык."],
      ["en", "My boss watches us like a prison guard."],
    ],
    risky: [
      ["ru", "Как сказал следователь, дело закроют."],
      ["ru", "Его допрашивали как свидетеля."],
      ["ru", "Его держат как в карцере, без писем."],
    ],
  },
  {
    family: "a war on garden pests",
    innocent: [["ru", "На даче воюем с колорадским жуком, победа пока за ним."], ["en", "We are at war with the slugs in the garden again."]],
    risky: [["ru", "Кроты в огороде, а брат воюет под Бахмутом."], ["ru", "Сосед воюет, а мы тут с кротами."]],
  },
  {
    family: "a school play about a war",
    innocent: [["ru", "В школе ставили спектакль про войну, Петя играл солдата."], ["uk", "У школі була вистава про війну, донька грала медсестру."]],
    risky: [["ru", "Сына забрали на войну прямо с репетиции."], ["ru", "В школе сказали, что война с Украиной скоро кончится, потом была репетиция."]],
  },
  {
    family: "«слава богу» read by the model as a slogan",
    innocent: [["uk", "Слава богу, в Україні все добре."], ["uk", "Слава богу, Україні допомагають."]],
    risky: [["uk", "Слава Україні, слава богу!"]],
  },
  {
    family: "a job named right after «работает», «працює»",
    innocent: [["uk", "Моя донька працює слідчою в поліції, але про роботу не розповідає."], ["ru", "Брат работает охранником в торговом центре."]],
    risky: [["ru", "Следователь, который работает по делу брата, снова звонил."]],
  },
  {
    family: "a struggle with everyday things, not the opposition's «змагар»",
    innocent: [["be", "Дачка змагаецца з матэматыкай, але ўжо лепш."], ["be", "Бабуля кажа, што трэба змагацца з лянотай."]],
    risky: [["be", "Мы будзем змагацца за свабоду Беларусі."], ["be", "Брат змагаўся на выбарах у 2020 годзе."]],
  },
  {
    family: "Belarusian «пагоня» as a chase",
    innocent: [["be", "Сабака кінуўся ў пагоню за катом."]],
    risky: [["be", "На сцяне вісела Пагоня, і яе заўважылі."]],
  },
])("sense: $family", ({ innocent, risky }) => {
  const system = (language: string) => (language === "be" ? "by" : "ru");
  it.each(innocent)("drops the finding (%s): %s", (language, text) => {
    expect(found(text, system(language))).toEqual([]);
  });
  it.each(risky)("keeps the finding (%s): %s", (language, text) => {
    expect(found(text, system(language)).length).toBeGreaterThan(0);
  });
});

describe("sense: a past war named once in a paragraph", () => {
  it("covers the paragraph's next sentences", () => {
    expect(found("Дед ушёл на фронт в 1941 году. Воевал под Ржевом, был ранен.")).toEqual([]);
    expect(found("Дзед у сорак першым пайшоў на фронт. Ваяваў пад Смаленскам. Вярнуўся ў сорак пятым.", "by")).toEqual([]);
  });

  it("stops at the paragraph's end", () => {
    expect(found("Дед ушёл на фронт в 1941 году.\n\nВоевал полгода, был ранен.")).toContain("war");
  });

  it("does nothing when the paragraph names the present war", () => {
    expect(found("Дед ушёл на фронт в 1941 году. Сейчас воюет его правнук.")).toContain("war");
    expect(found("Прадід воював у 1943 році. Тепер його онук воює під Бахмутом.")).toContain("war");
  });
});
