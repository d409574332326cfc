//! What the learner typed, understood: menu numbers, the words for back and quit, and the answer
//! to each question type. Pure functions over one line, so every accepted and refused input is tested.

use std::collections::BTreeSet;

use crate::course::QuestionKind;
use crate::i18n::T;
use crate::quiz::Answer;

// The command words are shared with `kurs check`, which warns of answers that look like them.
pub use crate::command_word::{Command, command, marked_command};

/// Where a line is typed: at a menu the bare words are commands; in a question only marked ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Asked {
    Menu,
    Question,
}

/// The command a line stands for where it was typed.
pub fn command_in(asked: Asked, line: &str) -> Option<Command> {
    match asked {
        Asked::Question => marked_command(line),
        Asked::Menu => marked_command(line).or_else(|| command(line)),
    }
}

/// The entry picked in a numbered menu of `count` entries, as an index from 0.
pub fn menu_number(line: &str, count: usize) -> Option<usize> {
    match numbers(line)?.as_slice() {
        [n] if (1..=count).contains(n) => Some(n - 1),
        _ => None,
    }
}

/// The answer to a question, with choice and item numbers translated from the order shown
/// (`order`: display position → index in the question) to the question as written.
/// Err is the sentence that says what is expected instead.
pub fn parse_answer(kind: &QuestionKind, order: &[usize], line: &str) -> Result<Answer, T> {
    match kind {
        QuestionKind::Single { choices } => {
            let shown = shown(order, choices.len());
            match numbers(line).as_deref() {
                Some([n]) if (1..=shown.len()).contains(n) => Ok(Answer::Single(shown[n - 1])),
                _ => Err(T::PlainSingleExpected),
            }
        }
        QuestionKind::Multiple { choices } => {
            let shown = shown(order, choices.len());
            let picked = numbers(line)
                .filter(|picked| !picked.is_empty())
                .and_then(|picked| distinct_in_range(&picked, shown.len()))
                .ok_or(T::PlainMultipleExpected)?;
            Ok(Answer::Multiple(
                picked.iter().map(|n| shown[n - 1]).collect(),
            ))
        }
        QuestionKind::TrueFalse { .. } => true_or_false(line)
            .map(Answer::TrueFalse)
            .ok_or(T::PlainTrueFalseExpected),
        QuestionKind::Text { .. } => {
            let text = line.trim();
            if text.is_empty() {
                Err(T::PlainTextExpected)
            } else {
                Ok(Answer::Text(text.to_string()))
            }
        }
        QuestionKind::Order { items } => {
            let shown = shown(order, items.len());
            let typed = order_numbers(line, shown.len())
                .filter(|typed| typed.len() == shown.len())
                .filter(|typed| distinct_in_range(typed, shown.len()).is_some())
                .ok_or(T::PlainOrderExpected)?;
            Ok(Answer::Order(typed.iter().map(|n| shown[n - 1]).collect()))
        }
    }
}

/// The display order of a run; the written order if the run's order does not fit the question.
fn shown(order: &[usize], count: usize) -> Vec<usize> {
    if order.len() == count && order.iter().all(|&i| i < count) {
        order.to_vec()
    } else {
        (0..count).collect()
    }
}

/// Numbers separated by commas, semicolons or spaces ("1,3", "1 3", "1, 3."); None if anything else is there.
fn numbers(line: &str) -> Option<Vec<usize>> {
    line.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|token| !token.is_empty())
        .map(number)
        .collect()
}

