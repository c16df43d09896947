// The burn-up chart: completed against due over time, as inline SVG, with a table of the
// same figures (sampled) for screen readers and anyone who prefers numbers.
import { h, svg } from "../dom";
import { formatDate, formatCount } from "../format";
import { samplePoints, scaleBurnUp } from "../burnup";
import type { BurnUpPoint } from "../gen/BurnUpPoint";

const BOX = { width: 640, height: 260, left: 44, right: 16, top: 16, bottom: 36 };

/** The chart's one-sentence description, as at `asOf`: the chart runs on to the last due
 * date, but what has been completed is only known up to today. */
export function burnUpSummary(points: readonly BurnUpPoint[], asOf: string): string {
  const last = points[points.length - 1];
  const known = [...points].reverse().find((p) => p.date <= asOf);
  const ahead = last.date > asOf ? ` By ${formatDate(last.date)}, ${formatCount(last.due)} will be due.` : "";
  if (!known) return `No action was due by ${formatDate(asOf)}.${ahead}`;
  return `By ${formatDate(asOf)}, ${formatCount(known.completed)} of the ${formatCount(known.due)} actions due were completed.${ahead}`;
}

export function burnUpChart(points: readonly BurnUpPoint[], asOf: string): HTMLElement {
  if (points.length === 0) {
    return h("p", { class: "meta", "data-testid": "burnup-empty" }, "No actions have due dates yet, so there is nothing to chart.");
  }
  const s = scaleBurnUp(points, BOX);
  const summary = burnUpSummary(points, asOf);
  const xTicks = samplePoints(
    points.map((p, i) => ({ p, i })),
    5,
  );
  const chart = svg(
    "svg",
    { viewBox: `0 0 ${BOX.width} ${BOX.height}`, role: "img", "aria-labelledby": "burnup-title burnup-desc", class: "burnup", "data-testid": "burnup-svg" },
    svg("title", { id: "burnup-title" }, "Burn-up: actions due and completed over time"),
    svg("desc", { id: "burnup-desc" }, summary),
    ...s.yTicks.flatMap((t) => [
      svg("line", { x1: BOX.left, x2: BOX.width - BOX.right, y1: t.y, y2: t.y, class: "grid" }),
      svg("text", { x: BOX.left - 6, y: t.y + 4, "text-anchor": "end", class: "tick" }, formatCount(t.value)),
    ]),
    // The first and last labels align inwards so they are not cut off at the edges.
    ...xTicks.map(({ p, i }, k) =>
      svg(
        "text",
        { x: s.x(i), y: BOX.height - 12, "text-anchor": k === 0 ? "start" : k === xTicks.length - 1 ? "end" : "middle", class: "tick" },
        formatDate(p.date),
      ),
    ),
    svg("polyline", { points: s.due, class: "line-due", fill: "none" }),
    svg("polyline", { points: s.completed, class: "line-completed", fill: "none" }),
  );
  const legend = h(
    "ul",
    { class: "legend", "aria-hidden": "true" },
    h("li", {}, h("span", { class: "swatch swatch-due" }), "Due by then"),
    h("li", {}, h("span", { class: "swatch swatch-completed" }), "Completed by then"),
  );
  const table = h(
    "table",
    { class: "data-table", "data-testid": "burnup-table" },
    h("caption", {}, "Burn-up figures"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Date"), h("th", { scope: "col" }, "Due by then"), h("th", { scope: "col" }, "Completed by then"))),
    h(
      "tbody",
      {},
      ...samplePoints(points, 12).map((p) =>
        h("tr", {}, h("th", { scope: "row" }, formatDate(p.date)), h("td", {}, formatCount(p.due)), h("td", {}, formatCount(p.completed))),
      ),
    ),
  );
  return h(
    "figure",
    { class: "burnup-figure" },
    chart,
    legend,
    h("figcaption", { class: "meta" }, summary),
    h("details", {}, h("summary", {}, "Show the figures as a table"), table),
  );
}
