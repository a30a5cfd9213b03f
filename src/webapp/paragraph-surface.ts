import { type BlockMark, marksByBlock } from "./spans.js";
import type { Surface } from "./surface.js";

/**
 * The letter as one `contenteditable="plaintext-only"` element holding a block (<div>) per paragraph, the marks drawn
 * with the CSS Custom Highlight API (`CSS.highlights`, styled by `::highlight(lysty-<category>)`): no overlay and no
 * element per mark. A keystroke changes one block's text, so the browser lays out that paragraph again, not the
 * 12,000 characters of a textarea and of a backdrop; blocks out of view are skipped (`content-visibility: auto`).
 *
 * The browser edits (typing, IME, paste as plain text, Enter, undo); the surface only reads. Enter inserts "\n" into
 * the block (Chromium keeps one more "\n", or a <br>, at a block's end to show the empty last line): a block's text is
 * its text nodes, a <br> for a line break, less that placeholder at its end; the letter is the blocks' texts joined
 * with "\n". A MutationObserver tells which blocks changed, so a keystroke reads one block, not the letter.
 */
export function paragraphSurfaceSupported(): boolean {
  if (typeof Highlight !== "function" || typeof CSS === "undefined" || !("highlights" in CSS)) return false;
  const probe = document.createElement("div");
  try {
    probe.contentEditable = "plaintext-only";
  } catch {
    return false; // an engine that does not know the value throws
  }
  return probe.contentEditable === "plaintext-only";
}

/** A piece of a block's text: a text node, or a line break (a <br>, or the start of a nested block). */
interface Leaf {
  node: Node;
  /** Characters of the text it stands for (0 for the placeholder at the block's end). */
  length: number;
}

interface Block {
  /** Undefined when the browser changed the block since it was read. */
  text: string | undefined;
  /** The text and its marks as drawn: the block is drawn again when this changes. */
  drawn: string;
  ranges: { name: string; range: Range }[];
}

const NESTED_BLOCK = new Set(["DIV", "P", "LI", "BLOCKQUOTE"]);

function leavesOf(block: Node): Leaf[] {
  const leaves: Leaf[] = [];
  let breakBefore = false;
  const walk = (parent: Node) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      const nested = NESTED_BLOCK.has(child.nodeName);
      if ((nested || breakBefore) && leaves.length > 0 && child.nodeType !== Node.COMMENT_NODE) leaves.push({ node: child, length: 1 });
      breakBefore = false;
      if (child.nodeType === Node.TEXT_NODE) leaves.push({ node: child, length: (child as Text).data.length });
      else if (child.nodeName === "BR") leaves.push({ node: child, length: 1 });
      else if (child.nodeType === Node.ELEMENT_NODE) {
        walk(child);
        breakBefore = nested;
      }
    }
  };
  if (block.nodeType === Node.TEXT_NODE) leaves.push({ node: block, length: (block as Text).data.length });
  else walk(block);
  // The placeholder that shows an empty last line: a <br> at the end, or the text's last "\n".
  const last = leaves.at(-1);
  if (last?.node.nodeName === "BR") last.length = 0;
  else if (last && last.node.nodeType === Node.TEXT_NODE && (last.node as Text).data.endsWith("\n")) last.length -= 1;
  return leaves;
}

function textOf(leaves: readonly Leaf[]): string {
  let text = "";
  for (const leaf of leaves) text += leaf.node.nodeType === Node.TEXT_NODE ? (leaf.node as Text).data.slice(0, leaf.length) : "\n".repeat(leaf.length);
  return text;
}

/** Highlight names are CSS identifiers: `lysty-<category>`, `-advice` for advice. */
const highlightName = (mark: BlockMark) => `lysty-${mark.category.replace(/[^a-z-]/g, "")}${mark.severity === "advice" ? "-advice" : ""}`;

