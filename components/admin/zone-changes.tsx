import type { TLang } from "@/lib/view-state";

// What an edition does to the zone registry — zones it adds, fields it
// corrects (old → new) — on the edition's review page.

type TFieldValue = string | number | null;

export interface ZoneChange {
  slug: string;
  kind: "ADD" | "UPDATE";
  nameZh: string;
  nameEn: string | null;
  sheet: string | null;
  row: number | null;
  fields: { field: string; old: TFieldValue; new: TFieldValue }[];
  isInRegistry: boolean;
}

const TEXT = {
  en: {
    heading: "Zone registry",
    draft: (added: number, corrected: number) =>
      `Publishing this edition adds ${added} ${added === 1 ? "zone" : "zones"} to the registry and corrects ${corrected}.`,
    published: (added: number, corrected: number) =>
      `This edition added ${added} ${added === 1 ? "zone" : "zones"} to the registry and corrected ${corrected}. Retiring it takes its zones out again (unless another published edition reports them) and restores the old values.`,
    retired: "This edition's changes to the registry were undone when it was retired.",
    zone: "Zone",
    change: "Change",
    fields: "Fields (old → new)",
    added: "new zone",
    corrected: "correction",
    inRegistry: "already in the registry: another edition brought it in",
    where: (sheet: string | null, row: number | null) => (row === null ? "" : `row ${row}${sheet ? ` of “${sheet}”` : ""}`),
    labels: {
      nameZh: "Chinese name",
      nameEn: "English name",
      cityZh: "City",
      cityEn: "City (English)",
      provinceAdcode: "Province",
      approvedOn: "Approved on",
      approvalYear: "Approval year",
      sourceRef: "Source",
      confidence: "Confidence",
      note: "Note",
    } as Record<string, string>,
    none: "—",
  },
  zh: {
    heading: "高新区名录",
    draft: (added: number, corrected: number) => `发布本版将向高新区名录新增 ${added} 个高新区，更正 ${corrected} 个。`,
    published: (added: number, corrected: number) =>
      `本版向名录新增了 ${added} 个高新区，更正了 ${corrected} 个。停用本版将移除这些高新区（其他已发布版本仍报告的除外），并恢复原值。`,
    retired: "本版停用时，其对名录的改动已撤销。",
    zone: "高新区",
    change: "改动",
    fields: "字段（原值 → 新值）",
    added: "新增",
    corrected: "更正",
    inRegistry: "已在名录中：由其他版本加入",
    where: (sheet: string | null, row: number | null) => (row === null ? "" : `${sheet ? `工作表“${sheet}”` : ""}第 ${row} 行`),
    labels: {
      nameZh: "中文名称",
      nameEn: "英文名称",
      cityZh: "城市",
      cityEn: "城市（英文）",
      provinceAdcode: "省份",
      approvedOn: "批准日期",
      approvalYear: "批准年份",
      sourceRef: "来源",
      confidence: "可信度",
      note: "备注",
    } as Record<string, string>,
    none: "—",
  },
};

export function ZoneChanges({
  changes,
  status,
  lang,
  provinceName,
}: {
  changes: ZoneChange[];
  status: "DRAFT" | "PUBLISHED" | "RETIRED";
  lang: TLang;
  provinceName: (adcode: number) => string;
}) {
  if (changes.length === 0) return null;
  const t = TEXT[lang];
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
