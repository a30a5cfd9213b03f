import { describe, expect, it } from "vitest";
import { type CategoryId, checkLetter } from "../../src/domain/censorship/index.js";

/**
 * Issue 16, recall side: the rule families that have no marker word of their own (frames in
 * data/censorship/context.json) and the vocabulary added with them (data/lexicon/). Each family has risky
 * sentences in at least two languages and innocent sentences built from the same words.
 */
const systemOf = (text: string): "ru" | "by" => (/[ўЎ]/u.test(text) ? "by" : "ru");
const content = (text: string) =>
  checkLetter(text, { system: systemOf(text) }).findings.filter((finding) => finding.category !== "language");

type Case = [text: string, category: CategoryId, ruleId?: string];

const families: Record<string, { risky: Case[]; innocent: string[] }> = {
  "political news and support campaigns": {
    risky: [
      ["У Вільнюсі люди зібрали підписи, щоб тебе відпустили.", "politics", "frame-campaign-release"],
      ["В Праге студенты вышли с плакатами, чтобы тебя освободили.", "politics", "frame-campaign-release"],
      ["Everyone supports you, there were posters with your name in Warsaw.", "politics", "frame-everyone-supports"],
      ["По радио передавали, что опять заблокировали ютуб.", "politics", "frame-political-news-3"],
      ["Тысячи людей вышли на площадь, полиция задерживала всех подряд.", "politics", "frame-protest-retold"],
      ["В новостях показали, как в Минске опять кого-то забирают прямо с улицы.", "politics", "frame-news-arrests"],
      ["They arrested a teacher here for a post about the war.", "politics", "frame-arrested-for-opinion"],
      ["People in Riga held a vigil with your photo.", "politics", "frame-campaign-about-you"],
      ["Мы ўсім домам падпісалі ліст за тваё вызваленне.", "politics", "frame-campaign-release"],
    ],
    innocent: [
      "Сусіди зібрали підписи, щоб у дворі поставили гойдалки.",
      "В Праге студенты вышли с плакатами на карнавал.",
      "Everyone supports you in the chess final, there were posters at school.",
      "По радио передавали, что завтра будет мороз.",
      "Тысячи людей пришли на концерт, полиция следила за порядком.",
      "В новостях показали, как полиция поймала вора в метро.",
      "They arrested a man here for stealing bikes.",
      "Была на марафоне, всё время думала о тебе.",
    ],
  },
  "sexual or cynical content": {
    risky: [
      ["Когда вернёшься, утащу тебя в постель и не выпущу до утра.", "profanity", "frame-sexual-bed"],
      ["Як повернешся, затягну тебе в ліжко і не відпущу.", "profanity", "frame-sexual-bed"],
      ["I want to undress you slowly and kiss you all over.", "profanity"],
      ["Когда ты выйдешь, я надену то красное бельё.", "profanity", "frame-sexual-lingerie"],
      ["Пусть он сгорит в аду, так им и надо, что они там погибают.", "profanity"],
    ],
    innocent: [
      "Мама третий день не встаёт с постели, у неё грипп, я её не выпущу на работу.",
      "Малий захворів, не вилазить з ліжка, я його не відпущу в садок.",
      "Купила платье из хлопка, очень лёгкое.",
      "Надену тёплое бельё, на улице мороз.",
    ],
  },
  "a Ukrainian writer names the city they live in (advice, category war)": {
    risky: [
      ["Пишу тобі з Одеси, у нас тепло.", "war", "frame-writer-city-from"],
      ["З Миколаєва пишу, усі живі.", "war", "frame-writer-city-here"],
      ["Greetings from Kharkiv, we are all fine.", "war", "frame-writer-city-from"],
      ["Мы так и остались в Запорожье, никуда не уехали.", "war", "frame-writer-city-from"],
    ],
    innocent: [
      "Пишу тобі з Варшави, у нас тепло.",
      "We spent a holiday in Odesa when I was a child.",
      "Мы в Одессе отдыхали в 2015 году, помнишь?",
    ],
  },
  "agreed signals and secret writing": {
    risky: [
      ["Если у тебя всё хорошо, нарисуй солнце, а если нет — тучку.", "code", "frame-signal-choice"],
      ["Якщо тебе ображають, напиши про погоду.", "code", "frame-signal-bad-status"],
      ["Напиши лимонным соком, а я подержу над свечкой.", "code", "frame-secret-ink"],
      ["Hold the page over a candle: I wrote it in lemon juice.", "code", "frame-secret-ink"],
      ["Пароль тот же, как договаривались.", "code", "frame-agreed-word"],
      ["If they move you, mention the weather in Moscow in your reply.", "code", "frame-signal-in-letter"],
      ["Якщо все гаразд, постав у кінці три крапки.", "code"],
      ["Когда прочтёшь, сожги письмо.", "code", "frame-burn-letter"],
      ["Ответь мне через Олю, не в письмах.", "code", "frame-side-channel"],
      ["Складай перші літери кожного рядка.", "code"],
    ],
    innocent: [
      "Если будет время, напиши мне, а если нет — ничего страшного.",
      "Якщо буде дощ, візьми парасольку.",
      "Прочитай первую главу, она короткая.",
      "Лимонным соком полила рыбу и подержала над огнём.",
      "Мама сожгла старые газеты в печке.",
      "Передай маме, что всё в силе, ужин в семь.",
    ],
  },
  "hidden enclosures and bribes": {
    risky: [
      ["Гроші сховано під етикеткою банки з медом.", "contraband"],
      ["Make sure the guard gets something so he turns a blind eye.", "contraband", "frame-bribe-blind-eye"],
      ["Трэба аддзячыць начальніку як след, каб ён заплюшчыў вочы.", "contraband"],
      ["Сколько надо дать, чтобы свидание дали раньше?", "contraband", "frame-pay-for-favour"],
      ["Передай охраннику, что мы в долгу не останемся.", "contraband", "frame-reward-official"],
      ["Your mum will sort it out with the warden, he likes presents.", "contraband", "frame-bribe-official-2"],
      ["Начальніку трэба занесці, каб не чапляўся.", "contraband", "frame-bribe-official-2"],
      ["Денежку положу под стельку кроссовок.", "contraband", "frame-hidden-inside"],
      ["There's a note sewn into the hem of the scarf for you.", "contraband"],
    ],
    innocent: [
      "Положила в конверт фотографию с моря.",
      "We need to thank the coach properly, he was great.",
      "Надо отблагодарить учительницу, подарим цветы.",
      "Бабушка сушит мяту между страницами старой книги.",
    ],
  },
  "testimony, hidden evidence and threats": {
    risky: [
      ["Скажи им, что ты был со мной весь вечер.", "case", "frame-alibi"],
      ["Tell them you were at my place, I'll back you up.", "case", "frame-alibi"],
      ["Ноутбук у сестры, там его никто не найдёт.", "case", "frame-evidence-hidden-away"],
      ["Пусть этот стукач подумает о своих детях.", "case", "frame-threat-to-witness"],
      ["Тримайся своєї версії до кінця.", "case", "frame-stick-to-version"],
      ["If they ask, you were at my place that whole night.", "case", "frame-asked-alibi"],
      ["Судья пусть знает, что у нас длинные руки.", "case", "frame-threat-to-witness"],
    ],
    innocent: [
      "Скажи им, что я испеку торт к субботе.",
      "Сестра спрятала подарок, его никто не найдёт до дня рождения.",
      "Свидетелем на свадьбе был мой брат.",
    ],
  },
  "prison subculture": {
    risky: [
      ["Живи по понятиям и с блатными не ссорься.", "code"],
      ["Stay clear of the shot caller and pay into the obshchak.", "code"],
      ["Там усё па паняццях, палажэнец усім кіруе.", "code"],
    ],
    innocent: ["Дедушка всегда жил по совести.", "Ён заўсёды жыве па сумленні."],
  },
  "leader nicknames": {
    risky: [
      ["Плешивый опять подписал какой-то указ.", "politics", "frame-leader-nickname"],
      ["The cockroach promised stability again on TV.", "politics", "frame-leader-nickname"],
      ["Вусаты зноў выступаў з прамовай.", "politics", "frame-leader-nickname"],
      ["Бункерний дід знову когось лякає.", "politics"],
      ["Наш «гарант» опять всех обманул.", "politics", "frame-leader-nickname"],
      ["Бледная моль опять выступала.", "politics", "ru-pol-nicknames-3"],
      ["Саша 3% опять на инаугурации.", "politics", "common-pol-sasha-3"],
    ],
    innocent: ["Наш дед усатый, как казак.", "Dad shaved off his moustache and nobody recognised him.", "В цирке выступал клоун, дети хохотали."],
  },
  "war-time idiom": {
    risky: [
      ["Над містом до ранку гули мопеди.", "war", "frame-drone-slang"],
      ["Ночью опять было громко, дети не спали.", "war", "frame-loud-night"],
      ["Брат служит под Покровском.", "war", "frame-front-town"],
      ["My cousin is on the zero line now.", "war"],
      ["У нашому селі вже троє двохсотих.", "war"],
      ["Соседний дом сложился как карточный.", "war", "frame-building-collapsed"],
      ["Наших хлопців знову кинули на штурм.", "war"],
      ["Я вже майже рік у Запоріжжі, звикла до тривог.", "war", "frame-alarms-city"],
      ["Щоночі сидимо в укритті, малий уже не боїться.", "war", "frame-shelter-nights"],
    ],
    innocent: [
      "Сусід на мопеді ганяв до ранку під вікнами.",
      "Ночью было громко: у соседей свадьба.",
      "Кот ночью уронил горшок, грохот был на весь дом.",
      "Мой прадед воевал под Харьковом в 1943 году.",
      "Старый сарай на даче обрушился от снега.",
    ],
  },
};

