//! Reading pulldown-cmark's events: the whole event list of a text, what can only be known after
//! reading all of it (loose lists, task items, footnote numbers), and where raw HTML stands in it
//! (for `kurs check`).

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The Markdown kurs reads: CommonMark with GitHub's tables, `~~strikethrough~~`, task lists and
/// footnotes. Subscript is switched on only so that a single tilde (`~5 Minuten`, "about") is not
/// taken for strikethrough: the page shows a "subscript" as the text it was written as.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SUBSCRIPT
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
}

/// A text's events, with what can only be known after reading all of them.
pub(super) struct Document<'a> {
    /// In reading order, except that footnote definitions are moved to the end, in the order of
    /// their numbers, so they stand together at the end of the section.
    pub(super) events: Vec<Event<'a>>,
    pub(super) shape: Shape,
}

/// What the page needs to know before an element's content arrives.
#[derive(Debug, Default)]
pub(super) struct Shape {
    /// For each list, in the order they start: whether it is loose.
    pub(super) loose_lists: Vec<bool>,
    /// For each list item, in the order they start: its task box (`Some(done)`) or none.
    pub(super) tasks: Vec<Option<bool>>,
    /// Footnote numbers by label (lower case): in the order of the first reference, then the
    /// definitions no text refers to.
    pub(super) footnotes: HashMap<String, usize>,
}

