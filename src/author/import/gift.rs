//! Moodle's GIFT format read into the import model, every question with its place in the file:
//! comments, `$CATEGORY:`, `::title::`, text formats, escapes, and every question type GIFT has.
//! Linear in the size of the input; no input makes it panic (a property test feeds it noise).

use std::ops::Range;
use std::path::Path;

use super::html;
use super::{Bank, Choice, Group, Item, ItemKind, Kept, without_controls};
use crate::course::{Accepted, CreditRange, MatchPair, NumberRange, fold_answer};
use crate::diagnostic::{Code, Diagnostic, Report};

/// The comment `kurs export gift` writes above a multiple choice question that kurs grades all
/// or nothing, which GIFT cannot say: Moodle ignores it, `kurs import` reads the question back
/// as it was (without it, weights are partial credit, as in Moodle).
pub const ALL_OR_NOTHING: &str = "kurs: all or nothing";

/// The characters a backslash escapes (besides `n`, a line break).
const SPECIAL: [char; 7] = ['~', '=', '#', '{', '}', ':', '\\'];

/// What Moodle shows in place of the answer block of a missing-word question.
pub const BLANK: &str = "_____";

/// `text` written as GIFT text: every special character escaped and line breaks as `\n`, so
/// that reading it back gives `text` again.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            c if SPECIAL.contains(&c) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

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

/// A part of the source: its text and the byte offset where it starts in the whole file.
#[derive(Clone, Copy, Debug)]
struct Piece<'a> {
    text: &'a str,
    at: usize,
}

/// One character of GIFT text with escapes folded: its byte range in the piece, the character
/// meant, and whether it was escaped (then it has no special meaning).
#[derive(Clone, Copy, Debug)]
struct Unit {
    start: usize,
    end: usize,
    c: char,
    escaped: bool,
}

fn units(text: &str) -> impl Iterator<Item = Unit> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, c) = chars.next()?;
        if c == '\\'
            && let Some(&(next_at, next)) = chars.peek()
            && (SPECIAL.contains(&next) || next == 'n')
        {
            chars.next();
            return Some(Unit {
                start,
                end: next_at + next.len_utf8(),
                c: if next == 'n' { '\n' } else { next },
                escaped: true,
            });
        }
        Some(Unit {
            start,
            end: start + c.len_utf8(),
            c,
            escaped: false,
        })
    })
}

impl<'a> Piece<'a> {
    fn span(self) -> Range<usize> {
        self.at..self.at + self.text.len()
    }

    fn slice(self, range: Range<usize>) -> Piece<'a> {
        Piece {
            text: &self.text[range.clone()],
            at: self.at + range.start,
        }
    }

    fn from(self, start: usize) -> Piece<'a> {
        self.slice(start..self.text.len())
    }

    fn to(self, end: usize) -> Piece<'a> {
        self.slice(0..end)
    }

    fn trim(self) -> Piece<'a> {
        let start = self.text.len() - self.text.trim_start().len();
        let end = self.text.trim_end().len().max(start);
        self.slice(start..end)
    }

    fn is_blank(self) -> bool {
        self.text.trim().is_empty()
    }

    /// The offset of the first unescaped `c`.
    fn find(self, c: char) -> Option<usize> {
        units(self.text)
            .find(|u| u.c == c && !u.escaped)
            .map(|u| u.start)
    }

    /// The offset of the first run of `n` unescaped `c`.
    fn find_run(self, c: char, n: usize) -> Option<usize> {
        let mut run = 0;
        let mut first = 0;
        for u in units(self.text) {
            if u.c == c && !u.escaped {
                if run == 0 {
                    first = u.start;
                }
                run += 1;
                if run == n {
                    return Some(first);
                }
            } else {
                run = 0;
            }
        }
        None
    }

    /// Splits at every unescaped marker: the text before the first, then each marker with the
    /// text after it.
    fn split_markers(self, markers: &[char]) -> (Piece<'a>, Vec<(char, Piece<'a>)>) {
        let mut cuts: Vec<(char, usize, usize)> = Vec::new();
        for u in units(self.text) {
            if !u.escaped && markers.contains(&u.c) {
                cuts.push((u.c, u.start, u.end));
            }
        }
        let before = self.to(cuts.first().map_or(self.text.len(), |cut| cut.1));
        let parts = cuts
            .iter()
            .enumerate()
            .map(|(i, &(marker, _, end))| {
                let next = cuts.get(i + 1).map_or(self.text.len(), |cut| cut.1);
                (marker, self.slice(end..next))
            })
            .collect();
        (before, parts)
    }

    /// The text meant: escapes resolved, control characters replaced.
    fn unescape(self) -> String {
        let text: String = units(self.text).map(|u| u.c).collect();
        without_controls(&text).0
    }
}

/// The questions of the file: runs of lines between blank lines (a comment line is not blank).
fn chunks(source: &str) -> Vec<Range<usize>> {
    let mut chunks = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if let Some(from) = start.take() {
                chunks.push(from..end);
            }
        } else {
            start.get_or_insert(offset);
            end = offset + content.len();
        }
        offset += line.len();
    }
    if let Some(from) = start {
        chunks.push(from..end);
    }
    chunks
}

/// The text formats GIFT knows; `[moodle]` is the default, and allows HTML.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Moodle,
    Html,
    Markdown,
    Plain,
}

impl Format {
    fn named(name: &str) -> Option<Format> {
        Some(match name.to_ascii_lowercase().as_str() {
            "moodle" => Format::Moodle,
            "html" => Format::Html,
            "markdown" => Format::Markdown,
            "plain" => Format::Plain,
            _ => return None,
        })
    }

