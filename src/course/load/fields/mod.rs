//! The field helpers every parser uses: one TOML table read key by key with typed getters
//! that report a missing key, a wrong type, an empty or unsafe text at its exact place: the
//! context and the table here, texts and ids in `text.rs`, numbers and other values in
//! `values.rs`, tables and unknown keys in `tables.rs`.

mod tables;
mod text;
mod values;

use std::ops::Range;
use std::path::Path;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::suggest::type_help;
use crate::diagnostic::{Code, Diagnostic, Report};

/// TOML tokens (keys, values, punctuation, comments, line breaks) one file may hold. The TOML
/// parser keeps every token, a parse event for each and the values in memory at once, about
/// 100 bytes per token, so this bounds what one file costs however it is written: at most
/// about 25 MB while it is checked (and only one such file is loaded at a time, see `gate`).
/// Ordinary TOML has this many tokens in about 1.3 MB, 110 times the largest sample module;
/// a module of 10 000 sections has 180 000.
pub const MAX_TOKENS: usize = 200_000;

/// A file with a syntax error and at most this many tokens is parsed once more to find every
/// syntax error; a larger one reports the first. Each error found costs a few hundred bytes,
/// and a file can hold several per token.
const MAX_TOKENS_FOR_EVERY_SYNTAX_ERROR: usize = 20_000;

/// What a text key must be.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Need {
    Optional,
    /// Present, may be empty.
    Required,
    /// Present and not blank.
    NonEmpty,
    /// May be absent, but not blank when given.
    NonEmptyIfGiven,
}

/// One TOML table being read, with the span to point at when a key is missing.
pub(super) struct Fields<'t, 'i> {
    pub(super) table: &'t DeTable<'i>,
    pub(super) header: Range<usize>,
    pub(super) what: &'static str,
    root: bool,
}

type Entry<'t, 'i> = (
    &'t Spanned<std::borrow::Cow<'i, str>>,
    &'t Spanned<DeValue<'i>>,
);

impl<'t, 'i> Fields<'t, 'i> {
    pub(super) fn new(table: &'t DeTable<'i>, header: Range<usize>, what: &'static str) -> Self {
        Fields {
            table,
            header,
            what,
            root: false,
        }
    }

    pub(super) fn root(table: &'t DeTable<'i>, what: &'static str) -> Self {
        Fields {
            table,
            header: 0..0,
            what,
            root: true,
        }
    }

    pub(super) fn get(&self, key: &str) -> Option<Entry<'t, 'i>> {
        self.table.iter().find(|(k, _)| k.get_ref().as_ref() == key)
    }

    /// Where to point when a key is missing: the table header, or the first line of the file.
    pub(super) fn missing_span(&self, source: &str) -> Range<usize> {
        if self.root {
            // Skip the `#:schema` line and blank lines to point at the first key.
            let mut offset = 0;
            for line in source.split_inclusive('\n') {
                let trimmed = line.trim();
                if !trimmed.is_empty() && !trimmed.starts_with('#') {
                    let start = offset + (line.len() - line.trim_start().len());
                    return start..offset + line.trim_end().len();
                }
                offset += line.len();
            }
            0..0
        } else {
            self.header.clone()
        }
    }
}

/// Reading state of one file: its source and the diagnostics found so far (at most
/// [`crate::diagnostic::MAX_DIAGNOSTICS_PER_FILE`] kept, the rest counted).
pub(super) struct Ctx<'a> {
    path: &'a Path,
    pub(super) source: &'a str,
    report: Report,
    /// Offsets of the line breaks in `source`, found once when a line number is first needed.
    line_breaks: std::cell::OnceCell<Vec<usize>>,
}

impl<'a> Ctx<'a> {
    pub(super) fn new(path: &'a Path, source: &'a str) -> Self {
        Ctx {
            path,
            source,
            report: Report::default(),
            line_breaks: std::cell::OnceCell::new(),
        }
    }

