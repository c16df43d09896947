//! How long an open action has been overdue, in the bands the overdue review filters and
//! groups by: today's work (under 30 days) apart from the long-standing.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum OverdueBand {
    /// 1 to 29 days overdue.
    UnderThirtyDays,
    /// 30 to 90 days overdue.
    ThirtyToNinetyDays,
    /// More than 90 days overdue.
    OverNinetyDays,
}

impl OverdueBand {
    /// Most recent first: the order the review shows them in.
    pub const ALL: [OverdueBand; 3] = [
        OverdueBand::UnderThirtyDays,
        OverdueBand::ThirtyToNinetyDays,
        OverdueBand::OverNinetyDays,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OverdueBand::UnderThirtyDays => "under_thirty_days",
            OverdueBand::ThirtyToNinetyDays => "thirty_to_ninety_days",
            OverdueBand::OverNinetyDays => "over_ninety_days",
        }
    }

    pub fn parse(s: &str) -> Option<OverdueBand> {
        let s = s.trim().to_lowercase().replace([' ', '-'], "_");
        OverdueBand::ALL.into_iter().find(|b| b.as_str() == s)
    }

    /// The days overdue the band holds: first and last (`None`: no end). The one place the
    /// bands' edges are set.
    pub fn days(self) -> (i64, Option<i64>) {
        match self {
            OverdueBand::UnderThirtyDays => (1, Some(29)),
            OverdueBand::ThirtyToNinetyDays => (30, Some(90)),
            OverdueBand::OverNinetyDays => (91, None),
        }
    }

    /// The band of an action `days` overdue (`None` when it is not overdue).
    pub fn of(days: i64) -> Option<OverdueBand> {
        OverdueBand::ALL.into_iter().find(|b| {
            let (first, last) = b.days();
            days >= first && last.is_none_or(|l| days <= l)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::OverdueBand;

    #[test]
    fn every_overdue_day_is_in_exactly_one_band() {
        assert_eq!(OverdueBand::of(0), None);
        assert_eq!(OverdueBand::of(-3), None);
        assert_eq!(OverdueBand::of(1), Some(OverdueBand::UnderThirtyDays));
        assert_eq!(OverdueBand::of(29), Some(OverdueBand::UnderThirtyDays));
        assert_eq!(OverdueBand::of(30), Some(OverdueBand::ThirtyToNinetyDays));
        assert_eq!(OverdueBand::of(90), Some(OverdueBand::ThirtyToNinetyDays));
        assert_eq!(OverdueBand::of(91), Some(OverdueBand::OverNinetyDays));
        assert_eq!(OverdueBand::of(4000), Some(OverdueBand::OverNinetyDays));
        for b in OverdueBand::ALL {
            assert_eq!(OverdueBand::parse(b.as_str()), Some(b));
        }
        assert_eq!(
            OverdueBand::parse("over ninety days"),
            Some(OverdueBand::OverNinetyDays)
        );
    }
}
