//! How a line reads: an instruction ("Ensure …", "The LSCB should …") or a finding ("The
//! board has …"), a note that a part of the list is empty, a heading of the report's own
//! parts. Word lists, not positions, so they hold for reports never seen.

use super::lines::make_key;

/// "There are no areas for priority or immediate action", "The inspection did not find
/// any areas for priority and immediate action": a part of the list left empty.
pub(super) fn says_part_is_empty(key: &str) -> bool {
    let negated = key.starts_with("there are no ")
        || key.starts_with("there were no ")
        || key.starts_with("none")
        || key.contains(" did not find any ")
        || key.contains(" did not identify any ")
        || key.contains(" found no ")
        || key.contains(" identified no ")
        || key.contains(" no areas ")
        || key.contains(" no priority ")
        || key.contains(" no recommendations");
    negated && key.split(' ').count() <= 25
}

/// A closing remark about the list itself ("Any areas for development identified above
/// will be considered at any future inspection"): it points back at the list, or names
/// the list and what will happen to it, rather than saying what to do.
pub(super) fn remarks_on_the_list(key: &str) -> bool {
    let points_back = [
        "identified above",
        "listed above",
        "set out above",
        "outlined above",
        "above will be",
        "these areas will",
        "these recommendations will",
    ]
    .iter()
    .any(|p| key.contains(p));
    let names_list = [
        "areas for improvement",
        "areas for development",
        "areas for priority action",
        "recommendations",
    ]
    .iter()
    .any(|p| key.contains(p));
    let follow_up = [
        "will be considered",
        "will be followed up",
        "will be reviewed",
    ]
    .iter()
    .any(|p| key.contains(p));
    points_back || (names_list && follow_up)
}

/// Verbs that open a recommendation ("Ensure …", "Improve …"). Recommendations are
/// instructions, so their first word comes from a small, stable set; a finding opens
/// with its subject ("Barnsley has …", "The board …").
const IMPERATIVES: &[&str] = &[
    "accelerate",
    "address",
    "agree",
    "align",
    "analyse",
    "appoint",
    "assess",
    "assure",
    "audit",
    "build",
    "carry",
    "cease",
    "challenge",
    "check",
    "clarify",
    "collate",
    "commission",
    "complete",
    "consider",
    "consolidate",
    "continue",
    "coordinate",
    "co-ordinate",
    "create",
    "deliver",
    "demonstrate",
    "develop",
    "devise",
    "drive",
    "embed",
    "engage",
    "enhance",
    "ensure",
    "establish",
    "evaluate",
    "expand",
    "expedite",
    "extend",
    "focus",
    "give",
    "hold",
    "identify",
    "implement",
    "improve",
    "increase",
    "introduce",
    "make",
    "maximise",
    "monitor",
    "oversee",
    "prioritise",
    "prioritize",
    "produce",
    "promote",
    "provide",
    "publish",
    "raise",
    "recruit",
    "reduce",
    "refresh",
    "renew",
    "resource",
    "review",
    "revise",
    "scrutinise",
    "secure",
    "seek",
    "set",
    "strengthen",
    "support",
    "take",
    "tackle",
    "target",
    "undertake",
    "update",
    "work",
];

/// Whether an item reads as an instruction ("Ensure …", "The LSCB should …") rather
/// than a finding ("The board has …").
pub(super) fn reads_as_instruction(s: &str) -> bool {
    let k = make_key(s);
    if [" should ", " must ", " need to ", " needs to "]
        .iter()
        .any(|m| k.contains(m))
    {
        return true;
    }
    let mut words = k
        .split(' ')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'));
    let mut first = words.next().unwrap_or("");
    // "Urgently review …", "Better coordinate …": an adverb before the verb.
    if first.ends_with("ly") || matches!(first, "better" | "further") {
        first = words.next().unwrap_or("");
    }
    IMPERATIVES.contains(&first)
        || ["ise", "ize", "ify"]
            .iter()
            .any(|e| first.len() > 5 && first.ends_with(e))
        || (!SUBJECT_STARTS.contains(&first) && !has_early_finite_verb(&k))
}

/// Words that open a finding's subject ("The board …", "Most children …"), never an
/// instruction.
const SUBJECT_STARTS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "these",
    "those",
    "there",
    "it",
    "its",
    "in",
    "at",
    "on",
    "for",
    "most",
    "many",
    "some",
    "all",
    "children",
    "young",
    "inspectors",
    "leaders",
    "managers",
    "staff",
    "social",
    "when",
    "where",
    "while",
    "although",
    "however",
    "since",
    "as",
    "their",
    "they",
    "we",
    "overall",
    "each",
    "every",
    "during",
    "despite",
    "following",
];

/// A finding states something early on ("Barnsley has a clear protocol", "Safeguarding
/// is a key priority"); an instruction starts with its verb and has none of these.
fn has_early_finite_verb(key: &str) -> bool {
    key.split(' ').take(6).any(|w| {
        matches!(
            w.trim_matches(|c: char| !c.is_alphanumeric()),
            "is" | "are"
                | "was"
                | "were"
                | "has"
                | "have"
                | "had"
                | "remains"
                | "remain"
                | "does"
                | "do"
                | "did"
                | "can"
                | "cannot"
                | "continues"
        )
    })
}

/// Headings of the report's own parts ("Inspection judgement about the LSCB", "Key
/// strengths and weaknesses", "The local authority's strengths"): where a list ends,
/// never a theme inside it.
pub(super) fn is_report_part(key: &str) -> bool {
    [
        "inspection",
        "judgement",
        "findings",
        "strengths",
        "weaknesses",
        "summary",
        "information about",
        "progress since",
        "what the",
    ]
    .iter()
    .any(|w| key.contains(w))
}
