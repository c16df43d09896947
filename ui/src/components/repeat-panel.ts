// A recommendation's repeat findings on its action's page: the links a person confirmed
// (raised before by an earlier inspection, or raised again by a later one) and the
// suggestions still to decide on, each with Confirm / Not the same.
import { api } from "../api";
import { h } from "../dom";
import { formatDate } from "../format";
import type { RecommendationLinks } from "../gen/RecommendationLinks";
import { errorBox } from "./alert";
import { suggestionRow } from "./repeat-suggestions";

export function repeatPanel(recommendationId: string): HTMLElement {
  const body = h("div", {}, h("p", { class: "meta" }, "Looking for earlier recommendations…"));
  const panel = h(
    "section",
    { class: "panel", "aria-labelledby": "repeats-heading", "data-testid": "repeat-panel" },
    h("h3", { id: "repeats-heading" }, "Repeat findings"),
    body,
  );
  const load = async () => {
    try {
      draw(await api.repeatLinks(recommendationId));
    } catch (e) {
      body.replaceChildren(errorBox(e, "Repeat findings could not be loaded"));
    }
  };
  const draw = (l: RecommendationLinks) => {
    const confirmed = l.links.filter((x) => x.decision === "confirmed");
    const parts: (HTMLElement | null)[] = [
      confirmed.length
        ? h(
            "ul",
            { class: "repeat-links", "data-testid": "repeat-links" },
            ...confirmed.map((x) =>
              h(
                "li",
                { "data-testid": "repeat-link" },
                h("strong", {}, x.earlier ? "Raised before: " : "Raised again later: "),
                x.text,
                h("span", { class: "meta" }, ` — ${x.report}; confirmed by ${x.decided_by} on ${formatDate(x.decided_at)}`),
              ),
            ),
          )
        : null,
      l.suggestions.length
        ? h(
            "div",
            {},
            h("p", { class: "meta" }, "Earlier recommendations of the same authority that may ask for the same thing:"),
            h("ul", { class: "repeat-list" }, ...l.suggestions.map((s) => suggestionRow(recommendationId, s, () => void load()))),
          )
        : null,
      !confirmed.length && !l.suggestions.length
        ? h("p", { class: "meta" }, "No earlier recommendation of this authority is linked or suggested as the same finding.")
        : null,
    ];
    body.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
  };
  void load();
  return panel;
}
