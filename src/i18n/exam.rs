//! The final exam: its intro, counter, warnings and time, and its state in lists.

use super::{Lang, T, attempts, pass_mark, percent, plain_question_counter};

/// The final exam's state as a symbol, beside the modules' (`status_symbol`).
pub fn exam_symbol(state: ExamState) -> &'static str {
    match state {
        ExamState::Passed(_) => "✓",
        ExamState::Failed(_) => "✗",
        ExamState::Running => "◐",
        ExamState::Open | ExamState::Locked => "○",
    }
}

/// "Abschlusstest: 10 Fragen, 20 Minuten. Bestanden ab 70 %."
pub fn exam_intro(
    lang: Lang,
    title: &str,
    questions: usize,
    seconds: Option<u64>,
    pass_percent: u8,
) -> String {
    let mark = pass_mark(lang, pass_percent);
    let time = match seconds {
        Some(s) => duration_words(lang, s),
        None => T::ExamUntimed.get(lang).to_owned(),
    };
    match lang {
        Lang::De => format!("{title}: {questions} Fragen, {time}. {mark}."),
        Lang::En => format!("{title}: {questions} questions, {time}. {mark}."),
    }
}

/// "12 Minuten", "1 Minute", "45 Sekunden": a time left, rounded up to whole minutes above one.
pub fn duration_words(lang: Lang, seconds: u64) -> String {
    if seconds < 60 {
        return match (lang, seconds) {
            (Lang::De, 1) => "1 Sekunde".to_owned(),
            (Lang::De, n) => format!("{n} Sekunden"),
            (Lang::En, 1) => "1 second".to_owned(),
            (Lang::En, n) => format!("{n} seconds"),
        };
    }
    let minutes = seconds.div_ceil(60);
    match (lang, minutes) {
        (Lang::De, 1) => "1 Minute".to_owned(),
        (Lang::De, n) => format!("{n} Minuten"),
        (Lang::En, 1) => "1 minute".to_owned(),
        (Lang::En, n) => format!("{n} minutes"),
    }
}

/// The full-screen title: "Frage 3 | 10, noch 12 Minuten, markiert"
pub fn exam_counter(
    lang: Lang,
    number: usize,
    total: usize,
    left: Option<u64>,
    flagged: bool,
) -> String {
    let counter = match lang {
        Lang::De => format!("Frage {number} | {total}"),
        Lang::En => format!("Question {number} | {total}"),
    };
    exam_counter_tail(lang, counter, left, flagged)
}

/// Plain mode says it in words, as its quizzes do (a screen reader reads "|" as a line):
/// "Frage 3 von 10, noch 12 Minuten, markiert"
pub fn plain_exam_counter(
    lang: Lang,
    number: usize,
    total: usize,
    left: Option<u64>,
    flagged: bool,
) -> String {
    let counter = plain_question_counter(lang, number, total);
    exam_counter_tail(lang, counter, left, flagged)
}

fn exam_counter_tail(lang: Lang, mut text: String, left: Option<u64>, flagged: bool) -> String {
    if let Some(left) = left {
        let time = duration_words(lang, left);
        text.push_str(&match lang {
            Lang::De => format!(", noch {time}"),
            Lang::En => format!(", {time} left"),
        });
    }
    if flagged {
        text.push_str(match lang {
            Lang::De => ", markiert",
            Lang::En => ", flagged",
        });
    }
    text
}

/// Before handing in: "10 Fragen: 2 unbeantwortet, 1 markiert."
pub fn exam_summary(lang: Lang, total: usize, unanswered: usize, flagged: usize) -> String {
    match lang {
        Lang::De => format!("{total} Fragen: {unanswered} unbeantwortet, {flagged} markiert."),
        Lang::En => format!("{total} questions: {unanswered} unanswered, {flagged} flagged."),
    }
}

/// "Zurück zu Frage 4"
pub fn exam_back_to(lang: Lang, number: usize) -> String {
    match lang {
        Lang::De => format!("Zurück zu Frage {number}"),
        Lang::En => format!("Back to question {number}"),
    }
}

