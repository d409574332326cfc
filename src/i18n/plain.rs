//! Plain mode's sentences: prompts, menus, help and announcements read line by line (the
//! search and overview lines serve the full-screen player too).

use super::{Lang, T, attempts, pass_mark};
use crate::progress::status::ModuleStatus;

/// "Frage 1 von 6": the counter in words, for plain mode (a screen reader reads "|" as a symbol).
pub fn plain_question_counter(lang: Lang, number: usize, total: usize) -> String {
    match lang {
        Lang::De => format!("Frage {number} von {total}"),
        Lang::En => format!("Question {number} of {total}"),
    }
}

/// What a menu takes, with its range: "Bitte eine Zahl von 1 bis 4 eingeben."
pub fn plain_number_expected(lang: Lang, count: usize) -> String {
    match (lang, count) {
        (Lang::De, 0) => "Diese Liste ist leer; „zurück“ geht eine Ebene zurück.".to_string(),
        (Lang::De, 1) => "Bitte 1 eingeben, die einzige Nummer der Liste.".to_string(),
        (Lang::De, n) => format!("Bitte eine Zahl von 1 bis {n} eingeben."),
        (Lang::En, 0) => "This list is empty; “back” goes back one level.".to_string(),
        (Lang::En, 1) => "Please type 1, the only number in the list.".to_string(),
        (Lang::En, n) => format!("Please type a number from 1 to {n}."),
    }
}

pub fn plain_prompt(lang: Lang, what: &str) -> String {
    let back = T::PlainBack.get(lang);
    let quit = T::PlainQuit.get(lang);
    match lang {
        Lang::De => format!("{what}: Nummer eingeben, „{back}“ oder „{quit}“ > "),
        Lang::En => format!("{what}: type a number, “{back}” or “{quit}” > "),
    }
}

pub fn module_state_sentence(
    lang: Lang,
    label: &str,
    status: ModuleStatus,
    best: Option<u8>,
) -> String {
    let status = T::status(status).get(lang);
    match (lang, best) {
        (Lang::De, Some(p)) => format!("Modul {label}: {status}, beste Punktzahl {p} %"),
        (Lang::De, None) => format!("Modul {label}: {status}"),
        (Lang::En, Some(p)) => format!("Module {label}: {status}, best score {p}%"),
        (Lang::En, None) => format!("Module {label}: {status}"),
    }
}

/// The prompt under a quiz question: what to type, and the marked words that leave (a bare word
/// is an answer there).
pub fn plain_answer_prompt(lang: Lang, what: &str) -> String {
    let back = T::PlainBack.get(lang);
    let quit = T::PlainQuit.get(lang);
    match lang {
        Lang::De => format!("{what} (oder „/{back}“, „/{quit}“) > "),
        Lang::En => format!("{what} (or “/{back}”, “/{quit}”) > "),
    }
}

/// Said at the start of plain mode when the learner comes back to where they stopped.
pub fn plain_resume(lang: Lang, label: &str, section: Option<&str>) -> String {
    match (lang, section) {
        (Lang::De, Some(section)) => format!("Weiter bei Modul {label}, Abschnitt „{section}“."),
        (Lang::De, None) => format!("Weiter bei Modul {label}."),
        (Lang::En, Some(section)) => {
            format!("Continuing with module {label}, section “{section}”.")
        }
        (Lang::En, None) => format!("Continuing with module {label}."),
    }
}

/// "Abschnitt 2 von 4: Gruppen", so a listener knows where in the module they are.
pub fn plain_section_heading(lang: Lang, number: usize, total: usize, title: &str) -> String {
    match lang {
        Lang::De => format!("Abschnitt {number} von {total}: {title}"),
        Lang::En => format!("Section {number} of {total}: {title}"),
    }
}

/// Said before a table's rows in plain mode: "Tabelle mit 3 Zeilen und 2 Spalten:" (the header
/// row is not counted; its names stand before every value).
pub fn table_announcement(lang: Lang, rows: usize, columns: usize) -> String {
    let pick = |n: usize, one: &'static str, many: &'static str| if n == 1 { one } else { many };
    match lang {
        Lang::De => format!(
            "Tabelle mit {rows} {} und {columns} {}:",
            pick(rows, "Zeile", "Zeilen"),
            pick(columns, "Spalte", "Spalten")
        ),
        Lang::En => format!(
            "Table with {rows} {} and {columns} {}:",
            pick(rows, "row", "rows"),
            pick(columns, "column", "columns")
        ),
    }
}

