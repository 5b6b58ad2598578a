import { SampleBadge } from "./sample-badge";

export interface EditionListItem {
  slug: string;
  title: string;
  source: string;
  isSample: boolean;
  observationCount: number;
  publishedAt: Date | null;
}

export function EditionList({ editions }: { editions: EditionListItem[] }) {
  if (editions.length === 0) {
    return <p className="text-slate-600">No edition is published yet. An admin can upload one.</p>;
  }
  return (
    <ul className="space-y-3" aria-label="Editions loaded">
      {editions.map((edition) => (
        <li key={edition.slug} className="rounded border border-slate-200 p-3">
          <p className="font-medium">
            {edition.title}
            {edition.isSample && <SampleBadge />}
          </p>
          <p className="text-sm text-slate-600">
            <code>{edition.slug}</code> · {edition.observationCount.toLocaleString("en-US")} observations · published{" "}
            {edition.publishedAt?.toISOString().slice(0, 10) ?? "—"}
          </p>
          <p className="mt-1 text-sm text-slate-700">{edition.source}</p>
        </li>
      ))}
    </ul>
  );
}
