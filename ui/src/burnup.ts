// Scaling the burn-up series into chart coordinates, and sampling it for the table that
// screen readers get instead of the picture.
import type { BurnUpPoint } from "./gen/BurnUpPoint";

export interface ChartBox {
  width: number;
  height: number;
  /** Space for axis labels. */
  left: number;
  bottom: number;
  top: number;
  right: number;
}

export interface ScaledSeries {
  due: string;
  completed: string;
  yMax: number;
  /** Tick values for the y axis (0 … yMax). */
  yTicks: { value: number; y: number }[];
  x: (i: number) => number;
  y: (v: number) => number;
}

/** A "nice" upper bound: 1, 2 or 5 × a power of ten, at least the largest value. */
export function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/** SVG polyline points for both series; x by index (one point per day). */
export function scaleBurnUp(points: readonly BurnUpPoint[], box: ChartBox): ScaledSeries {
  const plotW = box.width - box.left - box.right;
  const plotH = box.height - box.top - box.bottom;
  const yMax = niceMax(points.reduce((m, p) => Math.max(m, p.due, p.completed), 0));
  const n = points.length;
  const x = (i: number) => round(box.left + (n <= 1 ? plotW / 2 : (i * plotW) / (n - 1)));
  const y = (v: number) => round(box.top + plotH - (v / yMax) * plotH);
  const line = (f: (p: BurnUpPoint) => number) => points.map((p, i) => `${x(i)},${y(f(p))}`).join(" ");
  // Whole-number ticks: every unit for small plans, else five equal steps of a nice max.
  const steps = Math.min(yMax, 5);
  const yTicks = Array.from({ length: steps + 1 }, (_, k) => (yMax * k) / steps).map((v) => ({ value: v, y: y(v) }));
  return { due: line((p) => p.due), completed: line((p) => p.completed), yMax, yTicks, x, y };
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

/**
 * At most `max` points for a table: the first, the last, and evenly spaced ones between,
 * so a long daily series stays readable.
 */
export function samplePoints<T>(points: readonly T[], max = 12): T[] {
  if (points.length <= max) return [...points];
  const out: T[] = [];
  for (let k = 0; k < max; k++) out.push(points[Math.round((k * (points.length - 1)) / (max - 1))]);
  return out;
}
