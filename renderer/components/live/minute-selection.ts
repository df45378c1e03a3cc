// The part of an entry the secretary selected, for 转为诉求 (a demand made of her selection).

/** The selected text inside `el`, clipped to it; empty when none of it is selected. */
export function selectedTextWithin(el: HTMLElement | undefined): string {
  const selection = window.getSelection();
  if (!el || !selection || selection.isCollapsed || selection.rangeCount === 0) return '';
  const range = selection.getRangeAt(0).cloneRange();
  if (!range.intersectsNode(el)) return '';
  if (!el.contains(range.startContainer)) range.setStart(el, 0);
  if (!el.contains(range.endContainer)) range.setEnd(el, el.childNodes.length);
  return range.toString().trim();
}

/** The element of the entry where the selection begins, if it begins inside `root`. */
export function selectionAnchorWithin(root: HTMLElement | undefined): HTMLElement | undefined {
  const node = window.getSelection()?.anchorNode;
  if (!root || !node || !root.contains(node)) return undefined;
  const el = node instanceof HTMLElement ? node : node.parentElement;
  return el?.closest<HTMLElement>('[data-index]') ?? undefined;
}
