import { requirePageUser } from "@/lib/server/auth/guard";

export const dynamic = "force-dynamic";

/** Placeholder for the upload / diff / publish UI. */
export default async function AdminEditionsPage() {
  await requirePageUser("/admin/editions", { role: "editor" });
  return (
    <section aria-labelledby="editions-heading" className="space-y-3">
      <h1 id="editions-heading" className="text-2xl font-bold">
        Editions
      </h1>
      <p className="rounded border border-dashed border-slate-300 bg-slate-50 p-4 text-slate-600">Uploads: coming.</p>
    </section>
  );
}
