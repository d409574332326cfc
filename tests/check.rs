//! `kurs check` against the fixtures under `tests/fixtures/check/`: every fixture states the
//! diagnostics it must produce in `# expect: CODE LINE:COLUMN [FILE]` comments, and nothing else may appear.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const KURS: &str = env!("CARGO_BIN_EXE_kurs");

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check")
}

fn kurs(args: &[&str]) -> Output {
    Command::new(KURS)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the kurs binary runs")
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Expected {
    code: String,
    file: PathBuf,
    line: usize,
    column: usize,
}

/// Reads the `# expect:` lines of every file under `path` (a file or a folder).
fn expectations(path: &Path) -> Vec<Expected> {
    let mut files = Vec::new();
    collect_files(path, &mut files);
    let mut out = Vec::new();
    for file in files {
        let Ok(bytes) = std::fs::read(&file) else {
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        for line in text.lines() {
            let Some(rest) = line.strip_prefix("# expect: ") else {
                continue;
            };
            let parts: Vec<&str> = rest.split_whitespace().collect();
            let (l, c) = parts[1].split_once(':').expect("LINE:COLUMN");
            let target = match parts.get(2) {
                Some(&".") => file.parent().unwrap().to_path_buf(),
                Some(name) => file.parent().unwrap().join(name),
                None => file.clone(),
            };
            out.push(Expected {
                code: parts[0].to_string(),
                file: target,
                line: l.parse().unwrap(),
                column: c.parse().unwrap(),
            });
        }
    }
    out.sort();
    out
}

fn collect_files(path: &Path, out: &mut Vec<PathBuf>) {
    // A link is part of what a fixture tests, never a place of its expectations.
    if path.is_symlink() {
        return;
    }
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for entry in entries {
            collect_files(&entry, out);
        }
    } else {
        out.push(path.to_path_buf());
    }
}

fn json_diagnostics(output: &Output) -> (serde_json::Value, Vec<Expected>) {
    let json: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("--format json prints one JSON object");
    let mut found: Vec<Expected> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| Expected {
            code: d["code"].as_str().unwrap().to_string(),
            file: PathBuf::from(d["file"].as_str().unwrap()),
            line: d["line"].as_u64().unwrap() as usize,
            column: d["column"].as_u64().unwrap() as usize,
        })
        .collect();
    found.sort();
    (json, found)
}

/// Runs one fixture in all three formats and compares with its expectations.
fn check_fixture(path: &Path) -> Result<(), String> {
    let expected = expectations(path);
    if expected.is_empty() {
        return Err(format!("{} states no expectation", path.display()));
    }
    let arg = path.to_str().unwrap();
    let errors = expected.iter().filter(|e| e.code.starts_with('E')).count();
    let usage = expected
        .iter()
        .any(|e| e.code == "E026" || e.code == "E027");
    let exit = if usage {
        2
    } else if errors > 0 {
        1
    } else {
        0
    };

    let json = kurs(&["check", "--format", "json", arg]);
    let (value, found) = json_diagnostics(&json);
    if found != expected {
        return Err(format!(
            "{}: expected {expected:#?}\nfound {found:#?}",
            path.display()
        ));
    }
    if json.status.code() != Some(exit) {
        return Err(format!(
            "{}: json exit {:?}, expected {exit}",
            path.display(),
            json.status.code()
        ));
    }
    if value["errors"].as_u64() != Some(errors as u64) {
        return Err(format!("{}: wrong error count in {value}", path.display()));
    }

    let human = kurs(&["check", arg]);
    let text = String::from_utf8_lossy(&human.stdout);
    for e in &expected {
        let place = format!("--> {}:{}:{}", e.file.display(), e.line, e.column);
        let level = if e.code.starts_with('E') {
            "error"
        } else {
            "warning"
        };
        let title = format!("{level}[{}]", e.code);
        if !text.contains(&place) || !text.contains(&title) {
            return Err(format!(
                "{}: human output lacks `{title}` at `{place}`:\n{text}",
                path.display()
            ));
        }
    }
    if human.status.code() != Some(exit) {
        return Err(format!(
            "{}: human exit {:?}",
            path.display(),
            human.status.code()
        ));
    }
    if !text
        .trim_end()
        .lines()
        .last()
        .unwrap_or("")
        .starts_with("checked ")
    {
        return Err(format!("{}: no summary line:\n{text}", path.display()));
    }

    let github = kurs(&["check", "--format", "github", arg]);
    let text = String::from_utf8_lossy(&github.stdout);
    for e in &expected {
        let level = if e.code.starts_with('E') {
            "error"
        } else {
            "warning"
        };
        let command = format!(
            "::{level} file={},line={},col={},",
            e.file.display(),
            e.line,
            e.column
        );
        let title = format!("title={}::", e.code);
        if !text
            .lines()
            .any(|l| l.starts_with(&command) && l.contains(&title))
        {
            return Err(format!(
                "{}: github output lacks `{command}…{title}`:\n{text}",
                path.display()
            ));
        }
    }
    if github.status.code() != Some(exit) {
        return Err(format!(
            "{}: github exit {:?}",
            path.display(),
            github.status.code()
        ));
    }
    Ok(())
}

