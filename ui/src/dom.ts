// A tiny helper to build DOM nodes without innerHTML, so report text can never inject markup.

export type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child);
  }
  return el;
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** The same for SVG elements (the burn-up chart). */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child);
  }
  return el;
}

/** A button that runs `onClick`; type=button so it never submits a form by accident. */
export function button(label: Child, onClick: (ev: MouseEvent) => void, attrs: Record<string, string> = {}): HTMLButtonElement {
  const b = h("button", { type: "button", ...attrs }, label);
  b.addEventListener("click", onClick);
  return b;
}

/** The example every date field shows above itself (GOV.UK: hint text, never only a
 * placeholder, which vanishes on typing and is too faint to read). */
export const DATE_HINT = "For example, 14/01/2012.";

/** A labelled form field: the label's `for` points at the control; the hint, if any, sits
 * between them. A date field (components/date-input) always says how to write a date. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || uid("f");
  control.id = id;
  if (control.classList.contains("date-input")) hint = hint ? `${hint} ${DATE_HINT}` : DATE_HINT;
  const hintEl = hint ? h("span", { class: "hint", id: `${id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute("aria-describedby", hintEl.id);
  return h("div", { class: "field" }, h("label", { for: id }, label), hintEl, control);
}

let counter = 0;
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** A <select> with `options` as [value, label]; `selected` picks one. */
export function select(options: [string, string][], selected: string, attrs: Record<string, string> = {}): HTMLSelectElement {
  const s = h("select", attrs);
  for (const [value, label] of options) {
    const o = h("option", { value }, label);
    if (value === selected) o.selected = true;
    s.append(o);
  }
  return s;
}

/** Text only screen readers hear. */
export function srOnly(text: string): HTMLElement {
  return h("span", { class: "sr-only" }, text);
}
