//! The short forms of version 6: a quiz attempt and a question's last answer each written as
//! one string instead of a table of their own.
//!
//! Ten years of quizzes hold hundreds of thousands of them. As tables, every one is a header
//! and a few keys the TOML parser must split, decode and look up; as one string each, a course
//! file parses about three times faster (`BENCHMARKS.md`). The types do not change: only how
//! the two fields are written and read.
//!
//! - a module's quiz attempts: `attempts = ["2026-12-07T10:00:00Z 2.5/3 failed +q1 -q2 -q3"]`,
//!   the time, the points of the most points, `passed` or `failed`, and the results: a
//!   question answered fully right with `+`, any other with `-`, in the map's order;
//! - the results of an exam attempt (a table, for its time terms): `results = "+m/q1 -m/q2"`;
//! - a question's last answer: `q1 = "ed64354d2ecb1555 right 2026-12-07T10:00:00Z"`, the
//!   fingerprint, `right`, `wrong` or the percent of a partly right one (`50%`), and the time.
//!
//! Each is written short only when it reads back the same (ids and times without spaces, a
//! record in one of the three states `record_answer` makes; a module's attempts only when every
//! one can be); any other is written as the table of versions 4 and 5. Both forms are read,
//! whatever the file's version.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, MapAccess, Visitor, value::MapAccessDeserializer};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::model::{Attempt, Points, QuestionRecord};

/// The first version with the short forms.
pub const COMPACT_VERSION: u32 = 6;

/// A word of a short form: not empty, no space, no control character (it is split on spaces).
fn is_word(text: &str) -> bool {
    !text.is_empty() && !text.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Whether `results` is written as one string.
pub fn results_are_short(results: &BTreeMap<String, bool>) -> bool {
    !results.is_empty() && results.keys().all(|id| is_word(id))
}

/// Whether a module's quiz attempts are written as one string each: every one can be.
pub fn attempts_are_short(attempts: &[Attempt]) -> bool {
    !attempts.is_empty()
        && attempts
            .iter()
            .all(|a| is_word(&a.at) && (a.results.is_empty() || results_are_short(&a.results)))
}

/// Whether a question's record is written as one string.
pub fn record_is_short(record: &QuestionRecord) -> bool {
    let state_is_canonical = match record.credit {
        None => true,
        Some(credit) => !record.correct && (1..100).contains(&credit),
    };
    state_is_canonical && is_word(&record.fingerprint) && is_word(&record.answered_at)
}

/// A value written either as its short string or as the table of versions 4 and 5.
trait Short: Sized + for<'de> Deserialize<'de> {
    /// The short form, for the message about a value that is neither.
    const FORM: &'static str;
    fn write_short(&self) -> String;
    fn read_short(text: &str) -> Result<Self, String>;
}

/// Reads a `T` in either form.
struct Either<T>(T);

impl<'de, T: Short> Deserialize<'de> for Either<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Either<T>, D::Error> {
        deserializer
            .deserialize_any(EitherVisitor(PhantomData))
            .map(Either)
    }
}

struct EitherVisitor<T>(PhantomData<T>);

impl<'de, T: Short> Visitor<'de> for EitherVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}, or a table of them", T::FORM)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
        T::read_short(text).map_err(E::custom)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map))
    }
}

impl Short for BTreeMap<String, bool> {
    const FORM: &'static str = "question ids each marked + or - (\"+q1 -q2\")";

    fn write_short(&self) -> String {
        let mut text = String::with_capacity(self.len() * 10);
        for (id, right) in self {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push(if *right { '+' } else { '-' });
            text.push_str(id);
        }
        text
    }

    fn read_short(text: &str) -> Result<Self, String> {
        let mut results = BTreeMap::new();
        for word in text.split_ascii_whitespace() {
            let (right, id) = match word.as_bytes()[0] {
                b'+' => (true, &word[1..]),
                b'-' => (false, &word[1..]),
                _ => return Err(format!("result `{word}` does not begin with + or -")),
            };
            if id.is_empty() {
                return Err("a result without its question id".to_owned());
            }
            if results.insert(id.to_owned(), right).is_some() {
                return Err(format!("question `{id}` has two results"));
            }
        }
        Ok(results)
    }
}

