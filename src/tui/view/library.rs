//! The library screen: every course with its areas and modules, each module's status in a
//! symbol and a word, its best score, and per course how many modules are passed, where its
//! final exam stands (`e` opens it) and whether its certificate was issued.

use std::ops::Range;

use ratatui::Frame;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::{Areas, Document, draw_lines, draw_title, truncate};
use crate::course::Course;
use crate::i18n::{self, ExamState, Lang, T};
use crate::progress::{ModuleStatus, module_status};
use crate::safe_text::single_line;
use crate::session::{day_of, exam_facts};
use crate::tui::state::{LibraryScreen, State};

/// The library as lines; module lines point at their row index. Builds every line: for tests;
/// the player builds only what it shows ([`place_of`], [`row_at`], `draw`).
pub fn document(state: &State, screen: &LibraryScreen, width: usize) -> Document<usize> {
    window(state, screen, width, 0..usize::MAX, None).doc
}

/// Where module row `row` is: its line, how many lines without a module stand right above it
/// (a course's title, bar and description, an area's title), and how many lines the library has.
/// Only the course holding the row is walked line by line, so this costs the same in a library
/// of ten modules or a thousand.
pub fn place_of(state: &State, screen: &LibraryScreen, width: usize, row: usize) -> RowPlace {
    let found = window(state, screen, width, 0..0, Some(row));
    RowPlace {
        line: found.row_line.unwrap_or(0),
        context: found.context,
        len: found.len,
    }
}

/// The module row shown on library line `line`, if that line shows a module.
pub fn row_at(state: &State, screen: &LibraryScreen, width: usize, line: usize) -> Option<usize> {
    let found = window(state, screen, width, line..line + 1, None);
    found.doc.targets.first().copied().flatten()
}

/// See [`place_of`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowPlace {
    pub line: usize,
    pub context: usize,
    pub len: usize,
}

/// What one walk over the library gives.
struct Walked {
    /// The lines asked for.
    doc: Document<usize>,
    /// How many lines the whole library has.
    len: usize,
    /// The line of the row looked for.
    row_line: Option<usize>,
    /// Lines without a module right above that row: the headings it belongs under.
    context: usize,
}

