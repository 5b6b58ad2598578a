import Link from "next/link";
import { appDictionary } from "@/lib/i18n/app-dictionary";
import { langFrom, withLang } from "@/lib/i18n/lang";
import { requirePageUser } from "@/lib/server/auth/guard";

export const dynamic = "force-dynamic";

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The admin overview: where each task lives. */
export default async function AdminHomePage({ searchParams }: { searchParams: TSearchParams }) {
  const lang = langFrom(await searchParams);
  const user = await requirePageUser(withLang("/admin", lang));
  const t = appDictionary(lang).admin.home;
  return (
    <>
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <section aria-labelledby="editions-heading" className="space-y-2">
        <h2 id="editions-heading" className="text-xl font-semibold">
          {t.editionsHeading}
        </h2>
        <p className="text-slate-700">{t.editionsText}</p>
        <Link href={withLang("/admin/editions", lang)} className="text-sky-700 underline">
          {t.editionsLink}
        </Link>
      </section>
      <section aria-labelledby="audit-heading" className="space-y-2">
        <h2 id="audit-heading" className="text-xl font-semibold">
          {t.auditHeading}
        </h2>
        <p className="text-slate-700">{t.auditText}</p>
        <Link href={withLang("/admin/audit", lang)} className="text-sky-700 underline">
          {t.auditLink}
        </Link>
      </section>
      {user.role === "admin" && (
        <section aria-labelledby="users-heading" className="space-y-2">
          <h2 id="users-heading" className="text-xl font-semibold">
            {t.usersHeading}
          </h2>
          <p className="text-slate-700">{t.usersText}</p>
          <Link href={withLang("/admin/users", lang)} className="text-sky-700 underline">
            {t.usersLink}
          </Link>
        </section>
      )}
    </>
  );
}
