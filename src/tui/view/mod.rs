//! Drawing: one file per screen, plus the frame around them (title, notices, key bar, help).
//! `view` only reads the state; the documents built here are also used by `update` for scrolling.

pub mod exam;
pub mod help;
pub mod library;
pub mod module;
pub mod overview;
pub mod profile;
pub mod quiz;
pub mod result;
pub mod search;

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::keys;
use super::state::{Screen, State};
use super::theme::Theme;
use crate::i18n::T;
use crate::markdown;
use crate::safe_text::single_line;

/// Below this size no screen fits; the learner is asked to enlarge the window.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;

/// Lines of a scrollable screen, each optionally standing for something the learner can act on.
pub struct Document<T> {
    pub lines: Vec<Line<'static>>,
    pub targets: Vec<Option<T>>,
}

impl<T: Copy + PartialEq> Document<T> {
    pub fn new() -> Self {
        Document {
            lines: Vec::new(),
            targets: Vec::new(),
        }
    }

    pub fn push(&mut self, line: Line<'static>, target: Option<T>) {
        self.lines.push(line);
        self.targets.push(target);
    }

    pub fn blank(&mut self) {
        self.push(Line::default(), None);
    }

    /// Markdown rendered to fit `width`, indented by `indent` columns.
    pub fn markdown(
        &mut self,
        text: &str,
        width: usize,
        indent: usize,
        theme: &Theme,
        target: Option<T>,
    ) {
        let pad = " ".repeat(indent);
        for line in rendered(text, width.saturating_sub(indent).max(1)).iter() {
            let mut spans = vec![Span::raw(pad.clone())];
            spans.extend(
                line.runs
                    .iter()
                    .map(|run| Span::styled(run.text.clone(), theme.emphasis(run.emphasis))),
            );
            self.push(Line::from(spans), target);
        }
    }

    /// How many lines `markdown` would add, without building them.
    pub fn markdown_height(text: &str, width: usize, indent: usize) -> usize {
        rendered(text, width.saturating_sub(indent).max(1)).len()
    }

    /// Plain text wrapped to `width` (titles, choices), with a first-line prefix and a hanging indent.
    pub fn wrapped(
        &mut self,
        text: &str,
        width: usize,
        prefix: Vec<Span<'static>>,
        style: Style,
        target: Option<T>,
    ) {
        let prefix_width: usize = prefix.iter().map(|s| s.content.width()).sum();
        let pad = " ".repeat(prefix_width);
        let rendered = markdown::render(
            &escape_markdown(text),
            width.saturating_sub(prefix_width).max(1),
            markdown::Style::TERMINAL,
        );
        if rendered.is_empty() {
            self.push(Line::from(prefix.clone()), target);
        }
        for (i, line) in rendered.into_iter().enumerate() {
            let mut spans = if i == 0 {
                prefix.clone()
            } else {
                vec![Span::raw(pad.clone())]
            };
            spans.push(Span::styled(line.text(), style));
            self.push(Line::from(spans), target);
        }
    }

    pub fn first_line_of(&self, target: T) -> Option<usize> {
        self.targets.iter().position(|t| *t == Some(target))
    }

