//! Support shared by the integration tests: the pseudo-terminal harness, the fixtures, and the
//! in-process player on a test backend. Each binary takes the parts it needs.
#![allow(dead_code)] // every test binary uses a different part

pub mod fixtures;
pub mod player;
pub mod pty;
