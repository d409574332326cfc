//! `kurs new course` and `kurs new module`: the real binary writes files that `kurs check` passes,
//! keeps the comments of course.toml when it adds a module, and never replaces a file.

use std::path::Path;
use std::process::{Command, Output};

const KURS: &str = env!("CARGO_BIN_EXE_kurs");

fn kurs(dir: &Path, args: &[&str]) -> Output {
    Command::new(KURS)
        .current_dir(dir)
        .args(args)
        .env_remove("KURS_COURSES")
        .env_remove("KURS_PROGRESS")
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn read(path: impl AsRef<Path>) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// `kurs check --deny-warnings` on the folder passes without a word of warning.
fn assert_passes_check(dir: &Path, course: &str) {
    let output = kurs(dir, &["check", "--deny-warnings", course]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}{}",
        stdout(&output),
        stderr(&output)
    );
    assert!(
        stdout(&output).contains("0 errors, 0 warnings"),
        "{}",
        stdout(&output)
    );
}

/// Runs `kurs` and expects exit 1 with one sentence on stderr containing `words`.
fn assert_refused(dir: &Path, args: &[&str], words: &str) {
    let output = kurs(dir, args);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let said = stderr(&output);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(said.contains(words), "{said}");
}

#[test]
fn a_new_english_course_passes_kurs_check_and_explains_every_key() {
    let dir = tempfile::tempdir().unwrap();
    let output = kurs(
        dir.path(),
        &["new", "course", "office", "--title", "Office basics"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("kurs check office"),
        "{}",
        stdout(&output)
    );
    assert_passes_check(dir.path(), "office");

    let course = read(dir.path().join("office/course.toml"));
    assert!(
        course.starts_with("#:schema schema/course.schema.json\n"),
        "{course}"
    );
    assert!(course.contains("id = \"office\""), "{course}");
    assert!(course.contains("title = \"Office basics\""), "{course}");
    assert!(course.contains("language = \"en\""), "{course}");
    assert!(course.contains("# The title in the library"), "{course}");
    let module = read(dir.path().join("office/m1-first-steps.toml"));
    assert!(
        module.starts_with("#:schema schema/module.schema.json\n"),
        "{module}"
    );
    assert!(module.contains("# The module's title"), "{module}");
    // The schemas the #:schema lines point to are there, so editors find them.
    assert!(
        dir.path()
            .join("office/schema/course.schema.json")
            .is_file()
    );
    assert!(
        dir.path()
            .join("office/schema/module.schema.json")
            .is_file()
    );
}

#[test]
fn every_key_of_the_new_files_has_a_comment_above_it() {
    let dir = tempfile::tempdir().unwrap();
    let output = kurs(dir.path(), &["new", "course", "office"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    for file in ["office/course.toml", "office/m1-first-steps.toml"] {
        let text = read(dir.path().join(file));
        let lines: Vec<&str> = text.lines().collect();
        for (at, line) in lines.iter().enumerate() {
            let is_key = line.split_once(" = ").is_some_and(|(key, _)| {
                !key.starts_with('#') && key.chars().all(|c| c.is_ascii_lowercase() || c == '_')
            });
            if is_key && !matches!(*line, l if l.starts_with("type = ")) {
                assert!(
                    lines[at - 1].starts_with('#'),
                    "{file}: `{line}` has no comment above it"
                );
            }
        }
    }
}

#[test]
fn a_new_german_course_has_german_texts_and_comments_and_passes_kurs_check() {
    let dir = tempfile::tempdir().unwrap();
    let output = kurs(
        dir.path(),
        &[
            "new",
            "course",
            "Büro",
            "--title",
            "Büro & Co.",
            "--language",
            "de",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).starts_with("Angelegt:"),
        "{}",
        stdout(&output)
    );
    assert_passes_check(dir.path(), "Büro");
    let course = read(dir.path().join("Büro/course.toml"));
    assert!(course.contains("id = \"buero\""), "{course}");
    assert!(course.contains("language = \"de\""), "{course}");
    assert!(
        course.contains("# Der Titel in der Kursübersicht"),
        "{course}"
    );
    let module = read(dir.path().join("Büro/m1-erste-schritte.toml"));
    assert!(module.contains("Das lernst du hier"), "{module}");
}

#[test]
fn a_new_course_inside_a_repository_points_to_the_repositorys_schemas() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("schema")).unwrap();
    std::fs::write(dir.path().join("schema/course.schema.json"), "{}").unwrap();
    std::fs::create_dir_all(dir.path().join("courses")).unwrap();
    let output = kurs(dir.path(), &["new", "course", "courses/office"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let course = read(dir.path().join("courses/office/course.toml"));
    assert!(
        course.starts_with("#:schema ../../schema/course.schema.json\n"),
        "{course}"
    );
    assert!(!dir.path().join("courses/office/schema").exists());
    assert_passes_check(dir.path(), "courses/office");
}

#[test]
fn an_existing_course_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("office")).unwrap();
    std::fs::write(dir.path().join("office/course.toml"), "# mine\n").unwrap();
    assert_refused(
        dir.path(),
        &["new", "course", "office"],
        "course.toml already exists; kurs never overwrites a file",
    );
    assert_eq!(read(dir.path().join("office/course.toml")), "# mine\n");
    assert!(!dir.path().join("office/m1-first-steps.toml").exists());
}

#[test]
fn an_existing_module_file_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        kurs(dir.path(), &["new", "course", "office"]).status.code(),
        Some(0)
    );
    std::fs::write(dir.path().join("office/m2-printing.toml"), "# mine\n").unwrap();
    let before = read(dir.path().join("office/course.toml"));
    assert_refused(
        dir.path(),
        &["new", "module", "office", "--title", "Printing"],
        "m2-printing.toml already exists",
    );
    assert_eq!(read(dir.path().join("office/m2-printing.toml")), "# mine\n");
    assert_eq!(read(dir.path().join("office/course.toml")), before);
}

