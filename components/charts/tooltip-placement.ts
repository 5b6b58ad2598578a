// Where the province map's tooltip goes.

/** Gap in px between the pointer (or the focused province's label point) and the tooltip. */
const TOOLTIP_GAP = 12;

/**
 * Tooltip position (top-left corner, px, relative to the container): right of and
 * above the anchor when there is room, otherwise flipped, and always inside the
 * container horizontally (a tooltip wider than the container starts at its left edge).
 */
export function placeTooltip(
  anchor: { x: number; y: number },
  tooltip: { width: number; height: number },
  containerWidth: number,
  gap: number = TOOLTIP_GAP,
): { left: number; top: number } {
  let left = anchor.x + gap;
  if (left + tooltip.width > containerWidth) left = anchor.x - gap - tooltip.width;
  left = Math.max(0, Math.min(left, containerWidth - tooltip.width));

  let top = anchor.y - gap - tooltip.height;
  if (top < 0) top = anchor.y + gap;
  return { left, top };
}

