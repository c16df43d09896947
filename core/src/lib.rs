//! Inspection Action Tracker core: everything the desktop app and the CLI share, with no
//! Tauri in it. Data flows one way: `read` (file → text) → `extract` (text → [`Report`]) →
//! `store` (SQLite) → `plan` (actions) → views and exports; `schedule` holds every date rule.

pub mod environment;
pub mod error;
pub mod export;
pub mod extract;
pub mod intake;
pub mod labels;
pub mod model;
pub mod paths;
pub mod plan;
pub mod read;
pub mod schedule;
pub mod similarity;
pub mod store;
pub mod team;

pub use error::{Error, ErrorReport, Result};
pub use model::{
    Judgement, Recommendation, Report, ReportKind, StatedInspectionKind, StatedNextInspection,
};