impl<'a> Document<'a> {
    /// Collected first, because whether a list is tight is only known from its items' content,
    /// and a task item's box arrives after its marker would have been written.
    pub(super) fn read(markdown: &'a str) -> Document<'a> {
        let events: Vec<Event<'a>> = Parser::new_ext(markdown, options()).collect();
        let (events, footnotes) = footnotes_last(events);
        let shape = Shape {
            loose_lists: loose_lists(&events),
            tasks: tasks(&events),
            footnotes,
        };
        Document { events, shape }
    }
}

/// The label as pulldown-cmark matches it (case-insensitively).
pub(super) fn footnote_key(label: &str) -> String {
    label.to_lowercase()
}

/// Numbers the footnotes and moves their definitions to the end, in the order of their numbers.
fn footnotes_last(events: Vec<Event<'_>>) -> (Vec<Event<'_>>, HashMap<String, usize>) {
    let mut numbers = HashMap::new();
    let has_definitions = events
        .iter()
        .any(|e| matches!(e, Event::Start(Tag::FootnoteDefinition(_))));
    if !has_definitions {
        return (events, numbers);
    }
    let mut text = Vec::with_capacity(events.len());
    let mut definitions: Vec<(String, Vec<Event<'_>>)> = Vec::new();
    let mut open: Option<(String, Vec<Event<'_>>)> = None;
    for event in events {
        match (&mut open, &event) {
            (None, Event::Start(Tag::FootnoteDefinition(label))) => {
                open = Some((footnote_key(label), vec![event]));
            }
            // Definitions do not nest, so the first end of one closes the open one.
            (Some(_), Event::End(TagEnd::FootnoteDefinition)) => {
                if let Some((key, mut body)) = open.take() {
                    body.push(event);
                    definitions.push((key, body));
                }
            }
            (Some((_, body)), _) => body.push(event),
            (None, _) => {
                if let Event::FootnoteReference(label) = &event {
                    let next = numbers.len() + 1;
                    numbers.entry(footnote_key(label)).or_insert(next);
                }
                text.push(event);
            }
        }
    }
    if let Some((key, body)) = open {
        definitions.push((key, body));
    }
    // References inside definitions count too (a note that points to another).
    for (_, body) in &definitions {
        for event in body {
            if let Event::FootnoteReference(label) = event {
                let next = numbers.len() + 1;
                numbers.entry(footnote_key(label)).or_insert(next);
            }
        }
    }
    for (key, _) in &definitions {
        let next = numbers.len() + 1;
        numbers.entry(key.clone()).or_insert(next);
    }
    // A label defined twice keeps its first definition (the second is never referred to).
    let mut seen = std::collections::HashSet::new();
    definitions.retain(|(key, _)| seen.insert(key.clone()));
    definitions.sort_by_key(|(key, _)| numbers.get(key).copied().unwrap_or(usize::MAX));
    text.extend(definitions.into_iter().flat_map(|(_, body)| body));
    (text, numbers)
}

/// Markdown longer than this is searched for raw HTML a piece at a time: pulldown-cmark holds an
/// item for every inline element of the text it parses, up to some 50 bytes for each byte of
/// dense Markdown, so a 4 MiB text parsed whole could take 200 MB.
const HTML_PIECE_BYTES: usize = 64 * 1024;

/// The first raw HTML (block or inline) in the Markdown, for the `kurs check` warning. A long
/// text is read in pieces of about [`HTML_PIECE_BYTES`], each ending at a blank line outside
/// fenced code; a text that has none for four times as long is cut at a line end (a fence open
/// there is opened again in the next piece), a line that long at a character.
pub fn first_raw_html(markdown: &str) -> Option<Range<usize>> {
    if !markdown.contains('<') {
        return None;
    }
    let mut start = 0;
    let mut fence: Option<&str> = None;
    while start < markdown.len() {
        let (end, open_at_end) = piece_end(markdown, start, fence);
        let piece = &markdown[start..end];
        if piece.contains('<') {
            // A piece that starts inside fenced code starts with its fence again.
            let (text, shift) = match fence {
                Some(opener) => (format!("{opener}{piece}"), opener.len()),
                None => (piece.to_string(), 0),
            };
            if let Some(span) = raw_html_spans(&text).into_iter().find(|s| s.start >= shift) {
                return Some(start + span.start - shift..start + span.end - shift);
            }
        }
        fence = open_at_end;
        start = end;
    }
    None
}

/// Where the piece from `start` ends, and the fence line still open there. `fence`: the fence
/// open at `start`.
fn piece_end<'a>(
    markdown: &'a str,
    start: usize,
    mut fence: Option<&'a str>,
) -> (usize, Option<&'a str>) {
    if markdown.len() - start <= HTML_PIECE_BYTES {
        return (markdown.len(), None);
    }
    let mut at = start;
    for line in markdown[start..].split_inclusive('\n') {
        let line_end = at + line.len();
        fence = next_fence(fence, line);
        let long = line_end - start;
        if long >= HTML_PIECE_BYTES && fence.is_none() && line.trim().is_empty() {
            return (line_end, None);
        }
        if long >= 4 * HTML_PIECE_BYTES {
            if line.len() >= 4 * HTML_PIECE_BYTES {
                let mut cut = at + 4 * HTML_PIECE_BYTES;
                while !markdown.is_char_boundary(cut) {
                    cut -= 1;
                }
                return (cut.max(at + 1).min(line_end), fence);
            }
            return (line_end, fence);
        }
        at = line_end;
    }
    (markdown.len(), None)
}

/// The fence open after `line`, given the one open before it: a line of three or more backticks
/// or tildes (indented by at most three spaces) opens one, the same run at least as long closes it.
fn next_fence<'a>(open: Option<&'a str>, line: &'a str) -> Option<&'a str> {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return open;
    }
    let Some(mark) = trimmed.bytes().next().filter(|b| matches!(b, b'`' | b'~')) else {
        return open;
    };
    let run = trimmed.bytes().take_while(|&b| b == mark).count();
    if run < 3 {
        return open;
    }
    match open {
        None => Some(line),
        Some(opener) => {
            let opener = opener.trim_start_matches(' ');
            let open_run = opener.bytes().take_while(|&b| b == mark).count();
            let closes = opener.as_bytes().first() == Some(&mark)
                && run >= open_run
                && trimmed[run..].trim().is_empty();
            if closes { None } else { Some(opener) }
        }
    }
}

/// Byte ranges of raw HTML (block or inline) in the Markdown.
fn raw_html_spans(markdown: &str) -> Vec<Range<usize>> {
    // Raw HTML always starts with `<`; text without one needs no Markdown parse (this parse
    // was a quarter of `kurs check`'s time).
    if !markdown.contains('<') {
        return Vec::new();
    }
    let mut spans = Vec::new();
    for (event, span) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::HtmlBlock) => spans.push(without_line_end(markdown, span)),
            Event::InlineHtml(_) => spans.push(span),
            _ => {}
        }
    }
    spans
}

