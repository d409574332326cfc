//! A course's quiz questions as Moodle GIFT (`kurs export gift`): one `$CATEGORY:` per module,
//! each question's id as its `::title::`, texts as `[markdown]` with GIFT's escapes, so that
//! `kurs import gift` reads the same questions back. Pure: a course in, text out.

use super::import::gift_escape as escape;
use crate::course::{Choice, Course, MatchPair, NumberRange, QuestionKind};

/// A question the export leaves out or changes, and why; `kurs export` says each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Omission {
    pub module: String,
    pub question: String,
    pub why: Why,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    /// An order question: GIFT has no form for it; left out.
    Order,
    /// A match question with `->` in an item, which GIFT cannot escape; left out.
    ArrowInItem,
    /// A numeric question's unit: GIFT has none; exported without it.
    UnitDropped,
}

/// The GIFT text, and the questions left out or changed.
pub fn gift(course: &Course) -> (String, Vec<Omission>) {
    let mut out = format!(
        "// {} ({}): exported by kurs export gift\n",
        one_line(&course.title),
        one_line(&course.id)
    );
    let mut omitted = Vec::new();
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
            let mut omit = |why| {
                omitted.push(Omission {
                    module: module.id.clone(),
                    question: question.id.clone(),
                    why,
                })
            };
            let mut marker = String::new();
            let answers = match &question.kind {
                QuestionKind::Single { choices } => single(choices),
                QuestionKind::Multiple { choices }
                    if choices.iter().any(|c| c.credit.is_some()) =>
                {
                    multiple_with_credit(choices)
                }
                QuestionKind::Multiple { choices } => {
                    // GIFT weights are partial credit in Moodle; the comment keeps kurs's all or
                    // nothing when the file comes back.
                    marker = format!("// {}\n", super::import::ALL_OR_NOTHING);
                    multiple(choices)
                }
                QuestionKind::TrueFalse { answer } => {
                    (if *answer { "TRUE" } else { "FALSE" }).to_owned()
                }
                QuestionKind::Text { accept } => accept
                    .iter()
                    .map(|answer| {
                        format!(
                            "\n\t={}{}",
                            weight(&answer.text, answer.credit),
                            escape(&answer.text)
                        )
                    })
                    .collect::<String>(),
                QuestionKind::Order { .. } => {
                    omit(Why::Order);
                    continue;
                }
                QuestionKind::Match { pairs, distractors } => {
                    if pairs.iter().any(|p| p.left.contains("->")) {
                        omit(Why::ArrowInItem);
                        continue;
                    }
                    matching(pairs, distractors)
                }
                QuestionKind::Numeric {
                    right,
                    unit,
                    ranges,
                } => {
                    if unit.is_some() {
                        omit(Why::UnitDropped);
                    }
                    if ranges.is_empty() {
                        format!("#{}", range(*right))
                    } else {
                        let mut text = format!("#\n\t={}", range(*right));
                        for other in ranges {
                            text.push_str(&format!(
                                "\n\t=%{}%{}",
                                other.credit,
                                range(other.range)
                            ));
                        }
                        text
                    }
                }
            };
            let general = question
                .explanation
                .as_deref()
                .map(|text| format!("\n\t####{}", escape(text)))
                .unwrap_or_default();
            let close = if answers.contains('\n') || !general.is_empty() {
                "\n}"
            } else {
                "}"
            };
            out.push_str(&format!(
                "\n{marker}::{}::[markdown]{}{{{answers}{general}{close}\n",
                escape(&question.id),
                escape(&question.prompt)
            ));
        }
    }
    (out, omitted)
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
/// learner gets full marks only for ticking exactly the right ones, as in kurs (Moodle gives
/// part of them for some of the right ones, which kurs does not).
fn multiple(choices: &[Choice]) -> String {
    let right = choices.iter().filter(|c| c.correct).count().max(1);
    let share = decimal(100.0 / right as f64);
    choices
        .iter()
        .map(|choice| {
            let weight = if choice.correct {
                share.as_str()
            } else {
                "-100"
            };
            format!(
                "\n\t~%{weight}%{}{}",
                escape(&choice.text),
                feedback(choice)
            )
        })
        .collect()
}

/// Right choices with their credit, wrong ones with what ticking one takes off in kurs,
/// 100 ÷ the number of wrong choices: Moodle then grades as kurs does.
fn multiple_with_credit(choices: &[Choice]) -> String {
    let wrong = choices.iter().filter(|c| !c.correct).count().max(1);
    let penalty = format!("-{}", decimal(100.0 / wrong as f64));
    choices
        .iter()
        .map(|choice| {
            let weight = match (choice.correct, choice.credit) {
                (true, credit) => credit.unwrap_or(0).to_string(),
                (false, _) => penalty.clone(),
            };
            format!(
                "\n\t~%{weight}%{}{}",
                escape(&choice.text),
                feedback(choice)
            )
        })
        .collect()
}

