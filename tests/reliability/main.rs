//! The reliability suites as one test binary (one link instead of eleven): bounded `kurs check`
//! on hostile files, crashes, concurrent writers, damaged files, failing writes, hostile input,
//! random events, panics, signals, the fuzz corpus, the progress folder, file size and lock.
//!
//! One suite: `cargo test --test reliability hostile::`. The long variants: `KURS_LONG_TESTS=1`.

#[path = "../support/mod.rs"]
mod support;

mod check_bounds;
mod crash;
mod damaged;
mod failing_writes;
mod fuzz_corpus;
mod hostile;
mod input;
mod panic;
mod progress_folder;
mod signals;
mod writers;
