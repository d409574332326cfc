//! The page being laid out: it takes pulldown-cmark's events one by one and writes wrapped lines,
//! each behind the quote bars and list indentation of the blocks it stands in.

mod code;
mod footnote;
mod link;
mod list;
mod table;

use std::borrow::Cow;

use pulldown_cmark::{Event, Tag, TagEnd};
use unicode_width::UnicodeWidthStr;

use super::parse::Shape;
use super::wrap::Wrapping;
use super::{Emphasis, Line, Run, Style, push_text};
use crate::i18n::T;
use link::Link;
use list::List;
use table::Table;

/// Columns that must stay free for text however deeply blocks are nested,
/// so that indentation never pushes a line past the width.
fn min_text_width(width: usize) -> usize {
    width.min(2).max((width / 2).min(20))
}

/// How much of `width` indentation (quote bars, list indents, code indents) may take.
fn indent_limit(width: usize) -> usize {
    width - min_text_width(width)
}

/// Something lines are nested in: every line inside carries its prefix.
enum Container {
    Quote,
    Item {
        marker: String,
        marker_width: usize,
        /// The marker goes on the item's first line only; after that its width in spaces.
        marker_pending: bool,
        in_loose_list: bool,
    },
}

/// The lines rendered so far and where in the document the next one goes.
pub(super) struct Page {
    width: usize,
    style: Style,
    shape: Shape,
    lists_started: usize,
    items_started: usize,
    lines: Vec<Line>,
    containers: Vec<Container>,
    /// How many of `containers` were already open when the last line was written:
    /// only those are shared with an empty line between two blocks.
    settled: usize,
    lists: Vec<List>,
    empty_line_before_next: bool,
    quotes: usize,
    strong: usize,
    italic: usize,
    struck: usize,
    in_links: usize,
    in_heading: bool,
    links: Vec<Link>,
    inline: Option<Wrapping>,
    code: Option<String>,
    in_html_block: bool,
    /// The table being read: its cells are laid out once all of them are known.
    table: Option<Table>,
    /// Whether the footnotes at the end have been set off from the text yet.
    footnotes_begun: bool,
}

impl Page {
    pub(super) fn new(width: usize, style: Style, shape: Shape) -> Page {
        Page {
            width,
            style,
            shape,
            lists_started: 0,
            items_started: 0,
            lines: Vec::new(),
            containers: Vec::new(),
            settled: 0,
            lists: Vec::new(),
            empty_line_before_next: false,
            quotes: 0,
            strong: 0,
            italic: 0,
            struck: 0,
            in_links: 0,
            in_heading: false,
            links: Vec::new(),
            inline: None,
            code: None,
            in_html_block: false,
            table: None,
            footnotes_begun: false,
        }
    }

    pub(super) fn finish(mut self) -> Vec<Line> {
        self.end_inline();
        self.end_code_block();
        self.end_table();
        self.lines
    }