    pub fn last_line_of(&self, target: T) -> Option<usize> {
        self.targets.iter().rposition(|t| *t == Some(target))
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

impl<T: Copy + PartialEq> Default for Document<T> {
    fn default() -> Self {
        Self::new()
    }
}

/// Markdown wrapped to one width, kept from frame to frame.
struct Rendered {
    text: String,
    lines: Rc<Vec<markdown::Line>>,
}

thread_local! {
    /// The module screen shows the same sections on every frame and `update` lays them out again
    /// to scroll; wrapping them anew each time made one frame of a long module cost milliseconds.
    /// Keyed by where the text lives and the width; a hit counts only if the text is the same.
    static RENDERED: RefCell<HashMap<(usize, usize, usize), Rendered>> =
        RefCell::new(HashMap::new());
}

/// Entries kept before the cache starts again (a few screens of sections and descriptions).
const RENDERED_MAX: usize = 1024;

/// `markdown::render` in the terminal style, from the cache when the text was seen at this width.
fn rendered(text: &str, width: usize) -> Rc<Vec<markdown::Line>> {
    let key = (text.as_ptr() as usize, text.len(), width);
    RENDERED.with_borrow_mut(|cache| {
        if let Some(hit) = cache.get(&key)
            && hit.text == text
        {
            return Rc::clone(&hit.lines);
        }
        if cache.len() >= RENDERED_MAX {
            cache.clear();
        }
        let lines = Rc::new(markdown::render(text, width, markdown::Style::TERMINAL));
        let entry = Rendered {
            text: text.to_string(),
            lines: Rc::clone(&lines),
        };
        cache.insert(key, entry);
        lines
    })
}

/// Plain text (titles, choices) must not be read as Markdown.
fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '['
                | ']'
                | '<'
                | '>'
                | '#'
                | '!'
                | '|'
                | '~'
                | '&'
                | '-'
                | '+'
                | '.'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Where the parts of a screen go.
pub struct Areas {
    pub title: Rect,
    pub notice: Rect,
    pub body: Rect,
    pub bar: Rect,
}

pub fn areas(state: &State, area: Rect) -> Areas {
    // A notice is shown whole, wrapped, as long as a line of the screen's own text stays.
    let room = usize::from(area.height.saturating_sub(3)).max(1);
    let notice_lines = notice_lines(state, area.width).len().min(room) as u16;
    let [title, body, notice, bar] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(notice_lines),
        Constraint::Length(1),
    ])
    .areas(area);
    Areas {
        title,
        notice,
        body,
        bar,
    }
}

/// Rows available to the scrolling part of the current screen.
pub fn body_height(state: &State) -> usize {
    usize::from(
        areas(state, Rect::new(0, 0, state.width, state.height))
            .body
            .height,
    )
    .max(1)
}

/// The notice and the lasting warning, wrapped to `width` columns.
fn notice_lines(state: &State, width: u16) -> Vec<Line<'static>> {
    let Some(text) = notice_text(state) else {
        return Vec::new();
    };
    let mut doc: Document<()> = Document::new();
    let style = state.theme.warning();
    doc.wrapped(
        &single_line(&text),
        usize::from(width.max(1)),
        Vec::new(),
        style,
        None,
    );
    doc.lines
}

