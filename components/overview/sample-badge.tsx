/** The unmistakable label on anything that comes from the synthetic sample edition. */
export function SampleBadge() {
  return (
    <span className="ml-1 inline-block rounded bg-sample-bg px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide text-sample">
      Synthetic sample
    </span>
  );
}
