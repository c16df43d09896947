//! A recommendation's text → the terms that say what it asks for: words stemmed (Snowball
//! English, so "plans"/"planning" and "fostered"/"fostering" meet), words that carry no ask
//! dropped (English function words and the words every recommendation shares), and each
//! pair of neighbouring kept words as a phrase ("management oversight", "life story").
//! Each term keeps the words it was first written with, to show a person why two
//! recommendations were matched.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::{Regex, RegexSet};
use rust_stemmers::{Algorithm, Stemmer};

/// What starts an area of practice's key, so no word's key can be taken for one.
pub const AREA_MARK: char = '#';

/// Whether a term's key names an area of practice rather than a word or phrase.
pub fn is_area(key: &str) -> bool {
    key.starts_with(AREA_MARK)
}

/// One term of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Stemmed form(s), space-separated for a phrase: what is compared.
    pub key: String,
    /// The words as written (lower case): what is shown.
    pub surface: String,
    pub phrase: bool,
    /// An area of practice ([`super::concepts`]) rather than a word of the text.
    pub concept: bool,
    /// Names whom the recommendation is about (a group of children, their families, the
    /// workers or agencies: [`WHO`]) rather than what it asks for.
    pub who: bool,
}

/// English function words.
#[rustfmt::skip]
const ENGLISH: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "also", "an", "and", "any",
    "are", "as", "at", "be", "been", "before", "being", "below", "between", "both", "but",
    "by", "can", "could", "do", "does", "during", "each", "few", "for", "from", "further",
    "has", "have", "having", "he", "her", "here", "his", "how", "if", "in", "include",
    "includes", "including", "into", "is", "it", "its", "just", "may", "more", "most",
    "must", "no", "nor", "not", "of", "on", "once", "only", "or", "other", "our", "out",
    "over", "own", "particular", "particularly", "same", "she", "should", "so", "some",
    "such", "than", "that", "the", "their", "them", "then", "there", "these", "they",
    "this", "those", "through", "to", "too", "under", "up", "very", "was", "we", "were",
    "what", "when", "where", "which", "while", "who", "whom", "whose", "why", "will",
    "with", "within", "would", "you", "your",
];

/// Words (nearly) every Ofsted recommendation uses whatever it asks for: the verbs of
/// asking ("ensure", "improve", "strengthen"), the service's own name and subject
/// ("local authority", "children", "services", "practice") and the measures every ask is
/// judged by ("quality", "consistency", "timeliness", "effective"). Two recommendations
/// sharing only these have nothing in common; kept in, they outweigh the words that do
/// say what is asked for in the short ILACS one-line recommendations.
#[rustfmt::skip]
const DOMAIN: &[&str] = &[
    "action", "actions", "appropriate", "appropriately", "authorities", "authority",
    "better", "child", "children", "clear", "clearly", "consistency", "consistent",
    "consistently", "continue", "council", "develop", "development", "effective",
    "effectively", "effectiveness", "ensure", "ensuring", "every", "good", "high", "impact",
    "improve", "improved", "improvement", "improvements", "improving", "increase", "level",
    "local", "make", "need", "needs", "people", "person", "practice", "quality", "range",
    "regular", "regularly", "robust", "robustly", "service", "services", "steps",
    "strengthen", "support", "sure", "take", "timeliness", "timely", "use", "used", "way",
    "ways", "work", "working", "young",
];

/// Words that say whom a recommendation is about, not what it asks for: the groups of
/// children and their families, and the people and agencies doing the work. Two
/// recommendations about the same group ("care leavers' health histories", "support for
/// care leavers") or by the same workers ("social workers' caseloads", "social workers'
/// direct work") may ask for different things, so these words weigh in a match but
/// cannot make one on their own (see [`super::MIN_SHARED`]). A phrase of two such words
/// ("care leavers", "social workers", "partner agencies") is one too.
#[rustfmt::skip]
pub const WHO: &[&str] = &[
    "agency", "agencies", "care", "carer", "carers", "disabled", "disability", "families",
    "family", "foster", "leaver", "leavers", "multi", "parent", "parents", "partner",
    "partners", "partnership", "social", "worker", "workers",
];

/// The same thing said in the words of different years or in short: rewritten before
/// the words are split so that both spellings give the same terms. Only equivalences the
/// inspection frameworks themselves use (the 2018 framework's "children in care" for the
/// earlier "children looked after", "care-experienced" for "care leavers"), the usual
/// abbreviations, and asks that Ofsted treats as one (supervision is how management
/// oversight is recorded; audits are how quality is assured).
static SAME_THING: LazyLock<(RegexSet, Vec<(Regex, &'static str)>)> = LazyLock::new(|| {
    let rules: Vec<(&str, &str)> = vec![
        (
            r"care[- ]experienced (young )?(people|adults|children)",
            "care leavers",
        ),
        (r"care[- ]experienced", "care leavers"),
        (
            r"children looked after|looked after children|looked-after children",
            "children in care",
        ),
        (
            r"\bcamhs\b|child and adolescent mental health services?",
            "emotional mental health",
        ),
        (r"\bsupervision\b", "supervision oversight"),
        (r"\bpas\b", "personal advisers"),
        (r"\boversee(s|n|ing)?\b", "oversight"),
        (r"quality assur\w*", "quality assurance audit"),
    ];
    // The set finds in one pass which rules apply; most texts need none.
    let set = RegexSet::new(rules.iter().map(|r| r.0)).expect("valid patterns");
    let each = rules
        .into_iter()
        .map(|(p, to)| (Regex::new(p).expect("valid pattern"), to))
        .collect();
    (set, each)
});

