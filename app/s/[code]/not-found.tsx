import Link from "next/link";

/** An unknown or malformed short code: say so in both languages and offer the dashboard. */
export default function ShortLinkNotFound() {
  return (
    <main className="mx-auto max-w-3xl space-y-4 px-4 py-12" data-testid="short-link-not-found">
      <h1 className="text-2xl font-bold">This short link does not exist</h1>
      <p className="text-slate-700">
        The link may be mistyped or cut off: short links are nine letters and digits after <code>/s/</code>. Links made
        on Torch Atlas never expire.
      </p>
      <p lang="zh-CN" className="text-slate-700">
        此短链接不存在：可能输入有误或不完整。
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
