//! Which inspection framework a report belongs to, decided from the wording of its
//! title page: the framework decides grade scales, list headings and the next date.

use super::lines::Doc;
use crate::ReportKind;

/// How many content lines from the top count as the title page.
const TITLE_LINES: usize = 25;

pub fn detect(doc: &Doc) -> ReportKind {
    let head = super::lines::make_key(&doc.head_text(TITLE_LINES));
    from_title(&head)
}

/// The kind from lower-cased title-page text (the first matching rule wins).
pub fn from_title(head: &str) -> ReportKind {
    let has = |s: &str| head.contains(s);
    if has("focused visit") {
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
            ("minutes of the cabinet", ReportKind::Other),
        ];
        for (t, k) in cases {
            assert_eq!(from_title(t), k, "{t}");
        }
    }
}
