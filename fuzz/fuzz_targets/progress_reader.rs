//! Fuzzes the progress reader: the bytes of a progress file.
#![no_main]

mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| common::check_progress_input(data));
