/**
 * A small DOM builder. Text always goes in through `textContent` (never innerHTML), so whatever a player or a
 * scenario writes is shown as text, and nothing it contains can become markup.
 */

type Child = Node | string | null | undefined | false;
export type Attrs = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;

/** Creates an element; attributes named `on…` are listeners, `text` sets textContent. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') node.addEventListener(name.slice(2).toLowerCase(), value);
    else if (name === 'text') node.textContent = String(value);
    else if (name === 'value' && 'value' in node)
      (node as unknown as { value: string }).value = String(value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children)
    if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

/** Longest text shown from any one message or label a player typed, so nothing overflows the panels. */
/** Offers `blob` to the player as a file named `name` (the browser's download). */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const MAX_SHOWN_CHARS = 600;

export function bounded(text: string, max = MAX_SHOWN_CHARS): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Replaces a container's children, keeping keyboard focus on the element with the same `data-key` if it is still
 * there, so a redraw after each move does not throw a keyboard user back to the top.
 */
export function replace(container: HTMLElement, ...children: Child[]): void {
  const active = document.activeElement as HTMLElement | null;
  const key = active && container.contains(active) ? active.dataset.key : undefined;
  // A text field keeps its caret too (a class match redraws while someone types).
  const caret =
    active instanceof HTMLInputElement && active.type === 'text'
      ? [active.selectionStart, active.selectionEnd]
      : null;
  container.replaceChildren(
    ...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false),
  );
  if (key) {
    const again = container.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
    again?.focus();
    if (caret && again instanceof HTMLInputElement && again.type === 'text')
      again.setSelectionRange(caret[0], caret[1]);
  }
}