    /// A diagnostic at `span`. Once the file has its fill of diagnostics, any more are only
    /// counted: then it is not placed, since placing costs a scan of the source up to the span.
    pub(super) fn diag(
        &self,
        code: Code,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Diagnostic {
        if self.report.is_full(self.path) {
            return Diagnostic::file(code, self.path, message);
        }
        Diagnostic::at(code, self.path, self.source, span, message)
    }

    pub(super) fn push(&mut self, diagnostic: Diagnostic) {
        self.report.push(diagnostic);
    }

    /// Errors found so far, the ones only counted included.
    pub(super) fn errors(&self) -> usize {
        self.report.errors()
    }

    /// Whether a diagnostic with `code` was kept.
    pub(super) fn found(&self, code: Code) -> bool {
        self.report.diagnostics.iter().any(|d| d.code == code)
    }

    /// The 1-based line of a byte offset, for help texts that point at another place.
    pub(super) fn line_of(&self, offset: usize) -> usize {
        let breaks = self.line_breaks.get_or_init(|| {
            self.source
                .bytes()
                .enumerate()
                .filter_map(|(i, b)| (b == b'\n').then_some(i))
                .collect()
        });
        breaks.partition_point(|&at| at < offset) + 1
    }

    /// The diagnostics of the file in source order, with the count of those past the limit.
    pub(super) fn finish(mut self) -> Report {
        self.report
            .diagnostics
            .sort_by_key(|d| (d.line, d.column, d.code.as_str()));
        self.report
    }

    /// Every syntax error with its place; on any, the file's content is not checked further
    /// (follow-up errors from a half-parsed file would only mislead).
    pub(super) fn parse(&mut self) -> Option<DeTable<'a>> {
        // Every token but the end of the file is at least one byte long, so a file of n bytes
        // holds at most n + 1 tokens: a short file needs no counting, which would lex the whole
        // file once more before the parse lexes it again.
        let at_most = self.source.len() + 1;
        // Only a file that may be large is counted before it is parsed, streaming: the count is
        // what keeps the parse of a huge file from being started at all.
        let mut large = false;
        if at_most > super::gate::LARGE_TOKENS {
            let mut tokens = toml_parser::Source::new(self.source).lex();
            // The token at index LARGE_TOKENS, then the one at index MAX_TOKENS.
            large = tokens.nth(super::gate::LARGE_TOKENS).is_some();
            if large && !super::gate::may_load_large() {
                // A worker thread: its course is loaded again on the thread for large files.
                return None;
            }
            if large && let Some(past) = tokens.nth(MAX_TOKENS - super::gate::LARGE_TOKENS - 1) {
                let at = past.span().start();
                self.push(
                    self.diag(
                        Code::TooManyTokens,
                        at..at,
                        format!(
                            "the file holds more than {MAX_TOKENS} TOML tokens (keys, values, punctuation, comments, line breaks), more than kurs reads from one file"
                        ),
                    )
                    .with_help("split it into several module files; this many tokens make about 1.3 MB of ordinary TOML"),
                );
                return None;
            }
        }
        let errors = if at_most <= MAX_TOKENS_FOR_EVERY_SYNTAX_ERROR {
            let (table, errors) = DeTable::parse_recoverable(self.source);
            if errors.is_empty() {
                return Some(table.into_inner());
            }
            errors
        } else {
            // Without errors both parses give the same table; which errors to report, every
            // one or the first, is decided by the count, and only when there are any.
            match DeTable::parse(self.source) {
                Ok(table) => return Some(table.into_inner()),
                Err(first) => {
                    let small = !large
                        && toml_parser::Source::new(self.source)
                            .lex()
                            .nth(MAX_TOKENS_FOR_EVERY_SYNTAX_ERROR)
                            .is_none();
                    if small {
                        DeTable::parse_recoverable(self.source).1
                    } else {
                        vec![first]
                    }
                }
            }
        };
        let mut syntax = Vec::new();
        for error in &errors {
            let span = error.span().unwrap_or(0..0);
            let message = error.message().trim().to_string();
            if message.contains("recurs") {
                self.push(
                    self.diag(
                        Code::NestingTooDeep,
                        span,
                        "arrays or tables are nested too deeply",
                    )
                    .with_help("course files never need more than a few levels of nesting"),
                );
            } else {
                syntax.push((message, span));
            }
        }
        for problem in super::syntax::explain(self.source, &syntax) {
            let mut d = self.diag(Code::TomlSyntax, problem.span, problem.message);
            if let Some(help) = problem.help {
                d = d.with_help(help);
            }
            self.push(d);
        }
        None
    }

