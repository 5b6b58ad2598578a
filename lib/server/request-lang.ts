import "server-only";
import { headers } from "next/headers";
import { LANG_HEADER } from "@/lib/i18n/lang";
import type { TLang } from "@/lib/view-state";

/**
 * The language of the page being rendered, from the header proxy.ts sets from its URL: for the
 * root layout, not-found and forbidden pages, which get no search parameters.
 */
export async function getRequestLang(): Promise<TLang> {
  return (await headers()).get(LANG_HEADER) === "zh-CN" ? "zh" : "en";
}
