//! Problems found in course files, each with a stable code and an exact place,
//! and the three ways `kurs check` prints them: for people (like rustc), as JSON, and for GitHub.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

use crate::safe_text::{is_invisible, is_unsafe, name, sanitize, single_line};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

macro_rules! codes {
    ($($variant:ident = $code:literal, $severity:ident, $summary:literal;)*) => {
        /// Every problem `kurs check` knows. The codes are stable: CI configurations and docs refer to them.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Code { $($variant,)* }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }

            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            /// One line for the trainer's guide.
            pub fn summary(self) -> &'static str {
                match self { $(Code::$variant => $summary,)* }
            }
        }
    };
}

codes! {
    TomlSyntax = "E001", Error, "the file is not valid TOML";
    UnknownKey = "E002", Error, "a key that the format does not know (often a typo)";
    MissingKey = "E003", Error, "a required key is missing";
    WrongType = "E004", Error, "a value has the wrong type (for example a number where text belongs)";
    EmptyText = "E005", Error, "a title, prompt, choice or answer is empty";
    BadId = "E006", Error, "an id uses characters other than lowercase letters, digits and `-`";
    DuplicateId = "E007", Error, "two courses, modules or questions share an id";
    ModuleListedTwice = "E008", Error, "a module file is listed twice in `course.toml`";
    ModuleFileMissing = "E009", Error, "a module file listed in `course.toml` does not exist";
    PathOutsideCourse = "E010", Error, "a module path is absolute or leads outside the course folder";
    ModuleOrder = "E011", Error, "`course.toml` needs exactly one of `modules` and `[[area]]`";
    TooFewChoices = "E012", Error, "a single or multiple choice question has fewer than two choices";
    SingleNeedsOneCorrect = "E013", Error, "a single choice question does not have exactly one correct choice";
    MultipleNeedsCorrect = "E014", Error, "a multiple choice question has no correct choice";
    NoAcceptedAnswer = "E015", Error, "a text question has no accepted answer";
    OrderTooFewItems = "E016", Error, "an order question has fewer than two items";
    OrderDuplicateItem = "E017", Error, "an order question lists the same item twice";
    KeyNotForType = "E018", Error, "a key that does not belong to the question's type";
    PassPercentRange = "E019", Error, "`pass_percent` is not between 0 and 100";
    ControlCharacter = "E020", Error, "text holds a control character that could drive the learner's terminal";
    FileTooLarge = "E021", Error, "a file is larger than 4 MiB";
    NotUtf8 = "E022", Error, "a file is not UTF-8 text";
    NestingTooDeep = "E023", Error, "arrays or tables are nested too deeply";
    UnknownQuestionType = "E024", Error, "a question's `type` is not one of the seven types";
    NothingToShow = "E025", Error, "a module has no section, a quiz has no question, or an area has no module";
    Unreadable = "E026", Error, "a file or folder cannot be read";
    NoCourse = "E027", Error, "a folder given to `kurs check` holds no course";
    LinkOutside = "E028", Error, "a course file or course folder is a symbolic link that leads outside the folder given";
    NotRegularFile = "E029", Error, "a course file is a device, pipe or other special file, not a regular file";
    TooManyTokens = "E030", Error, "a file holds more TOML tokens (keys, values, punctuation, comments, line breaks) than kurs reads from one file";
    ExamTooManyQuestions = "E031", Error, "an exam draws more questions than the course's quizzes and the exam hold";
    ExamWithoutQuestions = "E032", Error, "a course has an exam but no quiz and no exam question to draw from";
    UnknownRequirement = "E033", Error, "a certificate requires something other than `exam` or `modules`, or an exam the course does not have";
    TimeLimitRange = "E034", Error, "an exam's `time_limit_minutes` is not between 1 and 600";
    ExamCountRange = "E035", Error, "an exam's `questions` is not between 1 and 500";
    MatchPairCount = "E036", Error, "a match question has fewer than two pairs, or more partners than the letters a to z can name";
    MatchDuplicate = "E037", Error, "a match question lists the same item or the same partner twice";
    NumericWithoutAnswer = "E038", Error, "a numeric question or range has neither `answer` nor both `min` and `max`";
    NumericAnswerTwice = "E039", Error, "a numeric question or range has `answer` (or `tolerance`) and `min`/`max` both";
    NumericMinAboveMax = "E040", Error, "a numeric question or range has `min` greater than `max`";
    NegativeTolerance = "E041", Error, "a numeric question or range has a negative `tolerance`";
    CreditRange = "E042", Error, "a `credit` is not a whole number from 0 to 100";
    CreditsCannotReach100 = "E043", Error, "a question's credits cannot make 100: right choices whose credits do not add up to 100, or no accepted answer fully right";
    CreditNotHere = "E044", Error, "a `credit` on a wrong choice, or on a choice of a single choice question";
    ModuleWithoutQuiz = "W001", Warning, "a module has no quiz";
    EmptySectionBody = "W002", Warning, "a section has an empty body";
    RawHtml = "W003", Warning, "Markdown contains raw HTML, which kurs shows as plain text";
    UnknownLanguage = "W004", Warning, "`language` is not a tag kurs knows; the UI falls back to English";
    ModuleNotListed = "W005", Warning, "a module file in the course folder is not listed in `course.toml`";
    InvisibleCharacter = "W006", Warning, "text holds a bidirectional control or invisible character, which kurs replaces by U+FFFD";
    MarkupInPlainText = "W007", Warning, "a plain-text field (a title, choice, order item or accepted answer) holds Markdown markup, which the learner sees as typed";
    AnswerLooksLikeCommand = "W008", Warning, "an accepted answer starts with `/` and a command word, so plain mode takes it for that command";
    NotPrintable = "W009", Warning, "a text the certificate prints (course, module or exam title, issuer) holds characters the certificate cannot show, so no certificate of the course could be issued";
    ImportUnreadable = "E101", Error, "`kurs import`: a question of a GIFT or Aiken file cannot be read (an answer block without its closing brace, an answer without text, an Aiken question without its ANSWER line, …)";
    ImportNothing = "E102", Error, "`kurs import`: the file holds no question";
    ImportKeptAsSection = "W101", Warning, "`kurs import`: an item kurs cannot grade (an essay question, or a numerical or matching question kurs cannot take as it is) or a description is kept as a section";
    ImportChanged = "W102", Warning, "`kurs import`: a question was changed to fit the kurs format (weights scaled or read by kurs's rule for wrong answers, per-answer feedback, several right answers, a control character)";
}

