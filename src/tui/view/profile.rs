//! The profile form, asked the first time a certificate is due: after a passed exam (the exam's
//! profile phase) and after the module quiz that completes a course's requirement (on the
//! result screen). Name and birth date, with the reason the original course gives.

use ratatui::text::{Line, Span};

use super::Document;
use super::quiz::{INPUT_PREFIX, input_window};
use crate::i18n::{self, T};
use crate::tui::state::{ProfileForm, State};

/// The form: why the certificate needs it, the two fields (the one typed marked `input`, so
/// the caller can put the cursor there) and what is wrong with what was typed.
pub fn form_lines<F: Copy + PartialEq>(
    state: &State,
    form: &ProfileForm,
    doc: &mut Document<F>,
    width: usize,
    input: F,
) {
    let theme = &state.theme;
    let lang = state.lang();
    doc.blank();
    // The result comes first: the form is there because the exam was passed.
    if let Some(result) = &form.result {
        let score = i18n::score(
            lang,
            result.points,
            result.max,
            Some(u32::from(result.percent)),
        );
        doc.push(
            Line::from(Span::styled(
                format!(" ✓ {}: {score}", T::Passed.get(lang)),
                theme.right(),
            )),
            None,
        );
        doc.blank();
    }
    doc.wrapped(
        T::CertificateWhy.get(lang),
        width,
        vec![Span::raw(" ")],
        ratatui::style::Style::new(),
        None,
    );
    for (field, (label, value)) in [
        (T::ExamProfileName, &form.name),
        (T::ExamProfileBirthDate, &form.birth_date),
    ]
    .into_iter()
    .enumerate()
    {
        doc.blank();
        let focused = form.field == field;
        let style = if focused {
            theme.focused()
        } else {
            theme.heading()
        };
        doc.push(
            Line::from(Span::styled(
                format!("{}{}:", if focused { "›" } else { " " }, label.get(lang)),
                style,
            )),
            None,
        );
        let cursor = if focused { form.cursor } else { value.len() };
        let (shown, _) = input_window(value, cursor, width.saturating_sub(INPUT_PREFIX));
        doc.push(
            Line::from(vec![
                Span::raw(" > "),
                Span::styled(
                    shown,
                    ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::UNDERLINED),
                ),
            ]),
            focused.then_some(input),
        );
    }
    for problem in &form.problems {
        doc.blank();
        doc.wrapped(problem, width, vec![Span::raw(" ")], theme.warning(), None);
    }
}

/// The field being typed, where its cursor is, and the columns it has.
pub fn typed(form: &ProfileForm, width: usize) -> (&str, usize, usize) {
    let text = if form.field == 0 {
        form.name.as_str()
    } else {
        form.birth_date.as_str()
    };
    (text, form.cursor, width.saturating_sub(INPUT_PREFIX))
}
