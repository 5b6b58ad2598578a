import type { Metadata } from "next";
import { Suspense, type ReactNode } from "react";
import { DocumentLang } from "@/components/i18n/document-lang";
import { appDictionary } from "@/lib/i18n/app-dictionary";
import { langTag } from "@/lib/i18n/lang";
import { getRequestLang } from "@/lib/server/request-lang";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = appDictionary(await getRequestLang()).pages;
  return { title: t.metaTitle, description: t.metaDescription };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={langTag(await getRequestLang())}>
      <body className="bg-white text-slate-900 antialiased">
        <Suspense fallback={null}>
          <DocumentLang />
        </Suspense>
        {children}
      </body>
    </html>
  );
}
