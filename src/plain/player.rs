//! The plain player's voice: every line goes out through `say`, neutralised; menus are
//! numbered lines, answers are read a line at a time, a save problem is told once.

use std::io::{BufRead, Write};

use super::answer::{self, Asked, Command, menu_number};
use super::{Player, Step, Stop, input};
use crate::i18n::{self, T};
use crate::markdown;
use crate::progress::store::StoreNotice;
use crate::safe_text::{folded, sanitize, single_line};

impl<R: BufRead, W: Write> Player<R, W> {
    /// Prints the menu, then asks until a number from it or the word for back is typed.
    pub(super) fn menu(&mut self, lines: &[MenuLine], what: T) -> Step<Pick> {
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
        let prompt = i18n::plain_prompt(self.lang, what.get(self.lang));
        loop {
            let Reply::Line(line) = self.ask(&prompt, Asked::Menu)? else {
                return Ok(Pick::Back);
            };
            match menu_number(&line, count) {
                Some(i) => return Ok(Pick::Entry(i)),
                None => self.say(&i18n::plain_number_expected(self.lang, count))?,
            }
        }
    }

    /// Writes the prompt and reads the learner's line; the word for quitting ends the session.
    pub(super) fn ask(&mut self, prompt: &str, asked: Asked) -> Step<Reply> {
        self.out.write_all(sanitize(prompt).as_bytes())?;
        self.out.flush()?;
        // A failing stdin is, for the learner, the same as one that has ended.
        let Ok(Some(line)) = input::read_line(&mut self.input) else {
            return Err(Stop::EndOfInput);
        };
        if self.echo {
            writeln!(self.out, "{}", echo_of(&line))?;
        }
        match answer::command_in(asked, &line) {
            Some(Command::Quit) => Err(Stop::Quit),
            Some(Command::Back) => Ok(Reply::Back),
            None => Ok(Reply::Line(line)),
        }
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

    /// Course Markdown as clean text: lists with "- ", links with their address.
    pub(super) fn markdown(&mut self, text: &str) -> Step {
        let lines: Vec<String> = markdown::render(text, self.width, markdown::Style::PLAIN)
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

/// A line the learner typed, or the word for going back.
pub(super) enum Reply {
    Back,
    Line(String),
}

/// What was picked in a numbered menu.
pub(super) enum Pick {
    Back,
    Entry(usize),
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
