//! What a valid profile is: the checks that turn what the learner typed into a `Profile`, or
//! into one `ProfileProblem` for each thing wrong with it (each told in one sentence).

use jiff::civil::Date;

use super::Profile;
use crate::certificate::printable;
use crate::i18n::{self, Lang};
use crate::safe_text;

/// The longest name kept, in characters: longer than any real name, short enough for a certificate.
pub const MAX_NAME_CHARS: usize = 200;
/// The longest email address kept, in characters (the longest an address can be used with).
pub const MAX_EMAIL_CHARS: usize = 254;
/// Birth dates before this are taken for typing mistakes (1099 for 1990), not for learners.
pub const EARLIEST_BIRTH_DATE: Date = jiff::civil::date(1900, 1, 1);

/// Which typed field a problem is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Name,
    Email,
}

/// One thing wrong with what the learner typed; `text` says it in one sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProfileProblem {
    /// There is no profile yet, and no name was given.
    NameMissing,
    /// There is no profile yet, and no birth date was given.
    BirthDateMissing,
    /// The name is empty or only white space.
    NameEmpty,
    NameTooLong {
        chars: usize,
    },
    /// A control character, or one that reorders or hides text (see `safe_text`): on a
    /// certificate it would hide or garble the name. `position` counts characters from 1.
    UnsafeCharacter {
        field: Field,
        character: char,
        position: usize,
    },
    /// Characters a certificate cannot print (`certificate::printable`): letters its font has
    /// no glyph for (Chinese, emoji, …), marks that stay apart from their letter, invisible
    /// format characters (each once, in order); or, `right_to_left`, a name written right to
    /// left, which the certificate's layout does not set (then `characters` are those letters).
    NameNotPrintable {
        characters: Vec<char>,
        right_to_left: bool,
    },
    /// Not written as `YYYY-MM-DD`.
    BirthDateNotIso {
        input: String,
    },
    /// Written as `YYYY-MM-DD`, but no such day exists (2026-02-30, 1990-13-01).
    BirthDateNoSuchDay {
        input: String,
    },
    BirthDateInFuture {
        date: Date,
    },
    BirthDateTooEarly {
        date: Date,
    },
    /// Clearly not an email address: no `@` with something on both sides, or white space in it.
    EmailNotAnAddress {
        input: String,
    },
    EmailTooLong {
        chars: usize,
    },
}

impl ProfileProblem {
    /// The problem in one sentence, in the learner's language, safe to print.
    pub fn text(&self, lang: Lang) -> String {
        i18n::profile_problem(lang, self)
    }
}

impl std::fmt::Display for ProfileProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl Profile {
    /// The profile the learner typed, checked: surrounding white space is dropped, the name is
    /// kept composed (NFC, as a certificate prints it), an empty email means none. A name a
    /// certificate cannot print is refused here, when it is typed, not when the certificate
    /// is due. `today` is the learner's today (`profile::today()`), given so tests
    /// can choose it. Err holds every problem found, each once, name first.
    pub fn parse_input(
        name: &str,
        birth_date: &str,
        email: Option<&str>,
        today: Date,
    ) -> Result<Profile, Vec<ProfileProblem>> {
        let mut problems = check_name(name);
        let name = printable::normal_form(name.trim());
        if problems.is_empty()
            && let Some(not_shown) = printable::not_shown(&name)
        {
            problems.push(ProfileProblem::NameNotPrintable {
                characters: not_shown.characters,
                right_to_left: not_shown.right_to_left,
            });
        }
        let birth_date = match parse_birth_date(birth_date) {
            Ok(date) if date > today => Err(ProfileProblem::BirthDateInFuture { date }),
            Ok(date) if date < EARLIEST_BIRTH_DATE => {
                Err(ProfileProblem::BirthDateTooEarly { date })
            }
            other => other,
        };
        let birth_date = birth_date.map_err(|problem| problems.push(problem));
        let email = email.map(str::trim).filter(|email| !email.is_empty());
        problems.extend(email.map(check_email).unwrap_or_default());
        match birth_date {
            Ok(birth_date) if problems.is_empty() => Ok(Profile {
                name,
                birth_date,
                email: email.map(str::to_owned),
            }),
            _ => Err(problems),
        }
    }

    /// The problems that make a stored profile one kurs would not have written. The checks
    /// against today are left out: a clock set wrong must not make a good file look damaged;
    /// so is what a certificate can print, which an older kurs did not ask (the certificate's
    /// own check refuses such a name when one is due, and says how to change it).
    pub(super) fn stored_problems(&self) -> Vec<ProfileProblem> {
        let mut problems = check_name(&self.name);
        if let Some(email) = &self.email {
            problems.extend(check_email(email));
        }
        problems
    }
}

