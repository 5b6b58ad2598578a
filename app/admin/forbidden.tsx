import Link from "next/link";

/** Shown with status 403 when a signed-in user lacks the role a page needs (forbidden() in requirePageUser). */
export default function AdminForbidden() {
  return (
    <section aria-labelledby="forbidden-heading" className="space-y-3">
      <h1 id="forbidden-heading" className="text-2xl font-bold">
        403 — Not allowed
      </h1>
      <p className="text-slate-700">This page is for admins only. Ask an admin if you need access.</p>
      <p>
        <Link href="/admin" className="text-sky-700 underline">
          Back to the admin overview
        </Link>
      </p>
    </section>
  );
}
