//! The words that leave a menu or a question in plain mode, in both languages. Plain mode obeys
//! them; `kurs check` warns of an accepted answer that plain mode would take for one (W008).

use crate::i18n::{Lang, T};

/// A word that leaves the current menu or question instead of answering it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    Back,
    Quit,
}

/// In a question, a command starts with this mark: what is typed without it is an answer, so
/// a right answer "zurück" or "Ende" is graded, never taken for leaving.
pub const COMMAND_MARK: char = '/';

/// The command `line` names, without its mark. The words of both languages count, so a
/// learner never has to know which one is active.
pub fn command(line: &str) -> Option<Command> {
    let word = line.trim().to_lowercase();
    let said = |text: T| {
        [Lang::De, Lang::En]
            .iter()
            .any(|&lang| text.get(lang) == word)
    };
    // "zurueck" for keyboards without umlauts; "q" because many terminal programs quit with it.
    if said(T::PlainBack) || word == "zurueck" {
        Some(Command::Back)
    } else if said(T::PlainQuit) || word == "q" {
        Some(Command::Quit)
    } else {
        None
    }
}

/// The command a line typed in a question stands for: only a marked word is one.
pub fn marked_command(line: &str) -> Option<Command> {
    line.trim().strip_prefix(COMMAND_MARK).and_then(command)
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
        assert_eq!(command("hilfe"), None);
    }

    #[test]
    fn only_a_word_behind_the_mark_is_a_marked_command() {
        assert_eq!(marked_command(" /quit "), Some(Command::Quit));
        assert_eq!(marked_command("/zurück"), Some(Command::Back));
        assert_eq!(marked_command("quit"), None);
        assert_eq!(marked_command("/DSGVO"), None);
        assert_eq!(marked_command("/"), None);
    }
}
