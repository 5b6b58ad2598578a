import Link from "next/link";
import { requirePageUser } from "@/lib/server/auth/guard";

export const dynamic = "force-dynamic";

/** The admin overview: where each task lives. */
export default async function AdminHomePage() {
  const user = await requirePageUser("/admin");
  return (
    <>
      <h1 className="text-2xl font-bold">Admin</h1>
      <section aria-labelledby="editions-heading" className="space-y-2">
        <h2 id="editions-heading" className="text-xl font-semibold">
          Editions
        </h2>
        <p className="text-slate-700">
          Upload a yearbook edition, review its validation report and diff, publish or retire it.
        </p>
        <Link href="/admin/editions" className="text-sky-700 underline">
          Go to editions
        </Link>
      </section>
      <section aria-labelledby="audit-heading" className="space-y-2">
        <h2 id="audit-heading" className="text-xl font-semibold">
          Audit trail
        </h2>
        <p className="text-slate-700">Every sign-in, sign-out, user change and edition change, newest first.</p>
        <Link href="/admin/audit" className="text-sky-700 underline">
          Read the audit trail
        </Link>
      </section>
      {user.role === "admin" && (
        <section aria-labelledby="users-heading" className="space-y-2">
          <h2 id="users-heading" className="text-xl font-semibold">
            Users
          </h2>
          <p className="text-slate-700">Create editors and admins and change their roles.</p>
          <Link href="/admin/users" className="text-sky-700 underline">
            Manage users
          </Link>
        </section>
      )}
    </>
  );
}
