//! What the learner typed, understood: menu numbers, the command words (back, quit, help, search, …), and the answer
//! to each question type. Pure functions over one line, so every accepted and refused input is tested.

use std::collections::BTreeSet;

use crate::course::QuestionKind;
use crate::i18n::{self, Lang, T};
use crate::quiz::{Answer, NumberProblem, parse_number};

// The command words are shared with `kurs check`, which warns of answers that look like them.
pub use crate::command_word::{COMMAND_MARK, Command, command, marked_command};

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
/// Err says what is expected instead.
pub fn parse_answer(kind: &QuestionKind, order: &[usize], line: &str) -> Result<Answer, Expected> {
    match kind {
        QuestionKind::Single { choices } => {
            let shown = shown(order, choices.len());
            match numbers(line).as_deref() {
                Some([n]) if (1..=shown.len()).contains(n) => Ok(Answer::Single(shown[n - 1])),
                _ => Err(Expected::Single),
            }
        }
        QuestionKind::Multiple { choices } => {
            let shown = shown(order, choices.len());
            let picked = numbers(line)
                .filter(|picked| !picked.is_empty())
                .and_then(|picked| distinct_in_range(&picked, shown.len()))
                .ok_or(Expected::Multiple)?;
            Ok(Answer::Multiple(
                picked.iter().map(|n| shown[n - 1]).collect(),
            ))
        }
        QuestionKind::TrueFalse { .. } => true_or_false(line)
            .map(Answer::TrueFalse)
            .ok_or(Expected::TrueFalse),
        QuestionKind::Text { .. } => {
            let text = line.trim();
            if text.is_empty() {
                Err(Expected::Text)
            } else {
                Ok(Answer::Text(text.to_string()))
            }
        }
        QuestionKind::Order { items } => {
            let shown = shown(order, items.len());
            let typed = order_numbers(line, shown.len())
                .filter(|typed| typed.len() == shown.len())
                .filter(|typed| distinct_in_range(typed, shown.len()).is_some())
                .ok_or(Expected::Order { items: shown.len() })?;
            Ok(Answer::Order(typed.iter().map(|n| shown[n - 1]).collect()))
        }
        QuestionKind::Match { pairs, distractors } => {
            let shown = shown(order, pairs.len() + distractors.len());
            let expected = Expected::Match {
                items: pairs.len(),
                partners: shown.len(),
            };
            let picked = match_pairs(line, pairs.len(), shown.len()).ok_or(expected)?;
            Ok(Answer::Match(
                picked.iter().map(|&p| Some(shown[p])).collect(),
            ))
        }
        QuestionKind::Numeric { unit, .. } => parse_number(line, unit.as_deref())
            .map(Answer::Number)
            .map_err(Expected::Number),
    }
}

/// A match answer: each item's number with its partner's letter, in any order and separated
/// by spaces, commas or semicolons or not at all (`1b 2a 3c`, `1b,2a,3c`, `1b2a3c`, `2a 1b 3c`);
/// every item once. Gives per item (from 0) the display position of its partner.
fn match_pairs(line: &str, items: usize, partners: usize) -> Option<Vec<usize>> {
    let mut picked: Vec<Option<usize>> = vec![None; items];
    let mut chars = line
        .chars()
        .filter(|c| !(c.is_whitespace() || *c == ',' || *c == ';' || *c == '-'))
        .peekable();
    while chars.peek().is_some() {
        let mut digits = String::new();
        while let Some(c) = chars.peek().filter(|c| c.is_ascii_digit()) {
            digits.push(*c);
            chars.next();
        }
        let letter = chars.next()?.to_ascii_lowercase();
        if !letter.is_ascii_lowercase() {
            return None;
        }
        let item = number(&digits)?.checked_sub(1)?;
        let partner = usize::from(letter as u8 - b'a');
        if partner >= partners || item >= items {
            return None;
        }
        let slot = picked.get_mut(item)?;
        if slot.is_some() {
            return None;
        }
        *slot = Some(partner);
    }
    picked.into_iter().collect()
}

