//! Small hand-written reports in the shapes real ones take, with authorities, dates and
//! layouts that appear in none of the fixtures: the extractor must decide by structure
//! (headings, lists, labels, page furniture), not by the reports it was built on.

use chrono::NaiveDate;
use inspection_tracker::extract::extract;
use inspection_tracker::{Report, ReportKind};

fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, day)
}

fn texts(r: &Report) -> Vec<&str> {
    r.recommendations.iter().map(|x| x.text.as_str()).collect()
}

/// Offsets slice the input and start with the item's first word.
fn offsets_ok(text: &str, r: &Report) {
    for rec in &r.recommendations {
        let slice = &text[rec.source_start..rec.source_end];
        let first = rec.text.split_whitespace().next().unwrap();
        assert!(slice.starts_with(first), "{slice:?} / {first:?}");
    }
}

const ILACS: &str = "\
Inspection of Northshire local authority
children’s services

Inspection dates: 30 September to 11 October 2024

Lead inspector: Sam Example, His Majesty’s Inspector

Judgement  Grade

The impact of leaders on social work practice with
children and families  Good

The experiences and progress of children who need
help and protection  Requires improvement
to be good

The experiences and progress of children in care  Good

The experiences and progress of care leavers  Outstanding

Overall effectiveness  Good

Children in Northshire receive good help.

What needs to improve?

◼ The timeliness of initial health assessments for children in care.

◼ Management oversight of children living in private fostering
arrangements.

The experiences and progress of children who need help and
protection: requires improvement to be good

1. Children are seen quickly.
";

#[test]
fn ilacs_for_an_authority_the_fixtures_never_mention() {
    let r = extract(ILACS);
    assert_eq!(r.kind, ReportKind::Ilacs);
    assert_eq!(r.local_authority.as_deref(), Some("Northshire"));
    assert_eq!(r.inspection_start, d(2024, 9, 30));
    assert_eq!(r.inspection_end, d(2024, 10, 11));
    assert_eq!(r.lead_inspector.as_deref(), Some("Sam Example"));
    let grades: Vec<(&str, &str)> = r
        .judgements
        .iter()
        .map(|j| (j.area.as_str(), j.grade.as_str()))
        .collect();
    assert_eq!(
        grades,
        [
            (
                "The impact of leaders on social work practice with children and families",
                "Good"
            ),
            (
                "The experiences and progress of children who need help and protection",
                "Requires improvement to be good"
            ),
            ("The experiences and progress of children in care", "Good"),
            (
                "The experiences and progress of care leavers",
                "Outstanding"
            ),
            ("Overall effectiveness", "Good"),
        ]
    );
    assert_eq!(
        texts(&r),
        [
            "The timeliness of initial health assessments for children in care.",
            "Management oversight of children living in private fostering arrangements."
        ]
    );
    assert!(r.recommendations.iter().all(|x| x.timeframe.is_none()
        && x.timeframe_months().is_none()
        && x.section == "What needs to improve?"));
    offsets_ok(ILACS, &r);
}

#[test]
fn headings_in_capitals_and_word_symbol_bullets() {
    let text = ILACS
        .replace("What needs to improve?", "WHAT NEEDS TO IMPROVE?")
        .replace('◼', "\u{f0b7}");
    let r = extract(&text);
    assert_eq!(r.recommendations.len(), 2, "{:#?}", r.recommendations);
    assert_eq!(r.recommendations[0].section, "WHAT NEEDS TO IMPROVE?");
}

#[test]
fn bullets_lost_in_conversion_items_split_by_blank_lines() {
    let text = ILACS.replace("◼ ", "");
    let r = extract(&text);
    assert_eq!(
        texts(&r),
        [
            "The timeliness of initial health assessments for children in care.",
            "Management oversight of children living in private fostering arrangements."
        ]
    );
}

/// A single-inspection-framework report: numbered recommendations, a theme sub-heading,
/// an item broken by a page break with a running header and a page number, and the
/// findings that follow (numbered on) not taken as recommendations.
const SIF: &str = "\
London Borough of Eastham

