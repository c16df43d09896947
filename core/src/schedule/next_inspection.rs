//! When the next inspection is likely: a date the user entered, or an estimated window.
//!
//! Ofsted gives only days' notice of an inspection, so councils plan against a window. The
//! window comes from Ofsted's framework for inspecting local authority children's services
//! (ILACS; "Inspecting local authority children's services", gov.uk, first published
//! November 2017, updated 2024):
//!
//! * councils judged good or outstanding get a *short* inspection, and those judged requires
//!   improvement to be good a *standard* inspection, "usually between six months before and
//!   six months after the three-year anniversary of the previous inspection" — counted here
//!   from the last day of that inspection: 30 to 42 months after it;
//! * councils judged inadequate get an action-planning visit and quarterly monitoring visits
//!   ("Monitoring local authority children's services judged inadequate", Ofsted, 2016) and
//!   are re-inspected with a standard inspection (since the September 2018 update, no longer
//!   a SIF re-inspection) when Ofsted judges them ready. The framework sets **no fixed
//!   interval**. We estimate 18 to 30 months after the last day of the inspection: earlier
//!   than the three-year cycle (secondary sources put re-inspection at about two and a half
//!   years), so a council plans to be ready sooner rather than later. This is our estimate,
//!   not Ofsted's rule, and the basis sentence says so.
//!
//! Reports under earlier frameworks (JAR, SLAC, SIF and the rest) are followed by an ILACS
//! inspection, so they are estimated by the same rules from their overall grade ("adequate"
//! counts as requires improvement). Focused and monitoring visits do not start a new cycle:
//! pass the last full inspection.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::ReportKind;

/// The next inspection: a known date, or an estimated window.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NextInspection {
    /// First day of the window (equals `date` when the date is known).
    pub earliest: NaiveDate,
    /// Last day of the window (equals `date` when the date is known).
    pub latest: NaiveDate,
    /// The date, when the user entered one; `None` for an estimate.
    pub date: Option<NaiveDate>,
    pub estimated: bool,
    /// Where the dates come from, as a sentence to show beside them.
    pub basis: String,
}

impl NextInspection {
    /// The date to be ready by: the known date, or the start of the estimated window.
    pub fn prepare_by(&self) -> NaiveDate {
        self.date.unwrap_or(self.earliest)
    }

    /// Days from `today` to [`prepare_by`](Self::prepare_by); negative once it has passed.
    pub fn days_to(&self, today: NaiveDate) -> i64 {
        (self.prepare_by() - today).num_days()
    }
}

/// The last overall effectiveness judgement, as far as the estimate cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Grade {
    Outstanding,
    Good,
    RequiresImprovement,
    Inadequate,
}

impl Grade {
    /// Reads a grade word as reports write it ("Good", "Requires improvement to be good",
    /// "Adequate", "Inadequate"). `None` for anything else.
    fn parse(word: &str) -> Option<Grade> {
        let w = word.trim().to_lowercase();
        if w.contains("inadequate") {
            Some(Grade::Inadequate)
        } else if w.contains("requires improvement") || w == "adequate" {
            Some(Grade::RequiresImprovement)
        } else if w.contains("outstanding") {
            Some(Grade::Outstanding)
        } else if w == "good" {
            Some(Grade::Good)
        } else {
            None
        }
    }
}

