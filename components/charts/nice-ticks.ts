// Nice ticks: the algorithm Recharts uses for a linear axis with an "auto" domain
// (getNiceTickValues, tickCount 5, decimals allowed), so the static grid lines sit
// where the interactive chart's will. Recharts uses exact decimals; here floats are
// cleaned to 12 significant digits at each step, which gives the same results.

const clean = (value: number): number => (value === 0 ? 0 : Number(value.toPrecision(12)));

function digitCount(value: number): number {
  if (value === 0) return 1;
  const abs = Math.abs(value);
  let exponent = Math.floor(Math.log10(abs));
  if (10 ** (exponent + 1) <= abs) exponent += 1;
  else if (10 ** exponent > abs) exponent -= 1;
  return exponent + 1;
}

function adaptiveStep(roughStep: number, correction: number): number {
  if (roughStep <= 0) return 0;
  const digits = digitCount(roughStep);
  const magnitude = 10 ** digits;
  const ratioScale = digits !== 1 ? 0.05 : 0.1;
  const ratio = Math.ceil(clean(clean(roughStep / magnitude) / ratioScale)) + correction;
  return clean(clean(ratio * ratioScale) * magnitude);
}

function calculateStep(
  min: number,
  max: number,
  tickCount: number,
  correction: number,
): { step: number; tickMin: number; tickMax: number } {
  const step = adaptiveStep(clean((max - min) / (tickCount - 1)), correction);
  if (!(step > 0) || !Number.isFinite(step)) return { step: 0, tickMin: 0, tickMax: 0 };
  let middle: number;
  if (min <= 0 && max >= 0) {
    middle = 0;
  } else {
    middle = clean((min + max) / 2);
    // Minus middle mod step (truncated, like Decimal's mod): a multiple of the step.
    middle = clean(Math.trunc(clean(middle / step)) * step);
  }
  let below = Math.ceil(clean((middle - min) / step));
  let above = Math.ceil(clean((max - middle) / step));
  const count = below + above + 1;
  if (count > tickCount) return calculateStep(min, max, tickCount, correction + 1);
  if (count < tickCount) {
    if (max > 0) above += tickCount - count;
    else below += tickCount - count;
  }
  return { step, tickMin: clean(middle - below * step), tickMax: clean(middle + above * step) };
}

function singleValueTicks(value: number, tickCount: number): number[] {
  let step = 1;
  let middle = value;
  if (!Number.isInteger(value)) {
    const abs = Math.abs(value);
    if (abs < 1) {
      step = 10 ** (digitCount(value) - 1);
      middle = clean(Math.floor(clean(value / step)) * step);
    } else if (abs > 1) {
      middle = Math.floor(value);
    }
  } else if (value === 0) {
    middle = Math.floor((tickCount - 1) / 2);
  }
  const middleIndex = Math.floor((tickCount - 1) / 2);
  return Array.from({ length: tickCount }, (_, i) => clean(middle + (i - middleIndex) * step));
}

/**
 * Ticks covering [min, max], rounded outwards to nice numbers ("0, 25, 50, 75, 100");
 * the axis domain is then [first, last]. Equal min and max get ticks around the value.
 */
export function niceTicks(min: number, max: number, tickCount = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  const [lo, hi] = min <= max ? [min, max] : [max, min];
  if (lo === hi) return singleValueTicks(lo, tickCount);
  const { step, tickMin, tickMax } = calculateStep(lo, hi, Math.max(tickCount, 2), 0);
  if (step === 0) return [lo, hi];
  const ticks: number[] = [];
  const count = Math.round((tickMax - tickMin) / step);
  for (let i = 0; i <= count; i++) ticks.push(clean(tickMin + i * step));
  return ticks;
}
