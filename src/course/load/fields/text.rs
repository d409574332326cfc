//! Texts: plain, Markdown and lists of them, with their checks (blank, control and invisible
//! characters, Markdown where it is shown as typed), and ids.

use std::ops::Range;

use toml::de::DeValue;

use super::{Ctx, Fields, Need};
use crate::course::load::suggest::suggest_id;
use crate::diagnostic::Code;
use crate::safe_text::invisible_name;

impl Ctx<'_> {
    /// A text value; checks presence, blankness and control characters.
    pub(in crate::course::load) fn text(
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
        let suspect = self.unsafe_characters(text, span.clone());
        Some((line_breaks_as_written(text, suspect), span))
    }

    /// A control character in a text is an error (E020), an invisible one a warning (W006);
    /// each is reported once per text, at the first such character. Returns whether the text
    /// may hold one ([`may_hold_unsafe`]): when not, it holds no carriage return either.
    pub(super) fn unsafe_characters(&mut self, text: &str, span: Range<usize>) -> bool {
        if !may_hold_unsafe(text) {
            return false;
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
        true
    }

    /// The exact place of a character in a text: the character itself when the source holds the
    /// text literally, else its escape sequence (`\u001b`, `\e`, `\x1b`), else the whole value.
    pub(super) fn char_place(&self, text: &str, c: char, span: Range<usize>) -> Range<usize> {
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
    pub(super) fn exact_offset(&self, text: &str, span: Range<usize>) -> Option<usize> {
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
    pub(in crate::course::load) fn plain(
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
    pub(in crate::course::load) fn plain_strings(
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
    pub(super) fn markup_in_plain(&mut self, key: &str, text: &str, span: Range<usize>) {
        let Some((markup, range)) = crate::course::load::markup::markup_in_plain(text) else {
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
    pub(in crate::course::load) fn markdown(
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

    /// An id, checked. A malformed id is reported (E006) and still returned, so that the
    /// duplicate check sees it too ("every problem"); the caller builds nothing from a file with
    /// errors. A blank id is reported as empty and not returned: two blanks are one mistake.
    pub(in crate::course::load) fn id(
        &mut self,
        fields: &Fields,
        key: &str,
    ) -> Option<(String, Range<usize>)> {
        let id = self.text(fields, key, Need::NonEmpty)?;
        self.check_id(&id.0, id.1.clone());
        (!id.0.trim().is_empty()).then_some(id)
    }

    /// An id that may be left out; as [`Ctx::id`] when it is given.
    pub(in crate::course::load) fn id_optional(
        &mut self,
        fields: &Fields,
        key: &str,
    ) -> Option<(String, Range<usize>)> {
        let id = self.text(fields, key, Need::NonEmptyIfGiven)?;
        self.check_id(&id.0, id.1.clone());
        (!id.0.trim().is_empty()).then_some(id)
    }

    pub(super) fn check_id(&mut self, id: &str, span: Range<usize>) {
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
    pub(in crate::course::load) fn strings(
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
                    let suspect = self.unsafe_characters(text, item.span());
                    out.push((line_breaks_as_written(text, suspect), item.span()));
                }
                _ => self.wrong_entry(key, item, "text in quotes"),
            }
        }
        Some(out)
    }
}

/// The text to keep, each Windows line ending a line break: files saved with them keep `\r\n`
/// inside multi-line strings. `suspect`: what [`Ctx::unsafe_characters`] said of the text; a
/// text without a suspect byte has no `\r`, and is copied without looking for one.
pub(super) fn line_breaks_as_written(text: &str, suspect: bool) -> String {
    if suspect && text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text.to_string()
    }
}

/// Whether `text` may hold a control or an invisible character. Nearly all text has none: a
/// byte scan says so at a fraction of the cost of decoding chars. Control characters are bytes
/// below 0x20, 0x7F, or 0xC2 0x80–0x9F (C1); the invisible ones start with 0xE2 (U+2000–U+2FFF)
/// or 0xEF (U+FEFF).
fn may_hold_unsafe(text: &str) -> bool {
    fn suspect(b: u8) -> bool {
        (b < 0x20 && b != b'\n' && b != b'\t')
            | (b == 0x7f)
            | (b == 0xc2)
            | (b == 0xe2)
            | (b == 0xef)
    }
    // Blocks are scanned whole, without a branch per byte, which the compiler turns into vector
    // compares: the scan runs over every text of a course, Markdown bodies included. The last
    // block is filled up with spaces, as most texts (titles, choices) are shorter than one.
    const BLOCK: usize = 32;
    let unsafe_in = |block: &[u8; BLOCK]| block.iter().fold(false, |found, &b| found | suspect(b));
    let mut blocks = text.as_bytes().chunks_exact(BLOCK);
    if blocks
        .by_ref()
        .any(|block| unsafe_in(block.try_into().expect("a whole block")))
    {
        return true;
    }
    let rest = blocks.remainder();
    let mut last = [b' '; BLOCK];
    last[..rest.len()].copy_from_slice(rest);
    unsafe_in(&last)
}

#[cfg(test)]
mod tests {
    use super::may_hold_unsafe;

    #[test]
    fn a_suspect_byte_is_found_wherever_it_lies_in_the_blocks() {
        for len in [0, 1, 31, 32, 33, 63, 64, 65, 100] {
            let clean = "a".repeat(len);
            assert!(!may_hold_unsafe(&clean), "{len}");
            for at in 0..len {
                for suspect in ["\u{1b}", "\u{7f}", "\u{85}", "\u{200b}", "\u{feff}"] {
                    let mut text = clean.clone();
                    text.replace_range(at..at + 1, suspect);
                    assert!(may_hold_unsafe(&text), "{suspect:?} at {at} of {len}");
                }
            }
        }
    }

    #[test]
    fn line_breaks_tabs_and_umlauts_are_not_suspect() {
        assert!(!may_hold_unsafe("Grüße\n\tÄrger öffnen ß"));
    }
}
