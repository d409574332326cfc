//! Values: booleans, numbers, percentages, whole numbers in a range, credits and the accepted
//! answers of a text question with their credit.

use std::ops::Range;

use toml::de::DeValue;

use super::text::line_breaks_as_written;
use super::{Ctx, Fields, Need};
use crate::diagnostic::Code;

impl Ctx<'_> {
    pub(in crate::course::load) fn boolean(
        &mut self,
        fields: &Fields,
        key: &str,
    ) -> Option<(bool, Range<usize>)> {
        let (_, value) = fields.get(key)?;
        match value.get_ref() {
            DeValue::Boolean(b) => Some((*b, value.span())),
            _ => {
                self.wrong_type(key, value, "`true` or `false`");
                None
            }
        }
    }

    pub(in crate::course::load) fn percent(&mut self, fields: &Fields, key: &str) -> Option<u8> {
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
    pub(in crate::course::load) fn number(
        &mut self,
        fields: &Fields,
        key: &str,
    ) -> Option<(f64, Range<usize>)> {
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
    pub(in crate::course::load) fn credit(
        &mut self,
        fields: &Fields,
        key: &str,
    ) -> Option<(u8, Range<usize>)> {
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
    pub(in crate::course::load) fn accepted(
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
                    let suspect = self.unsafe_characters(text, item.span());
                    if text.trim().is_empty() {
                        self.push(self.diag(
                            Code::EmptyText,
                            item.span(),
                            "an accepted answer is empty",
                        ));
                    }
                    let text = line_breaks_as_written(text, suspect);
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
    pub(in crate::course::load) fn whole_number(
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
}
