import type { CompactViewData, CompactViewRow, RowSource, ViewData, ViewRow } from "@/lib/view-data";

// The compact shape of a view's data (/api/v1/series?shape=compact): each distinct
// source (editions, source, confidence) and note is named once, and rows refer to
// them by index. Most rows of a view share one source and one note, and those texts
// are most of the bytes. Pure and isomorphic: the server compacts, the dashboard expands.

/** Gives each distinct value the index of its first appearance. */
class IndexedList<T> {
  readonly items: T[] = [];
  private readonly indexes = new Map<string, number>();

  indexOf(key: string, item: T): number {
    let index = this.indexes.get(key);
    if (index === undefined) {
      index = this.items.push(item) - 1;
      this.indexes.set(key, index);
    }
    return index;
  }
}

/** The view with every source and note named once. */
export function compactViewData(data: ViewData): CompactViewData {
  const sources = new IndexedList<RowSource>();
  const notes = new IndexedList<string>();
  const compactRow = ({ editions, source, confidence, note, noteZh, ...row }: ViewRow): CompactViewRow => ({
    ...row,
    source: sources.indexOf(JSON.stringify([editions, source, confidence]), { editions, source, confidence }),
    note: note === null ? null : notes.indexOf(note, note),
    ...(noteZh !== undefined && { noteZh: notes.indexOf(noteZh, noteZh) }),
  });
  const { rows, extra, ...header } = data;
  return {
    ...header,
    rows: rows.map(compactRow),
    extra: extra.map((table) => ({ ...table, rows: table.rows.map(compactRow) })),
    sources: sources.items,
    rowNotes: notes.items,
  };
}

function itemAt<T>(items: readonly T[], index: number, what: string): T {
  const item = items[index];
  if (item === undefined) throw new Error(`A row refers to ${what} ${index}; the response has ${items.length}`);
  return item;
}

/** The view as compactViewData received it: each row with its own source and note. */
export function expandViewData(compact: CompactViewData): ViewData {
  const { rows, extra, sources, rowNotes, ...header } = compact;
  const expandRow = ({ source, note, noteZh, ...row }: CompactViewRow): ViewRow => ({
    ...row,
    ...itemAt(sources, source, "source"),
    note: note === null ? null : itemAt(rowNotes, note, "note"),
    ...(noteZh !== undefined && { noteZh: itemAt(rowNotes, noteZh, "note") }),
  });
  return {
    ...header,
    rows: rows.map(expandRow),
    extra: extra.map((table) => ({ ...table, rows: table.rows.map(expandRow) })),
  };
}
