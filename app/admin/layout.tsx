import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AdminHeader } from "@/components/admin/admin-header";
import { appDictionary } from "@/lib/i18n/app-dictionary";
import { getPageUser } from "@/lib/server/auth/guard";
import { getRequestLang } from "@/lib/server/request-lang";
import { signOutAction } from "./actions";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: appDictionary(await getRequestLang()).admin.nav.home, robots: { index: false } };
}

// Every page in here except sign-in calls requirePageUser() itself (a test
// checks that): layouts are not re-rendered on client-side navigation, so the
// page is where the check must live. The layout only shows who is signed in.

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await getPageUser().catch(() => null);
  if (!user) return <>{children}</>;
  return (
    <div className="min-h-screen">
      <AdminHeader user={{ email: user.email, role: user.role }} signOutAction={signOutAction} />
      <main className="mx-auto max-w-6xl space-y-8 px-4 py-8">{children}</main>
    </div>
  );
}
