//! What a certificate states: who learned, which course, the scores, the exam, when and by whom.
//! Plain values handed in by the player; checked once here so that every later step may rely on them.

use jiff::civil::Date;

use super::printable::{self, NotShown};
use crate::i18n::{self, Lang};

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
    /// The exam's title as the course gives it ("Abschlusstest" / "Final test" when it gives none).
    pub title: String,
    /// 0 to 100.
    pub percent: u8,
    pub passed: bool,
    /// The pass mark, 0 to 100; `None` in a certificate issued before kurs stated it.
    pub pass_percent: Option<u8>,
    /// How the time limit was adjusted for this learner ("time factor 1.5", "untimed"), if it
    /// was. A certificate never hides it: the reader is entitled to know under which terms.
    pub time_adjusted: Option<String>,
}

/// What the course required for its certificate (`[certificate] requires`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Requirement {
    /// Every module done: its quiz passed, a module without a quiz read.
    pub modules: bool,
    /// The final exam passed.
    pub exam: bool,
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
    /// What was required; the credential's criteria are written from it. `None` in a
    /// certificate issued before kurs stated it.
    pub requirement: Option<Requirement>,
    pub issued_at: jiff::Timestamp,
    /// Who issues it, as the course names it (a school, a trainer, a company): the
    /// organisation that stands for the course.
    pub issuer_name: String,
    /// Who signed it: the name of the key (`kurs issuer init --name`) when a training
    /// organisation's key signs (`KURS_ISSUER_KEY`); `None` for the installation's own key,
    /// which stands for no one but this computer. `certificate::issue` sets it from the key.
    pub signer_name: Option<String>,
}

/// A text of the facts, named in a problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    LearnerName,
    BirthDate,
    CourseId,
    CourseTitle,
    ModuleTitle,
    ExamTitle,
    TimeAdjustment,
    IssuerName,
    SignerName,
}

impl Field {
    /// Its name in English, as the command line and `kurs verify` say it.
    pub fn name(self) -> &'static str {
        match self {
            Field::LearnerName => "learner's name",
            Field::BirthDate => "birth date",
            Field::CourseId => "course id",
            Field::CourseTitle => "course title",
            Field::ModuleTitle => "module title",
            Field::ExamTitle => "exam title",
            Field::TimeAdjustment => "time adjustment",
            Field::IssuerName => "issuer name",
            Field::SignerName => "signer's name",
        }
    }
}

/// Why facts cannot go on a certificate; `i18n::facts_problem` says it in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FactsProblem {
    /// A field that must not be empty is empty.
    Empty(Field),
    /// The birth date is not a date `YYYY-MM-DD`.
    BirthDate(String),
    /// A percentage above 100 (which: a module's title, or "the exam").
    Percent(String),
    /// A control character in a field: it could hide or reorder text on the page.
    ControlCharacter(Field),
    /// Characters the page cannot show (`printable`): the certificate would fail its own check.
    NotShown {
        field: Field,
        /// The text they are in.
        text: String,
        not_shown: NotShown,
    },
}

impl std::fmt::Display for FactsProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FactsProblem::Empty(field) => write!(f, "the {} is empty", field.name()),
            FactsProblem::BirthDate(given) => {
                write!(
                    f,
                    "the birth date “{given}” is not a date of the form YYYY-MM-DD"
                )
            }
            FactsProblem::Percent(field) => write!(f, "the score of {field} is above 100 %"),
            FactsProblem::ControlCharacter(field) => {
                write!(f, "the {} holds a control character", field.name())
            }
            FactsProblem::NotShown { .. } => f.write_str(&i18n::facts_problem(Lang::En, self)),
        }
    }
}

impl CertificateFacts {
    /// Checks the facts before anything is signed: a signed mistake cannot be taken back. On top
    /// of `check_values`, every text printed must be one the page can show.
    pub fn check(&self) -> Result<(), FactsProblem> {
        self.check_values()?;
        for (field, text) in self.printed() {
            if let Some(not_shown) = printable::not_shown(text) {
                return Err(FactsProblem::NotShown {
                    field,
                    text: text.to_owned(),
                    not_shown,
                });
            }
        }
        Ok(())
    }

