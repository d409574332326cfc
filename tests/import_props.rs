//! `kurs import` as properties: no input makes the GIFT or Aiken reader panic or hang, what it
//! reads without error always gives module files that pass `kurs check`, and importing what
//! `kurs export gift` wrote gives the same questions back.

use std::path::{Path, PathBuf};

use kurs::author::import::{Bank, Destination, build, parse_aiken, parse_gift};
use kurs::course::files::Memory;
use kurs::course::{
    Accepted, Choice, Course, CreditRange, Depth, MatchPair, Module, NumberRange, Question,
    QuestionKind, Quiz, Target, fold_answer, load_targets,
};
use kurs::diagnostic::Report;
use kurs::i18n::Lang;
use proptest::prelude::*;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/import")
            .join(name),
    )
    .unwrap()
}

fn destination<'a>(source: &'a str) -> Destination<'a> {
    Destination {
        dir: Path::new("/import/course"),
        folder_name: "course",
        course_toml: None,
        taken_ids: &[],
        schema_dir: "schema/",
        lang: Lang::En,
        module_id: None,
        title: None,
        area: None,
        source_name: "bank.gift",
        source,
    }
}

/// Every place a diagnostic names lies inside the text.
fn assert_places_inside(report: &Report, source: &str) {
    let lines = source.lines().count().max(1);
    for d in &report.diagnostics {
        assert!(d.line >= 1 && d.column >= 1, "{d:?}");
        assert!(d.line <= lines + 1, "{d:?}");
    }
}

/// A bank read without errors gives module files that pass `kurs check`.
fn assert_builds(bank: &Bank, report: &Report, source: &str) {
    if report.errors() > 0 {
        return;
    }
    let mut out = Report::default();
    if let Err(problem) = build(bank, &destination(source), &mut out) {
        panic!("{problem:?} for {source:?}");
    }
}

/// `text` with a few characters GIFT gives a meaning to put in, taken out or doubled.
fn mutated(text: &str, edits: &[(usize, u8)]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    const MARKS: [char; 12] = ['{', '}', '~', '=', '#', ':', '\\', '%', '\n', '-', '>', '['];
    for &(at, what) in edits {
        if chars.is_empty() {
            break;
        }
        let at = at % chars.len();
        match what % 3 {
            0 => chars.insert(at, MARKS[what as usize % MARKS.len()]),
            1 => {
                chars.remove(at);
            }
            _ => {
                let c = chars[at];
                chars.insert(at, c);
            }
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_text_never_makes_the_readers_panic(text in "\\PC{0,400}") {
        let (bank, report) = parse_gift(&text, Path::new("bank.gift"));
        assert_places_inside(&report, &text);
        assert_builds(&bank, &report, &text);
        let (_, report) = parse_aiken(&text, Path::new("bank.txt"));
        assert_places_inside(&report, &text);
    }

    #[test]
    fn text_made_of_gift_marks_never_makes_the_reader_panic(
        text in "[a-z {}~=#:%\\\\\n>.\\[\\]-]{0,300}"
    ) {
        let (bank, report) = parse_gift(&text, Path::new("bank.gift"));
        assert_places_inside(&report, &text);
        assert_builds(&bank, &report, &text);
    }

    #[test]
    fn mutated_question_banks_never_make_the_readers_panic(
        file in prop::sample::select(vec!["moodle-examples.gift", "every-feature.gift", "bank.aiken.txt"]),
        edits in prop::collection::vec((any::<usize>(), any::<u8>()), 1..12),
    ) {
        let text = mutated(&fixture(file), &edits);
        let (bank, report) = parse_gift(&text, Path::new("bank.gift"));
        assert_places_inside(&report, &text);
        assert_builds(&bank, &report, &text);
        let (_, report) = parse_aiken(&text, Path::new("bank.txt"));
        assert_places_inside(&report, &text);
    }
}

/// Text with GIFT's marks, TOML's quotes and line breaks inside, trimmed as the reader trims.
fn text() -> impl Strategy<Value = String> {
    "[a-zäß][a-zäß ~=#{}:%'\"\n\\\\-]{0,16}[a-z]|[a-z]"
}

fn choices(correct_count: std::ops::RangeInclusive<usize>) -> impl Strategy<Value = Vec<Choice>> {
    prop::collection::vec((text(), prop::option::of(text())), 2..5)
        .prop_flat_map(move |texts| {
            let n = texts.len();
            let lo = *correct_count.start();
            let hi = (*correct_count.end()).min(n);
            (
                Just(texts),
                prop::sample::subsequence((0..n).collect::<Vec<_>>(), lo..=hi),
            )
        })
        .prop_map(|(texts, right)| {
            texts
                .into_iter()
                .enumerate()
                .map(|(i, (text, feedback))| Choice {
                    text,
                    correct: right.contains(&i),
                    credit: None,
                    feedback,
                })
                .collect()
        })
}

/// `n` whole credits of at least 1 that add up to 100.
fn credits(n: usize) -> impl Strategy<Value = Vec<u8>> {
    prop::sample::subsequence((1u8..100).collect::<Vec<_>>(), n.saturating_sub(1)).prop_map(
        |cuts| {
            let mut edges = vec![0u8];
            edges.extend(cuts);
            edges.push(100);
            edges.windows(2).map(|w| w[1] - w[0]).collect()
        },
    )
}

/// A multiple choice question with partial credit on its right choices.
fn credited_multiple() -> impl Strategy<Value = QuestionKind> {
    choices(1..=4)
        .prop_flat_map(|choices| {
            let right = choices.iter().filter(|c| c.correct).count();
            (Just(choices), credits(right))
        })
        .prop_map(|(mut choices, credits)| {
            for (choice, credit) in choices.iter_mut().filter(|c| c.correct).zip(credits) {
                choice.credit = Some(credit);
            }
            QuestionKind::Multiple { choices }
        })
}

/// Accepted answers, the first fully right, the others with any credit from 1.
fn accepted() -> impl Strategy<Value = Vec<Accepted>> {
    (
        text(),
        prop::collection::vec((text(), prop_oneof![Just(100u8), 1u8..100]), 0..3),
    )
        .prop_map(|(first, others)| {
            std::iter::once(Accepted::right(first))
                .chain(
                    others
                        .into_iter()
                        .map(|(text, credit)| Accepted { text, credit }),
                )
                .collect()
        })
}

/// Texts that differ once folded as answers are (a match question allows nothing else).
fn distinct(texts: &[String]) -> bool {
    let folded: std::collections::HashSet<String> = texts.iter().map(|t| fold_answer(t)).collect();
    folded.len() == texts.len()
}

fn matching() -> impl Strategy<Value = QuestionKind> {
    (
        prop::collection::vec((text(), text()), 2..5),
        prop::collection::vec(text(), 0..3),
    )
        .prop_filter("items and partners differ", |(pairs, distractors)| {
            let lefts: Vec<String> = pairs.iter().map(|p| p.0.clone()).collect();
            let rights: Vec<String> = pairs
                .iter()
                .map(|p| p.1.clone())
                .chain(distractors.iter().cloned())
                .collect();
            distinct(&lefts) && distinct(&rights)
        })
        .prop_map(|(pairs, distractors)| QuestionKind::Match {
            pairs: pairs
                .into_iter()
                .map(|(left, right)| MatchPair { left, right })
                .collect(),
            distractors,
        })
}

/// Numbers of every size a trainer writes: whole, with decimals, negative, tiny, huge.
fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        (-100_000i64..100_000).prop_map(|n| n as f64),
        -1.0e6f64..1.0e6,
        (0.0f64..1.0).prop_map(|n| n / 1.0e7),
        (1.0f64..10.0).prop_map(|n| n * 1.0e20),
    ]
}

