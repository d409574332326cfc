//! Reading pulldown-cmark's events: the whole event list of a text, which of its lists are loose,
//! and where raw HTML stands in it (for `kurs check`).

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag};

/// A text's events, with what can only be known after reading all of them.
pub(super) struct Document<'a> {
    pub(super) events: Vec<Event<'a>>,
    /// For each list, in the order they start: whether it is loose.
    pub(super) loose_lists: Vec<bool>,
}

impl<'a> Document<'a> {
    /// Collected first, because whether a list is tight is only known from its items' content.
    pub(super) fn read(markdown: &'a str) -> Document<'a> {
        let events: Vec<Event<'a>> = Parser::new(markdown).collect();
        let loose_lists = loose_lists(&events);
        Document {
            events,
            loose_lists,
        }
    }
}

/// Byte ranges of raw HTML (block or inline) in the Markdown, for `kurs check` warnings.
pub fn raw_html_spans(markdown: &str) -> Vec<Range<usize>> {
    // Raw HTML always starts with `<`; text without one needs no Markdown parse (this parse
    // was a quarter of `kurs check`'s time).
    if !markdown.contains('<') {
        return Vec::new();
    }
    let mut spans = Vec::new();
    for (event, span) in Parser::new(markdown).into_offset_iter() {
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
    }
}
