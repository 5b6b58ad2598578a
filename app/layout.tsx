import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "Torch Atlas — China's national high-tech zones",
  description:
    "Park counts, firms, high-tech enterprises, taxes and exports of China's national high-tech zones (Torch Program), by region, province and year.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="bg-white text-slate-900 antialiased">{children}</body>
    </html>
  );
}
