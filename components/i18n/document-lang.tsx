"use client";
import { useSearchParams } from "next/navigation";
import { useEffect } from "react";
import { langFrom, langTag } from "@/lib/i18n/lang";

/**
 * Keeps `<html lang>` in step with the URL's lang on client-side navigation (the root layout,
 * which sets it on the first response, is not rendered again then).
 */
export function DocumentLang() {
  const lang = langTag(langFrom(useSearchParams()));
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return null;
}
