import type { Metadata } from "next";
import { Suspense, type ReactNode } from "react";
import { DocumentLang } from "@/components/i18n/document-lang";
import { langTag } from "@/lib/i18n/lang";
import { getRequestLang } from "@/lib/server/request-lang";
import "./globals.css";

export const metadata: Metadata = {
  title: "Torch Atlas — China's national high-tech zones",
  description:
    "Park counts, firms, high-tech enterprises, taxes and exports of China's national high-tech zones (Torch Program), by region, province and year.",
};

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
