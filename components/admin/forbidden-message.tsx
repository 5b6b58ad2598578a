import Link from "next/link";
import { appDictionary } from "@/lib/i18n/app-dictionary";
import { withLang } from "@/lib/i18n/lang";
import type { TLang } from "@/lib/view-state";

/** The 403 page's text in English or Chinese. */
export function ForbiddenMessage({ lang }: { lang: TLang }) {
  const t = appDictionary(lang).admin.forbidden;
  return (
    <section aria-labelledby="forbidden-heading" className="space-y-3">
      <h1 id="forbidden-heading" className="text-2xl font-bold">
        {t.title}
      </h1>
      <p className="text-slate-700">{t.text}</p>
      <p>
        <Link href={withLang("/admin", lang)} className="text-sky-700 underline">
          {t.back}
        </Link>
      </p>
    </section>
  );
}
