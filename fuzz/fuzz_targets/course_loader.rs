//! Fuzzes the course loader: one course folder (`course.toml` and module files) in memory.
#![no_main]

mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| common::check_course_input(data));
