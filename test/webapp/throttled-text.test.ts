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
  /** Shown every 500 ms at the most while typing, and 300 ms after the last keystroke. */
  const throttled = (element: ReturnType<typeof line>) => createThrottledText(element, 500, 300, () => Date.now());

  it("shows the first change at once, then the newest in a keystroke at most every 500 ms, and the last after a pause", () => {
    const element = line();
    const show = throttled(element);
    show("1", false);
    expect(element.textContent).toBe("1");
    // Keystrokes 150 ms apart: not written until 500 ms are up, then by the keystroke, never by a timer in between.
    for (const [at, text, shown] of [[150, "2", "1"], [300, "3", "1"], [450, "4", "1"], [600, "5", "5"], [750, "6", "5"], [900, "7", "5"]] as const) {
      vi.advanceTimersByTime(150);
      show(text, false);
      expect(element.textContent, `at ${at} ms`).toBe(shown);
    }
    expect(element.writes).toBe(2);
    // Typing pauses: the last figure 300 ms after the last keystroke.
    vi.advanceTimersByTime(299);
    expect(element.textContent).toBe("5");
    vi.advanceTimersByTime(1);
    expect(element.textContent).toBe("7");
    vi.advanceTimersByTime(5_000);
    expect(element.writes).toBe(3);
    // The next change after the pause is shown at once again.
    show("8", false);
    expect(element.textContent).toBe("8");
  });

  it("writes at once when told to (a check answered), and never the same text twice", () => {
    const element = line();
    const show = throttled(element);
    show("1", false);
    show("2", false);
    show("3", true);
    expect(element.textContent).toBe("3");
    show("3", true);
    vi.advanceTimersByTime(5_000);
    expect(element.writes).toBe(2);
  });
});
