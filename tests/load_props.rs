//! No input makes the loader panic, hang or allocate without bound: random bytes and mutations
//! of real course files all end in a model or in diagnostics with places inside the file.

use std::path::{Path, PathBuf};

use kurs::course::files::Memory;
use kurs::course::{Depth, Target, load_targets};
use proptest::prelude::*;

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/player/kurs-de")
            .join(name),
    )
    .unwrap()
}

/// Loads a course whose `course.toml` and first module are the given bytes.
fn load_course(course: &[u8], module: &[u8]) -> kurs::diagnostic::Report {
    let mut files = Memory::default();
    files.insert("lib/c/course.toml", course.to_vec());
    files.insert("lib/c/c2.toml", module.to_vec());
    files.insert("lib/c/c3.toml", sample("c3.toml"));
    let (_, report) = load_targets(
        &files,
        &[Target::Course(PathBuf::from("lib/c"))],
        Depth::Full,
    );
    report
}

fn assert_places_inside(report: &kurs::diagnostic::Report, sources: &[&[u8]]) {
    let longest = sources.iter().map(|s| s.len()).max().unwrap_or(0);
    for d in &report.diagnostics {
        assert!(d.line >= 1 && d.column >= 1, "{d:?}");
        assert!(d.line <= longest + 1, "{d:?}");
        assert!((d.end_line, d.end_column) >= (d.line, d.column), "{d:?}");
        assert_syntax_error_is_marked_and_explained(d);
    }
}

/// A TOML syntax error (E001) marks at least one character and says how to write it.
fn assert_syntax_error_is_marked_and_explained(d: &kurs::diagnostic::Diagnostic) {
    if d.code.as_str() != "E001" {
        return;
    }
    assert!(
        (d.end_line, d.end_column) > (d.line, d.column),
        "an empty range: {d:?}"
    );
    assert!(
        d.help.as_deref().is_some_and(|h| !h.is_empty()),
        "no help: {d:?}"
    );
}

/// One line of a course file, put together from the pieces a trainer types (keys, `=`, values
/// that are nearly right, brackets, quotes, dots, commas) in any order.
fn broken_line() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("title"),
            Just("pass_percent"),
            Just(" "),
            Just("="),
            Just(" = "),
            Just("\""),
            Just("'"),
            Just("\"\"\""),
            Just("Hallo"),
            Just("1.2.3"),
            Just("1,5"),
            Just("1_"),
            Just("07"),
            Just(".5"),
            Just("1e"),
            Just("tru"),
            Just("True"),
            Just("1979-13-45"),
            Just("25:00:00"),
            Just("2024-05-27T25:00"),
            Just("+01:99"),
            Just("["),
            Just("]"),
            Just("[["),
            Just("{"),
            Just("}"),
            Just(","),
            Just("."),
            Just("#"),
            Just("\\"),
            Just("\r"),
            Just("ü"),
            Just("0x"),
            Just("nan"),
        ],
        1..7,
    )
    .prop_map(|parts| parts.concat())
}

/// A module file whose third line is `line`, with correct lines before and after it.
fn module_with(line: &str) -> Vec<u8> {
    format!("id = \"m\"\ncode = \"M1\"\n{line}\n\n[[section]]\ntitle = \"Text\"\nbody = \"Body\"\n")
        .into_bytes()
}

/// One edit of a file: replace, insert or delete bytes at a position.
#[derive(Debug, Clone)]
enum Edit {
    Replace(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
}

fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for edit in edits {
        let len = bytes.len().max(1);
        match edit {
            Edit::Replace(at, b) => {
                if !bytes.is_empty() {
                    let i = at % len;
                    bytes[i] = *b;
                }
            }
            Edit::Insert(at, new) => {
                let i = at % (bytes.len() + 1);
                bytes.splice(i..i, new.iter().copied());
            }
            Edit::Delete(at, n) => {
                let i = at % len;
                let end = (i + n).min(bytes.len());
                if i < end {
                    bytes.drain(i..end);
                }
            }
        }
    }
    bytes
}

