//! Tables: a single one such as `[quiz]`, arrays of them, and the keys a table may not hold.

use std::ops::Range;

use toml::de::{DeTable, DeValue};

use super::{Ctx, Fields, table_path};
use crate::course::load::suggest::{did_you_mean, list_keys};
use crate::diagnostic::Code;

impl Ctx<'_> {
    /// A single table such as `[quiz]`.
    pub(in crate::course::load) fn table<'t, 'i>(
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
    pub(in crate::course::load) fn tables<'t, 'i>(
        &mut self,
        fields: &Fields<'t, 'i>,
        key: &str,
    ) -> Vec<(&'t DeTable<'i>, Range<usize>)> {
        let Some((_, value)) = fields.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(array) = value.get_ref() else {
            let expected = format!(
                "an array of tables (`[[{}]]`)",
                table_path(fields.what, key)
            );
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

    pub(in crate::course::load) fn required_tables<'t, 'i>(
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

    pub(in crate::course::load) fn unknown_keys(&mut self, fields: &Fields, allowed: &[&str]) {
        self.unknown_keys_except(fields, allowed, allowed);
    }

    /// Reports keys not in `allowed` unless `known` has them (those were reported otherwise).
    pub(in crate::course::load) fn unknown_keys_except(
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