    /// GIFT text for a Markdown key of kurs: HTML converted, plain text escaped.
    fn markdown(self, piece: Piece<'_>) -> String {
        let text = piece.unescape();
        let text = text.trim();
        match self {
            Format::Markdown => text.to_owned(),
            Format::Plain => html::escape_markdown(text, true),
            Format::Moodle => html::to_markdown(text, true),
            Format::Html => html::to_markdown(text, false),
        }
    }

    /// GIFT text for a plain key of kurs (a choice, an accepted answer): HTML as its text.
    fn plain(self, piece: Piece<'_>) -> String {
        let text = piece.unescape();
        match self {
            Format::Moodle | Format::Html => html::to_plain(&text),
            Format::Markdown | Format::Plain => text.trim().to_owned(),
        }
    }
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

/// An answer block split up: the general feedback taken off, and the rest.
struct Answers<'a> {
    block: Piece<'a>,
    rest: Piece<'a>,
    general: Option<Piece<'a>>,
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

    fn question(&mut self, q: Piece<'_>) {
        let span = q.span();
        let mut rest = q;
        let mut title = None;
        if rest.text.starts_with("::") {
            let inner = rest.from(2);
            let Some(end) = inner.find_run(':', 2) else {
                self.error(
                    q.to(2).span(),
                    "the question's title has no closing `::`",
                    "write the title between two pairs of colons: ::Title:: and escape a colon in it as \\:",
                );
                return;
            };
            let name = inner.to(end).unescape().trim().to_owned();
            title = (!name.is_empty()).then_some(name);
            rest = inner.from(end + 2).trim();
        }
        let mut format = Format::Moodle;
        if rest.text.starts_with('[')
            && let Some(close) = rest.text.find(']')
            && let Some(named) = Format::named(&rest.text[1..close])
        {
            format = named;
            rest = rest.from(close + 1);
        }
        let open = rest.find('{');
        let close = rest.find('}');
        let (open, close) = match (open, close) {
            (None, None) => {
                self.description(span, title, format, rest);
                return;
            }
            (Some(open), None) => {
                self.error(
                    rest.slice(open..open + 1).span(),
                    "this answer block has no closing `}`",
                    "close the answers with }, or escape a brace that is text as \\{",
                );
                return;
            }
            (None, Some(close)) => {
                self.error(
                    rest.slice(close..close + 1).span(),
                    "this `}` closes no answer block",
                    "escape a brace that is text as \\}",
                );
                return;
            }
            (Some(open), Some(close)) if close < open => {
                self.error(
                    rest.slice(close..close + 1).span(),
                    "this `}` comes before the `{` of the answer block",
                    "escape a brace that is text as \\}",
                );
                return;
            }
            (Some(open), Some(close)) => (open, close),
        };
        let after = rest.from(close + 1);
        if let Some(again) = after.find('{').or_else(|| after.find('}')) {
            self.error(
                after.slice(again..again + 1).span(),
                "a question can have only one answer block",
                "separate questions by a blank line, or escape a brace that is text as \\{ or \\}",
            );
            return;
        }
        let block = rest.slice(open..close + 1);
        let before = rest.to(open);
        let mut prompt = format.markdown(before);
        if !after.is_blank() {
            // The missing-word form: the blank stands where the answers are.
            let tail = format.markdown(after);
            let gap = if tail.starts_with(|c: char| c.is_alphanumeric()) {
                " "
            } else {
                ""
            };
            prompt = format!("{prompt} {BLANK}{gap}{tail}").trim().to_owned();
        }
        if prompt.is_empty() {
            match &title {
                Some(title) => prompt = html::escape_markdown(title, false),
                None => {
                    self.error(
                        block.span(),
                        "the question has no text before its answers",
                        "write the question before the answer block: What is 2+2? {=4}",
                    );
                    return;
                }
            }
        }
        let inner = block.slice(1..block.text.len() - 1);
        let answers = match inner.find_run('#', 4) {
            Some(at) => Answers {
                block,
                rest: inner.to(at).trim(),
                general: Some(inner.from(at + 4).trim()),
            },
            None => Answers {
                block,
                rest: inner.trim(),
                general: None,
            },
        };
        let explanation = answers
            .general
            .map(|general| format.markdown(general))
            .filter(|text| !text.is_empty());
        let item = Item {
            span,
            title,
            prompt,
            explanation,
            kind: ItemKind::TrueFalse { answer: true },
        };
        let text = answers.rest;
        if text.is_blank() {
            self.warn(
                Code::ImportKeptAsSection,
                block.span(),
                "an essay question kurs cannot grade; kept as a section",
            );
            self.push(Item {
                kind: ItemKind::Kept {
                    what: Kept::Essay,
                    answers: Vec::new(),
                },
                ..item
            });
        } else if text.text.starts_with('#') {
            self.numerical(item, &answers, format);
        } else if text.find('~').is_some() {
            self.choices(item, &answers, format);
        } else if text.find('=').is_some() && text.text.contains("->") {
            self.matching(item, &answers, format);
        } else if let Some(answer) = true_false(text) {
            self.true_false(item, &answers, format, answer);
        } else {
            self.short_answer(item, &answers, format);
        }
    }

