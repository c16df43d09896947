// A list that renders only the rows in view (plus a few either side), each of one fixed
// height, so the plan stays smooth with 10,000 actions. Rows are positioned with CSSOM
// transforms (allowed by the strict CSP, unlike inline style attributes). Existing row
// nodes are never moved, only added or removed around them, so keyboard focus survives
// scrolling; when the rows change, focus goes back to the same control of the same row.

export interface VirtualListOptions<T> {
  rowHeight: number;
  overscan?: number;
  key: (row: T) => string;
  render: (row: T, index: number) => HTMLElement;
  /** The body element's attributes (e.g. role=rowgroup). */
  attrs?: Record<string, string>;
}

export interface VirtualList<T> {
  /** The scrolling element; give it a height in CSS. */
  element: HTMLElement;
  setRows(rows: readonly T[]): void;
  rows(): readonly T[];
  scrollToIndex(index: number): void;
  /** How many row elements are in the DOM (for tests and the status line). */
  renderedCount(): number;
}

export function createVirtualList<T>(options: VirtualListOptions<T>): VirtualList<T> {
  const overscan = options.overscan ?? 8;
  const scroller = document.createElement("div");
  scroller.className = "vlist";
  const body = document.createElement("div");
  body.className = "vlist-body";
  for (const [k, v] of Object.entries(options.attrs ?? {})) body.setAttribute(k, v);
  scroller.append(body);

  let rows: readonly T[] = [];
  let rendered = new Map<number, HTMLElement>();
  let frame = 0;

  function place(el: HTMLElement, index: number) {
    el.dataset.index = String(index);
    el.style.transform = `translateY(${index * options.rowHeight}px)`;
    el.style.height = `${options.rowHeight}px`;
  }

  function range(): [number, number] {
    const top = scroller.scrollTop;
    const height = scroller.clientHeight || 600;
    const start = Math.max(0, Math.floor(top / options.rowHeight) - overscan);
    const end = Math.min(rows.length, Math.ceil((top + height) / options.rowHeight) + overscan);
    return [start, end];
  }

  function render() {
    frame = 0;
    const [start, end] = range();
    const active = document.activeElement;
    const wanted: number[] = [];
    for (let i = start; i < end; i++) wanted.push(i);
    for (const [i, el] of rendered) {
      const keep = i >= start && i < end;
      if (!keep && active && el.contains(active)) {
        wanted.push(i);
        continue;
      }
      if (!keep) {
        el.remove();
        rendered.delete(i);
      }
    }
    wanted.sort((a, b) => a - b);
    let cursor: Element | null = body.firstElementChild;
    for (const i of wanted) {
      const existing = rendered.get(i);
      if (existing) {
        cursor = existing.nextElementSibling;
        continue;
      }
      const el = options.render(rows[i], i);
      el.dataset.key = options.key(rows[i]);
      place(el, i);
      body.insertBefore(el, cursor);
      rendered.set(i, el);
    }
  }

  function schedule() {
    if (!frame) frame = requestAnimationFrame(render);
  }

  scroller.addEventListener("scroll", schedule, { passive: true });
  new ResizeObserver(schedule).observe(scroller);

  return {
    element: scroller,
    setRows(next) {
      // Remember which control had focus, to give it back after the rows are rebuilt.
      const active = document.activeElement as HTMLElement | null;
      const rowEl = active?.closest<HTMLElement>(".vlist-body > [data-key]");
      const focusKey = rowEl && body.contains(rowEl) ? rowEl.dataset.key : undefined;
      const focusCol = active?.dataset.col;
      rows = next;
      body.style.height = `${rows.length * options.rowHeight}px`;
      body.replaceChildren();
      rendered = new Map();
      render();
      if (focusKey !== undefined) {
        const again = [...rendered.values()].find((el) => el.dataset.key === focusKey);
        const target = again && (focusCol ? again.querySelector<HTMLElement>(`[data-col="${focusCol}"]`) : again);
        target?.focus({ preventScroll: true });
      }
    },
    rows: () => rows,
    scrollToIndex(index) {
      const top = index * options.rowHeight;
      if (top < scroller.scrollTop || top + options.rowHeight > scroller.scrollTop + scroller.clientHeight) {
        scroller.scrollTop = Math.max(0, top - options.rowHeight * 2);
      }
      render();
    },
    renderedCount: () => rendered.size,
  };
}
