import type { TLang } from "@/lib/view-state";
import { appDictionary } from "@/lib/i18n/app-dictionary";
import type { TParkChangeView } from "@/lib/zone-changes";

// What an edition does to the zone registry — zones it adds, fields it
// corrects (old → new) — on the edition's review page.

type TFieldValue = TParkChangeView["fields"][number]["new"];

export function ZoneChanges({
  changes,
  status,
  lang,
  provinceName,
}: {
  changes: TParkChangeView[];
  status: "DRAFT" | "PUBLISHED" | "RETIRED";
  lang: TLang;
  provinceName: (adcode: number) => string;
}) {
  if (changes.length === 0) return null;
  const t = appDictionary(lang).admin.zoneChanges;
  const added = changes.filter((c) => c.kind === "ADD").length;
  const corrected = changes.length - added;
  const show = (field: string, value: TFieldValue) =>
    value === null || value === "" ? t.none : field === "provinceAdcode" ? provinceName(Number(value)) : String(value);
  return (
    <section aria-labelledby="zones-heading" className="space-y-2">
      <h2 id="zones-heading" className="text-xl font-semibold">{t.heading}</h2>
      <p className="text-sm">
        {status === "DRAFT" ? t.draft(added, corrected) : status === "PUBLISHED" ? t.published(added, corrected) : t.retired}
      </p>
      <table className="w-full max-w-5xl text-left text-sm" data-testid="zone-changes">
        <thead className="border-b border-slate-300 text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-4">{t.zone}</th>
            <th scope="col" className="py-1 pr-4">{t.change}</th>
            <th scope="col" className="py-1">{t.fields}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.slug} className="border-b border-slate-100 align-top">
              <td className="py-1 pr-4">
                <span className="font-medium">{lang === "zh" ? change.nameZh : (change.nameEn ?? change.nameZh)}</span>
                <span className="block text-xs text-slate-500">{t.where(change.sheet, change.row)}</span>
              </td>
              <td className="py-1 pr-4">
                {change.kind === "ADD" ? t.added : t.corrected}
                {change.isInRegistry && <span className="block text-xs text-slate-500">{t.inRegistry}</span>}
              </td>
              <td className="py-1">
                <ul>
                  {change.fields.map(({ field, old, new: next }) => (
                    <li key={field}>
                      <span className="text-slate-600">{t.labels[field] ?? field}:</span>{" "}
                      {change.kind === "UPDATE" && <><del>{show(field, old)}</del> → </>}
                      <ins className="no-underline">{show(field, next)}</ins>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
