//! `kurs report`: a course's learning records from the LRS, as a table.

use super::{Lang, T};

pub fn best_score(lang: Lang, percent: u8) -> String {
    match lang {
        Lang::De => format!("beste Punktzahl {percent} %"),
        Lang::En => format!("best score {percent}%"),
    }
}

/// `kurs report`'s heading of a course: "Sicher online (sicher-online): 2 Lernende, 27 Lerneinträge".
pub fn report_heading(
    lang: Lang,
    title: &str,
    id: &str,
    learners: usize,
    records: usize,
) -> String {
    let (learners, records) = match lang {
        Lang::De => (
            format!("{learners} Lernende"),
            match records {
                1 => "1 Lerneintrag".to_string(),
                n => format!("{n} Lerneinträge"),
            },
        ),
        Lang::En => (
            match learners {
                1 => "1 learner".to_string(),
                n => format!("{n} learners"),
            },
            match records {
                1 => "1 learning record".to_string(),
                n => format!("{n} learning records"),
            },
        ),
    };
    format!("{title} ({id}): {learners}, {records}")
}

/// `kurs report` for a course the LRS has nothing about.
pub fn report_empty(lang: Lang, title: &str, id: &str) -> String {
    match lang {
        Lang::De => {
            format!("{title} ({id}): Im LRS gibt es noch keine Lerneinträge zu diesem Kurs.")
        }
        Lang::En => {
            format!("{title} ({id}): the LRS holds no learning records of this course yet.")
        }
    }
}

/// The columns of `kurs report`'s table.
pub fn report_columns(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::De => [
            "Lernende",
            "Modul",
            "Status",
            "Versuche",
            "Beste Punktzahl",
            "Zuletzt",
        ],
        Lang::En => [
            "Learner",
            "Module",
            "Status",
            "Attempts",
            "Best score",
            "Last activity",
        ],
    }
}

/// A learner's status in a module or the exam, as the LRS's records show it; "Gelernt" is named
/// beside a failed quiz, where the status alone would hide it.
pub fn report_status(
    lang: Lang,
    status: crate::xapi::report::Status,
    exam: bool,
    learned: bool,
) -> String {
    use crate::xapi::report::Status;
    let word = match (status, exam, lang) {
        (Status::NotStarted, true, Lang::De) => "nicht abgelegt",
        (Status::NotStarted, true, Lang::En) => "not taken",
        (Status::NotStarted, false, _) => T::StatusNotStarted.get(lang),
        (Status::Started, _, _) => T::StatusInProgress.get(lang),
        (Status::Learned, _, _) => T::StatusLearned.get(lang),
        (Status::Failed, _, Lang::De) => "nicht bestanden",
        (Status::Failed, _, Lang::En) => "failed",
        (Status::Passed, _, _) => T::StatusPassed.get(lang),
    };
    if learned && status == Status::Failed {
        format!("{word}, {}", T::StatusLearned.get(lang))
    } else {
        word.to_string()
    }
}
