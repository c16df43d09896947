//! Dates as reports write them: "18 November 2011", and ranges such as
//! "3 – 14 October 2011", "28 November to 9 December 2016", "10 and 11 May 2011" or
//! "5 to 9 December 2022 and 14 to 15 February 2023" (first day to last day).

use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok {
    Day(u32),
    Month(u32),
    Year(i32),
    Sep,
    Word,
}

/// Month number for a month name or its common abbreviation.
pub fn month(word: &str) -> Option<u32> {
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let w = word.to_ascii_lowercase();
    let w = w.trim_end_matches('.');
    if w.len() < 3 {
        return None;
    }
    NAMES
        .iter()
        .position(|n| {
            *n == w || (w.len() == 3 && n.starts_with(w)) || (w == "sept" && *n == "september")
        })
        .map(|i| i as u32 + 1)
}

fn tokens(s: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    for w in s.split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')') {
        if w.is_empty() {
            continue;
        }
        // "3–14" or "2016–18" written without spaces.
        let parts: Vec<&str> = if w.len() > 1 && w.contains(['\u{2013}', '\u{2014}', '-']) {
            let mut v = Vec::new();
            for (i, p) in w.split(['\u{2013}', '\u{2014}', '-']).enumerate() {
                if i > 0 {
                    v.push("-");
                }
                if !p.is_empty() {
                    v.push(p);
                }
            }
            v
        } else {
            vec![w]
        };
        for p in parts {
            out.push(token(p));
        }
    }
    out
}

fn token(w: &str) -> Tok {
    let lw = w.to_ascii_lowercase();
    let lw = lw.trim_end_matches(['.', ':', ';']);
    if matches!(
        lw,
        "-" | "\u{2013}" | "\u{2014}" | "to" | "and" | "until" | "till"
    ) || w == "–"
        || w == "—"
    {
        return Tok::Sep;
    }
    let digits = lw.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &lw[digits.len()..];
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        if digits.len() <= 2 && matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
            let d: u32 = digits.parse().unwrap_or(0);
            if (1..=31).contains(&d) {
                return Tok::Day(d);
            }
        }
        if digits.len() == 4 && suffix.is_empty() {
            let y: i32 = digits.parse().unwrap_or(0);
            if (1990..=2100).contains(&y) {
                return Tok::Year(y);
            }
        }
        return Tok::Word;
    }
    match month(lw) {
        Some(m) => Tok::Month(m),
        None => Tok::Word,
    }
}

/// Partial dates (day, month?, year?) in order, stopping at the first unrelated word
/// once a complete date has been seen.
fn partials(s: &str) -> Vec<(u32, Option<u32>, Option<i32>)> {
    let toks = tokens(s);
    let mut out: Vec<(u32, Option<u32>, Option<i32>)> = Vec::new();
    let mut complete = false;
    let mut i = 0;
    while i < toks.len() {
        match toks[i] {
            Tok::Day(d) => {
                let mut m = None;
                let mut y = None;
                if let Some(Tok::Month(mm)) = toks.get(i + 1) {
                    m = Some(*mm);
                    i += 1;
                    if let Some(Tok::Year(yy)) = toks.get(i + 1) {
                        y = Some(*yy);
                        i += 1;
                        complete = true;
                    }
                }
                out.push((d, m, y));
            }
            Tok::Sep => {}
            Tok::Month(_) | Tok::Year(_) => {
                if complete {
                    break;
                }
            }
            Tok::Word => {
                if complete {
                    break;
                }
                if !out.is_empty() {
                    out.clear();
                }
            }
        }
        i += 1;
    }
    out
}

fn resolve(p: &[(u32, Option<u32>, Option<i32>)]) -> Vec<NaiveDate> {
    let mut res = Vec::new();
    for (i, &(d, m, y)) in p.iter().enumerate() {
        let m = m.or_else(|| p[i + 1..].iter().find_map(|x| x.1));
        let y = y.or_else(|| p[i + 1..].iter().find_map(|x| x.2));
        match (m, y) {
            (Some(m), Some(y)) => match NaiveDate::from_ymd_opt(y, m, d) {
                Some(date) => res.push(date),
                None => return Vec::new(),
            },
            _ => return Vec::new(),
        }
    }
    res
}

/// The first and last day of a date range (or a single date twice).
pub fn parse_range(s: &str) -> Option<(NaiveDate, NaiveDate)> {
    let dates = resolve(&partials(s));
    let (first, last) = (*dates.first()?, *dates.last()?);
    (first <= last).then_some((first, last))
}

/// The first complete date ("18 November 2011") in `s`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let toks = tokens(s);
    toks.windows(3).find_map(|w| match w {
        [Tok::Day(d), Tok::Month(m), Tok::Year(y)] => NaiveDate::from_ymd_opt(*y, *m, *d),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn ranges() {
        let cases: &[(&str, (NaiveDate, NaiveDate))] = &[
            ("3 – 14 October 2011", (d(2011, 10, 3), d(2011, 10, 14))),
            ("15 to 26 April 2024", (d(2024, 4, 15), d(2024, 4, 26))),
            (
                "3 October – 14 October 2011",
                (d(2011, 10, 3), d(2011, 10, 14)),
            ),
            (
                "28 November to 9 December 2016",
                (d(2016, 11, 28), d(2016, 12, 9)),
            ),
            ("10 and 11 May 2011", (d(2011, 5, 10), d(2011, 5, 11))),
            (
                "19 November 2013 – 11 December 2013",
                (d(2013, 11, 19), d(2013, 12, 11)),
            ),
            (
                "22 February 2016–18 March 2016",
                (d(2016, 2, 22), d(2016, 3, 18)),
            ),
            ("3–14 Oct 2011", (d(2011, 10, 3), d(2011, 10, 14))),
            ("28 July 2016", (d(2016, 7, 28), d(2016, 7, 28))),
            (
                "5 to 9 December 2022 and 14 to 15 February 2023",
                (d(2022, 12, 5), d(2023, 2, 15)),
            ),
            (
                "30 December 2019 to 10 January 2020 Lead inspector: A B",
                (d(2019, 12, 30), d(2020, 1, 10)),
            ),
        ];
        for (s, want) in cases {
            assert_eq!(parse_range(s), Some(*want), "{s}");
        }
        assert_eq!(parse_range("[Date]"), None);
        assert_eq!(parse_range("31 February 2011"), None);
    }

    #[test]
    fn single() {
        assert_eq!(
            parse_date("Published: 18 November 2011"),
            Some(d(2011, 11, 18))
        );
        assert_eq!(parse_date("Published [Date]"), None);
    }
}