export function createParagraphSurface(root: HTMLElement): Surface {
  const blocks = new Map<Node, Block>();
  let order: Node[] = [];
  let text = "";
  let maxLength = Infinity;
  const observer = new MutationObserver(() => undefined);
  observer.observe(root, { childList: true, subtree: true, characterData: true });

  const blockOf = (node: Node | null): Node | undefined => {
    let at = node;
    while (at && at.parentNode !== root) at = at.parentNode;
    return at ?? undefined;
  };

  const forget = (node: Node) => {
    for (const { name, range } of blocks.get(node)?.ranges ?? []) CSS.highlights.get(name)?.delete(range);
    blocks.delete(node);
  };

  const blockText = (node: Node): string => {
    let block = blocks.get(node);
    if (!block) {
      block = { text: undefined, drawn: "", ranges: [] };
      blocks.set(node, block);
    }
    block.text ??= textOf(leavesOf(node));
    return block.text;
  };

  /** Text or a <br> typed straight into the root (after everything was selected and deleted) goes into a block. */
  const wrapStrays = () => {
    const selection = getSelection();
    const anchor = selection?.anchorNode;
    const offset = selection?.anchorOffset ?? 0;
    let block: HTMLElement | undefined;
    for (const child of [...root.childNodes]) {
      if (child.nodeType === Node.ELEMENT_NODE && NESTED_BLOCK.has(child.nodeName)) {
        block = undefined;
        continue;
      }
      if (!block) {
        block = document.createElement("div");
        root.insertBefore(block, child);
      }
      block.append(child);
    }
    if (anchor && anchor !== root && root.contains(anchor)) selection?.collapse(anchor, offset);
  };

  /** Brings `text` up to date with the DOM: only the blocks the browser changed are read again. */
  const sync = () => {
    const records = observer.takeRecords();
    if (records.length === 0) return;
    let structure = false;
    for (const record of records) {
      if (record.target === root) structure = true;
      else {
        // Read again at once; its marks (live ranges, moved along by the browser) until it is drawn again.
        const block = blocks.get(blockOf(record.target) ?? root);
        if (block) block.text = undefined;
      }
    }
    if (structure) {
      if ([...root.childNodes].some((child) => !NESTED_BLOCK.has(child.nodeName))) wrapStrays();
      observer.takeRecords();
      const now = new Set<Node>(root.childNodes);
      for (const node of order) if (!now.has(node)) forget(node);
      order = [...root.childNodes];
    }
    const texts: string[] = [];
    for (const node of order) texts.push(blockText(node));
    text = texts.join("\n");
  };

  /** The DOM point at `offset` of a block's text. */
  const pointIn = (node: Node, offset: number): [Node, number] => {
    let left = offset;
    for (const leaf of leavesOf(node)) {
      if (leaf.node.nodeType === Node.TEXT_NODE) {
        if (left <= leaf.length) return [leaf.node, left];
      } else if (left === 0) {
        const parent = leaf.node.parentNode ?? node;
        return [parent, [...parent.childNodes].indexOf(leaf.node as ChildNode)];
      }
      left -= leaf.length;
    }
    return [node, node.childNodes.length];
  };

  /** The block holding the letter's `offset`, and where in it. */
  const locate = (offset: number): [Node, number] | undefined => {
    let start = 0;
    for (const node of order) {
      const length = blockText(node).length;
      if (offset <= start + length) return [node, offset - start];
      start += length + 1;
    }
    const last = order.at(-1);
    return last ? [last, blockText(last).length] : undefined;
  };

  const point = (offset: number): [Node, number] => {
    const found = locate(offset);
    return found ? pointIn(found[0], found[1]) : [root, 0];
  };

  /** The letter's offset of a DOM point (a selection's end) in the surface. */
  const offsetOf = (node: Node, offset: number): number => {
    if (node === root) {
      let start = 0;
      for (const child of order.slice(0, offset)) start += blockText(child).length + 1;
      return Math.min(start, text.length);
    }
    const block = blockOf(node);
    if (!block) return 0;
    let start = 0;
    for (const child of order) {
      if (child === block) break;
      start += blockText(child).length + 1;
    }
    const probe = document.createRange();
    probe.setStart(node, offset);
    let within = 0;
    for (const leaf of leavesOf(block)) {
      if (leaf.node === node) {
        within += Math.min(offset, leaf.length);
        break;
      }
      if (probe.comparePoint(leaf.node, 0) >= 0) break;
      within += leaf.length;
    }
    return start + Math.min(within, blockText(block).length);
  };

  /** True when a block's ranges already cover exactly its marks. */
  const rangesStay = (node: Node, ranges: Block["ranges"], marks: readonly BlockMark[]) =>
    ranges.length === marks.length &&
    marks.every((mark, index) => {
      const drawn = ranges[index];
      if (!drawn || drawn.name !== highlightName(mark)) return false;
      const [startNode, startOffset] = pointIn(node, mark.start);
      const [endNode, endOffset] = pointIn(node, mark.end);
      const { range } = drawn;
      return range.startContainer === startNode && range.startOffset === startOffset && range.endContainer === endNode && range.endOffset === endOffset;
    });

  const highlight = (name: string): Highlight => {
    let found = CSS.highlights.get(name);
    if (!found) {
      found = new Highlight();
      CSS.highlights.set(name, found);
    }
    return found;
  };

  const surface: Surface = {
    element: root,
    text: () => {
      sync();
      return text;
    },
    load(value, readOnly = false) {
      for (const node of order) forget(node);
      const fragment = document.createDocumentFragment();
      for (const paragraph of value.split("\n")) {
        const block = document.createElement("div");
        block.append(paragraph === "" ? document.createElement("br") : paragraph);
        fragment.append(block);
      }
      root.replaceChildren(fragment);
      observer.takeRecords();
      order = [...root.childNodes];
      text = value;
      setEditable(!readOnly && root.getAttribute("aria-disabled") !== "true");
      if (readOnly) root.setAttribute("aria-readonly", "true");
      else root.removeAttribute("aria-readonly");
    },
    enable(limit) {
      maxLength = limit;
      root.removeAttribute("aria-disabled");
      setEditable(root.getAttribute("aria-readonly") !== "true");
    },
    selection() {
      sync();
      const selection = getSelection();
      if (!selection || selection.rangeCount === 0 || !root.contains(selection.anchorNode)) return { start: text.length, end: text.length };
      const range = selection.getRangeAt(0);
      return { start: offsetOf(range.startContainer, range.startOffset), end: offsetOf(range.endContainer, range.endOffset) };
    },
    select(start, end) {
      sync();
      root.focus({ preventScroll: true });
      const [startNode, startOffset] = point(start);
      const [endNode, endOffset] = point(end);
      getSelection()?.setBaseAndExtent(startNode, startOffset, endNode, endOffset);
      (startNode instanceof Element ? startNode : startNode.parentElement)?.scrollIntoView({ block: "nearest" });
    },
    remove(start, end) {
      surface.select(start, end);
      if (document.execCommand("delete")) return;
      getSelection()?.getRangeAt(0).deleteContents();
      root.dispatchEvent(new Event("input"));
    },
    draw(findings) {
      sync();
      const marks = marksByBlock(
        order.map((node) => blockText(node).length),
        findings,
      );
      order.forEach((node, index) => {
        const block = blocks.get(node);
        const own = marks[index] ?? [];
        if (!block) return;
        const drawn = `${block.text ?? ""}\u0000${own.map((mark) => `${mark.start}:${mark.end}:${highlightName(mark)}`).join(",")}`;
        if (drawn === block.drawn) return;
        block.drawn = drawn;
        // Typing after a mark, or in a paragraph without any, leaves the (live) ranges where they were: then the
        // highlights are not touched, for any change to them has the browser paint every highlight again.
        if (rangesStay(node, block.ranges, own)) return;
        for (const { name, range } of block.ranges) CSS.highlights.get(name)?.delete(range);
        block.ranges = own.map((mark) => {
          const range = document.createRange();
          range.setStart(...pointIn(node, mark.start));
          range.setEnd(...pointIn(node, mark.end));
          const name = highlightName(mark);
          highlight(name).add(range);
          return { name, range };
        });
      });
    },
    onInput: (listener) => root.addEventListener("input", listener),
  };

  function setEditable(editable: boolean): void {
    if (editable) root.contentEditable = "plaintext-only";
    else root.removeAttribute("contenteditable");
  }

  // No more than maxLength characters: a typed or pasted insertion past it is refused (as a textarea's maxlength).
  root.addEventListener("beforeinput", (event) => {
    if (!event.inputType.startsWith("insert")) return;
    const adding = event.data?.length ?? event.dataTransfer?.getData("text/plain").length ?? 1;
    if (text.length + adding <= maxLength) return;
    const { start, end } = surface.selection();
    if (text.length - (end - start) + adding > maxLength) event.preventDefault();
  });
  return surface;
}