fn notice_text(state: &State) -> Option<String> {
    let parts: Vec<&str> = [&state.notice, &state.warning, &state.reload_error]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// The widest a line of text is set, as readers do: longer lines are hard to follow back.
pub const READING_WIDTH: usize = 100;

/// Columns for a screen's text: the last column is kept free for the scroll mark, and a wide
/// window keeps lines at [`READING_WIDTH`].
pub fn content_width(width: u16) -> usize {
    usize::from(width.saturating_sub(1)).clamp(1, READING_WIDTH)
}

pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

/// Draws the whole screen.
pub fn view(state: &State, frame: &mut Frame) {
    let area = frame.area();
    if too_small(area.width, area.height) {
        let lang = state.lang();
        let text = vec![
            Line::from(crate::i18n::T::TooSmall.get(lang)),
            Line::from(crate::i18n::too_small(lang, MIN_WIDTH, MIN_HEIGHT)),
            Line::from(crate::i18n::T::TooSmallHint.get(lang)),
        ];
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        return;
    }
    let parts = areas(state, area);
    match &state.screen {
        Screen::Library(screen) => library::draw(state, screen, frame, &parts),
        Screen::Module(screen) => module::draw(state, screen, frame, &parts),
        Screen::Quiz(screen) => quiz::draw(state, screen, frame, &parts),
        Screen::Result(screen) => result::draw(state, screen, frame, &parts),
        Screen::Overview(screen) => overview::draw(state, screen, frame, &parts),
        Screen::Search(screen) => search::draw(state, screen, frame, &parts),
        Screen::Exam(screen) => exam::draw(state, screen, frame, &parts),
    }
    let notice = notice_lines(state, area.width);
    if !notice.is_empty() {
        let shown = usize::from(parts.notice.height);
        let mut lines = notice;
        // Only a window too small for any screen cuts a notice; the cut is marked.
        if lines.len() > shown && shown > 0 {
            lines.truncate(shown);
            if let Some(last) = lines.last_mut() {
                last.spans.push(Span::raw("…"));
            }
        }
        draw_lines(frame, parts.notice, &lines, 0, lines.len());
    }
    draw_key_bar(state, frame, parts.bar);
    if state.help {
        help::draw(state, frame, area);
    }
}

/// A title bar: left text, right text, cut to fit.
pub fn draw_title(frame: &mut Frame, area: Rect, left: &str, right: &str, theme: &Theme) {
    draw_title_fitting(frame, area, left, &[right], theme);
}

/// The title bar with the first of `rights` (longest first) that fits beside the left part.
pub fn draw_title_fitting(
    frame: &mut Frame,
    area: Rect,
    left: &str,
    rights: &[&str],
    theme: &Theme,
) {
    let width = usize::from(area.width);
    let left = single_line(left);
    // The right part gives way first (to a shorter form, then entirely): the left names where
    // the learner is.
    let fits = |keep: usize| {
        rights
            .iter()
            .map(|r| single_line(r))
            .find(|r| keep + r.width() + 3 <= width)
    };
    // The longest right part beside the whole left, else beside 20 columns of it.
    let right = fits(left.width())
        .or_else(|| fits(left.width().min(20)))
        .unwrap_or_default();
    let left = truncate(&left, width.saturating_sub(right.width() + 3));
    let gap = width.saturating_sub(left.width() + right.width() + 2);
    let text = format!(" {left}{}{right} ", " ".repeat(gap));
    frame.render_widget(Paragraph::new(text).style(theme.title_bar()), area);
}

/// Cuts text to `width` columns, ending with "…" when cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Draws the visible part of a document and returns nothing; `scroll` is clamped by `update`.
pub fn draw_document<T: Copy + PartialEq>(
    frame: &mut Frame,
    area: Rect,
    doc: &Document<T>,
    scroll: usize,
) {
    let from = scroll.min(doc.len());
    draw_lines(frame, area, &doc.lines[from..], scroll, doc.len());
}

/// Draws `lines`, the part of a `len` lines long document from line `scroll` on.
pub fn draw_lines(
    frame: &mut Frame,
    area: Rect,
    lines: &[Line<'static>],
    scroll: usize,
    len: usize,
) {
    // Line by line rather than as a Paragraph: the lines are already cut to width, and the
    // Paragraph's second pass over every cell was a third of a frame.
    let buf = frame.buffer_mut();
    for (row, line) in (area.top()..area.bottom()).zip(lines) {
        buf.set_line(area.left(), row, line, area.width);
    }
    // A scroll mark on the right edge when there is more than fits.
    let height = usize::from(area.height);
    if len > height && area.width > 0 && height > 0 {
        let max = len - height;
        let row = scroll.min(max) * (height - 1) / max.max(1);
        let buf = frame.buffer_mut();
        if let Some(cell) = buf.cell_mut((area.right() - 1, area.top() + row as u16)) {
            cell.set_symbol("┃");
        }
    }
}

/// The main keys of the screen; when they do not all fit, the help key keeps its place at the end.
fn draw_key_bar(state: &State, frame: &mut Frame, area: Rect) {
    let theme = &state.theme;
    let lang = state.lang();
    let width = usize::from(area.width);
    let keys: Vec<(&str, T)> = keys::screen_bindings(state)
        .iter()
        .filter_map(|b| b.bar.map(|bar| (bar, b.what)))
        .collect();
    let piece = |(keys, what): &(&str, T)| keys.width() + 1 + what.get(lang).width() + 2;
    let help_key = keys.iter().find(|k| k.1 == T::KeyHelp);
    let reserved = help_key.map_or(0, piece);
    let mut used = 0;
    let mut shown: Vec<&(&str, T)> = Vec::new();
    for key in keys.iter().filter(|k| k.1 != T::KeyHelp) {
        if used + piece(key) + reserved > width {
            break;
        }
        used += piece(key);
        shown.push(key);
    }
    shown.extend(help_key);
    let mut spans: Vec<Span> = Vec::new();
    for (keys, what) in shown {
        spans.push(Span::styled(*keys, theme.key()));
        spans.push(Span::raw(format!(" {}  ", what.get(lang))));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// Keeps `focus_line` visible and `scroll` inside the content.
pub fn scroll_to(scroll: usize, first: usize, last: usize, height: usize, len: usize) -> usize {
    let mut scroll = scroll;
    if last >= scroll + height {
        scroll = last + 1 - height;
    }
    if first < scroll {
        scroll = first;
    }
    clamp_scroll(scroll, height, len)
}

pub fn clamp_scroll(scroll: usize, height: usize, len: usize) -> usize {
    scroll.min(len.saturating_sub(height))
}
