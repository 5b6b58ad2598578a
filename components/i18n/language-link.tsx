"use client";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { dictionary } from "@/lib/i18n";
import { langFrom, langTag, withLang } from "@/lib/i18n/lang";

/**
 * The language switch of the pages outside the dashboard: "中文" / "English", a link to this
 * page with the same query in the other language (the dashboard's button does the same with its view state).
 */
export function LanguageLink({ className }: { className?: string }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const lang = langFrom(searchParams);
  const other = lang === "zh" ? "en" : "zh";
  const query = searchParams.toString();
  return (
    <Link href={withLang(`${pathname}${query ? `?${query}` : ""}`, other)} lang={langTag(other)} className={className}>
      {dictionary(lang).otherLanguage}
    </Link>
  );
}