/// A birth date as `YYYY-MM-DD`, strictly: four, two and two digits, and a day that exists.
/// Surrounding white space is allowed (it is easily copied along).
pub fn parse_birth_date(input: &str) -> Result<Date, ProfileProblem> {
    let trimmed = input.trim();
    let not_iso = || ProfileProblem::BirthDateNotIso {
        input: input.to_owned(),
    };
    let bytes = trimmed.as_bytes();
    let shaped = bytes.len() == 10
        && bytes.iter().enumerate().all(|(at, byte)| match at {
            4 | 7 => *byte == b'-',
            _ => byte.is_ascii_digit(),
        });
    if !shaped {
        return Err(not_iso());
    }
    let number =
        |range: std::ops::Range<usize>| trimmed[range].parse::<i16>().map_err(|_| not_iso());
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    // Month and day have two digits, so they fit an i8.
    Date::new(year, month as i8, day as i8).map_err(|_| ProfileProblem::BirthDateNoSuchDay {
        input: trimmed.to_owned(),
    })
}

fn check_name(name: &str) -> Vec<ProfileProblem> {
    let name = name.trim();
    if name.is_empty() {
        return vec![ProfileProblem::NameEmpty];
    }
    let mut problems = Vec::new();
    let chars = name.chars().count();
    if chars > MAX_NAME_CHARS {
        problems.push(ProfileProblem::NameTooLong { chars });
    }
    problems.extend(unsafe_character(Field::Name, name));
    problems
}

fn check_email(email: &str) -> Vec<ProfileProblem> {
    let mut problems = Vec::new();
    let chars = email.chars().count();
    if chars > MAX_EMAIL_CHARS {
        problems.push(ProfileProblem::EmailTooLong { chars });
    }
    if let Some(problem) = unsafe_character(Field::Email, email) {
        problems.push(problem);
        // The address is not echoed back too: the sentence would carry the character.
        return problems;
    }
    let looks_like_one = email.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty() && !domain.is_empty() && !domain.contains('@')
    }) && !email.chars().any(char::is_whitespace);
    if !looks_like_one {
        problems.push(ProfileProblem::EmailNotAnAddress {
            input: email.to_owned(),
        });
    }
    problems
}

