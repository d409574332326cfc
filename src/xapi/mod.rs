//! Learning records: the learner's moves as xAPI statements for the organisation's Learning
//! Record Store, written to an outbox first and sent when the LRS can be reached.
//! `statement.rs` builds them, `check.rs` holds the rules they keep.

pub mod check;
pub mod config;
pub mod fetch;
pub mod journal;
pub mod outbox;
pub mod report;
pub mod send;
pub mod statement;