    fn description(
        &mut self,
        span: Range<usize>,
        title: Option<String>,
        format: Format,
        text: Piece<'_>,
    ) {
        let mut prompt = format.markdown(text);
        if prompt.is_empty() {
            match &title {
                Some(title) => prompt = html::escape_markdown(title, false),
                None => return,
            }
        }
        self.warn(
            Code::ImportKeptAsSection,
            span.clone(),
            "a description without an answer block; kept as a section",
        );
        self.push(Item {
            span,
            title,
            prompt,
            explanation: None,
            kind: ItemKind::Kept {
                what: Kept::Description,
                answers: Vec::new(),
            },
        });
    }

    /// One answer of a list: `%weight%` taken off the front, `#feedback` off the end.
    fn answer<'t>(&mut self, part: Piece<'t>) -> Option<Answer<'t>> {
        let part = part.trim();
        let mut text = part;
        let mut weight = None;
        if let Some(rest) = part.text.strip_prefix('%') {
            let Some(end) = rest.find('%') else {
                self.error(
                    part.to(1).span(),
                    "this weight has no closing `%`",
                    "write a weight as %50% before the answer",
                );
                return None;
            };
            let number = &rest[..end];
            match number.trim().parse::<f64>() {
                Ok(value) if (-100.0..=100.0).contains(&value) => weight = Some(value),
                _ => {
                    self.error(
                        part.to(end + 2).span(),
                        format!(
                            "the weight `{}` is not a percentage from -100 to 100",
                            crate::safe_text::single_line(number)
                        ),
                        "write a weight as %50% or %-100%",
                    );
                    return None;
                }
            }
            text = part.from(end + 2).trim();
        }
        let (text, feedback) = match text.find('#') {
            Some(at) => (text.to(at).trim(), Some(text.from(at + 1).trim())),
            None => (text, None),
        };
        Some(Answer {
            whole: part,
            weight,
            text,
            feedback: feedback.filter(|f| !f.is_blank()),
        })
    }

    fn choices(&mut self, item: Item, answers: &Answers<'_>, format: Format) {
        let (before, parts) = answers.rest.split_markers(&['~', '=']);
        if !before.is_blank() {
            self.error(
                before.trim().span(),
                "text before the first answer; each answer starts with = (right) or ~ (wrong)",
                "",
            );
            return;
        }
        let mut choices = Vec::new();
        let mut weights = Vec::new();
        let mut equals = 0;
        let mut weighted = false;
        for (marker, part) in parts {
            let Some(answer) = self.answer(part) else {
                return;
            };
            let text = format.plain(answer.text);
            if text.is_empty() {
                self.error(
                    answer.whole.span().start.saturating_sub(1)..answer.whole.span().end,
                    "this answer has no text",
                    "write the answer after = or ~, or remove the mark",
                );
                return;
            }
            let usual = if marker == '=' { 100.0 } else { 0.0 };
            let weight = answer.weight.unwrap_or(usual);
            if marker == '=' {
                equals += 1;
            }
            weighted |= weight != usual;
            weights.push(weight);
            choices.push(Choice {
                text,
                correct: weight > 0.0,
                credit: None,
                feedback: answer
                    .feedback
                    .map(|f| format.markdown(f))
                    .filter(|f| !f.is_empty()),
            });
        }
        let block = answers.block.span();
        let right = choices.iter().filter(|c| c.correct).count();
        if choices.len() < 2 {
            self.error(
                block,
                "a choice question needs at least two answers",
                "add a wrong answer with ~, or write the accepted answers as {=a =b} for a typed answer",
            );
            return;
        }
        if right == 0 {
            self.error(
                block,
                "no answer of this choice question is right",
                "mark the right answer with = or give it a positive weight such as ~%50%",
            );
            return;
        }
        let kind = if equals == 1 && right == 1 {
            if weighted {
                self.warn(
                    Code::ImportChanged,
                    block,
                    "a single choice question is right or wrong in kurs: only the answer marked = counts as right, the weights of the others are dropped",
                );
            }
            ItemKind::Single { choices }
        } else {
            if weighted && !self.all_or_nothing {
                self.credits(&mut choices, &weights, block);
            } else if weighted {
                // Written so by `kurs export gift`: all or nothing, as it was.
            } else if equals > 1 {
                self.warn(
                    Code::ImportChanged,
                    block,
                    "several answers are marked = (any one of them is right in Moodle); kurs asks the learner to tick all of them",
                );
            }
            ItemKind::Multiple { choices }
        };
        self.push(Item { kind, ..item });
    }

    /// Weights of a multiple choice question as `credit`: the right answers' weights, made to
    /// add up to 100 (rounded so that they do); kurs's rule for wrong answers replaces theirs
    /// (each ticked takes off 100 ÷ their number), which is said when theirs differ.
    fn credits(&mut self, choices: &mut [Choice], weights: &[f64], block: Range<usize>) {
        let right: Vec<f64> = weights.iter().copied().filter(|w| *w > 0.0).collect();
        let total: f64 = right.iter().sum();
        if (total - 100.0).abs() > 0.5 {
            self.warn(
                Code::ImportChanged,
                block.clone(),
                format!(
                    "the weights of the right answers add up to {}%, so they are scaled to make 100",
                    number(total)
                ),
            );
        }
        let credits = shares_of_100(&right);
        for (choice, credit) in choices.iter_mut().filter(|c| c.correct).zip(credits) {
            choice.credit = Some(credit);
        }
        let wrong: Vec<f64> = weights.iter().copied().filter(|w| *w <= 0.0).collect();
        let kurs_rule = -100.0 / wrong.len().max(1) as f64;
        if wrong.iter().any(|w| (w - kurs_rule).abs() > 0.01) {
            self.warn(
                Code::ImportChanged,
                block,
                format!(
                    "in kurs each wrong answer ticked takes off {}% (100 ÷ the number of wrong answers); the weights written for the wrong answers are not used",
                    number((100.0 / wrong.len().max(1) as f64 * 100.0).round() / 100.0)
                ),
            );
        }
    }

    fn short_answer(&mut self, item: Item, answers: &Answers<'_>, format: Format) {
        let (before, parts) = answers.rest.split_markers(&['=']);
        if !before.is_blank() {
            self.error(
                before.trim().span(),
                "an accepted answer needs = before it",
                "write the accepted answers as {=one =another}, or a choice question as {=right ~wrong}",
            );
            return;
        }
        let mut accept: Vec<Accepted> = Vec::new();
        let mut notes = Vec::new();
        let mut changed = false;
        for (_, part) in parts {
            let Some(answer) = self.answer(part) else {
                return;
            };
            let text = format.plain(answer.text);
            if text.is_empty() {
                self.error(
                    answer.whole.span().start.saturating_sub(1)..answer.whole.span().end,
                    "this answer has no text",
                    "write the accepted answer after =, or remove the =",
                );
                return;
            }
            let weight = answer.weight.unwrap_or(100.0);
            if weight <= 0.0 {
                changed = true;
            }
            if let Some(feedback) = answer
                .feedback
                .map(|f| format.markdown(f))
                .filter(|f| !f.is_empty())
            {
                changed = true;
                notes.push(format!(
                    "- {}: {}",
                    html::escape_markdown(&text, false),
                    feedback
                ));
            }
            if weight > 0.0 {
                accept.push(Accepted {
                    text,
                    credit: percent_credit(weight),
                });
            }
        }
        if accept.is_empty() {
            self.error(
                answers.block.span(),
                "no accepted answer has a positive weight",
                "write the accepted answers as {=one =another}",
            );
            return;
        }
        let best = accept.iter().map(|a| a.credit).max().unwrap_or(100);
        if best < 100 {
            self.warn(
                Code::ImportChanged,
                answers.block.span(),
                format!(
                    "no accepted answer gives full marks; the best ({best}%) is taken as fully right"
                ),
            );
            for answer in accept.iter_mut().filter(|a| a.credit == best) {
                answer.credit = 100;
            }
        }
        if changed {
            self.warn(
                Code::ImportChanged,
                answers.block.span(),
                "kurs has no feedback per typed answer: the feedback goes into the explanation, and answers without a positive weight are left out",
            );
        }
        let explanation = join_explanation(item.explanation.clone(), notes);
        self.push(Item {
            explanation,
            kind: ItemKind::Text { accept },
            ..item
        });
    }

    fn true_false(&mut self, item: Item, answers: &Answers<'_>, format: Format, answer: bool) {
        // `{T#shown when wrong#shown when right}`
        let parts: Vec<Piece<'_>> = {
            let (first, rest) = answers.rest.split_markers(&['#']);
            std::iter::once(first)
                .chain(rest.into_iter().map(|(_, p)| p))
                .collect()
        };
        let mut notes = Vec::new();
        // Symbols, so that they read in either language.
        let (wrong, right) = ("✗", "✓");
        if let Some(text) = parts.get(1).filter(|p| !p.is_blank()) {
            notes.push(format!("- {wrong}: {}", format.markdown(*text)));
        }
        if let Some(text) = parts.get(2).filter(|p| !p.is_blank()) {
            notes.push(format!("- {right}: {}", format.markdown(*text)));
        }
        if parts.len() > 3 {
            self.error(
                answers.block.span(),
                "a true/false answer takes at most two feedbacks: {T#when wrong#when right}",
                "escape a # that is text as \\#",
            );
            return;
        }
        if !notes.is_empty() {
            self.warn(
                Code::ImportChanged,
                answers.block.span(),
                "kurs has no feedback per answer of a true/false question yet; the feedback goes into the explanation",
            );
        }
        let explanation = join_explanation(item.explanation.clone(), notes);
        self.push(Item {
            explanation,
            kind: ItemKind::TrueFalse { answer },
            ..item
        });
    }

    /// `{#…}`: the first answer with full marks is the right number, the other answers with a
    /// positive weight are ranges with that credit. Without an answer of full marks the
    /// question is kept as a section.
    fn numerical(&mut self, item: Item, answers: &Answers<'_>, format: Format) {
        let body = answers.rest.from(1).trim();
        let (before, parts) = body.split_markers(&['=']);
        let parts: Vec<Piece<'_>> = if before.is_blank() {
            parts.into_iter().map(|(_, p)| p).collect()
        } else if parts.is_empty() {
            vec![before]
        } else {
            self.error(
                before.trim().span(),
                "text before the first answer of a numerical question; with several answers, each starts with =",
                "write {#=1822:0 =%50%1822:2}",
            );
            return;
        };
        let mut lines = Vec::new();
        let mut read: Vec<(NumberRange, f64)> = Vec::new();
        let mut notes = Vec::new();
        for part in parts {
            let Some(answer) = self.answer(part) else {
                return;
            };
            let value = answer.text.unescape();
            let value = value.trim();
            let Some(range) = numeric_range(value) else {
                self.error(
                    answer.text.span(),
                    format!(
                        "`{}` is not a number, a number:tolerance or a range min..max (min not above max, the tolerance not negative)",
                        crate::safe_text::single_line(value)
                    ),
                    "write {#1822}, {#1822:5} or {#1820..1825}",
                );
                return;
            };
            let shown = range_words(range);
            let weight = answer.weight.unwrap_or(100.0);
            let mut line = format!("- {shown}");
            if weight != 100.0 {
                line.push_str(&format!(" ({} %)", number(weight)));
            }
            if let Some(feedback) = answer.feedback {
                let feedback = format.markdown(feedback);
                line.push_str(&format!(": {feedback}"));
                notes.push(format!(
                    "- {}: {feedback}",
                    html::escape_markdown(&shown, false)
                ));
            }
            lines.push(line);
            read.push((range, weight));
        }
        let Some(main) = read.iter().position(|(_, weight)| *weight >= 100.0) else {
            self.warn(
                Code::ImportKeptAsSection,
                answers.block.span(),
                "no answer of this numerical question gives full marks; kept as a section",
            );
            self.push(Item {
                kind: ItemKind::Kept {
                    what: Kept::Numerical,
                    answers: lines,
                },
                ..item
            });
            return;
        };
        let dropped = read.iter().any(|(_, weight)| *weight <= 0.0);
        if dropped || !notes.is_empty() {
            self.warn(
                Code::ImportChanged,
                answers.block.span(),
                "kurs has no feedback per number: the feedback goes into the explanation, and answers without a positive weight are left out",
            );
        }
        let ranges = read
            .iter()
            .enumerate()
            .filter(|(i, (_, weight))| *i != main && *weight > 0.0)
            .map(|(_, (range, weight))| CreditRange {
                range: *range,
                credit: percent_credit(*weight),
            })
            .collect();
        let explanation = join_explanation(item.explanation.clone(), notes);
        self.push(Item {
            explanation,
            kind: ItemKind::Numeric {
                right: read[main].0,
                ranges,
            },
            ..item
        });
    }

    /// `{=left -> right …}`: pairs, and `= -> right` for a distractor. What kurs would refuse
    /// (fewer than two pairs, an item or partner twice, more partners than letters) is kept as
    /// a section.
    fn matching(&mut self, item: Item, answers: &Answers<'_>, format: Format) {
        let (before, parts) = answers.rest.split_markers(&['=']);
        if !before.is_blank() {
            self.error(
                before.trim().span(),
                "each pair of a matching question starts with =",
                "write {=Canada -> Ottawa =Italy -> Rome}",
            );
            return;
        }
        let mut lines = Vec::new();
        let mut pairs = Vec::new();
        let mut distractors = Vec::new();
        for (_, part) in parts {
            let part = part.trim();
            let Some(arrow) = part.text.find("->") else {
                self.error(
                    part.span(),
                    "this answer of a matching question has no `->`",
                    "write each pair as =left -> right",
                );
                return;
            };
            let left = format.plain(part.to(arrow));
            let right = format.plain(part.from(arrow + 2));
            if right.is_empty() {
                self.error(
                    part.span(),
                    "this pair has nothing after `->`",
                    "write each pair as =left -> right",
                );
                return;
            }
            let esc = |t: &str| html::escape_markdown(t, false);
            lines.push(if left.is_empty() {
                format!("- → {}", esc(&right))
            } else {
                format!("- {} → {}", esc(&left), esc(&right))
            });
            if left.is_empty() {
                distractors.push(right);
            } else {
                pairs.push(MatchPair { left, right });
            }
        }
        let partners: Vec<&str> = pairs
            .iter()
            .map(|p| p.right.as_str())
            .chain(distractors.iter().map(String::as_str))
            .collect();
        let why = if pairs.len() < 2 {
            Some("it has fewer than two pairs")
        } else if has_twice(pairs.iter().map(|p| p.left.as_str())) {
            Some("an item is listed twice")
        } else if has_twice(partners.iter().copied()) {
            Some("two items share a partner, which kurs does not allow")
        } else if partners.len() > crate::course::MAX_PARTNERS {
            Some("it has more partners than the letters a to z")
        } else {
            None
        };
        if let Some(why) = why {
            self.warn(
                Code::ImportKeptAsSection,
                answers.block.span(),
                format!("a matching question kurs cannot take as it is ({why}); kept as a section"),
            );
            self.push(Item {
                kind: ItemKind::Kept {
                    what: Kept::Matching,
                    answers: lines,
                },
                ..item
            });
            return;
        }
        self.push(Item {
            kind: ItemKind::Match { pairs, distractors },
            ..item
        });
    }
}