fn run_all(folder: &str) {
    let mut failures = Vec::new();
    let mut count = 0;
    let mut entries: Vec<PathBuf> = std::fs::read_dir(fixtures().join(folder))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for entry in entries {
        count += 1;
        if let Err(e) = check_fixture(&entry) {
            failures.push(e);
        }
    }
    assert!(count > 5, "fixtures found");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_module_fixture_reports_its_code_at_its_place_in_all_formats() {
    run_all("modules");
}

#[test]
fn every_course_fixture_reports_its_code_at_its_place_in_all_formats() {
    run_all("courses");
}

#[test]
fn every_code_has_a_fixture() {
    let mut names = String::new();
    for folder in ["modules", "courses"] {
        for entry in std::fs::read_dir(fixtures().join(folder)).unwrap() {
            names.push_str(&entry.unwrap().file_name().to_string_lossy());
            names.push('\n');
        }
    }
    // Generated in tests below instead of committed: a 4 MiB file, paths that do not exist, a
    // pipe (git cannot hold one) and a file of too many tokens.
    let generated = ["E021", "E026", "E029", "E030"];
    for code in kurs::diagnostic::Code::ALL {
        let code = code.as_str();
        // The codes of `kurs import` (E1xx, W1xx) have their fixtures in tests/fixtures/import/.
        if generated.contains(&code) || code[1..].starts_with('1') {
            continue;
        }
        assert!(
            names.contains(&format!("{}-", code.to_lowercase())),
            "no fixture for {code}"
        );
    }
}

#[test]
fn the_sample_courses_pass() {
    let courses = Path::new(env!("CARGO_MANIFEST_DIR")).join("courses");
    let output = kurs(&["check", "--deny-warnings", courses.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(text.contains(": 0 errors, 0 warnings"), "{text}");
}

#[test]
fn a_file_over_four_mebibytes_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.toml");
    let mut text = String::from("id = \"huge\"\ntitle = \"Huge\"\n");
    while text.len() <= 4 * 1024 * 1024 {
        text.push_str("# padding padding padding padding padding padding padding padding\n");
    }
    std::fs::write(&path, text).unwrap();
    let output = kurs(&["check", "--format", "json", path.to_str().unwrap()]);
    let (_, found) = json_diagnostics(&output);
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].code.as_str(), found[0].line, found[0].column),
        ("E021", 1, 1)
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn a_path_that_does_not_exist_is_a_usage_problem() {
    let output = kurs(&["check", "--format", "json", "no/such/folder"]);
    let (_, found) = json_diagnostics(&output);
    assert_eq!(found[0].code, "E026");
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn warnings_fail_only_with_deny_warnings() {
    let path = fixtures().join("modules/w001-module-without-quiz.toml");
    let path = path.to_str().unwrap();
    assert_eq!(kurs(&["check", path]).status.code(), Some(0));
    assert_eq!(
        kurs(&["check", "--deny-warnings", path]).status.code(),
        Some(1)
    );
}

#[test]
fn several_paths_are_checked_together_and_summed_up() {
    let a = fixtures().join("modules/e004-wrong-type.toml");
    let b = fixtures().join("modules/w001-module-without-quiz.toml");
    let output = kurs(&["check", a.to_str().unwrap(), b.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.ends_with("checked 2 files: 1 error, 1 warning\n"),
        "{text}"
    );
}

#[test]
fn unknown_key_suggests_the_right_one() {
    let path = fixtures().join("modules/e002-unknown-key.toml");
    let output = kurs(&["check", "--format", "json", path.to_str().unwrap()]);
    let (json, _) = json_diagnostics(&output);
    assert_eq!(
        json["diagnostics"][0]["help"],
        "did you mean `pass_percent`?"
    );
    assert_eq!(json["diagnostics"][0]["end_column"], 13);
}

#[test]
fn bad_usage_exits_with_two() {
    assert_eq!(kurs(&["check", "--format", "xml"]).status.code(), Some(2));
}

#[test]
fn windows_line_endings_are_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let source = fixtures().parent().unwrap().join("player/kurs-de");
    for entry in std::fs::read_dir(&source).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path)
            .unwrap()
            .replace('\n', "\r\n");
        std::fs::write(dir.path().join(path.file_name().unwrap()), text).unwrap();
    }
    let output = kurs(&["check", "--deny-warnings", dir.path().to_str().unwrap()]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let (library, _) = kurs::course::load(
        &kurs::course::Source::Path(dir.path().to_path_buf()),
        kurs::course::Depth::Full,
    );
    assert!(
        !library.courses[0].modules[0].sections[0]
            .body
            .contains('\r')
    );
}

/// Runs kurs and kills it if it has not ended after `seconds`: a hang fails the test.
fn kurs_within(args: &[&str], seconds: u64) -> Output {
    let mut child = Command::new(KURS)
        .args(args)
        .env("NO_COLOR", "1")
        .env("KURS_SECRET_FOR_TEST", "s3cr3t-value-never-printed")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the kurs binary runs");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("kurs {args:?} still ran after {seconds} s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// A course folder whose `course.toml` is `course` and that lists `module.toml`.
fn course_dir(root: &Path, name: &str) -> PathBuf {
    let dir = root.join(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const COURSE: &str = "id = \"c\"\ntitle = \"C\"\nmodules = [\"a.toml\"]\n";

#[cfg(unix)]
#[test]
fn a_course_toml_linked_to_a_secret_or_a_kernel_file_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret.txt");
    std::fs::write(&secret, "password = \"hunter2-never-printed\"\n").unwrap();
    let targets = [
        secret.clone(),
        PathBuf::from("/proc/self/environ"),
        PathBuf::from("/dev/zero"),
        PathBuf::from("/proc/kmsg"),
    ];
    for (i, target) in targets.iter().enumerate() {
        let course = course_dir(dir.path(), &format!("c{i}"));
        std::os::unix::fs::symlink(target, course.join("course.toml")).unwrap();
        for format in ["human", "json", "github"] {
            let output = kurs_within(&["check", "--format", format, course.to_str().unwrap()], 20);
            let text = String::from_utf8_lossy(&output.stdout);
            assert!(text.contains("E028"), "{target:?} {format}: {text}");
            assert!(
                !text.contains("hunter2") && !text.contains("s3cr3t"),
                "{target:?} {format}: {text}"
            );
            assert_eq!(output.status.code(), Some(1), "{target:?} {format}");
        }
    }
}

#[cfg(unix)]
#[test]
fn a_module_or_course_toml_that_is_a_pipe_is_refused_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = |path: &Path| {
        rustix::fs::mknodat(
            rustix::fs::CWD,
            path,
            rustix::fs::FileType::Fifo,
            rustix::fs::Mode::RUSR | rustix::fs::Mode::WUSR,
            0,
        )
        .unwrap()
    };
    // A module file that is a pipe inside the course folder.
    let course = course_dir(dir.path(), "module-pipe");
    std::fs::write(course.join("course.toml"), COURSE).unwrap();
    fifo(&course.join("a.toml"));
    let output = kurs_within(&["check", "--format", "json", course.to_str().unwrap()], 20);
    let (_, found) = json_diagnostics(&output);
    let expected = Expected {
        code: "E029".to_string(),
        file: course.join("a.toml"),
        line: 1,
        column: 1,
    };
    assert_eq!(found, vec![expected]);
    // `course.toml` a link to a pipe in the same folder.
    let course = course_dir(dir.path(), "course-pipe");
    fifo(&course.join("pipe"));
    std::os::unix::fs::symlink("pipe", course.join("course.toml")).unwrap();
    let output = kurs_within(&["check", "--format", "json", course.to_str().unwrap()], 20);
    let (_, found) = json_diagnostics(&output);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].code, "E029");
}