    fn wrong_type(&mut self, key: &str, value: &Spanned<DeValue>, expected: &str) {
        let found = type_name(value.get_ref());
        self.push(
            self.diag(
                Code::WrongType,
                value.span(),
                format!("`{key}` must be {expected}, found {found}"),
            )
            .with_help(type_help(key, expected)),
        );
    }

    /// An entry of the array `key` that is not what every entry must be.
    fn wrong_entry(&mut self, key: &str, item: &Spanned<DeValue>, expected: &str) {
        let found = type_name(item.get_ref());
        self.push(self.diag(
            Code::WrongType,
            item.span(),
            format!("every entry of `{key}` must be {expected}, found {found}"),
        ));
    }

    pub(super) fn missing(&mut self, fields: &Fields, key: &str) {
        let d = self
            .diag(
                Code::MissingKey,
                fields.missing_span(self.source),
                format!("the {} has no `{key}`", fields.what),
            )
            .with_help(format!("add `{key} = …` to the {}", fields.what));
        self.push(d);
    }
}

fn table_path(what: &str, key: &str) -> String {
    match what {
        "quiz" => format!("quiz.{key}"),
        "question" => format!("quiz.question.{key}"),
        _ => key.to_string(),
    }
}

fn type_name(value: &DeValue) -> &'static str {
    match value {
        DeValue::String(_) => "text",
        DeValue::Integer(_) => "a whole number",
        DeValue::Float(_) => "a decimal number",
        DeValue::Boolean(_) => "`true`/`false`",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The codes of the problems `parse` finds in `source`.
    fn parse_problems(source: &str) -> Vec<&'static str> {
        let mut ctx = Ctx::new(Path::new("m.toml"), source);
        assert!(ctx.parse().is_none(), "the file has errors");
        let report = ctx.finish();
        report.diagnostics.iter().map(|d| d.code.as_str()).collect()
    }

    /// Two lines without a value, after `filler` and before one more key.
    fn two_errors_after(filler: &str) -> String {
        format!("id = \"m\"\n{filler}\na = \nb = \nc = 1\n")
    }

    #[test]
    fn a_long_file_of_few_tokens_reports_every_syntax_error() {
        // One comment of 30,000 bytes is a single token.
        let source = two_errors_after(&format!("# {}", "x".repeat(30_000)));
        assert!(source.len() > MAX_TOKENS_FOR_EVERY_SYNTAX_ERROR);
        assert_eq!(parse_problems(&source), ["E001", "E001"]);
    }

    #[test]
    fn a_file_of_many_tokens_reports_its_first_syntax_error() {
        // 12,500 numbers and their commas: 25,000 tokens, more than every error is looked for in.
        let source = two_errors_after(&format!("x = [{}]", vec!["1"; 12_500].join(",")));
        assert_eq!(parse_problems(&source), ["E001"]);
    }

    #[test]
    fn a_file_of_many_tokens_without_errors_is_parsed() {
        let source = format!("id = \"m\"\nx = [{}]\n", vec!["1"; 12_500].join(","));
        let mut ctx = Ctx::new(Path::new("m.toml"), &source);
        assert_eq!(ctx.parse().map(|table| table.len()), Some(2));
        assert_eq!(ctx.errors(), 0);
    }
}
