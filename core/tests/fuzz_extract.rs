//! The extractor never panics, whatever text it is given, and its offsets always slice
//! the text it was given: arbitrary strings, report-shaped lines (headings, bullets,
//! numbers, timeframes, dates, page breaks) and mutated reference reports.
//! With `fuzz_read.rs` this runs over 100,000 cases.

use std::path::Path;
use std::sync::LazyLock;

use inspection_tracker::extract::extract;
use proptest::prelude::*;

/// `cases` in the normal test run, times `$SOAK_CASE_FACTOR` under `cargo xtask soak`.
fn config(cases: u32) -> ProptestConfig {
    let factor: f64 = std::env::var("SOAK_CASE_FACTOR")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1.0);
    ProptestConfig {
        cases: (f64::from(cases) * factor).round() as u32,
        // A failure is printed with its minimal input; no regression file in the tree.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Extracts and checks what must hold for any input.
fn check(text: &str) {
    let r = extract(text);
    for rec in &r.recommendations {
        assert!(rec.source_start <= rec.source_end, "{rec:?}");
        assert!(rec.source_end <= text.len(), "{rec:?}");
        assert!(text.is_char_boundary(rec.source_start), "{rec:?}");
        assert!(text.is_char_boundary(rec.source_end), "{rec:?}");
        assert!(!rec.text.trim().is_empty(), "{rec:?}");
    }
    if let (Some(a), Some(b)) = (r.inspection_start, r.inspection_end) {
        assert!(a <= b, "{a} > {b}");
    }
}

/// Pieces real reports are made of, so random documents reach the deep paths.
const PIECES: &[&str] = &[
    "Areas for improvement",
    "Recommendations",
    "What needs to improve?",
    "What does the local authority need to improve?",
    "What does the LSCB need to improve?",
    "Priority and immediate action",
    "There are no areas for priority or immediate action.",
    "Areas for development",
    "Immediately:",
    "Within three months:",
    "WITHIN SIX MONTHS",
    "For action in the longer term:",
    "For action over the next six months:",
    "Within 28 days",
    "Safeguarding services",
    "Services for looked after children",
    "The Local Safeguarding Children Board (LSCB)",
    "Record of main findings",
    "Judgement Grade",
    "Judgement",
    "Grade",
    "Overall effectiveness",
    "Requires improvement",
    "to be good",
    "Good",
    "Inadequate",
    "Grade 3 (Adequate)",
    "4: outstanding; 3: good; 2: adequate; 1: inadequate",
    "\tOutcomes\tCouncil services\tHealth services",
    "Being healthy\t3\t\t",
    "Inspection dates: 3 – 14 October 2011",
    "Inspection dates: 28 November to 9 December 2016 and 3 to 4 January 2017",
    "Report published: 18 November 2011",
    "Lead inspector: Jo Bloggs HMI",
    "Inspection of Anytown local authority children’s services",
    "Inspection of safeguarding and looked after children services",
    "Joint area review",
    "Yours sincerely",
    "16. In order to improve services, the council should take the following action.",
    "• ensure that plans are reviewed;",
    "- improve the quality of assessments.",
    "\u{f0b7}",
    "◼ The quality of plans.",
    "1.",
    "2. Ensure that children are seen.",
    "17.",
    "Workforce",
    "Summary for children and young people",
    "Key strengths and weaknesses",
    "3",
    "Page 4 of 40",
    "Anytown County Council Inspection of services",
    "## **What needs to improve?**1",
    "ensure that partners are engaged",
    "multi-",
    "agency working.",
    "",
    "\u{c}",
    "(Recommendation)",
    "31 February 2011",
    "é ü 中 🙂 \u{200b} \u{feff}",
];

fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => "[ -~\\t]{0,40}",
        1 => any::<String>(),
    ]
}

fn document() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(line(), 0..40),
        proptest::collection::vec(prop_oneof!["\n", "\n\n", "\n\u{c}", "\r\n"], 1..4),
    )
        .prop_map(|(lines, seps)| {
            let mut s = String::new();
            for (i, l) in lines.iter().enumerate() {
                s.push_str(l);
                s.push_str(&seps[i % seps.len()]);
            }
            s
        })
}

/// The reference report texts, read once.
static REFERENCES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    v.iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
});

/// One edit of a report's lines.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Duplicate(usize, usize),
    Insert(usize, String),
    Swap(usize, usize),
    Truncate(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 1..40usize).prop_map(|(a, n)| Edit::Delete(a, n)),
        (any::<usize>(), 1..40usize).prop_map(|(a, n)| Edit::Duplicate(a, n)),
        (any::<usize>(), line()).prop_map(|(a, l)| Edit::Insert(a, l)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Swap(a, b)),
        any::<usize>().prop_map(Edit::Truncate),
    ]
}

fn mutate(text: &str, edits: &[Edit]) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    for e in edits {
        let n = lines.len().max(1);
        match e {
            Edit::Delete(a, k) => {
                let a = a % n;
                let b = (a + k).min(lines.len());
                lines.drain(a.min(b)..b);
            }
            Edit::Duplicate(a, k) => {
                let a = a % n;
                let b = (a + k).min(lines.len());
                let copy: Vec<String> = lines[a.min(b)..b].to_vec();
                lines.splice(b..b, copy);
            }
            Edit::Insert(a, l) => lines.insert(a % (lines.len() + 1), l.clone()),
            Edit::Swap(a, b) => {
                if !lines.is_empty() {
                    let (a, b) = (a % lines.len(), b % lines.len());
                    lines.swap(a, b);
                }
            }
            Edit::Truncate(a) => {
                // Cut inside a line, at a character boundary.
                if let Some(l) = lines.get_mut(a % n) {
                    let cut = a % (l.len() + 1);
                    let cut = (0..=cut)
                        .rev()
                        .find(|&c| l.is_char_boundary(c))
                        .unwrap_or(0);
                    l.truncate(cut);
                }
            }
        }
    }
    lines.join("\n")
}

proptest! {
    #![proptest_config(config(50_000))]
    #[test]
    fn arbitrary_strings_never_panic(s in any::<String>()) {
        check(&s);
    }
}

proptest! {
    #![proptest_config(config(25_000))]
    #[test]
    fn report_shaped_documents_never_panic(doc in document()) {
        check(&doc);
    }
}

proptest! {
    #![proptest_config(config(1_500))]
    #[test]
    fn mutated_reference_reports_never_panic(
        which in 0..5usize,
        edits in proptest::collection::vec(edit(), 1..8),
    ) {
        let text = mutate(&REFERENCES[which % REFERENCES.len()], &edits);
        check(&text);
    }
}