/// The warning in the last minute, with the offer of more time.
pub fn exam_warning(lang: Lang, left: u64, command: &str, minutes: u32) -> String {
    let time = duration_words(lang, left);
    match lang {
        Lang::De => {
            format!("Achtung: noch {time}. Mit „{command}“ bekommst du {minutes} Minuten mehr.")
        }
        Lang::En => format!("Note: {time} left. Type “{command}” for {minutes} more minutes."),
    }
}

/// The full-screen player's warning in the last minute, with the key for more time.
pub fn exam_warning_key(lang: Lang, left: u64, key: &str, minutes: u32) -> String {
    let time = duration_words(lang, left);
    match lang {
        Lang::De => format!("Achtung: noch {time}. Taste {key}: {minutes} Minuten mehr."),
        Lang::En => format!("Note: {time} left. Press {key} for {minutes} more minutes."),
    }
}

/// The warning in the last minute at the summary, where more time is a numbered entry.
pub fn exam_warning_entry(lang: Lang, left: u64, number: usize, minutes: u32) -> String {
    let time = duration_words(lang, left);
    match lang {
        Lang::De => {
            format!("Achtung: noch {time}. Nummer {number} gibt dir {minutes} Minuten mehr.")
        }
        Lang::En => format!("Note: {time} left. Number {number} gives you {minutes} more minutes."),
    }
}

/// The summary's entry for more time, in the last minute.
pub fn exam_more_time_entry(lang: Lang, minutes: u32) -> String {
    match lang {
        Lang::De => format!("{minutes} Minuten mehr Zeit"),
        Lang::En => format!("{minutes} more minutes"),
    }
}

/// Before a timed exam starts: how the time can be adjusted, and that it is recorded.
pub fn exam_time_adjustable(lang: Lang, minutes: u32) -> String {
    match lang {
        Lang::De => format!(
            "Brauchst du mehr Zeit? Dann beende kurs hier und starte es neu mit --time-factor 1.5 für die eineinhalbfache Zeit oder mit --untimed ohne Zeitbegrenzung (das gilt auch für einen begonnenen Test). In der letzten Minute bekommst du auf Wunsch {minutes} Minuten mehr. Jede Anpassung steht im Ergebnis und auf dem Zertifikat."
        ),
        Lang::En => format!(
            "Need more time? Then quit kurs here and start it again with --time-factor 1.5 for one and a half times the time, or with --untimed for no time limit (this also works for a test under way). In the last minute you can ask for {minutes} more minutes. Every adjustment is noted in the result and on the certificate."
        ),
    }
}

/// A line that came in after the time was up: it is not counted, and the result is made
/// from the answers saved before. `typed`: what was typed, when it was text.
pub fn exam_too_late(lang: Lang, typed: Option<&str>) -> String {
    const SHOWN: usize = 40;
    let typed = typed.map(|typed| {
        let typed = crate::safe_text::single_line(typed);
        match typed.char_indices().nth(SHOWN) {
            Some((cut, _)) => format!("{}…", &typed[..cut]),
            None => typed,
        }
    });
    match (lang, typed) {
        (Lang::De, Some(typed)) => format!(
            "Deine Eingabe „{typed}“ kam nach Ablauf der Zeit und zählt nicht; gewertet sind die Antworten, die vorher gespeichert waren."
        ),
        (Lang::De, None) => "Deine letzte Eingabe kam nach Ablauf der Zeit und zählt nicht; gewertet sind die Antworten, die vorher gespeichert waren.".to_owned(),
        (Lang::En, Some(typed)) => format!(
            "What you typed (“{typed}”) came after the time was up and does not count; the result is made from the answers saved before."
        ),
        (Lang::En, None) => "What you typed last came after the time was up and does not count; the result is made from the answers saved before.".to_owned(),
    }
}

