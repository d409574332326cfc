//! Keys: missing, empty, with a space, set twice, followed by no `=` or by two.

use std::ops::Range;

use super::place::{key_on, shortened};
use super::strings::strings;
use super::{SyntaxProblem, problem};

/// Keys: missing, empty, with a space, set twice, followed by no `=` or by two.
pub(super) fn keys(
    source: &str,
    message: &str,
    span: &Range<usize>,
    line: &Range<usize>,
) -> Option<SyntaxProblem> {
    let text = &source[line.clone()];
    let shown_key = key_on(source, line.clone()).unwrap_or("title");
    if message.contains("key with no value") {
        let indent = text.len() - text.trim_start().len();
        let key_start = line.start + indent;
        let at = span.start.clamp(key_start, line.end);
        let key = source[key_start..at].trim_end();
        let key_span = key_start..key_start + key.len();
        let rest = source[at..line.end].trim();
        if key.is_empty() {
            return None;
        }
        // `"x = 1`: a quote that is never closed swallowed the line as the key.
        if let Some(quote) = key.chars().next().filter(|c| *c == '"' || *c == '\'') {
            let kind = if quote == '"' {
                "invalid basic string"
            } else {
                "invalid literal string"
            };
            return strings(source, kind, &(key_start..key_start), line);
        }
        if rest.is_empty() || rest.starts_with('#') {
            return Some(problem(
                key_span,
                format!("`{key}` has no `=` and no value"),
                format!("a key needs `= value` after it: `{key} = \"…\"`"),
            ));
        }
        if let Some((words, _)) = text.split_once('=')
            && !words.contains(['"', '\''])
        {
            let words = words.trim();
            let joined = words.split_whitespace().collect::<Vec<_>>().join("_");
            return Some(problem(
                key_start..key_start + words.len(),
                format!("a key is one word, and `{words}` has a space in it"),
                format!("write it as one word, such as `{joined} = …`"),
            ));
        }
        return Some(problem(
            at..at,
            format!("`{key}` has no `=` before its value"),
            format!(
                "write `=` between the key and its value: `{key} = {}`",
                shortened(rest)
            ),
        ));
    }
    if message.contains("unquoted keys cannot be empty") {
        let before = source[line.start..span.start.clamp(line.start, line.end)].trim_end();
        if text.trim_start().starts_with('[') {
            let heading = text.trim();
            return Some(problem(
                line.start + (text.len() - text.trim_start().len())
                    ..line.start + text.trim_end().len(),
                format!("the table heading `{heading}` has a name missing"),
                "write the table's name between the brackets, without a stray `.`: `[quiz]` or `[[section]]`",
            ));
        }
        if before.ends_with('.') {
            let dot = line.start + before.len() - 1;
            let fixed = format!("{}{}", &source[line.start..dot], &source[dot + 1..line.end]);
            let fixed = match fixed.split_once('=') {
                Some((key, value)) => format!("{} = {}", key.trim(), value.trim()),
                None => fixed.trim().to_string(),
            };
            let fixed = shortened(&fixed);
            return Some(problem(
                dot..dot + 1,
                "a `.` in a key needs a name after it".to_string(),
                format!("write the key without the stray `.`: `{fixed}`"),
            ));
        }
        if before.ends_with('{') || before.ends_with(',') {
            return Some(problem(
                span.clone(),
                "an entry in braces has no key before `=`".to_string(),
                "write each entry as key, `=` and value: `{ text = \"…\", correct = true }`",
            ));
        }
        return Some(problem(
            span.clone(),
            "there is no key before `=`".to_string(),
            "write the key before `=`: `title = \"…\"`",
        ));
    }
    if message.contains("duplicate key") {
        return Some(duplicate(source, span.clone(), line.clone()));
    }
    if message.contains("extra `=`") {
        return Some(problem(
            span.clone(),
            "there is one `=` too many".to_string(),
            format!("write one `=` between the key and the value: `{shown_key} = \"…\"`"),
        ));
    }
    if message.contains("invalid unquoted key") {
        return Some(problem(
            span.clone(),
            "a key may use only letters, digits, `-` and `_`".to_string(),
            "write the key, then `=` and the value: `title = \"…\"`",
        ));
    }
    None
}

/// A key or table that is set twice, with the line where it was set first when it is found.
fn duplicate(source: &str, span: Range<usize>, line: Range<usize>) -> SyntaxProblem {
    let name = source.get(span.clone()).unwrap_or("").trim();
    let here = source[line.clone()].trim_start();
    let before = &source[..line.start];
    if here.starts_with('[') {
        let array = here.starts_with("[[");
        let first = before.lines().position(|l| {
            let l = l.trim();
            l == format!("[{name}]") || l == format!("[[{name}]]")
        });
        let help = match (array, first) {
            (false, Some(n))
                if before
                    .lines()
                    .nth(n)
                    .is_some_and(|l| l.trim().starts_with("[[")) =>
            {
                format!(
                    "`[[{name}]]` on line {} starts a list of tables: write `[[{name}]]` here too",
                    n + 1
                )
            }
            (_, Some(n)) => format!(
                "`[{name}]` is already on line {}: put its keys there, or write `[[{name}]]` each time for several",
                n + 1
            ),
            (_, None) => format!("write `[{name}]` once, or `[[{name}]]` each time for several"),
        };
        return problem(span, format!("the table `{name}` is written twice"), help);
    }
    // The first place within the same table: from the line up to the table's heading.
    let mut first = None;
    for (n, l) in before.lines().enumerate() {
        let l = l.trim_start();
        if l.starts_with('[') {
            first = None;
        } else if l
            .strip_prefix(name)
            .is_some_and(|rest| rest.trim_start().starts_with('='))
        {
            first = Some(n + 1);
        }
    }
    let help = match first {
        Some(n) => format!("`{name}` is already set on line {n}; keep one of the two"),
        None => "keep one of the two".to_string(),
    };
    problem(span, format!("this key is set twice: `{name}`"), help)
}
