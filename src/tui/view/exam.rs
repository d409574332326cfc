//! The final exam on screen: before a timed one starts, what it asks and how the time can be
//! adjusted; "Frage 3 | 10, noch 12 Minuten" in the title bar, the question
//! with its answer area as in the quiz (no feedback), the warning in the last minute, the
//! summary before handing in, the profile form, and the result with every question's answers.

use ratatui::Frame;
use ratatui::text::{Line, Span};

use super::quiz::{QuizTarget, answer_lines, how_to_answer};
use super::{Areas, Document, draw_document, draw_title_fitting};
use crate::exam::{EXTENSION_MINUTES, WARNING_SECONDS};
use crate::i18n::{self, T};
use crate::markdown;
use crate::quiz::{Asked, Credit, Outcome};
use crate::safe_text::single_line;
use crate::session::terms_text;
use crate::tui::action::Action;
use crate::tui::keys;
use crate::tui::state::{ExamPhase, ExamScreen, State};

/// Seconds left now, counting the time since the exam last took it off.
pub fn left_now(screen: &ExamScreen) -> Option<u64> {
    screen.run.remaining(screen.clock.elapsed().as_secs())
}

pub fn document(state: &State, screen: &ExamScreen, width: usize) -> Document<QuizTarget> {
    let mut doc = Document::new();
    match &screen.phase {
        ExamPhase::Start => start_lines(state, screen, &mut doc, width),
        ExamPhase::Question => question_lines(state, screen, &mut doc, width),
        ExamPhase::Summary => summary_lines(state, screen, &mut doc, width),
        ExamPhase::Profile(form) => {
            super::profile::form_lines(state, form, &mut doc, width, QuizTarget::Input);
        }
        ExamPhase::Result(done) => result_lines(state, screen, done, &mut doc, width),
    }
    doc
}

/// The keys that stand for `action` on the exam screen shown, as help names them.
fn key_for(state: &State, action: &Action, lang: i18n::Lang) -> &'static str {
    keys::screen_bindings(state)
        .iter()
        .find(|b| b.presses.iter().any(|(_, a)| a == action))
        .map_or("", |b| b.keys(lang))
}

/// Before a timed exam: what it asks, how the time can be adjusted, Enter or Esc.
fn start_lines(state: &State, screen: &ExamScreen, doc: &mut Document<QuizTarget>, width: usize) {
    let theme = &state.theme;
    let lang = state.lang();
    let run = &screen.run;
    let plain = ratatui::style::Style::new();
    doc.blank();
    doc.wrapped(
        &i18n::exam_intro(
            lang,
            &single_line(&screen.title),
            run.len(),
            run.limit_seconds,
            run.pass_percent,
        ),
        width,
        vec![Span::raw(" ")],
        theme.heading(),
        None,
    );
    if let Some(terms) = terms_text(&run.terms, lang) {
        doc.wrapped(
            &i18n::exam_terms_line(lang, &terms),
            width,
            vec![Span::raw(" ")],
            plain,
            None,
        );
    }
    doc.blank();
    doc.wrapped(
        T::ExamNoFeedback.get(lang),
        width,
        vec![Span::raw(" ")],
        plain,
        None,
    );
    doc.blank();
    doc.wrapped(
        &i18n::exam_time_adjustable(lang, EXTENSION_MINUTES),
        width,
        vec![Span::raw(" ")],
        plain,
        None,
    );
    doc.blank();
    doc.wrapped(
        T::ExamStartEnter.get(lang),
        width,
        vec![Span::raw(" ")],
        theme.heading(),
        None,
    );
}

fn question_lines(
    state: &State,
    screen: &ExamScreen,
    doc: &mut Document<QuizTarget>,
    width: usize,
) {
    let theme = &state.theme;
    let lang = state.lang();
    let pos = screen.run.current;
    let Some(drawn) = screen.run.drawn.get(pos) else {
        return;
    };
    if let Some(left) = left_now(screen)
        && left <= WARNING_SECONDS
    {
        let key = key_for(state, &Action::MoreTime, lang);
        let text = i18n::exam_warning_key(lang, left, key, EXTENSION_MINUTES);
        doc.wrapped(&text, width, vec![Span::raw(" ")], theme.warning(), None);
        doc.blank();
    }
    if screen.run.flagged[pos] {
        doc.push(
            Line::from(Span::styled(
                format!(" {}", T::ExamFlaggedMark.get(lang)),
                theme.heading(),
            )),
            None,
        );
    }
    doc.markdown(&drawn.question.prompt, width, 1, theme, None);
    doc.blank();
    doc.wrapped(
        how_to_answer(&drawn.question.kind).get(lang),
        width,
        vec![Span::raw(" ")],
        theme.dim(),
        None,
    );
    answer_lines(
        doc,
        &drawn.question,
        &drawn.order,
        &screen.input,
        true,
        theme,
        lang,
        width,
    );
    if let Some(hint) = screen.hint {
        doc.blank();
        doc.wrapped(hint, width, vec![Span::raw(" ")], theme.warning(), None);
    } else if screen.run.answers[pos].is_some() {
        doc.blank();
        doc.push(
            Line::from(Span::styled(
                format!(" {}", T::ExamAnswerRecorded.get(lang)),
                theme.dim(),
            )),
            None,
        );
    }
}

/// The first line of a prompt, for lists of questions.
fn prompt_line(prompt: &str) -> String {
    markdown::render(prompt, 10_000, markdown::Style::PLAIN)
        .first()
        .map(|l| l.text())
        .unwrap_or_default()
}