/// Whether two of `texts` are alike once folded as answers are.
fn has_twice<'t>(texts: impl Iterator<Item = &'t str>) -> bool {
    let mut seen = std::collections::HashSet::new();
    texts
        .into_iter()
        .any(|text| !seen.insert(fold_answer(text)))
}

/// A GIFT weight as a credit: rounded to a whole percent, at most 100.
fn percent_credit(weight: f64) -> u8 {
    weight.round().clamp(0.0, 100.0) as u8
}

/// Whole percents in proportion to `weights` that add up to exactly 100: each rounded down,
/// then the points left over go to the largest remainders (the first of equals first).
fn shares_of_100(weights: &[f64]) -> Vec<u8> {
    let total: f64 = weights.iter().sum();
    if weights.is_empty() || total <= 0.0 {
        return vec![0; weights.len()];
    }
    let exact: Vec<f64> = weights.iter().map(|w| w * 100.0 / total).collect();
    let mut shares: Vec<u8> = exact.iter().map(|e| e.floor() as u8).collect();
    let given: u32 = shares.iter().map(|&s| u32::from(s)).sum();
    let mut order: Vec<usize> = (0..exact.len()).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (exact[a] - exact[a].floor(), exact[b] - exact[b].floor());
        rb.total_cmp(&ra).then(a.cmp(&b))
    });
    for &i in order
        .iter()
        .cycle()
        .take(100usize.saturating_sub(given as usize))
    {
        shares[i] = shares[i].saturating_add(1);
    }
    shares
}

