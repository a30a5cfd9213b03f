/**
 * A short sentence typed where a name search would run («Я тоже люблю читать.», «Дякую за допомогу!», «Thank you so
 * much»): answered with what the bot can do instead of a search nobody meant. Conservative on purpose, since a name that
 * is not searched is worse than a sentence that is: only words no surname or given name in our directory is spelled
 * like count — pronouns, prepositions, conjunctions, auxiliaries, thanks — and never a one-letter word, which may be an
 * initial («Кагарлицкий Б. Ю.», «Пономаренко М.»). A text with a year is a name query («Мария Пономаренко 1978»).
 */
const FUNCTION_WORDS = new Set([
  // Ukrainian
  "ти", "ви", "ми", "він", "вона", "воно", "вони", "мені", "мене", "мій", "моя", "моє", "мої", "твій", "ваш", "ваша",
  "наш", "наша", "це", "цей", "ця", "теж", "також", "тож", "не", "ні", "та", "але", "або", "що", "як", "де", "коли",
  "чому", "чи", "на", "за", "із", "зі", "до", "від", "для", "про", "по", "при", "без", "дуже", "люблю", "дякую",
  "будь", "ласка", "хочу", "можна", "можу", "треба", "був", "була", "буде", "вже", "ще", "тут", "там", "тільки",
  "лише", "просто", "добре", "вам", "тобі", "усе", "все", "щиро", "спасибі",
  // Russian
  "ты", "вы", "мы", "он", "она", "оно", "они", "мне", "меня", "мой", "моё", "мое", "мои", "твой", "наши", "это",
  "этот", "эта", "тоже", "также", "нет", "да", "но", "или", "что", "как", "где", "когда", "почему", "во", "со",
  "от", "об", "очень", "спасибо", "пожалуйста", "благодарю", "могу", "надо", "нужно", "есть", "была", "будет", "уже",
  "ещё", "еще", "только", "хорошо", "тебе", "всё", "большое", "помощь", "помощи",
  // English
  "you", "we", "he", "she", "they", "it", "me", "my", "your", "our", "this", "that", "is", "am", "are", "was", "were",
  "not", "and", "but", "or", "what", "how", "where", "why", "the", "of", "for", "with", "from", "about", "very",
  "thanks", "thank", "please", "i'm", "it's", "don't", "much", "help",
  // Ukrainian nouns of thanks and help
  "допомогу", "допомога", "допомогою",
]);

/** Thanks alone is no name either: «Дякую!», «Спасибо», «Thanks». */
const THANKS = new Set(["дякую", "спасибі", "спасибо", "благодарю", "thanks", "thx", "дзякуй", "dziękuję", "danke", "merci"]);

function wordsOf(text: string): string[] {
  return text
    .toLocaleLowerCase()
    .replace(/[ʼ'’`´]/gu, "'")
    .split(/[^\p{L}\p{M}\p{N}']+/u)
    .map((word) => word.replace(/^'+|'+$/gu, ""))
    .filter((word) => word !== "");
}

/** «Я тоже люблю читать.», «Дякую за допомогу!», «Спасибо!» → true; «Кагарлицкий», «Борис Кагарлицький», «kagarlitsky», «Мария Пономаренко 1978» → false. */
export function isSentence(text: string): boolean {
  const words = wordsOf(text);
  if (words.length === 0 || words.some((word) => /^\d{4}$/u.test(word))) return false;
  if (words.length === 1) return THANKS.has(words[0] as string);
  const functionWords = words.filter((word) => word.length > 1 && FUNCTION_WORDS.has(word)).length;
  if (functionWords >= 2) return true;
  // One such word in three or more, ending as a sentence does: «Читаю Толстого, как и Вы.» (not «Где Кагарлицкий?»).
  return functionWords === 1 && words.length >= 3 && /[.!?…]["»)]*\s*$/u.test(text);
}
