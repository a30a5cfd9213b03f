import { describeFrozenSet, SAFE_KINDS } from "../holdout/frozen-set.js";

describeFrozenSet({
  name: "held-out set 3",
  folder: new URL("./", import.meta.url),
  idPrefix: "h3-",
  digests: {
    sentences: "3a0c158ed4616ab97e78b4bb9b457480f1aef505e4877beb8107fe6c50507734",
    letters: "5bfce95f5dcd513d432374d4ccfbadf2d80af90e99f224da5aea876ac9a50b17",
  },
  minSentences: 240,
  minPerLanguage: 50,
  safeShare: { min: 0.4, max: 1 },
  // Risky kinds in two languages at least, prison subculture and threats in three; safe kinds in any.
  minLanguagesOfKind: (kind) => (kind === "subculture" || kind === "threat" ? 3 : SAFE_KINDS.includes(kind) ? 1 : 2),
  passages: 16,
});
