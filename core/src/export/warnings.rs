//! What to check before an export goes out: drafts (still the recommendation's words) and
//! actions with no owner. Listed as a warning — the CLI prints them to stderr, the export
//! dialog shows them — never a reason to refuse the export.

use serde::Serialize;
use ts_rs::TS;

use super::data::ExportData;

/// One action to look at before the export goes out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ExportWarning {
    pub action_id: String,
    /// The action's reference ("3.2": recommendation 3, its second action).
    pub reference: String,
    pub local_authority: Option<String>,
    /// The action's text in full.
    pub title: String,
    /// Still a draft: say what will be done.
    pub draft: bool,
    /// No owner named.
    pub no_owner: bool,
}

impl ExportWarning {
    /// "R3 (Derby): draft — say what will be done; no owner" and the title.
    pub fn line(&self) -> String {
        let mut what = Vec::new();
        if self.draft {
            what.push(crate::labels::DRAFT_MARKER);
        }
        if self.no_owner {
            what.push("no owner");
        }
        let la = self
            .local_authority
            .as_deref()
            .map_or(String::new(), |l| format!(" ({l})"));
        format!(
            "{}{la}: {}: {}",
            self.reference,
            what.join("; "),
            self.title
        )
    }
}

/// The warnings for data already gathered.
pub fn of(data: &ExportData) -> Vec<ExportWarning> {
    data.actions
        .iter()
        .filter(|a| a.item.draft || a.item.owner.is_none())
        .map(|a| ExportWarning {
            action_id: a.item.id.clone(),
            reference: a.item.reference.clone(),
            local_authority: a.item.local_authority.clone(),
            title: a.item.title.clone(),
            draft: a.item.draft,
            no_owner: a.item.owner.is_none(),
        })
        .collect()
}
