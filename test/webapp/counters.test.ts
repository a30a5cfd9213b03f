import { describe, expect, it } from "vitest";
import { letterStats } from "../../src/domain/censorship/stats.js";
import { createLetterCounter } from "../../src/webapp/counters.js";

describe("the editor's live counters", () => {
  it("count a text edited step by step exactly as letterStats counts it whole", () => {
    const counter = createLetterCounter();
    const paragraph = "Здравствуйте, Борис Юльевич! Жовто-блакитний don't 2024 😀 — що Ви зараз читаєте?  ";
    let text = "";
    const steps: string[] = [];
    // Paragraphs added one by one, a word typed into the middle, a paragraph removed, blank and white-space lines.
    for (let index = 0; index < 40; index++) steps.push((text += `${paragraph.repeat(1 + (index % 3))}\n${index % 5 === 0 ? "\n   \n" : ""}`));
    const middle = Math.floor(text.length / 2);
    steps.push((text = `${text.slice(0, middle)}слово ${text.slice(middle)}`));
    steps.push((text = text.replace(`${paragraph}\n`, "")));
    steps.push("", "   ", "\n\n", "😀", text.slice(0, 4000), text);
    for (const step of steps) expect(counter(step)).toEqual(letterStats(step));
    // Pages do go up with the text: the comparison above is not between zeros.
    expect(counter(text).pages).toBeGreaterThan(1);
  });
});
