//! The areas of practice Ofsted's recommendations are about, each with the words its
//! inspectors use for it across the frameworks of 2012–2025. A recommendation naming any
//! of them gets the area as one more term, so two recommendations about the same area in
//! other words meet: "the quality and frequency of supervision" and "management oversight
//! at all levels"; "how quickly children are matched to permanent carers" and "a robust
//! permanency policy"; "emotional needs" and "access to CAMHS". Areas named by one word
//! that stemming already joins ("plans", "assessments", "thresholds") are not listed, nor
//! are the workers and agencies ("partners", "multi-agency"): they say who does the work,
//! not which part of it ([`super::terms::WHO`]).

use std::sync::LazyLock;

use regex::RegexSet;

/// One area of practice.
#[derive(Debug)]
pub struct Concept {
    /// Stable name, as the term's key.
    pub key: &'static str,
    /// What a person is shown when two recommendations share it.
    pub label: &'static str,
    /// A group of children rather than an area of work (see [`super::terms::WHO`]).
    pub who: bool,
}

const AREAS: &[(&str, &str, &str)] = &[
    (
        "oversight",
        "management oversight",
        r"\bsupervision|oversight|\boversee|management decision|managers? (?:challenge|scrutiny|direction)|management challenge",
    ),
    (
        "care_leavers",
        "care leavers",
        r"care leavers?|care[- ]experienced|leaving care|pathway plans?|personal advisers?|\bpas\b|staying put",
    ),
    (
        "permanence",
        "permanence",
        r"permanen\w*|adoption|adopted|adopt\b|matched|matching|permanent carers?|long[- ]term foster",
    ),
    (
        "placements",
        "placements",
        r"sufficiency|placements?\b|foster homes|recruit\w* (?:of )?(?:foster )?carers|number of carers|children's homes",
    ),
    (
        "missing",
        "children missing",
        r"\bmissing\b|return (?:home )?interviews?",
    ),
    (
        "exploitation",
        "exploitation",
        r"exploitation|\bcse\b|gangs?\b",
    ),
    (
        "private_fostering",
        "private fostering",
        r"private(?:ly)? fost\w+",
    ),
    ("homeless", "homelessness", r"homeless\w*|bed and breakfast"),
    (
        "life_story",
        "life-story work",
        r"life[- ]story|later[- ]life letters?",
    ),
    (
        "voice",
        "children's views",
        r"\bvoices?\b|\bviews\b|wishes and feelings|participation|lived experiences?|listen\w*",
    ),
    (
        "quality_assurance",
        "audit and quality assurance",
        r"\baudit\w*|quality assur\w*",
    ),
    (
        "performance_data",
        "performance information",
        r"performance (?:information|data|management)|\bdata\b|electronic (?:social care )?record\w*|recording system|case management system",
    ),
    (
        "recording",
        "recording",
        r"\brecord(?:s|ing|ed)?\b|case files?|chronolog\w*",
    ),
    (
        "workforce",
        "workforce capacity",
        r"caseloads?|workloads?|staffing|capacity|recruitment and retention|retention|vacanc\w+|turnover|changes of (?:social )?worker",
    ),
    ("early_help", "early help", r"early help|step(?:ped)? down"),
    (
        "strategy",
        "strategy meetings",
        r"strategy (?:meetings?|discussions?)",
    ),
    (
        "child_protection",
        "child protection",
        r"child protection|section 47|\bicpc|conferences?",
    ),
    (
        "domestic_abuse",
        "domestic abuse",
        r"domestic (?:abuse|violence)",
    ),
    (
        "health",
        "health",
        r"health assessments?|\bcamhs\b|mental health|emotional|dental|health histor\w+|health information",
    ),
    (
        "education",
        "education",
        r"\bpeps?\b|personal education plans?|virtual school|attainment|educational|education, employment|\bneet\b|missing education",
    ),
    (
        "pre_proceedings",
        "pre-proceedings",
        r"pre-?proceedings|public law outline|\bplo\b|legal planning",
    ),
    (
        "lado",
        "designated officer",
        r"designated officer|\blado\b|allegations",
    ),
    (
        "front_door",
        "contacts and referrals",
        r"front door|contacts?\b|referrals?|\bmash\b|\bmarat\b|single point",
    ),
    (
        "iro",
        "reviewing officers and chairs",
        r"independent reviewing officers?|\biros?\b|child protection chairs?|conference chairs?",
    ),
    (
        "corporate_parenting",
        "corporate parenting",
        r"corporate parent\w*",
    ),
];

/// The areas that name a group of children, not a part of the work: sharing one alone is
/// not the same finding (see [`super::terms::WHO`]).
const WHO_AREAS: &[&str] = &["care_leavers"];

static CONCEPTS: LazyLock<(Vec<Concept>, RegexSet)> = LazyLock::new(|| {
    let concepts = AREAS
        .iter()
        .map(|&(key, label, _)| Concept {
            key,
            label,
            who: WHO_AREAS.contains(&key),
        })
        .collect();
    // One pass over the text finds every area (a set, not 26 searches).
    let set = RegexSet::new(AREAS.iter().map(|a| a.2)).expect("valid patterns");
    (concepts, set)
});

/// The areas `lower` (a text in lower case, straight apostrophes) names, in list order.
pub fn named_in(lower: &str) -> impl Iterator<Item = &'static Concept> {
    let (concepts, set) = &*CONCEPTS;
    set.matches(lower).into_iter().map(move |i| &concepts[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<&'static str> {
        named_in(text).map(|c| c.key).collect()
    }

    #[test]
    fn other_words_for_the_same_area_name_it() {
        assert_eq!(
            keys("the quality and frequency of supervision"),
            ["oversight"]
        );
        assert_eq!(keys("management oversight at all levels"), ["oversight"]);
        assert_eq!(
            keys("support for care-experienced young people"),
            ["care_leavers"]
        );
        assert!(keys("a flexible housing offer").is_empty());
    }
}
