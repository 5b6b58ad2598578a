import Link from "next/link";

/** An unknown, draft or malformed edition slug. */
export default function EditionNotFound() {
  return (
    <main className="mx-auto max-w-3xl space-y-4 px-4 py-12">
      <h1 className="text-2xl font-bold">No such edition</h1>
      <p className="text-slate-700">
        There is no published or retired edition at this address. It may have been mistyped, or it is a draft that has not
        been published yet.
      </p>
      <p>
        <Link href="/editions" className="text-sky-800 underline">See every published edition</Link> ·{" "}
        <Link href="/" className="text-sky-800 underline">Back to the dashboard</Link>
      </p>
    </main>
  );
}