/// The library's lines that fall in `lines`, and how many lines the whole library has; with
/// `find`, also where that module row is. Lines outside are counted, not built, and courses
/// that hold neither asked-for lines nor the row are counted whole, so a frame costs about the
/// same for ten modules or a thousand.
fn window(
    state: &State,
    screen: &LibraryScreen,
    width: usize,
    lines: Range<usize>,
    find: Option<usize>,
) -> Walked {
    let theme = &state.theme;
    let mut out = Window {
        doc: Document::new(),
        line: 0,
        lines,
    };
    let mut row_line = None;
    let mut context = 0;
    // The line of the last module row passed, to count the lines between it and the next.
    let mut last_row_line: Option<usize> = None;
    if state.library_row(0).is_none() {
        out.push(|| Line::from(state.t(T::NoCourses)), None);
        return Walked {
            doc: out.doc,
            len: out.line,
            row_line,
            context,
        };
    }
    // On small screens the modules matter more than the course's description.
    let descriptions = super::body_height(state) >= 16;
    let key = HeightsKey {
        width,
        descriptions,
        lang_override: state.lang_override,
        generation: state.store.generation(),
        courses: state.library.courses.len(),
    };
    let heights = course_heights(state, key);
    let mut widest_summary: Option<(Lang, usize, usize)> = None;
    let mut row = 0;
    for (c, course) in state.library.courses.iter().enumerate() {
        let modules: usize = course.areas.iter().map(|a| a.modules.len()).sum();
        let height = heights.get(c).copied().unwrap_or(0);
        let holds_row = find.is_some_and(|f| (row..row + modules).contains(&f));
        if !out.reaches(height) && !holds_row {
            out.line += height;
            row += modules;
            if modules > 0 {
                // The last module's line: the exam's and certificate's lines come after it.
                last_row_line = Some(out.line - 1 - extra_lines(course));
            }
            continue;
        }
        let layout = course_layout(state, course, c, width, descriptions, &mut widest_summary);
        let (lang, one_line, total) = (layout.lang, layout.one_line, course.modules.len());
        let description = course.description.as_ref().filter(|_| descriptions);
        let description_lines = layout.description_lines;
        let passed = || passed_in(state, course);

        if c > 0 {
            out.push(Line::default, None);
        }
        if one_line {
            out.push(
                || {
                    let summary = summary(lang, passed(), total);
                    let title = single_line(&course.title);
                    let gap = width.saturating_sub(title.width() + summary.width());
                    Line::from(vec![
                        Span::styled(title, theme.heading()),
                        Span::raw(" ".repeat(gap)),
                        Span::raw(summary),
                    ])
                },
                None,
            );
        } else {
            out.push(
                || {
                    let title = truncate(&single_line(&course.title), width);
                    Line::from(Span::styled(title, theme.heading()))
                },
                None,
            );
            out.push(
                || Line::from(truncate(&summary(lang, passed(), total), width)),
                None,
            );
        }
        if let Some(description) = description {
            if out.reaches(description_lines) {
                let mut lines = Document::<usize>::new();
                lines.markdown(description, width, 2, theme, None);
                for line in lines.lines {
                    out.push(|| line, None);
                }
                out.push(Line::default, None);
            } else {
                out.line += description_lines;
            }
        }
        for area in &course.areas {
            if let Some(area_title) = &area.title {
                let label = match &area.code {
                    Some(code) => format!("{} {}", single_line(code), single_line(area_title)),
                    None => single_line(area_title),
                };
                out.push(
                    || {
                        Line::from(Span::styled(
                            truncate(&format!("  {label}"), width),
                            theme.heading(),
                        ))
                    },
                    None,
                );
            }
            for &m in &area.modules {
                if find == Some(row) {
                    row_line = Some(out.line);
                    let above = last_row_line.map_or(out.line, |last| out.line - last - 1);
                    context = above;
                }
                last_row_line = Some(out.line);
                let selected = row == screen.selected;
                out.push(
                    || module_line(state, course, m, lang, selected, width),
                    Some(row),
                );
                row += 1;
            }
        }
        for line in 0..extra_lines(course) {
            out.push(|| course_end_line(state, c, line, lang, width), None);
        }
    }
    Walked {
        doc: out.doc,
        len: out.line,
        row_line,
        context,
    }
}

/// What decides the library's line counts; when it changes, they are counted anew.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct HeightsKey {
    width: usize,
    descriptions: bool,
    lang_override: Option<Lang>,
    generation: u64,
    courses: usize,
}

/// The number of lines each course takes on the library screen, kept in `State` between
/// frames: a frame then adds numbers for the courses out of view instead of laying them out.
#[derive(Debug, Default)]
pub struct CourseHeights {
    key: Option<HeightsKey>,
    heights: Vec<usize>,
}

fn course_heights(state: &State, key: HeightsKey) -> Vec<usize> {
    let mut cache = state.course_heights.borrow_mut();
    if cache.key != Some(key) {
        let mut widest = None;
        cache.heights = state
            .library
            .courses
            .iter()
            .enumerate()
            .map(|(c, course)| {
                course_layout(state, course, c, key.width, key.descriptions, &mut widest).height
            })
            .collect();
        cache.key = Some(key);
    }
    cache.heights.clone()
}

/// How one course is laid out: its language, whether title and summary share a line, the
/// description's lines, and all its lines.
struct CourseLayout {
    lang: Lang,
    one_line: bool,
    description_lines: usize,
    height: usize,
}

