//! `kurs import` as properties: no input makes the GIFT or Aiken reader panic or hang, what it
//! reads without error always gives module files that pass `kurs check`, and importing what
//! `kurs export gift` wrote gives the same questions back.

use std::path::{Path, PathBuf};

use kurs::author::import::{Bank, Destination, build, parse_aiken, parse_gift};
use kurs::course::files::Memory;
use kurs::course::{
    Choice, Course, Depth, Module, Question, QuestionKind, Quiz, Target, load_targets,
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
                    feedback,
                })
                .collect()
        })
}

fn kind() -> impl Strategy<Value = QuestionKind> {
    prop_oneof![
        choices(1..=1).prop_map(|choices| QuestionKind::Single { choices }),
        choices(1..=4).prop_map(|choices| QuestionKind::Multiple { choices }),
        any::<bool>().prop_map(|answer| QuestionKind::TrueFalse { answer }),
        prop::collection::vec(text(), 1..4).prop_map(|accept| QuestionKind::Text { accept }),
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
            quiz: Some(Quiz {
                title: None,
                pass_percent: 60,
                shuffle: true,
                questions,
            }),
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
        let (gift, left_out) = kurs::author::export::gift(&course(questions.clone()));
        prop_assert!(left_out.is_empty());
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
