//! Course texts are Markdown written by trainers; this turns them into wrapped display lines of styled runs.
//! Both front ends (the terminal UI and the plain screen-reader mode) draw these lines; nothing here knows a terminal.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::safe_text::sanitize;
use std::borrow::Cow;

/// How a run of text looks; the front ends map it to colours/attributes or ignore it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Emphasis {
    pub bold: bool,
    pub italic: bool,
    pub code: bool,
    pub link: bool,
    pub quote: bool,
    pub heading: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub emphasis: Emphasis,
}

/// One display line, already wrapped; indentation and list markers are part of the runs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Line {
    pub runs: Vec<Run>,
}

impl Line {
    /// The line's text without emphasis, as a screen reader gets it.
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }

    /// Display columns the line takes up.
    pub fn width(&self) -> usize {
        self.text().width()
    }
}

/// Markers differ between the terminal UI and plain/screen-reader output.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub bullets: [&'static str; 3],
    pub quote: &'static str,
}

impl Style {
    pub const TERMINAL: Style = Style {
        bullets: ["• ", "◦ ", "▪ "],
        quote: "│ ",
    };
    pub const PLAIN: Style = Style {
        bullets: ["- ", "- ", "- "],
        quote: "> ",
    };

    /// A style made only of ASCII markers gets an ASCII thematic break too.
    fn rule(&self) -> &'static str {
        if self.quote.is_ascii() { "-" } else { "─" }
    }
}

