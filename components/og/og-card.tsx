import type { ReactElement } from "react";
import { LINE_PLOT, OG_HEIGHT, OG_WIDTH, type OgBar, type OgCardModel, type OgChart } from "@/lib/og/og-model";
import {
  ACCENT,
  COVERAGE_COLORS,
  FAINT_INK,
  GRID_STROKE,
  INK,
  LABEL_INK,
  LOWER_BOUND_DOT_FILL,
  LOWER_BOUND_FILL,
  MUTED_INK,
  PAPER,
  REMAINDER_FILL,
  REMAINDER_STROKE,
  RULE,
  SAMPLE_COLOR,
  seriesStyle,
  styleOfSeries,
  TRACK_FILL,
} from "@/components/charts/palette";

// The link-preview card (1200 × 630), drawn by Satori (next/og): flexbox only, every
// element with more than one child says display: flex, text in the shipped Noto Sans SC
// subset, charts as inline SVG without text (SVG text would need fonts Satori does not pass on).

export const OG_FONT_FAMILY = "Noto Sans SC";

const BAR_TRACK = 620;
const COVERAGE_TRACK = 1100;
/** One line, cut with an ellipsis should the estimate in og-model.ts be short. */
const ONE_LINE = { whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" } as const;

function LineChart({ chart }: { chart: Extract<OgChart, { kind: "lines" }> }) {
  return (
    <div style={{ display: "flex", width: "100%" }}>
      <div style={{ display: "flex", flexDirection: "column", justifyContent: "space-between", alignItems: "flex-end", width: 86, height: chart.height, paddingRight: 10, fontSize: 18, color: MUTED_INK }}>
        <span>{chart.yTop}</span>
        <span>{chart.yBottom}</span>
      </div>
      <div style={{ display: "flex", flexDirection: "column", width: LINE_PLOT.width }}>
        <svg width={chart.width} height={chart.height} viewBox={`0 0 ${chart.width} ${chart.height}`}>
          <line x1="0" y1="0.5" x2={chart.width} y2="0.5" stroke={GRID_STROKE} strokeWidth="1" />
          <line x1="0" y1={chart.height / 2} x2={chart.width} y2={chart.height / 2} stroke={GRID_STROKE} strokeWidth="1" />
          <line x1="0" y1={chart.height - 1} x2={chart.width} y2={chart.height - 1} stroke={FAINT_INK} strokeWidth="2" />
          {chart.lines.map((line, index) => {
            const { color, dash } = styleOfSeries(line.code, index);
            return (
              <path
                key={line.code}
                d={line.d}
                fill="none"
                stroke={color}
                strokeWidth="4"
                strokeLinejoin="round"
                strokeLinecap="round"
                strokeDasharray={dash}
              />
            );
          })}
          {/* Lower bounds: hollow points of their own, never on the line. */}
          {chart.lines.flatMap((line, index) =>
            line.lowerBounds.map((point) => (
              <circle
                key={`${line.code}-${point.x}`}
                cx={point.x}
                cy={point.y}
                r="6"
                fill={LOWER_BOUND_DOT_FILL}
                stroke={styleOfSeries(line.code, index).color}
                strokeWidth="3"
              />
            )),
          )}
        </svg>
        <div style={{ display: "flex", justifyContent: "space-between", fontSize: 18, color: MUTED_INK, marginTop: 4 }}>
          <span>{chart.xStart}</span>
          {chart.scaleNote && <span style={{ color: FAINT_INK }}>{chart.scaleNote}</span>}
          <span>{chart.xEnd}</span>
        </div>
      </div>
      <div style={{ display: "flex", flexDirection: "column", marginLeft: 22, width: 290, fontSize: 19 }}>
        {chart.lines.map((line, index) => (
          <div key={line.code} style={{ display: "flex", alignItems: "center", marginBottom: 3 }}>
            <div style={{ display: "flex", width: 18, height: 18, borderRadius: 9, background: styleOfSeries(line.code, index).color, marginRight: 8 }} />
            <span style={{ ...ONE_LINE, color: INK, width: 190 }}>{line.name}</span>
            <span style={{ color: MUTED_INK }}>{line.lastLabel}</span>
          </div>
        ))}
        {chart.hidden > 0 && <span style={{ color: MUTED_INK, fontSize: 16, marginTop: 4 }}>{chart.hiddenLabel}</span>}
      </div>
    </div>
  );
}

/** A bar's look: solid; hatched and outlined for a lower bound; grey and dashed for the "not attributed" part. */
function barFill(bar: OgBar, color: string): Record<string, string | number> {
  if (bar.isRemainder) return { background: REMAINDER_FILL, border: `2px dashed ${REMAINDER_STROKE}` };
  if (bar.isLowerBound) {
    return {
      backgroundImage: `repeating-linear-gradient(45deg, ${color} 0px, ${color} 3px, ${LOWER_BOUND_FILL} 3px, ${LOWER_BOUND_FILL} 8px)`,
      border: `2px solid ${color}`,
    };
  }
  return { background: color };
}

function Bar({ bar, showRank }: { bar: OgBar; showRank: boolean }) {
  const color = bar.isNegative ? SAMPLE_COLOR : seriesStyle(0).color;
  return (
    <div style={{ display: "flex", alignItems: "center", height: 30, fontSize: 20 }}>
      {showRank && <span style={{ width: 40, color: MUTED_INK }}>{bar.rank === null ? "" : `${bar.rank}.`}</span>}
      <span style={{ ...ONE_LINE, width: 220, color: bar.isRemainder ? MUTED_INK : INK, fontSize: bar.isRemainder ? 16 : 20 }}>{bar.name}</span>
      <div style={{ display: "flex", width: BAR_TRACK, height: 22, background: TRACK_FILL }}>
        <div style={{ display: "flex", width: Math.max(2, Math.round(bar.fraction * BAR_TRACK)), height: 22, ...barFill(bar, color), opacity: bar.isSample ? 0.6 : 1 }} />
      </div>
      <span style={{ marginLeft: 12, color: MUTED_INK }}>{bar.valueLabel}</span>
    </div>
  );
}

/** The coverage view in small: one bar split by status, then each status with its symbol and count. */
function CoverageSummary({ chart }: { chart: Extract<OgChart, { kind: "coverage" }> }) {
  return (
    <div style={{ display: "flex", flexDirection: "column", width: "100%" }}>
      <div style={{ display: "flex", width: COVERAGE_TRACK, height: 40, background: TRACK_FILL }}>
        {chart.segments
          .filter((segment) => segment.fraction > 0)
          .map((segment) => (
            <div
              key={segment.status}
              style={{ display: "flex", width: Math.max(3, Math.round(segment.fraction * COVERAGE_TRACK)), height: 40, background: COVERAGE_COLORS[segment.status].fill }}
            />
          ))}
      </div>
      <div style={{ display: "flex", flexWrap: "wrap", marginTop: 16, fontSize: 24 }}>
        {chart.segments.map((segment) => (
          <div key={segment.status} style={{ display: "flex", alignItems: "center", marginRight: 30, marginBottom: 8 }}>
            <div
              style={{
                display: "flex",
                alignItems: "center",
                justifyContent: "center",
                width: 30,
                height: 30,
                marginRight: 8,
                background: COVERAGE_COLORS[segment.status].fill,
                color: COVERAGE_COLORS[segment.status].ink,
                fontSize: 20,
                fontWeight: 700,
              }}
            >
              {segment.symbol}
            </div>
            <span style={{ color: INK, marginRight: 8 }}>{segment.label}</span>
            <span style={{ color: MUTED_INK, fontWeight: 700 }}>{segment.countLabel}</span>
          </div>
        ))}
      </div>
      <span style={{ color: MUTED_INK, fontSize: 18, marginTop: 2 }}>{chart.summary}</span>
    </div>
  );
}

function Chart({ chart }: { chart: OgChart }) {
  if (chart.kind === "empty") {
    return <div style={{ display: "flex", alignItems: "center", justifyContent: "center", width: "100%", fontSize: 30, color: MUTED_INK }}>{chart.message}</div>;
  }
  if (chart.kind === "lines") return <LineChart chart={chart} />;
  if (chart.kind === "coverage") return <CoverageSummary chart={chart} />;
  return (
    <div style={{ display: "flex", flexDirection: "column", width: "100%" }}>
      {chart.bars.map((bar) => (
        <Bar key={bar.code} bar={bar} showRank={chart.kind === "ranking"} />
      ))}
      {chart.hidden > 0 && <span style={{ color: MUTED_INK, fontSize: 16, marginTop: 2 }}>{chart.hiddenLabel}</span>}
    </div>
  );
}

/** The whole card, for ImageResponse. */
export function OgCard({ model }: { model: OgCardModel }): ReactElement {
  return (
    <div style={{ display: "flex", flexDirection: "column", width: OG_WIDTH, height: OG_HEIGHT, background: PAPER, color: INK, fontFamily: OG_FONT_FAMILY }}>
      {model.sampleLabel && (
        <div style={{ display: "flex", alignItems: "center", justifyContent: "center", height: 56, background: SAMPLE_COLOR, color: PAPER, fontSize: 30, fontWeight: 700, letterSpacing: 1 }}>
          {model.sampleLabel}
        </div>
      )}
      <div style={{ display: "flex", flexDirection: "column", flexGrow: 1, padding: "28px 48px 22px 48px" }}>
        <div style={{ display: "flex", justifyContent: "space-between", fontSize: 22, color: MUTED_INK }}>
          <span style={{ fontWeight: 700, color: ACCENT }}>{model.appName}</span>
          <span>{model.unit}</span>
        </div>
        <div style={{ ...ONE_LINE, display: "flex", fontSize: 50, fontWeight: 700, lineHeight: 1.2, marginTop: 4 }}>{model.headline}</div>
        <div style={{ ...ONE_LINE, display: "flex", fontSize: 28, color: LABEL_INK, marginTop: 2 }}>{model.subtitle}</div>
        <div style={{ display: "flex", flexDirection: "column", flexGrow: 1, justifyContent: "center", marginTop: 14, marginBottom: 10 }}>
          <Chart chart={model.chart} />
          {model.marksNote && <span style={{ ...ONE_LINE, color: MUTED_INK, fontSize: 17, marginTop: 4 }}>{model.marksNote}</span>}
        </div>
        <div style={{ display: "flex", flexDirection: "column", borderTop: `2px solid ${RULE}`, paddingTop: 8, fontSize: 19, color: MUTED_INK }}>
          <span style={ONE_LINE}>{model.editionsLine}</span>
          {model.sourceLine && <span style={ONE_LINE}>{model.sourceLine}</span>}
        </div>
      </div>
      <div style={{ display: "flex", height: 10, background: model.sampleLabel ? SAMPLE_COLOR : ACCENT }} />
    </div>
  );
}