/// The next inspection after an inspection of `kind` that ended on `last_end` with overall
/// judgement `overall_grade` (a word, as in [`Judgement::grade`](crate::Judgement)).
///
/// A date the user entered (`user_set`) wins. Otherwise the window is estimated from the
/// last inspection (see the module docs); `None` when there is neither a user date nor a
/// last inspection date — never a guess.
pub fn next_inspection(
    kind: ReportKind,
    last_end: Option<NaiveDate>,
    overall_grade: Option<&str>,
    user_set: Option<NaiveDate>,
) -> Option<NextInspection> {
    if let Some(date) = user_set {
        return Some(NextInspection {
            earliest: date,
            latest: date,
            date: Some(date),
            estimated: false,
            basis: format!("Date entered in the plan: {}.", long(date)),
        });
    }
    let last = last_end?;
    if kind == ReportKind::AreaSend {
        return Some(area_send(last, overall_grade));
    }
    let grade = overall_grade.and_then(Grade::parse);
    let after = |months| {
        last.checked_add_months(Months::new(months))
            .unwrap_or(NaiveDate::MAX)
    };

    let mut basis = match previous_framework(kind) {
        Some(name) => {
            format!("The next inspection will be under ILACS, which replaced the {name}. ")
        }
        None => String::new(),
    };
    let (earliest, latest) = if grade == Some(Grade::Inadequate) {
        let (earliest, latest) = (after(18), after(30));
        basis.push_str(&format!(
            "Estimated: after an inadequate judgement Ofsted monitors the council and \
             re-inspects with a standard ILACS inspection when it is ready, with no fixed \
             interval; this assumes 18 to 30 months after the last inspection ({} to {}).",
            long(earliest),
            long(latest)
        ));
        (earliest, latest)
    } else {
        let anniversary = long(after(36));
        let window = "between 6 months before and 6 months after the third anniversary \
                      of the last inspection";
        basis.push_str(&match grade {
            Some(Grade::Outstanding | Grade::Good) => format!(
                "Estimated: after a good or outstanding judgement Ofsted carries out a short \
                 ILACS inspection, usually {window} ({anniversary})."
            ),
            Some(Grade::RequiresImprovement) => format!(
                "Estimated: after a requires improvement judgement Ofsted carries out a \
                 standard ILACS inspection, usually {window} ({anniversary})."
            ),
            _ => format!(
                "Estimated: ILACS inspections usually fall {window} ({anniversary}); the last \
                 overall judgement is not known."
            ),
        });
        (after(30), after(42))
    };
    if matches!(kind, ReportKind::FocusedVisit | ReportKind::MonitoringVisit) {
        basis.push_str(
            " This counts from a visit, which does not start a new inspection cycle; \
             enter the last full inspection for a better estimate.",
        );
    }
    Some(NextInspection {
        earliest,
        latest,
        date: None,
        estimated: true,
        basis,
    })
}

/// The next inspection after an area SEND inspection, from its outcome. The framework
/// ("Area SEND inspections: framework and handbook", Ofsted and CQC, 2023, updated 2024,
/// "Inspection outcomes" and "Monitoring inspections") says: outcome 1 (typically positive
/// experiences and outcomes), the next full inspection within approximately 5 years;
/// outcome 2 (inconsistent), within approximately 3 years; outcome 3 (widespread and/or
/// systemic failings), a monitoring inspection within approximately 18 months and a full
/// reinspection within approximately 3 years. "Within approximately N" is read as the six
/// months up to N after the last day of the inspection, as the ILACS window is six
/// months either side; the soonest inspection is the one to prepare for.
fn area_send(last: NaiveDate, outcome: Option<&str>) -> NextInspection {
    let after = |months| {
        last.checked_add_months(Months::new(months))
            .unwrap_or(NaiveDate::MAX)
    };
    let o = outcome.map(str::to_lowercase).unwrap_or_default();
    let source = "the area SEND framework (Ofsted and CQC, 2023)";
    let (months, basis) = if o.contains("widespread") || o.contains("systemic") {
        (
            18,
            format!(
                "Estimated: after widespread and/or systemic failings, {source} brings a \
                 monitoring inspection within approximately 18 months (full reinspection \
                 within about 3 years)"
            ),
        )
    } else if o.contains("inconsistent") {
        (
            36,
            format!(
                "Estimated: after inconsistent experiences and outcomes, {source} brings the \
                 next full inspection within approximately 3 years"
            ),
        )
    } else if o.contains("positive") {
        (
            60,
            format!(
                "Estimated: after typically positive experiences and outcomes, {source} \
                 brings the next full inspection within approximately 5 years"
            ),
        )
    } else {
        (
            36,
            format!(
                "Estimated: the outcome is not known; {source} brings the next full \
                 inspection within 3 years at the soonest (18 months for a monitoring \
                 inspection after the worst outcome)"
            ),
        )
    };
    let (earliest, latest) = (after(months - 6), after(months));
    NextInspection {
        earliest,
        latest,
        date: None,
        estimated: true,
        basis: format!("{basis}: {} to {}.", long(earliest), long(latest)),
    }
}