    pub(super) fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => match &mut self.code {
                Some(code) => code.push_str(&text),
                None if self.in_html_block => self.html(&text),
                None => self.text(&text, false, self.emphasis()),
            },
            Event::Code(code) | Event::InlineMath(code) | Event::DisplayMath(code) => {
                let emphasis = Emphasis {
                    code: true,
                    ..self.emphasis()
                };
                self.text(&code, true, emphasis);
            }
            Event::Html(html) => self.html(&html),
            Event::InlineHtml(html) => self.text(&html, false, self.emphasis()),
            Event::SoftBreak => self.text(" ", false, self.emphasis()),
            Event::HardBreak => self.open_inline().hard_break(),
            Event::Rule => {
                self.end_inline();
                let rule = self.style.rule().repeat(self.room().min(40));
                self.write(vec![Run {
                    text: rule,
                    emphasis: self.rule_emphasis(),
                }]);
                self.block_done();
            }
            Event::FootnoteReference(label) => self.footnote_reference(&label),
            // The box is already the item's marker (see `start_item`).
            Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => {
                self.end_inline();
                self.open_inline();
            }
            Tag::Heading { .. } => {
                self.end_inline();
                self.in_heading = true;
                self.open_inline();
            }
            Tag::BlockQuote(_) => {
                self.end_inline();
                self.containers.push(Container::Quote);
                self.quotes += 1;
            }
            Tag::CodeBlock(_) => {
                self.end_inline();
                self.code = Some(String::new());
            }
            Tag::HtmlBlock => {
                self.end_inline();
                self.in_html_block = true;
                self.open_inline();
            }
            Tag::List(start) => self.start_list(start),
            Tag::Item => self.start_item(),
            Tag::Emphasis => self.italic += 1,
            Tag::Strong => self.strong += 1,
            Tag::Strikethrough => self.start_struck(),
            // Only a single tilde on each side; shown as written (see `parse::options`).
            Tag::Subscript => self.text("~", false, self.emphasis()),
            Tag::Table(alignments) => self.start_table(alignments),
            Tag::TableHead | Tag::TableRow => self.start_table_row(),
            Tag::TableCell => self.start_table_cell(),
            Tag::FootnoteDefinition(label) => self.start_footnote(&label),
            Tag::Link { dest_url, .. } => {
                self.in_links += 1;
                self.links.push(Link::to(&dest_url));
            }
            Tag::Image { dest_url, .. } => self.links.push(Link::to(&dest_url)),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => self.end_inline(),
            TagEnd::Heading(_) => {
                self.end_inline();
                self.in_heading = false;
            }
            TagEnd::BlockQuote(_) => {
                self.end_inline();
                self.close_container();
                self.quotes = self.quotes.saturating_sub(1);
                self.block_done();
            }
            TagEnd::CodeBlock => {
                self.end_code_block();
                self.block_done();
            }
            TagEnd::HtmlBlock => {
                self.end_inline();
                self.in_html_block = false;
            }
            TagEnd::List(_) => self.end_list(),
            TagEnd::Item => self.end_item(),
            TagEnd::Emphasis => self.italic = self.italic.saturating_sub(1),
            TagEnd::Strong => self.strong = self.strong.saturating_sub(1),
            TagEnd::Strikethrough => self.end_struck(),
            TagEnd::Subscript => self.text("~", false, self.emphasis()),
            TagEnd::Table => self.end_table(),
            TagEnd::TableCell => self.end_table_cell(),
            TagEnd::FootnoteDefinition => self.end_footnote(),
            TagEnd::Link => self.end_link(),
            TagEnd::Image => self.end_image(),
            _ => {}
        }
    }

    /// How text looks at this point of the document.
    fn emphasis(&self) -> Emphasis {
        Emphasis {
            bold: self.strong > 0 || self.in_heading,
            italic: self.italic > 0,
            code: false,
            link: self.in_links > 0,
            quote: self.quotes > 0,
            heading: self.in_heading,
            struck: self.struck > 0,
            rule: false,
        }
    }

    /// Struck-out text keeps a mark that needs no crossing-out to be seen: its `~~`, or where the
    /// page is read aloud, the word for it.
    fn start_struck(&mut self) {
        let mark = match self.style.words {
            Some(lang) => format!("({}: ", T::MarkdownStruck.get(lang)),
            None => "~~".to_owned(),
        };
        self.text(&mark, false, self.emphasis());
        self.struck += 1;
    }

    fn end_struck(&mut self) {
        self.struck = self.struck.saturating_sub(1);
        let mark = if self.style.words.is_some() {
            ")"
        } else {
            "~~"
        };
        self.text(mark, false, self.emphasis());
    }

    /// How whole blocks (code, rules, indentation) look: only the quote carries over.
    fn block_emphasis(&self) -> Emphasis {
        Emphasis {
            quote: self.quotes > 0,
            ..Emphasis::default()
        }
    }

    /// How drawn lines look: a thematic break, a table's rules.
    fn rule_emphasis(&self) -> Emphasis {
        Emphasis {
            rule: true,
            ..self.block_emphasis()
        }
    }

    fn text(&mut self, text: &str, keep_spaces: bool, emphasis: Emphasis) {
        if let Some(link) = self.links.last_mut() {
            link.add_text(text);
        }
        self.open_inline().feed(text, emphasis, keep_spaces);
    }

    /// Raw HTML is shown as written, line by line, so trainers see it was not interpreted.
    fn html(&mut self, html: &str) {
        let emphasis = self.emphasis();
        let wrapping = self.open_inline();
        let mut parts = html.split('\n').peekable();
        while let Some(part) = parts.next() {
            wrapping.feed(part.trim_end_matches('\r'), emphasis, false);
            if parts.peek().is_some() {
                wrapping.hard_break();
            }
        }
    }

    /// The text block being filled; tight list items have text without a paragraph around it.
    fn open_inline(&mut self) -> &mut Wrapping {
        if self.inline.is_none() {
            self.inline = Some(Wrapping::new(self.room()));
        }
        self.inline.get_or_insert_with(|| Wrapping::new(1))
    }

    fn end_inline(&mut self) {
        if let Some(wrapping) = self.inline.take() {
            for line in wrapping.finish() {
                self.write(line);
            }
            self.block_done();
        }
    }

    /// After a block, an empty line separates it from the next, except between the blocks of a tight list item.
    fn block_done(&mut self) {
        self.empty_line_before_next = !matches!(
            self.containers.last(),
            Some(Container::Item {
                in_loose_list: false,
                ..
            })
        );
    }

    fn close_container(&mut self) {
        self.containers.pop();
        self.settled = self.settled.min(self.containers.len());
    }

    /// Columns left for text after the indentation of the current containers.
    fn room(&self) -> usize {
        self.width - self.prefix(self.containers.len(), false).1
    }

    /// Quote bars and list indentation of the first `upto` containers, as far as they fit,
    /// with list markers where an item has not shown its marker yet.
    fn prefix(&self, upto: usize, markers: bool) -> (Vec<Run>, usize) {
        let limit = indent_limit(self.width);
        let quote = Emphasis {
            quote: true,
            ..Emphasis::default()
        };
        let mut runs = Vec::new();
        let mut used = 0;
        // Containers past the limit are invisible anyway; stopping early keeps deep nesting cheap.
        for (index, container) in self.containers.iter().enumerate().take(upto.min(limit + 1)) {
            let (text, width, emphasis) = match container {
                Container::Quote => (
                    Cow::Borrowed(self.style.quote),
                    self.style.quote.width(),
                    quote,
                ),
                Container::Item {
                    marker,
                    marker_width,
                    marker_pending,
                    ..
                } => {
                    let text = if markers && *marker_pending && index >= self.settled {
                        Cow::Borrowed(marker.as_str())
                    } else {
                        Cow::Owned(" ".repeat(*marker_width))
                    };
                    (text, *marker_width, Emphasis::default())
                }
            };
            if used + width > limit {
                break;
            }
            used += width;
            push_text(&mut runs, &text, emphasis);
        }
        (runs, used)
    }

    /// Adds one line of content behind its prefix, after an empty line if a block ended before it.
    fn write(&mut self, content: Vec<Run>) {
        if self.empty_line_before_next && !self.lines.is_empty() {
            let (shared, _) = self.prefix(self.settled, false);
            self.lines.push(finish_line(shared));
        }
        self.empty_line_before_next = false;
        let (mut runs, _) = self.prefix(self.containers.len(), true);
        for run in content {
            push_text(&mut runs, &run.text, run.emphasis);
        }
        self.lines.push(finish_line(runs));
        let settled = self.settled.min(self.containers.len());
        for container in &mut self.containers[settled..] {
            if let Container::Item { marker_pending, .. } = container {
                *marker_pending = false;
            }
        }
        self.settled = self.containers.len();
    }
}

