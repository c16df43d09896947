//! The action plan: actions, updates, evidence and their history.

pub mod status;

pub use status::{ActionStatus, Rag};
