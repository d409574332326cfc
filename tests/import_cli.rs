//! `kurs import gift|aiken` and `kurs export gift` through the real binary: question banks become
//! modules that `kurs check` passes, every change is reported with its place, broken banks write
//! nothing, no file is ever replaced, and an export imports back.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const KURS: &str = env!("CARGO_BIN_EXE_kurs");

fn kurs(dir: &Path, args: &[&str]) -> Output {
    Command::new(KURS)
        .current_dir(dir)
        .args(args)
        .env_remove("KURS_COURSES")
        .env_remove("KURS_PROGRESS")
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn fixture(name: &str) -> String {
    fixtures().join(name).display().to_string()
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import")
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

/// `kurs check` on the folder finds no error (with `deny_warnings`, nothing at all).
fn assert_passes_check(dir: &Path, course: &str, deny_warnings: bool) {
    let mut args = vec!["check", course];
    if deny_warnings {
        args.insert(1, "--deny-warnings");
    }
    let output = kurs(dir, &args);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(
        stdout(&output).contains(": 0 errors"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn moodles_documentation_examples_become_a_course_that_passes_kurs_check() {
    let dir = tempfile::tempdir().unwrap();
    let output = kurs(
        dir.path(),
        &[
            "import",
            "gift",
            &fixture("moodle-examples.gift"),
            "--out",
            "grant",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let said = stdout(&output);
    assert!(
        said.contains("1 module written to grant: 24 questions, 2 kept as sections. Check with: kurs check grant"),
        "{said}"
    );
    // Every item that is not a kurs question is named with its place.
    assert!(
        said.contains("warning[W101]: an essay question kurs cannot grade; kept as a section"),
        "{said}"
    );
    assert!(said.contains("moodle-examples.gift:30:21"), "{said}");
    assert!(said.contains("warning[W102]"), "{said}");
    assert_passes_check(dir.path(), "grant", true);
    let module = read(dir.path().join("grant/m1-moodle-examples.toml"));
    assert!(
        module.contains("prompt = \"Grant is _____ in Grant's tomb.\""),
        "{module}"
    );
    // Matching and numerical questions, partial credit included, are kurs questions now.
    assert!(
        module.contains("[[quiz.question.pair]]\nleft = \"Canada\"\nright = \"Ottawa\""),
        "{module}"
    );
    assert!(
        module.contains(
            "answer = 1822\n\n[[quiz.question.range]]\nanswer = 1822\ntolerance = 2\ncredit = 50"
        ),
        "{module}"
    );
}

#[test]
fn every_feature_of_gift_is_read_one_module_per_category() {
    let dir = tempfile::tempdir().unwrap();
    let output = kurs(
        dir.path(),
        &[
            "import",
            "gift",
            &fixture("every-feature.gift"),
            "--out",
            "fire",
            "--language",
            "de",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output)
            .contains("2 Module nach fire geschrieben: 10 Fragen, 2 als Abschnitt übernommen."),
        "{}",
        stdout(&output)
    );
    assert_passes_check(dir.path(), "fire", false);
    let course = read(dir.path().join("fire/course.toml"));
    assert!(course.contains("\"m1-extinguishers.toml\""), "{course}");
    assert!(course.contains("\"m2-evacuation.toml\""), "{course}");
    let first = read(dir.path().join("fire/m1-extinguishers.toml"));
    assert!(first.contains("title = \"Extinguishers\""), "{first}");
    // HTML becomes Markdown; nothing of it is passed through.
    assert!(first.contains("What does **PASS** stand for?"), "{first}");
    assert!(!first.contains("<b>"), "{first}");
    let second = read(dir.path().join("fire/m2-evacuation.toml"));
    assert!(
        second.contains("type = \"numeric\"\nprompt = \"How many minutes may an evacuation take?\"\nmin = 3\nmax = 5"),
        "{second}"
    );
    assert!(
        second.contains("[[quiz.question.pair]]\nright = \"lift\""),
        "a distractor: {second}"
    );
    assert!(second.contains("type = \"text\""), "{second}");
    // Weights are credits.
    assert!(first.contains("credit = 50"), "{first}");
}

#[test]
fn an_aiken_file_becomes_choice_questions() {
    let dir = tempfile::tempdir().unwrap();
    let output = kurs(
        dir.path(),
        &[
            "import",
            "aiken",
            &fixture("bank.aiken.txt"),
            "--out",
            "lms",
            "--module-id",
            "m1-lms",
            "--title",
            "Learning systems",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("2 questions, 0 kept as sections"),
        "{}",
        stdout(&output)
    );
    assert_passes_check(dir.path(), "lms", true);
    let module = read(dir.path().join("lms/m1-lms.toml"));
    assert!(module.contains("title = \"Learning systems\""), "{module}");
    assert!(
        module.contains("text = \"Must be this one!\"\ncorrect = true"),
        "{module}"
    );
}

#[test]
fn modules_join_an_existing_course_and_its_comments_stay() {
    let dir = tempfile::tempdir().unwrap();
    let made = kurs(
        dir.path(),
        &["new", "course", "office", "--title", "Office"],
    );
    assert_eq!(made.status.code(), Some(0), "{}", stderr(&made));
    let before = read(dir.path().join("office/course.toml"));
    let output = kurs(
        dir.path(),
        &[
            "import",
            "aiken",
            &fixture("bank.aiken.txt"),
            "--out",
            "office",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let after = read(dir.path().join("office/course.toml"));
    assert!(
        after.contains("modules = [\"m1-first-steps.toml\", \"m2-bank-aiken.toml\"]"),
        "{after}"
    );
    assert!(after.contains("# The title in the library"), "{after}");
    assert_eq!(before.lines().count(), after.lines().count());
    assert_passes_check(dir.path(), "office", true);
}

#[test]
fn an_existing_module_file_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("x")).unwrap();
    std::fs::write(dir.path().join("x/m1-bank-aiken.toml"), "mine").unwrap();
    let output = kurs(
        dir.path(),
        &["import", "aiken", &fixture("bank.aiken.txt"), "--out", "x"],
    );
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert_eq!(stderr(&output).lines().count(), 1, "{}", stderr(&output));
    assert!(
        stderr(&output).contains("already exists; kurs never overwrites a file"),
        "{}",
        stderr(&output)
    );
    assert_eq!(read(dir.path().join("x/m1-bank-aiken.toml")), "mine");
    assert!(!dir.path().join("x/course.toml").exists());
}

#[test]
fn each_broken_bank_is_refused_with_its_diagnostic_and_nothing_is_written() {
    let mut checked = 0;
    for entry in std::fs::read_dir(fixtures()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.starts_with("broken-") || !name.ends_with(".gift") {
            continue;
        }
        let text = read(&path);
        let expect = text
            .lines()
            .next()
            .and_then(|line| line.strip_prefix("// expect: "))
            .unwrap_or_else(|| panic!("{name} has no expect line"));
        let (code, place) = expect.split_once(' ').unwrap();
        let dir = tempfile::tempdir().unwrap();
        let output = kurs(
            dir.path(),
            &["import", "gift", path.to_str().unwrap(), "--out", "out"],
        );
        assert_eq!(output.status.code(), Some(1), "{name}: {}", stderr(&output));
        let said = stdout(&output);
        assert!(said.contains(&format!("[{code}]")), "{name}: {said}");
        assert!(said.contains(&format!("{name}:{place}")), "{name}: {said}");
        assert!(stderr(&output).contains("Nothing written"), "{name}");
        assert!(!dir.path().join("out").exists(), "{name}");
        // The same place in GitHub's form.
        let github = kurs(
            dir.path(),
            &[
                "import",
                "gift",
                path.to_str().unwrap(),
                "--out",
                "out",
                "--format",
                "github",
            ],
        );
        let (line, column) = place.split_once(':').unwrap();
        assert!(
            stdout(&github).contains(&format!("line={line},col={column},")),
            "{name}: {}",
            stdout(&github)
        );
        checked += 1;
    }
    assert!(checked >= 6, "{checked}");
}

#[test]
fn an_aiken_question_without_answer_line_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let output = kurs(
        dir.path(),
        &[
            "import",
            "aiken",
            &fixture("broken-aiken-no-answer.txt"),
            "--out",
            "out",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("error[E101]: this question has no ANSWER line"),
        "{}",
        stdout(&output)
    );
    assert!(
        stdout(&output).contains("broken-aiken-no-answer.txt:1:1"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn the_report_can_be_json_for_scripts() {
    let dir = tempfile::tempdir().unwrap();
    let output = kurs(
        dir.path(),
        &[
            "import",
            "gift",
            &fixture("moodle-examples.gift"),
            "--out",
            "g",
            "--format",
            "json",
        ],
    );
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(json.to_string().contains("W101"), "{json}");
    assert!(
        stderr(&output).contains("1 module written to g"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn module_id_and_title_are_refused_for_a_bank_of_several_categories() {
    let dir = tempfile::tempdir().unwrap();
    let output = kurs(
        dir.path(),
        &[
            "import",
            "gift",
            &fixture("every-feature.gift"),
            "--out",
            "f",
            "--title",
            "One",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("2 categories"),
        "{}",
        stderr(&output)
    );
    let output = kurs(
        dir.path(),
        &[
            "import",
            "aiken",
            &fixture("bank.aiken.txt"),
            "--out",
            "f",
            "--module-id",
            "Not An Id",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("is not an id"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_missing_or_non_utf8_bank_is_said_in_one_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let output = kurs(
        dir.path(),
        &["import", "gift", "no-such.gift", "--out", "x"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no-such.gift cannot be read"),
        "{}",
        stderr(&output)
    );
    std::fs::write(dir.path().join("latin1.gift"), b"Gr\xfc\xdfe? {T}").unwrap();
    let output = kurs(dir.path(), &["import", "gift", "latin1.gift", "--out", "x"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("error[E022]"),
        "{}",
        stdout(&output)
    );
    assert!(
        stdout(&output).contains("latin1.gift:1:3"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn an_exported_course_imports_back_with_the_same_questions() {
    let dir = tempfile::tempdir().unwrap();
    let imported = kurs(
        dir.path(),
        &[
            "import",
            "gift",
            &fixture("every-feature.gift"),
            "--out",
            "a",
        ],
    );
    assert_eq!(imported.status.code(), Some(0), "{}", stderr(&imported));
    let export = kurs(dir.path(), &["export", "gift", "a", "--out", "a.gift"]);
    assert_eq!(export.status.code(), Some(0), "{}", stderr(&export));
    let gift = read(dir.path().join("a.gift"));
    assert!(
        gift.contains("$CATEGORY: $course$/top/Extinguishers"),
        "{gift}"
    );
    assert!(gift.contains("::alarm-tf::[markdown]"), "{gift}");
    let again = kurs(dir.path(), &["import", "gift", "a.gift", "--out", "b"]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert_passes_check(dir.path(), "b", false);
    let quiz = |file: &str| {
        let text = read(dir.path().join(file));
        text[text.find("[quiz]").unwrap()..]
            .lines()
            .filter(|line| !line.starts_with('#'))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(
        quiz("a/m1-extinguishers.toml"),
        quiz("b/m1-extinguishers.toml")
    );
    assert_eq!(quiz("a/m2-evacuation.toml"), quiz("b/m2-evacuation.toml"));
    // The file is never replaced.
    let twice = kurs(dir.path(), &["export", "gift", "a", "--out", "a.gift"]);
    assert_eq!(twice.status.code(), Some(2));
}

#[test]
fn exporting_the_sample_course_names_the_order_questions_it_leaves_out() {
    let courses = Path::new(env!("CARGO_MANIFEST_DIR")).join("courses/first-steps-online");
    let output = kurs(
        Path::new("."),
        &["export", "gift", courses.to_str().unwrap()],
    );
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stdout(&output).starts_with("// First Steps Online (first-steps-online)"),
        "{}",
        stdout(&output)
    );
    assert!(
        stderr(&output).contains("has no GIFT form and is left out"),
        "{}",
        stderr(&output)
    );
}