#[test]
fn a_file_of_too_many_tokens_is_refused_before_it_is_parsed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tokens.toml");
    // 200,000 values: small on disk (400 KB), but a parse would hold every one of them.
    let text = format!("id = \"t\"\nx = [{}]\n", vec!["1"; 200_000].join(","));
    std::fs::write(&path, text).unwrap();
    let output = kurs(&["check", "--format", "json", path.to_str().unwrap()]);
    let (_, found) = json_diagnostics(&output);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].code.as_str(), found[0].line), ("E030", 2));
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn a_file_with_more_problems_than_shown_ends_with_how_many_more_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let course = course_dir(dir.path(), "many");
    let names: Vec<String> = (0..150).map(|i| format!("\"m{i}.toml\"")).collect();
    std::fs::write(
        course.join("course.toml"),
        format!(
            "id = \"many\"\ntitle = \"Many\"\nmodules = [{}]\n",
            names.join(", ")
        ),
    )
    .unwrap();
    let path = course.to_str().unwrap();
    let file = course.join("course.toml");

    let json = kurs(&["check", "--format", "json", path]);
    let (value, found) = json_diagnostics(&json);
    assert_eq!(found.len(), 100);
    assert_eq!(value["errors"], 150);
    assert_eq!(
        value["omitted"],
        serde_json::json!([{"file": file.to_str().unwrap(), "errors": 50, "warnings": 0}])
    );

    let human = kurs(&["check", path]);
    let text = String::from_utf8_lossy(&human.stdout);
    assert_eq!(text.matches("error[E009]").count(), 100);
    let note = format!(
        "note: … and 50 more in {} (50 errors, 0 warnings)",
        file.display()
    );
    assert!(text.contains(&note), "{text}");
    assert!(
        text.ends_with("checked 1 file: 150 errors, 0 warnings\n"),
        "{text}"
    );

    let github = kurs(&["check", "--format", "github", path]);
    let text = String::from_utf8_lossy(&github.stdout);
    assert_eq!(
        text.lines().filter(|l| l.starts_with("::error ")).count(),
        100
    );
    let last = text.lines().last().unwrap();
    assert!(
        last.starts_with(&format!(
            "::notice file={},title=kurs check::… and 50 more",
            file.display()
        )),
        "{last}"
    );
}

