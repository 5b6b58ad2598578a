import Link from "next/link";
import { appDictionary } from "@/lib/i18n/app-dictionary";
import { withLang } from "@/lib/i18n/lang";
import type { TLang } from "@/lib/view-state";

/** The text of an unknown edition's 404 page, in English or Chinese. */
export function EditionNotFoundMessage({ lang }: { lang: TLang }) {
  const t = appDictionary(lang).pages.edition;
  return (
    <main className="mx-auto max-w-3xl space-y-4 px-4 py-12">
      <h1 className="text-2xl font-bold">{t.notFoundTitle}</h1>
      <p className="text-slate-700">{t.notFoundText}</p>
      <p>
        <Link href={withLang("/editions", lang)} className="text-sky-800 underline">{t.notFoundEditions}</Link> ·{" "}
        <Link href={withLang("/", lang)} className="text-sky-800 underline">{t.notFoundDashboard}</Link>
      </p>
    </main>
  );
}
