//! kurs: a terminal course player.
//! Everything lives in this library; the binary only parses arguments and calls it.
#![forbid(unsafe_code)]

pub mod author;
pub mod certificate;
pub mod cli;
pub mod command_word;
pub mod course;
pub mod diagnostic;
pub mod exam;
pub mod fingerprint;
pub mod i18n;
pub mod markdown;
pub mod plain;
pub mod profile;
pub mod progress;
pub mod quiz;
pub mod safe_text;
pub mod session;
pub mod tui;
pub mod watch;
pub mod xapi;
