import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getDatabase } from "@/lib/server/db";
import { AppError, isDatabaseUnavailable } from "@/lib/server/errors";
import { findShortLink } from "@/lib/server/short-links/find-short-link";

// /s/<code> — a short link: 307 to the dashboard view it stands for; an unknown or malformed code gets the 404 page.

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Torch Atlas short link", robots: { index: false } };

async function resolve(code: string): Promise<string | null | "unavailable"> {
  try {
    return await findShortLink(await getDatabase(), code);
  } catch (error) {
    if (error instanceof AppError || isDatabaseUnavailable(error)) return "unavailable";
    throw error;
  }
}

export default async function ShortLinkPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const state = await resolve(code);
  if (state === null) notFound();
  if (state === "unavailable") {
    return (
      <main className="mx-auto max-w-3xl px-4 py-12">
        <h1 className="text-2xl font-bold">Torch Atlas</h1>
        <p role="alert" className="mt-4 rounded border border-red-300 bg-red-50 p-4 text-red-900">
          The database is unavailable right now, so this short link cannot be opened. Try again in a minute.
        </p>
      </main>
    );
  }
  // Temporary, so the target is looked up again each time (old states migrate on the page itself).
  redirect(state ? `/?${state}` : "/");
}
