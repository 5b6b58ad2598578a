"use client";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { dictionary } from "@/lib/i18n";
import { langFrom, withLang } from "@/lib/i18n/lang";

/** The 403 page's text, in the URL's language (forbidden.tsx gets no search parameters). */
export function ForbiddenMessage() {
  const lang = langFrom(useSearchParams());
  const t = dictionary(lang).admin.forbidden;
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