/// An example of a match answer in the question's own numbers and letters, so that it fits
/// only a question of its size: item 1 with the last partner, then the others in turn
/// ("1c 2a 3b").
pub fn match_example(items: usize, partners: usize) -> String {
    let partners = partners.max(1);
    (0..items)
        .map(|item| {
            let partner = (item + partners - 1) % partners;
            let letter = char::from(b'a' + u8::try_from(partner.min(25)).unwrap_or(0));
            format!("{}{letter}", item + 1)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// What an answer that could not be understood should have been.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Single,
    Multiple,
    TrueFalse,
    Text,
    /// All the numbers of a question with this many items, in order.
    Order {
        items: usize,
    },
    /// Each item's number with a partner's letter.
    Match {
        items: usize,
        partners: usize,
    },
    /// A number, and why the line was not one.
    Number(NumberProblem),
}

impl Expected {
    /// The one sentence that says what to type instead; an order example has the question's
    /// own number of items, so it is never an answer to another question.
    pub fn sentence(self, lang: Lang) -> String {
        match self {
            Expected::Single => T::PlainSingleExpected.get(lang).to_string(),
            Expected::Multiple => T::PlainMultipleExpected.get(lang).to_string(),
            Expected::TrueFalse => T::PlainTrueFalseExpected.get(lang).to_string(),
            Expected::Text => T::PlainTextExpected.get(lang).to_string(),
            Expected::Order { items } => i18n::plain_order_expected(lang, &order_example(items)),
            Expected::Match { items, partners } => {
                i18n::plain_match_expected(lang, items, &match_example(items, partners))
            }
            Expected::Number(problem) => i18n::number_problem(lang, problem).to_owned(),
        }
    }
}

/// An order answer for `items` items that is not the written order: the last number first,
/// then the rest ("3 1 2", "5 1 2 3 4").
pub fn order_example(items: usize) -> String {
    let items = items.max(1);
    std::iter::once(items)
        .chain(1..items)
        .map(|n| n.to_string())
        .collect::<Vec<_>>()
        .join(" ")
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
                credit: None,
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
    fn help_list_contents_and_overview_words_of_both_languages() {
        for (word, expected) in [
            ("hilfe", Command::Help),
            ("HELP", Command::Help),
            ("?", Command::Help),
            ("liste", Command::List),
            ("List", Command::List),
            ("inhalt", Command::Contents),
            ("contents", Command::Contents),
            ("Übersicht", Command::Overview),
            ("uebersicht", Command::Overview),
            ("overview", Command::Overview),
        ] {
            assert_eq!(command(word), Some(expected), "{word}");
        }
        assert_eq!(command("hilfe mir"), None);
    }

    #[test]
    fn search_takes_the_words_after_it_and_section_a_number() {
        assert_eq!(
            command("suche  Sichere Passwörter "),
            Some(Command::Search("Sichere Passwörter".into()))
        );
        assert_eq!(command("SEARCH"), Some(Command::Search(String::new())));
        assert_eq!(command("abschnitt 3"), Some(Command::Section(Some(3))));
        assert_eq!(command("section 2."), Some(Command::Section(Some(2))));
        assert_eq!(command("abschnitt"), Some(Command::Section(None)));
        assert_eq!(command("abschnitt drei"), Some(Command::Section(None)));
        assert_eq!(command("sucher x"), None);
    }

    #[test]
    fn in_a_question_the_marked_help_and_list_are_commands_and_bare_ones_answers() {
        assert_eq!(command_in(Asked::Question, "/hilfe"), Some(Command::Help));
        assert_eq!(command_in(Asked::Question, "/?"), Some(Command::Help));
        assert_eq!(command_in(Asked::Question, "/liste"), Some(Command::List));
        assert_eq!(command_in(Asked::Question, "hilfe"), None);
        assert_eq!(command_in(Asked::Question, "?"), None);
    }

    fn matching(items: usize, distractors: usize) -> QuestionKind {
        QuestionKind::Match {
            pairs: (0..items)
                .map(|i| crate::course::MatchPair {
                    left: format!("item {i}"),
                    right: format!("partner {i}"),
                })
                .collect(),
            distractors: (0..distractors).map(|i| format!("other {i}")).collect(),
        }
    }

    #[test]
    fn a_match_answer_is_each_number_with_a_letter_in_any_order_and_spacing() {
        // Partners shown as a) 2, b) 0, c) 3 (the distractor), d) 1.
        let shown = [2, 0, 3, 1];
        let expected = Ok(Answer::Match(vec![Some(0), Some(1), Some(2)]));
        for line in [
            "1b 2d 3a",
            "1B, 2D, 3A",
            "3a 1b 2d",
            "1b2d3a",
            " 1-b ; 2-d ; 3-a ",
        ] {
            assert_eq!(
                parse_answer(&matching(3, 1), &shown, line),
                expected,
                "{line}"
            );
        }
    }

    #[test]
    fn a_match_answer_that_misses_repeats_or_invents_an_item_or_letter_is_refused() {
        let shown = [2, 0, 3, 1];
        let refused = Err(Expected::Match {
            items: 3,
            partners: 4,
        });
        for line in [
            "",
            "1b 2d",
            "1b 1d 3a",
            "1b 2d 3e",
            "1b 2d 4a",
            "1 2 3",
            "b1 d2 a3",
            "1ä 2d 3a",
        ] {
            assert_eq!(
                parse_answer(&matching(3, 1), &shown, line),
                refused,
                "{line:?}"
            );
        }
        let sentence = Expected::Match {
            items: 3,
            partners: 4,
        }
        .sentence(Lang::De);
        assert!(sentence.ends_with("zum Beispiel 1d 2a 3b."), "{sentence}");
    }

    #[test]
    fn a_numeric_answer_takes_a_comma_or_a_point_and_the_unit() {
        let kind = QuestionKind::Numeric {
            right: crate::course::NumberRange::Around {
                answer: 1.0,
                tolerance: 0.0,
            },
            unit: Some("GB".into()),
            ranges: Vec::new(),
        };
        assert_eq!(parse_answer(&kind, &[], "4,5 GB"), Ok(Answer::Number(4.5)));
        assert_eq!(parse_answer(&kind, &[], "4.5"), Ok(Answer::Number(4.5)));
        assert_eq!(
            parse_answer(&kind, &[], "vier"),
            Err(Expected::Number(NumberProblem::NotANumber))
        );
    }

    #[test]
    fn the_order_example_has_the_question_s_own_number_of_items() {
        assert_eq!(order_example(3), "3 1 2");
        assert_eq!(order_example(5), "5 1 2 3 4");
        assert_eq!(order_example(2), "2 1");
        let sentence = Expected::Order { items: 5 }.sentence(Lang::De);
        assert!(sentence.ends_with("zum Beispiel 5 1 2 3 4."), "{sentence}");
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
                Err(Expected::Single),
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
                Err(Expected::Multiple),
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
                Err(Expected::TrueFalse),
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
            assert_eq!(parse_answer(&text(), &[], line), Err(Expected::Text));
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
                Err(Expected::Order { items: 3 }),
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
            Err(Expected::Order { items: 10 })
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
