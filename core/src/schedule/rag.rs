//! The one RAG rule. Every screen, export and report rates an action through [`rag`], so a
//! board paper and the dashboard can never disagree about what is red.
//!
//! The council picks one of three conventions ([`RagRule`]; the words are
//! [`crate::labels::rag_key`]). Under each, a manual rating wins, and a completed action is
//! blue when evidenced and signed off, else green. Then:
//! - by percentage complete: green from [`PERCENT_GREEN`]%, amber from [`PERCENT_AMBER`]%,
//!   red below;
//! - by risk as judged by the owner: the owner's rating is the manual one; an action its
//!   owner has not rated is rated by due date and progress;
//! - by due date and progress (the default), in order, first match wins:
//! 1. a manual override (the plan layer records who set it and why);
//! 2. completed: blue when evidenced and signed off, else green;
//! 3. not completed and the due date has passed (due < today): red — due *today* is not
//!    yet overdue;
//! 4. blocked: amber. A blocked action is at risk whatever its date, but it is not overdue
//!    until it is, so it is amber at least and never green;
//! 5. due within the warning window (0 ..= `amber_window_days` days away, so due today and
//!    due exactly at the window's edge both count) with progress below
//!    `amber_progress_below` per cent: amber;
//! 6. otherwise green. An action with no due date can be neither overdue nor near it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::rules::{RagRule, PERCENT_AMBER, PERCENT_GREEN};
use crate::model::{ActionStatus, Rag, RagSettings};

/// What [`rag`] needs to know about an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RagInput {
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    /// Per cent complete, 0–100.
    pub progress: u8,
    pub evidenced_and_signed_off: bool,
    /// A rating set by hand; wins over everything else.
    pub override_rag: Option<Rag>,
}

