//! IPC commands, one module per screen's needs; each is a few lines over the core.

pub mod info;