Inspection of services for children in need of help and
protection, children looked after and care leavers

Inspection date: 22 February 2016–18 March 2016

Report published: 3 May 2016

Lead inspector: Alex Sample HMI

Children’s services in Eastham are good

Recommendations

Help and protection

1. Ensure that return home interviews are offered to every child who goes missing.

2. Improve the quality of written plans so that parents understand what must
change and by when, and so that progress can be measured at each review

London Borough of Eastham Inspection of services for children
8

of the plan.

Leadership

3. Strengthen the oversight of private fostering arrangements.

Summary for children and young people

4. Most children told inspectors that they feel safe.
";

#[test]
fn numbered_list_with_theme_and_page_break() {
    let r = extract(SIF);
    assert_eq!(r.kind, ReportKind::SingleInspectionFramework);
    assert_eq!(r.local_authority.as_deref(), Some("Eastham"));
    assert_eq!(r.inspection_start, d(2016, 2, 22));
    assert_eq!(r.inspection_end, d(2016, 3, 18));
    assert_eq!(r.published, d(2016, 5, 3));
    assert_eq!(r.lead_inspector.as_deref(), Some("Alex Sample"));
    assert_eq!(
        texts(&r),
        [
            "Ensure that return home interviews are offered to every child who goes missing.",
            "Improve the quality of written plans so that parents understand what must change \
             and by when, and so that progress can be measured at each review of the plan.",
            "Strengthen the oversight of private fostering arrangements."
        ]
    );
    let paras: Vec<Option<u32>> = r.recommendations.iter().map(|x| x.paragraph).collect();
    assert_eq!(paras, [Some(1), Some(2), Some(3)]);
    offsets_ok(SIF, &r);
}

#[test]
fn a_list_split_across_pdf_pages_with_a_form_feed() {
    let text = SIF.replace(
        "\nLondon Borough of Eastham Inspection of services for children\n8\n",
        "\n\u{c}\n",
    );
    let r = extract(&text);
    assert_eq!(r.recommendations.len(), 3, "{:#?}", r.recommendations);
    assert!(r.recommendations[1]
        .text
        .ends_with("at each review of the plan."));
}

/// Section, timeframe heading, months and paragraph of one recommendation.
type Placed<'a> = (&'a str, Option<&'a str>, Option<u32>, Option<u32>);

/// Two-part report with timeframe headings written in digits and words.
const SLAC: &str = "\
Inspection of safeguarding and looked after children services

Southvale

Inspection dates: 7th – 18th March 2011
Report published: 21 April 2011
Lead inspector: Chris Person

Safeguarding services

Areas for improvement

20. In order to improve the quality of provision and services for safeguarding
children and young people in Southvale, the council should take the following
action.

Immediately:

- ensure that all referrals are screened by a qualified social worker;

Within 3 months:

- improve the recording of management decisions;
- review the threshold document with partners.

Within twelve months:

- develop a workforce strategy.

Services for looked after children

Areas for improvement

40. In order to improve the quality of provision and services for looked after
children and young people in Southvale, the council should take the following
action.

Within 6 weeks:

- ensure that every looked after child has an allocated social worker.

Other findings

41. Placements are stable.
";

#[test]
fn two_part_report_with_timeframes_in_digits_and_words() {
    let r = extract(SLAC);
    assert_eq!(r.kind, ReportKind::SafeguardingAndLookedAfterChildren);
    assert_eq!(r.local_authority.as_deref(), Some("Southvale"));
    assert_eq!(r.inspection_start, d(2011, 3, 7));
    assert_eq!(r.inspection_end, d(2011, 3, 18));
    let got: Vec<Placed> = r
        .recommendations
        .iter()
        .map(|x| {
            (
                x.section.as_str(),
                x.timeframe.as_deref(),
                x.timeframe_months(),
                x.paragraph,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "Safeguarding services",
                Some("Immediately"),
                Some(0),
                Some(20)
            ),
            (
                "Safeguarding services",
                Some("Within 3 months"),
                Some(3),
                Some(20)
            ),
            (
                "Safeguarding services",
                Some("Within 3 months"),
                Some(3),
                Some(20)
            ),
            (
                "Safeguarding services",
                Some("Within twelve months"),
                Some(12),
                Some(20)
            ),
            (
                "Services for looked after children",
                Some("Within 6 weeks"),
                None,
                Some(40)
            ),
        ]
    );
    offsets_ok(SLAC, &r);
}