/// The part of the source shown under a diagnostic: the lines of the span, cut to a window of
/// [`EXCERPT_CONTEXT_CHARS`] around it (a cut is marked with `…`), with the span relative to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excerpt {
    pub first_line: usize,
    pub text: String,
    pub span: Range<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub message: String,
    pub help: Option<String>,
    pub file: PathBuf,
    /// 1-based; columns count characters, not bytes.
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub excerpt: Option<Excerpt>,
}

/// Lines shown around a span at most; a span over a long multi-line string is cut.
const MAX_EXCERPT_LINES: usize = 6;

/// Characters of the source an excerpt keeps before a span, of the span itself and after it.
/// A diagnostic keeps this window, never a whole line, so that memory does not grow with the
/// length of a line times the number of diagnostics on it.
pub const EXCERPT_CONTEXT_CHARS: usize = 120;

/// Diagnostics kept for one file. Past this many they are only counted, so that a hostile file
/// cannot fill memory or the screen; the output closes the file with "… and N more".
pub const MAX_DIAGNOSTICS_PER_FILE: usize = 100;

impl Diagnostic {
    /// A problem at a byte span of `source`. Line and column are computed here, so the
    /// diagnostic carries everything needed to print it once the source is gone.
    pub fn at(
        code: Code,
        file: &Path,
        source: &str,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let end = floor_char_boundary(source, span.end.clamp(start, source.len()));
        let (line, column) = line_column(source, start);
        let (end_line, end_column) = line_column(source, end);
        Diagnostic {
            code,
            message: message.into(),
            help: None,
            file: file.to_path_buf(),
            line,
            column,
            end_line,
            end_column,
            excerpt: Some(excerpt(source, start, end, line)),
        }
    }

