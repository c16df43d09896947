//! Phrases the papers share: how a report is named, the next inspection in words, a
//! percentage without a trailing ".0".

use crate::labels;
use crate::plan::summary::{NextInspectionView, ReportSummary};

/// How a report is named in headings: "Rutland – ILACS inspection, 26 April 2024".
pub fn report_label(r: &ReportSummary) -> String {
    let la = r
        .local_authority
        .as_deref()
        .unwrap_or("Authority not recorded");
    let kind = labels::report_kind(r.kind);
    match r.inspection_end {
        Some(d) => format!("{la} – {kind}, {}", labels::long_date(d)),
        None => format!("{la} – {kind} ({})", r.source_name),
    }
}

/// The next inspection in words: the window (or date), whether estimated, days to go.
pub fn next_inspection_text(n: &NextInspectionView) -> String {
    let when = if n.earliest == n.latest {
        labels::long_date(n.earliest)
    } else {
        format!(
            "{} to {}",
            labels::long_date(n.earliest),
            labels::long_date(n.latest)
        )
    };
    let estimated = if n.estimated { " (estimated)" } else { "" };
    let to_go = match n.days_to {
        d if d > 0 => format!("{} to go", labels::plural(d, "day", "days")),
        0 => "from today".into(),
        d => format!("window opened {} ago", labels::plural(-d, "day", "days")),
    };
    format!("{when}{estimated}; {to_go}")
}

/// "29.8" → "29.8", "50.0" → "50".
pub fn percent(p: f64) -> String {
    let s = format!("{p:.1}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}