/// `=left -> right` per pair, `= -> right` per distractor.
fn matching(pairs: &[MatchPair], distractors: &[String]) -> String {
    let mut text: String = pairs
        .iter()
        .map(|pair| format!("\n\t={} -> {}", escape(&pair.left), escape(&pair.right)))
        .collect();
    for right in distractors {
        text.push_str(&format!("\n\t= -> {}", escape(right)));
    }
    text
}

/// A numerical answer: `3.14`, `3.14:0.01`, `1..5`, in Rust's shortest exact form of each number.
fn range(range: NumberRange) -> String {
    match range {
        NumberRange::Around {
            answer,
            tolerance: 0.0,
        } => format!("{answer}"),
        NumberRange::Around { answer, tolerance } => format!("{answer}:{tolerance}"),
        NumberRange::Between { min, max } => format!("{min}..{max}"),
    }
}

/// A percentage with at most five decimals, as Moodle writes its weights.
fn decimal(value: f64) -> String {
    let text = format!("{value:.5}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn feedback(choice: &Choice) -> String {
    choice
        .feedback
        .as_deref()
        .map(|text| format!("#{}", escape(text)))
        .unwrap_or_default()
}

/// The weight before an accepted answer: written when it is not full marks, and else as
/// `keep_percent` writes it.
fn weight(text: &str, credit: u8) -> String {
    if credit != 100 {
        format!("%{credit}%")
    } else {
        keep_percent(text, credit)
    }
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

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::course::{Accepted, CreditRange, Module, Question, Quiz};

    fn exported(kind: QuestionKind) -> (String, Vec<Omission>) {
        let course = Course {
            id: "c".into(),
            title: "C".into(),
            language: "en".into(),
            description: None,
            pass_percent: 60,
            xapi_activity_base: None,
            areas: Vec::new(),
            modules: vec![Module {
                id: "m".into(),
                code: None,
                title: "M".into(),
                loaded: true,
                intro: None,
                sections: Vec::new(),
                quiz: Some(Box::new(Quiz {
                    title: None,
                    pass_percent: 60,
                    shuffle: true,
                    questions: vec![Question {
                        id: "q".into(),
                        prompt: "Q?".into(),
                        explanation: None,
                        kind,
                    }],
                })),
                path: PathBuf::new(),
            }],
            exam: None,
            certificate: None,
            path: PathBuf::new(),
        };
        let (text, omitted) = gift(&course);
        let question = text
            .split("\n\n")
            .last()
            .unwrap_or_default()
            .trim()
            .to_owned();
        (question, omitted)
    }

    fn choice(text: &str, correct: bool, credit: Option<u8>) -> Choice {
        Choice {
            text: text.into(),
            correct,
            credit,
            feedback: None,
        }
    }

    #[test]
    fn an_all_or_nothing_multiple_choice_question_carries_the_comment_that_keeps_it_so() {
        let (text, _) = exported(QuestionKind::Multiple {
            choices: vec![
                choice("a", true, None),
                choice("b", true, None),
                choice("c", false, None),
            ],
        });
        assert_eq!(
            text,
            "// kurs: all or nothing\n::q::[markdown]Q?{\n\t~%50%a\n\t~%50%b\n\t~%-100%c\n}"
        );
    }

    #[test]
    fn credits_are_weights_and_each_wrong_choice_takes_off_its_share() {
        let (text, _) = exported(QuestionKind::Multiple {
            choices: vec![
                choice("a", true, Some(70)),
                choice("b", true, Some(30)),
                choice("c", false, None),
                choice("d", false, None),
            ],
        });
        assert_eq!(
            text,
            "::q::[markdown]Q?{\n\t~%70%a\n\t~%30%b\n\t~%-50%c\n\t~%-50%d\n}"
        );
        let (text, _) = exported(QuestionKind::Text {
            accept: vec![
                "Manager".into(),
                Accepted {
                    text: "Tresor".into(),
                    credit: 50,
                },
            ],
        });
        assert_eq!(text, "::q::[markdown]Q?{\n\t=Manager\n\t=%50%Tresor\n}");
    }

    #[test]
    fn match_and_numeric_questions_take_gift_s_own_forms() {
        let (text, _) = exported(QuestionKind::Match {
            pairs: vec![
                MatchPair {
                    left: "Canada".into(),
                    right: "Ottawa".into(),
                },
                MatchPair {
                    left: "Italy".into(),
                    right: "Rome".into(),
                },
            ],
            distractors: vec!["Paris".into()],
        });
        assert_eq!(
            text,
            "::q::[markdown]Q?{\n\t=Canada -> Ottawa\n\t=Italy -> Rome\n\t= -> Paris\n}"
        );
        let (text, omitted) = exported(QuestionKind::Numeric {
            right: NumberRange::Around {
                answer: 2.54,
                tolerance: 0.01,
            },
            unit: Some("m".into()),
            ranges: vec![CreditRange {
                range: NumberRange::Between { min: 2.0, max: 3.3 },
                credit: 50,
            }],
        });
        assert_eq!(text, "::q::[markdown]Q?{#\n\t=2.54:0.01\n\t=%50%2..3.3\n}");
        assert_eq!(omitted[0].why, Why::UnitDropped);
    }
}
