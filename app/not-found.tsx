import Link from "next/link";
import { connection } from "next/server";

/**
 * Any unknown address. Rendered per request, not prerendered, so its scripts
 * carry the request's CSP nonce (proxy.ts) like every other page.
 */
export default async function NotFound() {
  await connection();
  return (
    <main className="mx-auto max-w-3xl space-y-4 px-4 py-12" data-testid="page-not-found">
      <h1 className="text-2xl font-bold">There is no page at this address</h1>
      <p className="text-slate-700">The link may be mistyped or out of date.</p>
      <p lang="zh-CN" className="text-slate-700">
        此地址没有页面：链接可能有误或已过时。
      </p>
      <p>
        <Link href="/" className="font-medium text-blue-800 underline">
          Open the dashboard
        </Link>
        {" · "}
        <Link href="/?lang=zh" lang="zh-CN" className="font-medium text-blue-800 underline">
          打开数据面板
        </Link>
      </p>
    </main>
  );
}
