import type { TLang } from "@/lib/view-state";

// The language of a page outside the dashboard (admin area, /overview, /editions) lives in the
// URL as the dashboard's does: `lang=zh`, absent for English. Every link between those pages
// goes through withLang, so the language is kept.

/** The request header in which proxy.ts tells the root layout the page's `<html lang>`. */
export const LANG_HEADER = "x-torch-atlas-lang";

/** The language a page's search parameters ask for: zh only for `lang=zh`, else English. */
export function langFrom(params: Record<string, string | string[] | undefined> | URLSearchParams): TLang {
  const raw = params instanceof URLSearchParams ? params.get("lang") : params.lang;
  return (Array.isArray(raw) ? raw[0] : raw) === "zh" ? "zh" : "en";
}

/** The BCP 47 tag for `<html lang>` and `lang` attributes. */
export function langTag(lang: TLang): "en" | "zh-CN" {
  return lang === "zh" ? "zh-CN" : "en";
}

/**
 * `href` (a path with or without a query and hash) in `lang`: `lang=zh` set for Chinese,
 * removed for English, the rest of the query kept in its order.
 */
export function withLang(href: string, lang: TLang): string {
  const hashAt = href.indexOf("#");
  const hash = hashAt >= 0 ? href.slice(hashAt) : "";
  const beforeHash = hashAt >= 0 ? href.slice(0, hashAt) : href;
  const queryAt = beforeHash.indexOf("?");
  const path = queryAt >= 0 ? beforeHash.slice(0, queryAt) : beforeHash;
  const query = new URLSearchParams(queryAt >= 0 ? beforeHash.slice(queryAt + 1) : "");
  query.delete("lang");
  if (lang === "zh") query.set("lang", "zh");
  const search = query.toString();
  return `${path}${search ? `?${search}` : ""}${hash}`;
}
