import { describeFrozenSet } from "../holdout/frozen-set.js";

describeFrozenSet({
  name: "held-out set 4",
  folder: new URL("./", import.meta.url),
  idPrefix: "h4-",
  digests: {
    sentences: "105d3d0110e32d95ce9ea2c682e17901a464499edd6061bb35b1d7324d5377b9",
    letters: "e8b3ccff9d8330276e940e595c2a00a95b267745ca06f225695afbf5588cc901",
  },
  minSentences: 300,
  minPerLanguage: 65,
  safeShare: { min: 0.4, max: 0.45 },
  // Every kind, risky or safe, is written in all four languages (a writer in Ukraine naming their city is exempt).
  minLanguagesOfKind: () => 4,
  passages: 17,
});