static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[a-z0-9]+(?:'[a-z]+)?").expect("valid pattern"));

struct Lists {
    stemmer: Stemmer,
    stop_words: HashSet<&'static str>,
    stop_stems: HashSet<String>,
    who_stems: HashSet<String>,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let stemmer = Stemmer::create(Algorithm::English);
    // Stop both the words and the domain words' stems, so "improves" or "ensured" are
    // dropped too.
    let stop_words = ENGLISH.iter().chain(DOMAIN).copied().collect();
    let stop_stems = DOMAIN
        .iter()
        .map(|w| stemmer.stem(w).into_owned())
        .collect();
    let who_stems = WHO.iter().map(|w| stemmer.stem(w).into_owned()).collect();
    Lists {
        stemmer,
        stop_words,
        stop_stems,
        who_stems,
    }
});

/// The terms of `text`, in order: each kept word, then the areas of practice it names
/// ([`super::concepts`]), then each phrase of two neighbouring kept words (words dropped
/// in between break a phrase).
pub fn terms(text: &str) -> Vec<Term> {
    let lists = &*LISTS;
    let lower = text.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'");
    let mut t = lower.clone();
    let (set, rules) = &*SAME_THING;
    for i in set.matches(&lower).into_iter() {
        let (re, to) = &rules[i];
        t = re.replace_all(&t, *to).into_owned();
    }
    let words: Vec<Option<(String, &str, bool)>> = WORD
        .find_iter(&t)
        .map(|m| {
            let w = m.as_str();
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix('\''))
                .unwrap_or(w);
            if w.len() < 2 || lists.stop_words.contains(w) {
                return None;
            }
            let stem = lists.stemmer.stem(w).into_owned();
            if lists.stop_stems.contains(&stem) {
                return None;
            }
            let who = lists.who_stems.contains(&stem);
            Some((stem, w, who))
        })
        .collect();
    let mut out: Vec<Term> = words
        .iter()
        .flatten()
        .map(|(stem, w, who)| Term {
            key: stem.clone(),
            surface: (*w).to_string(),
            phrase: false,
            concept: false,
            who: *who,
        })
        .collect();
    out.extend(super::concepts::named_in(&lower).map(|c| Term {
        key: format!("{AREA_MARK}{}", c.key),
        surface: c.label.to_string(),
        phrase: false,
        concept: true,
        who: c.who,
    }));
    for pair in words.windows(2) {
        if let [Some((s1, w1, who1)), Some((s2, w2, who2))] = pair {
            out.push(Term {
                key: format!("{s1} {s2}"),
                surface: format!("{w1} {w2}"),
                phrase: true,
                concept: false,
                who: *who1 && *who2,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        terms(text).into_iter().map(|t| t.key).collect()
    }

    #[test]
    fn asking_words_are_dropped_and_the_ask_is_stemmed_with_its_phrases() {
        assert_eq!(
            keys("Ensure that children’s care plans are improved."),
            ["care", "plan", "care plan"]
        );
        assert_eq!(
            keys("The quality of supervision."),
            ["supervis", "oversight", "#oversight", "supervis oversight"]
        );
    }

    #[test]
    fn old_and_new_names_for_the_same_children_give_the_same_terms() {
        assert_eq!(
            keys("support for care-experienced young people"),
            keys("support for care leavers")
        );
        assert_eq!(
            keys("health of children looked after"),
            keys("health of children in care")
        );
    }

    #[test]
    fn words_for_whom_a_recommendation_is_about_are_marked() {
        let who: Vec<(String, bool)> = terms("care leavers' pathway plans")
            .into_iter()
            .filter(|t| !t.concept)
            .map(|t| (t.key, t.who))
            .collect();
        assert_eq!(
            who,
            [
                ("care".to_string(), true),
                ("leaver".to_string(), true),
                ("pathway".to_string(), false),
                ("plan".to_string(), false),
                ("care leaver".to_string(), true),
                ("leaver pathway".to_string(), false),
                ("pathway plan".to_string(), false),
            ]
        );
    }

    #[test]
    fn a_dropped_word_breaks_a_phrase() {
        let k = keys("plans and reviews");
        assert_eq!(k, ["plan", "review"]);
    }
}
