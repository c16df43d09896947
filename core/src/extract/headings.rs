//! The headings that open a list of recommendations, as keys ([`super::lines::make_key`]):
//! what the line reader keeps as structure, the list finder looks for and the judgements
//! reader stops at. Words only; it imports nothing, so every reader can use it.

/// The section name the LSCB review's list gets.
pub const LSCB_SECTION: &str = "Local Safeguarding Children Board";

/// Headings that open a list of recommendations (as keys).
pub fn is_list_heading(key: &str) -> bool {
    let k = key.trim_end_matches(['?', '.', ':', ' ']);
    matches!(
        k,
        "areas for improvement"
            | "recommendations"
            | "recommendation"
            | "areas for development"
            | "areas for priority action"
            | "what needs to improve"
            | "what needs to improve in this local authority"
            | "what needs to improve in the local authority"
            | "what does the local authority need to improve"
            | "what the local authority needs to improve"
            | "what does the lscb need to improve"
            | "priority and immediate action"
    )
}

/// A sub-heading inside a "what needs to improve" list that restarts the list with no
/// timeframe ("Areas for improvement" after "Priority and immediate action").
pub(super) fn is_sub_list_heading(key: &str) -> bool {
    let k = key.trim_end_matches(['?', '.', ':', ' ']);
    matches!(k, "areas for improvement" | "areas for development")
}