/// Drops trailing white space (a bare quote bar, an empty item) and empty runs.
fn finish_line(mut runs: Vec<Run>) -> Line {
    while let Some(last) = runs.last_mut() {
        let kept = last.text.trim_end_matches([' ', '\n']).len();
        last.text.truncate(kept);
        if !last.text.is_empty() {
            break;
        }
        runs.pop();
    }
    Line { runs }
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;
    use crate::markdown::test_support::{emphasis_of, plain, terminal, text_of};
    use crate::markdown::{Emphasis, Style, render};

    #[test]
    fn paragraphs_are_separated_by_one_empty_line() {
        assert_eq!(terminal("One.\n\n\n\nTwo.", 40), "One.\n\nTwo.");
    }

    #[test]
    fn output_has_no_empty_line_at_start_or_end() {
        let lines = render("\n\n\nText.\n\n\n", 40, Style::TERMINAL);
        assert_eq!(text_of(&lines), "Text.");
    }

    #[test]
    fn empty_markdown_renders_no_lines() {
        assert!(render("", 40, Style::TERMINAL).is_empty());
    }

    #[test]
    fn soft_break_becomes_space() {
        assert_eq!(terminal("one\ntwo", 40), "one two");
    }

    #[test]
    fn bold_and_italic_carry_their_emphasis() {
        let lines = render("**fett** und *kursiv*", 40, Style::TERMINAL);
        assert_eq!(text_of(&lines), "fett und kursiv");
        assert!(emphasis_of(&lines, "fett").is_some_and(|e| e.bold && !e.italic));
        assert!(emphasis_of(&lines, "kursiv").is_some_and(|e| e.italic && !e.bold));
        assert_eq!(emphasis_of(&lines, " und "), Some(&Emphasis::default()));
    }

    #[test]
    fn struck_out_text_is_crossed_out_and_keeps_its_tildes() {
        let lines = render(
            "Nicht ~~Passwort123~~, sondern ein Satz.",
            60,
            Style::TERMINAL,
        );
        assert_eq!(text_of(&lines), "Nicht ~~Passwort123~~, sondern ein Satz.");
        assert!(emphasis_of(&lines, "Passwort123").is_some_and(|e| e.struck));
        assert!(emphasis_of(&lines, "Nicht ~~").is_some_and(|e| !e.struck));
    }

    #[test]
    fn struck_out_text_is_said_in_words_where_it_is_read_aloud() {
        let told = |lang| {
            text_of(&render(
                "Nicht ~~Passwort123~~.",
                60,
                Style::PLAIN.told_in(lang),
            ))
        };
        assert_eq!(told(Lang::De), "Nicht (durchgestrichen: Passwort123).");
        assert_eq!(told(Lang::En), "Nicht (struck out: Passwort123).");
        assert_eq!(
            plain("Nicht ~~Passwort123~~.", 60),
            "Nicht ~~Passwort123~~."
        );
    }

    #[test]
    fn a_single_tilde_is_text_not_strikethrough() {
        let lines = render("etwa ~5 Minuten oder ~10 Minuten", 60, Style::TERMINAL);
        assert_eq!(text_of(&lines), "etwa ~5 Minuten oder ~10 Minuten");
        assert!(
            lines
                .iter()
                .flat_map(|l| &l.runs)
                .all(|r| !r.emphasis.struck)
        );
    }

    #[test]
    fn inline_code_is_shown_without_backticks() {
        let lines = render("Run `kurs check` now", 40, Style::TERMINAL);
        assert_eq!(text_of(&lines), "Run kurs check now");
        assert!(emphasis_of(&lines, "kurs check").is_some_and(|e| e.code));
    }

    #[test]
    fn heading_is_bold_on_its_own_line_followed_by_empty_line() {
        let lines = render("Intro\n# Title\nText", 40, Style::TERMINAL);
        assert_eq!(text_of(&lines), "Intro\n\nTitle\n\nText");
        assert!(emphasis_of(&lines, "Title").is_some_and(|e| e.heading && e.bold));
    }

    #[test]
    fn block_quote_lines_carry_prefix() {
        let lines = render("> quoted words that wrap", 10, Style::TERMINAL);
        assert_eq!(text_of(&lines), "│ quoted\n│ words\n│ that\n│ wrap");
        assert!(
            lines
                .iter()
                .all(|l| l.runs.iter().all(|r| r.emphasis.quote))
        );
    }

    #[test]
    fn nested_block_quote_repeats_prefix() {
        assert_eq!(terminal("> a\n>\n> > b\n\nc", 40), "│ a\n│\n│ │ b\n\nc");
    }

    #[test]
    fn empty_line_inside_quote_keeps_the_bar() {
        assert_eq!(terminal("> one\n>\n> two", 40), "│ one\n│\n│ two");
    }

    #[test]
    fn thematic_break_is_a_line_of_at_most_forty_columns() {
        assert_eq!(terminal("a\n\n---\n\nb", 5), "a\n\n─────\n\nb");
        assert_eq!(terminal("***", 80), "─".repeat(40));
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        assert_eq!(
            terminal("Some <b>bold</b> text\n\n<div>\nblock\n</div>", 40),
            "Some <b>bold</b> text\n\n<div>\nblock\n</div>"
        );
    }

    #[test]
    fn deep_quote_nesting_still_fits_the_width() {
        let markdown = format!("{} text that is long enough to wrap", ">".repeat(1000));
        let lines = render(&markdown, 30, Style::TERMINAL);
        assert_eq!(
            text_of(&lines),
            "│ │ │ │ │ │ │ text that is\n│ │ │ │ │ │ │ long enough to\n│ │ │ │ │ │ │ wrap"
        );
    }

    #[test]
    fn deep_list_nesting_still_fits_the_width() {
        let markdown: String = (0..500)
            .map(|depth| format!("{}- item {depth}\n", "  ".repeat(depth)))
            .collect();
        for width in [1, 2, 5, 20, 80] {
            let lines = render(&markdown, width, Style::TERMINAL);
            assert!(lines.iter().all(|l| l.width() <= width), "width {width}");
            if width >= 20 {
                assert!(text_of(&lines).contains("item 499"), "width {width}");
            }
        }
    }
}
