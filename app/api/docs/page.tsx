import type { Metadata } from "next";
import Link from "next/link";
import { ApiDocs } from "@/components/api-docs/api-docs";
import { apiExamples } from "@/lib/api/api-examples";
import { exampleView, staticCatalogue } from "@/lib/api/openapi";
import { getOpenApiDocument } from "@/lib/server/api/openapi";
import { getDatabase } from "@/lib/server/db";
import { getCatalogue } from "@/lib/server/queries/get-catalogue";
import { requestOrigin } from "@/lib/server/request-origin";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "API | Torch Atlas",
  description: "The Torch Atlas read API: endpoints, parameters, errors and examples in curl, Python and R.",
};

async function loadCatalogue() {
  try {
    return await getCatalogue(await getDatabase());
  } catch {
    return staticCatalogue();
  }
}

/** The API for people, rendered from the same OpenAPI document the API serves. */
export default async function ApiDocsPage() {
  const origin = await requestOrigin();
  const [{ document }, catalogue] = await Promise.all([getOpenApiDocument(origin), loadCatalogue()]);
  return (
    <main className="mx-auto max-w-6xl space-y-8 px-4 py-8">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/" className="text-sky-800 underline">Torch Atlas</Link> ·{" "}
          <Link href="/editions" className="text-sky-800 underline">Editions</Link>
        </p>
        <h1 className="text-3xl font-bold">API</h1>
        <p className="max-w-3xl text-slate-700">{document.info.description}</p>
      </header>
      <ApiDocs document={document} examples={apiExamples(origin, exampleView(catalogue))} />
    </main>
  );
}
