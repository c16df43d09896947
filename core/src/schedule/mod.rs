//! Every date rule in one home: due dates, bank holidays and working days, the statutory
//! action-plan deadline, RAG ratings and the next inspection.
//!
//! All of it is pure: no clock (except [`today()`], for the CLI and app edges), no database,
//! no I/O, so a rule gives the same answer for the same inputs on any machine and any day.
//! Timeframe headings are parsed in [`crate::extract::timeframe`]; this module only turns a
//! [`Timeframe`](crate::model::Timeframe) into a date. The rules' settings are model types
//! ([`crate::model::rules`]).

pub mod bank_holidays;
pub mod due_date;
pub mod next_inspection;
pub mod rag;
pub mod today;
pub mod working_days;

pub use bank_holidays::{
    bank_holidays, easter_sunday, is_bank_holiday, named_bank_holidays, BankHoliday,
};
pub use due_date::{base_date, due_date, Due};
pub use next_inspection::{next_inspection, NextInspection};
pub use rag::{rag, RagInput};
pub use today::{now, set_clock, today};
pub use working_days::{
    action_plan_deadline, add_working_days, is_working_day, working_days_between,
    ACTION_PLAN_WORKING_DAYS,
};
