import { styleOfSeries } from "./palette";

// The key of a trend chart's lines, the same for the server-drawn chart and the
// interactive one (which would otherwise use Recharts' own, whose icons are
// labelled "… legend icon" in English). Its items carry their colour and dash,
// so a chart's download can draw the key into the exported SVG (export-chart.ts).

/** One item per series, in series order: Recharts' "line" icon (a stroke with a ring) and the name. */
export function SeriesLegend({ codes, names, fontSize }: { codes: readonly string[]; names: readonly string[]; fontSize: number }) {
  if (codes.length === 0) return null;
  return (
    <ul data-part="legend" style={{ padding: 0, margin: 0, textAlign: "center", fontSize }}>
      {codes.map((code, index) => {
        const { color, dash } = styleOfSeries(code, index);
        return (
          <li
            key={code}
            data-series={code}
            data-color={color}
            data-dash={dash}
            style={{ display: "inline-block", marginRight: 10, whiteSpace: "nowrap" }}
          >
            <svg
              width={14}
              height={14}
              viewBox="0 0 32 32"
              aria-hidden="true"
              style={{ display: "inline-block", verticalAlign: "middle", marginRight: 4 }}
            >
              <path
                d="M0,16h10.667A5.333,5.333,0,1,1,21.333,16H32M21.333,16A5.333,5.333,0,1,1,10.667,16"
                fill="none"
                stroke={color}
                strokeWidth={4}
                strokeDasharray={dash}
              />
            </svg>
            <span style={{ color, whiteSpace: "normal", overflowWrap: "break-word" }}>{names[index]}</span>
          </li>
        );
      })}
    </ul>
  );
}
