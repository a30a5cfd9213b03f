import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createThrottledText } from "../../src/webapp/throttled-text.js";

describe("the counters' line while typing", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** An element that counts how often its text was written. */
  const line = () => {
    let text = "";
    const element = {
      writes: 0,
      get textContent() {
        return text;
      },
      set textContent(value: string) {
        text = value;
        element.writes++;
      },
    };
    return element;
  };

  it("shows the first change at once, then at most one write per interval, and always the newest text in the end", () => {
    const element = line();
    const show = createThrottledText(element as unknown as HTMLElement, 500);
    show("1", false);
    expect(element.textContent).toBe("1");
    // Keystrokes 150 ms apart: nothing written until the interval is up, then the newest figure.
    for (const [at, text] of [[150, "2"], [300, "3"], [450, "4"]] as const) {
      vi.advanceTimersByTime(150);
      show(text, false);
      expect(element.textContent, `at ${at} ms`).toBe("1");
    }
    vi.advanceTimersByTime(50);
    expect(element.textContent).toBe("4");
    show("5", false);
    vi.advanceTimersByTime(499);
    expect(element.textContent).toBe("4");
    vi.advanceTimersByTime(1);
    expect(element.textContent).toBe("5");
    expect(element.writes).toBe(3);
    // Typing has stopped: nothing more to write, and the next change is shown at once again.
    vi.advanceTimersByTime(5_000);
    expect(element.writes).toBe(3);
    show("6", false);
    expect(element.textContent).toBe("6");
  });

  it("writes at once when told to (a check answered), and never the same text twice", () => {
    const element = line();
    const show = createThrottledText(element as unknown as HTMLElement, 500);
    show("1", false);
    show("2", false);
    show("3", true);
    expect(element.textContent).toBe("3");
    show("3", true);
    vi.advanceTimersByTime(5_000);
    expect(element.writes).toBe(2);
  });
});
