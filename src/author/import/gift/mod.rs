//! Moodle's GIFT format read into the import model, every question with its place in the file:
//! comments, `$CATEGORY:`, `::title::`, text formats, escapes, and every question type GIFT has.
//! Linear in the size of the input; no input makes it panic (a property test feeds it noise).

mod kinds;
mod question;
#[cfg(test)]
mod tests;
mod text;

use std::ops::Range;
use std::path::Path;

use super::{Bank, Group, Item, without_controls};
use text::{Piece, blank_comments, chunks};

use crate::diagnostic::{Code, Diagnostic, Report};

pub use text::escape;

/// The comment `kurs export gift` writes above a multiple choice question that kurs grades all
/// or nothing, which GIFT cannot say: Moodle ignores it, `kurs import` reads the question back
/// as it was (without it, weights are partial credit, as in Moodle).
pub const ALL_OR_NOTHING: &str = "kurs: all or nothing";

/// What Moodle shows in place of the answer block of a missing-word question.
pub const BLANK: &str = "_____";

/// Reads a GIFT file. Errors (E101, E102) and what was changed or kept as a section (W101,
/// W102) go into the report with their places; the bank holds every question that could be read.
pub fn parse(source: &str, file: &Path) -> (Bank, Report) {
    let mut reader = Reader {
        source,
        file,
        report: Report::default(),
        bank: Bank::default(),
        group: 0,
        paths: vec![None],
        all_or_nothing: false,
    };
    reader.bank.groups.push(Group::default());
    reader.report_controls();
    let blanked = blank_comments(source);
    for range in chunks(source) {
        reader.chunk(Piece {
            text: &blanked[range.clone()],
            at: range.start,
        });
    }
    reader.bank.groups.retain(|group| !group.items.is_empty());
    if reader.bank.groups.is_empty() && reader.report.errors() == 0 {
        reader.report.push(
            Diagnostic::file(Code::ImportNothing, file, "the file holds no question")
                .with_help("GIFT questions are separated by blank lines and end with an answer block such as {=right ~wrong}"),
        );
    }
    reader.report.files = 1;
    (reader.bank, reader.report)
}

struct Reader<'a> {
    source: &'a str,
    file: &'a Path,
    report: Report,
    bank: Bank,
    /// The group questions go into now.
    group: usize,
    /// The full category path of each group: two categories of the same last name stay apart.
    paths: Vec<Option<String>>,
    /// The question being read has the comment [`ALL_OR_NOTHING`] above it.
    all_or_nothing: bool,
}

impl<'a> Reader<'a> {
    fn error(&mut self, span: Range<usize>, message: impl Into<String>, help: &str) {
        // Past the diagnostics kept per file only the count matters; finding the line of each
        // would read the file again for every one.
        if self.report.is_full(self.file) {
            self.report
                .push(Diagnostic::file(Code::ImportUnreadable, self.file, ""));
            return;
        }
        let diagnostic = Diagnostic::at(
            Code::ImportUnreadable,
            self.file,
            self.source,
            span,
            message,
        );
        self.report.push(if help.is_empty() {
            diagnostic
        } else {
            diagnostic.with_help(help)
        });
    }

    fn warn(&mut self, code: Code, span: Range<usize>, message: impl Into<String>) {
        if self.report.is_full(self.file) {
            self.report.push(Diagnostic::file(code, self.file, ""));
            return;
        }
        self.report
            .push(Diagnostic::at(code, self.file, self.source, span, message));
    }

    /// Every control character kurs would refuse (E020) is replaced, and said where.
    fn report_controls(&mut self) {
        let found: Vec<usize> = self
            .source
            .char_indices()
            .filter(|&(_, c)| c.is_control() && c != '\n' && c != '\t' && c != '\r')
            .map(|(i, _)| i)
            .take(crate::diagnostic::MAX_DIAGNOSTICS_PER_FILE)
            .collect();
        for at in found {
            self.warn(
                Code::ImportChanged,
                at..at + 1,
                "a control character, which could drive the learner's terminal, is replaced by U+FFFD",
            );
        }
    }

    fn push(&mut self, item: Item) {
        if let Some(group) = self.bank.groups.get_mut(self.group) {
            group.items.push(item);
        }
    }

    fn chunk(&mut self, chunk: Piece<'_>) {
        // Comments are blanked in `chunk`; the marker is looked for in the file's own text.
        self.all_or_nothing = self
            .source
            .get(chunk.span())
            .unwrap_or("")
            .lines()
            .filter_map(|line| line.trim_start().strip_prefix("//"))
            .any(|comment| comment.trim() == ALL_OR_NOTHING);
        let chunk = chunk.trim();
        if chunk.is_blank() {
            return;
        }
        if let Some(rest) = chunk.text.strip_prefix("$CATEGORY:") {
            let rest = chunk.from(chunk.text.len() - rest.len());
            let line_end = rest.text.find('\n').unwrap_or(rest.text.len());
            self.category(rest.to(line_end).trim());
            let after = rest.from(line_end).trim();
            if !after.is_blank() {
                self.question(after);
            }
            return;
        }
        self.question(chunk);
    }

    fn category(&mut self, path: Piece<'_>) {
        // Moodle writes a `/` inside a category's name as `//`.
        let path = path.text.replace("//", "\u{0}");
        let name = path
            .split('/')
            .map(|part| part.replace('\u{0}', "/").trim().to_owned())
            .rfind(|part| !part.is_empty() && !part.starts_with('$'))
            .map(|name| without_controls(&name).0);
        let key = Some(path.trim().to_owned());
        self.group = match self.paths.iter().position(|known| *known == key) {
            Some(at) => at,
            None => {
                self.bank.groups.push(Group {
                    category: name,
                    items: Vec::new(),
                });
                self.paths.push(key);
                self.bank.groups.len() - 1
            }
        };
    }
}
