//! The plain player's voice: every line goes out through `say`, neutralised; menus are
//! numbered lines that also take command words (help, the list again, what a menu offers),
//! answers are read a line at a time, a save problem is told once.

use std::io::Write;
use std::time::Instant;

use super::answer::{self, Asked, Command, menu_number};
use super::input::Waited;
use super::{Player, Step, Stop};
use crate::i18n::{self, Lang, T};
use crate::markdown;
use crate::progress::store::StoreNotice;
use crate::safe_text::{folded, sanitize, single_line};

impl<W: Write> Player<W> {
    /// Prints the menu, then asks until a number from it or the word for back is typed.
    pub(super) fn menu(&mut self, lines: &[MenuLine], what: T) -> Step<Pick> {
        self.menu_offering(lines, what, &[])
    }

    /// A menu that also takes the commands in `offers`: typing one returns it for the caller to
    /// carry out. Help and the list again are answered here, in every menu alike.
    pub(super) fn menu_offering(
        &mut self,
        lines: &[MenuLine],
        what: T,
        offers: &[Offer],
    ) -> Step<Pick> {
        // Without a deadline the wait ends only with a pick or a stop.
        Ok(self
            .menu_until(lines, what, offers, None)?
            .unwrap_or(Pick::Back))
    }

    /// `menu_offering` that stops waiting at `deadline` (an exam's time): `None` then, with the
    /// prompt's line ended, for the caller to say why.
    pub(super) fn menu_until(
        &mut self,
        lines: &[MenuLine],
        what: T,
        offers: &[Offer],
        deadline: Option<Instant>,
    ) -> Step<Option<Pick>> {
        let count = lines
            .iter()
            .filter(|l| matches!(l, MenuLine::Entry(_)))
            .count();
        let prompt = i18n::plain_prompt(self.lang, what.get(self.lang));
        self.say_menu(lines)?;
        loop {
            let Some(reply) = self.ask_until(&prompt, Asked::Menu, deadline)? else {
                return Ok(None);
            };
            let line = match reply {
                Reply::Back => return Ok(Some(Pick::Back)),
                Reply::Line(line) => line,
                Reply::Command(Command::Help) => {
                    self.menu_help(count, offers)?;
                    continue;
                }
                Reply::Command(Command::List) => {
                    self.say_menu(lines)?;
                    continue;
                }
                Reply::Command(command) if offers.iter().any(|o| o.takes(&command)) => {
                    return Ok(Some(Pick::Command(command)));
                }
                Reply::Command(command) => {
                    self.not_here(&command)?;
                    continue;
                }
            };
            match menu_number(&line, count) {
                Some(i) => return Ok(Some(Pick::Entry(i))),
                None => {
                    self.say(&i18n::plain_number_expected(self.lang, count))?;
                    // A number out of range needs only the range; an empty line or a word may
                    // come from someone who lost track, so they hear how to get the list back.
                    if line.trim().is_empty()
                        || !line.trim().starts_with(|c: char| c.is_ascii_digit())
                    {
                        self.say(T::PlainEmptyHint.get(self.lang))?;
                    }
                }
            }
        }
    }

    /// The menu's lines, numbered; the first menu of a session ends with how to get help.
    fn say_menu(&mut self, lines: &[MenuLine]) -> Step {
        self.blank()?;
        let mut count = 0;
        for line in lines {
            match line {
                MenuLine::Heading(text) => self.say(text)?,
                MenuLine::Entry(text) => {
                    count += 1;
                    self.say(&format!("{count}. {text}"))?;
                }
            }
        }
        self.announce_help()
    }

    /// "Tippe „hilfe“ für alle Befehle", once a session, before the first prompt.
    pub(super) fn announce_help(&mut self) -> Step {
        if !self.help_told {
            self.help_told = true;
            self.say(T::PlainHelpAnnounce.get(self.lang))?;
        }
        Ok(())
    }

