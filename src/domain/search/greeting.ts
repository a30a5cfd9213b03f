/**
 * Hellos people type to a bot before anything else, in the languages our writers use. A greeting is answered as one
 * (what the bot can do), never searched as a surname: nobody in the directory is called «Привіт».
 */
const GREETINGS = new Set([
  // Ukrainian
  "привіт", "привітики", "вітаю", "добрий день", "доброго дня", "добрий вечір", "доброго вечора", "доброго ранку",
  "добридень", "здрастуйте", "здоровенькі були", "слава україні", "хай",
  // Russian
  "привет", "приветик", "здравствуйте", "здравствуй", "добрый день", "добрый вечер", "доброе утро", "доброго утра",
  "здрасте", "салют",
  // English
  "hello", "hi", "hey", "hiya", "good morning", "good afternoon", "good evening", "greetings",
  // Belarusian, Polish, German, a few more
  "прывітанне", "вітаю вас", "cześć", "hallo", "hola", "bonjour", "ciao", "salut",
]);

/** Words that may follow a hello without turning it into a name: «привіт, боте», «hello there». */
const ADDRESSEES = new Set(["бот", "боте", "ботик", "всім", "усім", "друже", "друзі", "всем", "there", "bot", "all", "everyone"]);

/** «Привіт!», «hello 👋», «Добрий день.», «привіт боте» → true; «Балух», «Привіт Балух», «Привітний» → false. */
export function isGreeting(text: string): boolean {
  const words = text
    .toLocaleLowerCase()
    .replace(/[ʼ'’]/gu, "'")
    .replace(/[^\p{L}\s']/gu, " ")
    .split(/\s+/u)
    .filter((word) => word !== "");
  if (words.length === 0 || /\d/u.test(text)) return false;
  const last = words.at(-1) ?? "";
  const greeting = ADDRESSEES.has(last) && words.length > 1 ? words.slice(0, -1) : words;
  return GREETINGS.has(greeting.join(" "));
}