    /// A problem with a whole file (it cannot be read, is too large, …): placed at 1:1.
    pub fn file(code: Code, file: &Path, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            message: message.into(),
            help: None,
            file: file.to_path_buf(),
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 1,
            excerpt: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn severity(&self) -> Severity {
        self.code.severity()
    }
}

/// The excerpt for the span `start..end` (char boundaries) that starts on line `line`: at most
/// [`MAX_EXCERPT_LINES`] lines, and of them only [`EXCERPT_CONTEXT_CHARS`] characters before the
/// span, of the span and after it.
fn excerpt(source: &str, start: usize, end: usize, line: usize) -> Excerpt {
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    let mut excerpt_end = source[end..].find('\n').map_or(source.len(), |i| end + i);
    // Keep the excerpt short: at most a few lines from the first one.
    let mut cut = line_start;
    for _ in 0..MAX_EXCERPT_LINES {
        match source[cut..].find('\n') {
            Some(i) => cut += i + 1,
            None => {
                cut = source.len();
                break;
            }
        }
    }
    if excerpt_end > cut {
        excerpt_end = cut.saturating_sub(1).max(start);
    }
    let span_end = end.min(excerpt_end).max(start);
    // The window: a few characters on either side, the span itself cut as long.
    let from = chars_before(source, line_start, start, EXCERPT_CONTEXT_CHARS);
    let span_end = chars_after(source, start, span_end, EXCERPT_CONTEXT_CHARS);
    let to = chars_after(source, span_end, excerpt_end, EXCERPT_CONTEXT_CHARS);
    let mut text = String::with_capacity(to - from + 6);
    if from > line_start {
        text.push('…');
    }
    let shift = text.len();
    text.push_str(&source[from..to]);
    if to < excerpt_end {
        text.push('…');
    }
    Excerpt {
        first_line: line,
        text,
        span: shift + start - from..shift + span_end - from,
    }
}

/// The offset `n` characters before `at`, but not before `floor`.
fn chars_before(source: &str, floor: usize, at: usize, n: usize) -> usize {
    source[floor..at]
        .char_indices()
        .rev()
        .take(n)
        .last()
        .map_or(at, |(i, _)| floor + i)
}

/// The offset `n` characters after `at`, but not past `limit`.
fn chars_after(source: &str, at: usize, limit: usize, n: usize) -> usize {
    source[at..limit]
        .char_indices()
        .nth(n)
        .map_or(limit, |(i, _)| at + i)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// 1-based line and character column of a byte offset.
pub fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(source, offset.min(source.len()));
    let before = &source[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// The problems of one file past [`MAX_DIAGNOSTICS_PER_FILE`]: counted, not kept.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Omitted {
    pub file: PathBuf,
    pub errors: usize,
    pub warnings: usize,
}

impl Omitted {
    pub fn total(&self) -> usize {
        self.errors + self.warnings
    }
}

/// Everything `kurs check` found, in the order found: at most [`MAX_DIAGNOSTICS_PER_FILE`]
/// diagnostics per file, the rest counted in `omitted`. The counts always include the omitted.
#[derive(Debug, Default)]
pub struct Report {
    pub files: usize,
    /// Add with [`Report::push`], which keeps the limit per file.
    pub diagnostics: Vec<Diagnostic>,
    /// For each file that had more problems than are kept, how many more, in the order found.
    pub omitted: Vec<Omitted>,
    /// Diagnostics kept so far for each file.
    kept: HashMap<PathBuf, usize>,
}

impl Report {
    /// Keeps `diagnostic`, or only counts it when its file already has its fill.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        if self.is_full(&diagnostic.file) {
            let severity = diagnostic.severity();
            self.omit(&diagnostic.file, severity, 1);
            return;
        }
        *self.kept.entry(diagnostic.file.clone()).or_default() += 1;
        self.diagnostics.push(diagnostic);
    }

    /// Whether `file` has as many diagnostics kept as it may: any more are only counted.
    pub fn is_full(&self, file: &Path) -> bool {
        self.kept
            .get(file)
            .is_some_and(|&n| n >= MAX_DIAGNOSTICS_PER_FILE)
    }

