import { describe, expect, it } from "vitest";
import { checkLetter } from "../../src/domain/censorship/index.js";
import { transliterate } from "../../src/domain/censorship/transliterate.js";
import type { PrisonSystem } from "../../src/domain/censorship/types.js";

/**
 * Issue 16, third round: Belarusian (Cyrillic, Łacinka, ad-hoc Latin) and English recall, profanity in every
 * language and Ukrainian resistance phrases, with the look-alikes that must stay quiet.
 */
function categories(text: string, system: PrisonSystem = "ru"): string[] {
  const found = checkLetter(text, { system }).findings.filter((finding) => finding.category !== "language");
  return [...new Set(found.map((finding) => finding.category))];
}

describe("Latin typing read back into Cyrillic", () => {
  it("reads i between vowels as a glide and a final -ia as -ия/-ія", () => {
    expect(transliterate("heroiam", "uk")).toBe("героям");
    expect(transliterate("moia", "ru")).toBe("моя");
    expect(transliterate("rossia", "ru")).toBe("россия");
    expect(transliterate("istoria", "uk")).toBe("історія");
    expect(transliterate("ukraini", "uk")).toBe("україні");
  });

  it("writes Łacinka's soft consonants the official Cyrillic way: no soft sign before a consonant", () => {
    expect(transliterate("palitviaźniam", "be")).toBe("палітвязням");
    expect(transliterate("viaśnie", "be")).toBe("вясне");
    expect(transliterate("biełaruś", "be")).toBe("беларусь");
    expect(transliterate("žyćcio", "be")).toBe("жыццё");
  });

  it("finds phrases whose soft signs or Belarusian е the writer did not type", () => {
    expect(categories("Smert vorogam, tak kazhe mii didus.")).toContain("ukraine-symbols");
    expect(categories("Zhyvie Belarus, usim pryvitanne!", "by")).toContain("politics");
    expect(categories("Usim palitviaźniam volu!", "by")).toContain("politics");
    expect(categories("Żywie Biełaruś, usio budzie dobra!", "by")).toContain("politics");
  });

  it("does not let a one-letter word make a Latin-typed Russian sentence English", () => {
    expect(categories("Nu i pizdets u nas na rabote.")).toEqual(["profanity"]);
  });
});

describe("profanity", () => {
  it("finds mat derivatives, masked or pushed apart by a star, in ru, uk and be", () => {
    expect(categories("Мы там все оху*ли от новостей.")).toEqual(["profanity"]);
    expect(categories("Іди ти в с*раку зі своїми порадами.")).toEqual(["profanity"]);
    expect(categories("Ну і дзень, бл@ць, усё не так.", "by")).toEqual(["profanity"]);
    expect(categories("Та пішов він нахуй, не думай про нього.")).toEqual(["profanity"]);
  });

  it("finds English swearing with stars, stretched letters or a hyphen", () => {
    expect(categories("That clerk is a real motherf***er.")).toEqual(["profanity"]);
    expect(categories("Fuuuck, the parcel came back again.")).toEqual(["profanity"]);
    expect(categories("The whole lot of them are f-ing useless.")).toEqual(["profanity"]);
    expect(categories("The inspector is a total a$$hole.")).toEqual(["profanity"]);
    expect(categories("Piss off, I told him.")).toEqual(["profanity"]);
  });

  it("leaves a dog's litter and the old name of a letter alone", () => {
    expect(categories("Наша сука принесла пятерых щенков, всех раздали.")).toEqual([]);
    expect(categories("Сука сусідів народила цуценят, одне візьмемо.")).toEqual([]);
    expect(categories("В старой азбуке буква Х называлась «хер», внук смеялся.")).toEqual([]);
    expect(categories("Nothing to do with f-stops, I just like old cameras.")).toEqual([]);
  });
});