#[test]
fn letter_from_another_authority() {
    let text = "\
12 July 2010

Mr A Director
Westmere Metropolitan Borough Council

Dear Mr Director

Annual unannounced inspection of contact, referral and assessment arrangements
within Westmere Metropolitan Borough Council children’s services

This letter summarises the findings of the inspection which was conducted on
15 and 16 June 2010.

Areas for development

• The quality of initial assessments is variable.
• Some referrals are not acknowledged within one working day.

Any areas for development identified above will be considered in any future inspection.

Yours sincerely

Jo Inspector Her Majesty’s Inspector
";
    let r = extract(text);
    assert_eq!(r.kind, ReportKind::ContactReferralAssessment);
    assert_eq!(r.local_authority.as_deref(), Some("Westmere"));
    assert_eq!(r.inspection_start, d(2010, 6, 15));
    assert_eq!(r.inspection_end, d(2010, 6, 16));
    assert_eq!(r.published, d(2010, 7, 12));
    assert_eq!(r.lead_inspector.as_deref(), Some("Jo Inspector"));
    assert_eq!(
        texts(&r),
        [
            "The quality of initial assessments is variable.",
            "Some referrals are not acknowledged within one working day."
        ]
    );
}

#[test]
fn inspection_dates_in_several_forms() {
    let cases = [
        (
            "Inspection dates: 3rd–14th Oct 2011",
            d(2011, 10, 3),
            d(2011, 10, 14),
        ),
        (
            "Dates of inspection: 5 to 9 December 2022 and 14 to 15 February 2023",
            d(2022, 12, 5),
            d(2023, 2, 15),
        ),
        (
            "Inspection dates: 30 December 2019 to 10 January 2020",
            d(2019, 12, 30),
            d(2020, 1, 10),
        ),
        (
            "Inspection date: 28 July 2016",
            d(2016, 7, 28),
            d(2016, 7, 28),
        ),
        (
            "INSPECTION DATES: 4 – 8 MARCH 2024",
            d(2024, 3, 4),
            d(2024, 3, 8),
        ),
    ];
    for (line, start, end) in cases {
        let text = format!(
            "Inspection of Lakeside local authority children’s services\n\n{line}\n\nLead inspector: A Person\n"
        );
        let r = extract(&text);
        assert_eq!(
            (r.inspection_start, r.inspection_end),
            (start, end),
            "{line}"
        );
    }
}

#[test]
fn authority_name_forms() {
    let cases = [
        ("London Borough of Tower Hamlets", "Tower Hamlets"),
        ("City of York Council", "York"),
        (
            "Royal Borough of Windsor and Maidenhead",
            "Windsor and Maidenhead",
        ),
        ("Stockton-on-Tees Borough Council", "Stockton-on-Tees"),
    ];
    for (above, want) in cases {
        let text = format!(
            "{above}\n\nInspection of services for children in need of help and\nprotection, children looked after and care leavers\n\nInspection date: 1 to 25 March 2015\n"
        );
        assert_eq!(
            extract(&text).local_authority.as_deref(),
            Some(want),
            "{above}"
        );
    }
}

#[test]
fn no_list_no_recommendations() {
    let r =
        extract("Minutes of the cabinet\n\n1. The minutes were agreed.\n2. Any other business.\n");
    assert!(r.recommendations.is_empty());
    assert_eq!(r.kind, ReportKind::Other);
}
