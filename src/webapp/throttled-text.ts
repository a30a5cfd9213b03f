/**
 * An element's text that changes with every keystroke but is written at most once per `everyMs` while typing goes
 * on: the first change at once, then, in the keystroke's own frame, the newest text once that time is up, and the
 * last one when typing pauses for `pauseMs`; none is lost. Writing a line of text outside the editor box costs a
 * keystroke's frame a layout and a repaint of the page around it (~0.7 ms of main-thread CPU unthrottled,
 * docs/webapp.md "Figures"), which is then paid once per `everyMs`, not per keystroke; and never from a timer while
 * typing goes on, which would cost a frame of its own. `now` writes at once (a check answered, a draft loaded).
 */
export function createThrottledText(
  element: { textContent: string | null },
  everyMs: number,
  pauseMs: number,
  clock: () => number = () => performance.now(),
): (text: string, now: boolean) => void {
  let wanted = element.textContent ?? "";
  let written = -Infinity;
  let changed = -Infinity;
  let pause: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    clearTimeout(pause);
    pause = undefined;
    written = clock();
    // The same text set again would still be laid out and painted.
    if (element.textContent !== wanted) element.textContent = wanted;
  };
  const afterPause = () => {
    const quiet = clock() - changed;
    pause = quiet >= pauseMs ? undefined : setTimeout(afterPause, pauseMs - quiet);
    if (quiet >= pauseMs) write();
  };
  return (text, now) => {
    wanted = text;
    changed = clock();
    if (now || changed - written >= everyMs) write();
    else pause ??= setTimeout(afterPause, pauseMs);
  };
}
