import type { TLang } from "@/lib/view-state";
import { adminEn, adminZh } from "./admin-text";
import { dictionary, type TDictionary } from "./index";
import { pagesEn, pagesZh } from "./pages-text";

// The whole dictionary: the dashboard's texts with the admin area's (`.admin`) and
// /overview's and /editions' (`.pages`), for the pages outside the dashboard.

export type TAppDictionary = TDictionary & { admin: typeof adminEn; pages: typeof pagesEn };

const DICTIONARIES: Record<TLang, TAppDictionary> = {
  en: { ...dictionary("en"), admin: adminEn, pages: pagesEn },
  zh: { ...dictionary("zh"), admin: adminZh, pages: pagesZh },
};

export function appDictionary(lang: TLang): TAppDictionary {
  return DICTIONARIES[lang];
}
