import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/admin/sign-in-form";
import { appDictionary } from "@/lib/i18n/app-dictionary";
import { langFrom, langTag, withLang } from "@/lib/i18n/lang";
import { getPageUser, safeNextPath } from "@/lib/server/auth/guard";
import { signInAction } from "../actions";

export const dynamic = "force-dynamic";

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: TSearchParams }): Promise<Metadata> {
  return { title: appDictionary(langFrom(await searchParams)).admin.signIn.pageTitle, robots: { index: false } };
}

/** Sign-in for editors and admins, in English or Chinese (?lang=zh). Signed-in visitors go straight on. */
export default async function SignInPage({ searchParams }: { searchParams: TSearchParams }) {
  const params = await searchParams;
  const lang = langFrom(params);
  // Where to go afterwards, in the language of this page.
  const next = withLang(safeNextPath(params.next), lang);
  const t = appDictionary(lang);
  if (await getPageUser().catch(() => null)) redirect(next);

  const otherLang = lang === "en" ? "zh" : "en";
  const otherNext = withLang(next, otherLang);
  const otherLanguage = withLang(
    `/admin/sign-in${otherNext !== withLang("/admin", otherLang) ? `?${new URLSearchParams({ next: otherNext })}` : ""}`,
    otherLang,
  );
  return (
    <main lang={langTag(lang)} className="mx-auto max-w-sm px-4 py-16">
      <div className="mb-6 flex items-baseline justify-between gap-4">
        <h1 className="text-2xl font-bold">{t.admin.signIn.title}</h1>
        <Link href={otherLanguage} lang={langTag(otherLang)} className="shrink-0 text-sm text-sky-700 underline">
          {t.otherLanguage}
        </Link>
      </div>
      <p className="mb-6 text-sm text-slate-600">{t.admin.signIn.intro}</p>
      <SignInForm action={signInAction} next={next} lang={lang} />
      <p className="mt-6 text-sm text-slate-600">{t.admin.signIn.noAccount}</p>
      <p className="mt-2 text-sm">
        <Link href={withLang("/", lang)} className="text-sky-700 underline">
          {t.admin.signIn.backToDashboard}
        </Link>
      </p>
    </main>
  );
}
