//! Who may change what in team mode: the one rule, by role (issue 11).
//!
//! The team server enforces it (row-level security on its log calls
//! `inspection_tracker.required_role`, `server-migrations/0001_initial.sql`, the same rule
//! in SQL; `core/tests/team.rs` checks the two agree on every synced column). A desktop
//! applies it too, before anything is queued (the store's guard triggers, made from
//! [`required_role`]), and tells the screens what the person may do ([`permissions`]), so
//! a viewer is never offered a change the server would refuse. The role a desktop knows
//! can be out of date (it is read again at each sync), so the server's refusal stays the
//! last word.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A person's group on the team server, least rights first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TeamRole {
    /// Reads everything (board members, auditors); changes nothing.
    Viewer,
    /// Also: an action's progress, status, owner, partner, measure, RAG, sign-off; notes;
    /// evidence.
    Editor,
    /// Also: imports, new actions, due dates, bin and restore, a report's dates, decisions
    /// on earlier plans and repeat findings, publishing.
    Admin,
}

impl TeamRole {
    pub const ALL: [TeamRole; 3] = [TeamRole::Viewer, TeamRole::Editor, TeamRole::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            TeamRole::Viewer => "viewer",
            TeamRole::Editor => "editor",
            TeamRole::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<TeamRole> {
        TeamRole::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// One change as the team's log records it: a row added to a table, or one field set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change<'a> {
    Insert { table: &'a str },
    Set { table: &'a str, field: &'a str },
}

/// The fields of an action that manage the plan rather than report progress: its due
/// date, the bin, where it sits, and closing or carrying it forward with an earlier plan.
const ADMIN_ACTION_FIELDS: &[&str] = &[
    "due_date",
    "due_date_source",
    "due_date_reason",
    "original_due_date",
    "deleted_at",
    "report_id",
    "recommendation_id",
    "created_at",
    "closed_on",
    "closed_reason",
    "carried_to_report",
    "carried_to_recommendation",
];

/// The least role that may make `change`. Nobody below editor changes anything.
pub fn required_role(change: Change<'_>) -> TeamRole {
    match change {
        Change::Insert {
            table: "action_updates" | "evidence" | "history",
        } => TeamRole::Editor,
        Change::Set {
            table: "actions",
            field,
        } if !ADMIN_ACTION_FIELDS.contains(&field) => TeamRole::Editor,
        Change::Set {
            table: "evidence",
            field: "deleted_at" | "summary",
        } => TeamRole::Editor,
        _ => TeamRole::Admin,
    }
}

/// What a change does, as a person would name the task ("importing reports").
fn doing(change: Change<'_>) -> &'static str {
    match change {
        Change::Insert {
            table: "reports" | "report_texts" | "judgements" | "recommendations",
        } => "importing reports",
        Change::Insert { table: "actions" } => "adding actions",
        Change::Insert {
            table: "repeat_links",
        }
        | Change::Set {
            table: "repeat_links",
            ..
        } => "deciding on repeat findings",
        Change::Set {
            table: "actions",
            field: "due_date" | "due_date_source" | "due_date_reason" | "original_due_date",
        } => "changing due dates",
        Change::Set {
            table: "actions",
            field: "deleted_at",
        } => "moving actions to the bin or restoring them",
        Change::Set {
            table: "actions",
            field: "closed_on" | "closed_reason" | "carried_to_report" | "carried_to_recommendation",
        } => "closing or carrying forward an earlier plan's actions",
        Change::Set {
            table: "actions", ..
        } => "moving actions between recommendations",
        Change::Set {
            table: "reports",
            field: "received" | "next_inspection" | "action_plan_deadline",
        } => "changing a report's dates",
        Change::Set {
            table: "reports",
            field: "plan_closed_on" | "plan_closed_reason" | "plan_closed_by_report",
        } => "closing an earlier plan",
        Change::Set {
            table: "reports" | "report_texts" | "judgements" | "recommendations",
            ..
        } => "changing what a report says",
        Change::Set {
            table: "evidence", ..
        } => "changing evidence records",
        _ => "changing the team's plan",
    }
}

/// Said to a viewer on every screen, and when a change of theirs is refused.
pub const READ_ONLY_WORDS: &str = "You can read this plan. Your role in the team is viewer, so \
     changes are made by editors and admins — ask your team's admin if you need to edit.";

/// Why `role` may not make `change`, in words; `None` if it may.
pub fn why_not(role: TeamRole, change: Change<'_>) -> Option<String> {
    let needed = required_role(change);
    if role >= needed {
        return None;
    }
    Some(match role {
        TeamRole::Viewer => READ_ONLY_WORDS.to_string(),
        _ => format!(
            "Your role in the team is {}, so {} is for the team's {}s — ask your team's admin \
             if you need it done.",
            role.as_str(),
            doing(change),
            needed.as_str()
        ),
    })
}

/// Starts every refusal the store's guard triggers raise, so the error can be told from
/// SQLite's own (see `Error`'s conversion) and shown without it.
pub const REFUSAL_MARKER: &str = "team role refused: ";

/// What a person does in the app, each by the change it makes (so each follows
/// [`required_role`] and cannot disagree with the server).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Capability {
    /// An action's progress, status, owner, partner, measure, RAG, sign-off; updates,
    /// reviews, evidence.
    EditActions,
    Import,
    AddActions,
    ChangeDueDates,
    /// Move to the bin and restore.
    Bin,
    /// The next inspection, the received date, a priority action plan's deadline.
    ReportDates,
    /// Carry forward or close an earlier plan's actions; close a plan.
    DecidePlans,
    /// Confirm or reject a repeat finding.
    DecideRepeats,
}

impl Capability {
    pub const ALL: [Capability; 8] = [
        Capability::EditActions,
        Capability::Import,
        Capability::AddActions,
        Capability::ChangeDueDates,
        Capability::Bin,
        Capability::ReportDates,
        Capability::DecidePlans,
        Capability::DecideRepeats,
    ];

    /// The change doing it makes (the one that needs the most rights, where there are
    /// several).
    pub fn change(self) -> Change<'static> {
        match self {
            Capability::EditActions => Change::Set {
                table: "actions",
                field: "progress",
            },
            Capability::Import => Change::Insert { table: "reports" },
            Capability::AddActions => Change::Insert { table: "actions" },
            Capability::ChangeDueDates => Change::Set {
                table: "actions",
                field: "due_date",
            },
            Capability::Bin => Change::Set {
                table: "actions",
                field: "deleted_at",
            },
            Capability::ReportDates => Change::Set {
                table: "reports",
                field: "next_inspection",
            },
            Capability::DecidePlans => Change::Set {
                table: "actions",
                field: "closed_on",
            },
            Capability::DecideRepeats => Change::Insert {
                table: "repeat_links",
            },
        }
    }
}

/// What the person at this desktop may do: the screens offer only these (IPC
/// `team_permissions`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Permissions {
    /// The team role in force here; `None` for a database used alone (everything allowed).
    pub role: Option<TeamRole>,
    /// Nothing in the plan may be changed here.
    pub read_only: bool,
    /// Said at the top of every screen while read-only.
    pub notice: Option<String>,
    /// What may not be done, each with why in words (absent: allowed).
    pub denied: BTreeMap<Capability, String>,
}

/// The permissions of `role` (`None`: used alone, or a role this program does not know,
/// which the server then decides on).
pub fn permissions(role: Option<TeamRole>) -> Permissions {
    let denied: BTreeMap<Capability, String> = match role {
        None => BTreeMap::new(),
        Some(r) => Capability::ALL
            .into_iter()
            .filter_map(|c| why_not(r, c.change()).map(|why| (c, why)))
            .collect(),
    };
    let read_only = denied.len() == Capability::ALL.len();
    Permissions {
        role,
        read_only,
        notice: read_only.then(|| READ_ONLY_WORDS.to_string()),
        denied,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn who_may_make_which_change() {
        let cases: &[(Change<'_>, TeamRole)] = &[
            (Change::Insert { table: "reports" }, TeamRole::Admin),
            (Change::Insert { table: "actions" }, TeamRole::Admin),
            (
                Change::Insert {
                    table: "action_updates",
                },
                TeamRole::Editor,
            ),
            (Change::Insert { table: "evidence" }, TeamRole::Editor),
            (Change::Insert { table: "history" }, TeamRole::Editor),
            (
                Change::Insert {
                    table: "repeat_links",
                },
                TeamRole::Admin,
            ),
            (
                Change::Set {
                    table: "actions",
                    field: "progress",
                },
                TeamRole::Editor,
            ),
            (
                Change::Set {
                    table: "actions",
                    field: "due_date",
                },
                TeamRole::Admin,
            ),
            (
                Change::Set {
                    table: "actions",
                    field: "deleted_at",
                },
                TeamRole::Admin,
            ),
            (
                Change::Set {
                    table: "evidence",
                    field: "summary",
                },
                TeamRole::Editor,
            ),
            (
                Change::Set {
                    table: "evidence",
                    field: "sha256",
                },
                TeamRole::Admin,
            ),
            (
                Change::Set {
                    table: "reports",
                    field: "next_inspection",
                },
                TeamRole::Admin,
            ),
        ];
        for (change, role) in cases {
            assert_eq!(required_role(*change), *role, "{change:?}");
        }
    }

    #[test]
    fn a_viewer_may_do_nothing_an_editor_the_action_work_an_admin_everything() {
        let v = permissions(Some(TeamRole::Viewer));
        assert!(v.read_only);
        assert_eq!(v.denied.len(), Capability::ALL.len());
        assert_eq!(v.notice.as_deref(), Some(READ_ONLY_WORDS));
        assert!(v.denied.values().all(|w| w == READ_ONLY_WORDS));

        let e = permissions(Some(TeamRole::Editor));
        assert!(!e.read_only);
        assert_eq!(e.notice, None);
        assert!(!e.denied.contains_key(&Capability::EditActions));
        assert_eq!(
            e.denied[&Capability::Import],
            "Your role in the team is editor, so importing reports is for the team's admins — \
             ask your team's admin if you need it done."
        );
        assert!(e.denied[&Capability::ChangeDueDates].contains("changing due dates"));
        assert!(e.denied[&Capability::Bin].contains("bin"));

        assert!(permissions(Some(TeamRole::Admin)).denied.is_empty());
        assert_eq!(permissions(None).role, None);
        assert!(permissions(None).denied.is_empty());
    }

    #[test]
    fn roles_are_named_as_the_server_names_them() {
        for r in TeamRole::ALL {
            assert_eq!(TeamRole::parse(r.as_str()), Some(r));
        }
        assert_eq!(TeamRole::parse("owner"), None);
    }
}
