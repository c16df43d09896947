//! The one place a timeframe heading ("Within three months:") becomes a [`Timeframe`].

use crate::model::Timeframe;

impl Timeframe {
    /// Parse a heading as written. `None` when the text is not a timeframe heading at all.
    pub fn parse(heading: &str) -> Option<Timeframe> {
        // Headings are short; do not lower-case a whole paragraph to find that out.
        if heading.len() > 320 {
            return None;
        }
        let h = heading
            .trim()
            .trim_end_matches([':', '.', ';'])
            .trim()
            .to_lowercase();
        let h = h.replace(['\u{2019}', '\u{2018}'], "'");
        if h.is_empty() || h.len() > 80 {
            return None;
        }
        // A heading is a short phrase; "… harm. Immediate action is being taken …" is a
        // sentence that merely mentions a timeframe.
        if h.split_whitespace().count() > 10 || h.contains(". ") || h.contains("; ") {
            return None;
        }
        // "There are no areas for priority or immediate action": an empty part.
        if h.split_whitespace()
            .any(|w| matches!(w, "no" | "not" | "none"))
        {
            return None;
        }
        if h == "immediately"
            || h.ends_with("immediate action")
            || h == "with immediate effect"
            || h == "immediate"
        {
            return Some(Timeframe::Immediate);
        }
        if h.contains("longer term") || h.contains("long term") || h.contains("longer-term") {
            return Some(Timeframe::LongerTerm);
        }
        // "within three months", "for action over the next six months", "in the next 6 weeks"
        let words: Vec<&str> = h
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| !w.is_empty())
            .collect();
        let leads = ["within", "next", "in", "over", "by", "for"];
        if !words.first().is_some_and(|w| leads.contains(w)) {
            return None;
        }
        for pair in words.windows(2) {
            if let Some(n) = number(pair[0]) {
                let unit = pair[1].trim_end_matches(['.', ',', ':', ')']);
                return match unit {
                    "month" | "months" => Some(Timeframe::Months(n)),
                    "week" | "weeks" => Some(Timeframe::Weeks(n)),
                    "day" | "days" => Some(Timeframe::Days(n)),
                    "year" | "years" => Some(Timeframe::Months(n * 12)),
                    _ => None,
                };
            }
        }
        None
    }
}

/// A count written in digits or in words ("six", "twelve", "6").
/// A count as reports write it: a numeral up to 120, a word up to "twenty four", or "a".
pub(crate) fn number(word: &str) -> Option<u32> {
    if let Ok(n) = word.parse::<u32>() {
        return (n <= 120).then_some(n);
    }
    const WORDS: [&str; 25] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "twenty one",
        "twenty two",
        "twenty three",
        "twenty four",
    ];
    match word {
        "a" | "an" => Some(1),
        _ => WORDS.iter().position(|w| *w == word).map(|i| i as u32),
    }
}

#[cfg(test)]
mod tests {
    use super::Timeframe::{self, *};

    #[test]
    fn headings_as_written_in_reports() {
        let cases: &[(&str, Option<Timeframe>)] = &[
            ("Immediately:", Some(Immediate)),
            ("For immediate action:", Some(Immediate)),
            ("Priority and immediate action", Some(Immediate)),
            ("Within three months:", Some(Months(3))),
            ("Within six months:", Some(Months(6))),
            ("WITHIN SIX MONTHS", Some(Months(6))),
            ("For action over the next six months:", Some(Months(6))),
            ("Within 3 months", Some(Months(3))),
            ("Within twelve months", Some(Months(12))),
            ("Within one year", Some(Months(12))),
            ("Within six weeks", Some(Weeks(6))),
            ("Within 28 days", Some(Days(28))),
            ("For action in the longer term:", Some(LongerTerm)),
            ("In the longer term", Some(LongerTerm)),
            ("Areas for improvement", None),
            ("The local authority should:", None),
            (
                "risk of harm. Immediate action is being taken by the council",
                None,
            ),
            (
                "immediate action is being taken by the council to review all cases",
                None,
            ),
            ("Immediate action is being taken by the", None),
            ("There are no areas for priority or immediate action.", None),
            ("", None),
        ];
        for (heading, want) in cases {
            assert_eq!(Timeframe::parse(heading), *want, "heading {heading:?}");
        }
    }

    #[test]
    fn months_only_where_fixed_in_months() {
        assert_eq!(Immediate.months(), Some(0));
        assert_eq!(Months(6).months(), Some(6));
        assert_eq!(Weeks(6).months(), None);
        assert_eq!(LongerTerm.months(), None);
        assert_eq!(Unspecified.months(), None);
    }
}
