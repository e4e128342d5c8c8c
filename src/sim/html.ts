/** What every HTML report shares: escaping. */

/** Escapes text for HTML element content and attribute values (quotes included), so any text renders as text. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}