/// Introduces the feedback a trainer wrote for one picked choice.
pub fn plain_feedback_on(lang: Lang, choice: &str) -> String {
    match lang {
        Lang::De => format!("Zu „{choice}“:"),
        Lang::En => format!("On “{choice}”:"),
    }
}

/// Before the first question: the quiz's title, how many questions, and the pass mark.
pub fn plain_quiz_intro(lang: Lang, title: &str, questions: usize, pass_percent: u8) -> String {
    let mark = pass_mark(lang, pass_percent);
    match (lang, questions) {
        (Lang::De, 1) => format!("{title}: 1 Frage. {mark}."),
        (Lang::De, n) => format!("{title}: {n} Fragen. {mark}."),
        (Lang::En, 1) => format!("{title}: 1 question. {mark}."),
        (Lang::En, n) => format!("{title}: {n} questions. {mark}."),
    }
}

/// In a repeat of the wrong ones: the questions already right count towards the score.
pub fn plain_carried(lang: Lang, questions: usize) -> String {
    match (lang, questions) {
        (Lang::De, 1) => {
            "Eine Frage war schon im letzten Versuch richtig; sie zählt mit.".to_string()
        }
        (Lang::De, n) => {
            format!("{n} Fragen waren schon im letzten Versuch richtig; sie zählen mit.")
        }
        (Lang::En, 1) => {
            "One question was already right in the last attempt; it counts.".to_string()
        }
        (Lang::En, n) => {
            format!("{n} questions were already right in the last attempt; they count.")
        }
    }
}

/// An order question's hint, with an example of the question's own length ("3 1 2").
pub fn plain_order_expected(lang: Lang, example: &str) -> String {
    match lang {
        Lang::De => format!(
            "Bitte alle Nummern in der richtigen Reihenfolge eingeben, zum Beispiel {example}."
        ),
        Lang::En => format!("Please type every number in the right order, for example {example}."),
    }
}

/// The prompt under an order question, with an example of its own length.
pub fn plain_answer_order(lang: Lang, example: &str) -> String {
    match lang {
        Lang::De => {
            format!("Nummern in der richtigen Reihenfolge eingeben, zum Beispiel {example}")
        }
        Lang::En => format!("Type the numbers in the right order, for example {example}"),
    }
}

/// The prompt under a match question, with an example of its own items and partners.
pub fn plain_answer_match(lang: Lang, example: &str) -> String {
    match lang {
        Lang::De => format!(
            "Zu jeder Nummer den Buchstaben ihres Partners eingeben, zum Beispiel {example}"
        ),
        Lang::En => {
            format!("Type each number with the letter of its partner, for example {example}")
        }
    }
}

/// What a match answer must be, with an example of the question's own items and partners.
pub fn plain_match_expected(lang: Lang, items: usize, example: &str) -> String {
    match lang {
        Lang::De => format!(
            "Bitte jede der {items} Nummern einmal mit dem Buchstaben eines Partners eingeben, zum Beispiel {example}."
        ),
        Lang::En => format!(
            "Please type each of the {items} numbers once with the letter of a partner, for example {example}."
        ),
    }
}

/// The prompt under a numeric question, with its unit when it has one.
pub fn plain_answer_number(lang: Lang, unit: Option<&str>) -> String {
    match (lang, unit) {
        (Lang::De, Some(unit)) => format!("Zahl in {unit} eingeben, zum Beispiel 3,5"),
        (Lang::De, None) => "Zahl eingeben, zum Beispiel 3,5".to_owned(),
        (Lang::En, Some(unit)) => format!("Type a number in {unit}, for example 3.5"),
        (Lang::En, None) => "Type a number, for example 3.5".to_owned(),
    }
}

/// A command word typed where it does nothing: said, with the way to hear what works.
pub fn plain_not_here(lang: Lang, word: &str) -> String {
    match lang {
        Lang::De => format!("„{word}“ geht hier nicht; „hilfe“ nennt, was hier geht."),
        Lang::En => format!("“{word}” does not work here; “help” names what does."),
    }
}

/// One line of the help: the command as typed, and what it does.
pub fn plain_command_line(lang: Lang, command: &str, what: &str) -> String {
    match lang {
        Lang::De => format!("- „{command}“: {what}"),
        Lang::En => format!("- “{command}”: {what}"),
    }
}