/// A block's span ends after its newline; the warning should point at the HTML only.
fn without_line_end(markdown: &str, mut span: Range<usize>) -> Range<usize> {
    while span.end > span.start
        && matches!(markdown.as_bytes().get(span.end - 1), Some(b'\n' | b'\r'))
    {
        span.end -= 1;
    }
    span
}

/// Which lists are loose, in the order they start. pulldown-cmark wraps the text of a loose
/// list's items in paragraphs and leaves it bare in tight ones.
fn loose_lists(events: &[Event<'_>]) -> Vec<bool> {
    enum Open {
        List(usize),
        Item,
        Other,
    }
    let mut open = Vec::new();
    let mut loose = Vec::new();
    for event in events {
        match event {
            Event::Start(Tag::List(_)) => {
                open.push(Open::List(loose.len()));
                loose.push(false);
            }
            Event::Start(Tag::Item) => open.push(Open::Item),
            Event::Start(Tag::Paragraph) => {
                if let [.., Open::List(list), Open::Item] = open.as_slice()
                    && let Some(is_loose) = loose.get_mut(*list)
                {
                    *is_loose = true;
                }
                open.push(Open::Other);
            }
            Event::Start(_) => open.push(Open::Other),
            Event::End(_) => {
                open.pop();
            }
            _ => {}
        }
    }
    loose
}

/// Each list item's task box, in the order the items start. pulldown-cmark sends the box as the
/// item's first event (inside its paragraph in a loose list).
fn tasks(events: &[Event<'_>]) -> Vec<Option<bool>> {
    let mut items = Vec::new();
    let mut open = Vec::new();
    for event in events {
        match event {
            Event::Start(Tag::Item) => {
                open.push(items.len());
                items.push(None);
            }
            Event::End(TagEnd::Item) => {
                open.pop();
            }
            Event::TaskListMarker(done) => {
                if let Some(item) = open.last().and_then(|&i| items.get_mut(i)) {
                    *item = Some(*done);
                }
            }
            _ => {}
        }
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_reported_with_its_span() {
        let markdown = "Text <b>bold</b>";
        let spans = raw_html_spans(markdown);
        assert_eq!(spans, vec![5..8, 12..16]);
        assert_eq!(&markdown[spans[0].clone()], "<b>");
    }

    #[test]
    fn raw_html_block_is_reported_as_one_span() {
        let markdown = "Intro\n\n<div>\nx\n</div>\n\nEnd";
        let spans = raw_html_spans(markdown);
        assert_eq!(spans, vec![7..21]);
        assert_eq!(&markdown[7..21], "<div>\nx\n</div>");
    }

    #[test]
    fn markdown_without_html_reports_nothing() {
        assert!(raw_html_spans("**a** <https://x.org> `<b>`").is_empty());
        assert_eq!(first_raw_html("**a** <https://x.org> `<b>`"), None);
    }

    #[test]
    fn a_long_text_is_searched_in_pieces_with_the_same_result() {
        let filler = "Some *text* with `code` and [a link](https://x.org).\n\n".repeat(5000);
        let html = format!("{filler}Then <b>bold</b>.\n");
        let at = html.find("<b>").unwrap();
        assert!(html.len() > 4 * HTML_PIECE_BYTES);
        assert_eq!(first_raw_html(&html), Some(at..at + 3));
        // `<b>` in fenced code cut in the middle is still code, not HTML.
        let fenced = format!(
            "```\n{}```\n\nEnd <i>x</i>\n",
            "<b> in code\n".repeat(60_000)
        );
        let at = fenced.find("<i>").unwrap();
        assert_eq!(first_raw_html(&fenced), Some(at..at + 3));
        // One line longer than any piece.
        let line = format!("{} <u>", "x".repeat(5 * HTML_PIECE_BYTES));
        let at = line.find("<u>").unwrap();
        assert_eq!(first_raw_html(&line), Some(at..at + 3));
    }
}
