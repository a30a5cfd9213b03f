import { describe, expect, it } from "vitest";
import { type CategoryId, checkLetter } from "../../src/domain/censorship/index.js";

/**
 * Senses of data/censorship/context-neighbours.json (issue 16, precision, fourth round): each reads a risky word's
 * neighbours — what a war is waged on, what is «на нуле», what exploded, who was bribed — and drops the finding in
 * an everyday context, while the same word meant literally stays flagged with its category. The sentences are new,
 * not those of dev-10.jsonl, so that they show the rule rather than the sentences it was written from.
 */
const found = (text: string, language: string): CategoryId[] =>
  checkLetter(text, { system: language === "be" ? "by" : "ru" })
    .findings.filter((finding) => finding.category !== "language")
    .map((finding) => finding.category);

describe.each([
  {
    family: "a war or an invasion against dust, insects, mould or clutter, or over the remote",
    innocent: [
      ["ru", "Бабушка объявила войну тараканам и, кажется, победила."],
      ["ru", "Мы с братом в детстве вечно воевали за пульт от телевизора."],
      ["ru", "Армия муравьёв за ночь вынесла весь сахар с подоконника."],
      ["uk", "Мама оголосила війну пилу і винесла всі килими на двір."],
      ["be", "Мы з братам у дзяцінстве ваявалі за пульт."],
      ["en", "The mould invaded the bathroom again, so I scrubbed it all weekend."],
      ["en", "Mum declared war on the clutter in the attic."],
    ],
    risky: [
      ["ru", "Армия России вошла в наш город весной.", "war"],
      ["ru", "Мы на даче, а вокруг обстрелы, комары и страх.", "war"],
      ["en", "The army invaded our town and the kids fought over the last bread.", "war"],
    ],
  },
  {
    family: "snowball, water and pillow fights",
    innocent: [
      ["ru", "Соседские мальчишки устроили перестрелку из водяных пистолетов."],
      ["ru", "Белки на даче устроили обстрел шишками прямо по крыше."],
      ["uk", "Обстріл сніжками тривав до самого вечора."],
      ["en", "The twins bombed each other with water balloons all afternoon."],
    ],
    risky: [
      ["ru", "Ночью была атака дронов, у соседей выбило окна, а мы сидели в ванной.", "war"],
      ["uk", "Бабуся тримає оборону в підвалі, бо обстріли щоночі.", "war"],
    ],
  },
  {
    family: "money, a battery or strength at zero",
    innocent: [
      ["ru", "Батарея у телефона на нуле, поэтому пишу коротко."],
      ["uk", "Гроші на картці на нулі до зарплати, але ми не сумуємо."],
    ],
    risky: [
      ["ru", "Брат на нуле, денег не присылает, связи нет.", "war"],
      ["ru", "Под Харьковом опять сыпали «Градами», брат на нуле уже третью неделю.", "war"],
    ],
  },
  {
    family: "the home front of a grandmother defending pies, toys and models, a dictator cat",
    innocent: [
      ["ru", "Мама держит оборону на кухне: никого до ужина не пускает."],
      ["uk", "Бабуся тримає оборону біля пирогів від онуків."],
      ["be", "Бабуля трымае абарону каля пірагоў."],
      ["ru", "Внук собирает модели танков и самолётов."],
      ["ru", "Наш кот настоящий диктатор, все ходят по струнке."],
    ],
    risky: [
      ["ru", "Брат держит оборону под Покровском, а мама печёт пироги.", "war"],
      ["ru", "Этот диктатор опять выступал, кот даже ушёл с кухни.", "politics"],
      ["uk", "Син збирає гроші на дрони для армії, а онук малює танки.", "war"],
      ["ru", "Наш город под оккупацией уже третий год.", "war"],
    ],
  },
  {
    family: "a burst of laughter, a droning fridge, relatives mobilised for a chore",
    innocent: [
      ["ru", "Когда пришло твоё письмо, у нас был настоящий взрыв эмоций."],
      ["en", "The drone of the freezer in the garage keeps the dog awake."],
      ["ru", "Пришлось мобилизовать всех соседей на субботник, зато двор чистый."],
    ],
    risky: [
      ["ru", "Ночью опять был взрыв, смеха у нас больше нет.", "war"],
      ["ru", "Мобилизовали всех мужиков с завода, на переезд семьи денег нет.", "war"],
    ],
  },
  {
    family: "a witness of a quarrel, children bribed with sweets, a husband's escape to go fishing",
    innocent: [
      ["ru", "Я была свидетелем их ссоры из-за отпуска, еле помирила."],
      ["en", "I bribed my son with chocolate to finish his homework."],
      ["ru", "Муж совершил побег на рыбалку в пять утра."],
    ],
    risky: [
      ["ru", "Свидетель по твоему делу отказался от показаний.", "case"],
      ["en", "I bribed the guard with cigarettes so he would pass the kids' letters.", "contraband"],
      ["ru", "Помоги организовать побег на рыбалку, охрана там не смотрит.", "contraband"],
    ],
  },
  {
    family: "names: a boat ridden in quotes, a pub, a title after watching, an interrogation by the headmaster, a three-letter preposition in a simile",
    innocent: [
      ["ru", "Поплыли на «Ракете» до Петергофа, было ветрено."],
      ["en", "We had lunch at the Grenadier pub near the river."],
      ["ru", "Лена смотрит «Следствие вели» каждый вечер."],
      ["ru", "Директор устроил нам допрос из-за опоздания."],
      ["en", "The headmaster interrogated us about being late."],
      ["ru", "Сын сидит над задачами, как под следствием."],
      ["be", "Дачка займаецца барацьбой тры разы на тыдзень."],
      ["en", "We bought a Kia, and Mia loves it."],
    ],
    risky: [
      ["ru", "Ракеты летели над городом всю ночь.", "war"],
      ["en", "My cousin is MIA since March, two of his friends are POWs.", "war"],
      ["ru", "Следователь устроил ему допрос без адвоката.", "case"],
      ["be", "Дачка займаецца барацьбой з рэжымам, яе ўжо двойчы затрымлівалі.", "politics"],
    ],
  },
  {
    family: "captive of a series, the old people's wish for peace, the front line of the pandemic",
    innocent: [
      ["ru", "Я в плену у этой книги, читаю до утра."],
      ["ru", "Дед поднял рюмку и сказал, как всегда: лишь бы не было войны."],
      ["uk", "Бабуся щоразу каже: аби не було війни, а решту переживемо."],
      ["en", "Our daughter was on the front line of the pandemic as a nurse."],
    ],
    risky: [
      ["ru", "Сосед в плену уже полгода, мы ждём обмена.", "war"],
      ["ru", "Война идёт уже третий год, лишь бы брат вернулся.", "war"],
      ["en", "My son is on the front line near Bakhmut.", "war"],
    ],
  },
  {
    family: "prefix traps of the dictionary audit: props, polonium, a young eagle, a sublease, the interrogative, a traffic warden, a song's «гей-гей»",
    innocent: [
      ["ru", "Дочка в театральном кружке отвечает за реквизит, шьёт костюмы."],
      ["ru", "Платье, красиво смотрящееся на ней, мы купили на выпускной."],
      ["uk", "Син читав про полоній і Марію Склодовську-Кюрі."],
      ["uk", "Над полем кружляв підорлик, дід показав його онукові."],
      ["uk", "Ми хочемо підорендувати частину складу під майстерню."],
      ["uk", "Гей-гей, заспівали діти на святі, і всі підхопили."],
      ["en", "Tom learnt the interrogative forms in his English lesson."],
      ["en", "A traffic warden gave Dad a ticket outside the bakery."],
      ["en", "Her old teacher wrote a lovely testimonial for the new job."],
    ],
    risky: [
      ["ru", "Пришли реквизиты карты, я переведу деньги на ларёк.", "contacts"],
      ["uk", "Брат у полоні вже пів року.", "war"],
      ["uk", "Який же він підор, цей сусід.", "profanity"],
      ["en", "The investigator asked about your case again.", "case"],
      ["en", "The warden put him in solitary again.", "prison"],
    ],
  },
  {
    family: "a sentence to the dishes, a cake finished off, a searched fridge, 'like in the army', a tough grandmother, the trenches of parenting, the sales",
    innocent: [
      ["ru", "Нас с братом приговорили к уборке гаража на все выходные."],
      ["ru", "Гости приговорили весь салат за полчаса."],
      ["uk", "Свекруха провела обшук у моєму холодильнику."],
      ["en", "The jury's verdict at the village show: best marrow in the county."],
      ["ru", "У Ольги в семье порядок, как в армии: подъём в семь."],
      ["be", "Бабуля сапраўдны салдат, праз тыдзень ужо на нагах."],
      ["en", "She's in the trenches with a newborn and a toddler."],
      ["en", "The supermarket was a war zone on Christmas Eve."],
      ["en", "Dad's been drafted in to help with the school fair."],
    ],
    risky: [
      ["ru", "Брата приговорили к восьми годам колонии.", "case"],
      ["ru", "Судья вынес приговор, а мама испекла торт на свидание.", "case"],
      ["ru", "У нас был обыск в квартире, забрали ноутбук.", "case"],
      ["ru", "Брат настоящий солдат, воюет под Покровском.", "war"],
      ["en", "My son is in the trenches near Bakhmut with his unit.", "war"],
      ["en", "My cousin got drafted last month.", "war"],
    ],
  },
  {
    family: "a fight with an appliance, water pistols, an unquoted title after watching",
    innocent: [
      ["ru", "Полдня воевал с пылесосом, он опять сломался."],
      ["en", "The kids ambushed me with water pistols at the gate."],
      ["en", "Watching Dad's Army with Grandad on Sunday."],
    ],
    risky: [
      ["ru", "Брат воевал под Херсоном, а дома сломался пылесос.", "war"],
      ["en", "He keeps pistols hidden in the garage.", "contraband"],
      ["en", "We watched the Russian Army shell the village.", "war"],
    ],
  },
  {
    family: "birds, pets and toddlers who occupy, take captive or go on hunger strike; captive of reports",
    innocent: [
      ["ru", "Голуби оккупировали наш подоконник и воркуют с шести утра."],
      ["be", "Малая аб'явіла галадоўку, пакуль не дадуць цукерку."],
      ["en", "The seagulls invaded our picnic on the beach."],
      ["uk", "Я весь тиждень у полоні звітів, навіть у кіно не ходила."],
    ],
    risky: [
      ["ru", "Малыш плачет: папа в плену уже год.", "war"],
      ["ru", "Кот остался у соседей, а нас оккупировали в марте.", "war"],
      ["ru", "Брат в СИЗО держит голодовку уже неделю, кот скучает.", "prison"],
    ],
  },
  {
    family: "a war on moles, a little daughter's strike, army service in the seventies",
    innocent: [
      ["uk", "Тато оголосив війну кротам на городі."],
      ["ru", "Внучка устроила забастовку: спать без сказки не ляжет."],
      ["en", "Dad still has his army boots from the eighties."],
      ["ru", "Дед разбирает свои армейские письма семидесятых годов."],
    ],
    risky: [
      ["be", "Нашы хлопцы за кратамі, а вайна ўсё ідзе.", "war"],
      ["ru", "Дочка вышла на забастовку против выборов.", "politics"],
      ["en", "Dad served in the army in the eighties, and now my brother has been drafted.", "war"],
    ],
  },
  {
    family: "a neighbour who exploded with anger, a wife who hid the cigarettes, a cat in solitary, a tug of war",
    innocent: [
      ["ru", "Папа взорвался, когда узнал, что мы разбили его удочку."],
      ["uk", "Дружина сховала мої цигарки в шафу, тепер не курю."],
      ["en", "The dog's in solitary confinement in the kitchen after eating the roast."],
      ["en", "The tug of war at the school fair ended with everyone in the mud."],
    ],
    risky: [
      ["ru", "Сосед погиб, дом взорвался ночью.", "war"],
      ["ru", "Жена спрятала сигареты в шов куртки, чтобы передать тебе в колонию.", "contraband"],
      ["en", "He was put in solitary confinement again, the guards beat him.", "prison"],
      ["ru", "Ночью у соседей взорвалось, мама взорвалась плачем.", "war"],
    ],
  },
  {
    family: "an investigation into a yoghurt, an exhibition of medieval weapons",
    innocent: [
      ["en", "My son launched an investigation into who ate the ice cream."],
      ["ru", "Сходили на выставку старинного оружия в краеведческом музее."],
    ],
    risky: [
      ["en", "The investigator started an investigation into your case.", "case"],
      ["ru", "Пришли в посылке старинное оружие, спрячь его в банке.", "contraband"],
    ],
  },
  {
    family: "a tutor questioned, a dog escorting the cat",
    innocent: [
      ["be", "Сын учыніў допыт рэпетытару: навошта вучыць дробы."],
      ["ru", "Собака конвоировала кота до самой двери."],
    ],
    risky: [
      ["uk", "Сина викликали на допит до слідчого.", "case"],
      ["ru", "Конвоир с собакой избил брата в СИЗО.", "prison"],
    ],
  },
])("$family", ({ innocent, risky }) => {
  it.each(innocent)("%s: no finding in «%s»", (language, text) => {
    expect(found(text as string, language as string)).toEqual([]);
  });
  it.each(risky)("%s: still flags «%s» as %s", (language, text, category) => {
    expect(found(text as string, language as string)).toContain(category);
  });
});