/// The help's line for the menu's numbers.
pub fn plain_help_number(lang: Lang, count: usize) -> String {
    match (lang, count) {
        (Lang::De, 1) => "- 1: wählt den Eintrag".to_string(),
        (Lang::De, n) => format!("- eine Zahl von 1 bis {n}: wählt diesen Eintrag"),
        (Lang::En, 1) => "- 1: picks the entry".to_string(),
        (Lang::En, n) => format!("- a number from 1 to {n}: picks that entry"),
    }
}

/// Said after "Gelernt" is set or taken back, so the change is heard, not only seen in a list.
pub fn plain_learned_marked(lang: Lang, label: &str, learned: bool) -> String {
    match (lang, learned) {
        (Lang::De, true) => format!("„{label}“ ist als gelernt markiert."),
        (Lang::De, false) => format!("„{label}“ ist nicht mehr als gelernt markiert."),
        (Lang::En, true) => format!("“{label}” is marked as learned."),
        (Lang::En, false) => format!("“{label}” is no longer marked as learned."),
    }
}

/// `abschnitt N` with an N the module does not have.
pub fn plain_no_such_section(lang: Lang, total: usize) -> String {
    let word = T::PlainSectionWord.get(lang);
    match (lang, total) {
        (Lang::De, 1) => format!("Dieses Modul hat einen Abschnitt: „{word} 1“ liest ihn."),
        (Lang::De, n) => {
            format!("Bitte „{word}“ und eine Zahl von 1 bis {n} eingeben, zum Beispiel „{word} 2“.")
        }
        (Lang::En, 1) => format!("This module has one section: “{word} 1” reads it."),
        (Lang::En, n) => {
            format!("Please type “{word}” and a number from 1 to {n}, for example “{word} 2”.")
        }
    }
}

/// One line of a module's table of contents.
pub fn plain_contents_line(lang: Lang, number: usize, title: &str, read: bool) -> String {
    let read = if read {
        format!(" ({})", T::PlainSectionRead.get(lang))
    } else {
        String::new()
    };
    match lang {
        Lang::De => format!("Abschnitt {number}: {title}{read}"),
        Lang::En => format!("Section {number}: {title}{read}"),
    }
}

/// Before the search results: how many, for what, and whether only the first are listed.
pub fn plain_search_found(lang: Lang, query: &str, hits: usize, more: bool) -> String {
    let text = match (lang, hits) {
        (Lang::De, 1) => format!("1 Fundstelle für „{query}“"),
        (Lang::De, n) => format!("{n} Fundstellen für „{query}“"),
        (Lang::En, 1) => format!("1 result for “{query}”"),
        (Lang::En, n) => format!("{n} results for “{query}”"),
    };
    match (lang, more) {
        (Lang::De, true) => format!("{text}, nur die ersten; ein genaueres Wort findet weniger:"),
        (Lang::En, true) => format!("{text}, only the first; a more exact word finds fewer:"),
        (_, false) => format!("{text}:"),
    }
}

pub fn plain_search_nothing(lang: Lang, query: &str) -> String {
    match lang {
        Lang::De => format!("Nichts gefunden für „{query}“."),
        Lang::En => format!("Nothing found for “{query}”."),
    }
}

/// One search result: "C2 Messenger & SMS – Gruppen: …Text um das Wort…".
pub fn plain_search_hit(
    lang: Lang,
    module: &str,
    section: Option<&str>,
    context: Option<&str>,
) -> String {
    match (section, context) {
        (Some(section), Some(context)) => format!("{module} – {section}: {context}"),
        (Some(section), None) => format!("{module} – {section}"),
        (None, _) => format!("{module} ({})", T::PlainModuleTitleHit.get(lang)),
    }
}

/// One module in the progress overview: status, best score and its day, "Gelernt" and its day.
pub fn plain_overview_line(
    lang: Lang,
    label: &str,
    status: ModuleStatus,
    best: Option<(u8, &str)>,
    learned_on: Option<&str>,
    attempts: usize,
) -> String {
    let mut text = format!("{label}: {}", T::status(status).get(lang));
    if let Some((percent, day)) = best {
        text.push_str(&match lang {
            Lang::De => format!(", beste Punktzahl {percent} % am {day}"),
            Lang::En => format!(", best score {percent}% on {day}"),
        });
    }
    if attempts > 0 {
        text.push_str(&format!(" ({})", self::attempts(lang, attempts)));
    }
    if let Some(day) = learned_on {
        text.push_str(&match lang {
            Lang::De => format!(", als gelernt markiert am {day}"),
            Lang::En => format!(", marked as learned on {day}"),
        });
    }
    text
}