fn course_layout(
    state: &State,
    course: &Course,
    c: usize,
    width: usize,
    descriptions: bool,
    widest_summary: &mut Option<(Lang, usize, usize)>,
) -> CourseLayout {
    // One UI language for the whole screen (see `State::lang`), whatever each course's is.
    let lang = state.lang();
    let total = course.modules.len();
    // The width of `single_line(&course.title)`.
    let title_width = if course.title.contains('\n') {
        single_line(&course.title).width()
    } else {
        crate::safe_text::sanitize(&course.title).width()
    };
    // Whether title and summary share a line; only the digits of `passed` change the
    // summary's width, so the modules are looked at only when those digits decide.
    let fits = |summary_width: usize| title_width + summary_width + 2 <= width;
    let widest = match *widest_summary {
        Some((l, t, widest)) if l == lang && t == total => widest,
        _ => {
            let widest = summary(lang, total, total).width();
            *widest_summary = Some((lang, total, widest));
            widest
        }
    };
    let narrowest = widest + 1 - total.to_string().len();
    let one_line = if fits(widest) {
        true
    } else if !fits(narrowest) {
        false
    } else {
        fits(summary(lang, passed_in(state, course), total).width())
    };
    let description_lines = course
        .description
        .as_ref()
        .filter(|_| descriptions)
        .map_or(0, |d| Document::<usize>::markdown_height(d, width, 2) + 1);
    let modules: usize = course.areas.iter().map(|a| a.modules.len()).sum();
    let area_titles = course.areas.iter().filter(|a| a.title.is_some()).count();
    let height = usize::from(c > 0)
        + if one_line { 1 } else { 2 }
        + description_lines
        + area_titles
        + modules
        + extra_lines(course);
    CourseLayout {
        lang,
        one_line,
        description_lines,
        height,
    }
}

/// How many modules of `course` the learner has passed.
fn passed_in(state: &State, course: &Course) -> usize {
    let progress = state.store.progress();
    course
        .modules
        .iter()
        .filter(|m| module_status(progress.module(&course.id, &m.id)) == ModuleStatus::Passed)
        .count()
}

/// Lines of a range of the library, built only when asked for, and the count of all.
struct Window {
    doc: Document<usize>,
    line: usize,
    lines: Range<usize>,
}

impl Window {
    fn push(&mut self, line: impl FnOnce() -> Line<'static>, target: Option<usize>) {
        if self.lines.contains(&self.line) {
            self.doc.push(line(), target);
        }
        self.line += 1;
    }

    /// Whether any of the next `count` lines falls in the range.
    fn reaches(&self, count: usize) -> bool {
        self.line < self.lines.end && self.line + count > self.lines.start
    }
}

/// A course's progress bar and "3 / 20 bestanden".
fn summary(lang: Lang, passed: usize, total: usize) -> String {
    format!(
        "{}  {}",
        bar(passed, total, 10),
        i18n::passed_of(lang, passed, total)
    )
}

fn module_line(
    state: &State,
    course: &Course,
    m: usize,
    lang: Lang,
    selected: bool,
    width: usize,
) -> Line<'static> {
    let theme = &state.theme;
    let Some(module) = course.modules.get(m) else {
        return Line::default();
    };
    let record = state.store.progress().module(&course.id, &module.id);
    let status = module_status(record);
    let mut right = i18n::T::status(status).get(lang).to_string();
    if let Some(best) = record.and_then(|r| r.best_percent()) {
        right.push_str(&format!(" · {}", i18n::percent(lang, best)));
    }
    let marker = if selected { "› " } else { "  " };
    let left = format!(
        "{marker}  {} {}",
        i18n::status_symbol(status),
        single_line(&Course::module_label(module))
    );
    let right_width = right.width();
    let line = if left.width() + right_width + 2 <= width {
        let gap = width - left.width() - right_width;
        format!("{left}{}{right}", " ".repeat(gap))
    } else {
        truncate(&format!("{left} · {right}"), width)
    };
    let style = match (selected, status) {
        (true, _) => theme.focused(),
        (false, ModuleStatus::Passed) => theme.right(),
        _ => ratatui::style::Style::new(),
    };
    Line::from(Span::styled(line, style))
}