    /// The commands of a menu: its numbers, what it offers, and the words every menu knows.
    fn menu_help(&mut self, count: usize, offers: &[Offer]) -> Step {
        let lang = self.lang;
        let mut lines = vec![T::PlainHelpHeading.get(lang).to_string()];
        if count > 0 {
            lines.push(i18n::plain_help_number(lang, count));
        }
        for offer in offers {
            let (command, what) = offer.help(lang);
            lines.push(i18n::plain_command_line(lang, &command, what.get(lang)));
        }
        for (word, what) in [
            (T::PlainListWord, T::PlainHelpList),
            (T::PlainHelpWord, T::PlainHelpHelp),
            (T::PlainBack, T::PlainHelpBack),
            (T::PlainQuit, T::PlainHelpQuit),
        ] {
            lines.push(i18n::plain_command_line(
                lang,
                word.get(lang),
                what.get(lang),
            ));
        }
        for line in &lines {
            self.say(line)?;
        }
        Ok(())
    }

    /// A command word typed where it does nothing.
    pub(super) fn not_here(&mut self, command: &Command) -> Step {
        let word = match command {
            Command::Back => T::PlainBack,
            Command::Quit => T::PlainQuit,
            Command::Help => T::PlainHelpWord,
            Command::List => T::PlainListWord,
            Command::Contents => T::PlainContentsWord,
            Command::Overview => T::PlainOverviewWord,
            Command::Search(_) => T::PlainSearchWord,
            Command::Section(_) => T::PlainSectionWord,
        };
        let text = i18n::plain_not_here(self.lang, word.get(self.lang));
        self.say(&text)
    }

    /// Writes the prompt and reads the learner's line; the word for quitting ends the session.
    pub(super) fn ask(&mut self, prompt: &str, asked: Asked) -> Step<Reply> {
        // Without a deadline there is always a reply (or a stop).
        self.ask_until(prompt, asked, None)?.ok_or(Stop::EndOfInput)
    }

    /// `ask` that stops waiting at `deadline`: `None` then, with the prompt's line ended so the
    /// next line said stands on its own (what the learner has typed so far stays theirs: it
    /// arrives as the next line).
    pub(super) fn ask_until(
        &mut self,
        prompt: &str,
        asked: Asked,
        deadline: Option<Instant>,
    ) -> Step<Option<Reply>> {
        self.out.write_all(sanitize(prompt).as_bytes())?;
        self.out.flush()?;
        let line = match self.input.next(deadline) {
            Waited::Line(line) => line,
            Waited::End => return Err(Stop::EndOfInput),
            Waited::Deadline => {
                writeln!(self.out)?;
                return Ok(None);
            }
        };
        if self.echo {
            writeln!(self.out, "{}", echo_of(&line))?;
        }
        Ok(Some(match answer::command_in(asked, &line) {
            Some(Command::Quit) => return Err(Stop::Quit),
            Some(Command::Back) => Reply::Back,
            Some(command) => Reply::Command(command),
            None => Reply::Line(line),
        }))
    }

    /// What a save said: a problem is told once, in one sentence.
    pub(super) fn saved(&mut self, notice: Option<StoreNotice>) -> Step {
        if let Some(notice) = notice {
            let text = i18n::store_notice(self.lang, &notice);
            if self.last_notice.as_deref() != Some(text.as_str()) {
                self.say(&text)?;
                self.last_notice = Some(text);
            }
        }
        self.records_told()
    }

    /// A learning record that could not be written, and how many wait for an LRS that cannot
    /// be reached, each said when it is new.
    fn records_told(&mut self) -> Step {
        let Some(journal) = self.journal.as_mut() else {
            return Ok(());
        };
        let problem = journal.take_problem();
        let waiting = journal.waiting_unsent();
        if let Some(problem) = problem {
            let text = i18n::records_not_saved(self.lang, &problem.to_string());
            if self.last_notice.as_deref() != Some(text.as_str()) {
                self.say(&text)?;
                self.last_notice = Some(text);
            }
        }
        if waiting != self.waiting_told {
            self.waiting_told = waiting;
            if let Some(n) = waiting {
                self.say(&i18n::records_waiting(self.lang, n))?;
            }
        }
        Ok(())
    }