struct Answer<'a> {
    whole: Piece<'a>,
    weight: Option<f64>,
    text: Piece<'a>,
    feedback: Option<Piece<'a>>,
}

/// The answer of `{T}`, `{FALSE#…}` and the like, `None` for other answers.
fn true_false(text: Piece<'_>) -> Option<bool> {
    let word = text.to(text.find('#').unwrap_or(text.text.len())).trim();
    match word.text.to_ascii_uppercase().as_str() {
        "T" | "TRUE" => Some(true),
        "F" | "FALSE" => Some(false),
        _ => None,
    }
}

/// A numerical answer: `1822`, `1822:5` (with tolerance) or `1820..1825`; `None` for anything
/// else, a range whose min is above its max, or a negative tolerance.
fn numeric_range(text: &str) -> Option<NumberRange> {
    let finite = |t: &str| t.trim().parse::<f64>().ok().filter(|n| n.is_finite());
    if let Some((min, max)) = text.split_once("..") {
        let (min, max) = (finite(min)?, finite(max)?);
        return (min <= max).then_some(NumberRange::Between { min, max });
    }
    if let Some((answer, tolerance)) = text.split_once(':') {
        let (answer, tolerance) = (finite(answer)?, finite(tolerance)?);
        return (tolerance >= 0.0).then_some(NumberRange::Around { answer, tolerance });
    }
    Some(NumberRange::Around {
        answer: finite(text)?,
        tolerance: 0.0,
    })
}

