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

/** The chart's SVG, self-contained, with the caption lines appended below it. */
export function buildChartSvg(container: HTMLElement, caption: string[]): { svg: string; width: number; height: number } | null {
  const chart = largestSvg(container.querySelectorAll("svg.recharts-surface, svg[data-chart]")) ?? largestSvg(container.querySelectorAll("svg"));
  if (!chart) return null;
  const box = chart.getBoundingClientRect();
  const width = Math.ceil(box.width) || 800;
  const chartHeight = Math.ceil(box.height) || 400;
  const lineHeight = 16;
  const height = chartHeight + 12 + caption.length * lineHeight;
  const inner = new XMLSerializer().serializeToString(chart);
  const captionSvg = caption
    .map((line, index) => `<text x="8" y="${chartHeight + 20 + index * lineHeight}" font-size="12" fill="${LABEL_INK}">${escapeXml(line)}</text>`)
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif"><rect width="100%" height="100%" fill="${PAPER}"/><svg width="${width}" height="${chartHeight}">${inner}</svg>${captionSvg}</svg>`;
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
