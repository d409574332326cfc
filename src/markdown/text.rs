//! The words of a course text as a learner reads them, on one line: what search looks in and
//! shows around a hit, without the marks of Markdown (list dashes, quote bars, `**`, backticks).

use pulldown_cmark::{Event, Tag, TagEnd};

use super::parse::Document;

/// `markdown` as read: the text of every paragraph, heading, list item, quote, table cell and
/// code block, with one space between blocks and lines. A link is its words, without its
/// address; raw HTML, which kurs shows as it is written, stays.
pub fn read_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let space = |out: &mut String| {
        if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    };
    // A table is read as plain mode says it, row by row with each cell under its column's
    // name ("Dienst: Slack; Quellcode: geschlossen"), so a hit shows which column it is in.
    let mut headers: Vec<String> = Vec::new();
    let mut in_head = false;
    let mut column = 0;
    // Read as the page reads it, so both agree on what is a list, a table or a link.
    for event in Document::read(markdown).events {
        match event {
            Event::Start(Tag::Table(_)) => {
                headers.clear();
                space(&mut out);
            }
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => {
                column = 0;
                space(&mut out);
            }
            Event::Start(Tag::TableCell) if in_head => headers.push(String::new()),
            Event::Start(Tag::TableCell) => {
                if column > 0 {
                    out.push_str("; ");
                }
                if let Some(name) = headers.get(column).filter(|n| !n.trim().is_empty()) {
                    out.push_str(name.trim());
                    out.push_str(": ");
                }
            }
            Event::End(TagEnd::TableCell) if !in_head => column += 1,
            Event::Text(text) | Event::Code(text) if in_head => {
                if let Some(name) = headers.last_mut() {
                    name.push_str(&text);
                }
            }
            Event::Text(text)
            | Event::Code(text)
            | Event::InlineMath(text)
            | Event::DisplayMath(text)
            | Event::InlineHtml(text)
            | Event::Html(text) => out.push_str(&text),
            Event::SoftBreak | Event::HardBreak | Event::Rule => space(&mut out),
            // A block starts and ends with a space: "Punkt" and a list inside its item stay apart.
            Event::Start(tag) if !inline(&tag) => space(&mut out),
            Event::End(tag) if !inline_end(tag) => space(&mut out),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Tags inside a line of text, which join to the words around them.
fn inline(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

fn inline_end(tag: TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_quotes_emphasis_code_and_link_addresses_leave_no_marks() {
        let markdown = "Vorher **fett** und `Code`.\n\n- Erster Punkt\n- Zweiter Punkt\n  1. innen\n\n\
            > Im Zweifel *nicht* klicken.\n\nMehr beim [BSI](https://www.bsi.bund.de).";
        assert_eq!(
            read_text(markdown),
            "Vorher fett und Code. Erster Punkt Zweiter Punkt innen Im Zweifel nicht klicken. Mehr beim BSI."
        );
    }

    #[test]
    fn blocks_and_lines_are_joined_with_one_space() {
        assert_eq!(
            read_text("# Titel\nZeile eins\nZeile zwei"),
            "Titel Zeile eins Zeile zwei"
        );
        assert_eq!(
            read_text("```\nlet x = 1;\n```\nDanach"),
            "let x = 1; Danach"
        );
    }
}