describe("rule families without a marker word (issue 16, recall side)", () => {
  for (const [family, { risky, innocent }] of Object.entries(families)) {
    describe(family, () => {
      it.each(risky)("%s → %s", (text, category, ruleId) => {
        const findings = content(text);
        expect(findings.map((finding) => finding.category), text).toContain(category);
        if (ruleId) expect(findings.map((finding) => finding.ruleId), text).toContain(ruleId);
      });

      it.each(innocent)("innocent: %s", (text) => {
        expect(content(text).map((finding) => `${finding.ruleId}: ${finding.excerpt}`)).toEqual([]);
      });
    });
  }

  it("gives the writer's city as advice with the war-city explanation, and keeps offsets exact", () => {
    const text = "Привіт! Пишу тобі з Одеси, у нас тепло.";
    const finding = checkLetter(text, { system: "ru" }).findings.find((candidate) => candidate.ruleId === "frame-writer-city-from");
    expect(finding).toMatchObject({ category: "war", severity: "advice", explanationKey: "censorship-war-city-why" });
    expect(finding && text.slice(finding.start, finding.end)).toBe(finding?.excerpt);
  });

  it("shows a sexual sentence as sexual content, not as swearing", () => {
    const finding = content("Когда вернёшься, утащу тебя в постель и не выпущу до утра.")[0];
    expect(finding?.explanationKey).toBe("censorship-profanity-sexual-why");
  });
});