/// Bytes that matter to TOML and to the checks: brackets, quotes, escapes, controls, UTF-8 pieces.
fn interesting() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(
        prop_oneof![
            Just(b"[".to_vec()),
            Just(b"]".to_vec()),
            Just(b"[[".to_vec()),
            Just(b"\"".to_vec()),
            Just(b"\"\"\"".to_vec()),
            Just(b"\\u001b".to_vec()),
            Just(b"\n".to_vec()),
            Just(b"=".to_vec()),
            Just(b"{".to_vec()),
            Just(b"type = \"order\"\n".to_vec()),
            Just(b"correct = true\n".to_vec()),
            Just("ü".as_bytes().to_vec()),
            Just(vec![0xff]),
            Just(vec![0x1b]),
            any::<u8>().prop_map(|b| vec![b]),
        ],
        1..8,
    )
    .prop_map(|parts| parts.concat())
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    prop::collection::vec(
        prop_oneof![
            (any::<usize>(), any::<u8>()).prop_map(|(a, b)| Edit::Replace(a, b)),
            (any::<usize>(), interesting()).prop_map(|(a, b)| Edit::Insert(a, b)),
            (any::<usize>(), 1usize..40).prop_map(|(a, n)| Edit::Delete(a, n)),
        ],
        1..6,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(module in prop::collection::vec(any::<u8>(), 0..2000)) {
        let course = sample("course.toml");
        let report = load_course(&course, &module);
        assert_places_inside(&report, &[&course, &module]);
    }

    #[test]
    fn no_syntax_error_has_an_empty_range_or_lacks_help(line in broken_line()) {
        let course = sample("course.toml");
        let module = module_with(&line);
        let report = load_course(&course, &module);
        assert_places_inside(&report, &[&course, &module]);
    }

    #[test]
    fn no_syntax_error_at_the_end_of_a_file_has_an_empty_range(line in broken_line()) {
        let course = sample("course.toml");
        let module = format!("id = \"m\"\ntitle = \"T\"\n{line}").into_bytes();
        let report = load_course(&course, &module);
        assert_places_inside(&report, &[&course, &module]);
    }

    #[test]
    fn mutated_module_files_never_panic(edits in edits()) {
        let course = sample("course.toml");
        let module = apply(sample("c2.toml"), &edits);
        let report = load_course(&course, &module);
        assert_places_inside(&report, &[&course, &module]);
    }

    #[test]
    fn mutated_course_files_never_panic(edits in edits()) {
        let course = apply(sample("course.toml"), &edits);
        let module = sample("c2.toml");
        let report = load_course(&course, &module);
        assert_places_inside(&report, &[&course, &module]);
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    for open in ["[", "{ a = ", "[{ a = "] {
        let mut module = b"id = \"x\"\ntitle = \"x\"\nv = ".to_vec();
        // As deep as the token limit allows (E030 past it, where nothing is parsed).
        for _ in 0..25_000 {
            module.extend_from_slice(open.as_bytes());
        }
        let report = load_course(&sample("course.toml"), &module);
        assert!(
            report.diagnostics.iter().any(|d| d.code.as_str() == "E023"),
            "{open}"
        );
    }
}

#[test]
fn ten_thousand_sections_load() {
    let mut module = String::from("id = \"many\"\ntitle = \"Many\"\n");
    for i in 0..10_000 {
        module.push_str(&format!(
            "[[section]]\ntitle = \"S{i}\"\nbody = \"Text {i}\"\n"
        ));
    }
    let report = load_course(&sample("course.toml"), module.as_bytes());
    // Only the expected warning (no quiz) and the id mismatch with nothing else.
    assert!(
        report.diagnostics.iter().all(|d| d.code.as_str() == "W001"),
        "{:?}",
        report.diagnostics.first()
    );
}