/// A numerical answer for the learner to read: `1822`, `1822 ± 5`, `1820 – 1825`.
fn range_words(range: NumberRange) -> String {
    match range {
        NumberRange::Around {
            answer,
            tolerance: 0.0,
        } => number(answer),
        NumberRange::Around { answer, tolerance } => {
            format!("{} ± {}", number(answer), number(tolerance))
        }
        NumberRange::Between { min, max } => format!("{} – {}", number(min), number(max)),
    }
}

/// A number as people write it: no `.0` on whole numbers.
fn number(value: f64) -> String {
    let text = format!("{value}");
    text.strip_suffix(".0").map_or(text.clone(), str::to_owned)
}

/// The general feedback, then what kurs has no key for, as one explanation.
fn join_explanation(general: Option<String>, notes: Vec<String>) -> Option<String> {
    if notes.is_empty() {
        return general;
    }
    let notes = notes.join("\n");
    Some(match general {
        Some(general) => format!("{general}\n\n{notes}"),
        None => notes,
    })
}

/// `source` with every comment line (`//` after leading spaces) turned into spaces of the same
/// length, so that every offset in it is the offset in the file.
fn blank_comments(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    for line in source.split_inclusive('\n') {
        if line.trim_start().starts_with("//") {
            let content = line.trim_end_matches(['\n', '\r']);
            out.extend(std::iter::repeat_n(' ', content.len()));
            out.push_str(&line[content.len()..]);
        } else {
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::{CreditRange, MatchPair, NumberRange};

    fn read(text: &str) -> (Bank, Report) {
        parse(text, Path::new("bank.gift"))
    }

    /// The one item of a file of one question, with no error.
    fn item(text: &str) -> Item {
        let (bank, report) = read(text);
        assert_eq!(report.errors(), 0, "{:?}", report.diagnostics);
        assert_eq!(bank.groups.len(), 1, "{bank:?}");
        assert_eq!(bank.groups[0].items.len(), 1, "{bank:?}");
        bank.groups[0].items[0].clone()
    }

    fn codes(text: &str) -> Vec<(&'static str, usize, usize)> {
        read(text)
            .1
            .diagnostics
            .iter()
            .map(|d| (d.code.as_str(), d.line, d.column))
            .collect()
    }

    fn choices(item: &Item) -> Vec<(String, bool)> {
        match &item.kind {
            ItemKind::Single { choices } | ItemKind::Multiple { choices } => choices
                .iter()
                .map(|c| (c.text.clone(), c.correct))
                .collect(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn one_right_answer_among_wrong_ones_is_a_single_choice_question() {
        let item = item("Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}");
        assert!(matches!(item.kind, ItemKind::Single { .. }));
        assert_eq!(item.prompt, "Who's buried in Grant's tomb?");
        assert_eq!(choices(&item)[2], ("no one".into(), true));
    }

    #[test]
    fn an_answer_block_in_the_middle_is_shown_as_a_blank() {
        let item = item("Grant is {~buried =entombed ~living} in Grant's tomb.");
        assert_eq!(item.prompt, "Grant is _____ in Grant's tomb.");
        let item = super::tests::item("Pi is about {#3.14:0.01}.");
        assert_eq!(item.prompt, "Pi is about _____.");
    }

    #[test]
    fn title_comments_and_per_answer_feedback_are_read() {
        let item = item(
            "// a comment\n::Colours:: What's between orange and green?\n// inside\n{ =yellow # right; good! ~red # wrong }",
        );
        assert_eq!(item.title.as_deref(), Some("Colours"));
        let ItemKind::Single { choices } = &item.kind else {
            panic!()
        };
        assert_eq!(choices[0].feedback.as_deref(), Some("right; good!"));
        assert_eq!(choices[1].feedback.as_deref(), Some("wrong"));
    }

    fn credits(item: &Item) -> Vec<Option<u8>> {
        match &item.kind {
            ItemKind::Multiple { choices } => choices.iter().map(|c| c.credit).collect(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn weights_make_a_multiple_choice_question_with_credits() {
        let text = "Who is in Grant's tomb? {\n ~%-100%No one\n ~%50%Grant\n ~%50%Grant's wife\n}";
        let item = item(text);
        assert_eq!(credits(&item), vec![None, Some(50), Some(50)]);
        assert_eq!(
            codes(text),
            Vec::new(),
            "one wrong answer at -100 is kurs's rule"
        );
    }

    #[test]
    fn weights_that_do_not_add_up_to_100_are_scaled_and_said() {
        let text = "Pick. {~%33.33333%a ~%33.33333%b ~%33.33333%c ~%-50%d ~%-50%e}";
        assert_eq!(
            credits(&item(text)),
            vec![Some(34), Some(33), Some(33), None, None]
        );
        assert_eq!(
            codes(text),
            Vec::new(),
            "a rounding away from 100 is no change"
        );
        let text = "Pick. {~%50%a ~%20%b ~%-100%c}";
        assert_eq!(credits(&item(text)), vec![Some(71), Some(29), None]);
        assert_eq!(codes(text), vec![("W102", 1, 7)]);
    }

    #[test]
    fn wrong_answers_weighted_otherwise_than_kurs_does_are_said() {
        let text = "Pick. {~%50%a ~%50%b ~%-100%c ~%-100%d}";
        assert_eq!(codes(text), vec![("W102", 1, 7)]);
        let text = "Pick. {~%50%a ~%50%b ~c}";
        assert_eq!(
            codes(text),
            vec![("W102", 1, 7)],
            "a wrong answer at 0 % costs nothing in Moodle"
        );
    }

    #[test]
    fn the_comment_of_kurs_export_keeps_a_multiple_choice_question_all_or_nothing() {
        let text = "// kurs: all or nothing\nPick. {~%50%a ~%50%b ~%-100%c}";
        assert_eq!(credits(&item(text)), vec![None, None, None]);
        assert_eq!(codes(text), Vec::new());
    }

    #[test]
    fn typed_answers_with_a_weight_earn_it_as_credit() {
        let item = item("Tool? {=Passwort-Manager =%50%Manager =%0%Zettel}");
        let ItemKind::Text { accept } = &item.kind else {
            panic!("{:?}", item.kind)
        };
        let credits: Vec<(&str, u8)> = accept.iter().map(|a| (a.text.as_str(), a.credit)).collect();
        assert_eq!(credits, vec![("Passwort-Manager", 100), ("Manager", 50)]);
    }

    #[test]
    fn true_false_takes_every_spelling_and_its_feedback_goes_into_the_explanation() {
        for (word, answer) in [("T", true), ("TRUE", true), ("F", false), ("false", false)] {
            let item = item(&format!("The sun rises in the east.{{{word}}}"));
            assert_eq!(item.kind, ItemKind::TrueFalse { answer });
        }
        let item = item("Grant is in NYC.{T#No, he is.#Yes.####He was buried in 1897.}");
        let explanation = item.explanation.unwrap();
        assert!(
            explanation.starts_with("He was buried in 1897."),
            "{explanation}"
        );
        assert!(explanation.contains("✗: No, he is."), "{explanation}");
        assert!(explanation.contains("✓: Yes."), "{explanation}");
    }

    #[test]
    fn several_equals_without_a_tilde_are_accepted_typed_answers() {
        let item = item("Who's buried in Grant's tomb?{=no one =nobody}");
        assert_eq!(
            item.kind,
            ItemKind::Text {
                accept: vec!["no one".into(), "nobody".into()]
            }
        );
    }

    #[test]
    fn numerical_questions_become_numeric_questions() {
        for (text, right) in [
            (
                "When was Grant born?{#1822:5}",
                NumberRange::Around {
                    answer: 1822.0,
                    tolerance: 5.0,
                },
            ),
            (
                "A number from 1 to 5? {#1..5}",
                NumberRange::Between { min: 1.0, max: 5.0 },
            ),
            (
                "Exact? {#1822}",
                NumberRange::Around {
                    answer: 1822.0,
                    tolerance: 0.0,
                },
            ),
        ] {
            assert_eq!(
                item(text).kind,
                ItemKind::Numeric {
                    right,
                    ranges: Vec::new()
                },
                "{text}"
            );
            assert_eq!(codes(text), Vec::new(), "{text}");
        }
    }

    #[test]
    fn several_numerical_answers_become_ranges_with_credit_and_their_feedback_an_explanation() {
        let text = "Born? {#\n =1822:0 # Correct!\n =%50%1822:2 # Close.\n}";
        let item = item(text);
        assert_eq!(
            item.kind,
            ItemKind::Numeric {
                right: NumberRange::Around {
                    answer: 1822.0,
                    tolerance: 0.0
                },
                ranges: vec![CreditRange {
                    range: NumberRange::Around {
                        answer: 1822.0,
                        tolerance: 2.0
                    },
                    credit: 50
                }],
            }
        );
        assert_eq!(
            item.explanation.as_deref(),
            Some("- 1822: Correct!\n- 1822 ± 2: Close.")
        );
        assert_eq!(codes(text), vec![("W102", 1, 7)]);
    }

    #[test]
    fn a_numerical_question_without_full_marks_is_kept_as_a_section() {
        let text = "Born? {#=%50%1822:2}";
        let ItemKind::Kept { what, answers } = item(text).kind else {
            panic!()
        };
        assert_eq!(
            (what, answers),
            (Kept::Numerical, vec!["- 1822 ± 2 (50 %)".to_owned()])
        );
        assert_eq!(codes(text)[0].0, "W101");
    }

    #[test]
    fn matching_questions_become_match_questions_with_their_distractors() {
        let text = "Match. {=Canada -> Ottawa =Italy -> Rome = -> Paris}";
        assert_eq!(
            item(text).kind,
            ItemKind::Match {
                pairs: vec![
                    MatchPair {
                        left: "Canada".into(),
                        right: "Ottawa".into()
                    },
                    MatchPair {
                        left: "Italy".into(),
                        right: "Rome".into()
                    },
                ],
                distractors: vec!["Paris".into()],
            }
        );
        assert_eq!(codes(text), Vec::new());
    }

    #[test]
    fn a_matching_question_kurs_would_refuse_is_kept_as_a_section_and_said_why() {
        for (text, why) in [
            ("Match. {=cat -> mammal =dog -> mammal}", "share a partner"),
            ("Match. {=Canada -> Ottawa}", "fewer than two pairs"),
        ] {
            let ItemKind::Kept { what, answers } = item(text).kind else {
                panic!("{text}")
            };
            assert_eq!(what, Kept::Matching);
            assert!(answers[0].starts_with("- "), "{answers:?}");
            let (_, report) = read(text);
            assert_eq!(report.diagnostics[0].code.as_str(), "W101");
            assert!(report.diagnostics[0].message.contains(why), "{text}");
        }
    }

    #[test]
    fn essay_and_description_are_kept_as_sections_and_reported() {
        let essay = item("How are you? {}");
        assert!(matches!(
            essay.kind,
            ItemKind::Kept {
                what: Kept::Essay,
                ..
            }
        ));
        let note = item("You may use paper for the next questions.");
        assert!(matches!(
            note.kind,
            ItemKind::Kept {
                what: Kept::Description,
                ..
            }
        ));
    }

    #[test]
    fn escapes_and_line_breaks_are_text() {
        let item = item("[markdown]a\\{b\\}\\~\\=\\#\\:\\\\c\\nd {=x ~y\\~z}");
        assert_eq!(item.prompt, "a{b}~=#:\\c\nd");
        assert_eq!(choices(&item)[1].0, "y~z");
        assert_eq!(escape("a{b}\nc"), "a\\{b\\}\\nc");
    }

    #[test]
    fn html_is_converted_and_markdown_kept_and_plain_escaped() {
        let html = item("[html]<p>Is <b>this</b> bold?</p>{T}");
        assert_eq!(html.prompt, "Is **this** bold?");
        let markdown = item("[markdown]Is **this** bold?{T}");
        assert_eq!(markdown.prompt, "Is **this** bold?");
        let plain = item("[plain]Is **this** bold?{T}");
        assert_eq!(plain.prompt, "Is \\*\\*this\\*\\* bold?");
        let moodle = item("Is <i>this</i> &amp; that?{T}");
        assert_eq!(moodle.prompt, "Is *this* \\& that?");
    }

    #[test]
    fn each_category_gives_a_group_named_by_its_last_part() {
        let (bank, _) = read(
            "Before? {T}\n\n$CATEGORY: $course$/top/Safety/Fire\n\nA? {T}\n\n$CATEGORY: $course$/top/Other\n\nB? {F}\n\n$CATEGORY: $course$/top/Safety/Fire\n\nC? {T}",
        );
        let names: Vec<_> = bank
            .groups
            .iter()
            .map(|g| (g.category.clone(), g.items.len()))
            .collect();
        assert_eq!(
            names,
            vec![
                (None, 1),
                (Some("Fire".into()), 2),
                (Some("Other".into()), 1)
            ]
        );
    }

    #[test]
    fn two_categories_of_the_same_name_in_different_places_stay_two_groups() {
        let (bank, _) =
            read("$CATEGORY: top/A/Basics\n\nA? {T}\n\n$CATEGORY: top/B/Basics\n\nB? {T}");
        assert_eq!(bank.groups.len(), 2);
    }

    #[test]
    fn broken_questions_are_errors_at_their_place() {
        assert_eq!(codes("Q? {=a ~b"), vec![("E101", 1, 4)]);
        assert_eq!(codes("Q? =a ~b}"), vec![("E101", 1, 9)]);
        assert_eq!(codes("::Title Q? {T}"), vec![("E101", 1, 1)]);
        assert_eq!(codes("Q?\n{~a ~b}"), vec![("E101", 2, 1)]);
        assert_eq!(codes("Q? {=a ~}"), vec![("E101", 1, 8)]);
        assert_eq!(codes("Q? {=a ~%x%b}"), vec![("E101", 1, 9)]);
        assert_eq!(codes("Q? {#abc}"), vec![("E101", 1, 6)]);
        assert_eq!(codes("Q? {#5..1}"), vec![("E101", 1, 6)]);
        assert_eq!(codes("Q? {#5:-1}"), vec![("E101", 1, 6)]);
        assert_eq!(codes("Q? {=a} and {=b}"), vec![("E101", 1, 13)]);
        assert_eq!(codes("// only a comment\n"), vec![("E102", 1, 1)]);
    }

    #[test]
    fn a_control_character_is_replaced_and_reported() {
        let text = "Q\u{1b}[2J? {T}";
        let item = item(text);
        assert_eq!(item.prompt, "Q\u{FFFD}\\[2J?");
        assert_eq!(codes(text), vec![("W102", 1, 2)]);
    }
}
