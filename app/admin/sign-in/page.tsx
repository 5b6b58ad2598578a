import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/admin/sign-in-form";
import { adminDictionary } from "@/lib/i18n/admin";
import { getPageUser, safeNextPath } from "@/lib/server/auth/guard";
import { signInAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in — Torch Atlas admin", robots: { index: false } };

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Sign-in for editors and admins, in English or Chinese (?lang=zh). Signed-in visitors go straight on. */
export default async function SignInPage({ searchParams }: { searchParams: TSearchParams }) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  const lang = params.lang === "zh" ? "zh" : "en";
  const t = adminDictionary(lang);
  if (await getPageUser().catch(() => null)) redirect(next);

  const otherLanguage = new URLSearchParams({
    ...(next !== "/admin" ? { next } : {}),
    ...(lang === "en" ? { lang: "zh" } : {}),
  });
  return (
    <main lang={lang} className="mx-auto max-w-sm px-4 py-16">
      <div className="mb-6 flex items-baseline justify-between gap-4">
        <h1 className="text-2xl font-bold">{t.title}</h1>
        <Link
          href={`/admin/sign-in${otherLanguage.size ? `?${otherLanguage}` : ""}`}
          className="shrink-0 text-sm text-sky-700 underline"
        >
          {t.otherLanguage}
        </Link>
      </div>
      <p className="mb-6 text-sm text-slate-600">{t.intro}</p>
      <SignInForm action={signInAction} next={next} lang={lang} />
      <p className="mt-6 text-sm text-slate-600">{t.noAccount}</p>
      <p className="mt-2 text-sm">
        <Link href="/" className="text-sky-700 underline">
          {t.backToDashboard}
        </Link>
      </p>
    </main>
  );
}