#[cfg(unix)]
#[test]
fn a_file_name_with_a_line_break_cannot_inject_a_workflow_command() {
    let dir = tempfile::tempdir().unwrap();
    let name = "x\n::error file=evil.toml,line=1::injected\n.toml";
    let path = dir.path().join(name);
    std::fs::write(&path, "id = \"x\"\ntitle = 5\n").unwrap();
    for format in ["human", "github", "json"] {
        let output = kurs(&["check", "--format", format, path.to_str().unwrap()]);
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(text.contains("E004"), "{format}: {text}");
        for line in text.lines() {
            assert!(
                !line.trim_start().starts_with("::error file=evil"),
                "{format}: a line of its own from the file name:\n{text}"
            );
            assert!(!line.starts_with("injected"), "{format}:\n{text}");
        }
    }
    let human = kurs(&["check", path.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(
        text.contains("x\u{FFFD}::error file=evil.toml,line=1::injected\u{FFFD}.toml:2:9"),
        "{text}"
    );
    let github = kurs(&["check", "--format", "github", path.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&github.stdout);
    assert!(
        text.contains("x%0A%3A%3Aerror file=evil.toml%2Cline=1%3A%3Ainjected%0A.toml,line=2,"),
        "{text}"
    );
}

#[test]
fn a_long_line_is_shown_as_a_window_with_the_true_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.toml");
    let padding = "x".repeat(50_000);
    std::fs::write(
        &path,
        format!("id = \"l\"\ntitle = \"T\"\nintro = \"{padding}\" titel = 1\n"),
    )
    .unwrap();
    let output = kurs(&["check", path.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains(&format!("{}:3:50012", path.display())),
        "{text}"
    );
    assert!(text.len() < 2_000, "{} bytes", text.len());
}

/// The first diagnostic of a fixture: its line, column, message and help.
fn first_diagnostic(fixture: &str) -> (u64, u64, String, String) {
    let path = fixtures().join("modules").join(fixture);
    let output = kurs(&["check", "--format", "json", path.to_str().unwrap()]);
    let (json, _) = json_diagnostics(&output);
    let d = &json["diagnostics"][0];
    (
        d["line"].as_u64().unwrap(),
        d["column"].as_u64().unwrap(),
        d["message"].as_str().unwrap().to_string(),
        d["help"].as_str().unwrap_or("").to_string(),
    )
}

#[test]
fn toml_syntax_errors_are_placed_where_the_trainer_fixes_them_and_told_in_their_words() {
    let cases = [
        (
            "e001-missing-closing-quote.toml",
            (4, 9),
            "this text has no closing quote",
            "end the text with \" on the same line: `title = \"…\"`",
        ),
        (
            "e001-missing-equals.toml",
            (3, 7),
            "`title` has no `=` before its value",
            "write `=` between the key and its value: `title = \"Sichere Passwörter\"`",
        ),
        (
            "e001-missing-bracket.toml",
            (6, 1),
            "this table heading has no closing `]]`",
            "close it on the same line: `[[section]]`",
        ),
        (
            "e001-duplicate-key.toml",
            (8, 1),
            "this key is set twice: `title`",
            "`title` is already set on line 6; keep one of the two",
        ),
        (
            "e001-value-without-quotes.toml",
            (3, 9),
            "this text has no quotes",
            "a value needs quotes: `title = \"Sichere Passwörter\"`",
        ),
        (
            "e001-unclosed-list-in-order-question.toml",
            (15, 9),
            "this list is never closed with `]` (in an order question)",
            "end the list with `]`",
        ),
    ];
    for (fixture, (line, column), message, help) in cases {
        let found = first_diagnostic(fixture);
        assert_eq!((found.0, found.1), (line, column), "{fixture}: {found:?}");
        assert!(found.2.contains(message), "{fixture}: {found:?}");
        assert!(found.3.contains(help), "{fixture}: {found:?}");
    }
}

#[test]
fn a_duplicate_of_an_id_left_out_says_where_that_id_comes_from() {
    let (line, column, message, help) =
        first_diagnostic("e007-id-left-out-clashes-with-one-written.toml");
    assert_eq!((line, column), (18, 6));
    assert_eq!(message, "question id `q1` is used twice in this quiz");
    assert!(
        help.contains("the question on line 12 has no `id` and is called `q1` after its number"),
        "{help}"
    );
}

#[test]
fn every_syntax_error_fixture_marks_at_least_one_character_and_says_how_to_write_it() {
    let mut seen = 0;
    for entry in std::fs::read_dir(fixtures().join("modules")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.starts_with("e001-") {
            continue;
        }
        let output = kurs(&["check", "--format", "json", path.to_str().unwrap()]);
        let (json, _) = json_diagnostics(&output);
        for d in json["diagnostics"].as_array().unwrap() {
            seen += 1;
            let start = (d["line"].as_u64(), d["column"].as_u64());
            let end = (d["end_line"].as_u64(), d["end_column"].as_u64());
            assert!(end > start, "{name}: an empty range in {d}");
            let help = d["help"].as_str().unwrap_or("");
            assert!(!help.is_empty(), "{name}: no help in {d}");
            let message = d["message"].as_str().unwrap();
            assert!(!message.starts_with("invalid TOML"), "{name}: {d}");
        }
    }
    assert!(seen > 25, "{seen} syntax errors in the fixtures");
}

#[test]
fn syntax_errors_are_told_as_a_trainer_fixes_them() {
    let path = |name: &str| fixtures().join("modules").join(name);
    let cases = [
        (
            "e001-key-without-value.toml",
            "a key needs `= value` after it: `body = \"…\"`",
        ),
        (
            "e001-numbers.toml",
            "numbers use one decimal point, such as 1.5",
        ),
        (
            "e001-true-and-false.toml",
            "true and false are written in lower case, in full",
        ),
        (
            "e001-dates-and-times.toml",
            "dates are YYYY-MM-DD with a real month and day",
        ),
        (
            "e001-something-after-the-value.toml",
            "numbers use a decimal point, not a comma: 62.5",
        ),
        (
            "e001-lists-and-braces.toml",
            "a list is written `items = [\"first\", \"second\"]`",
        ),
        (
            "e001-value-without-quotes.toml",
            "a value needs quotes: `title = \"Sichere Passwörter\"`",
        ),
    ];
    for (fixture, help) in cases {
        let output = kurs(&["check", path(fixture).to_str().unwrap()]);
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(
            text.contains(&format!("= help: {help}")),
            "{fixture}:\n{text}"
        );
    }
}
