"use client";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { LanguageLink } from "@/components/i18n/language-link";
import { appDictionary } from "@/lib/i18n/app-dictionary";
import { langFrom, withLang } from "@/lib/i18n/lang";
import type { TRole } from "@/lib/users";

interface AdminHeaderProps {
  user: { email: string; role: TRole };
  signOutAction: (form: FormData) => Promise<void>;
}

/**
 * The admin area's header: its pages, who is signed in, the language switch and Sign out. A client
 * component because the layout it sits in gets no search parameters: it reads lang from the URL itself.
 */
export function AdminHeader({ user, signOutAction }: AdminHeaderProps) {
  const lang = langFrom(useSearchParams());
  const t = appDictionary(lang).admin;
  const link = "rounded px-2 py-1 hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-sky-600";
  return (
    <header className="border-b border-slate-200 bg-slate-50">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href={withLang("/admin", lang)} className="font-semibold">
          {t.nav.home}
        </Link>
        <nav aria-label={t.nav.label} className="flex flex-wrap gap-2 text-sm">
          <Link href={withLang("/admin/editions", lang)} className={link}>
            {t.nav.editions}
          </Link>
          <Link href={withLang("/admin/audit", lang)} className={link}>
            {t.nav.audit}
          </Link>
          {user.role === "admin" && (
            <Link href={withLang("/admin/users", lang)} className={link}>
              {t.nav.users}
            </Link>
          )}
          <Link href={withLang("/", lang)} className={link}>
            {t.nav.dashboard}
          </Link>
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <LanguageLink className="text-sky-700 underline" />
          <span>
            {t.nav.signedInAs} <strong data-testid="admin-user-email">{user.email}</strong>{" "}
            <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-700">{t.roles[user.role]}</span>
          </span>
          <form action={signOutAction}>
            <input type="hidden" name="lang" value={lang} />
            <button
              type="submit"
              className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-sky-600"
            >
              {t.nav.signOut}
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