#[test]
fn bad_titles_codes_and_paths_are_refused_in_one_sentence() {
    let dir = tempfile::tempdir().unwrap();
    assert_refused(
        dir.path(),
        &["new", "course", "x", "--title", "  "],
        "The title is empty",
    );
    assert_refused(
        dir.path(),
        &["new", "course", "x", "--title", "one\ntwo"],
        "line break",
    );
    std::fs::write(dir.path().join("file"), "").unwrap();
    assert_refused(
        dir.path(),
        &["new", "course", "file"],
        "is a file, not a folder",
    );
    assert_refused(
        dir.path(),
        &["new", "module", "nowhere"],
        "There is no course.toml in nowhere",
    );
    assert_eq!(
        kurs(dir.path(), &["new", "course", "office"]).status.code(),
        Some(0)
    );
    assert_refused(
        dir.path(),
        &["new", "module", "office", "--code", " "],
        "The code is empty",
    );
    assert_refused(
        dir.path(),
        &["new", "module", "office", "--title", "A **bold** title"],
        "would not pass kurs check",
    );
}

#[test]
fn a_new_module_keeps_every_comment_of_course_toml_and_passes_kurs_check() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        kurs(dir.path(), &["new", "course", "office"]).status.code(),
        Some(0)
    );
    let course_path = dir.path().join("office/course.toml");
    let course = read(&course_path).replace(
        "modules = [\"m1-first-steps.toml\"]",
        "modules = [\n    \"m1-first-steps.toml\", # the first one\n    # more to come\n]",
    );
    let course = format!("{course}# the end\n");
    std::fs::write(&course_path, &course).unwrap();

    let output = kurs(
        dir.path(),
        &["new", "module", "office", "--title", "Printing"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("m2-printing.toml"),
        "{}",
        stdout(&output)
    );
    let after = read(&course_path);
    assert_eq!(
        after,
        course.replace(
            "    # more to come\n",
            "    \"m2-printing.toml\",\n    # more to come\n"
        )
    );
    let module = read(dir.path().join("office/m2-printing.toml"));
    assert!(
        module.starts_with("#:schema schema/module.schema.json\n"),
        "{module}"
    );
    assert!(module.contains("code = \"M2\""), "{module}");
    assert_passes_check(dir.path(), "office");
}

#[test]
fn a_new_module_of_a_german_course_is_german() {
    let dir = tempfile::tempdir().unwrap();
    let made = kurs(dir.path(), &["new", "course", "buero", "--language", "de"]);
    assert_eq!(made.status.code(), Some(0));
    let output = kurs(
        dir.path(),
        &["new", "module", "buero", "--title", "Drucken"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).starts_with("Angelegt:"),
        "{}",
        stdout(&output)
    );
    let module = read(dir.path().join("buero/m2-drucken.toml"));
    assert!(module.contains("# Der Titel des Moduls"), "{module}");
    assert_passes_check(dir.path(), "buero");
}

/// A course divided into two areas, with comments, and its first module files.
fn course_with_areas(dir: &Path) {
    assert_eq!(
        kurs(dir, &["new", "course", "office"]).status.code(),
        Some(0)
    );
    let second = kurs(dir, &["new", "module", "office", "--title", "Safety first"]);
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    let course_path = dir.join("office/course.toml");
    let course = read(&course_path).replace(
        "modules = [\"m1-first-steps.toml\", \"m2-safety-first.toml\"]\n",
        "\n# Working together\n[[area]]\ncode = \"C\" # communication\ntitle = \"Communication\"\nmodules = [\"m1-first-steps.toml\"]\n\n# Staying safe\n[[area]]\ncode = \"S\"\ntitle = \"Safety\"\nmodules = [\"m2-safety-first.toml\"] # one so far\n",
    );
    std::fs::write(&course_path, course).unwrap();
    assert_passes_check(dir, "office");
}

#[test]
fn a_module_with_area_joins_that_areas_modules_and_the_comments_stay() {
    let dir = tempfile::tempdir().unwrap();
    course_with_areas(dir.path());
    let course_path = dir.path().join("office/course.toml");
    let before = read(&course_path);
    let output = kurs(
        dir.path(),
        &[
            "new",
            "module",
            "office",
            "--area",
            "S",
            "--title",
            "Passwords",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        read(&course_path),
        before.replace(
            "modules = [\"m2-safety-first.toml\"] # one so far",
            "modules = [\"m2-safety-first.toml\", \"s2-passwords.toml\"] # one so far"
        )
    );
    let output = kurs(
        dir.path(),
        &["new", "module", "office", "--area", "C", "--title", "Chat"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        read(&course_path).contains("modules = [\"m1-first-steps.toml\", \"c2-chat.toml\"]"),
        "{}",
        read(&course_path)
    );
    assert_passes_check(dir.path(), "office");
}

#[test]
fn an_area_that_is_not_there_is_refused_naming_the_areas_there_are() {
    let dir = tempfile::tempdir().unwrap();
    course_with_areas(dir.path());
    let before = read(dir.path().join("office/course.toml"));
    assert_refused(
        dir.path(),
        &["new", "module", "office", "--area", "Z"],
        "no area with the code \"Z\"; the areas are: C, S.",
    );
    assert_refused(
        dir.path(),
        &["new", "module", "office"],
        "with --area: C, S.",
    );
    assert_eq!(read(dir.path().join("office/course.toml")), before);
}