/// The name of the framework ILACS replaced for `kind`, or `None` for ILACS and visits.
fn previous_framework(kind: ReportKind) -> Option<&'static str> {
    match kind {
        ReportKind::JointAreaReview => Some("joint area review (JAR)"),
        ReportKind::ContactReferralAssessment => {
            Some("inspection of contact, referral and assessment arrangements")
        }
        ReportKind::SafeguardingAndLookedAfterChildren => {
            Some("inspection of safeguarding and looked after children services (SLAC)")
        }
        ReportKind::LookedAfterChildren => Some("inspection of looked after children services"),
        ReportKind::ChildProtection => Some("inspection of child protection arrangements"),
        ReportKind::SingleInspectionFramework => Some("single inspection framework (SIF)"),
        ReportKind::Ilacs
        | ReportKind::AreaSend
        | ReportKind::FocusedVisit
        | ReportKind::MonitoringVisit
        | ReportKind::Other => None,
    }
}

/// "26 Apr 2027", the way dates read in the app.
fn long(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;
    use ReportKind::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[rstest]
    #[case::ilacs_good(Ilacs, d(2024, 4, 26), Some("Good"), d(2026, 10, 26), d(2027, 10, 26))]
    #[case::ilacs_outstanding(
        Ilacs,
        d(2024, 4, 26),
        Some("Outstanding"),
        d(2026, 10, 26),
        d(2027, 10, 26)
    )]
    #[case::ilacs_ri(
        Ilacs,
        d(2024, 4, 26),
        Some("Requires improvement to be good"),
        d(2026, 10, 26),
        d(2027, 10, 26)
    )]
    #[case::ilacs_unknown(Ilacs, d(2024, 4, 26), None, d(2026, 10, 26), d(2027, 10, 26))]
    #[case::ilacs_odd_word(
        Ilacs,
        d(2024, 4, 26),
        Some("Not judged"),
        d(2026, 10, 26),
        d(2027, 10, 26)
    )]
    #[case::ilacs_inadequate(
        Ilacs,
        d(2024, 4, 26),
        Some("Inadequate"),
        d(2025, 10, 26),
        d(2026, 10, 26)
    )]
    #[case::ilacs_inadequate_caps(
        Ilacs,
        d(2024, 4, 26),
        Some(" INADEQUATE "),
        d(2025, 10, 26),
        d(2026, 10, 26)
    )]
    // Rutland 2011 (SLAC, ended 14 Oct 2011).
    #[case::slac_adequate(
        SafeguardingAndLookedAfterChildren,
        d(2011, 10, 14),
        Some("Adequate"),
        d(2014, 4, 14),
        d(2015, 4, 14)
    )]
    #[case::sif_inadequate(
        SingleInspectionFramework,
        d(2016, 3, 4),
        Some("Inadequate"),
        d(2017, 9, 4),
        d(2018, 9, 4)
    )]
    // Month-end clamping, as in due dates.
    #[case::month_end(Ilacs, d(2023, 8, 31), Some("Good"), d(2026, 2, 28), d(2027, 2, 28))]
    fn estimated_windows(
        #[case] kind: ReportKind,
        #[case] last_end: NaiveDate,
        #[case] grade: Option<&str>,
        #[case] earliest: NaiveDate,
        #[case] latest: NaiveDate,
    ) {
        let next = next_inspection(kind, Some(last_end), grade, None).unwrap();
        assert_eq!((next.earliest, next.latest), (earliest, latest));
        assert!(next.estimated);
        assert_eq!(next.date, None);
        assert!(next.basis.starts_with("Estimated") || next.basis.starts_with("The next"));
        assert_eq!(next.prepare_by(), earliest);
    }

    #[rstest]
    #[case::good(
        Ilacs,
        Some("Good"),
        "Estimated: after a good or outstanding judgement Ofsted carries out a short ILACS \
         inspection, usually between 6 months before and 6 months after the third \
         anniversary of the last inspection (26 Apr 2027)."
    )]
    #[case::ri(
        Ilacs,
        Some("Requires improvement to be good"),
        "Estimated: after a requires improvement judgement Ofsted carries out a standard \
         ILACS inspection, usually between 6 months before and 6 months after the third \
         anniversary of the last inspection (26 Apr 2027)."
    )]
    #[case::unknown(
        Ilacs,
        None,
        "Estimated: ILACS inspections usually fall between 6 months before and 6 months \
         after the third anniversary of the last inspection (26 Apr 2027); the last overall \
         judgement is not known."
    )]
    #[case::inadequate(
        Ilacs,
        Some("Inadequate"),
        "Estimated: after an inadequate judgement Ofsted monitors the council and \
         re-inspects with a standard ILACS inspection when it is ready, with no fixed \
         interval; this assumes 18 to 30 months after the last inspection (26 Oct 2025 to \
         26 Oct 2026)."
    )]
    #[case::sif(
        SingleInspectionFramework,
        Some("Good"),
        "The next inspection will be under ILACS, which replaced the single inspection \
         framework (SIF). Estimated: after a good or outstanding judgement Ofsted carries \
         out a short ILACS inspection, usually between 6 months before and 6 months after \
         the third anniversary of the last inspection (26 Apr 2027)."
    )]
    fn basis_reads_as_a_sentence(
        #[case] kind: ReportKind,
        #[case] grade: Option<&str>,
        #[case] want: &str,
    ) {
        let next = next_inspection(kind, Some(d(2024, 4, 26)), grade, None).unwrap();
        assert_eq!(next.basis, want);
    }

    #[test]
    fn a_visit_says_it_does_not_restart_the_cycle() {
        for kind in [FocusedVisit, MonitoringVisit] {
            let next = next_inspection(kind, Some(d(2024, 4, 26)), None, None).unwrap();
            assert!(next.basis.contains("does not start a new inspection cycle"));
        }
    }

    #[rstest]
    #[case::user_only(None, None)]
    #[case::user_over_estimate(Some(d(2024, 4, 26)), Some("Inadequate"))]
    fn a_user_date_wins(#[case] last_end: Option<NaiveDate>, #[case] grade: Option<&str>) {
        let set = d(2026, 3, 9);
        let next = next_inspection(Ilacs, last_end, grade, Some(set)).unwrap();
        assert_eq!(
            next,
            NextInspection {
                earliest: set,
                latest: set,
                date: Some(set),
                estimated: false,
                basis: "Date entered in the plan: 9 Mar 2026.".into(),
            }
        );
    }

    #[test]
    fn nothing_known_is_none() {
        assert_eq!(
            next_inspection(JointAreaReview, None, Some("Good"), None),
            None
        );
    }

    #[rstest]
    #[case::well_before(d(2026, 10, 1), 25)]
    #[case::on_the_day(d(2026, 10, 26), 0)]
    #[case::inside_window(d(2027, 1, 1), -67)]
    fn days_to_counts_to_the_window_start(#[case] today: NaiveDate, #[case] want: i64) {
        let next = next_inspection(Ilacs, Some(d(2024, 4, 26)), Some("Good"), None).unwrap();
        assert_eq!(next.days_to(today), want);
    }

    #[test]
    fn days_to_a_user_date() {
        let next = next_inspection(Ilacs, None, None, Some(d(2026, 3, 9))).unwrap();
        assert_eq!(next.days_to(d(2026, 3, 2)), 7);
    }

    #[rstest]
    #[case::good("Good", Some(Grade::Good))]
    #[case::outstanding("Outstanding", Some(Grade::Outstanding))]
    #[case::ri("Requires improvement to be good", Some(Grade::RequiresImprovement))]
    #[case::ri_short("Requires improvement", Some(Grade::RequiresImprovement))]
    #[case::adequate("Adequate", Some(Grade::RequiresImprovement))]
    #[case::inadequate("Inadequate", Some(Grade::Inadequate))]
    #[case::lower("good", Some(Grade::Good))]
    #[case::empty("", None)]
    #[case::number("2", None)]
    fn grade_words(#[case] word: &str, #[case] want: Option<Grade>) {
        assert_eq!(Grade::parse(word), want);
    }

    #[rstest]
    #[case::positive(
        "Typically positive experiences and outcomes",
        54,
        60,
        "full inspection"
    )]
    #[case::inconsistent("Inconsistent experiences and outcomes", 30, 36, "full inspection")]
    #[case::failings("Widespread and/or systemic failings", 12, 18, "monitoring inspection")]
    fn area_send_windows_follow_the_outcome(
        #[case] outcome: &str,
        #[case] from: u32,
        #[case] to: u32,
        #[case] what: &str,
    ) {
        let end = d(2025, 3, 7);
        let next = next_inspection(ReportKind::AreaSend, Some(end), Some(outcome), None).unwrap();
        assert_eq!(
            next.earliest,
            end.checked_add_months(Months::new(from)).unwrap()
        );
        assert_eq!(
            next.latest,
            end.checked_add_months(Months::new(to)).unwrap()
        );
        assert!(
            next.estimated && next.basis.contains(what),
            "{}",
            next.basis
        );
        assert!(next.basis.contains("area SEND framework"), "{}", next.basis);
    }
}
