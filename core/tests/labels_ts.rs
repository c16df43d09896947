//! The UI's labels are the core's: this writes ui/src/gen/labels.ts from
//! `inspection_tracker::labels` whenever the tests run (as ts-rs writes the types beside
//! it), and `cargo xtask test` fails if the committed file differs. The UI never keeps a
//! table of its own.

use std::path::PathBuf;

use inspection_tracker::labels;
use inspection_tracker::model::{
    ActionStatus, DecisionKind, DueDateSource, OverdueBand, PlanState, Rag, RagRule, RagSettings,
    ReportKind,
};

fn js(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

fn record<T: Copy>(
    name: &str,
    ty: &str,
    all: &[T],
    key: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> String {
    let mut out = format!("export const {name}: Record<{ty}, string> = {{\n");
    for &v in all {
        out.push_str(&format!("  {}: {},\n", key(v), js(label(v))));
    }
    out.push_str("};\n");
    out
}

fn render() -> String {
    let mut out = String::from(
        "// Generated from core/src/labels.rs by core/tests/labels_ts.rs when `cargo test` runs; do not edit.\n\
         import type { ActionStatus } from \"./ActionStatus\";\n\
         import type { DueDateSource } from \"./DueDateSource\";\n\
         import type { OverdueBand } from \"./OverdueBand\";\n\
         import type { PlanState } from \"./PlanState\";\n\
         import type { Rag } from \"./Rag\";\n\
         import type { RagRule } from \"./RagRule\";\n\
         import type { ReportKind } from \"./ReportKind\";\n\
         import type { Timeframe } from \"./Timeframe\";\n\n",
    );
    out += &record(
        "STATUS_LABELS",
        "ActionStatus",
        &ActionStatus::ALL,
        ActionStatus::as_str,
        labels::status,
    );
    out += &record("RAG_LABELS", "Rag", &Rag::ALL, Rag::as_str, labels::rag);
    out += &record(
        "KIND_LABELS",
        "ReportKind",
        &ReportKind::ALL,
        ReportKind::as_str,
        labels::report_kind,
    );
    out += &record(
        "DUE_SOURCE_LABELS",
        "DueDateSource",
        &DueDateSource::ALL,
        DueDateSource::as_str,
        labels::due_source,
    );
    out += &record(
        "OVERDUE_BAND_LABELS",
        "OverdueBand",
        &OverdueBand::ALL,
        OverdueBand::as_str,
        labels::overdue_band,
    );
    out += &record(
        "PLAN_STATE_LABELS",
        "PlanState",
        &PlanState::ALL,
        PlanState::as_str,
        labels::plan_state,
    );
    out += &record(
        "DECISION_LABELS",
        "\"carried_forward\" | \"completed\" | \"closed_as_overtaken\"",
        &DecisionKind::ALL,
        DecisionKind::as_str,
        labels::decision,
    );
    out += &format!(
        "export const RAISED_BEFORE = {};\n",
        js(labels::RAISED_BEFORE)
    );
    out += "\n/** The timeframes the review screen offers: the heading a pick gives, the value, its name. */\n";
    out += "export const TIMEFRAME_CHOICES: { heading: string | null; period: Timeframe; label: string }[] = [\n";
    for (heading, period) in labels::TIMEFRAME_CHOICES {
        out += &format!(
            "  {{ heading: {}, period: {}, label: {} }},\n",
            heading.map_or("null".to_string(), js),
            serde_json::to_string(&period).unwrap(),
            js(&labels::timeframe_choice(heading, period)),
        );
    }
    out += "];\n\n";
    out += &format!(
        "/** A recommendation's own timeframe, named as core/src/labels.rs `timeframe_choice` names it. */\n\
         export function timeframeChoiceLabel(heading: string | null, period: Timeframe): string {{\n\
         \x20 if (heading === null) return {};\n\
         \x20 return period.unit === \"longer_term\" || period.unit === \"unspecified\" ? heading + {} : heading;\n\
         }}\n",
        js(labels::NO_TIMEFRAME),
        js(labels::OPEN_ENDED_SUFFIX),
    );
    // Issue 16: what blue means, the RAG conventions and their keys, the draft marker.
    out += &format!(
        "\n/** What blue means, everywhere it is shown. */\nexport const BLUE_MEANS = {};\n",
        js(labels::BLUE_MEANS)
    );
    out += &format!(
        "/** How a draft action is marked. */\nexport const DRAFT_MARKER = {};\n",
        js(labels::DRAFT_MARKER)
    );
    out += "/** The RAG conventions a council may pick (setting rag_rule). */\n\
            export const RAG_RULE_LABELS: Record<RagRule, string> = {\n";
    for r in RagRule::ALL {
        out += &format!("  {}: {},\n", r.as_str(), js(labels::rag_rule(r)));
    }
    out += "};\n";
    out += "/** Each convention's key with the default settings: red, amber, green, blue. */\n\
            export const RAG_KEYS: Record<RagRule, string[]> = {\n";
    for r in RagRule::ALL {
        let lines = labels::rag_key_lines(&RagSettings {
            rule: r,
            ..RagSettings::default()
        });
        let lines: Vec<String> = lines.iter().map(|l| js(l)).collect();
        out += &format!("  {}: [{}],\n", r.as_str(), lines.join(", "));
    }
    out += "};\n";
    // The key with the council's own amber settings: the core's words, rendered with
    // marker numbers that the function swaps for the settings.
    const WINDOW: u32 = 9991;
    const BELOW: u8 = 98;
    out += "/** A convention's key with these amber settings (core/src/labels.rs `rag_key`). */\n\
            export function ragKey(rule: RagRule, amberWindowDays: number, amberProgressBelow: number): string[] {\n\
            \x20 const lines: Record<RagRule, string[]> = {\n";
    for r in RagRule::ALL {
        let lines = labels::rag_key_lines(&RagSettings {
            rule: r,
            amber_window_days: WINDOW,
            amber_progress_below: BELOW,
        });
        let lines: Vec<String> = lines.iter().map(|l| js(l)).collect();
        out += &format!("    {}: [{}],\n", r.as_str(), lines.join(", "));
    }
    out += &format!(
        "  }};\n\
         \x20 const days = amberWindowDays === 1 ? \"1 day\" : `${{amberWindowDays}} days`;\n\
         \x20 return lines[rule].map((l) => l.replace(\"{WINDOW} days\", days).replace(\"{BELOW}%\", `${{amberProgressBelow}}%`));\n\
         }}\n"
    );
    out
}

#[test]
fn ui_labels_are_generated_from_the_core() {
    let text = render();
    // What the screens rely on is there (so an empty file cannot pass).
    assert!(text.contains("blue: \"Blue\""), "{text}");
    assert!(
        text.contains("Blue: completed and evidenced (evidence attached and signed off)"),
        "{text}"
    );
    assert!(text.contains("ilacs: \"ILACS inspection\""), "{text}");
    assert!(text.contains("{ heading: \"Within three months\", period: {\"unit\":\"months\",\"amount\":3}, label: \"Within three months\" }"), "{text}");
    assert_eq!(text.matches("not_started:").count(), 1);
    let dir = std::env::var_os("TS_RS_EXPORT_DIR").map(PathBuf::from);
    if let Some(dir) = dir.filter(|d| d.is_dir()) {
        std::fs::write(dir.join("labels.ts"), text).unwrap();
    }
}
