import { statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkLetter } from "../../src/domain/censorship/index.js";
import { loadModel, MODEL_CATEGORIES, scoreSentence } from "../../src/domain/censorship/model.js";
import { type TrainingExample, trainingCorpus } from "../../src/domain/censorship/training/generate.js";
import { corpusDigest, DEFAULT_TRAINING, exampleNorms, trainModel } from "../../src/domain/censorship/training/train.js";

describe("the learned second opinion (issue 16)", () => {
  const model = loadModel();

  it("ships weights of at most 5 MB, trained from the corpus now in the repository", () => {
    const bytes = statSync(new URL("../../data/censorship/model.bin", import.meta.url)).size;
    expect(bytes).toBeLessThanOrEqual(5_000_000);
    expect(bytes).toBe(model.meta.buckets * MODEL_CATEGORIES.length);
    // A changed corpus without `npm run train:censorship` fails here: the weights would not be reproducible.
    const corpus = trainingCorpus();
    expect(corpusDigest(corpus)).toBe(model.meta.corpusSha256);
    expect(corpus.length).toBe(model.meta.examples);
  });

  it("is exactly what npm run train:censorship trains from this corpus and this code", { timeout: 120_000 }, () => {
    const trained = trainModel(trainingCorpus(), DEFAULT_TRAINING, model.meta.trainedAt);
    expect(trained.meta).toEqual(model.meta);
    expect(Buffer.from(trained.weights.buffer).equals(Buffer.from(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength))).toBe(true);
  });

  it("trains deterministically: the same corpus gives the same weights", () => {
    const small: TrainingExample[] = [
      ...["Брата забрали служить на восток", "Ночью опять бахало над домом", "Сын уехал воевать по контракту"].map(
        (text) => ({ text, lang: "ru", labels: ["war" as const], origin: "handwritten" as const }),
      ),
      ...["Испекла пирог с яблоками", "Кот спит на твоём свитере", "Читаю Чехова по вечерам"].map(
        (text) => ({ text, lang: "ru", labels: [], origin: "handwritten" as const }),
      ),
    ];
    const options = { ...DEFAULT_TRAINING, buckets: 1 << 12, epochs: 3 };
    const first = trainModel(small, options, "2026-12-06T00:00:00.000Z");
    const second = trainModel(small, options, "2026-12-06T00:00:00.000Z");
    expect(Buffer.from(first.weights.buffer).equals(Buffer.from(second.weights.buffer))).toBe(true);
    expect(first.meta).toEqual(second.meta);
  });

  it("scores a paraphrase of war higher than an everyday sentence", () => {
    const scores = new Float64Array(MODEL_CATEGORIES.length);
    const war = MODEL_CATEGORIES.indexOf("war");
    scoreSentence(model, exampleNorms("Соседского парня увезли на автобусе вместе с другими мужиками на восток"), scores);
    const risky = scores[war] ?? 0;
    scoreSentence(model, exampleNorms("Вчера я испекла пирог и гуляла с собакой в парке"), scores);
    expect(risky).toBeGreaterThan((scores[war] ?? 0) + 0.3);
  });

  it("reports only as danger or advice, saying the sentence might be read so", () => {
    const letter = "Говорят, опять бьют по энергетике, света нет по десять часов.";
    const findings = checkLetter(letter, { system: "ru" }).findings.filter((finding) => finding.ruleId.startsWith("model-"));
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      expect(["danger", "advice"]).toContain(finding.severity);
      expect(finding.explanationKey).toBe("censorship-model-why");
      expect(letter.slice(finding.start, finding.end)).toBe(finding.excerpt);
    }
  });
});
