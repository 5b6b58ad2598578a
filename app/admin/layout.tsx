import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getPageUser } from "@/lib/server/auth/guard";
import { signOutAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Torch Atlas admin", robots: { index: false } };

// Every page in here except sign-in calls requirePageUser() itself (a test
// checks that): layouts are not re-rendered on client-side navigation, so the
// page is where the check must live. The layout only shows who is signed in.

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await getPageUser().catch(() => null);
  if (!user) return <>{children}</>;

  const link = "rounded px-2 py-1 hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-sky-600";
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-slate-50">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/admin" className="font-semibold">
            Torch Atlas admin
          </Link>
          <nav aria-label="Admin" className="flex flex-wrap gap-2 text-sm">
            <Link href="/admin/editions" className={link}>
              Editions
            </Link>
            <Link href="/admin/audit" className={link}>
              Audit
            </Link>
            {user.role === "admin" && (
              <Link href="/admin/users" className={link}>
                Users
              </Link>
            )}
            <Link href="/" className={link}>
              Dashboard
            </Link>
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span>
              Signed in as <strong data-testid="admin-user-email">{user.email}</strong>{" "}
              <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-700">{user.role}</span>
            </span>
            <form action={signOutAction}>
              <button
                type="submit"
                className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-sky-600"
              >
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl space-y-8 px-4 py-8">{children}</main>
    </div>
  );
}
