//! The field helpers every parser uses: one TOML table read key by key with typed getters
//! that report a missing key, a wrong type, an empty or unsafe text at its exact place.

use std::ops::Range;
use std::path::Path;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::suggest::{did_you_mean, list_keys, suggest_id, type_help};
use crate::diagnostic::{Code, Diagnostic, Report};
use crate::safe_text::invisible_name;

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
        // Count the tokens first, streaming: only a file within the limit is parsed.
        let mut tokens = toml_parser::Source::new(self.source).lex();
        let mut counted = 0;
        // The token at index `n` (counting from 0), if the file has that many.
        let mut reach = |n: usize| {
            let token = tokens.nth(n - counted);
            counted = n + 1;
            token
        };
        let small = reach(MAX_TOKENS_FOR_EVERY_SYNTAX_ERROR).is_none();
        let large = !small && reach(super::gate::LARGE_TOKENS).is_some();
        if large && !super::gate::may_load_large() {
            // A worker thread: its course is loaded again on the thread for large files.
            return None;
        }
        if large && let Some(past) = reach(MAX_TOKENS) {
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
        let errors = if small {
            let (table, errors) = DeTable::parse_recoverable(self.source);
            if errors.is_empty() {
                return Some(table.into_inner());
            }
            errors
        } else {
            match DeTable::parse(self.source) {
                Ok(table) => return Some(table.into_inner()),
                Err(first) => vec![first],
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

    /// A text value; checks presence, blankness and control characters.
    pub(super) fn text(
        &mut self,
        fields: &Fields,
        key: &str,
        need: Need,
    ) -> Option<(String, Range<usize>)> {
        let Some((_, value)) = fields.get(key) else {
            if matches!(need, Need::Required | Need::NonEmpty) {
                self.missing(fields, key);
            }
            return None;
        };
        let DeValue::String(text) = value.get_ref() else {
            self.wrong_type(key, value, "text in quotes");
            return None;
        };
        let span = value.span();
        if matches!(need, Need::NonEmpty | Need::NonEmptyIfGiven) && text.trim().is_empty() {
            self.push(
                self.diag(Code::EmptyText, span.clone(), format!("`{key}` is empty"))
                    .with_help(format!(
                        "write the {key}, or remove the key if it is optional"
                    )),
            );
        }
        self.unsafe_characters(text, span.clone());
        // Files saved with Windows line endings keep `\r\n` inside multi-line strings.
        let text = if text.contains('\r') {
            text.replace("\r\n", "\n")
        } else {
            text.to_string()
        };
        Some((text, span))
    }

    /// A control character in a text is an error (E020), an invisible one a warning (W006);
    /// each is reported once per text, at the first such character.
    fn unsafe_characters(&mut self, text: &str, span: Range<usize>) {
        // Nearly all text has none: a byte scan says so at a fraction of the cost of decoding
        // chars. Control characters are bytes below 0x20, 0x7F, or 0xC2 0x80–0x9F (C1); the
        // invisible ones start with 0xE2 (U+2000–U+2FFF) or 0xEF (U+FEFF).
        if !text.bytes().any(|b| {
            (b < 0x20 && b != b'\n' && b != b'\t')
                || b == 0x7f
                || b == 0xc2
                || b == 0xe2
                || b == 0xef
        }) {
            return;
        }
        let mut chars = text.chars().peekable();
        let mut control = None;
        let mut invisible = None;
        while let Some(c) = chars.next() {
            // A carriage return is harmless only as part of a Windows line ending.
            let line_ending = c == '\r' && chars.peek() == Some(&'\n');
            if control.is_none() && c.is_control() && c != '\n' && c != '\t' && !line_ending {
                control = Some(c);
            }
            if invisible.is_none()
                && let Some(name) = invisible_name(c)
            {
                invisible = Some((c, name));
            }
            if control.is_some() && invisible.is_some() {
                break;
            }
        }
        if let Some(c) = control {
            let place = self.char_place(text, c, span.clone());
            self.push(
                self.diag(
                    Code::ControlCharacter,
                    place,
                    format!(
                        "the text holds the control character U+{:04X}, which could drive the learner's terminal",
                        c as u32
                    ),
                )
                .with_help("remove it; only line breaks and tabs are allowed in text"),
            );
        }
        if let Some((c, name)) = invisible {
            let place = self.char_place(text, c, span);
            self.push(
                self.diag(
                    Code::InvisibleCharacter,
                    place,
                    format!(
                        "the text holds the invisible character U+{:04X} ({name}), which can hide or reorder text, so kurs shows it as U+FFFD",
                        c as u32
                    ),
                )
                .with_help("delete it (it is often pasted along from a web page or word processor)"),
            );
        }
    }

    /// The exact place of a character in a text: the character itself when the source holds the
    /// text literally, else its escape sequence (`\u001b`, `\e`, `\x1b`), else the whole value.
    fn char_place(&self, text: &str, c: char, span: Range<usize>) -> Range<usize> {
        if let (Some(start), Some(i)) = (self.exact_offset(text, span.clone()), text.find(c)) {
            return start + i..start + i + c.len_utf8();
        }
        let raw = self
            .source
            .get(span.clone())
            .unwrap_or("")
            .to_ascii_lowercase();
        let code = c as u32;
        let mut escapes = vec![format!("\\u{code:04x}"), format!("\\u{code:08x}")];
        if code < 0x100 {
            escapes.push(format!("\\x{code:02x}"));
        }
        if c == '\u{1b}' {
            escapes.push("\\e".to_string());
        }
        escapes
            .iter()
            .filter_map(|e| raw.find(e.as_str()).map(|i| (i, e.len())))
            .min()
            .map_or(span.clone(), |(i, len)| {
                span.start + i..span.start + i + len
            })
    }

    /// Where the value's text starts in the source, when the source holds it literally
    /// (no escapes), so that offsets inside the text map one to one.
    fn exact_offset(&self, text: &str, span: Range<usize>) -> Option<usize> {
        let raw = self.source.get(span.clone())?;
        let mut start = span.start;
        if raw.starts_with("\"\"\"") || raw.starts_with("'''") {
            start += 3;
            let rest = self.source.get(start..)?;
            if rest.starts_with("\r\n") {
                start += 2;
            } else if rest.starts_with('\n') {
                start += 1;
            }
        } else if raw.starts_with('"') || raw.starts_with('\'') {
            start += 1;
        } else {
            return None;
        }
        (self.source.get(start..start + text.len()) == Some(text)).then_some(start)
    }

    /// A plain text (shown as written, never as Markdown): like `text`, plus a warning for
    /// Markdown markup the learner would see as typed.
    pub(super) fn plain(
        &mut self,
        fields: &Fields,
        key: &str,
        need: Need,
    ) -> Option<(String, Range<usize>)> {
        let (text, span) = self.text(fields, key, need)?;
        self.markup_in_plain(key, &text, span.clone());
        Some((text, span))
    }

    /// An array of plain texts: like `strings`, with the warning of `plain` for every entry.
    pub(super) fn plain_strings(
        &mut self,
        fields: &Fields,
        key: &str,
    ) -> Option<Vec<(String, Range<usize>)>> {
        let list = self.strings(fields, key)?;
        for (text, span) in &list {
            self.markup_in_plain(key, text, span.clone());
        }
        Some(list)
    }

    /// Warns (W007) of the first Markdown markup in the plain text `text` of `key`.
    fn markup_in_plain(&mut self, key: &str, text: &str, span: Range<usize>) {
        let Some((markup, range)) = super::markup::markup_in_plain(text) else {
            return;
        };
        let place = match self.exact_offset(text, span.clone()) {
            Some(start) => start + range.start..start + range.end,
            None => span,
        };
        // An accepted answer is typed by the learner: quotes would have to be typed too.
        let (message, help) = if key == "accept" {
            (
                format!(
                    "`accept` is plain text, so a learner would have to type {} as well",
                    markup.described()
                ),
                "an accepted answer is compared with what the learner types: write it without the markup",
            )
        } else {
            (
                format!(
                    "`{key}` is shown as plain text, so {} appear as typed",
                    markup.described()
                ),
                "the learner sees this text exactly as written here: write it without Markdown, \
                 or quote it with „…“ or \"…\"",
            )
        };
        self.push(
            self.diag(Code::MarkupInPlainText, place, message)
                .with_help(help),
        );
    }

    /// A Markdown text: like `text`, plus a warning for raw HTML.
    pub(super) fn markdown(
        &mut self,
        fields: &Fields,
        key: &str,
        need: Need,
    ) -> Option<(String, Range<usize>)> {
        let (text, span) = self.text(fields, key, need)?;
        if let Some(first) = crate::markdown::first_raw_html(&text) {
            let place = match self.exact_offset(&text, span.clone()) {
                Some(start) => start + first.start..start + first.end,
                None => span.clone(),
            };
            self.push(
                self.diag(
                    Code::RawHtml,
                    place,
                    format!("`{key}` contains raw HTML, which kurs shows as plain text"),
                )
                .with_help("use Markdown instead: **bold**, *italic*, [text](https://…)"),
            );
        }
        Some((text, span))
    }

    pub(super) fn boolean(&mut self, fields: &Fields, key: &str) -> Option<(bool, Range<usize>)> {
        let (_, value) = fields.get(key)?;
        match value.get_ref() {
            DeValue::Boolean(b) => Some((*b, value.span())),
            _ => {
                self.wrong_type(key, value, "`true` or `false`");
                None
            }
        }
    }

    pub(super) fn percent(&mut self, fields: &Fields, key: &str) -> Option<u8> {
        let (_, value) = fields.get(key)?;
        let DeValue::Integer(number) = value.get_ref() else {
            self.wrong_type(key, value, "a whole number from 0 to 100");
            return None;
        };
        let parsed = i64::from_str_radix(&number.as_str().replace('_', ""), number.radix());
        match parsed {
            Ok(n) if (0..=100).contains(&n) => Some(n as u8),
            _ => {
                self.push(
                    self.diag(
                        Code::PassPercentRange,
                        value.span(),
                        format!(
                            "`{key}` must be between 0 and 100, found {}",
                            number.as_str()
                        ),
                    )
                    .with_help("give the percent of points needed to pass, such as 60"),
                );
                None
            }
        }
    }

    /// A number, whole or decimal, that is finite (TOML also knows `inf` and `nan`, which no
    /// learner can type and no range can hold).
    pub(super) fn number(&mut self, fields: &Fields, key: &str) -> Option<(f64, Range<usize>)> {
        let (_, value) = fields.get(key)?;
        let number = match value.get_ref() {
            DeValue::Integer(number) => {
                i64::from_str_radix(&number.as_str().replace('_', ""), number.radix())
                    .ok()
                    .map(|n| n as f64)
            }
            DeValue::Float(number) => number.as_str().replace('_', "").parse::<f64>().ok(),
            _ => {
                self.wrong_type(key, value, "a number such as 42 or 3.5");
                return None;
            }
        };
        match number {
            Some(n) if n.is_finite() => Some((n, value.span())),
            _ => {
                self.push(
                    self.diag(
                        Code::WrongType,
                        value.span(),
                        format!("`{key}` must be a finite number"),
                    )
                    .with_help("write a number such as 42 or 3.5; `inf` and `nan` are no answers a learner can type"),
                );
                None
            }
        }
    }

    /// A `credit`: the percent of a question's point, a whole number from 0 to 100 (E042).
    pub(super) fn credit(&mut self, fields: &Fields, key: &str) -> Option<(u8, Range<usize>)> {
        let (_, value) = fields.get(key)?;
        let DeValue::Integer(number) = value.get_ref() else {
            self.wrong_type(key, value, "a whole number from 0 to 100");
            return None;
        };
        let parsed = i64::from_str_radix(&number.as_str().replace('_', ""), number.radix());
        match parsed.ok().and_then(|n| u8::try_from(n).ok()) {
            Some(n) if n <= 100 => Some((n, value.span())),
            _ => {
                self.push(
                    self.diag(
                        Code::CreditRange,
                        value.span(),
                        format!(
                            "`{key}` must be between 0 and 100, found {}",
                            number.as_str()
                        ),
                    )
                    .with_help("give the percent of the question's point it earns, such as 50"),
                );
                None
            }
        }
    }

    /// The accepted answers of a text question: texts in quotes (fully right) or tables
    /// `{ text = "…", credit = 50 }`, each with its place and credit. Empty ones are reported.
    pub(super) fn accepted(
        &mut self,
        fields: &Fields,
        key: &str,
    ) -> Option<Vec<(String, Range<usize>, u8)>> {
        let (_, value) = fields.get(key)?;
        let DeValue::Array(array) = value.get_ref() else {
            self.wrong_type(
                key,
                value,
                "an array of texts such as [\"a\", \"b\"], or of tables such as { text = \"a\", credit = 50 }",
            );
            return None;
        };
        let mut out = Vec::new();
        for item in array.iter() {
            match item.get_ref() {
                DeValue::String(text) => {
                    self.unsafe_characters(text, item.span());
                    if text.trim().is_empty() {
                        self.push(self.diag(
                            Code::EmptyText,
                            item.span(),
                            "an accepted answer is empty",
                        ));
                    }
                    let text = text.replace("\r\n", "\n");
                    self.markup_in_plain(key, &text, item.span());
                    out.push((text, item.span(), 100));
                }
                DeValue::Table(table) => {
                    let entry = Fields::new(table, item.span(), "accepted answer");
                    let text = self.text(&entry, "text", Need::NonEmpty);
                    if let Some((text, span)) = &text {
                        self.markup_in_plain(key, text, span.clone());
                    }
                    let credit = self.credit(&entry, "credit");
                    if entry.get("credit").is_none() {
                        self.missing(&entry, "credit");
                    }
                    self.unknown_keys(&entry, crate::course::format::keys::ACCEPT);
                    if let (Some((text, span)), Some((credit, _))) = (text, credit) {
                        out.push((text, span, credit));
                    }
                }
                _ => self.wrong_entry(
                    key,
                    item,
                    "text in quotes, or a table such as { text = \"a\", credit = 50 }",
                ),
            }
        }
        Some(out)
    }

    /// A whole number within `range`; one outside it is reported as `code` with `help`.
    pub(super) fn whole_number(
        &mut self,
        fields: &Fields,
        key: &str,
        range: std::ops::RangeInclusive<u32>,
        code: Code,
        help: &str,
    ) -> Option<(u32, Range<usize>)> {
        let (_, value) = fields.get(key)?;
        let DeValue::Integer(number) = value.get_ref() else {
            self.wrong_type(key, value, "a whole number");
            return None;
        };
        let parsed = i64::from_str_radix(&number.as_str().replace('_', ""), number.radix());
        match parsed.ok().and_then(|n| u32::try_from(n).ok()) {
            Some(n) if range.contains(&n) => Some((n, value.span())),
            _ => {
                self.push(
                    self.diag(
                        code,
                        value.span(),
                        format!(
                            "`{key}` must be between {} and {}, found {}",
                            range.start(),
                            range.end(),
                            number.as_str()
                        ),
                    )
                    .with_help(help.to_owned()),
                );
                None
            }
        }
    }

    /// An id, checked. A malformed id is reported (E006) and still returned, so that the
    /// duplicate check sees it too ("every problem"); the caller builds nothing from a file with
    /// errors. A blank id is reported as empty and not returned: two blanks are one mistake.
    pub(super) fn id(&mut self, fields: &Fields, key: &str) -> Option<(String, Range<usize>)> {
        let id = self.text(fields, key, Need::NonEmpty)?;
        self.check_id(&id.0, id.1.clone());
        (!id.0.trim().is_empty()).then_some(id)
    }

    /// An id that may be left out; as [`Ctx::id`] when it is given.
    pub(super) fn id_optional(
        &mut self,
        fields: &Fields,
        key: &str,
    ) -> Option<(String, Range<usize>)> {
        let id = self.text(fields, key, Need::NonEmptyIfGiven)?;
        self.check_id(&id.0, id.1.clone());
        (!id.0.trim().is_empty()).then_some(id)
    }

    fn check_id(&mut self, id: &str, span: Range<usize>) {
        let good = !id.is_empty()
            && id.split('-').all(|part| {
                !part.is_empty()
                    && part
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            });
        if !good && !id.trim().is_empty() {
            let suggestion = suggest_id(id);
            let mut d = self.diag(Code::BadId, span, format!("`{id}` is not a valid id"));
            d = if suggestion.is_empty() {
                d.with_help("ids use lowercase letters, digits and `-`")
            } else {
                d.with_help(format!(
                    "ids use lowercase letters, digits and `-`, such as `{suggestion}`"
                ))
            };
            self.push(d);
        }
    }

    /// An array of strings.
    pub(super) fn strings(
        &mut self,
        fields: &Fields,
        key: &str,
    ) -> Option<Vec<(String, Range<usize>)>> {
        let (_, value) = fields.get(key)?;
        let DeValue::Array(array) = value.get_ref() else {
            self.wrong_type(key, value, "an array of texts such as [\"a\", \"b\"]");
            return None;
        };
        let mut out = Vec::new();
        for item in array.iter() {
            match item.get_ref() {
                DeValue::String(text) => {
                    self.unsafe_characters(text, item.span());
                    // As in `text`: a Windows line ending is a line break, never a lone `\r`.
                    out.push((text.replace("\r\n", "\n"), item.span()));
                }
                _ => self.wrong_entry(key, item, "text in quotes"),
            }
        }
        Some(out)
    }

    /// A single table such as `[quiz]`.
    pub(super) fn table<'t, 'i>(
        &mut self,
        fields: &Fields<'t, 'i>,
        key: &str,
    ) -> Option<(&'t DeTable<'i>, Range<usize>)> {
        let (_, value) = fields.get(key)?;
        match value.get_ref() {
            DeValue::Table(table) => Some((table, value.span())),
            _ => {
                self.wrong_type(key, value, &format!("a table (`[{key}]`)"));
                None
            }
        }
    }

    /// An array of tables such as `[[section]]`.
    pub(super) fn tables<'t, 'i>(
        &mut self,
        fields: &Fields<'t, 'i>,
        key: &str,
    ) -> Vec<(&'t DeTable<'i>, Range<usize>)> {
        let Some((_, value)) = fields.get(key) else {
            return Vec::new();
        };
        let expected = format!(
            "an array of tables (`[[{}]]`)",
            table_path(fields.what, key)
        );
        let DeValue::Array(array) = value.get_ref() else {
            self.wrong_type(key, value, &expected);
            return Vec::new();
        };
        if array.is_empty() {
            self.push(self.diag(
                Code::NothingToShow,
                value.span(),
                format!("`{key}` is empty"),
            ));
        }
        let mut out = Vec::new();
        for item in array.iter() {
            match item.get_ref() {
                DeValue::Table(table) => out.push((table, item.span())),
                _ => self.wrong_entry(key, item, "a table"),
            }
        }
        out
    }

    pub(super) fn required_tables<'t, 'i>(
        &mut self,
        fields: &Fields<'t, 'i>,
        key: &str,
        help: &str,
    ) -> Vec<(&'t DeTable<'i>, Range<usize>)> {
        if fields.get(key).is_none() {
            let d = self
                .diag(
                    Code::MissingKey,
                    fields.missing_span(self.source),
                    format!("the {} has no `{key}`", fields.what),
                )
                .with_help(help.to_string());
            self.push(d);
            return Vec::new();
        }
        self.tables(fields, key)
    }

    pub(super) fn unknown_keys(&mut self, fields: &Fields, allowed: &[&str]) {
        self.unknown_keys_except(fields, allowed, allowed);
    }

    /// Reports keys not in `allowed` unless `known` has them (those were reported otherwise).
    pub(super) fn unknown_keys_except(
        &mut self,
        fields: &Fields,
        allowed: &[&str],
        known: &[&str],
    ) {
        for (key, _) in fields.table.iter() {
            let name = key.get_ref().as_ref();
            if allowed.contains(&name) || known.contains(&name) {
                continue;
            }
            let mut d = self.diag(
                Code::UnknownKey,
                key.span(),
                format!("unknown key `{name}` in the {}", fields.what),
            );
            d = match did_you_mean(name, allowed) {
                Some(best) => d.with_help(format!("did you mean `{best}`?")),
                None => d.with_help(format!("the {} takes {}", fields.what, list_keys(allowed))),
            };
            self.push(d);
        }
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
