import { describe, expect, it } from "vitest";
import { letterStats } from "../../src/domain/censorship/stats.js";
import { createLetterCounter } from "../../src/webapp/counters.js";
import { paragraphsChanged } from "../../src/webapp/spans.js";

describe("the editor's live counters", () => {
  const paragraph = "Здравствуйте, Борис Юльевич! Жовто-блакитний don't 2024 😀 — що Ви зараз читаєте?  ";
  /** Paragraphs added one by one, a word typed into the middle, a paragraph removed, blank and white-space lines. */
  const editSteps = () => {
    let text = "";
    const steps: string[] = [];
    for (let index = 0; index < 40; index++) steps.push((text += `${paragraph.repeat(1 + (index % 3))}\n${index % 5 === 0 ? "\n   \n" : ""}`));
    const middle = Math.floor(text.length / 2);
    steps.push((text = `${text.slice(0, middle)}слово ${text.slice(middle)}`));
    steps.push((text = `${text.slice(0, middle)}\n${text.slice(middle)}`));
    steps.push((text = `${text.slice(0, middle)}${text.slice(middle + 1)}`));
    steps.push((text = text.replace(`${paragraph}\n`, "")));
    steps.push("", "   ", "\n\n", "😀", text.slice(0, 4000), text);
    return steps;
  };

  it("count a text edited step by step exactly as letterStats counts it whole", () => {
    const counter = createLetterCounter();
    const steps = editSteps();
    for (const step of steps) expect(counter(step)).toEqual(letterStats(step));
    // Pages do go up with the text: the comparison above is not between zeros.
    expect(counter(steps.at(-1) ?? "").pages).toBeGreaterThan(1);
  });

  it("count the same when told which paragraphs each step changed, and keystroke by keystroke", () => {
    const counter = createLetterCounter();
    let before = "";
    for (const step of editSteps()) {
      const changed = paragraphsChanged(before, [], step, []);
      expect(counter(step, changed?.change)).toEqual(letterStats(step));
      before = step;
    }
    // Typed one character at a time into the middle, then a line break, then deleted back.
    let text = before;
    const at = Math.floor(text.length / 3);
    for (const typed of ["а", "б", " ", "\n", "в"]) {
      const next = `${text.slice(0, at)}${typed}${text.slice(at)}`;
      expect(counter(next, paragraphsChanged(text, [], next, [])?.change)).toEqual(letterStats(next));
      text = next;
    }
    const deleted = `${text.slice(0, at)}${text.slice(at + 3)}`;
    expect(counter(deleted, paragraphsChanged(text, [], deleted, [])?.change)).toEqual(letterStats(deleted));
  });
});
