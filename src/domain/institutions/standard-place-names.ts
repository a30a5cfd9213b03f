/**
 * Standard Ukrainian and English names of Russia's federal subjects and of big cities (issue 15r). Transliteration
 * gives forms no reader uses («Северна Осетія», "Tverskaya Oblast", "Moskva"); these tables hold the names Ukrainian
 * and English actually write, and `localized-place.ts` consults them before its rules. Keys are the `region` values of
 * data/institutions/penitentiary.xml (every one of them: a test checks), plus the official Russian forms the data may
 * bring later. Crimea and Sevastopol are Ukraine, occupied: they carry Ukraine's own names in both languages.
 */
export interface StandardName {
  uk: string;
  en: string;
}

export const REGION_NAMES: Readonly<Record<string, StandardName>> = {
  "Алтайский край": { uk: "Алтайський край", en: "Altai Krai" },
  "Амурская область": { uk: "Амурська область", en: "Amur Oblast" },
  "Архангельская область": { uk: "Архангельська область", en: "Arkhangelsk Oblast" },
  "Астраханская область": { uk: "Астраханська область", en: "Astrakhan Oblast" },
  "Белгородская область": { uk: "Бєлгородська область", en: "Belgorod Oblast" },
  "Брянская область": { uk: "Брянська область", en: "Bryansk Oblast" },
  "Владимирская область": { uk: "Владимирська область", en: "Vladimir Oblast" },
  "Волгоградская область": { uk: "Волгоградська область", en: "Volgograd Oblast" },
  "Вологодская область": { uk: "Вологодська область", en: "Vologda Oblast" },
  "Воронежская область": { uk: "Воронезька область", en: "Voronezh Oblast" },
  "Еврейская автономная область": { uk: "Єврейська автономна область", en: "Jewish Autonomous Oblast" },
  "Забайкальский край": { uk: "Забайкальський край", en: "Zabaykalsky Krai" },
  "Ивановская область": { uk: "Іванівська область", en: "Ivanovo Oblast" },
  "Иркутская область": { uk: "Іркутська область", en: "Irkutsk Oblast" },
  "Кабардино-Балкарская республика": { uk: "Кабардино-Балкарська Республіка", en: "Kabardino-Balkarian Republic" },
  "Калининградская область": { uk: "Калінінградська область", en: "Kaliningrad Oblast" },
  "Калужская область": { uk: "Калузька область", en: "Kaluga Oblast" },
  "Камчатский край": { uk: "Камчатський край", en: "Kamchatka Krai" },
  "Карачаево-Черкесская республика": { uk: "Карачаєво-Черкеська Республіка", en: "Karachay-Cherkess Republic" },
  "Кемеровская область": { uk: "Кемеровська область", en: "Kemerovo Oblast" },
  "Кировская область": { uk: "Кіровська область", en: "Kirov Oblast" },
  "Костромская область": { uk: "Костромська область", en: "Kostroma Oblast" },
  "Краснодарский край": { uk: "Краснодарський край", en: "Krasnodar Krai" },
  "Красноярский край": { uk: "Красноярський край", en: "Krasnoyarsk Krai" },
  // The data's «Крым» holds Simferopol and Kerch: the Autonomous Republic of Crimea, Ukraine.
  Крым: { uk: "Автономна Республіка Крим", en: "Autonomous Republic of Crimea" },
  "Республика Крым": { uk: "Автономна Республіка Крим", en: "Autonomous Republic of Crimea" },
  "г. Севастополь": { uk: "м. Севастополь", en: "Sevastopol" },
  "Курганская область": { uk: "Курганська область", en: "Kurgan Oblast" },
  "Курская область": { uk: "Курська область", en: "Kursk Oblast" },
  "Ленинградская область": { uk: "Ленінградська область", en: "Leningrad Oblast" },
  "Липецкая область": { uk: "Липецька область", en: "Lipetsk Oblast" },
  "Магаданская область": { uk: "Магаданська область", en: "Magadan Oblast" },
  "Московская область": { uk: "Московська область", en: "Moscow Oblast" },
  "Мурманская область": { uk: "Мурманська область", en: "Murmansk Oblast" },
  "Нижегородская область": { uk: "Нижньогородська область", en: "Nizhny Novgorod Oblast" },
  "Новгородская область": { uk: "Новгородська область", en: "Novgorod Oblast" },
  "Новосибирская область": { uk: "Новосибірська область", en: "Novosibirsk Oblast" },
  "Омская область": { uk: "Омська область", en: "Omsk Oblast" },
  "Оренбургская область": { uk: "Оренбурзька область", en: "Orenburg Oblast" },
  "Орловская область": { uk: "Орловська область", en: "Oryol Oblast" },
  "Пензенская область": { uk: "Пензенська область", en: "Penza Oblast" },
  "Пермский край": { uk: "Пермський край", en: "Perm Krai" },
  "Приморский край": { uk: "Приморський край", en: "Primorsky Krai" },
  "Псковская область": { uk: "Псковська область", en: "Pskov Oblast" },
  "Республика Адыгея": { uk: "Республіка Адигея", en: "Republic of Adygea" },
  "Республика Алтай": { uk: "Республіка Алтай", en: "Altai Republic" },
  "Республика Башкортостан": { uk: "Республіка Башкортостан", en: "Republic of Bashkortostan" },
  "Республика Бурятия": { uk: "Республіка Бурятія", en: "Republic of Buryatia" },
  "Республика Дагестан": { uk: "Республіка Дагестан", en: "Republic of Dagestan" },
  "Республика Ингушетия": { uk: "Республіка Інгушетія", en: "Republic of Ingushetia" },
  "Республика Калмыкия": { uk: "Республіка Калмикія", en: "Republic of Kalmykia" },
  "Республика Карелия": { uk: "Республіка Карелія", en: "Republic of Karelia" },
  "Республика Коми": { uk: "Республіка Комі", en: "Komi Republic" },
  "Республика Марий Эл": { uk: "Республіка Марій Ел", en: "Mari El Republic" },
  "Республика Мордовия": { uk: "Республіка Мордовія", en: "Republic of Mordovia" },
  "Республика Саха (Якутия)": { uk: "Республіка Саха (Якутія)", en: "Sakha Republic (Yakutia)" },
  "Республика Северная Осетия – Алания": { uk: "Республіка Північна Осетія — Аланія", en: "Republic of North Ossetia–Alania" },
  "Республика Татарстан": { uk: "Республіка Татарстан", en: "Republic of Tatarstan" },
  "Республика Тыва": { uk: "Республіка Тива", en: "Tuva Republic" },
  "Республика Хакасия": { uk: "Республіка Хакасія", en: "Republic of Khakassia" },
  "Ростовская область": { uk: "Ростовська область", en: "Rostov Oblast" },
  "Рязанская область": { uk: "Рязанська область", en: "Ryazan Oblast" },
  "Самарская область": { uk: "Самарська область", en: "Samara Oblast" },
  "Саратовская область": { uk: "Саратовська область", en: "Saratov Oblast" },
  "Сахалинская область": { uk: "Сахалінська область", en: "Sakhalin Oblast" },
  "Свердловская область": { uk: "Свердловська область", en: "Sverdlovsk Oblast" },
  "Смоленская область": { uk: "Смоленська область", en: "Smolensk Oblast" },
  "Ставропольский край": { uk: "Ставропольський край", en: "Stavropol Krai" },
  "Тамбовская область": { uk: "Тамбовська область", en: "Tambov Oblast" },
  "Тверская область": { uk: "Тверська область", en: "Tver Oblast" },
  "Томская область": { uk: "Томська область", en: "Tomsk Oblast" },
  "Тульская область": { uk: "Тульська область", en: "Tula Oblast" },
  "Тюменская область": { uk: "Тюменська область", en: "Tyumen Oblast" },
  "Удмуртская Республика": { uk: "Удмуртська Республіка", en: "Udmurt Republic" },
  "Ульяновская область": { uk: "Ульяновська область", en: "Ulyanovsk Oblast" },
  "Хабаровский край": { uk: "Хабаровський край", en: "Khabarovsk Krai" },
  "Ханты-Мансийский автономный округ": { uk: "Ханти-Мансійський автономний округ", en: "Khanty-Mansi Autonomous Okrug" },
  "Ханты-Мансийский автономный округ – Югра": {
    uk: "Ханти-Мансійський автономний округ — Югра",
    en: "Khanty-Mansi Autonomous Okrug – Yugra",
  },
  "Челябинская область": { uk: "Челябінська область", en: "Chelyabinsk Oblast" },
  "Чеченская республика": { uk: "Чеченська Республіка", en: "Chechen Republic" },
  "Чувашская республика": { uk: "Чуваська Республіка", en: "Chuvash Republic" },
  "Ямало-Ненецкий автономный округ": { uk: "Ямало-Ненецький автономний округ", en: "Yamalo-Nenets Autonomous Okrug" },
  "Ярославская область": { uk: "Ярославська область", en: "Yaroslavl Oblast" },
  "г. Москва": { uk: "м. Москва", en: "Moscow" },
  "г. Санкт-Петербург": { uk: "м. Санкт-Петербург", en: "Saint Petersburg" },
};

