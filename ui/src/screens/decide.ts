// #/decide/<report id>: the earlier plan's open actions that a later report (the id)
// overtook, for a person who chose "Decide later" at import and follows the dashboard's
// reminder back. The same step as at import (review-earlier.ts).
import { h } from "../dom";
import { errorBox } from "../components/alert";
import { getSummary, invalidate } from "../state";
import { navigate, type Route } from "../router";
import { earlierPlanView, loadFollowUp } from "./review-earlier";
import { reportName } from "./dashboard";
import { whyNot } from "../permissions";

export async function showDecide(main: HTMLElement, route: Route): Promise<void> {
  const reportId = route.param ?? "";
  const cannot = whyNot("decide_plans");
  if (cannot) {
    main.append(
      h("h2", { id: "screen-title", tabindex: "-1" }, "The earlier plan"),
      h("p", { class: "notice", "data-testid": "why-decide_plans" }, cannot),
      h("p", {}, h("a", { href: "#/dashboard" }, "Back to the dashboard")),
    );
    return;
  }
  try {
    const [summary, found] = await Promise.all([getSummary(), loadFollowUp(reportId)]);
    const later = summary.reports.find((r) => r.report_id === reportId);
    const name = later ? `${reportName(later)} (${later.source_name})` : "the later inspection";
    if (!found.plans.length) {
      main.append(h("h2", { id: "screen-title", tabindex: "-1" }, "Nothing to decide"), h("p", {}, "No earlier plan has open actions waiting for a decision."));
      return;
    }
    main.append(
      earlierPlanView({
        reportId,
        reportName: name,
        plans: found.plans,
        // The repeat findings are offered at import and on each recommendation's page.
        repeats: found.repeats.map((r) => ({ ...r, suggestions: [] })),
        onDone: () => {
          invalidate();
          navigate("#/dashboard");
        },
      }),
    );
  } catch (e) {
    main.append(h("h2", { id: "screen-title", tabindex: "-1" }, "The earlier plan"), errorBox(e, "The earlier plan could not be loaded"));
  }
}
