//! The profile form's keys, the same after a passed exam and after the module quiz that
//! completes a course's certificate: typing, Tab or ↑↓ between name and birth date, Enter to
//! check what was typed as `kurs profile set` checks it, Esc to go on without a certificate.

use super::text;
use crate::i18n::Lang;
use crate::profile::Profile;
use crate::tui::action::Action;
use crate::tui::state::ProfileForm;

/// What a key did to the form.
pub(super) enum FormStep {
    /// Still being filled in (or its problems shown).
    Editing,
    /// Esc: no profile now; the certificate can be issued later.
    Skipped,
    /// Enter on the birth date with both fields right: the profile, not saved yet.
    Entered(Profile),
}

pub(super) fn edit(form: &mut ProfileForm, action: Action, lang: Lang) -> FormStep {
    let switch = |form: &mut ProfileForm, field: usize| {
        form.field = field;
        form.cursor = if field == 0 {
            form.name.len()
        } else {
            form.birth_date.len()
        };
    };
    match action {
        Action::Back => return FormStep::Skipped,
        Action::NextField | Action::Down | Action::Up => switch(form, 1 - form.field.min(1)),
        Action::Activate if form.field == 0 => switch(form, 1),
        Action::Activate => {
            match Profile::parse_input(&form.name, &form.birth_date, None, crate::profile::today())
            {
                Err(problems) => form.problems = problems.iter().map(|p| p.text(lang)).collect(),
                Ok(profile) => return FormStep::Entered(profile),
            }
        }
        action => {
            let field = if form.field == 0 {
                &mut form.name
            } else {
                &mut form.birth_date
            };
            text::edit(field, &mut form.cursor, action);
        }
    }
    FormStep::Editing
}

/// The scroll that shows the field being typed with its label above it (`line`: the field's
/// line in the document of `len` lines, `None` when the form is not shown).
pub(super) fn field_scroll(scroll: usize, line: Option<usize>, height: usize, len: usize) -> usize {
    match line {
        Some(line) => {
            crate::tui::view::scroll_to(scroll, line.saturating_sub(1), line, height, len)
        }
        None => scroll,
    }
}