    /// What every kurs certificate holds, also one read back from a credential (which an older
    /// kurs may have printed otherwise): no empty or hidden text, a date, scores up to 100.
    pub fn check_values(&self) -> Result<(), FactsProblem> {
        let texts: [(Field, &str); 5] = [
            (Field::LearnerName, &self.learner_name),
            (Field::BirthDate, &self.birth_date),
            (Field::CourseId, &self.course_id),
            (Field::CourseTitle, &self.course_title),
            (Field::IssuerName, &self.issuer_name),
        ];
        let exam_title = self
            .exam
            .as_ref()
            .map(|exam| (Field::ExamTitle, &exam.title));
        let signer = self
            .signer_name
            .as_ref()
            .map(|name| (Field::SignerName, name));
        for (field, text) in texts.into_iter().chain(
            exam_title
                .into_iter()
                .chain(signer)
                .map(|(field, text)| (field, text.as_str())),
        ) {
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
                return Err(FactsProblem::Empty(Field::ModuleTitle));
            }
            if has_control(&module.title) {
                return Err(FactsProblem::ControlCharacter(Field::ModuleTitle));
            }
            if module.best_percent > 100 {
                return Err(FactsProblem::Percent(module.title.clone()));
            }
        }
        if let Some(exam) = &self.exam {
            if exam.percent > 100 || exam.pass_percent.is_some_and(|p| p > 100) {
                return Err(FactsProblem::Percent("the exam".to_owned()));
            }
            if exam.time_adjusted.as_deref().is_some_and(has_control) {
                return Err(FactsProblem::ControlCharacter(Field::TimeAdjustment));
            }
        }
        Ok(())
    }

    /// Every text the page prints, with its field.
    fn printed(&self) -> Vec<(Field, &str)> {
        let mut texts = vec![
            (Field::LearnerName, self.learner_name.as_str()),
            (Field::CourseTitle, &self.course_title),
            (Field::IssuerName, &self.issuer_name),
        ];
        texts.extend(
            self.modules
                .iter()
                .map(|m| (Field::ModuleTitle, m.title.as_str())),
        );
        if let Some(exam) = &self.exam {
            texts.push((Field::ExamTitle, &exam.title));
            if let Some(adjusted) = &exam.time_adjusted {
                texts.push((Field::TimeAdjustment, adjusted));
            }
        }
        if let Some(signer) = &self.signer_name {
            texts.push((Field::SignerName, signer));
        }
        texts
    }

    /// The facts with every text in the form the page prints it (composed, NFC): a name typed
    /// with a combining accent is the same name as one typed with the accented letter.
    pub fn normalised(&self) -> CertificateFacts {
        let nfc = |text: &String| printable::normal_form(text);
        CertificateFacts {
            learner_name: nfc(&self.learner_name),
            course_title: nfc(&self.course_title),
            modules: self
                .modules
                .iter()
                .map(|m| ModuleScore {
                    title: nfc(&m.title),
                    best_percent: m.best_percent,
                })
                .collect(),
            exam: self.exam.as_ref().map(|exam| ExamScore {
                title: nfc(&exam.title),
                time_adjusted: exam.time_adjusted.as_ref().map(nfc),
                ..exam.clone()
            }),
            issuer_name: nfc(&self.issuer_name),
            signer_name: self.signer_name.as_ref().map(nfc),
            ..self.clone()
        }
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
            title: "Abschlusstest".to_owned(),
            percent: 92,
            passed: true,
            pass_percent: Some(80),
            time_adjusted: Some("Zeitfaktor 1,5".to_owned()),
        }),
        requirement: Some(Requirement {
            modules: true,
            exam: true,
        }),
        issued_at: "2026-05-01T09:30:00Z".parse().expect("a fixed timestamp"),
        issuer_name: "Volkshochschule Musterstadt".to_owned(),
        signer_name: None,
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
        assert_eq!(facts.check(), Err(FactsProblem::Empty(Field::LearnerName)));
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
            Err(FactsProblem::ControlCharacter(Field::LearnerName))
        );
    }

    #[test]
    fn a_name_in_letters_the_font_lacks_is_refused_before_signing() {
        let facts = CertificateFacts {
            learner_name: "王小明".to_owned(),
            ..sample()
        };
        assert!(matches!(
            facts.check(),
            Err(FactsProblem::NotShown {
                field: Field::LearnerName,
                ..
            })
        ));
        // Read back from a credential, the same facts are still a kurs certificate's values.
        assert_eq!(facts.check_values(), Ok(()));
    }

    #[test]
    fn a_right_to_left_course_title_is_refused_before_signing() {
        let facts = CertificateFacts {
            course_title: "دورة".to_owned(),
            ..sample()
        };
        let Err(FactsProblem::NotShown {
            field, not_shown, ..
        }) = facts.check()
        else {
            panic!("not refused");
        };
        assert_eq!(field, Field::CourseTitle);
        assert!(not_shown.right_to_left);
    }

    #[test]
    fn a_decomposed_accent_is_composed_for_the_page() {
        let facts = CertificateFacts {
            learner_name: "Jose\u{301}".to_owned(),
            ..sample()
        };
        assert_eq!(facts.normalised().learner_name, "José");
        assert_eq!(facts.normalised().check(), Ok(()));
    }

    #[test]
    fn the_issue_date_is_the_utc_day() {
        assert_eq!(sample().issue_date().to_string(), "2026-05-01");
    }
}