/// Renders Markdown into lines at most `width` display columns wide (width 0 is treated as 1).
pub fn render(markdown: &str, width: usize, style: Style) -> Vec<Line> {
    // Collected first, because whether a list is tight is only known from its items' content.
    let events: Vec<Event<'_>> = Parser::new(markdown).collect();
    let mut page = Page::new(width.max(1), style, loose_lists(&events));
    for event in events {
        page.event(event);
    }
    page.finish()
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

struct List {
    /// The number of the next item in a numbered list.
    next_number: Option<u64>,
    loose: bool,
}

struct Link {
    url: String,
    /// The visible text, to show the URL only once when they are the same.
    text: String,
}

/// The lines rendered so far and where in the document the next one goes.
struct Page {
    width: usize,
    style: Style,
    loose_lists: Vec<bool>,
    lists_started: usize,
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
    in_links: usize,
    in_heading: bool,
    links: Vec<Link>,
    inline: Option<Wrapping>,
    code: Option<String>,
    in_html_block: bool,
}

impl Page {
    fn new(width: usize, style: Style, loose_lists: Vec<bool>) -> Page {
        Page {
            width,
            style,
            loose_lists,
            lists_started: 0,
            lines: Vec::new(),
            containers: Vec::new(),
            settled: 0,
            lists: Vec::new(),
            empty_line_before_next: false,
            quotes: 0,
            strong: 0,
            italic: 0,
            in_links: 0,
            in_heading: false,
            links: Vec::new(),
            inline: None,
            code: None,
            in_html_block: false,
        }
    }

    fn finish(mut self) -> Vec<Line> {
        self.end_inline();
        if let Some(code) = self.code.take() {
            self.code_block(&code);
        }
        self.lines
    }

    fn event(&mut self, event: Event<'_>) {
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
                    emphasis: self.block_emphasis(),
                }]);
                self.block_done();
            }
            Event::FootnoteReference(label) => {
                self.text(&format!("[^{label}]"), false, self.emphasis());
            }
            Event::TaskListMarker(done) => {
                let marker = if done { "[x] " } else { "[ ] " };
                self.text(marker, false, self.emphasis());
            }
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
            Tag::List(start) => {
                self.end_inline();
                let loose = self
                    .loose_lists
                    .get(self.lists_started)
                    .copied()
                    .unwrap_or(false);
                self.lists_started += 1;
                self.lists.push(List {
                    next_number: start,
                    loose,
                });
            }
            Tag::Item => {
                self.end_inline();
                let depth = self.lists.len().saturating_sub(1).min(2);
                let (marker, in_loose_list) = match self.lists.last_mut() {
                    Some(list) => {
                        let marker = match &mut list.next_number {
                            Some(number) => {
                                let marker = format!("{number}. ");
                                *number = number.saturating_add(1);
                                marker
                            }
                            None => self.style.bullets[depth].to_owned(),
                        };
                        (marker, list.loose)
                    }
                    None => (self.style.bullets[depth].to_owned(), false),
                };
                self.containers.push(Container::Item {
                    marker_width: marker.width(),
                    marker,
                    marker_pending: true,
                    in_loose_list,
                });
            }
            Tag::Emphasis => self.italic += 1,
            Tag::Strong => self.strong += 1,
            Tag::Link { dest_url, .. } => {
                self.in_links += 1;
                self.links.push(Link {
                    url: sanitize(&dest_url).into_owned(),
                    text: String::new(),
                });
            }
            Tag::Image { dest_url, .. } => self.links.push(Link {
                url: sanitize(&dest_url).into_owned(),
                text: String::new(),
            }),
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
                if let Some(code) = self.code.take() {
                    self.code_block(&code);
                }
                self.block_done();
            }
            TagEnd::HtmlBlock => {
                self.end_inline();
                self.in_html_block = false;
            }
            TagEnd::List(_) => {
                self.end_inline();
                self.lists.pop();
                self.block_done();
            }
            TagEnd::Item => {
                self.end_inline();
                // An empty item still shows its marker, so numbering stays visible.
                let unseen = self.containers.len() > self.settled;
                if unseen
                    && let Some(Container::Item {
                        marker_pending: true,
                        ..
                    }) = self.containers.last()
                {
                    self.write(Vec::new());
                }
                self.close_container();
            }
            TagEnd::Emphasis => self.italic = self.italic.saturating_sub(1),
            TagEnd::Strong => self.strong = self.strong.saturating_sub(1),
            TagEnd::Link => {
                self.in_links = self.in_links.saturating_sub(1);
                if let Some(link) = self.links.pop() {
                    self.pass_text_to_outer_link(&link);
                    let shown_once = link.text == link.url
                        || link.url.strip_prefix("mailto:") == Some(link.text.as_str());
                    if !shown_once {
                        let emphasis = Emphasis {
                            link: true,
                            ..self.emphasis()
                        };
                        if link.text.is_empty() {
                            self.text(&link.url, false, emphasis);
                        } else {
                            self.text(&format!(" ({})", link.url), false, emphasis);
                        }
                    }
                }
            }
            TagEnd::Image => {
                let Some(image) = self.links.pop() else {
                    return;
                };
                self.pass_text_to_outer_link(&image);
                if image.text != image.url {
                    let emphasis = Emphasis {
                        link: true,
                        ..self.emphasis()
                    };
                    if image.text.trim().is_empty() {
                        self.text(&image.url, false, emphasis);
                    } else {
                        self.text(&format!(" ({})", image.url), false, emphasis);
                    }
                }
            }
            _ => {}
        }
    }

    /// An image inside a link is part of the link's text.
    fn pass_text_to_outer_link(&mut self, inner: &Link) {
        if let Some(outer) = self.links.last_mut() {
            outer.text.push_str(&inner.text);
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
        }
    }

    /// How whole blocks (code, rules, indentation) look: only the quote carries over.
    fn block_emphasis(&self) -> Emphasis {
        Emphasis {
            quote: self.quotes > 0,
            ..Emphasis::default()
        }
    }

    fn text(&mut self, text: &str, keep_spaces: bool, emphasis: Emphasis) {
        if let Some(link) = self.links.last_mut() {
            link.text.push_str(&sanitize(text));
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

    fn code_block(&mut self, code: &str) {
        let room = self.room();
        let indent = indent_limit(room).min(4);
        let piece_width = room - indent;
        let block = self.block_emphasis();
        let emphasis = Emphasis {
            code: true,
            ..block
        };
        let code = code.strip_suffix('\n').unwrap_or(code);
        if code.is_empty() {
            return;
        }
        for source_line in code.split('\n') {
            let source_line = sanitize(source_line.trim_end_matches('\r'));
            let mut pieces = cut_to_width(&source_line, piece_width).peekable();
            if pieces.peek().is_none() {
                self.write(Vec::new());
            }
            for piece in pieces {
                self.write(vec![
                    Run {
                        text: " ".repeat(indent),
                        emphasis: block,
                    },
                    Run {
                        text: piece,
                        emphasis,
                    },
                ]);
            }
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

/// Appends text, joining it to the last run when it looks the same.
fn push_text(runs: &mut Vec<Run>, text: &str, emphasis: Emphasis) {
    if text.is_empty() {
        return;
    }
    match runs.last_mut() {
        Some(last) if last.emphasis == emphasis => last.text.push_str(text),
        _ => runs.push(Run {
            text: text.to_owned(),
            emphasis,
        }),
    }
}

/// Cuts a line (of code) into pieces of at most `width` columns, between grapheme clusters.
fn cut_to_width(text: &str, width: usize) -> impl Iterator<Item = String> + '_ {
    let mut clusters = text.graphemes(true).peekable();
    std::iter::from_fn(move || {
        clusters.peek()?;
        let mut piece = String::new();
        let mut used = 0;
        while let Some(cluster) = clusters.peek() {
            let (cluster, cluster_width) = fitting_cluster(cluster, width);
            if used + cluster_width > width && !piece.is_empty() {
                break;
            }
            piece.push_str(cluster);
            used += cluster_width;
            clusters.next();
        }
        Some(piece)
    })
}

/// A cluster wider than the whole line (a CJK character at width 1) cannot be shown; a placeholder keeps its place.
fn fitting_cluster(cluster: &str, width: usize) -> (&str, usize) {
    match cluster.width() {
        w if w > width => ("\u{FFFD}", 1),
        w => (cluster, w),
    }
}

/// Fills lines word by word; a word too long for a whole line is cut between grapheme clusters.
struct Wrapping {
    room: usize,
    lines: Vec<Vec<Run>>,
    line: Vec<Run>,
    line_width: usize,
    /// What goes between the line so far and the next word: a space, or nothing where CJK text may break.
    gap: Option<Run>,
    word: Vec<Run>,
    word_text: String,
    /// The first character of the cluster before, to find where CJK text may break.
    previous: Option<char>,
}

impl Wrapping {
    fn new(room: usize) -> Wrapping {
        Wrapping {
            room: room.max(1),
            lines: Vec::new(),
            line: Vec::new(),
            line_width: 0,
            gap: None,
            word: Vec::new(),
            word_text: String::new(),
            previous: None,
        }
    }

    /// Adds text; spaces collapse to one unless `keep_spaces` (inside code spans).
    fn feed(&mut self, text: &str, emphasis: Emphasis, keep_spaces: bool) {
        let text = sanitize(text);
        for cluster in text.graphemes(true) {
            if cluster == " " || cluster == "\n" {
                self.end_word();
                self.previous = None;
                match &mut self.gap {
                    Some(gap) if !gap.text.is_empty() => {
                        if keep_spaces {
                            gap.text.push(' ');
                        }
                    }
                    _ => {
                        self.gap = Some(Run {
                            text: " ".to_owned(),
                            emphasis,
                        })
                    }
                }
                continue;
            }
            let Some(first) = cluster.chars().next() else {
                continue;
            };
            if let Some(previous) = self.previous
                && !self.word.is_empty()
                && may_break_between(previous, first)
                && cluster.width() > 0
            {
                self.end_word();
                self.gap = Some(Run {
                    text: String::new(),
                    emphasis,
                });
            }
            push_text(&mut self.word, cluster, emphasis);
            self.word_text.push_str(cluster);
            self.previous = Some(first);
        }
    }

    fn hard_break(&mut self) {
        self.end_word();
        self.gap = None;
        self.previous = None;
        self.break_line();
    }

    fn finish(mut self) -> Vec<Vec<Run>> {
        self.end_word();
        if !self.line.is_empty() {
            self.lines.push(self.line);
        }
        self.lines
    }

    fn break_line(&mut self) {
        self.lines.push(std::mem::take(&mut self.line));
        self.line_width = 0;
    }

    fn end_word(&mut self) {
        if self.word.is_empty() {
            return;
        }
        let width = self.word_text.width();
        self.word_text.clear();
        let word = std::mem::take(&mut self.word);
        let gap = self.gap.take();
        if !self.line.is_empty() {
            let gap_width = gap.as_ref().map_or(0, |gap| gap.text.width());
            if self.line_width + gap_width + width <= self.room {
                for run in gap.into_iter().chain(word) {
                    push_text(&mut self.line, &run.text, run.emphasis);
                }
                self.line_width += gap_width + width;
                return;
            }
            self.break_line();
        }
        if width <= self.room {
            for run in word {
                push_text(&mut self.line, &run.text, run.emphasis);
            }
            self.line_width = width;
            return;
        }
        for run in word {
            for cluster in run.text.graphemes(true) {
                let (cluster, cluster_width) = fitting_cluster(cluster, self.room);
                if self.line_width + cluster_width > self.room && !self.line.is_empty() {
                    self.break_line();
                }
                push_text(&mut self.line, cluster, run.emphasis);
                self.line_width += cluster_width;
            }
        }
    }
}

/// Chinese, Japanese and Korean text has no spaces; a line may break between its characters,
/// except before closing and after opening punctuation.
fn may_break_between(before: char, after: char) -> bool {
    const NO_BREAK_BEFORE: &str = ",.;:!?)]}%、。，．：；！？）」』】〕〉》〙〛ー…々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ";
    const NO_BREAK_AFTER: &str = "([{（「『【〔〈《〘〚";
    (is_cjk(before) || is_cjk(after))
        && !NO_BREAK_BEFORE.contains(after)
        && !NO_BREAK_AFTER.contains(before)
}

fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}'
        | '\u{2E80}'..='\u{2FDF}'
        | '\u{3040}'..='\u{30FF}'
        | '\u{3100}'..='\u{318F}'
        | '\u{31F0}'..='\u{31FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7AF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terminal(markdown: &str, width: usize) -> String {
        text_of(&render(markdown, width, Style::TERMINAL))
    }

    fn plain(markdown: &str, width: usize) -> String {
        text_of(&render(markdown, width, Style::PLAIN))
    }

    fn text_of(lines: &[Line]) -> String {
        lines.iter().map(Line::text).collect::<Vec<_>>().join("\n")
    }

    fn emphasis_of<'a>(lines: &'a [Line], text: &str) -> Option<&'a Emphasis> {
        lines
            .iter()
            .flat_map(|line| &line.runs)
            .find(|run| run.text == text)
            .map(|run| &run.emphasis)
    }

    const SAMPLE: &str = "# Sicher im Netz: Passwörter und Zwei-Faktor-Anmeldung\n\
        \n\
        Ein **gutes Passwort** ist *lang*, einzigartig und geheim. Nutzen Sie `pass-wort-manager` \
        oder schreiben Sie an [den Support](https://example.org/hilfe/passwoerter?lang=de#abschnitt-zwei).\n\
        Donaudampfschifffahrtsgesellschaftskapitänsmütze ist ein langes Wort.\n\
        \n\
        - Erster Punkt mit **Slack**, *Teams* und <https://example.com/a/very/long/path/that/goes/on>\n\
        - Zweiter Punkt\n\
        \x20 - Verschachtelt mit einem ziemlich langen Text, der umbrechen muss\n\
        \x20   1. Tief\n\
        \x20      > Zitat im Punkt mit Text\n\
        \n\
        3. Drei\n\
        4. Vier\n\
        \n\
        > Ein Zitat über mehrere Wörter, die umbrechen.\n\
        > > Verschachtelt: 日本語のテキストは空白なしで折り返されます。\n\
        \n\
        ```rust\n\
        fn main() {\n\
        \tprintln!(\"Hallo, Welt! Eine sehr lange Zeile im Code, die abgeschnitten wird\");\n\
        }\n\
        ```\n\
        \n\
        ---\n\
        \n\
        Emoji 👍🏽 und 👨‍👩‍👧 und e\u{301}\u{301} sowie <b>fett</b>.  \n\
        Harter Umbruch ![Bild](bild.png)\n\
        \n\
        <div class=\"hinweis\">\n\
        Hinweis\n\
        </div>\n";

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
    fn hard_break_starts_new_line() {
        assert_eq!(terminal("one  \ntwo\\\nthree", 40), "one\ntwo\nthree");
    }

    #[test]
    fn text_wraps_at_spaces_by_width() {
        assert_eq!(
            terminal("the quick brown fox jumps over the lazy dog", 10),
            "the quick\nbrown fox\njumps over\nthe lazy\ndog"
        );
    }

    #[test]
    fn spaces_between_words_collapse() {
        assert_eq!(terminal("a    b", 40), "a b");
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
    fn inline_code_is_shown_without_backticks() {
        let lines = render("Run `kurs check` now", 40, Style::TERMINAL);
        assert_eq!(text_of(&lines), "Run kurs check now");
        assert!(emphasis_of(&lines, "kurs check").is_some_and(|e| e.code));
    }

    #[test]
    fn code_span_keeps_inner_spaces() {
        assert_eq!(terminal("a `x  y` b", 40), "a x  y b");
    }

    #[test]
    fn emphasis_inside_a_word_adds_no_space() {
        let lines = render("Use **Slack**, or *Teams*.", 40, Style::TERMINAL);
        assert_eq!(text_of(&lines), "Use Slack, or Teams.");
        assert!(emphasis_of(&lines, "Slack").is_some_and(|e| e.bold));
    }

    #[test]
    fn word_with_mixed_emphasis_wraps_as_one_word() {
        assert_eq!(terminal("aaaa **Slack**,", 8), "aaaa\nSlack,");
    }

    #[test]
    fn link_shows_text_and_url() {
        let lines = render("See [the help](https://x.org/h).", 60, Style::TERMINAL);
        assert_eq!(text_of(&lines), "See the help (https://x.org/h).");
        assert!(emphasis_of(&lines, "the help (https://x.org/h)").is_some_and(|e| e.link));
    }

    #[test]
    fn link_whose_text_is_the_url_shows_it_once() {
        assert_eq!(
            terminal("[https://x.org](https://x.org)", 40),
            "https://x.org"
        );
    }

    #[test]
    fn autolink_shows_url_once() {
        assert_eq!(
            terminal("Go to <https://x.org> or <hi@x.org>", 60),
            "Go to https://x.org or hi@x.org"
        );
    }

    #[test]
    fn image_shows_alt_text_and_url() {
        assert_eq!(terminal("![A cat](cat.png)", 40), "A cat (cat.png)");
    }

    #[test]
    fn image_inside_link_shows_both_urls() {
        assert_eq!(
            terminal("[![Logo](logo.png)](https://x.org)", 40),
            "Logo (logo.png) (https://x.org)"
        );
    }

    #[test]
    fn long_url_is_broken_by_width() {
        assert_eq!(
            terminal("[x](https://example.org/abcdef)", 10),
            "x\n(https://e\nxample.org\n/abcdef)"
        );
    }

    #[test]
    fn heading_is_bold_on_its_own_line_followed_by_empty_line() {
        let lines = render("Intro\n# Title\nText", 40, Style::TERMINAL);
        assert_eq!(text_of(&lines), "Intro\n\nTitle\n\nText");
        assert!(emphasis_of(&lines, "Title").is_some_and(|e| e.heading && e.bold));
    }

    #[test]
    fn bullet_list_uses_terminal_bullets_by_depth() {
        assert_eq!(
            terminal("- a\n  - b\n    - c\n      - d", 40),
            "• a\n  ◦ b\n    ▪ c\n      ▪ d"
        );
    }

    #[test]
    fn tight_list_has_no_empty_lines_between_items() {
        assert_eq!(terminal("- a\n- b\n- c", 40), "• a\n• b\n• c");
    }

    #[test]
    fn list_is_separated_from_paragraphs_by_empty_line() {
        assert_eq!(
            terminal("Before:\n- a\n- b\n\nAfter.", 40),
            "Before:\n\n• a\n• b\n\nAfter."
        );
    }

    #[test]
    fn nested_bullet_list_has_hanging_indent() {
        assert_eq!(
            terminal("- parent item text\n  - child item text\n- next", 14),
            "• parent item\n  text\n  ◦ child item\n    text\n• next"
        );
    }

    #[test]
    fn loose_list_items_are_separated_and_their_paragraphs_indented() {
        assert_eq!(
            terminal("- first\n\n  more of first\n- second", 40),
            "• first\n\n  more of first\n\n• second"
        );
    }

    #[test]
    fn numbered_list_respects_start() {
        assert_eq!(
            terminal("7. seven\n8. eight\n9. nine\n10. ten wraps here", 12),
            "7. seven\n8. eight\n9. nine\n10. ten\n    wraps\n    here"
        );
    }

    #[test]
    fn empty_list_item_shows_its_marker() {
        assert_eq!(terminal("1. one\n2.\n3. three", 40), "1. one\n2.\n3. three");
    }

    #[test]
    fn list_item_may_start_with_a_nested_list() {
        assert_eq!(terminal("- - inner", 40), "• ◦ inner");
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
    fn quote_inside_list_item_follows_the_marker() {
        assert_eq!(
            terminal("1. > quoted in item", 12),
            "1. │ quoted\n   │ in item"
        );
    }

    #[test]
    fn code_block_is_indented_and_not_rewrapped() {
        let lines = render(
            "Text\n\n```\nlet a = 1;  let b = 2;\n\n  x\n```\nAfter",
            40,
            Style::TERMINAL,
        );
        assert_eq!(
            text_of(&lines),
            "Text\n\n    let a = 1;  let b = 2;\n\n      x\n\nAfter"
        );
        assert!(emphasis_of(&lines, "let a = 1;  let b = 2;").is_some_and(|e| e.code));
    }

    #[test]
    fn long_code_line_is_cut_at_width() {
        assert_eq!(terminal("    abcdefghij", 8), "    abcd\n    efgh\n    ij");
    }

    #[test]
    fn tabs_in_code_become_spaces() {
        assert_eq!(terminal("```\n\tx\n```", 40), "        x");
    }

    #[test]
    fn code_block_in_quote_carries_the_bar() {
        assert_eq!(terminal("> ```\n> code\n> ```", 40), "│     code");
    }

    #[test]
    fn thematic_break_is_a_line_of_at_most_forty_columns() {
        assert_eq!(terminal("a\n\n---\n\nb", 5), "a\n\n─────\n\nb");
        assert_eq!(terminal("***", 80), "─".repeat(40));
    }

    #[test]
    fn plain_style_uses_dashes() {
        assert_eq!(
            plain("- a\n  - b\n\n> q\n\n---", 10),
            "- a\n  - b\n\n> q\n\n----------"
        );
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        assert_eq!(
            terminal("Some <b>bold</b> text\n\n<div>\nblock\n</div>", 40),
            "Some <b>bold</b> text\n\n<div>\nblock\n</div>"
        );
    }

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

    #[test]
    fn long_german_word_is_broken_by_width() {
        assert_eq!(
            terminal("Die Donaudampfschifffahrtsgesellschaft fährt", 10),
            "Die\nDonaudampf\nschifffahr\ntsgesellsc\nhaft fährt"
        );
    }

    #[test]
    fn umlauts_count_one_column() {
        assert_eq!(terminal("Übung für Größe", 9), "Übung für\nGröße");
    }

    #[test]
    fn cjk_text_wraps_by_display_width() {
        assert_eq!(
            terminal("日本語のテキストです", 10),
            "日本語のテ\nキストです"
        );
    }

    #[test]
    fn cjk_closing_punctuation_stays_with_its_text() {
        assert_eq!(terminal("日本語。日本", 6), "日本\n語。日\n本");
    }

    #[test]
    fn emoji_count_two_columns() {
        assert_eq!(terminal("👍👍👍👍👍", 5), "👍👍\n👍👍\n👍");
    }

    #[test]
    fn combining_marks_count_no_columns() {
        let word = "e\u{301}".repeat(4);
        assert_eq!(
            terminal(&format!("{word} {word}"), 9),
            format!("{word} {word}")
        );
    }

    #[test]
    fn wide_character_wider_than_the_line_is_replaced() {
        assert_eq!(terminal("日", 1), "\u{FFFD}");
    }

    #[test]
    fn width_zero_is_treated_as_one() {
        assert_eq!(terminal("ab c", 0), "a\nb\nc");
    }

    #[test]
    fn escape_sequences_are_neutralised() {
        let markdown = "red\x1b[31m bell\x07 clip\x1b]52;c;ZXZpbA==\x07 csi\u{9b}2J nel\u{85} \
            [l\x1bX](https://x.org/\u{9b}) `c\x1b[1m`\n\n```\n\x1b[2J\n```\n\n<p>\x1b[5m</p>";
        let lines = render(markdown, 200, Style::TERMINAL);
        let text = text_of(&lines);
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{text:?}"
        );
        assert_eq!(
            text,
            "red\u{FFFD}[31m bell\u{FFFD} clip\u{FFFD}]52;c;ZXZpbA==\u{FFFD} csi\u{FFFD}2J nel\u{FFFD} \
             l\u{FFFD}X (https://x.org/\u{FFFD}) c\u{FFFD}[1m\n\n    \u{FFFD}[2J\n\n<p>\u{FFFD}[5m</p>"
        );
    }

    #[test]
    fn no_line_is_wider_than_width_for_any_width() {
        for style in [Style::TERMINAL, Style::PLAIN] {
            for width in 1..=60 {
                for line in render(SAMPLE, width, style) {
                    assert!(line.width() <= width, "width {width}: {:?}", line.text());
                }
            }
        }
    }

    #[test]
    fn no_line_ends_with_a_space() {
        for width in 1..=60 {
            for line in render(SAMPLE, width, Style::TERMINAL) {
                assert!(
                    !line.text().ends_with(' '),
                    "width {width}: {:?}",
                    line.text()
                );
            }
        }
    }

    #[test]
    fn sample_document_renders_as_expected_at_forty_columns() {
        assert_eq!(
            terminal(SAMPLE, 40),
            "Sicher im Netz: Passwörter und\n\
             Zwei-Faktor-Anmeldung\n\
             \n\
             Ein gutes Passwort ist lang, einzigartig\n\
             und geheim. Nutzen Sie pass-wort-manager\n\
             oder schreiben Sie an den Support\n\
             (https://example.org/hilfe/passwoerter?l\n\
             ang=de#abschnitt-zwei).\n\
             Donaudampfschifffahrtsgesellschaftskapit\n\
             änsmütze ist ein langes Wort.\n\
             \n\
             • Erster Punkt mit Slack, Teams und\n\
             \x20 https://example.com/a/very/long/path/t\n\
             \x20 hat/goes/on\n\
             • Zweiter Punkt\n\
             \x20 ◦ Verschachtelt mit einem ziemlich\n\
             \x20   langen Text, der umbrechen muss\n\
             \x20   1. Tief\n\
             \x20      │ Zitat im Punkt mit Text\n\
             \n\
             3. Drei\n\
             4. Vier\n\
             \n\
             │ Ein Zitat über mehrere Wörter, die\n\
             │ umbrechen.\n\
             │\n\
             │ │ Verschachtelt: 日本語のテキストは空\n\
             │ │ 白なしで折り返されます。\n\
             \n\
             \x20   fn main() {\n\
             \x20       println!(\"Hallo, Welt! Eine sehr\n\
             \x20    lange Zeile im Code, die abgeschnit\n\
             \x20   ten wird\");\n\
             \x20   }\n\
             \n\
             ────────────────────────────────────────\n\
             \n\
             Emoji 👍🏽 und 👨‍👩‍👧 und e\u{301}\u{301} sowie <b>fett</b>.\n\
             Harter Umbruch Bild (bild.png)\n\
             \n\
             <div class=\"hinweis\">\n\
             Hinweis\n\
             </div>"
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

    #[test]
    fn large_input_renders_quickly() {
        let items: String = (0..10_000)
            .map(|n| format!("- item **{n}** with [a link](https://x.org/{n}) and more words\n"))
            .collect();
        let quotes = format!("{} deep\n", ">".repeat(10_000));
        let nested = "- ".repeat(10_000) + "deep\n";
        let paragraph = "word ".repeat(100_000);
        let markdown = [items.as_str(), &quotes, &nested, &paragraph]
            .join("\n")
            .repeat(4);
        assert!(markdown.len() > 4 << 20);
        let start = std::time::Instant::now();
        let lines = render(&markdown, 60, Style::TERMINAL);
        assert!(lines.iter().all(|l| l.width() <= 60));
        assert!(
            start.elapsed() < std::time::Duration::from_secs(20),
            "{:?}",
            start.elapsed()
        );
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn no_line_is_ever_wider_than_width(
                markdown in "([-*>#`\\[\\]()!<>_ \n\t1.\\\\|a-zäö日本👍🏽\u{301}\u{1b}\u{9b}]|https://x.org|\n\n|    ){0,80}",
                width in 0usize..30,
            ) {
                for style in [Style::TERMINAL, Style::PLAIN] {
                    for line in render(&markdown, width, style) {
                        prop_assert!(line.width() <= width.max(1), "{:?}", line.text());
                        prop_assert!(!line.text().ends_with(' '), "{:?}", line.text());
                        prop_assert!(!line.text().chars().any(char::is_control), "{:?}", line.text());
                    }
                }
            }
        }
    }
}
