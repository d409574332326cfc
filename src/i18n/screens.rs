//! The player's screens, full-screen and plain alike: counters, verdicts, module states,
//! section numbers, and module files the learner cannot open.

use super::{Lang, T, number, percent, points};
use crate::progress::status::ModuleStatus;

/// "Frage 3 | 10": the quiz's title bar.
pub fn question_counter(lang: Lang, number: usize, total: usize) -> String {
    match lang {
        Lang::De => format!("Frage {number} | {total}"),
        Lang::En => format!("Question {number} | {total}"),
    }
}

pub fn passed_of(lang: Lang, passed: usize, total: usize) -> String {
    match lang {
        Lang::De => format!("{passed} / {total} bestanden"),
        Lang::En => format!("{passed} / {total} passed"),
    }
}

/// The right numbers of a numeric question: "3,14", "3,14 ± 0,01 GB", "28 bis 31 Tage".
pub fn number_range(lang: Lang, range: crate::course::NumberRange, unit: Option<&str>) -> String {
    use crate::course::NumberRange;
    let unit = unit.map(|u| format!(" {u}")).unwrap_or_default();
    let n = |value: f64| number(lang, value);
    match (range, lang) {
        (
            NumberRange::Around {
                answer,
                tolerance: 0.0,
            },
            _,
        ) => {
            format!("{}{unit}", n(answer))
        }
        (NumberRange::Around { answer, tolerance }, _) => {
            format!("{} ± {}{unit}", n(answer), n(tolerance))
        }
        (NumberRange::Between { min, max }, _) if min == max => format!("{}{unit}", n(min)),
        (NumberRange::Between { min, max }, Lang::De) => {
            format!("{} bis {}{unit}", n(min), n(max))
        }
        (NumberRange::Between { min, max }, Lang::En) => {
            format!("{} to {}{unit}", n(min), n(max))
        }
    }
}

/// The verdict on an answer: right, wrong, or partly right with the percent of the point.
pub fn verdict(lang: Lang, credit: crate::quiz::Credit) -> String {
    if credit.is_full() {
        T::Correct.get(lang).to_owned()
    } else if credit.is_partial() {
        let percent = percent(lang, credit.percent());
        match lang {
            Lang::De => format!("◑ Teilweise richtig ({percent} des Punkts)"),
            Lang::En => format!("◑ Partly right ({percent} of the point)"),
        }
    } else {
        T::Wrong.get(lang).to_owned()
    }
}

/// The verdict's symbol alone, for lists of questions: ✓, ◑ or ✗.
pub fn verdict_symbol(credit: crate::quiz::Credit) -> &'static str {
    if credit.is_full() {
        "✓"
    } else if credit.is_partial() {
        "◑"
    } else {
        "✗"
    }
}

pub fn learned_on(lang: Lang, date: &str) -> String {
    match lang {
        Lang::De => format!("Gelernt am {date}"),
        Lang::En => format!("Learned on {date}"),
    }
}

pub fn carried_right(lang: Lang, n: usize) -> String {
    match lang {
        Lang::De => format!("✓ {n} Fragen aus dem letzten Versuch schon richtig"),
        Lang::En => format!("✓ {n} questions already right in the last attempt"),
    }
}

pub fn course_errors(lang: Lang, n: usize) -> String {
    match lang {
        Lang::De => format!(
            "{n} Fehler in den Kursdateien; betroffene Module fehlen. `kurs check` zeigt, wo."
        ),
        Lang::En => format!(
            "{n} errors in the course files; the modules concerned are left out. `kurs check` shows where."
        ),
    }
}

/// A module whose file has errors the library screen could not see (they lie past its title).
/// The learner's sentence is in the course's language; the trainer's diagnostic (always in
/// English, as `kurs check` prints it) is quoted as such, marked as meant for the trainer.
pub fn module_errors(lang: Lang, module: &str, place: &str, message: &str, n: usize) -> String {
    match (lang, n) {
        (Lang::De, 1) => format!(
            "„{module}“ lässt sich nicht öffnen: Die Moduldatei hat einen Fehler. Für die Kursleitung: “{place}: {message}”; `kurs check` zeigt, wie er sich beheben lässt."
        ),
        (Lang::De, _) => format!(
            "„{module}“ lässt sich nicht öffnen: Die Moduldatei hat {n} Fehler. Für die Kursleitung, der erste: “{place}: {message}”; `kurs check` zeigt alle."
        ),
        (Lang::En, 1) => format!(
            "“{module}” cannot be opened: its module file has an error. For the trainer: “{place}: {message}”; `kurs check` shows how to fix it."
        ),
        (Lang::En, _) => format!(
            "“{module}” cannot be opened: its module file has {n} errors. For the trainer, the first: “{place}: {message}”; `kurs check` shows them all."
        ),
    }
}

/// The sentence for a module whose file has errors, from the diagnostics `load_module` gave.
pub fn module_unreadable(
    lang: Lang,
    module: &str,
    errors: &[crate::diagnostic::Diagnostic],
) -> String {
    let (place, message) = errors.first().map_or_else(
        || (String::new(), String::new()),
        |d| {
            (
                format!("{}:{}:{}", d.file.display(), d.line, d.column),
                d.message.clone(),
            )
        },
    );
    module_errors(lang, module, &place, &message, errors.len())
}