/// `--time-factor` given when resuming an exam that already has as much time or more.
pub fn exam_retime_kept(lang: Lang, terms: Option<&str>) -> String {
    match (lang, terms) {
        (Lang::De, Some(terms)) => format!(
            "Die Zeit dieses Tests bleibt, wie sie ist ({terms}): Beim Fortsetzen lässt sie sich nur verlängern, nicht verkürzen."
        ),
        (Lang::De, None) => "Die Zeit dieses Tests bleibt, wie sie ist: Beim Fortsetzen lässt sie sich nur verlängern, nicht verkürzen.".to_owned(),
        (Lang::En, Some(terms)) => format!(
            "This test keeps its time ({terms}): when it is resumed, the time can only be lengthened, never shortened."
        ),
        (Lang::En, None) => "This test keeps its time: when it is resumed, the time can only be lengthened, never shortened.".to_owned(),
    }
}

/// After asking for more time.
pub fn exam_extended(lang: Lang, minutes: u32, left: u64) -> String {
    let time = duration_words(lang, left);
    match lang {
        Lang::De => {
            format!("{minutes} Minuten mehr: jetzt noch {time}. Das wird im Ergebnis vermerkt.")
        }
        Lang::En => {
            format!("{minutes} more minutes: {time} left now. This is noted in the result.")
        }
    }
}

/// An exam under way found at the start: "Frage 3 von 10, noch 12 Minuten".
pub fn exam_resumed(lang: Lang, number: usize, total: usize, left: Option<u64>) -> String {
    let time = left.map(|l| duration_words(lang, l));
    match (lang, time) {
        (Lang::De, Some(t)) => {
            format!("Dein Abschlusstest läuft noch: Frage {number} von {total}, noch {t}.")
        }
        (Lang::De, None) => format!("Dein Abschlusstest läuft noch: Frage {number} von {total}."),
        (Lang::En, Some(t)) => {
            format!("Your final test is under way: question {number} of {total}, {t} left.")
        }
        (Lang::En, None) => format!("Your final test is under way: question {number} of {total}."),
    }
}

/// Questions of a saved exam that changed in the course files since.
pub fn exam_left_out(lang: Lang, count: usize) -> String {
    match (lang, count) {
        (Lang::De, 1) => "1 Frage wurde seither im Kurs geändert und fällt weg.".to_owned(),
        (Lang::De, n) => format!("{n} Fragen wurden seither im Kurs geändert und fallen weg."),
        (Lang::En, 1) => "1 question has changed in the course since and is left out.".to_owned(),
        (Lang::En, n) => {
            format!("{n} questions have changed in the course since and are left out.")
        }
    }
}

/// The exam is closed until these modules are passed.
pub fn exam_modules_first(lang: Lang, missing: &[String]) -> String {
    let list = missing.join(", ");
    match (lang, missing.len()) {
        (Lang::De, 1) => format!(
            "Der Abschlusstest öffnet, sobald du die Übung dieses Moduls bestanden hast: {list}."
        ),
        (Lang::De, n) => format!(
            "Der Abschlusstest öffnet, sobald du die Übungen aller Module bestanden hast. Noch {n} offen: {list}."
        ),
        (Lang::En, 1) => {
            format!("The final test opens once you have passed the quiz of this module: {list}.")
        }
        (Lang::En, n) => format!(
            "The final test opens once you have passed every module's quiz. {n} still to pass: {list}."
        ),
    }
}

/// How the time was adjusted, as the result and the certificate say it.
pub fn exam_terms(lang: Lang, terms: &crate::progress::TimeTerms) -> String {
    let mut parts = Vec::new();
    if terms.untimed {
        parts.push(T::ExamUntimed.get(lang).to_owned());
    } else if terms.factor_percent != 0 && terms.factor_percent != 100 {
        let factor = format!("{}", f64::from(terms.factor_percent) / 100.0);
        parts.push(match lang {
            Lang::De => format!("Zeit × {}", factor.replace('.', ",")),
            Lang::En => format!("time × {factor}"),
        });
    }
    if terms.extended_minutes > 0 {
        let n = terms.extended_minutes;
        parts.push(match lang {
            Lang::De => format!("{n} Minuten verlängert"),
            Lang::En => format!("extended by {n} minutes"),
        });
    }
    parts.join(", ")
}

