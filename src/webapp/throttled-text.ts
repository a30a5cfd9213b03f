/**
 * An element's text that changes with every keystroke but is written at most once per `everyMs` while typing goes
 * on: the first change at once, later ones when that time is up (the newest text then), and none is lost. Writing a
 * line of text outside the editor box costs a keystroke's frame a layout and a repaint of the page around it (~0.7 ms
 * of main-thread CPU unthrottled, docs/webapp.md "Figures"), which is then paid once per `everyMs`, not per keystroke.
 * `now` writes at once (a check answered, a draft loaded: no keystroke's frame to spare).
 */
export function createThrottledText(element: HTMLElement, everyMs: number): (text: string, now: boolean) => void {
  let wanted = element.textContent ?? "";
  let cooling: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    // The same text set again would still be laid out and painted.
    if (element.textContent !== wanted) element.textContent = wanted;
  };
  const coolDown = () => {
    cooling = setTimeout(() => {
      cooling = undefined;
      if (element.textContent === wanted) return;
      write();
      coolDown();
    }, everyMs);
  };
  return (text, now) => {
    wanted = text;
    if (now) {
      clearTimeout(cooling);
      cooling = undefined;
      write();
    } else if (cooling === undefined) {
      write();
      coolDown();
    }
  };
}