fn number_range() -> impl Strategy<Value = NumberRange> {
    prop_oneof![
        (number(), prop_oneof![Just(0.0), 0.0f64..100.0])
            .prop_map(|(answer, tolerance)| NumberRange::Around { answer, tolerance }),
        (number(), number()).prop_map(|(a, b)| NumberRange::Between {
            min: a.min(b),
            max: a.max(b),
        }),
    ]
}

/// A numeric question as GIFT can hold it: without a unit.
fn numeric() -> impl Strategy<Value = QuestionKind> {
    (
        number_range(),
        prop::collection::vec((number_range(), 1u8..=100), 0..3),
    )
        .prop_map(|(right, ranges)| QuestionKind::Numeric {
            right,
            unit: None,
            ranges: ranges
                .into_iter()
                .map(|(range, credit)| CreditRange { range, credit })
                .collect(),
        })
}

fn kind() -> impl Strategy<Value = QuestionKind> {
    prop_oneof![
        choices(1..=1).prop_map(|choices| QuestionKind::Single { choices }),
        choices(1..=4).prop_map(|choices| QuestionKind::Multiple { choices }),
        credited_multiple(),
        any::<bool>().prop_map(|answer| QuestionKind::TrueFalse { answer }),
        accepted().prop_map(|accept| QuestionKind::Text { accept }),
        matching(),
        numeric(),
    ]
}

fn questions() -> impl Strategy<Value = Vec<Question>> {
    prop::collection::vec((text(), prop::option::of(text()), kind()), 1..6).prop_map(|list| {
        list.into_iter()
            .enumerate()
            .map(|(n, (prompt, explanation, kind))| Question {
                id: format!("q-{}", n + 1),
                prompt,
                explanation,
                kind,
            })
            .collect()
    })
}

fn course(questions: Vec<Question>) -> Course {
    Course {
        id: "c".into(),
        title: "Course".into(),
        language: "en".into(),
        description: None,
        pass_percent: 60,
        areas: Vec::new(),
        modules: vec![Module {
            id: "m1".into(),
            code: None,
            title: "Fire safety".into(),
            loaded: true,
            intro: None,
            sections: Vec::new(),
            quiz: Some(Box::new(Quiz {
                title: None,
                pass_percent: 60,
                shuffle: true,
                questions,
            })),
            path: PathBuf::from("m1.toml"),
        }],
        exam: None,
        certificate: None,
        xapi_activity_base: None,
        path: PathBuf::from("c"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn importing_an_export_gives_the_same_questions(questions in questions()) {
        let (gift, omitted) = kurs::author::export::gift(&course(questions.clone()));
        prop_assert!(omitted.is_empty(), "{:?}", omitted);
        let (bank, report) = parse_gift(&gift, Path::new("bank.gift"));
        prop_assert_eq!(report.errors(), 0, "{:?}\n{}", report.diagnostics, gift);
        let mut checked = Report::default();
        let imported = build(&bank, &destination(&gift), &mut checked)
            .unwrap_or_else(|problem| panic!("{problem:?}\n{gift}"));
        let mut files = Memory::default();
        files.insert("/import/course/course.toml", imported.course_toml.as_bytes());
        for (file, text) in &imported.modules {
            files.insert(Path::new("/import/course").join(file), text.as_bytes());
        }
        let (library, loaded) = load_targets(
            &files,
            &[Target::Course(PathBuf::from("/import/course"))],
            Depth::Full,
        );
        prop_assert_eq!(loaded.errors(), 0, "{:?}", loaded.diagnostics);
        let module = &library.courses[0].modules[0];
        prop_assert_eq!(&module.title, "Fire safety");
        let back = &module.quiz.as_ref().unwrap().questions;
        prop_assert_eq!(back, &questions, "{}", gift);
    }
}
