//! What a certificate states: who learned, which course, the scores, the exam, when and by whom.
//! Plain values handed in by the player; checked once here so that every later step may rely on them.

use jiff::civil::Date;

use crate::i18n::Lang;

/// One module of the course with the learner's best score in its quiz.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModuleScore {
    pub title: String,
    /// The best result of all attempts, 0 to 100.
    pub best_percent: u8,
}

/// The final exam, when the course has one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExamScore {
    /// 0 to 100.
    pub percent: u8,
    pub passed: bool,
    /// How the time limit was adjusted for this learner ("time factor 1.5", "untimed"), if it
    /// was. A certificate never hides it: the reader is entitled to know under which terms.
    pub time_adjusted: Option<String>,
}

/// Everything a certificate says about the learner and the course.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CertificateFacts {
    pub learner_name: String,
    /// ISO 8601, `YYYY-MM-DD`.
    pub birth_date: String,
    pub course_id: String,
    pub course_title: String,
    /// The course's language, in which the certificate is written.
    pub lang: Lang,
    pub modules: Vec<ModuleScore>,
    pub exam: Option<ExamScore>,
    pub issued_at: jiff::Timestamp,
    /// Who issues it, as the course names it (a school, a trainer, a company).
    pub issuer_name: String,
}

/// Why facts cannot go on a certificate, in one sentence for the learner or the player.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FactsProblem {
    /// A field that must not be empty is empty (its name).
    Empty(&'static str),
    /// The birth date is not a date `YYYY-MM-DD`.
    BirthDate(String),
    /// A percentage above 100 (which field).
    Percent(String),
    /// A control character in a field (its name): it could hide or reorder text on the page.
    ControlCharacter(&'static str),
}

impl std::fmt::Display for FactsProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FactsProblem::Empty(field) => write!(f, "the {field} is empty"),
            FactsProblem::BirthDate(given) => {
                write!(
                    f,
                    "the birth date “{given}” is not a date of the form YYYY-MM-DD"
                )
            }
            FactsProblem::Percent(field) => write!(f, "the score of {field} is above 100 %"),
            FactsProblem::ControlCharacter(field) => {
                write!(f, "the {field} holds a control character")
            }
        }
    }
}

impl CertificateFacts {
    /// Checks the facts before anything is signed: a signed mistake cannot be taken back.
    pub fn check(&self) -> Result<(), FactsProblem> {
        let texts: [(&'static str, &str); 5] = [
            ("learner's name", &self.learner_name),
            ("birth date", &self.birth_date),
            ("course id", &self.course_id),
            ("course title", &self.course_title),
            ("issuer name", &self.issuer_name),
        ];
        for (field, text) in texts {
            if text.trim().is_empty() {
                return Err(FactsProblem::Empty(field));
            }
            if has_control(text) {
                return Err(FactsProblem::ControlCharacter(field));
            }
        }
        self.birth()?;
        for module in &self.modules {
            if module.title.trim().is_empty() {
                return Err(FactsProblem::Empty("module title"));
            }
            if has_control(&module.title) {
                return Err(FactsProblem::ControlCharacter("module title"));
            }
            if module.best_percent > 100 {
                return Err(FactsProblem::Percent(module.title.clone()));
            }
        }
        if let Some(exam) = &self.exam {
            if exam.percent > 100 {
                return Err(FactsProblem::Percent("the exam".to_owned()));
            }
            if exam.time_adjusted.as_deref().is_some_and(has_control) {
                return Err(FactsProblem::ControlCharacter("time adjustment"));
            }
        }
        Ok(())
    }

    /// The birth date as a date.
    pub fn birth(&self) -> Result<Date, FactsProblem> {
        // `Date`'s parser also takes a time after the date; a certificate holds the date alone.
        let given = self.birth_date.trim();
        if given.len() != 10 {
            return Err(FactsProblem::BirthDate(self.birth_date.clone()));
        }
        given
            .parse::<Date>()
            .map_err(|_| FactsProblem::BirthDate(self.birth_date.clone()))
    }

    /// The day of issue, in UTC, as in the credential's `validFrom`.
    pub fn issue_date(&self) -> Date {
        self.issued_at
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .date()
    }
}

/// Control characters, and the bidirectional and invisible characters `safe_text` also refuses.
fn has_control(text: &str) -> bool {
    text.chars().any(|c| {
        c.is_control()
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
    })
}

#[cfg(test)]
pub(crate) fn sample() -> CertificateFacts {
    CertificateFacts {
        learner_name: "Jürgen Größe".to_owned(),
        birth_date: "1990-03-14".to_owned(),
        course_id: "elektro-grundlagen".to_owned(),
        course_title: "Grundlagen der Elektrotechnik".to_owned(),
        lang: Lang::De,
        modules: vec![
            ModuleScore {
                title: "Spannung und Strom".to_owned(),
                best_percent: 100,
            },
            ModuleScore {
                title: "Widerstände in Reihe".to_owned(),
                best_percent: 85,
            },
        ],
        exam: Some(ExamScore {
            percent: 92,
            passed: true,
            time_adjusted: Some("Zeitfaktor 1,5".to_owned()),
        }),
        issued_at: "2026-05-01T09:30:00Z".parse().expect("a fixed timestamp"),
        issuer_name: "Volkshochschule Musterstadt".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_facts_pass_the_check() {
        assert_eq!(sample().check(), Ok(()));
    }

    #[test]
    fn an_empty_name_is_refused() {
        let facts = CertificateFacts {
            learner_name: "  ".to_owned(),
            ..sample()
        };
        assert_eq!(facts.check(), Err(FactsProblem::Empty("learner's name")));
    }

    #[test]
    fn a_birth_date_that_is_not_iso_is_refused() {
        for given in ["14.03.1990", "1990-02-30", "1990-03-14T00:00", ""] {
            let facts = CertificateFacts {
                birth_date: given.to_owned(),
                ..sample()
            };
            assert!(facts.check().is_err(), "{given}");
        }
    }

    #[test]
    fn a_score_above_100_is_refused() {
        let mut facts = sample();
        facts.modules[1].best_percent = 101;
        assert!(matches!(facts.check(), Err(FactsProblem::Percent(_))));
    }

    #[test]
    fn a_bidirectional_override_in_the_name_is_refused() {
        let facts = CertificateFacts {
            learner_name: "Eve\u{202E}evE".to_owned(),
            ..sample()
        };
        assert_eq!(
            facts.check(),
            Err(FactsProblem::ControlCharacter("learner's name"))
        );
    }

    #[test]
    fn the_issue_date_is_the_utc_day() {
        assert_eq!(sample().issue_date().to_string(), "2026-05-01");
    }
}
