//! The command words of plain mode, in both languages: the ones that leave a menu or a question
//! and the ones that ask for something (help, the list again, a search). Plain mode obeys them;
//! `kurs check` warns of an accepted answer that plain mode would take for one (W008).

use crate::i18n::{Lang, T};

/// A word typed instead of a number or an answer: one that leaves the current menu or question,
/// or one that asks for something. Which of them a menu takes is the menu's choice; the words
/// themselves are the same everywhere.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    Back,
    Quit,
    /// `hilfe`, `help`, `?`: the commands that work where it is typed.
    Help,
    /// `liste`, `list`: the menu or question once more.
    List,
    /// `inhalt`, `contents`: a module's sections as a table of contents.
    Contents,
    /// `übersicht`, `overview`: every module's progress.
    Overview,
    /// `suche WORT`, `search WORD`; the words after it, empty when none were typed.
    Search(String),
    /// `abschnitt N`, `section N`; `None` when N is missing or not a number.
    Section(Option<usize>),
}

/// In a question, a command starts with this mark: what is typed without it is an answer, so
/// a right answer "zurück" or "Ende" is graded, never taken for leaving.
pub const COMMAND_MARK: char = '/';

/// The command `line` names, without its mark. The words of both languages count, so a
/// learner never has to know which one is active.
pub fn command(line: &str) -> Option<Command> {
    let line = line.trim();
    let (word, rest) = line
        .split_once(char::is_whitespace)
        .map_or((line, ""), |(word, rest)| (word, rest.trim()));
    let word = word.to_lowercase();
    let said = |text: T| {
        [Lang::De, Lang::En]
            .iter()
            .any(|&lang| text.get(lang) == word)
    };
    // Words that take something after them.
    if said(T::PlainSearchWord) {
        return Some(Command::Search(rest.to_string()));
    }
    if said(T::PlainSectionWord) {
        return Some(Command::Section(number(rest)));
    }
    if !rest.is_empty() {
        // "zurück bitte" is not the word for back: at a menu it is refused, in a question graded.
        return None;
    }
    // "zurueck", "uebersicht" for keyboards without umlauts; "q" because many terminal programs
    // quit with it; "?" because help is asked for with it in many programs.
    if said(T::PlainBack) || word == "zurueck" {
        Some(Command::Back)
    } else if said(T::PlainQuit) || word == "q" {
        Some(Command::Quit)
    } else if said(T::PlainHelpWord) || word == "?" {
        Some(Command::Help)
    } else if said(T::PlainListWord) {
        Some(Command::List)
    } else if said(T::PlainContentsWord) {
        Some(Command::Contents)
    } else if said(T::PlainOverviewWord) || word == "uebersicht" {
        Some(Command::Overview)
    } else {
        None
    }
}

/// The command a line typed in a question stands for: only a marked word is one.
pub fn marked_command(line: &str) -> Option<Command> {
    line.trim().strip_prefix(COMMAND_MARK).and_then(command)
}

/// A section number as typed: digits, perhaps with the menu's "2."; absurdly long ones are none.
fn number(token: &str) -> Option<usize> {
    let digits = token.strip_suffix('.').unwrap_or(token);
    if digits.is_empty() || digits.len() > 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_of_both_languages_and_their_spare_spellings_are_commands() {
        for word in ["zurück", "Zurück", "back", "zurueck"] {
            assert_eq!(command(word), Some(Command::Back), "{word}");
        }
        for word in ["ende", "ENDE", "quit", "q"] {
            assert_eq!(command(word), Some(Command::Quit), "{word}");
        }
        for word in ["hilfe", "help", "?"] {
            assert_eq!(command(word), Some(Command::Help), "{word}");
        }
        assert_eq!(command("uebersicht"), Some(Command::Overview));
        assert_eq!(
            command("suche Phishing"),
            Some(Command::Search("Phishing".into()))
        );
        assert_eq!(command("abschnitt 2"), Some(Command::Section(Some(2))));
        assert_eq!(command("zurück bitte"), None);
        assert_eq!(command("DSGVO"), None);
    }

    #[test]
    fn only_a_word_behind_the_mark_is_a_marked_command() {
        assert_eq!(marked_command(" /quit "), Some(Command::Quit));
        assert_eq!(marked_command("/zurück"), Some(Command::Back));
        assert_eq!(marked_command("/hilfe"), Some(Command::Help));
        assert_eq!(marked_command("quit"), None);
        assert_eq!(marked_command("/DSGVO"), None);
        assert_eq!(marked_command("/"), None);
    }
}