describe("Ukrainian resistance phrases and memes", () => {
  it("reports the warship meme as a Ukrainian symbol, not as military words", () => {
    expect(categories("Как там было: русский военный корабль, иди…")).toEqual(["ukraine-symbols"]);
    expect(categories("Russian warship, go f*** yourself, as the stamp says.")).toContain("ukraine-symbols");
  });

  it("finds the kalyna song, but not the shrub in the garden", () => {
    expect(categories("На концерті всі співали «Ой у лузі червона калина».")).toEqual(["ukraine-symbols"]);
    expect(categories("Червона калина в саду цього року дуже рясна, зварю варення.")).toEqual([]);
  });

  it("finds the slogans misspelt, with «хай живе», and two hearts joined by a word", () => {
    expect(categories("Слава Украины, пишет мне кума каждый вечер.")).toContain("ukraine-symbols");
    expect(categories("Хай живе вільна Україна, а ми тримаємось.")).toEqual(["ukraine-symbols"]);
    expect(categories("Малюнок у сина: 💛 та 💙, і сонечко.")).toEqual(["ukraine-symbols"]);
    expect(categories("Купила 💛 кульки і 💙 стрічки на день народження.")).toEqual([]);
  });

  it("finds the «Kyiv in three days» meme beside Kyiv, not a journey or a parcel that took three days", () => {
    expect(categories("Ну что, взяли Киев за три дня? Вот и я о том.")).toEqual(["ukraine-symbols"]);
    expect(categories("So much for taking Kyiv in three days.")).toEqual(["ukraine-symbols"]);
    expect(categories("Посылка из Киева дошла за три дня, всё целое.")).toEqual([]);
    expect(categories("Я прочитала эту книгу за три дня.")).toEqual([]);
  });

  it("finds English memes and Latin-typed slogans", () => {
    expect(categories("The kids keep humming the Bayraktar song.")).toEqual(["ukraine-symbols"]);
    expect(categories("Geroyam slava, said Taras at the end.")).toEqual(["ukraine-symbols"]);
    expect(categories("We lit candles for the Heavenly Hundred.")).toEqual(["ukraine-symbols"]);
  });
});

describe("Belarusian vocabulary", () => {
  it("finds «прылёт», Freedom Day and the dictatorship in Belarusian", () => {
    expect(categories("Сёння ноччу быў прылёт у суседні дом, усе жывыя.", "by")).toEqual(["war"]);
    expect(categories("На Дзень Волі зноў некага затрымалі.", "by")).toContain("politics");
    expect(categories("Гэтая дыктатура не вечная.", "by")).toEqual(["politics"]);
  });

  it("finds Belarusian words for war, the summons and «СВА», but not the agenda or a street name", () => {
    expect(categories("Суседу зноў прыйшла павестка, ён хаваецца на лецішчы.", "by")).toEqual(["war"]);
    expect(categories("Стрыечны брат ужо паўгода на СВА.", "by")).toEqual(["war"]);
    expect(categories("На сходзе зацвердзілі павестку дня.", "by")).toEqual([]);
    expect(categories("Кватэра ў нас на вуліцы Каліноўскага, трэці паверх.", "by")).toEqual([]);
  });

  it("stays quiet on birds arriving, a video game and a war on garden beetles", () => {
    expect(categories("Вясной быў прылёт буслоў, малы лічыў гнёзды.", "by")).toEqual([]);
    expect(categories("Сын увесь вечар гуляе ў танкі на кампутары.", "by")).toEqual([]);
    expect(categories("Бабуля ўсё лета ваюе з каларадскімі жукамі.", "by")).toEqual([]);
    expect(categories("Рэжым дня ў малога цяпер строгі: сон, шпацыр, абед.", "by")).toEqual([]);
    expect(categories("Наша настаўніца — сапраўдны дыктатар, але ўсе яе любяць.", "by")).toEqual([]);
  });
});

describe("English war and politics idiom", () => {
  it("reads orcs as Russian soldiers only beside a strike or a Ukrainian place", () => {
    expect(categories("The orcs shelled Kherson again last night.")).toContain("war");
    expect(categories("My nephew painted orcs for his Lord of the Rings board game.")).toEqual([]);
    expect(categories("His orc costume was a hit at the school party.")).toEqual([]);
  });

  it("does not flag war words used as everyday metaphors", () => {
    expect(categories("I completely bombed the job interview.")).toEqual([]);
    expect(categories("We bought shelled pistachios for the party.")).toEqual([]);
    expect(categories("Grandpa loves books about the Cold War.")).toEqual([]);
    expect(categories("My sister is a dictator in the kitchen.")).toEqual([]);
    expect(categories("Dad is at war with the slugs again.")).toEqual([]);
    expect(categories("He took the chemo like a soldier.")).toEqual([]);
  });

  it("finds the home-front idiom of draft dodging, glide bombs and the Kremlin's puppet", () => {
    expect(categories("Half his friends left to dodge the draft.")).toEqual(["war"]);
    expect(categories("A glide bomb hit the school next to Mum's flat.")).toContain("war");
    expect(categories("The Kremlin's puppet gave another speech.")).toEqual(["politics"]);
    expect(categories("She volunteers with the Territorial Defense in Odesa.")).toContain("ukraine-symbols");
  });

  it("still flags the same words in their war sense", () => {
    expect(categories("Their village was bombed in March.")).toEqual(["war"]);
    expect(categories("The dictator in Minsk keeps everyone in fear.")).toEqual(["politics"]);
  });
});