fn summary_lines(state: &State, screen: &ExamScreen, doc: &mut Document<QuizTarget>, width: usize) {
    let theme = &state.theme;
    let lang = state.lang();
    let run = &screen.run;
    let (unanswered, flagged) = run.summary();
    doc.blank();
    doc.wrapped(
        &i18n::exam_summary(lang, run.len(), unanswered, flagged),
        width,
        vec![Span::raw(" ")],
        theme.heading(),
        None,
    );
    doc.blank();
    for (n, drawn) in run.drawn.iter().enumerate() {
        let mut state_words = if run.answers[n].is_some() {
            String::new()
        } else {
            format!(" ({})", T::ExamNotAnswered.get(lang))
        };
        if run.flagged[n] {
            state_words.push_str(&format!(" {}", T::ExamFlaggedMark.get(lang)));
        }
        let text = format!("{}{state_words}", prompt_line(&drawn.question.prompt));
        doc.wrapped(
            &text,
            width,
            vec![Span::raw(format!(" {}. ", n + 1))],
            ratatui::style::Style::new(),
            None,
        );
    }
    doc.blank();
    doc.wrapped(
        T::ExamSummaryEnter.get(lang),
        width,
        vec![Span::raw(" ")],
        theme.heading(),
        None,
    );
}

fn result_lines(
    state: &State,
    screen: &ExamScreen,
    done: &crate::tui::state::ExamDone,
    doc: &mut Document<QuizTarget>,
    width: usize,
) {
    let theme = &state.theme;
    let lang = state.lang();
    let result = &done.result;
    let run = &screen.run;
    doc.blank();
    doc.push(
        Line::from(format!(
            " {}",
            i18n::score(
                lang,
                result.points,
                result.max,
                Some(u32::from(result.percent))
            )
        )),
        None,
    );
    let verdict = if result.passed {
        Span::styled(format!(" ✓ {}", T::Passed.get(lang)), theme.right())
    } else {
        Span::styled(format!(" ✗ {}", T::NotPassed.get(lang)), theme.wrong())
    };
    doc.push(
        Line::from(vec![
            verdict,
            Span::raw(format!("  ({})", i18n::pass_mark(lang, run.pass_percent))),
        ]),
        None,
    );
    if let Some(terms) = terms_text(&result.terms, lang) {
        doc.wrapped(
            &i18n::exam_terms_line(lang, &terms),
            width,
            vec![Span::raw(" ")],
            ratatui::style::Style::new(),
            None,
        );
    }
    super::result::certificate_lines(doc, &done.certificate, width, theme);
    doc.blank();
    for (n, drawn) in run.drawn.iter().enumerate() {
        let credit = result.credits.get(n).copied().unwrap_or(Credit::NONE);
        let (mark, style) = (i18n::verdict_symbol(credit), theme.verdict(credit));
        doc.wrapped(
            &prompt_line(&drawn.question.prompt),
            width,
            vec![Span::styled(format!(" {mark} {}. ", n + 1), style)],
            ratatui::style::Style::new(),
            None,
        );
        let asked = Asked {
            question: n,
            order: drawn.order.clone(),
        };
        let outcome = run.answers[n].as_ref().map(|answer| Outcome {
            answer: answer.clone(),
            credit,
        });
        super::result::detail_lines(
            doc,
            &drawn.question,
            &asked,
            outcome.as_ref(),
            QuizTarget::Verdict,
            theme,
            lang,
            width,
        );
    }
}

/// The time left for a narrow title bar: "10 min", in the last minute "45 s".
fn short_time(left: u64) -> String {
    if left < 60 {
        format!("{left} s")
    } else {
        format!("{} min", left.div_ceil(60))
    }
}

pub fn draw(state: &State, screen: &ExamScreen, frame: &mut Frame, areas: &Areas) {
    let lang = state.lang();
    let theme = &state.theme;
    let pos = screen.run.current;
    let rights: Vec<String> = match &screen.phase {
        ExamPhase::Start => vec![T::ExamStartTitle.get(lang).to_owned()],
        ExamPhase::Question => {
            let left = left_now(screen);
            let flagged = screen.run.flagged.get(pos).copied().unwrap_or(false);
            let total = screen.run.len();
            vec![
                i18n::exam_counter(lang, pos + 1, total, left, flagged),
                i18n::exam_counter(lang, pos + 1, total, left, false),
                match left {
                    Some(left) => format!("{} | {total} · {}", pos + 1, short_time(left)),
                    None => format!("{} | {total}", pos + 1),
                },
                format!("{} | {total}", pos + 1),
            ]
        }
        ExamPhase::Summary => vec![T::ExamSummaryTitle.get(lang).to_owned()],
        ExamPhase::Profile(_) => vec![T::ExamProfileTitle.get(lang).to_owned()],
        ExamPhase::Result(_) => vec![T::Result.get(lang).to_owned()],
    };
    let rights: Vec<&str> = rights.iter().map(String::as_str).collect();
    draw_title_fitting(frame, areas.title, &screen.title, &rights, theme);
    let width = super::content_width(areas.body.width);
    let doc = document(state, screen, width);
    draw_document(frame, areas.body, &doc, screen.scroll);
    // The text cursor, where the learner types.
    let typed = match (&screen.phase, &screen.input) {
        (ExamPhase::Question, input) => input.typed().map(|(text, cursor)| {
            let room = screen
                .run
                .drawn
                .get(screen.run.current)
                .map_or(width, |d| super::quiz::input_room(&d.question, width));
            (text, cursor, room)
        }),
        (ExamPhase::Profile(form), _) => Some(super::profile::typed(form, width)),
        _ => None,
    };
    if let Some(typed) = typed {
        let line = doc.first_line_of(QuizTarget::Input);
        super::quiz::place_cursor(frame, areas.body, line, screen.scroll, typed);
    }
}