/// The state of a module's questions from the last answers: right, and changed since answered.
/// What the module says about its quiz: the best finished attempt (the number the library shows
/// too), an attempt left before its end, and questions changed since they were answered.
pub fn quiz_summary(
    lang: Lang,
    best: Option<(crate::progress::Points, u32, u8)>,
    unfinished: usize,
    changed: usize,
) -> String {
    let mut parts = Vec::new();
    if let Some((points, max, percent)) = best {
        let points = self::points(lang, points);
        parts.push(match lang {
            Lang::De => format!("Bestes Ergebnis: {points} von {max} Punkten ({percent} %)"),
            Lang::En => format!("Best result: {points} of {max} points ({percent}%)"),
        });
    }
    if unfinished > 0 {
        parts.push(match (lang, unfinished) {
            (Lang::De, 1) => "ein Versuch nicht beendet (1 Frage beantwortet)".to_string(),
            (Lang::De, n) => format!("ein Versuch nicht beendet ({n} Fragen beantwortet)"),
            (Lang::En, 1) => "an attempt left unfinished (1 question answered)".to_string(),
            (Lang::En, n) => format!("an attempt left unfinished ({n} questions answered)"),
        });
    }
    if changed > 0 {
        parts.push(match (lang, changed) {
            (Lang::De, 1) => "1 Frage wurde seitdem geändert".to_string(),
            (Lang::De, n) => format!("{n} Fragen wurden seitdem geändert"),
            (Lang::En, 1) => "1 question has changed since".to_string(),
            (Lang::En, n) => format!("{n} questions have changed since"),
        });
    }
    let mut text = parts.join(" · ");
    // The first letter up, whichever part comes first.
    if let Some(first) = text.chars().next() {
        let upper: String = first.to_uppercase().collect();
        text.replace_range(..first.len_utf8(), &upper);
    }
    text
}

/// The symbol that goes with each status, the same in every language; the word is always
/// shown beside it, so no state is told by a symbol alone.
pub fn status_symbol(status: ModuleStatus) -> &'static str {
    match status {
        ModuleStatus::NotStarted => "○",
        ModuleStatus::InProgress => "◐",
        ModuleStatus::Learned => "●",
        ModuleStatus::Passed => "✓",
    }
}

pub fn too_small(lang: Lang, width: u16, height: u16) -> String {
    match lang {
        Lang::De => format!("Mindestens {width}×{height} Zeichen nötig."),
        Lang::En => format!("At least {width}×{height} characters needed."),
    }
}

/// Why a typed answer is not a number, in one sentence.
pub fn number_problem(lang: Lang, problem: crate::quiz::NumberProblem) -> &'static str {
    use crate::quiz::NumberProblem;
    match problem {
        NumberProblem::Empty => T::NumberEmpty.get(lang),
        NumberProblem::NotANumber => T::NumberNotANumber.get(lang),
        NumberProblem::SeveralMarks => T::NumberSeveralMarks.get(lang),
    }
}

/// Modules whose text could not be read are searched by their titles only.
pub fn unsearched_modules(lang: Lang, count: usize) -> String {
    match (lang, count) {
        (Lang::De, 1) => "Ein Modul ließ sich nicht lesen; es wird nur nach seinem Titel durchsucht (`kurs check` zeigt, warum).".to_string(),
        (Lang::De, n) => format!("{n} Module ließen sich nicht lesen; sie werden nur nach ihren Titeln durchsucht (`kurs check` zeigt, warum)."),
        (Lang::En, 1) => "One module could not be read; only its title is searched (`kurs check` shows why).".to_string(),
        (Lang::En, n) => format!("{n} modules could not be read; only their titles are searched (`kurs check` shows why)."),
    }
}

/// A section number typed on the module screen that a second digit could still make longer
/// (`1` of a module of twelve: 10 to 12).
pub fn section_number_typed(lang: Lang, number: usize, last: usize) -> String {
    let first = number * 10;
    match lang {
        Lang::De => format!(
            "Abschnitt {number}: Enter oder kurz warten öffnet ihn, eine zweite Ziffer wählt {first} bis {last}."
        ),
        Lang::En => format!(
            "Section {number}: Enter or a moment's wait opens it, a second digit picks {first} to {last}."
        ),
    }
}

/// A digit for a section the module does not have.
pub fn no_such_section(lang: Lang, count: usize) -> String {
    match (lang, count) {
        (Lang::De, 0) => "Dieses Modul hat keine Abschnitte.".to_string(),
        (Lang::De, 1) => "Dieses Modul hat nur einen Abschnitt: 1 öffnet ihn.".to_string(),
        (Lang::De, n @ 2..=9) => format!("Dieses Modul hat {n} Abschnitte: 1 bis {n} öffnen sie."),
        (Lang::De, n) => format!(
            "Dieses Modul hat {n} Abschnitte: 1 bis {n} öffnen sie, zweistellige Nummern mit beiden Ziffern rasch nacheinander."
        ),
        (Lang::En, 0) => "This module has no sections.".to_string(),
        (Lang::En, 1) => "This module has one section: 1 opens it.".to_string(),
        (Lang::En, n @ 2..=9) => format!("This module has {n} sections: 1 to {n} open them."),
        (Lang::En, n) => format!(
            "This module has {n} sections: 1 to {n} open them, two-digit numbers with both digits in quick succession."
        ),
    }
}

/// After a passed quiz, the way on to the next module not yet passed (a menu entry in plain
/// mode, a line of the result screen in the player).
pub fn go_on_with(lang: Lang, label: &str) -> String {
    match lang {
        Lang::De => format!("Weiter mit „{label}“"),
        Lang::En => format!("Go on with “{label}”"),
    }
}
