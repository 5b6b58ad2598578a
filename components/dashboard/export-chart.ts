"use client";
import { LABEL_INK, PAPER } from "@/components/charts/palette";

// Downloads of the chart on screen: its SVG with a caption (metric, unit,
// edition, source, sample label), or the same rendered to PNG.

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);

/** The chart itself, not a legend icon (Recharts draws those as small SVG surfaces too). */
function largestSvg(candidates: NodeListOf<SVGSVGElement>): SVGSVGElement | null {
  let largest: SVGSVGElement | null = null;
  let largestArea = -1;
  for (const svg of candidates) {
    const box = svg.getBoundingClientRect();
    if (box.width * box.height > largestArea) {
      largest = svg;
      largestArea = box.width * box.height;
    }
  }
  return largest;
}

const LINE_HEIGHT = 16;

/** Roughly how wide a 12 px label is: Chinese characters take about twice a Latin letter's width. */
const textWidth = (text: string) => [...text].reduce((width, char) => width + (char.charCodeAt(0) > 0x2e7f ? 12 : 6.5), 0);

/** A caption line broken to fit `maxWidth`: at spaces where it has them, anywhere in Chinese text. */
export function wrapCaptionLine(text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const char of text) {
    if (line && textWidth(line + char) > maxWidth) {
      const space = line.lastIndexOf(" ");
      const cut = char !== " " && space > 0 ? space : line.length;
      lines.push(line.slice(0, cut).trimEnd());
      line = line.slice(cut).trimStart();
      if (char === " " && !line) continue;
    }
    line += char;
  }
  return [...lines, line.trimEnd()];
}

/**
 * The chart's key of lines (components/charts/series-legend.tsx) as SVG rows, wrapped at `width`: the key is
 * HTML on the page, and a downloaded chart of several lines needs it to say which is which. It goes where the
 * page shows it when that is within the chart's box (Recharts keeps room for its legend there), else below.
 */
function seriesKeySvg(container: HTMLElement, chart: { top: number; width: number; height: number }): { svg: string; bottom: number } {
  const { width } = chart;
  const below = chart.height + 20;
  const legend = container.querySelector<HTMLElement>('[data-part="legend"]');
  const legendTop = legend ? legend.getBoundingClientRect().top - chart.top + 12 : below;
  const top = legendTop > 0 && legendTop < below ? legendTop : below;
  const items = [...(legend?.querySelectorAll<HTMLElement>("li[data-series]") ?? [])];
  let x = 8;
  let row = 0;
  const parts = items.map((item) => {
    const name = item.textContent ?? "";
    const itemWidth = 22 + textWidth(name) + 14;
    if (x > 8 && x + itemWidth > width) {
      x = 8;
      row++;
    }
    const y = top + row * LINE_HEIGHT;
    const color = item.dataset.color ?? LABEL_INK;
    const dash = item.dataset.dash ? ` stroke-dasharray="${escapeXml(item.dataset.dash)}"` : "";
    const part =
      `<line x1="${x}" x2="${x + 16}" y1="${y - 4}" y2="${y - 4}" stroke="${escapeXml(color)}" stroke-width="2"${dash}/>` +
      `<text x="${x + 22}" y="${y}" font-size="12" fill="${escapeXml(color)}">${escapeXml(name)}</text>`;
    x += itemWidth;
    return part;
  });
  return { svg: parts.join(""), bottom: items.length ? top + (row + 1) * LINE_HEIGHT : 0 };
}

/** The chart's SVG, self-contained, with its key of lines and the caption lines below it. */
export function buildChartSvg(container: HTMLElement, caption: string[]): { svg: string; width: number; height: number } | null {
  const chart = largestSvg(container.querySelectorAll("svg.recharts-surface, svg[data-chart]")) ?? largestSvg(container.querySelectorAll("svg"));
  if (!chart) return null;
  const box = chart.getBoundingClientRect();
  const width = Math.ceil(box.width) || 800;
  const chartHeight = Math.ceil(box.height) || 400;
  const key = seriesKeySvg(container, { top: box.top, width, height: chartHeight });
  const captionTop = Math.max(chartHeight + 20, key.bottom);
  const lines = caption.flatMap((line) => wrapCaptionLine(line, width - 16));
  const height = captionTop - 8 + lines.length * LINE_HEIGHT;
  const inner = new XMLSerializer().serializeToString(chart);
  const captionSvg = lines
    .map((line, index) => `<text x="8" y="${captionTop + index * LINE_HEIGHT}" font-size="12" fill="${LABEL_INK}">${escapeXml(line)}</text>`)
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif"><rect width="100%" height="100%" fill="${PAPER}"/><svg width="${width}" height="${chartHeight}">${inner}</svg>${key.svg}${captionSvg}</svg>`;
  return { svg, width, height };
}

export function downloadSvg(container: HTMLElement, caption: string[], fileName: string): boolean {
  const built = buildChartSvg(container, caption);
  if (!built) return false;
  download(new Blob([built.svg], { type: "image/svg+xml" }), fileName);
  return true;
}

export async function downloadPng(container: HTMLElement, caption: string[], fileName: string): Promise<boolean> {
  const built = buildChartSvg(container, caption);
  if (!built) return false;
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(built.svg)}`;
  await image.decode();
  const canvas = document.createElement("canvas");
  const ratio = 2;
  canvas.width = built.width * ratio;
  canvas.height = built.height * ratio;
  const context = canvas.getContext("2d");
  if (!context) return false;
  context.scale(ratio, ratio);
  context.drawImage(image, 0, 0);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!blob) return false;
  download(blob, fileName);
  return true;
}
