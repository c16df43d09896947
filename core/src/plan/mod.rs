//! The action plan: actions, updates, evidence and their history.
//!
//! `import` turns a report into recommendations and actions; `actions` and `evidence`
//! change them (each change one transaction with its history); `query` reads lists and
//! summaries; `settings` holds the user's choices. Dates and RAG come from
//! [`crate::schedule`] only.

pub mod actions;
pub mod area_send;
pub mod as_recorded;
pub mod burn_up;
pub mod evidence;
mod filter;
pub mod history;
pub mod import;
pub mod input;
pub mod inspection;
mod list_lookups;
mod list_order;
mod live_reports;
pub mod papers;
pub mod query;
pub mod repeats;
pub mod report_dates;
pub mod reviews;
pub mod settings;
pub mod summary;
pub mod timeline;
