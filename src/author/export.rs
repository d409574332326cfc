//! A course's quiz questions as Moodle GIFT (`kurs export gift`): one `$CATEGORY:` per module,
//! each question's id as its `::title::`, texts as `[markdown]` with GIFT's escapes, so that
//! `kurs import gift` reads the same questions back. Pure: a course in, text out.

use super::import::gift_escape as escape;
use crate::course::{Choice, Course, QuestionKind};

/// The GIFT text, and the questions GIFT has no form for (order questions) as
/// (module id, question id).
pub fn gift(course: &Course) -> (String, Vec<(String, String)>) {
    let mut out = format!(
        "// {} ({}): exported by kurs export gift\n",
        one_line(&course.title),
        one_line(&course.id)
    );
    let mut left_out = Vec::new();
    for module in &course.modules {
        let Some(quiz) = &module.quiz else {
            continue;
        };
        // Moodle writes a `/` inside a category's name as `//`.
        out.push_str(&format!(
            "\n$CATEGORY: $course$/top/{}\n",
            one_line(&module.title).replace('/', "//")
        ));
        for question in &quiz.questions {
            let answers = match &question.kind {
                QuestionKind::Single { choices } => single(choices),
                QuestionKind::Multiple { choices } => multiple(choices),
                QuestionKind::TrueFalse { answer } => {
                    (if *answer { "TRUE" } else { "FALSE" }).to_owned()
                }
                QuestionKind::Text { accept } => accept
                    .iter()
                    .map(|answer| format!("\n\t={}{}", keep_percent(answer, 100), escape(answer)))
                    .collect::<String>(),
                QuestionKind::Order { .. } => {
                    left_out.push((module.id.clone(), question.id.clone()));
                    continue;
                }
            };
            let general = question
                .explanation
                .as_deref()
                .map(|text| format!("\n\t####{}", escape(text)))
                .unwrap_or_default();
            let close = if answers.starts_with('\n') || !general.is_empty() {
                "\n}"
            } else {
                "}"
            };
            out.push_str(&format!(
                "\n::{}::[markdown]{}{{{answers}{general}{close}\n",
                escape(&question.id),
                escape(&question.prompt)
            ));
        }
    }
    (out, left_out)
}

fn single(choices: &[Choice]) -> String {
    choices
        .iter()
        .map(|choice| {
            let (mark, weight) = if choice.correct { ('=', 100) } else { ('~', 0) };
            format!(
                "\n\t{mark}{}{}{}",
                keep_percent(&choice.text, weight),
                escape(&choice.text),
                feedback(choice)
            )
        })
        .collect()
}

/// Every right choice gets an equal share of 100 %, every wrong one -100 %: in Moodle the
/// learner gets full marks only for ticking exactly the right ones, as in kurs.
fn multiple(choices: &[Choice]) -> String {
    let right = choices.iter().filter(|c| c.correct).count().max(1);
    let share = 100.0 / right as f64;
    let share = format!("{share:.5}");
    let share = share.trim_end_matches('0').trim_end_matches('.');
    choices
        .iter()
        .map(|choice| {
            let weight = if choice.correct { share } else { "-100" };
            format!(
                "\n\t~%{weight}%{}{}",
                escape(&choice.text),
                feedback(choice)
            )
        })
        .collect()
}

fn feedback(choice: &Choice) -> String {
    choice
        .feedback
        .as_deref()
        .map(|text| format!("#{}", escape(text)))
        .unwrap_or_default()
}

/// GIFT cannot escape a `%` at the start of an answer, where it would be read as a weight; the
/// weight is written out then, so the text's own `%` stays text.
fn keep_percent(text: &str, weight: u8) -> String {
    if text.starts_with('%') {
        format!("%{weight}%")
    } else {
        String::new()
    }
}

/// Course and module names on the comment and category lines: one line, no escapes needed there.
fn one_line(text: &str) -> String {
    crate::safe_text::single_line(text)
}