    /// Every line goes out through here, neutralised, so no course text, file name or typed
    /// answer can reach the terminal as a control sequence.
    pub(super) fn say(&mut self, text: &str) -> Step {
        self.out.write_all(sanitize(text).as_bytes())?;
        self.out.write_all(b"\n")?;
        Ok(())
    }

    pub(super) fn blank(&mut self) -> Step {
        self.out.write_all(b"\n")?;
        Ok(())
    }

    /// Course Markdown as clean text: lists with "- ", links with their address, tables one row
    /// to a line, struck-out text and task boxes in words.
    pub(super) fn markdown(&mut self, text: &str) -> Step {
        let style = markdown::Style::PLAIN.told_in(self.lang);
        let lines: Vec<String> = markdown::render(text, self.width, style)
            .iter()
            .map(|l| l.text().trim_end().to_string())
            .collect();
        let first = lines
            .iter()
            .position(|l| !l.is_empty())
            .unwrap_or(lines.len());
        let last = lines
            .iter()
            .rposition(|l| !l.is_empty())
            .map_or(first, |l| l + 1);
        for line in &lines[first..last.max(first)] {
            self.say(line)?;
        }
        Ok(())
    }

    /// "1. …", "2. …" for choices and items.
    pub(super) fn numbered(&mut self, texts: &[&str]) -> Step {
        for (i, text) in texts.iter().enumerate() {
            self.say(&format!("{}. {}", i + 1, folded(text)))?;
        }
        Ok(())
    }
}

/// A line the learner typed, the word for going back, or another command word.
pub(super) enum Reply {
    Back,
    Line(String),
    Command(Command),
}

/// What was picked in a numbered menu.
pub(super) enum Pick {
    Back,
    Entry(usize),
    /// One of the commands the menu offered.
    Command(Command),
}

/// A command a menu takes besides its numbers, back, quit, help and the list again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Offer {
    Search,
    Overview,
    Contents,
    Section,
}

impl Offer {
    fn takes(self, command: &Command) -> bool {
        matches!(
            (self, command),
            (Offer::Search, Command::Search(_))
                | (Offer::Overview, Command::Overview)
                | (Offer::Contents, Command::Contents)
                | (Offer::Section, Command::Section(_))
        )
    }

    /// The command as the help writes it, and what it does.
    fn help(self, lang: Lang) -> (String, T) {
        match self {
            Offer::Search => (
                format!(
                    "{} {}",
                    T::PlainSearchWord.get(lang),
                    T::PlainWordArg.get(lang)
                ),
                T::PlainHelpSearch,
            ),
            Offer::Overview => (
                T::PlainOverviewWord.get(lang).to_string(),
                T::PlainHelpOverview,
            ),
            Offer::Contents => (
                T::PlainContentsWord.get(lang).to_string(),
                T::PlainHelpContents,
            ),
            Offer::Section => (
                format!("{} N", T::PlainSectionWord.get(lang)),
                T::PlainHelpSection,
            ),
        }
    }
}

/// A menu line: a heading that only orients, or an entry with a number.
pub(super) enum MenuLine {
    Heading(String),
    Entry(String),
}

/// What was typed, as written back after the prompt; a huge line is shown cut.
fn echo_of(line: &str) -> String {
    const SHOWN: usize = 200;
    let line = single_line(line);
    match line.char_indices().nth(SHOWN) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_lines_are_echoed_cut_and_without_control_characters() {
        let echo = echo_of("1\u{1b}[2J\u{9b}");
        assert!(echo.starts_with('1') && echo.contains("[2J"), "{echo:?}");
        assert!(!echo.chars().any(char::is_control), "{echo:?}");
        let long = "a".repeat(10_000);
        assert_eq!(echo_of(&long).chars().count(), 201);
    }
}