/// The lines after a course's modules: its final exam, its certificate (each when it has one).
fn extra_lines(course: &Course) -> usize {
    usize::from(course.exam.is_some()) + usize::from(course.certificate.is_some())
}

/// Line `which` of `extra_lines`: "◇ Abschlusstest (e)  bestanden · 100 % · 1 Versuch", then
/// "◇ Zertifikat  ausgestellt am 2026-12-02"; the words are those of the overviews.
fn course_end_line(
    state: &State,
    c: usize,
    which: usize,
    lang: Lang,
    width: usize,
) -> Line<'static> {
    let theme = &state.theme;
    let Some(course) = state.library.courses.get(c) else {
        return Line::default();
    };
    let progress = state.store.progress();
    let exam = course
        .exam
        .as_ref()
        .and_then(|_| exam_facts(&state.library, progress, c));
    // Longest first: a narrow window gets a shorter form rather than a cut one.
    let (symbol, forms, done): (&str, Vec<(String, String)>, bool) = match (which, exam) {
        (0, Some(exam)) => {
            let title = exam
                .title
                .as_deref()
                .map_or_else(|| T::ExamDefaultTitle.get(lang).to_owned(), single_line);
            let symbol = i18n::exam_symbol(exam.state);
            let short = i18n::exam_state_short(lang, exam.state, 0);
            // The verdict alone, when even the score does not fit.
            let verdict = match exam.state {
                ExamState::Passed(_) => T::Passed.get(lang).to_lowercase(),
                ExamState::Failed(_) => T::NotPassed.get(lang).to_lowercase(),
                _ => short.clone(),
            };
            let forms = vec![
                (
                    format!("{title} (e)"),
                    i18n::exam_state_short(lang, exam.state, exam.attempts),
                ),
                (format!("{title} (e)"), short.clone()),
                (title.clone(), short),
                (title, verdict),
            ];
            (symbol, forms, exam.passed)
        }
        _ => {
            let issued = progress
                .courses
                .get(&course.id)
                .and_then(|p| p.certified_at.as_deref())
                .map(|at| single_line(day_of(at)));
            let label = T::Certificate.get(lang).to_owned();
            let mut forms = vec![(
                label.clone(),
                i18n::certificate_state(lang, issued.as_deref()),
            )];
            forms.extend(issued.clone().map(|day| (label, day)));
            (
                if issued.is_some() { "✓" } else { "○" },
                forms,
                issued.is_some(),
            )
        }
    };
    let fitting = forms.iter().find(|(label, right)| {
        format!("    {symbol} {label}").width() + right.width() + 2 <= width
    });
    let line = match fitting.or(forms.last()) {
        Some((label, right)) if fitting.is_some() => {
            let left = format!("    {symbol} {label}");
            let gap = width - left.width() - right.width();
            format!("{left}{}{right}", " ".repeat(gap))
        }
        Some((label, right)) => truncate(&format!("    {symbol} {label} · {right}"), width),
        None => String::new(),
    };
    let style = if done {
        theme.right()
    } else {
        ratatui::style::Style::new()
    };
    Line::from(Span::styled(line, style))
}

/// A text progress bar such as `███░░░░░░░`.
fn bar(done: usize, total: usize, width: usize) -> String {
    let filled = (done * width).checked_div(total).unwrap_or(0).min(width);
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

pub fn draw(state: &State, screen: &LibraryScreen, frame: &mut Frame, areas: &Areas) {
    let height = usize::from(areas.body.height);
    let walked = window(
        state,
        screen,
        super::content_width(areas.body.width),
        screen.scroll..screen.scroll + height,
        None,
    );
    let (visible, len) = (walked.doc, walked.len);
    draw_title(
        frame,
        areas.title,
        &format!("kurs · {}", state.t(T::Library)),
        "",
        &state.theme,
    );
    draw_lines(frame, areas.body, &visible.lines, screen.scroll, len);
}
