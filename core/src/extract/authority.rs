//! The local authority's name from the title page, in the short form people use
//! ("Norfolk", not "Norfolk County Council"; "Kingston upon Thames", not "Royal
//! Borough of …").

use super::lines::{make_key, Doc};
use crate::ReportKind;

/// Content lines from the top that count as the title page.
const HEAD: usize = 30;

pub fn find(doc: &Doc, kind: ReportKind) -> Option<String> {
    let head: Vec<&str> = doc
        .lines
        .iter()
        .filter(|l| !l.blank && !l.noise)
        .take(HEAD)
        .map(|l| l.plain.as_str())
        .collect();
    let title = head.iter().position(|l| is_title_start(&make_key(l)));

    // Letters: "... arrangements within Rutland County Council children's services".
    if kind == ReportKind::ContactReferralAssessment {
        // Joined, because a PDF wraps the title line just before "within".
        let k = head.join(" ").replace('\u{2019}', "'");
        if let Some(p) = k.find(" within ") {
            let rest = &k[p + 8..];
            let rest = rest.split(" children's").next().unwrap_or(rest);
            if let Some(n) = clean(rest) {
                return Some(n);
            }
        }
    }

    if let Some(t) = title {
        // The title with its wrapped continuation lines, up to the first label.
        let mut joined = String::new();
        for l in head.iter().skip(t).take(4) {
            let k = make_key(l);
            if is_label(&k) {
                break;
            }
            joined.push(' ');
            joined.push_str(l);
        }
        let jk = joined.replace('\u{2019}', "'");
        // "Inspection of Kingston upon Thames local authority children's services"
        for pre in ["Inspection of ", "inspection of "] {
            if let Some(p) = jk.find(pre) {
                let rest = &jk[p + pre.len()..];
                // "… local authority children's services" or "… Council children's services".
                let e = [" local authority", " children's"]
                    .iter()
                    .filter_map(|t| rest.find(t))
                    .min();
                if let Some(n) = e.and_then(|e| clean(&rest[..e])) {
                    return Some(n);
                }
            }
        }
        // Authority lines above the title ("Derbyshire County Council", "Brent").
        let above: Vec<&str> = head[..t]
            .iter()
            .copied()
            .filter(|l| looks_like_name(l))
            .collect();
        if !above.is_empty() && above.len() <= 3 {
            if let Some(n) = clean(&above.join(" ")) {
                return Some(n);
            }
        }
        // Otherwise the first capitalised line after the title ("Rutland").
        for l in head.iter().skip(t + 1).take(6) {
            let k = make_key(l);
            if is_label(&k) {
                break;
            }
            if looks_like_name(l) && !is_title_start(&k) && !k.starts_with("review of") {
                if let Some(n) = clean(l) {
                    return Some(n);
                }
            }
        }
    }
    None
}

fn is_title_start(k: &str) -> bool {
    k.starts_with("inspection of")
        || k.starts_with("re-inspection of")
        || k.starts_with("reinspection of")
        || k.starts_with("joint area review")
        || k.starts_with("annual unannounced")
        || k.starts_with("focused visit")
        || k.starts_with("monitoring visit")
}

fn is_label(k: &str) -> bool {
    [
        "inspection date",
        "lead inspector",
        "reporting inspector",
        "published",
        "report published",
        "age group",
        "judgement",
        "dates of inspection",
    ]
    .iter()
    .any(|l| k.starts_with(l))
}

/// A short capitalised line with no sentence punctuation and no digits.
fn looks_like_name(l: &str) -> bool {
    let words = l.split_whitespace().count();
    let k = make_key(l);
    (1..=8).contains(&words)
        && l.chars().next().is_some_and(|c| c.is_uppercase())
        && !l
            .chars()
            .any(|c| c.is_ascii_digit() || c == '@' || c == ':' || c == '.')
        && !is_label(&k)
        && !k.contains("ofsted")
        && !k.contains("inspection")
        && !k.contains("crown copyright")
        && !k.contains("inspectorate")
        && !k.starts_with("contents")
}

/// Strip council-type words: "Metropolitan Borough of Barnsley Council" → "Barnsley".
pub fn clean(s: &str) -> Option<String> {
    let mut n: String = s
        .replace('\u{2019}', "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for pre in [
        "Inspection of ",
        "the ",
        "The ",
        "London Borough of ",
        "Royal Borough of ",
        "Metropolitan Borough of ",
        "Borough of ",
        "County of ",
        "City and County of ",
        "City of ",
    ] {
        if let Some(r) = n.strip_prefix(pre) {
            if pre == "City of " && r.trim() == "London" {
                continue;
            }
            n = r.to_string();
        }
    }
    loop {
        let before = n.len();
        for suf in [
            " Children's Services Authority Area",
            " Children's Services",
            " local authority",
            " Council",
            " Metropolitan District",
            " Metropolitan Borough",
            " County",
            " City",
            " Borough",
            " District",
            " City of",
            ",",
        ] {
            if let Some(r) = n.strip_suffix(suf) {
                n = r.trim_end().to_string();
            }
        }
        if n.len() == before {
            break;
        }
    }
    let n = n.trim().to_string();
    let ok = !n.is_empty()
        && n.len() <= 60
        && n.chars().next().is_some_and(|c| c.is_uppercase())
        && n.split_whitespace().count() <= 6;
    ok.then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn council_words_removed() {
        let cases = [
            ("Norfolk County Council", "Norfolk"),
            ("Metropolitan Borough of Barnsley Council", "Barnsley"),
            ("London Borough of Waltham Forest", "Waltham Forest"),
            (
                "Royal Borough of Kensington and Chelsea",
                "Kensington and Chelsea",
            ),
            ("Bristol City of", "Bristol"),
            ("City of London", "City of London"),
            ("City of Westminster", "Westminster"),
            ("Stockport Metropolitan Borough Council", "Stockport"),
            ("Wakefield Metropolitan District Council", "Wakefield"),
            ("Telford and Wrekin Council", "Telford and Wrekin"),
            (
                "Bournemouth, Christchurch and Poole",
                "Bournemouth, Christchurch and Poole",
            ),
            ("Rutland Children's Services Authority Area", "Rutland"),
        ];
        for (a, b) in cases {
            assert_eq!(clean(a).as_deref(), Some(b), "{a}");
        }
    }

    #[test]
    fn title_forms() {
        let texts = [
            ("Inspection of Kingston upon Thames\nlocal authority children’s services\nInspection dates: 2 to 6 December 2024\n", "Kingston upon Thames"),
            ("Royal Borough of Kensington and\nChelsea\nInspection of children’s social care services\nInspection dates: 9 to 13 September 2019\n", "Kensington and Chelsea"),
            ("Inspection of safeguarding and looked after children services\n\nDerby\n\nInspection dates: 9 – 20 May 2011\n", "Derby"),
            ("Inspection of looked after children\nservices\nNorfolk County Council\n\nInspection dates:\n", "Norfolk"),
            ("Inspection of Buckinghamshire Council\nchildren’s services\n\nInspection dates: 6 December 2021 to 17 December 2021\n", "Buckinghamshire"),
        ];
        for (t, want) in texts {
            let doc = Doc::new(t);
            let kind = super::super::kind::detect(&doc);
            assert_eq!(find(&doc, kind).as_deref(), Some(want), "{t}");
        }
    }
}
