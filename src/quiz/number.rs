//! A number as a learner types it: `3,5` as German learners write it, `3.5` as English ones do,
//! with a sign and the question's unit if they like. Anything else is refused with the reason,
//! so that a typo is asked again instead of graded wrong.

/// Why a typed answer is not a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberProblem {
    Empty,
    /// Letters, spaces inside, an exponent, …
    NotANumber,
    /// `1.234,5`: thousands marks and a decimal mark; one mark only is understood.
    SeveralMarks,
}

/// Longest answer read as a number; longer is not one anyone types.
const MAX_CHARS: usize = 40;

/// Where `unit` begins at the end of `text` (any case), when it ends with it: the learner typed
/// the unit too, so the player does not show it a second time after the input.
pub fn unit_at_end(text: &str, unit: Option<&str>) -> Option<usize> {
    let text = text.trim_end();
    let unit = unit.map(str::trim).filter(|u| !u.is_empty())?;
    let cut = text.len().checked_sub(unit.len())?;
    (text.is_char_boundary(cut) && text[cut..].to_lowercase() == unit.to_lowercase()).then_some(cut)
}

/// The number in `typed`: digits with at most one decimal mark (`,` or `.`), a sign (`+`,
/// `-` or `−`) before them, and `unit` after them if the question has one (any case, with or
/// without a space).
pub fn parse_number(typed: &str, unit: Option<&str>) -> Result<f64, NumberProblem> {
    let mut text = typed.trim();
    if text.is_empty() {
        return Err(NumberProblem::Empty);
    }
    if text.chars().count() > MAX_CHARS {
        return Err(NumberProblem::NotANumber);
    }
    if let Some(cut) = unit_at_end(text, unit) {
        text = text[..cut].trim_end();
    }
    let (negative, digits) = match text.chars().next() {
        Some('-' | '−') => (true, &text[text.chars().next().map_or(1, char::len_utf8)..]),
        Some('+') => (false, &text[1..]),
        _ => (false, text),
    };
    let marks = digits.chars().filter(|c| *c == ',' || *c == '.').count();
    if marks > 1 {
        let only_marks_and_digits = digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.');
        return Err(if only_marks_and_digits {
            NumberProblem::SeveralMarks
        } else {
            NumberProblem::NotANumber
        });
    }
    let has_digit = digits.chars().any(|c| c.is_ascii_digit());
    let only_digits = digits
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.');
    if !has_digit || !only_digits {
        return Err(NumberProblem::NotANumber);
    }
    let value: f64 = digits
        .replace(',', ".")
        .parse()
        .map_err(|_| NumberProblem::NotANumber)?;
    Ok(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comma_or_a_point_is_the_decimal_mark() {
        assert_eq!(parse_number("3,5", None), Ok(3.5));
        assert_eq!(parse_number(" 3.5 ", None), Ok(3.5));
        assert_eq!(parse_number(",5", None), Ok(0.5));
        assert_eq!(parse_number("42", None), Ok(42.0));
        assert_eq!(parse_number("7.", None), Ok(7.0));
    }

    #[test]
    fn a_sign_is_read_including_the_typographic_minus() {
        assert_eq!(parse_number("-2,5", None), Ok(-2.5));
        assert_eq!(parse_number("−2", None), Ok(-2.0));
        assert_eq!(parse_number("+4", None), Ok(4.0));
    }

    #[test]
    fn a_unit_typed_at_the_end_is_found_in_any_case() {
        assert_eq!(unit_at_end("85 %", Some("%")), Some(3));
        assert_eq!(unit_at_end("16gb ", Some("GB")), Some(2));
        assert_eq!(unit_at_end("16", Some("GB")), None);
        assert_eq!(unit_at_end("16 GB", None), None);
        assert_eq!(unit_at_end("ü", Some("GB")), None);
    }

    #[test]
    fn the_questions_unit_may_follow_the_number() {
        assert_eq!(parse_number("16 GB", Some("GB")), Ok(16.0));
        assert_eq!(parse_number("16gb", Some("GB")), Ok(16.0));
        assert_eq!(parse_number("3,5 €", Some("€")), Ok(3.5));
        assert_eq!(
            parse_number("16 MB", Some("GB")),
            Err(NumberProblem::NotANumber)
        );
    }

    #[test]
    fn thousands_marks_are_refused_with_their_own_reason() {
        assert_eq!(
            parse_number("1.234,5", None),
            Err(NumberProblem::SeveralMarks)
        );
        assert_eq!(
            parse_number("1,234,567", None),
            Err(NumberProblem::SeveralMarks)
        );
    }

    #[test]
    fn what_is_not_a_number_is_refused() {
        for typed in ["drei", "3 5", "1e3", "inf", "NaN", "-", ",", "3,5x", "0x10"] {
            assert_eq!(
                parse_number(typed, None),
                Err(NumberProblem::NotANumber),
                "{typed}"
            );
        }
        assert_eq!(parse_number("  ", None), Err(NumberProblem::Empty));
        assert_eq!(
            parse_number(&"9".repeat(41), None),
            Err(NumberProblem::NotANumber)
        );
    }
}
