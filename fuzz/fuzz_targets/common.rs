//! What every fuzz input must satisfy. Shared by the fuzz targets and by `cargo test`, which
//! replays the corpus through the same checks (tests/reliability/fuzz_corpus.rs).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use kurs::course::files::Memory;
use kurs::course::{Depth, Library, QuestionKind, Target, load_body, load_targets};
use kurs::diagnostic::{render_github, render_human, render_json};
use kurs::progress::store::{file_text, read_bytes};

/// Separates the files of one course input: `course.toml` first, then module files, each starting
/// with its file name on the first line.
pub const FILE_SEPARATOR: &[u8] = b"\n\x00kurs-fuzz-file\x00\n";

/// The course folder every input is loaded as.
const COURSE: &str = "course";

/// One course input from `course.toml` and `(file name, bytes)` of its modules.
pub fn join_course(course: &[u8], modules: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = course.to_vec();
    for (name, bytes) in modules {
        out.extend_from_slice(FILE_SEPARATOR);
        out.extend_from_slice(name.as_bytes());
        out.push(b'\n');
        out.extend_from_slice(bytes);
    }
    out
}

/// The files of a course input, in memory.
pub fn split_course(data: &[u8]) -> Memory {
    let mut files = Memory::default();
    let mut chunks = split(data, FILE_SEPARATOR).into_iter();
    let folder = Path::new(COURSE);
    files.insert(
        folder.join("course.toml"),
        chunks.next().unwrap_or_default(),
    );
    for chunk in chunks {
        let (name, bytes) = match chunk.iter().position(|&b| b == b'\n') {
            Some(end) => (&chunk[..end], &chunk[end + 1..]),
            None => (chunk, &[][..]),
        };
        let name = String::from_utf8_lossy(name);
        if !name.is_empty() {
            files.insert(folder.join(name.as_ref()), bytes.to_vec());
        }
    }
    files
}

fn split<'a>(data: &'a [u8], separator: &[u8]) -> Vec<&'a [u8]> {
    let mut parts = Vec::new();
    let mut rest = data;
    while let Some(at) = rest
        .windows(separator.len())
        .position(|window| window == separator)
    {
        parts.push(&rest[..at]);
        rest = &rest[at + separator.len()..];
    }
    parts.push(rest);
    parts
}

/// A character a terminal would act on (a line break and a tab are layout, not commands).
fn commands_a_terminal(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// The loader never panics, places every diagnostic inside its file, renders every diagnostic
/// without a control character, and never puts one into the course model.
pub fn check_course_input(data: &[u8]) {
    let files = split_course(data);
    let (library, report) = load_targets(
        &files,
        &[Target::Course(PathBuf::from(COURSE))],
        Depth::Full,
    );
    for d in &report.diagnostics {
        assert!(d.line >= 1 && d.column >= 1, "{d:?}");
        assert!((d.end_line, d.end_column) >= (d.line, d.column), "{d:?}");
        let human = render_human(d, false);
        assert!(!human.chars().any(commands_a_terminal), "{human:?}");
        let github = render_github(d);
        assert!(!github.chars().any(commands_a_terminal), "{github:?}");
    }
    let json = render_json(&report);
    assert!(!json.chars().any(commands_a_terminal), "{json:?}");
    for text in texts_of(&library) {
        assert!(!text.chars().any(commands_a_terminal), "{text:?}");
    }
    // The player reads only the modules' starts, then each body when it is opened: that must
    // give every module exactly as reading everything at once does.
    let (mut lazy, _) = load_targets(
        &files,
        &[Target::Course(PathBuf::from(COURSE))],
        Depth::Headers,
    );
    for course in &mut lazy.courses {
        let pass_percent = course.pass_percent;
        for module in &mut course.modules {
            let _ = load_body(&files, module, pass_percent);
        }
    }
    for (eager, lazy) in library.courses.iter().zip(&lazy.courses) {
        assert_eq!(eager.id, lazy.id);
        for module in &eager.modules {
            let found = lazy.modules.iter().find(|m| m.id == module.id);
            assert_eq!(found, Some(module), "read lazily, the module differs");
        }
    }
}

/// The progress reader never panics, and what it reads it writes back and reads again unchanged.
pub fn check_progress_input(data: &[u8]) {
    if let Ok(progress) = read_bytes(data) {
        let text = file_text(&progress).expect("what kurs reads it can write");
        let again = read_bytes(text.as_bytes()).expect("what kurs writes it reads back");
        assert_eq!(again, progress, "{text}");
    }
}

fn texts_of(library: &Library) -> Vec<&str> {
    let mut texts: Vec<&str> = Vec::new();
    for course in &library.courses {
        texts.extend([course.id.as_str(), &course.title, &course.language]);
        texts.extend(course.description.as_deref());
        for area in &course.areas {
            texts.extend(area.code.as_deref());
            texts.extend(area.title.as_deref());
        }
        for module in &course.modules {
            texts.extend([module.id.as_str(), &module.title]);
            texts.extend(module.code.as_deref());
            texts.extend(module.intro.as_deref());
            for section in &module.sections {
                texts.extend([section.title.as_str(), &section.body]);
            }
            let Some(quiz) = &module.quiz else { continue };
            texts.extend(quiz.title.as_deref());
            for question in &quiz.questions {
                texts.extend([question.id.as_str(), &question.prompt]);
                texts.extend(question.explanation.as_deref());
                match &question.kind {
                    QuestionKind::Single { choices } | QuestionKind::Multiple { choices } => {
                        for choice in choices {
                            texts.push(&choice.text);
                            texts.extend(choice.feedback.as_deref());
                        }
                    }
                    QuestionKind::Text { accept } => {
                        texts.extend(accept.iter().map(|a| a.text.as_str()))
                    }
                    QuestionKind::Order { items } => texts.extend(items.iter().map(String::as_str)),
                    QuestionKind::Match { pairs, distractors } => {
                        for pair in pairs {
                            texts.extend([pair.left.as_str(), pair.right.as_str()]);
                        }
                        texts.extend(distractors.iter().map(String::as_str));
                    }
                    QuestionKind::Numeric { unit, .. } => texts.extend(unit.as_deref()),
                    QuestionKind::TrueFalse { .. } => {}
                }
            }
        }
    }
    texts
}