/// The first character of `text` that must not be in a name or address: any control
/// character (a line break or tab too) and every character `safe_text` calls invisible.
fn unsafe_character(field: Field, text: &str) -> Option<ProfileProblem> {
    text.chars()
        .enumerate()
        .find(|(_, c)| c.is_control() || safe_text::is_invisible(*c))
        .map(|(at, character)| ProfileProblem::UnsafeCharacter {
            field,
            character,
            position: at + 1,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const TODAY: Date = date(2026, 11, 28);

    fn problems(name: &str, birth_date: &str, email: Option<&str>) -> Vec<ProfileProblem> {
        match Profile::parse_input(name, birth_date, email, TODAY) {
            Ok(profile) => panic!("accepted: {profile:?}"),
            Err(problems) => problems,
        }
    }

    /// The English and German sentences of the only problem found.
    fn sentences(name: &str, birth_date: &str, email: Option<&str>) -> (String, String) {
        let found = problems(name, birth_date, email);
        let [problem] = found.as_slice() else {
            panic!("{found:?}");
        };
        (problem.text(Lang::En), problem.text(Lang::De))
    }

    #[test]
    fn a_good_profile_is_accepted_trimmed() {
        let profile = Profile::parse_input(
            "  Erika Mustermann ",
            " 1990-01-31",
            Some(" erika@example.org "),
            TODAY,
        )
        .expect("valid");
        assert_eq!(
            profile,
            Profile {
                name: "Erika Mustermann".into(),
                birth_date: date(1990, 1, 31),
                email: Some("erika@example.org".into()),
            }
        );
    }

    #[test]
    fn an_empty_email_means_none() {
        let profile = Profile::parse_input("Erika", "1990-01-31", Some("  "), TODAY).expect("ok");
        assert_eq!(profile.email, None);
    }

    #[test]
    fn names_in_latin_greek_and_cyrillic_letters_are_accepted() {
        for name in [
            "Jürgen Groß-Öztürk",
            "Zoë O'Brien",
            "Ελένη Παπαδοπούλου",
            "Андрей Сергеевич",
            "Nguyễn Thị Ánh",
        ] {
            assert!(
                Profile::parse_input(name, "1990-01-31", None, TODAY).is_ok(),
                "{name}"
            );
        }
    }

    #[test]
    fn a_name_with_a_combining_accent_is_kept_as_the_composed_letter() {
        let profile =
            Profile::parse_input("Jose\u{301} Ruiz", "1990-01-31", None, TODAY).expect("valid");
        assert_eq!(profile.name, "José Ruiz");
    }

    #[test]
    fn a_name_in_letters_the_certificate_cannot_print_is_refused_naming_them() {
        let (en, de) = sentences("王小明", "1990-01-31", None);
        assert_eq!(
            en,
            "The certificate cannot print “王” (U+738B), “小” (U+5C0F), “明” (U+660E) in the name; please type the name in Latin, Greek or Cyrillic letters, as in your passport."
        );
        assert_eq!(
            de,
            "Das Zertifikat kann „王“ (U+738B), „小“ (U+5C0F), „明“ (U+660E) im Namen nicht drucken; bitte den Namen in lateinischen, griechischen oder kyrillischen Buchstaben eingeben, wie im Ausweis."
        );
        assert!(matches!(
            problems("Erika 🦀", "1990-01-31", None).as_slice(),
            [ProfileProblem::NameNotPrintable { characters, right_to_left: false }] if characters == &['🦀']
        ));
    }

    #[test]
    fn a_name_written_right_to_left_is_refused_in_one_sentence() {
        for name in ["محمد علي", "مریم\u{200C}خانم", "דוד לוי"] {
            let (en, de) = sentences(name, "1990-01-31", None);
            assert_eq!(
                en,
                "The name is written right to left, which certificates cannot print yet; please type it in Latin letters, as in your passport."
            );
            assert!(de.starts_with("Der Name ist von rechts nach links"), "{de}");
        }
    }

    #[test]
    fn an_impossible_date_is_named_as_no_such_day() {
        let (en, de) = sentences("Erika", "2026-02-30", None);
        assert_eq!(
            en,
            "There is no day 2026-02-30 in the calendar; please check the birth date."
        );
        assert_eq!(
            de,
            "Den Tag 2026-02-30 gibt es im Kalender nicht; bitte das Geburtsdatum prüfen."
        );
        assert!(matches!(
            problems("Erika", "1990-13-01", None).as_slice(),
            [ProfileProblem::BirthDateNoSuchDay { .. }]
        ));
    }

    #[test]
    fn a_date_not_written_as_iso_says_how_to_write_it() {
        for input in [
            "31.01.1990",
            "1990-1-31",
            "1990/01/31",
            "",
            "19900131",
            "1990-01-31T10:00",
        ] {
            let (en, de) = sentences("Erika", input, None);
            assert!(en.contains("YYYY-MM-DD, for example 1990-01-31"), "{en}");
            assert!(de.contains("JJJJ-MM-TT, zum Beispiel 1990-01-31"), "{de}");
        }
    }

    #[test]
    fn a_birth_date_in_the_future_is_refused_and_today_is_allowed() {
        let (en, de) = sentences("Erika", "2026-11-29", None);
        assert_eq!(
            en,
            "The birth date 2026-11-29 lies in the future; please check the year."
        );
        assert_eq!(
            de,
            "Das Geburtsdatum 2026-11-29 liegt in der Zukunft; bitte das Jahr prüfen."
        );
        assert!(Profile::parse_input("Erika", "2026-11-28", None, TODAY).is_ok());
    }

    #[test]
    fn a_birth_date_before_1900_is_taken_for_a_typing_mistake() {
        let (en, de) = sentences("Erika", "1099-01-31", None);
        assert_eq!(
            en,
            "The birth date 1099-01-31 is before 1900; please check the year."
        );
        assert_eq!(
            de,
            "Das Geburtsdatum 1099-01-31 liegt vor 1900; bitte das Jahr prüfen."
        );
        assert!(Profile::parse_input("Erika", "1900-01-01", None, TODAY).is_ok());
    }

    #[test]
    fn an_empty_or_blank_name_is_refused() {
        for name in ["", "   ", "\u{3000}"] {
            let (en, de) = sentences(name, "1990-01-31", None);
            assert_eq!(
                en,
                "The name is empty; please type your name as it should appear on certificates."
            );
            assert_eq!(
                de,
                "Der Name ist leer; bitte den Namen so eingeben, wie er auf Zertifikaten stehen soll."
            );
        }
    }

    #[test]
    fn an_overlong_name_is_refused_with_its_length() {
        let name = "a".repeat(MAX_NAME_CHARS + 1);
        let (en, de) = sentences(&name, "1990-01-31", None);
        assert_eq!(
            en,
            "The name is 201 characters long, more than the 200 kept; please shorten it."
        );
        assert_eq!(
            de,
            "Der Name ist 201 Zeichen lang, mehr als die 200, die kurs speichert; bitte kürzen."
        );
        let longest = "ä".repeat(MAX_NAME_CHARS);
        assert!(Profile::parse_input(&longest, "1990-01-31", None, TODAY).is_ok());
    }

    #[test]
    fn a_control_character_in_the_name_is_named_without_printing_it() {
        let (en, de) = sentences("Erika\x1b[31m", "1990-01-31", None);
        assert_eq!(
            en,
            "The name contains a control character (U+001B) at character 6; please type it again without it."
        );
        assert_eq!(
            de,
            "Der Name enthält ein Steuerzeichen (U+001B) an Stelle 6; bitte ohne dieses Zeichen neu eingeben."
        );
        assert!(matches!(
            problems("Erika\nMustermann", "1990-01-31", None).as_slice(),
            [ProfileProblem::UnsafeCharacter {
                character: '\n',
                ..
            }]
        ));
    }

    #[test]
    fn a_bidi_or_invisible_character_in_the_name_is_named() {
        let (en, de) = sentences("Erika\u{202E}nnamretsuM", "1990-01-31", None);
        assert_eq!(
            en,
            "The name contains an invisible character (U+202E, right-to-left override) at character 6; please type it again without it."
        );
        assert_eq!(
            de,
            "Der Name enthält ein unsichtbares Zeichen (U+202E, right-to-left override) an Stelle 6; bitte ohne dieses Zeichen neu eingeben."
        );
        assert!(matches!(
            problems("Eri\u{200B}ka", "1990-01-31", None).as_slice(),
            [ProfileProblem::UnsafeCharacter { position: 4, .. }]
        ));
    }

    #[test]
    fn an_email_without_an_at_sign_is_refused() {
        let (en, de) = sentences("Erika", "1990-01-31", Some("erika.example.org"));
        assert_eq!(
            en,
            "“erika.example.org” is not an email address (it needs an @ with something before and after it, and no spaces); leave the email out if you have none."
        );
        assert_eq!(
            de,
            "„erika.example.org“ ist keine E-Mail-Adresse (sie braucht ein @ mit etwas davor und danach und keine Leerzeichen); ohne E-Mail einfach weglassen."
        );
        for email in ["@example.org", "erika@", "erika @example.org", "a@b@c"] {
            assert!(matches!(
                problems("Erika", "1990-01-31", Some(email)).as_slice(),
                [ProfileProblem::EmailNotAnAddress { .. }]
            ));
        }
    }

    #[test]
    fn a_control_character_in_the_email_is_named_and_not_echoed() {
        let (en, de) = sentences("Erika", "1990-01-31", Some("erika@exa\u{7}mple.org"));
        assert_eq!(
            en,
            "The email contains a control character (U+0007) at character 10; please type it again without it."
        );
        assert!(
            de.starts_with("Die E-Mail enthält ein Steuerzeichen (U+0007)"),
            "{de}"
        );
    }

    #[test]
    fn an_overlong_email_is_refused() {
        let email = format!("{}@example.org", "a".repeat(MAX_EMAIL_CHARS));
        let (en, de) = sentences("Erika", "1990-01-31", Some(&email));
        assert_eq!(
            en,
            "The email is 266 characters long, more than the 254 an address can have; please check it."
        );
        assert!(de.starts_with("Die E-Mail ist 266 Zeichen lang"), "{de}");
    }

    #[test]
    fn every_problem_of_the_input_is_told_once() {
        let found = problems("", "2026-02-30", Some("nope"));
        assert_eq!(
            found,
            vec![
                ProfileProblem::NameEmpty,
                ProfileProblem::BirthDateNoSuchDay {
                    input: "2026-02-30".into()
                },
                ProfileProblem::EmailNotAnAddress {
                    input: "nope".into()
                },
            ]
        );
    }

    #[test]
    fn an_echoed_input_cannot_reach_the_terminal_as_a_control_sequence() {
        let (en, _) = sentences("Erika", "1990\x1b[2J-01-31", None);
        assert!(!en.contains('\x1b'), "{en}");
        assert!(en.contains('\u{FFFD}'), "{en}");
    }

    #[test]
    fn the_missing_fields_of_a_first_profile_are_named() {
        assert_eq!(
            ProfileProblem::NameMissing.text(Lang::En),
            "There is no profile yet, so a name is needed too: add --name \"Your Name\"."
        );
        assert_eq!(
            ProfileProblem::BirthDateMissing.text(Lang::De),
            "Es gibt noch kein Profil, darum wird auch das Geburtsdatum gebraucht: --birth-date JJJJ-MM-TT ergänzen."
        );
    }
}