impl Short for Attempt {
    const FORM: &'static str = "\"time points/max passed|failed +q1 -q2\"";

    fn write_short(&self) -> String {
        let verdict = if self.passed { "passed" } else { "failed" };
        let mut text = format!("{} {}/{} {verdict}", self.at, self.points, self.max);
        if !self.results.is_empty() {
            text.push(' ');
            text.push_str(&self.results.write_short());
        }
        text
    }

    fn read_short(text: &str) -> Result<Self, String> {
        // The time, the score and the verdict; the results are the rest.
        let mut words = text
            .trim_ascii()
            .splitn(4, |c: char| c.is_ascii_whitespace());
        let (Some(at), Some(score), Some(verdict)) = (words.next(), words.next(), words.next())
        else {
            return Err(format!(
                "attempt `{text}` is not \"time points/max passed|failed results\""
            ));
        };
        if at.is_empty() || score.is_empty() || verdict.is_empty() {
            return Err(format!(
                "attempt `{text}` is not \"time points/max passed|failed results\""
            ));
        }
        let Some((points, max)) = score.split_once('/') else {
            return Err(format!("score `{score}` is not points/max"));
        };
        let points = points.parse::<Points>()?;
        let max = max
            .parse::<u32>()
            .map_err(|_| format!("most points `{max}` is not a whole number"))?;
        let passed = match verdict {
            "passed" => true,
            "failed" => false,
            other => return Err(format!("attempt verdict `{other}` is not passed or failed")),
        };
        Ok(Attempt {
            at: at.to_owned(),
            points,
            max,
            passed,
            results: BTreeMap::read_short(words.next().unwrap_or(""))?,
        })
    }
}

impl Short for QuestionRecord {
    const FORM: &'static str = "\"fingerprint right|wrong|N% time\"";

    fn write_short(&self) -> String {
        let mark = match (self.correct, self.credit) {
            (true, _) => "right".to_owned(),
            (false, None) => "wrong".to_owned(),
            (false, Some(credit)) => format!("{credit}%"),
        };
        format!("{} {mark} {}", self.fingerprint, self.answered_at)
    }

    fn read_short(text: &str) -> Result<Self, String> {
        let mut words = text.split_ascii_whitespace();
        let (Some(fingerprint), Some(mark), Some(answered_at), None) =
            (words.next(), words.next(), words.next(), words.next())
        else {
            return Err(format!(
                "answer record `{text}` is not \"fingerprint right|wrong|N% time\""
            ));
        };
        let (correct, credit) = match mark {
            "right" => (true, None),
            "wrong" => (false, None),
            percent => match percent.strip_suffix('%').map(str::parse::<u8>) {
                Some(Ok(credit)) if (1..100).contains(&credit) => (false, Some(credit)),
                _ => {
                    return Err(format!(
                        "answer mark `{mark}` is not right, wrong or a percent from 1% to 99%"
                    ));
                }
            },
        };
        Ok(QuestionRecord {
            fingerprint: fingerprint.to_owned(),
            correct,
            credit,
            answered_at: answered_at.to_owned(),
        })
    }
}

/// `serde(with)` for a `results` map: one string when it reads back the same.
pub mod results {
    use super::*;

