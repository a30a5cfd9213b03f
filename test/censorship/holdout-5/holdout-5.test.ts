import { describeFrozenSet } from "../holdout/frozen-set.js";

describeFrozenSet({
  name: "held-out set 5",
  folder: new URL("./", import.meta.url),
  idPrefix: "h5-",
  digests: {
    sentences: "dbafce9ee455b60fcb1d2256371c38064c7314425287b6396268e091e168e70f",
    letters: "d1430eef9647167344a88d14c128b6a5454ad81b67976a3a369638b4558dcbca",
  },
  minSentences: 320,
  minPerLanguage: 70,
  safeShare: { min: 0.4, max: 0.45 },
  // Every kind, risky or safe, is written in all four languages (a writer in Ukraine naming their city is exempt).
  minLanguagesOfKind: () => 4,
  passages: 17,
});