fn number(token: &str) -> Option<usize> {
    // "2." as in the menu's "2. …"; a length bound keeps absurd digit strings from parsing at all.
    let digits = token.strip_suffix('.').unwrap_or(token);
    if digits.is_empty() || digits.len() > 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Order answers may also be typed without spaces ("312") while every number is one digit.
fn order_numbers(line: &str, count: usize) -> Option<Vec<usize>> {
    let compact = line.trim();
    if (2..=9).contains(&count)
        && compact.len() == count
        && compact.bytes().all(|b| (b'1'..=b'9').contains(&b))
    {
        return Some(compact.bytes().map(|b| usize::from(b - b'0')).collect());
    }
    numbers(line)
}

/// The numbers as a set, if each is between 1 and `count` and none is repeated.
fn distinct_in_range(numbers: &[usize], count: usize) -> Option<BTreeSet<usize>> {
    let set: BTreeSet<usize> = numbers.iter().copied().collect();
    let fits = set.len() == numbers.len() && numbers.iter().all(|n| (1..=count).contains(n));
    fits.then_some(set)
}

/// Yes and no in both languages, the words of the statement's truth, and 1/2 as the choices are numbered.
fn true_or_false(line: &str) -> Option<bool> {
    let word = line.trim().trim_end_matches(['.', '!']).to_lowercase();
    match word.as_str() {
        "ja" | "j" | "wahr" | "w" | "richtig" | "stimmt" | "yes" | "y" | "true" | "t" | "1" => {
            Some(true)
        }
        "nein" | "n" | "falsch" | "f" | "no" | "false" | "2" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::Choice;

    fn choices(count: usize) -> Vec<Choice> {
        (0..count)
            .map(|i| Choice {
                text: format!("choice {i}"),
                correct: i == 0,
                feedback: None,
            })
            .collect()
    }

    fn single(count: usize) -> QuestionKind {
        QuestionKind::Single {
            choices: choices(count),
        }
    }

    fn multiple(count: usize) -> QuestionKind {
        QuestionKind::Multiple {
            choices: choices(count),
        }
    }

    fn order(count: usize) -> QuestionKind {
        QuestionKind::Order {
            items: (0..count).map(|i| format!("item {i}")).collect(),
        }
    }

    const TRUE_FALSE: QuestionKind = QuestionKind::TrueFalse { answer: true };

    fn text() -> QuestionKind {
        QuestionKind::Text {
            accept: vec!["Phishing".into()],
        }
    }

    #[test]
    fn back_and_quit_words_of_both_languages_in_any_case() {
        for word in ["zurück", "ZURÜCK", " back ", "Back", "zurueck"] {
            assert_eq!(command(word), Some(Command::Back), "{word}");
        }
        for word in ["ende", "Ende", "quit", "QUIT", "q", "Q "] {
            assert_eq!(command(word), Some(Command::Quit), "{word}");
        }
        for word in ["", "1", "zurück bitte", "beenden?", "qq"] {
            assert_eq!(command(word), None, "{word}");
        }
    }

    #[test]
    fn in_a_question_only_marked_words_are_commands() {
        assert_eq!(command_in(Asked::Question, "zurück"), None);
        assert_eq!(command_in(Asked::Question, "Ende"), None);
        assert_eq!(command_in(Asked::Question, "q"), None);
        assert_eq!(
            command_in(Asked::Question, " /zurück "),
            Some(Command::Back)
        );
        assert_eq!(command_in(Asked::Question, "/quit"), Some(Command::Quit));
        assert_eq!(command_in(Asked::Question, "/DSGVO"), None);
    }

    #[test]
    fn at_a_menu_bare_and_marked_words_are_commands() {
        assert_eq!(command_in(Asked::Menu, "zurück"), Some(Command::Back));
        assert_eq!(command_in(Asked::Menu, "/ende"), Some(Command::Quit));
    }

    #[test]
    fn menu_takes_one_number_from_the_list() {
        assert_eq!(menu_number("1", 3), Some(0));
        assert_eq!(menu_number(" 3 ", 3), Some(2));
        assert_eq!(menu_number("2.", 3), Some(1));
    }

    #[test]
    fn menu_refuses_what_is_not_one_number_from_the_list() {
        for line in [
            "",
            "   ",
            "0",
            "4",
            "-1",
            "1 2",
            "eins",
            "1a",
            "99999999999999999999",
        ] {
            assert_eq!(menu_number(line, 3), None, "{line:?}");
        }
    }

    #[test]
    fn single_choice_number_is_translated_through_the_display_order() {
        // Shown as: 1 → choice 2, 2 → choice 0, 3 → choice 1.
        let shown = [2, 0, 1];
        assert_eq!(parse_answer(&single(3), &shown, "1"), Ok(Answer::Single(2)));
        assert_eq!(
            parse_answer(&single(3), &shown, " 2 "),
            Ok(Answer::Single(0))
        );
        assert_eq!(
            parse_answer(&single(3), &shown, "3."),
            Ok(Answer::Single(1))
        );
    }

    #[test]
    fn single_choice_refuses_out_of_range_several_empty_and_words() {
        for line in ["", "0", "4", "1,2", "1 2", "BCC", "zwei"] {
            assert_eq!(
                parse_answer(&single(3), &[0, 1, 2], line),
                Err(T::PlainSingleExpected),
                "{line:?}"
            );
        }
    }

    #[test]
    fn multiple_choice_takes_commas_or_spaces() {
        let shown = [3, 2, 1, 0];
        let expected = Ok(Answer::Multiple([3, 1].into()));
        for line in ["1,3", "1 3", "1, 3", " 3 ,1 ", "1;3"] {
            assert_eq!(
                parse_answer(&multiple(4), &shown, line),
                expected,
                "{line:?}"
            );
        }
        assert_eq!(
            parse_answer(&multiple(4), &shown, "2"),
            Ok(Answer::Multiple([2].into()))
        );
    }

    #[test]
    fn multiple_choice_refuses_empty_duplicates_out_of_range_and_words() {
        for line in ["", " , ", "1,1", "0", "5", "1,5", "1 und 3", "alle"] {
            assert_eq!(
                parse_answer(&multiple(4), &[0, 1, 2, 3], line),
                Err(T::PlainMultipleExpected),
                "{line:?}"
            );
        }
    }

    #[test]
    fn true_false_takes_words_of_both_languages_and_the_numbers_shown() {
        for line in [
            "ja", "Ja", "wahr", "richtig", "yes", "TRUE", "y", "1", "ja.",
        ] {
            assert_eq!(
                parse_answer(&TRUE_FALSE, &[], line),
                Ok(Answer::TrueFalse(true)),
                "{line:?}"
            );
        }
        for line in ["nein", "Nein", "falsch", "no", "False", "n", "2"] {
            assert_eq!(
                parse_answer(&TRUE_FALSE, &[], line),
                Ok(Answer::TrueFalse(false)),
                "{line:?}"
            );
        }
    }

    #[test]
    fn true_false_refuses_anything_else() {
        for line in ["", "3", "vielleicht", "ja nein", "1 2"] {
            assert_eq!(
                parse_answer(&TRUE_FALSE, &[], line),
                Err(T::PlainTrueFalseExpected),
                "{line:?}"
            );
        }
    }

    #[test]
    fn text_answer_is_kept_trimmed() {
        assert_eq!(
            parse_answer(&text(), &[], "  Phishing-Mail "),
            Ok(Answer::Text("Phishing-Mail".into()))
        );
        assert_eq!(
            parse_answer(&text(), &[], "2"),
            Ok(Answer::Text("2".into())),
            "digits are text here"
        );
    }

    #[test]
    fn text_answer_refuses_blank_lines() {
        for line in ["", "   ", "\t"] {
            assert_eq!(parse_answer(&text(), &[], line), Err(T::PlainTextExpected));
        }
    }

    #[test]
    fn order_is_the_displayed_numbers_in_the_right_order() {
        // Shown as: 1 → item 1, 2 → item 2, 3 → item 0; right is item 0, 1, 2 → typed 3 1 2.
        let shown = [1, 2, 0];
        for line in ["3 1 2", "3,1,2", "3, 1, 2", "312"] {
            assert_eq!(
                parse_answer(&order(3), &shown, line),
                Ok(Answer::Order(vec![0, 1, 2])),
                "{line:?}"
            );
        }
        assert_eq!(
            parse_answer(&order(3), &shown, "1 2 3"),
            Ok(Answer::Order(vec![1, 2, 0]))
        );
    }

    #[test]
    fn order_refuses_missing_repeated_out_of_range_and_words() {
        for line in [
            "",
            "1 2",
            "1 1 2",
            "1 2 4",
            "0 1 2",
            "1 2 3 3",
            "3 1 2 erst",
            "31",
            "3120",
        ] {
            assert_eq!(
                parse_answer(&order(3), &[1, 2, 0], line),
                Err(T::PlainOrderExpected),
                "{line:?}"
            );
        }
    }

    #[test]
    fn order_with_ten_items_needs_separators() {
        let shown: Vec<usize> = (0..10).collect();
        assert_eq!(
            parse_answer(&order(10), &shown, "10 9 8 7 6 5 4 3 2 1"),
            Ok(Answer::Order((0..10).rev().collect()))
        );
        assert_eq!(
            parse_answer(&order(10), &shown, "1098765432"),
            Err(T::PlainOrderExpected)
        );
    }

    #[test]
    fn a_display_order_that_does_not_fit_falls_back_to_the_written_order() {
        assert_eq!(parse_answer(&single(2), &[], "2"), Ok(Answer::Single(1)));
        assert_eq!(
            parse_answer(&single(2), &[5, 0], "1"),
            Ok(Answer::Single(0))
        );
    }
}
