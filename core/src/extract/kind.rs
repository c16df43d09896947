//! Which inspection framework a report belongs to, decided from the wording of its
//! title page: the framework decides grade scales, list headings and the next date.

use super::lines::Doc;
use crate::ReportKind;

/// How many content lines from the top count as the title page.
const TITLE_LINES: usize = 25;

pub fn detect(doc: &Doc) -> ReportKind {
    // The title proper first: the summary below it may mention another framework
    // ("since the focused visit in 2018").
    let title = super::lines::make_key(&title_text(doc));
    match from_title(&title) {
        ReportKind::Other => {
            let head = super::lines::make_key(&doc.head_text(TITLE_LINES));
            from_title(&head)
        }
        kind => kind,
    }
}

/// The content lines above the first label ("Inspection dates", "Lead inspector" …),
/// at most ten of them: the report's title and the authority's name.
fn title_text(doc: &Doc) -> String {
    const LABELS: [&str; 6] = [
        "inspection date",
        "dates of inspection",
        "report published",
        "published",
        "lead inspector",
        "judgement",
    ];
    let mut out = String::new();
    for l in doc.lines.iter().filter(|l| !l.blank && !l.noise).take(10) {
        if LABELS.iter().any(|x| l.key.starts_with(x)) {
            break;
        }
        out.push(' ');
        out.push_str(&l.plain);
    }
    out
}

/// The kind from lower-cased title-page text (the first matching rule wins).
pub fn from_title(head: &str) -> ReportKind {
    let has = |s: &str| head.contains(s);
    if has("area send inspection") || has("local area partnership") {
        ReportKind::AreaSend
    } else if has("focused visit") {
        ReportKind::FocusedVisit
    } else if has("monitoring visit") {
        ReportKind::MonitoringVisit
    } else if has("joint area review") {
        ReportKind::JointAreaReview
    } else if has("unannounced inspection") || has("contact, referral and assessment") {
        ReportKind::ContactReferralAssessment
    } else if has("safeguarding and looked after children") {
        ReportKind::SafeguardingAndLookedAfterChildren
    } else if has("local authority children's services")
        || has("children's social care services")
        || has("inspection of local authority children")
        || (head.trim_start().starts_with("inspection of") && has("children's services"))
    {
        ReportKind::Ilacs
    } else if has("children in need of help and protection") || has("single inspection framework") {
        ReportKind::SingleInspectionFramework
    } else if has("inspection of looked after children") || has("looked after children services") {
        ReportKind::LookedAfterChildren
    } else if has("protection of children")
        || has("child protection")
        || has("safeguarding services")
    {
        ReportKind::ChildProtection
    } else {
        ReportKind::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_wins_over_the_summary_below_it() {
        let text = "Stoke Council\nInspection of children’s social care services\nInspection dates: 4 to 15 February 2019\nSince the focused visit in 2018, leaders have acted.\n";
        assert_eq!(detect(&Doc::new(text)), ReportKind::Ilacs);
        let text = "Metropolitan Borough of Solihull\nInspection of services for children in need of help and\nprotection, children looked after and care leavers\nInspection date: 25 April to 19 May 2016\nThe local authority children’s services are improving.\n";
        assert_eq!(
            detect(&Doc::new(text)),
            ReportKind::SingleInspectionFramework
        );
    }

    #[test]
    fn titles() {
        let cases = [
            ("inspection of safeguarding and looked after children services rutland", ReportKind::SafeguardingAndLookedAfterChildren),
            ("joint area review rutland children's services authority area", ReportKind::JointAreaReview),
            ("annual unannounced inspection of contact, referral and assessment arrangements", ReportKind::ContactReferralAssessment),
            ("inspection of looked after children services norfolk county council", ReportKind::LookedAfterChildren),
            ("inspection of local authority arrangements for the protection of children", ReportKind::ChildProtection),
            ("re-inspection of services for children in need of help and protection, children looked after and care leavers", ReportKind::SingleInspectionFramework),
            ("inspection of york local authority children's services", ReportKind::Ilacs),
            ("brent inspection of children's social care services", ReportKind::Ilacs),
            ("focused visit to leeds local authority children's services", ReportKind::FocusedVisit),
            ("monitoring visit of slough children's services", ReportKind::MonitoringVisit),
            ("inspection of buckinghamshire council children's services", ReportKind::Ilacs),
            ("area send inspection of bexley local area partnership", ReportKind::AreaSend),
            ("minutes of the cabinet", ReportKind::Other),
        ];
        for (t, k) in cases {
            assert_eq!(from_title(t), k, "{t}");
        }
    }
}
