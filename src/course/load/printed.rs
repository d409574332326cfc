//! W009: a course with a `[certificate]` prints its title, its issuer, its exam's title and the
//! titles of its modules with a quiz on every certificate. A character the certificate's font
//! cannot show there (Chinese letters, emoji, right-to-left script) would stop every learner's
//! certificate at the end of the course; `kurs check` says so while the course is written.

use std::ops::Range;
use std::path::Path;

use super::fields::{Ctx, Fields};
use crate::certificate::printable;
use crate::diagnostic::{Code, Diagnostic};

const HELP: &str = "no learner could get a certificate of this course: write it in letters the certificate can show (Latin, Greek, Cyrillic and many more), or remove `[certificate]`";

/// Warns in `course.toml` when `text` (`what`: "the course title", …) cannot be printed.
pub(super) fn check_printed(ctx: &mut Ctx, what: &str, text: &str, span: Range<usize>) {
    if let Some(message) = not_printable(what, text) {
        ctx.push(ctx.diag(Code::NotPrintable, span, message).with_help(HELP));
    }
}

/// The warning for a module's title, placed at its `title` in the module file (`source`: the
/// text of it that was read). Found again only when the title cannot be printed.
pub(super) fn module_title(path: &Path, source: &str, title: &str) -> Option<Diagnostic> {
    let message = not_printable("the module title", title)?;
    let mut ctx = Ctx::new(path, source);
    let root = ctx.parse()?;
    let span = Fields::root(&root, "module").get("title")?.1.span();
    Some(Diagnostic::at(Code::NotPrintable, path, source, span, message).with_help(HELP))
}

/// What is wrong with `text` on a certificate, as a message; `None` when it prints.
fn not_printable(what: &str, text: &str) -> Option<String> {
    let found = printable::not_shown(text)?;
    let mut named: Vec<String> = found
        .characters
        .iter()
        .take(5)
        .map(|&c| {
            if c.is_control() || c.is_whitespace() || !printable::is_visible(c) {
                format!("U+{:04X}", u32::from(c))
            } else {
                format!("`{c}` (U+{:04X})", u32::from(c))
            }
        })
        .collect();
    if found.characters.len() > 5 {
        named.push("…".to_owned());
    }
    Some(if found.right_to_left {
        format!(
            "{what} is written right to left, which the certificate cannot set: {}",
            named.join(", ")
        )
    } else {
        format!(
            "{what} holds {}, which the certificate cannot show",
            named.join(", ")
        )
    })
}
