//! The learner's profile: the name and birth date that certificates are issued to, and an
//! optional email. What is valid (`check.rs`) and the file beside the progress index (`store.rs`).
//!
//! Knows nothing of terminals or the command line; the sentences for learners are in `i18n/profile.rs`.

mod check;
mod store;

pub use check::{
    EARLIEST_BIRTH_DATE, Field, MAX_EMAIL_CHARS, MAX_NAME_CHARS, ProfileProblem, parse_birth_date,
};
pub use store::{FILE_NAME, ProfileError, SCHEMA_VERSION};

/// Who the learner is, as far as a certificate needs to know. Only a `Profile` that
/// `parse_input` accepted (or that was read back from kurs's own file) is saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    /// The name as it is to appear on a certificate, without surrounding white space.
    pub name: String,
    pub birth_date: jiff::civil::Date,
    pub email: Option<String>,
}

/// Today's date on this computer's clock, in its time zone: the `today` the command line
/// passes to `Profile::parse_input` (tests pass their own).
pub fn today() -> jiff::civil::Date {
    jiff::ZonedDateTime::now().date()
}