/// The action's RAG rating on `today` (see the module docs for the rule).
pub fn rag(input: &RagInput, today: NaiveDate, settings: &RagSettings) -> Rag {
    if let Some(manual) = input.override_rag {
        return manual;
    }
    if input.status == ActionStatus::Completed {
        return if input.evidenced_and_signed_off {
            Rag::Blue
        } else {
            Rag::Green
        };
    }
    if settings.rule == RagRule::PercentComplete {
        return match input.progress {
            p if p >= PERCENT_GREEN => Rag::Green,
            p if p >= PERCENT_AMBER => Rag::Amber,
            _ => Rag::Red,
        };
    }
    // Owner's risk: their rating is the manual one, taken above; unrated falls through.
    let days_left = input.due.map(|due| (due - today).num_days());
    if days_left.is_some_and(|d| d < 0) {
        return Rag::Red;
    }
    if input.status == ActionStatus::Blocked {
        return Rag::Amber;
    }
    let in_window = days_left.is_some_and(|d| d <= i64::from(settings.amber_window_days));
    if in_window && input.progress < settings.amber_progress_below {
        return Rag::Amber;
    }
    Rag::Green
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;
    use ActionStatus::*;
    use Rag::*;

    const TODAY: NaiveDate = match NaiveDate::from_ymd_opt(2024, 3, 1) {
        Some(d) => d,
        None => panic!(),
    };

    /// Due `n` days from `TODAY` (negative = in the past).
    fn due_in(n: i64) -> Option<NaiveDate> {
        Some(TODAY + chrono::Duration::days(n))
    }

    fn input(due: Option<NaiveDate>, status: ActionStatus, progress: u8) -> RagInput {
        RagInput {
            due,
            status,
            progress,
            evidenced_and_signed_off: false,
            override_rag: None,
        }
    }

    #[rstest]
    // Overdue is strictly before today.
    #[case::overdue_by_a_day(due_in(-1), InProgress, 90, Red)]
    #[case::overdue_long_ago(due_in(-400), NotStarted, 0, Red)]
    #[case::overdue_blocked(due_in(-1), Blocked, 10, Red)]
    #[case::due_today_low_progress(due_in(0), InProgress, 10, Amber)]
    #[case::due_today_good_progress(due_in(0), InProgress, 80, Green)]
    #[case::due_tomorrow_low(due_in(1), NotStarted, 0, Amber)]
    #[case::due_tomorrow_high(due_in(1), InProgress, 95, Green)]
    // The window is inclusive: 14 days away is inside, 15 is outside.
    #[case::window_edge_inside(due_in(14), InProgress, 10, Amber)]
    #[case::window_edge_outside(due_in(15), InProgress, 10, Green)]
    #[case::far_off_not_started(due_in(200), NotStarted, 0, Green)]
    // Progress threshold is strict: below 50 is amber, 50 is not.
    #[case::progress_49(due_in(7), InProgress, 49, Amber)]
    #[case::progress_50(due_in(7), InProgress, 50, Green)]
    #[case::progress_100_not_completed(due_in(7), InProgress, 100, Green)]
    // Blocked is amber at least, whatever the date or progress.
    #[case::blocked_far_off(due_in(200), Blocked, 90, Amber)]
    #[case::blocked_no_due(None, Blocked, 0, Amber)]
    #[case::blocked_due_today(due_in(0), Blocked, 90, Amber)]
    // No due date: never red, never amber by date.
    #[case::no_due_not_started(None, NotStarted, 0, Green)]
    // Completed is green (blue needs evidence and sign-off), even when late.
    #[case::completed_late(due_in(-30), Completed, 100, Green)]
    #[case::completed_in_window(due_in(3), Completed, 0, Green)]
    #[case::completed_no_due(None, Completed, 100, Green)]
    fn rating_cases(
        #[case] due: Option<NaiveDate>,
        #[case] status: ActionStatus,
        #[case] progress: u8,
        #[case] want: Rag,
    ) {
        let got = rag(
            &input(due, status, progress),
            TODAY,
            &RagSettings::default(),
        );
        assert_eq!(got, want);
    }

    #[rstest]
    #[case::signed_off_is_blue(Completed, true, Blue)]
    #[case::not_signed_off_is_green(Completed, false, Green)]
    #[case::signed_off_but_open_is_not_blue(InProgress, true, Red)]
    fn blue_needs_completion_and_sign_off(
        #[case] status: ActionStatus,
        #[case] signed_off: bool,
        #[case] want: Rag,
    ) {
        let i = RagInput {
            evidenced_and_signed_off: signed_off,
            ..input(due_in(-5), status, 100)
        };
        assert_eq!(rag(&i, TODAY, &RagSettings::default()), want);
    }

    #[rstest]
    #[case::override_overdue_to_green(due_in(-10), NotStarted, Green)]
    #[case::override_completed_to_red(due_in(10), Completed, Red)]
    #[case::override_to_blue(None, InProgress, Blue)]
    #[case::override_to_amber(due_in(100), InProgress, Amber)]
    fn override_wins(
        #[case] due: Option<NaiveDate>,
        #[case] status: ActionStatus,
        #[case] manual: Rag,
    ) {
        let i = RagInput {
            override_rag: Some(manual),
            ..input(due, status, 0)
        };
        assert_eq!(rag(&i, TODAY, &RagSettings::default()), manual);
    }

    #[rstest]
    #[case::zero_window_today(0, 50, due_in(0), 10, Amber)]
    #[case::zero_window_tomorrow(0, 50, due_in(1), 10, Green)]
    #[case::wide_window(30, 50, due_in(30), 10, Amber)]
    #[case::threshold_zero_never_amber(14, 0, due_in(1), 0, Green)]
    #[case::threshold_101_always_amber(14, 101, due_in(1), 100, Amber)]
    fn settings_move_the_boundaries(
        #[case] window: u32,
        #[case] below: u8,
        #[case] due: Option<NaiveDate>,
        #[case] progress: u8,
        #[case] want: Rag,
    ) {
        let settings = RagSettings {
            amber_window_days: window,
            amber_progress_below: below,
            ..RagSettings::default()
        };
        assert_eq!(
            rag(&input(due, InProgress, progress), TODAY, &settings),
            want
        );
    }

    #[test]
    fn settings_serialise_and_fill_defaults() {
        let s: RagSettings = serde_json::from_str(r#"{"amber_window_days":7}"#).unwrap();
        assert_eq!(s.amber_window_days, 7);
        assert_eq!(s.amber_progress_below, 50);
        assert_eq!(
            serde_json::to_string(&RagSettings::default()).unwrap(),
            r#"{"amber_window_days":14,"amber_progress_below":50,"rule":"due_date_and_progress"}"#
        );
    }

    #[rstest]
    #[case::none_done_far_off(due_in(200), NotStarted, 0, Red)]
    #[case::quarter(due_in(200), InProgress, 25, Amber)]
    #[case::just_under_three_quarters(due_in(-5), InProgress, 74, Amber)]
    #[case::three_quarters_even_when_late(due_in(-5), InProgress, 75, Green)]
    #[case::completed_unevidenced(due_in(-5), Completed, 100, Green)]
    fn by_percentage_complete(
        #[case] due: Option<NaiveDate>,
        #[case] status: ActionStatus,
        #[case] progress: u8,
        #[case] want: Rag,
    ) {
        let settings = RagSettings {
            rule: RagRule::PercentComplete,
            ..RagSettings::default()
        };
        assert_eq!(rag(&input(due, status, progress), TODAY, &settings), want);
    }

    #[test]
    fn by_owners_risk_the_owners_rating_wins_and_unrated_falls_back_to_dates() {
        let settings = RagSettings {
            rule: RagRule::OwnerRisk,
            ..RagSettings::default()
        };
        let rated = RagInput {
            override_rag: Some(Amber),
            ..input(due_in(-5), InProgress, 10)
        };
        assert_eq!(rag(&rated, TODAY, &settings), Amber);
        assert_eq!(
            rag(&input(due_in(-5), InProgress, 10), TODAY, &settings),
            Red
        );
    }
}