/// The exam's line in a course's module list.
pub fn exam_line(lang: Lang, title: &str, state: ExamState) -> String {
    format!("{title}: {}", exam_state_words(lang, state))
}

/// The exam's line in the progress overview: "Abschlusstest: bestanden, beste Punktzahl
/// 100 % am 2026-12-02 (2 Versuche)".
pub fn exam_overview_line(
    lang: Lang,
    title: &str,
    state: ExamState,
    best_on: Option<&str>,
    tries: usize,
) -> String {
    let mut text = exam_line(lang, title, state);
    if let (Some(day), ExamState::Passed(_) | ExamState::Failed(_)) = (best_on, state) {
        text.push_str(&match lang {
            Lang::De => format!(" am {day}"),
            Lang::En => format!(" on {day}"),
        });
    }
    if tries > 0 {
        text.push_str(&format!(" ({})", attempts(lang, tries)));
    }
    text
}

/// The exam's state in a list's right column: "bestanden · 100 % · 2 Versuche".
pub fn exam_state_short(lang: Lang, state: ExamState, tries: usize) -> String {
    let mut text = match (lang, state) {
        (_, ExamState::Passed(p)) => format!(
            "{} · {}",
            T::Passed.get(lang).to_lowercase(),
            percent(lang, p)
        ),
        (_, ExamState::Failed(p)) => {
            format!(
                "{} · {}",
                T::NotPassed.get(lang).to_lowercase(),
                percent(lang, p)
            )
        }
        (Lang::De, ExamState::Running) => "begonnen".to_owned(),
        (Lang::En, ExamState::Running) => "started".to_owned(),
        (lang, state) => exam_state_words(lang, state),
    };
    if tries > 0 {
        text.push_str(&format!(" · {}", attempts(lang, tries)));
    }
    text
}

fn exam_state_words(lang: Lang, state: ExamState) -> String {
    match (lang, state) {
        (Lang::De, ExamState::Locked) => "erst nach allen Übungen".to_owned(),
        (Lang::En, ExamState::Locked) => "after every quiz".to_owned(),
        (Lang::De, ExamState::Open) => "offen".to_owned(),
        (Lang::En, ExamState::Open) => "open".to_owned(),
        (Lang::De, ExamState::Running) => "begonnen, nicht abgegeben".to_owned(),
        (Lang::En, ExamState::Running) => "started, not handed in".to_owned(),
        (Lang::De, ExamState::Passed(p)) => format!("bestanden, beste Punktzahl {p} %"),
        (Lang::En, ExamState::Passed(p)) => format!("passed, best score {p}%"),
        (Lang::De, ExamState::Failed(p)) => format!("nicht bestanden, beste Punktzahl {p} %"),
        (Lang::En, ExamState::Failed(p)) => format!("not passed, best score {p}%"),
    }
}

/// Where an exam stands for the learner, for its line in lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExamState {
    Locked,
    Open,
    Running,
    Passed(u8),
    Failed(u8),
}

/// The exam's result line with the time terms when they were adjusted.
pub fn exam_terms_line(lang: Lang, terms: &str) -> String {
    match lang {
        Lang::De => format!("Zeit angepasst: {terms}."),
        Lang::En => format!("Time adjusted: {terms}."),
    }
}

/// A course's modules could not all be read for the exam.
pub fn exam_unreadable(lang: Lang, reason: &str) -> String {
    match lang {
        Lang::De => format!(
            "Der Abschlusstest kann nicht beginnen, weil ein Modul nicht gelesen werden kann: {reason}"
        ),
        Lang::En => {
            format!("The final test cannot start because a module cannot be read: {reason}")
        }
    }
}
