//! Reading GIFT end to end: each question kind, escapes and formats, categories, and errors at
//! their places.

use super::*;
use crate::author::import::{ItemKind, Kept};
use crate::course::{CreditRange, MatchPair, NumberRange};

fn read(text: &str) -> (Bank, Report) {
    parse(text, Path::new("bank.gift"))
}

/// The one item of a file of one question, with no error.
fn item(text: &str) -> Item {
    let (bank, report) = read(text);
    assert_eq!(report.errors(), 0, "{:?}", report.diagnostics);
    assert_eq!(bank.groups.len(), 1, "{bank:?}");
    assert_eq!(bank.groups[0].items.len(), 1, "{bank:?}");
    bank.groups[0].items[0].clone()
}

fn codes(text: &str) -> Vec<(&'static str, usize, usize)> {
    read(text)
        .1
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.line, d.column))
        .collect()
}

fn choices(item: &Item) -> Vec<(String, bool)> {
    match &item.kind {
        ItemKind::Single { choices } | ItemKind::Multiple { choices } => choices
            .iter()
            .map(|c| (c.text.clone(), c.correct))
            .collect(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn one_right_answer_among_wrong_ones_is_a_single_choice_question() {
    let item = item("Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}");
    assert!(matches!(item.kind, ItemKind::Single { .. }));
    assert_eq!(item.prompt, "Who's buried in Grant's tomb?");
    assert_eq!(choices(&item)[2], ("no one".into(), true));
}

#[test]
fn an_answer_block_in_the_middle_is_shown_as_a_blank() {
    let item = item("Grant is {~buried =entombed ~living} in Grant's tomb.");
    assert_eq!(item.prompt, "Grant is _____ in Grant's tomb.");
    let item = super::tests::item("Pi is about {#3.14:0.01}.");
    assert_eq!(item.prompt, "Pi is about _____.");
}

#[test]
fn title_comments_and_per_answer_feedback_are_read() {
    let item = item(
        "// a comment\n::Colours:: What's between orange and green?\n// inside\n{ =yellow # right; good! ~red # wrong }",
    );
    assert_eq!(item.title.as_deref(), Some("Colours"));
    let ItemKind::Single { choices } = &item.kind else {
        panic!()
    };
    assert_eq!(choices[0].feedback.as_deref(), Some("right; good!"));
    assert_eq!(choices[1].feedback.as_deref(), Some("wrong"));
}

fn credits(item: &Item) -> Vec<Option<u8>> {
    match &item.kind {
        ItemKind::Multiple { choices } => choices.iter().map(|c| c.credit).collect(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn weights_make_a_multiple_choice_question_with_credits() {
    let text = "Who is in Grant's tomb? {\n ~%-100%No one\n ~%50%Grant\n ~%50%Grant's wife\n}";
    let item = item(text);
    assert_eq!(credits(&item), vec![None, Some(50), Some(50)]);
    assert_eq!(
        codes(text),
        Vec::new(),
        "one wrong answer at -100 is kurs's rule"
    );
}

#[test]
fn weights_that_do_not_add_up_to_100_are_scaled_and_said() {
    let text = "Pick. {~%33.33333%a ~%33.33333%b ~%33.33333%c ~%-50%d ~%-50%e}";
    assert_eq!(
        credits(&item(text)),
        vec![Some(34), Some(33), Some(33), None, None]
    );
    assert_eq!(
        codes(text),
        Vec::new(),
        "a rounding away from 100 is no change"
    );
    let text = "Pick. {~%50%a ~%20%b ~%-100%c}";
    assert_eq!(credits(&item(text)), vec![Some(71), Some(29), None]);
    assert_eq!(codes(text), vec![("W102", 1, 7)]);
}

#[test]
fn wrong_answers_weighted_otherwise_than_kurs_does_are_said() {
    let text = "Pick. {~%50%a ~%50%b ~%-100%c ~%-100%d}";
    assert_eq!(codes(text), vec![("W102", 1, 7)]);
    let text = "Pick. {~%50%a ~%50%b ~c}";
    assert_eq!(
        codes(text),
        vec![("W102", 1, 7)],
        "a wrong answer at 0 % costs nothing in Moodle"
    );
}

#[test]
fn the_comment_of_kurs_export_keeps_a_multiple_choice_question_all_or_nothing() {
    let text = "// kurs: all or nothing\nPick. {~%50%a ~%50%b ~%-100%c}";
    assert_eq!(credits(&item(text)), vec![None, None, None]);
    assert_eq!(codes(text), Vec::new());
}

#[test]
fn typed_answers_with_a_weight_earn_it_as_credit() {
    let item = item("Tool? {=Passwort-Manager =%50%Manager =%0%Zettel}");
    let ItemKind::Text { accept } = &item.kind else {
        panic!("{:?}", item.kind)
    };
    let credits: Vec<(&str, u8)> = accept.iter().map(|a| (a.text.as_str(), a.credit)).collect();
    assert_eq!(credits, vec![("Passwort-Manager", 100), ("Manager", 50)]);
}

#[test]
fn true_false_takes_every_spelling_and_its_feedback_goes_into_the_explanation() {
    for (word, answer) in [("T", true), ("TRUE", true), ("F", false), ("false", false)] {
        let item = item(&format!("The sun rises in the east.{{{word}}}"));
        assert_eq!(item.kind, ItemKind::TrueFalse { answer });
    }
    let item = item("Grant is in NYC.{T#No, he is.#Yes.####He was buried in 1897.}");
    let explanation = item.explanation.unwrap();
    assert!(
        explanation.starts_with("He was buried in 1897."),
        "{explanation}"
    );
    assert!(explanation.contains("✗: No, he is."), "{explanation}");
    assert!(explanation.contains("✓: Yes."), "{explanation}");
}

#[test]
fn several_equals_without_a_tilde_are_accepted_typed_answers() {
    let item = item("Who's buried in Grant's tomb?{=no one =nobody}");
    assert_eq!(
        item.kind,
        ItemKind::Text {
            accept: vec!["no one".into(), "nobody".into()]
        }
    );
}

#[test]
fn numerical_questions_become_numeric_questions() {
    for (text, right) in [
        (
            "When was Grant born?{#1822:5}",
            NumberRange::Around {
                answer: 1822.0,
                tolerance: 5.0,
            },
        ),
        (
            "A number from 1 to 5? {#1..5}",
            NumberRange::Between { min: 1.0, max: 5.0 },
        ),
        (
            "Exact? {#1822}",
            NumberRange::Around {
                answer: 1822.0,
                tolerance: 0.0,
            },
        ),
    ] {
        assert_eq!(
            item(text).kind,
            ItemKind::Numeric {
                right,
                ranges: Vec::new()
            },
            "{text}"
        );
        assert_eq!(codes(text), Vec::new(), "{text}");
    }
}

#[test]
fn several_numerical_answers_become_ranges_with_credit_and_their_feedback_an_explanation() {
    let text = "Born? {#\n =1822:0 # Correct!\n =%50%1822:2 # Close.\n}";
    let item = item(text);
    assert_eq!(
        item.kind,
        ItemKind::Numeric {
            right: NumberRange::Around {
                answer: 1822.0,
                tolerance: 0.0
            },
            ranges: vec![CreditRange {
                range: NumberRange::Around {
                    answer: 1822.0,
                    tolerance: 2.0
                },
                credit: 50
            }],
        }
    );
    assert_eq!(
        item.explanation.as_deref(),
        Some("- 1822: Correct!\n- 1822 ± 2: Close.")
    );
    assert_eq!(codes(text), vec![("W102", 1, 7)]);
}

#[test]
fn a_numerical_question_without_full_marks_is_kept_as_a_section() {
    let text = "Born? {#=%50%1822:2}";
    let ItemKind::Kept { what, answers } = item(text).kind else {
        panic!()
    };
    assert_eq!(
        (what, answers),
        (Kept::Numerical, vec!["- 1822 ± 2 (50 %)".to_owned()])
    );
    assert_eq!(codes(text)[0].0, "W101");
}

#[test]
fn matching_questions_become_match_questions_with_their_distractors() {
    let text = "Match. {=Canada -> Ottawa =Italy -> Rome = -> Paris}";
    assert_eq!(
        item(text).kind,
        ItemKind::Match {
            pairs: vec![
                MatchPair {
                    left: "Canada".into(),
                    right: "Ottawa".into()
                },
                MatchPair {
                    left: "Italy".into(),
                    right: "Rome".into()
                },
            ],
            distractors: vec!["Paris".into()],
        }
    );
    assert_eq!(codes(text), Vec::new());
}

#[test]
fn a_matching_question_kurs_would_refuse_is_kept_as_a_section_and_said_why() {
    for (text, why) in [
        ("Match. {=cat -> mammal =dog -> mammal}", "share a partner"),
        ("Match. {=Canada -> Ottawa}", "fewer than two pairs"),
    ] {
        let ItemKind::Kept { what, answers } = item(text).kind else {
            panic!("{text}")
        };
        assert_eq!(what, Kept::Matching);
        assert!(answers[0].starts_with("- "), "{answers:?}");
        let (_, report) = read(text);
        assert_eq!(report.diagnostics[0].code.as_str(), "W101");
        assert!(report.diagnostics[0].message.contains(why), "{text}");
    }
}

#[test]
fn essay_and_description_are_kept_as_sections_and_reported() {
    let essay = item("How are you? {}");
    assert!(matches!(
        essay.kind,
        ItemKind::Kept {
            what: Kept::Essay,
            ..
        }
    ));
    let note = item("You may use paper for the next questions.");
    assert!(matches!(
        note.kind,
        ItemKind::Kept {
            what: Kept::Description,
            ..
        }
    ));
}

#[test]
fn escapes_and_line_breaks_are_text() {
    let item = item("[markdown]a\\{b\\}\\~\\=\\#\\:\\\\c\\nd {=x ~y\\~z}");
    assert_eq!(item.prompt, "a{b}~=#:\\c\nd");
    assert_eq!(choices(&item)[1].0, "y~z");
    assert_eq!(escape("a{b}\nc"), "a\\{b\\}\\nc");
}

#[test]
fn html_is_converted_and_markdown_kept_and_plain_escaped() {
    let html = item("[html]<p>Is <b>this</b> bold?</p>{T}");
    assert_eq!(html.prompt, "Is **this** bold?");
    let markdown = item("[markdown]Is **this** bold?{T}");
    assert_eq!(markdown.prompt, "Is **this** bold?");
    let plain = item("[plain]Is **this** bold?{T}");
    assert_eq!(plain.prompt, "Is \\*\\*this\\*\\* bold?");
    let moodle = item("Is <i>this</i> &amp; that?{T}");
    assert_eq!(moodle.prompt, "Is *this* \\& that?");
}

#[test]
fn each_category_gives_a_group_named_by_its_last_part() {
    let (bank, _) = read(
        "Before? {T}\n\n$CATEGORY: $course$/top/Safety/Fire\n\nA? {T}\n\n$CATEGORY: $course$/top/Other\n\nB? {F}\n\n$CATEGORY: $course$/top/Safety/Fire\n\nC? {T}",
    );
    let names: Vec<_> = bank
        .groups
        .iter()
        .map(|g| (g.category.clone(), g.items.len()))
        .collect();
    assert_eq!(
        names,
        vec![
            (None, 1),
            (Some("Fire".into()), 2),
            (Some("Other".into()), 1)
        ]
    );
}

#[test]
fn two_categories_of_the_same_name_in_different_places_stay_two_groups() {
    let (bank, _) = read("$CATEGORY: top/A/Basics\n\nA? {T}\n\n$CATEGORY: top/B/Basics\n\nB? {T}");
    assert_eq!(bank.groups.len(), 2);
}

#[test]
fn broken_questions_are_errors_at_their_place() {
    assert_eq!(codes("Q? {=a ~b"), vec![("E101", 1, 4)]);
    assert_eq!(codes("Q? =a ~b}"), vec![("E101", 1, 9)]);
    assert_eq!(codes("::Title Q? {T}"), vec![("E101", 1, 1)]);
    assert_eq!(codes("Q?\n{~a ~b}"), vec![("E101", 2, 1)]);
    assert_eq!(codes("Q? {=a ~}"), vec![("E101", 1, 8)]);
    assert_eq!(codes("Q? {=a ~%x%b}"), vec![("E101", 1, 9)]);
    assert_eq!(codes("Q? {#abc}"), vec![("E101", 1, 6)]);
    assert_eq!(codes("Q? {#5..1}"), vec![("E101", 1, 6)]);
    assert_eq!(codes("Q? {#5:-1}"), vec![("E101", 1, 6)]);
    assert_eq!(codes("Q? {=a} and {=b}"), vec![("E101", 1, 13)]);
    assert_eq!(codes("// only a comment\n"), vec![("E102", 1, 1)]);
}

#[test]
fn a_control_character_is_replaced_and_reported() {
    let text = "Q\u{1b}[2J? {T}";
    let item = item(text);
    assert_eq!(item.prompt, "Q\u{FFFD}\\[2J?");
    assert_eq!(codes(text), vec![("W102", 1, 2)]);
}
