// Keeps user-written text in messages short: a manifest can hold a value of any length, or
// thousands of keys, and a message that repeats all of it buries the point.

/** Values longer than this are cut in messages. */
export const VALUE_LIMIT = 40;

/** Names (keys, tables, columns) get a little more room: they are what users search for. */
export const NAME_LIMIT = 60;

/** Lists in messages name at most this many items, then say how many more there are. */
export const LIST_LIMIT = 10;

/** A scalar as text for messages, cut short with `…` when long. */
export function shorten(text: string, max = VALUE_LIMIT): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The first LIST_LIMIT items, then `and N more` for the rest. */
export function capList(items: readonly string[], limit = LIST_LIMIT): string[] {
  if (items.length <= limit) return [...items];
  return [...items.slice(0, limit), `and ${items.length - limit} more`];
}
