import "server-only";

/** The non-empty parts of a note, joined with "; " (null when there are none). */
export function joinNotes(...parts: (string | null | undefined | false)[]): string | null {
  return parts.filter((part): part is string => !!part && part.trim() !== "").join("; ") || null;
}