    pub fn serialize<S: Serializer>(
        results: &BTreeMap<String, bool>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        if results_are_short(results) {
            serializer.serialize_str(&results.write_short())
        } else {
            results.serialize(serializer)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<BTreeMap<String, bool>, D::Error> {
        Either::deserialize(deserializer).map(|either| either.0)
    }
}

/// `serde(with)` for a module's quiz attempts: an array of strings
/// (`"2026-12-07T10:00:00Z 7/10 passed +q1 -q2"`: the time, points of most points, `passed` or
/// `failed`, the results) when every attempt can be one, else the array of tables.
pub mod attempts {
    use super::*;

    pub fn serialize<S: Serializer>(
        attempts: &[Attempt],
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        if !attempts_are_short(attempts) {
            return attempts.serialize(serializer);
        }
        let mut seq = serializer.serialize_seq(Some(attempts.len()))?;
        for attempt in attempts {
            seq.serialize_element(&attempt.write_short())?;
        }
        seq.end()
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<Attempt>, D::Error> {
        let read = Vec::<Either<Attempt>>::deserialize(deserializer)?;
        Ok(read.into_iter().map(|either| either.0).collect())
    }
}

/// `serde(with)` for a module's `questions` map: each record one string when it reads back
/// the same, else its table.
pub mod questions {
    use super::*;

    pub fn serialize<S: Serializer>(
        questions: &BTreeMap<String, QuestionRecord>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(questions.len()))?;
        for (id, record) in questions {
            if record_is_short(record) {
                map.serialize_entry(id, &record.write_short())?;
            } else {
                map.serialize_entry(id, record)?;
            }
        }
        map.end()
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<BTreeMap<String, QuestionRecord>, D::Error> {
        let read = BTreeMap::<String, Either<QuestionRecord>>::deserialize(deserializer)?;
        Ok(read
            .into_iter()
            .map(|(id, either)| (id, either.0))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::model::{Attempt, ModuleProgress, Points};

    fn record(correct: bool, credit: Option<u8>) -> QuestionRecord {
        QuestionRecord {
            fingerprint: "ed64354d2ecb1555".into(),
            correct,
            credit,
            answered_at: "2026-12-07T10:00:00Z".into(),
        }
    }

    fn module() -> ModuleProgress {
        let mut module = ModuleProgress::default();
        module.questions.insert("q1".into(), record(true, None));
        module.questions.insert("q2".into(), record(false, None));
        module
            .questions
            .insert("q3".into(), record(false, Some(50)));
        module.attempts.push(Attempt {
            at: "2026-12-07T10:00:00Z".into(),
            points: Points::from_hundredths(150),
            max: 3,
            passed: false,
            results: [("q1", true), ("q2", false), ("q3", false)]
                .into_iter()
                .map(|(id, right)| (id.to_owned(), right))
                .collect(),
        });
        module
    }

    #[test]
    fn results_and_answers_are_written_as_one_string_each_and_read_back() {
        let module = module();
        let text = toml::to_string(&module).expect("written");
        assert!(
            text.contains("attempts = [\"2026-12-07T10:00:00Z 1.5/3 failed +q1 -q2 -q3\"]"),
            "{text}"
        );
        assert!(
            text.contains("q1 = \"ed64354d2ecb1555 right 2026-12-07T10:00:00Z\""),
            "{text}"
        );
        assert!(text.contains("q2 = \"ed64354d2ecb1555 wrong "), "{text}");
        assert!(text.contains("q3 = \"ed64354d2ecb1555 50% "), "{text}");
        let back: ModuleProgress = toml::from_str(&text).expect("read back");
        assert_eq!(back, module);
    }

    #[test]
    fn the_tables_of_versions_4_and_5_are_still_read() {
        let text = r#"
[[attempts]]
at = "2026-12-07T10:00:00Z"
points = 1.5
max = 3
passed = false

[attempts.results]
q1 = true
q2 = false
q3 = false

[questions.q1]
fingerprint = "ed64354d2ecb1555"
correct = true
answered_at = "2026-12-07T10:00:00Z"

[questions.q2]
fingerprint = "ed64354d2ecb1555"
correct = false
answered_at = "2026-12-07T10:00:00Z"

[questions.q3]
fingerprint = "ed64354d2ecb1555"
correct = false
credit = 50
answered_at = "2026-12-07T10:00:00Z"
"#;
        let read: ModuleProgress = toml::from_str(text).expect("read");
        assert_eq!(read, module());
    }

    #[test]
    fn an_attempt_without_results_and_points_to_the_hundredth_read_back() {
        let mut module = ModuleProgress::default();
        for (hundredths, passed) in [(0, false), (233, true), (250, false), (1000, true)] {
            module.attempts.push(Attempt {
                at: "2026-12-07T10:00:00Z".into(),
                points: Points::from_hundredths(hundredths),
                max: 10,
                passed,
                results: BTreeMap::new(),
            });
        }
        let text = toml::to_string(&module).expect("written");
        assert!(
            text.contains("\"2026-12-07T10:00:00Z 2.33/10 passed\""),
            "{text}"
        );
        assert!(
            text.contains("\"2026-12-07T10:00:00Z 2.5/10 failed\""),
            "{text}"
        );
        assert!(
            text.contains("\"2026-12-07T10:00:00Z 10/10 passed\""),
            "{text}"
        );
        let back: ModuleProgress = toml::from_str(&text).expect("read back");
        assert_eq!(back, module);
    }

    #[test]
    fn what_a_string_cannot_hold_is_written_as_a_table() {
        let mut module = ModuleProgress::default();
        let mut odd = record(true, None);
        odd.answered_at = "7 December".into();
        module.questions.insert("q1".into(), odd);
        // Right and with a credit: not a state kurs makes, kept exactly as it is.
        module.questions.insert("q2".into(), record(true, Some(40)));
        module.attempts.push(Attempt {
            at: "2026-12-07T10:00:00Z".into(),
            points: Points::from_hundredths(100),
            max: 1,
            passed: true,
            results: [("frage eins".to_owned(), true)].into_iter().collect(),
        });
        assert!(!results_are_short(&module.attempts[0].results));
        assert!(module.questions.values().all(|r| !record_is_short(r)));
        let text = toml::to_string(&module).expect("written");
        assert!(text.contains("[questions.q1]"), "{text}");
        assert!(text.contains("[attempts.results]"), "{text}");
        let back: ModuleProgress = toml::from_str(&text).expect("read back");
        assert_eq!(back, module);
    }

    #[test]
    fn a_damaged_short_form_is_refused_with_what_is_wrong() {
        for (text, says) in [
            (
                "[[attempts]]\nat = \"x\"\npoints = 1\nmax = 1\npassed = true\nresults = \"q1\"",
                "does not begin with + or -",
            ),
            (
                "[[attempts]]\nat = \"x\"\npoints = 1\nmax = 1\npassed = true\nresults = \"+q1 -q1\"",
                "has two results",
            ),
            (
                "[[attempts]]\nat = \"x\"\npoints = 1\nmax = 1\npassed = true\nresults = \"+\"",
                "without its question id",
            ),
            ("[questions]\nq1 = \"abc right\"", "is not \"fingerprint"),
            (
                "[questions]\nq1 = \"abc 100% 2026-12-07T10:00:00Z\"",
                "is not right, wrong or a percent",
            ),
            (
                "[questions]\nq1 = \"abc maybe 2026-12-07T10:00:00Z\"",
                "is not right, wrong or a percent",
            ),
            ("[questions]\nq1 = 5", "fingerprint right|wrong|N% time"),
            (
                "attempts = [\"2026-12-07T10:00:00Z 1/2\"]",
                "is not \"time points/max",
            ),
            (
                "attempts = [\"2026-12-07T10:00:00Z 1 passed\"]",
                "is not points/max",
            ),
            (
                "attempts = [\"2026-12-07T10:00:00Z x/2 passed\"]",
                "not a number of points",
            ),
            (
                "attempts = [\"2026-12-07T10:00:00Z 1/-2 passed\"]",
                "is not a whole number",
            ),
            (
                "attempts = [\"2026-12-07T10:00:00Z 1/2 maybe\"]",
                "is not passed or failed",
            ),
            (
                "attempts = [\"2026-12-07T10:00:00Z 1/2 passed q1\"]",
                "does not begin with + or -",
            ),
            ("attempts = [5]", "time points/max passed|failed"),
            (
                "attempts = [\"2026-12-07T10:00:00Z  1/2 passed\"]",
                "is not \"time points/max",
            ),
        ] {
            let error = toml::from_str::<ModuleProgress>(text).expect_err(text);
            assert!(
                error.message().contains(says),
                "{text}: {}",
                error.message()
            );
        }
    }
}