/** Big cities that appear as towns in short names («СИЗО-1 (Москва)»), where the standard form is not the rules'. */
export const CITY_NAMES: Readonly<Record<string, StandardName>> = {
  Москва: { uk: "Москва", en: "Moscow" },
  "Санкт-Петербург": { uk: "Санкт-Петербург", en: "Saint Petersburg" },
  "Нижний Новгород": { uk: "Нижній Новгород", en: "Nizhny Novgorod" },
  "Великий Новгород": { uk: "Великий Новгород", en: "Veliky Novgorod" },
  Екатеринбург: { uk: "Єкатеринбург", en: "Yekaterinburg" },
  "Ростов-на-Дону": { uk: "Ростов-на-Дону", en: "Rostov-on-Don" },
  Калининград: { uk: "Калінінград", en: "Kaliningrad" },
  Орёл: { uk: "Орел", en: "Oryol" },
  Пермь: { uk: "Перм", en: "Perm" },
  Тверь: { uk: "Твер", en: "Tver" },
  Тольятти: { uk: "Тольятті", en: "Tolyatti" },
  Симферополь: { uk: "Сімферополь", en: "Simferopol" },
  Керчь: { uk: "Керч", en: "Kerch" },
};

/** The table's name, or undefined; dashes between parts («Северная Осетия – Алания») are compared as one kind. */
export function standardName(table: Readonly<Record<string, StandardName>>, russian: string, locale: "uk" | "en"): string | undefined {
  return table[russian.trim().replace(/\s+[–—-]\s+/gu, " – ")]?.[locale];
}