    /// Adds everything `other` found (files read, diagnostics, omitted counts) to this report.
    pub fn absorb(&mut self, other: Report) {
        self.files += other.files;
        for diagnostic in other.diagnostics {
            self.push(diagnostic);
        }
        for omitted in other.omitted {
            self.omit(&omitted.file, Severity::Error, omitted.errors);
            self.omit(&omitted.file, Severity::Warning, omitted.warnings);
        }
    }

    fn omit(&mut self, file: &Path, severity: Severity, n: usize) {
        if n == 0 {
            return;
        }
        let at = match self.omitted.iter().position(|o| o.file == file) {
            Some(at) => at,
            None => {
                self.omitted.push(Omitted {
                    file: file.to_path_buf(),
                    ..Omitted::default()
                });
                self.omitted.len() - 1
            }
        };
        match severity {
            Severity::Error => self.omitted[at].errors += n,
            Severity::Warning => self.omitted[at].warnings += n,
        }
    }

    /// Errors found, the omitted ones included.
    pub fn errors(&self) -> usize {
        self.count(Severity::Error) + self.omitted.iter().map(|o| o.errors).sum::<usize>()
    }

    /// Warnings found, the omitted ones included.
    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning) + self.omitted.iter().map(|o| o.warnings).sum::<usize>()
    }

    fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity() == severity)
            .count()
    }

    /// "checked 12 files: 2 errors, 1 warning"
    pub fn summary(&self) -> String {
        format!(
            "checked {}: {}, {}",
            plural(self.files, "file", "files"),
            plural(self.errors(), "error", "errors"),
            plural(self.warnings(), "warning", "warnings")
        )
    }

    /// The diagnostics in order, each file's "… and N more" right after its last diagnostic
    /// (or at the end for a file none of whose diagnostics is in this report).
    fn items(&self) -> Vec<Item<'_>> {
        let mut items = Vec::with_capacity(self.diagnostics.len() + self.omitted.len());
        let mut told = vec![false; self.omitted.len()];
        for (i, diagnostic) in self.diagnostics.iter().enumerate() {
            items.push(Item::Diagnostic(diagnostic));
            let last_of_file = self
                .diagnostics
                .get(i + 1)
                .is_none_or(|next| next.file != diagnostic.file);
            if last_of_file
                && let Some(at) = self.omitted.iter().position(|o| o.file == diagnostic.file)
                && !told[at]
            {
                told[at] = true;
                items.push(Item::Omitted(&self.omitted[at]));
            }
        }
        for (omitted, told) in self.omitted.iter().zip(told) {
            if !told {
                items.push(Item::Omitted(omitted));
            }
        }
        items
    }
}

