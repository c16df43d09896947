//! Grade words as reports write them ("requires improvement to be good", "Grade 3
//! (Adequate)", "adequate") → the one canonical word the rest of the app uses.

/// The canonical grade for a whole key (lower-case line), if it is only a grade.
pub fn grade_word(key: &str) -> Option<&'static str> {
    let k = key.trim().trim_end_matches(['.', ':']).trim();
    match k {
        "outstanding" => Some("Outstanding"),
        "good" => Some("Good"),
        "adequate" => Some("Adequate"),
        "inadequate" => Some("Inadequate"),
        "requires improvement"
        | "requires improvement to be good"
        | "require improvement"
        | "require improvement to be good"
        | "requires improvement to be"
        | "require improvement to be" => Some("Requires improvement to be good"),
        _ => None,
    }
}

/// A grade at the end of a line ("Equality and diversity Good"): (area part, grade).
pub fn trailing_grade(plain: &str) -> Option<(&str, &'static str)> {
    const ENDINGS: [&str; 8] = [
        " requires improvement to be good",
        " requires improvement to be",
        " requires improvement",
        " require improvement to be good",
        " outstanding",
        " inadequate",
        " adequate",
        " good",
    ];
    let lower = plain.to_lowercase();
    if lower.len() != plain.len() {
        return None;
    }
    for e in ENDINGS {
        if lower.ends_with(e) {
            let area = plain[..plain.len() - e.len()].trim_end_matches([' ', '\t', ':']);
            if area.is_empty() {
                return None;
            }
            return grade_word(e.trim()).map(|g| (area, g));
        }
    }
    None
}

/// "Grade 3 (Adequate)" → "Adequate".
pub fn body_grade(key: &str) -> Option<&'static str> {
    let k = key.trim();
    let rest = k.strip_prefix("grade ")?;
    let open = rest.find('(')?;
    let close = rest[open..].find(')')? + open;
    if !rest[..open].trim().bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    grade_word(&rest[open + 1..close])
}

/// Grade words found in a sentence such as "The overall judgement is good." or
/// "Children's services in X require improvement to be good".
pub fn grade_in_sentence(key: &str) -> Option<&'static str> {
    let k = key.trim_end_matches(['.', ' ']);
    for (needle, g) in [
        ("requires improvement", "Requires improvement to be good"),
        ("require improvement", "Requires improvement to be good"),
        ("inadequate", "Inadequate"),
        ("outstanding", "Outstanding"),
        ("adequate", "Adequate"),
        ("good", "Good"),
    ] {
        if k.ends_with(needle)
            || k.ends_with(&format!("{needle} to be good"))
            || k.ends_with(&format!("{needle} to be"))
        {
            return Some(g);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() {
        assert_eq!(
            grade_word("requires improvement"),
            Some("Requires improvement to be good")
        );
        assert_eq!(grade_word("good"), Some("Good"));
        assert_eq!(grade_word("goods"), None);
        assert_eq!(body_grade("grade 1 (outstanding)"), Some("Outstanding"));
        assert_eq!(
            trailing_grade("Equality and diversity Good"),
            Some(("Equality and diversity", "Good"))
        );
        assert_eq!(
            grade_in_sentence("the overall judgement is good."),
            Some("Good")
        );
    }
}
