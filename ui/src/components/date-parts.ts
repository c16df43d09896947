// GOV.UK's date input: Day, Month and Year in three labelled fields. Used where a single
// field confuses: a date the person must type in from another document with nothing on
// screen to check it against — the last day of an inspection whose report states no date,
// from which every due date is counted. Three fields leave no doubt which number is the
// day and which the month (01/03 is January in the US, March here).
import { h } from "../dom";
import { parseTypedDate } from "../format";

export interface DateParts {
  /** The fieldset (legend, hint, the three fields). */
  el: HTMLFieldSetElement;
  /** The Day field, whose id is the one given: errors link to it. */
  day: HTMLInputElement;
  /** The date as `YYYY-MM-DD`, or "" while it is not a whole, real date. */
  iso(): string;
  /** What is wrong, in GOV.UK's words ("… must include a month"), or "" (empty is not wrong: the caller says when a date is required). */
  problem(name: string): string;
  set(iso: string | null): void;
}

export function dateParts(id: string, legend: string, hint: string): DateParts {
  const part = (suffix: string, label: string, width: number) => {
    const input = h("input", {
      type: "text",
      inputmode: "numeric",
      autocomplete: "off",
      spellcheck: "false",
      id: suffix ? `${id}-${suffix}` : id,
      class: `date-part w${width}`,
    });
    return { input, el: h("div", { class: "date-part-item" }, h("label", { for: input.id }, label), input) };
  };
  const d = part("", "Day", 2);
  const m = part("month", "Month", 2);
  const y = part("year", "Year", 4);
  const hintEl = h("span", { class: "hint", id: `${id}-hint` }, `${hint} For example, 27 3 2007.`);
  const el = h(
    "fieldset",
    { class: "field date-parts", role: "group", "aria-describedby": hintEl.id, "data-testid": `${id}-parts` },
    h("legend", {}, legend),
    hintEl,
    h("div", { class: "date-parts-row" }, d.el, m.el, y.el),
  );
  const values = () => [d, m, y].map((p) => p.input.value.trim());
  const iso = () => {
    const [dd, mm, yy] = values();
    if (!dd || !mm || !/^\d{4}$/.test(yy)) return "";
    // The month as a number, or as a name ("Mar", "March").
    return (/^\d+$/.test(mm) ? parseTypedDate(`${dd}/${mm}/${yy}`) : parseTypedDate(`${dd} ${mm} ${yy}`)) ?? "";
  };
  return {
    el,
    day: d.input,
    iso,
    problem(name) {
      const [dd, mm, yy] = values();
      if (!dd && !mm && !yy) return "";
      const missing = [!dd && "day", !mm && "month", !yy && "year"].filter(Boolean);
      if (missing.length) return `${name} must include a ${missing.join(" and a ")}`;
      if (!/^\d{4}$/.test(yy)) return `${name}: the year must have four numbers`;
      return iso() ? "" : `${name} must be a real date`;
    },
    set(date) {
      const [yy, mm, dd] = date ? date.split("-") : ["", "", ""];
      d.input.value = dd ? String(Number(dd)) : "";
      m.input.value = mm ? String(Number(mm)) : "";
      y.input.value = yy ?? "";
    },
  };
}