/// One entry of the output: a diagnostic, or the count of a file's omitted ones.
enum Item<'a> {
    Diagnostic(&'a Diagnostic),
    Omitted(&'a Omitted),
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Output formats of `kurs check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Github,
}

/// One diagnostic the way rustc prints it. `color` adds ANSI styles (only when printing to a terminal).
/// Every text is sanitised and kept to one line, the file name too: nothing printed can start a
/// line of its own that CI would read as a command.
pub fn render_human(diagnostic: &Diagnostic, color: bool) -> String {
    let level = match diagnostic.severity() {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let message = single_line(&diagnostic.message);
    let path = name(&diagnostic.file.display().to_string());
    let help = diagnostic.help.as_deref().map(single_line);
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .decor_style(DecorStyle::Ascii);
    let mut out = match &diagnostic.excerpt {
        Some(excerpt) => {
            let (text, span) = sanitize_excerpt(&excerpt.text, excerpt.span.clone());
            let mut title = level
                .primary_title(message.as_str())
                .id(diagnostic.code.as_str())
                .element(
                    Snippet::source(text.as_str())
                        .line_start(excerpt.first_line)
                        .path(path.as_str())
                        .annotation(AnnotationKind::Primary.span(span.clone())),
                );
            if let Some(help) = &help {
                title = title.element(Level::HELP.message(help.as_str()));
            }
            let out = renderer.render(&[title]);
            // The renderer counts the column from the start of the excerpt; an excerpt of a
            // long line starts where its window starts, so the place is put right.
            let shown = text[..span.start].chars().count() + 1;
            if shown == diagnostic.column {
                out
            } else {
                let line = excerpt.first_line;
                out.replacen(
                    &format!("{path}:{line}:{shown}"),
                    &format!("{path}:{line}:{}", diagnostic.column),
                    1,
                )
            }
        }
        None => {
            let mut group = Group::with_title(
                level
                    .primary_title(message.as_str())
                    .id(diagnostic.code.as_str()),
            )
            .element(
                annotate_snippets::Origin::path(path.as_str())
                    .line(1)
                    .char_column(1),
            );
            if let Some(help) = &help {
                group = group.element(Level::HELP.message(help.as_str()));
            }
            renderer.render(&[group])
        }
    };
    out.push('\n');
    out
}

/// The note that closes a file with more problems than are shown.
fn omitted_sentence(omitted: &Omitted) -> String {
    format!(
        "… and {} more in {} ({}, {}): kurs check shows {MAX_DIAGNOSTICS_PER_FILE} per file, so fix these and check again",
        omitted.total(),
        name(&omitted.file.display().to_string()),
        plural(omitted.errors, "error", "errors"),
        plural(omitted.warnings, "warning", "warnings"),
    )
}

/// A whole report for people: every diagnostic, each file with omitted ones closed by a note.
pub fn render_human_report(report: &Report, color: bool) -> String {
    let mut out = String::new();
    for item in report.items() {
        match item {
            Item::Diagnostic(d) => {
                out.push_str(&render_human(d, color));
                out.push('\n');
            }
            Item::Omitted(o) => {
                let _ = writeln!(out, "note: {}\n", omitted_sentence(o));
            }
        }
    }
    out
}

/// A whole report as GitHub workflow commands; a file with omitted ones gets a `::notice`.
pub fn render_github_report(report: &Report) -> String {
    let mut out = String::new();
    for item in report.items() {
        match item {
            Item::Diagnostic(d) => out.push_str(&render_github(d)),
            Item::Omitted(o) => {
                let _ = writeln!(
                    out,
                    "::notice file={},title=kurs check::{}",
                    github_property(&o.file.display().to_string()),
                    github_data(&omitted_sentence(o))
                );
            }
        }
    }
    out
}

/// Replaces unsafe characters in an excerpt (as `sanitize` does, with line breaks and tabs
/// kept for the renderer) and moves the span with the text.
fn sanitize_excerpt(text: &str, span: Range<usize>) -> (String, Range<usize>) {
    let mut out = String::with_capacity(text.len());
    let (mut start, mut end) = (0, 0);
    for (i, c) in text.char_indices() {
        if i == span.start {
            start = out.len();
        }
        if i == span.end {
            end = out.len();
        }
        if is_unsafe(c) {
            out.push('\u{FFFD}');
        } else {
            out.push(c);
        }
    }
    if span.start >= text.len() {
        start = out.len();
    }
    if span.end >= text.len() {
        end = out.len();
    }
    (out, start..end.max(start))
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    file: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    severity: Severity,
    code: &'a str,
    message: &'a str,
    help: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonOmitted {
    file: String,
    errors: usize,
    warnings: usize,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    files: usize,
    errors: usize,
    warnings: usize,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    omitted: Vec<JsonOmitted>,
}

/// `{"files": N, "errors": E, "warnings": W, "diagnostics": [...], "omitted": [...]}`; the
/// counts include the omitted diagnostics, `omitted` has one entry per file that had more.
pub fn render_json(report: &Report) -> String {
    let json = JsonReport {
        files: report.files,
        errors: report.errors(),
        warnings: report.warnings(),
        omitted: report
            .omitted
            .iter()
            .map(|o| JsonOmitted {
                file: o.file.display().to_string(),
                errors: o.errors,
                warnings: o.warnings,
            })
            .collect(),
        diagnostics: report
            .diagnostics
            .iter()
            .map(|d| JsonDiagnostic {
                file: d.file.display().to_string(),
                line: d.line,
                column: d.column,
                end_line: d.end_line,
                end_column: d.end_column,
                severity: d.severity(),
                code: d.code.as_str(),
                message: &d.message,
                help: d.help.as_deref(),
            })
            .collect(),
    };
    // Serialising plain structs of strings and numbers cannot fail.
    escape_controls_in_json(&serde_json::to_string_pretty(&json).unwrap_or_default()) + "\n"
}

/// serde_json leaves DEL, the C1 controls (U+0080–U+009F) and the invisible characters
/// ([`is_invisible`]: bidirectional controls and the like) raw; some terminals act on them when
/// JSON is printed to a screen, and the bidirectional ones reorder what is shown. They only
/// occur inside strings, so escaping them is lossless.
pub fn escape_controls_in_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if ('\u{7f}'..='\u{9f}').contains(&c) || is_invisible(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// One GitHub Actions workflow command per diagnostic.
pub fn render_github(diagnostic: &Diagnostic) -> String {
    let kind = match diagnostic.severity() {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut message = diagnostic.message.clone();
    if let Some(help) = &diagnostic.help {
        let _ = write!(message, " (help: {help})");
    }
    format!(
        "::{kind} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
        github_property(&diagnostic.file.display().to_string()),
        diagnostic.line,
        diagnostic.column,
        diagnostic.end_line,
        diagnostic.end_column,
        diagnostic.code.as_str(),
        github_data(&message)
    )
}

// Escaping rules of GitHub's workflow commands.
fn github_data(s: &str) -> String {
    let s = sanitize(s);
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn github_property(s: &str) -> String {
    github_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let src = "a = 1\nüber = \"x\"\n";
        assert_eq!(line_column(src, 0), (1, 1));
        // byte 6 is 'ü' on line 2; '=' comes after five characters
        let eq = src.find('=').unwrap();
        assert_eq!(line_column(src, eq), (1, 3));
        let second = src.rfind('=').unwrap();
        assert_eq!(line_column(src, second), (2, 6));
    }

    #[test]
    fn diagnostic_at_computes_end_and_excerpt() {
        let src = "id = \"x\"\ntitel = \"y\"\n";
        let start = src.find("titel").unwrap();
        let d = Diagnostic::at(
            Code::UnknownKey,
            Path::new("m.toml"),
            src,
            start..start + 5,
            "m",
        );
        assert_eq!((d.line, d.column, d.end_line, d.end_column), (2, 1, 2, 6));
        let excerpt = d.excerpt.unwrap();
        assert_eq!(excerpt.text, "titel = \"y\"");
        assert_eq!(excerpt.span, 0..5);
    }

    #[test]
    fn human_output_names_code_place_and_help() {
        let src = "id = \"x\"\ntitel = \"y\"\n";
        let d = Diagnostic::at(
            Code::UnknownKey,
            Path::new("m.toml"),
            src,
            9..14,
            "unknown key `titel`",
        )
        .with_help("did you mean `title`?");
        let out = render_human(&d, false);
        assert!(out.contains("error[E002]: unknown key `titel`"), "{out}");
        assert!(out.contains("--> m.toml:2:1"), "{out}");
        assert!(out.contains("^^^^^"), "{out}");
        assert!(out.contains("help: did you mean `title`?"), "{out}");
    }

    #[test]
    fn human_output_never_contains_escape_bytes_from_the_source() {
        let src = "title = \"\u{1b}[31mred\u{9b}\"\n";
        let d = Diagnostic::at(
            Code::ControlCharacter,
            Path::new("m.toml"),
            src,
            9..10,
            "control",
        );
        let out = render_human(&d, false);
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{9b}'),
            "{out:?}"
        );
    }

    #[test]
    fn an_excerpt_keeps_a_window_of_a_long_line_with_the_place_intact() {
        let src = format!(
            "a = [{}\"x\", {}]\n",
            "\"ü\", ".repeat(20_000),
            "1, ".repeat(20_000)
        );
        let start = src.find("\"x\"").unwrap();
        let d = Diagnostic::at(
            Code::WrongType,
            Path::new("m.toml"),
            &src,
            start..start + 3,
            "m",
        );
        assert_eq!((d.line, d.column), (1, 6 + 20_000 * 5));
        let excerpt = d.excerpt.as_ref().unwrap();
        assert!(excerpt.text.chars().count() <= 3 * EXCERPT_CONTEXT_CHARS + 2);
        assert!(excerpt.text.starts_with('…') && excerpt.text.ends_with('…'));
        assert_eq!(&excerpt.text[excerpt.span.clone()], "\"x\"");
        let out = render_human(&d, false);
        assert!(out.contains("--> m.toml:1:100006"), "{out}");
        // A span longer than the window is cut too.
        let d = Diagnostic::at(
            Code::WrongType,
            Path::new("m.toml"),
            &src,
            0..src.len(),
            "m",
        );
        assert!(d.excerpt.unwrap().text.len() < 4 * EXCERPT_CONTEXT_CHARS * 4);
    }

    #[test]
    fn a_report_keeps_a_hundred_per_file_and_counts_the_rest() {
        let mut report = Report::default();
        for i in 0..250 {
            let code = if i % 2 == 0 {
                Code::UnknownKey
            } else {
                Code::ModuleWithoutQuiz
            };
            report.push(Diagnostic::file(code, Path::new("a.toml"), "m"));
        }
        report.push(Diagnostic::file(Code::UnknownKey, Path::new("b.toml"), "m"));
        assert_eq!(report.diagnostics.len(), MAX_DIAGNOSTICS_PER_FILE + 1);
        assert_eq!((report.errors(), report.warnings()), (126, 125));
        assert_eq!(
            report.omitted,
            vec![Omitted {
                file: PathBuf::from("a.toml"),
                errors: 75,
                warnings: 75
            }]
        );
        let mut total = Report::default();
        total.absorb(report);
        assert_eq!((total.errors(), total.warnings()), (126, 125));
        let human = render_human_report(&total, false);
        let note = human
            .find("note: … and 150 more in a.toml (75 errors, 75 warnings)")
            .unwrap();
        assert!(
            note < human.find("b.toml").unwrap(),
            "the note closes a.toml: {human}"
        );
        let json: serde_json::Value = serde_json::from_str(&render_json(&total)).unwrap();
        assert_eq!(json["omitted"][0]["errors"], 75);
        assert_eq!(json["errors"], 126);
        assert!(
            render_github_report(&total)
                .contains("::notice file=a.toml,title=kurs check::… and 150 more")
        );
    }

    #[test]
    fn human_output_keeps_every_text_on_its_line() {
        let d = Diagnostic::file(
            Code::Unreadable,
            Path::new("a\n::error file=x::injected.toml"),
            "`b\n::warning ::x` cannot be read",
        )
        .with_help("fix\n::error ::y");
        let out = render_human(&d, false);
        assert!(
            out.lines().all(|l| !l.trim_start().starts_with("::")),
            "{out}"
        );
        assert!(
            out.contains("a\u{FFFD}::error file=x::injected.toml"),
            "{out}"
        );
    }

    #[test]
    fn json_escapes_invisible_characters() {
        let d = Diagnostic::file(
            Code::InvisibleCharacter,
            Path::new("a\u{202E}b"),
            "m\u{200B}",
        );
        let json = render_json(&Report {
            files: 1,
            diagnostics: vec![d],
            ..Report::default()
        });
        assert!(
            json.contains("a\\u202eb") && json.contains("m\\u200b"),
            "{json}"
        );
        assert!(!json.contains('\u{202E}'));
    }

    #[test]
    fn github_output_escapes_properties_and_data() {
        let d = Diagnostic::file(Code::NotUtf8, Path::new("a,b:c.toml"), "50% done\nnext");
        assert_eq!(
            render_github(&d),
            "::error file=a%2Cb%3Ac.toml,line=1,col=1,endLine=1,endColumn=1,title=E022::50%25 done%0Anext\n"
        );
    }

    #[test]
    fn summary_uses_singular_and_plural() {
        let mut report = Report {
            files: 1,
            ..Report::default()
        };
        assert_eq!(report.summary(), "checked 1 file: 0 errors, 0 warnings");
        report.files = 12;
        report.diagnostics.push(Diagnostic::file(
            Code::ModuleWithoutQuiz,
            Path::new("x"),
            "w",
        ));
        assert_eq!(report.summary(), "checked 12 files: 0 errors, 1 warning");
    }

    #[test]
    fn codes_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            assert!(seen.insert(code.as_str()), "{}", code.as_str());
        }
    }
}
