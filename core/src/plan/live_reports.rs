//! Which reports a list may show as at a date, and their order: read once per list.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

use chrono::NaiveDate;

use super::list_order::IdHasher;
use super::timeline;
use crate::model::PlanState;
use crate::store::repeat_links::any_confirmed_repeat;
use crate::store::reports::list_reports;
use crate::Result;

/// Every report not in the bin that the list may show, in the order of (authority, id):
/// known by the as-of date (a report inspected later was not known then) and, when the
/// filter names one, of that authority. Reports are few, so one small query instead of a
/// join per action row.
pub(super) struct LiveReports {
    /// Each report's place in the order, by id.
    rank: HashMap<String, u32, BuildHasherDefault<IdHasher>>,
    /// The authorities, in the order.
    authorities: Vec<Option<String>>,
    /// Each report's place in the plan's order (oldest inspection first, as the summary
    /// lists reports), by its place in the list's order.
    plan_ranks: Vec<u32>,
    /// Whether each report, by its place in the list's order, holds a current plan.
    current: Vec<bool>,
    /// Whether any confirmed repeat link exists (else the list need not read them).
    pub(super) any_links: bool,
}

impl LiveReports {
    pub(super) fn read(
        conn: &rusqlite::Connection,
        as_of: NaiveDate,
        authority: Option<&str>,
        with_states: bool,
    ) -> Result<LiveReports> {
        let all = list_reports(conn)?;
        // Only read when asked: the plan states compare each report with its authority's.
        let states = with_states.then(|| timeline::plan_states(&all, as_of));
        let key = authority
            .map(|a| timeline::authority_in(&all, a))
            .transpose()?;
        // Comes in the plan's order (oldest inspection first); numbered, then sorted into
        // the list's.
        let mut ordered: Vec<((Option<String>, String), u32)> = all
            .into_iter()
            .filter(|r| timeline::known_by(r, as_of))
            .filter(|r| key.as_deref().is_none_or(|k| timeline::of_authority(r, k)))
            .map(|r| (r.local_authority, r.id))
            .zip(0u32..)
            .collect();
        let overtaken: HashSet<String> = states
            .into_iter()
            .flatten()
            .filter(|(_, (state, _))| *state != PlanState::Current)
            .map(|(id, _)| id)
            .collect();
        ordered.sort_unstable();
        let mut rank = HashMap::with_capacity_and_hasher(ordered.len(), Default::default());
        let mut authorities = Vec::with_capacity(ordered.len());
        let mut plan_ranks = Vec::with_capacity(ordered.len());
        let mut current = Vec::with_capacity(ordered.len());
        for (((authority, id), plan_rank), n) in ordered.into_iter().zip(0u32..) {
            current.push(!overtaken.contains(&id));
            rank.insert(id, n);
            authorities.push(authority);
            plan_ranks.push(plan_rank);
        }
        Ok(LiveReports {
            rank,
            authorities,
            plan_ranks,
            current,
            any_links: any_confirmed_repeat(conn)?,
        })
    }

    /// Whether the report at `rank` holds a current plan (always, unless the states were
    /// read).
    pub(super) fn is_current(&self, rank: u32) -> bool {
        self.current.get(rank as usize).copied().unwrap_or(true)
    }

    /// The plan's place of the report at `rank`.
    pub(super) fn plan_rank(&self, rank: u32) -> u32 {
        self.plan_ranks
            .get(rank as usize)
            .copied()
            .unwrap_or(u32::MAX)
    }

    /// A live report's place in the order; `None` for one in the bin.
    pub(super) fn rank(&self, id: &str) -> Option<u32> {
        self.rank.get(id).copied()
    }

    /// The authority of the report at `rank`.
    pub(super) fn authority(&self, rank: u32) -> Option<&str> {
        self.authorities.get(rank as usize)?.as_deref()
    }
}
