//! The final exam end to end: the real `kurs exam` through stdin (pass with a certificate, fail,
//! the gate, time out, resume after a kill, English) and in a pseudo-terminal, with the
//! progress file and the certificate checked afterwards.

mod support;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

use support::pty::Pty;

const KURS: &str = env!("CARGO_BIN_EXE_kurs");

fn course() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/player/exam-de")
}

fn command(progress: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(KURS);
    command
        .args(args)
        .arg("--progress")
        .arg(progress)
        .env_remove("KURS_COURSES")
        .env_remove("KURS_PROGRESS")
        .env_remove("KURS_ISSUER_KEY")
        .env_remove("COLUMNS")
        .env("NO_COLOR", "1");
    command
}

/// Runs kurs with `input` on stdin to its end.
fn run(progress: &Path, args: &[&str], input: &str) -> (String, Output) {
    let mut child = command(progress, args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start kurs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write input");
    let output = child.wait_with_output().expect("wait for kurs");
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    (text, output)
}

fn exam(progress: &Path, extra: &[&str], input: &str) -> String {
    let course = course();
    let mut args = vec!["exam", course.to_str().expect("utf-8 path"), "--seed", "2"];
    args.extend_from_slice(extra);
    let (text, output) = run(progress, &args, input);
    assert!(
        output.status.success(),
        "kurs exam failed: {}\n{text}",
        String::from_utf8_lossy(&output.stderr)
    );
    text
}

/// Passes the module's quiz in plain mode (both questions are true), so the exam opens.
fn pass_the_module(progress: &Path) {
    let course = course();
    let (text, output) = run(
        progress,
        &[course.to_str().expect("path"), "--plain", "--seed", "1"],
        "1\n3\n1\n1\n",
    );
    assert!(output.status.success(), "{text}");
    assert!(text.contains("Bestanden."), "{text}");
}

fn course_file(progress: &Path) -> PathBuf {
    progress
        .parent()
        .expect("folder")
        .join("p")
        .join("pruefung.toml")
}

#[test]
fn the_exam_opens_only_after_every_module_s_quiz() {
    let dir = tempfile::tempdir().expect("tempdir");
    let progress = dir.path().join("p.toml");
    let text = exam(&progress, &[], "");
    assert!(
        text.contains("Der Abschlusstest öffnet, sobald du die Übung dieses Moduls bestanden hast: G1 Grundlagen."),
        "{text}"
    );
    assert!(!text.contains("Frage 1 |"), "{text}");
}

#[test]
fn a_passed_exam_asks_for_the_profile_once_and_issues_a_certificate_that_verifies() {
    let dir = tempfile::tempdir().expect("tempdir");
    let progress = dir.path().join("p.toml");
    pass_the_module(&progress);
    // Every question of the fixture is true: "1" three times, then hand in at the summary.
    let text = exam(&progress, &[], "1\n1\n1\n1\nErika Mustermann\n1990-01-31\n");
    assert!(
        text.contains("Abschlusstest: 3 Fragen, 10 Minuten. Bestanden ab 60 %."),
        "{text}"
    );
    assert!(text.contains("Frage 1 | 3, noch 10 Minuten"), "{text}");
    assert!(
        !text.contains("✓ Richtig\n\nFrage 2 |"),
        "no feedback before handing in: {text}"
    );
    assert!(
        text.contains("3 Fragen: 0 unbeantwortet, 0 markiert."),
        "{text}"
    );
    assert!(text.contains("Ergebnis: 3 von 3 Punkten (100 %)"), "{text}");
    assert!(text.contains("Bestanden. Bestanden ab 60 %."), "{text}");
    assert!(text.contains("Für das Zertifikat brauchen wir deinen Namen und dein Geburtsdatum. Sie bleiben nur auf diesem Computer gespeichert."), "{text}");
    assert!(text.contains("Zertifikat ausgestellt (Prüfcode "), "{text}");

    let certificates = dir.path().join("certificates");
    let mut names: Vec<String> = std::fs::read_dir(&certificates)
        .expect("certificates/")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(
        names[0].ends_with(".jwt") && names[1].ends_with(".pdf"),
        "{names:?}"
    );
    let pdf = certificates.join(&names[1]);
    let verified = Command::new(KURS)
        .arg("verify")
        .arg(&pdf)
        .output()
        .expect("kurs verify");
    let said = String::from_utf8_lossy(&verified.stdout);
    assert!(verified.status.success(), "{said}");
    assert!(said.contains("Erika Mustermann, born 1990-01-31"), "{said}");
    assert!(
        said.contains("Exam      Abschlusstest: 100%, passed (pass mark 60%)"),
        "{said}"
    );
    assert!(
        said.contains("By        Volkshochschule Beispielstadt"),
        "{said}"
    );

    let stored = std::fs::read_to_string(course_file(&progress)).expect("course progress");
    assert!(stored.contains("schema_version = 4"), "{stored}");
    assert!(
        stored.contains("[[courses.pruefung.exam.attempts]]"),
        "{stored}"
    );
    assert!(stored.contains("passed = true"), "{stored}");
    assert!(!stored.contains("exam.running"), "handed in: {stored}");

    // The profile is kept: the next certificate does not ask again.
    let text = exam(&progress, &[], "1\n1\n1\n1\n");
    assert!(!text.contains("brauchen wir deinen Namen"), "{text}");
    assert!(text.contains("Zertifikat ausgestellt"), "{text}");
}

#[test]
fn a_failed_exam_shows_every_answer_the_right_one_and_no_certificate() {
    let dir = tempfile::tempdir().expect("tempdir");
    let progress = dir.path().join("p.toml");
    pass_the_module(&progress);
    // The first question flagged and left open, the others answered wrong.
    let text = exam(&progress, &[], "/markieren\n/weiter\n2\n2\n/abgeben\n1\n");
    assert!(text.contains("Frage markiert."), "{text}");
    assert!(
        text.contains("3 Fragen: 1 unbeantwortet, 1 markiert."),
        "{text}"
    );
    assert!(text.contains("1. Abgeben\n2. Zurück zu Frage 1"), "{text}");
    assert!(text.contains("Ergebnis: 0 von 3 Punkten (0 %)"), "{text}");
    assert!(text.contains("Nicht bestanden."), "{text}");
    assert!(text.contains("Deine Antwort: nicht beantwortet"), "{text}");
    assert!(text.contains("Deine Antwort: Falsch"), "{text}");
    assert!(text.contains("Richtige Antwort: Wahr"), "{text}");
    assert!(!text.contains("Zertifikat ausgestellt"), "{text}");
    assert!(!dir.path().join("certificates").exists());
}

#[test]
fn answers_can_be_changed_by_going_back_before_handing_in() {
    let dir = tempfile::tempdir().expect("tempdir");
    let progress = dir.path().join("p.toml");
    pass_the_module(&progress);
    let text = exam(
        &progress,
        &[],
        "2\n/zurück\n1\n/frage 3\n1\n/frage 2\n1\n1\n",
    );
    assert!(
        text.contains("Deine Antwort: Falsch"),
        "the answer given is shown: {text}"
    );
    assert!(text.contains("Ergebnis: 3 von 3 Punkten (100 %)"), "{text}");
}

#[test]
fn an_exam_killed_midway_resumes_at_its_question_with_its_answers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let progress = dir.path().join("p.toml");
    pass_the_module(&progress);
    let course = course();
    let mut child = command(
        &progress,
        &["exam", course.to_str().expect("path"), "--seed", "2"],
    )
    .stdin(Stdio::piped())
    .stdout(Stdio::piped())
    .stderr(Stdio::null())
    .spawn()
    .expect("start kurs");
    let mut stdout = child.stdout.take().expect("stdout");
    let (send, receive) = channel();
    std::thread::spawn(move || {
        let mut buffer = [0u8; 4096];
        while let Ok(n) = stdout.read(&mut buffer) {
            if n == 0 || send.send(buffer[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(b"1\n").expect("answer");
    stdin.flush().expect("flush");
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut seen = Vec::new();
    while !String::from_utf8_lossy(&seen).contains("Frage 2 | 3") {
        let left = deadline.saturating_duration_since(Instant::now());
        match receive.recv_timeout(left) {
            Ok(bytes) => seen.extend(bytes),
            Err(_) => panic!("no second question: {}", String::from_utf8_lossy(&seen)),
        }
    }
    // The answer is saved before the next question is shown; the kill gives kurs no chance to tidy up.
    child.kill().expect("kill kurs");
    child.wait().expect("reap kurs");

    let stored = std::fs::read_to_string(course_file(&progress)).expect("course progress");
    assert!(
        stored.contains("[courses.pruefung.exam.running]"),
        "{stored}"
    );
    let text = exam(&progress, &[], "/zurück\n");
    assert!(
        text.contains("Dein Abschlusstest läuft noch: Frage 2 von 3, noch 10 Minuten."),
        "{text}"
    );
    assert!(
        text.contains("Deine Antwort: Wahr"),
        "the first answer is kept: {text}"
    );
    assert!(
        text.contains("Der Abschlusstest ist gespeichert."),
        "{text}"
    );
}

#[test]
fn an_exam_whose_time_ran_out_is_handed_in_with_the_answers_given() {
    let dir = tempfile::tempdir().expect("tempdir");
    let progress = dir.path().join("p.toml");
    pass_the_module(&progress);
    let text = exam(&progress, &[], "1\n/ende\n");
    assert!(
        text.contains("Der Abschlusstest ist gespeichert."),
        "{text}"
    );
    // Ten minutes spent, as after a long break with the terminal closed.
    let file = course_file(&progress);
    let stored = std::fs::read_to_string(&file).expect("course progress");
    let line = stored
        .lines()
        .find(|l| l.starts_with("used_seconds = "))
        .expect("used_seconds")
        .to_owned();
    std::fs::write(&file, stored.replace(&line, "used_seconds = 600")).expect("write");
    let text = exam(&progress, &[], "");
    assert!(
        text.contains(
            "Die Zeit ist um. Der Abschlusstest wird mit deinen bisherigen Antworten abgegeben."
        ),
        "{text}"
    );
    assert!(text.contains("Ergebnis: 1 von 3 Punkten (33 %)"), "{text}");
    let stored = std::fs::read_to_string(&file).expect("course progress");
    assert!(stored.contains("timed_out = true"), "{stored}");
}

#[test]
fn more_time_is_recorded_in_the_result_and_english_is_spoken_when_asked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let progress = dir.path().join("p.toml");
    pass_the_module(&progress);
    let text = exam(
        &progress,
        &["--time-factor", "1.5", "--lang", "en"],
        "1\n1\n1\n1\nErika Mustermann\n1990-01-31\n",
    );
    assert!(
        text.contains("Final test: 3 questions, 15 minutes. Pass mark 60%."),
        "{text}"
    );
    assert!(text.contains("Time adjusted: time × 1.5."), "{text}");
    assert!(text.contains("Question 1 | 3, 15 minutes left"), "{text}");
    assert!(text.contains("Result: 3 of 3 points (100%)"), "{text}");
    let stored = std::fs::read_to_string(course_file(&progress)).expect("course progress");
    assert!(stored.contains("factor_percent = 150"), "{stored}");
}

#[test]
fn a_time_factor_out_of_range_and_an_unknown_course_get_one_sentence() {
    let dir = tempfile::tempdir().expect("tempdir");
    let progress = dir.path().join("p.toml");
    let course = course();
    let path = course.to_str().expect("path");
    let (_, output) = run(&progress, &["exam", path, "--time-factor", "0.5"], "");
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.contains("--time-factor takes a number from 1 to 4"),
        "{said}"
    );
    let (_, output) = run(&progress, &["exam", path, "--course", "nope"], "");
    assert_eq!(output.status.code(), Some(1));
    let said = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        said.trim(),
        "kurs: there is no course `nope`; the courses here are `pruefung`"
    );
}

#[test]
fn the_exam_runs_full_screen_in_a_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let progress = dir.path().join("p.toml");
    pass_the_module(&progress);
    let course = course();
    let progress_arg = progress.to_str().expect("path").to_owned();
    let mut pty = Pty::kurs(&[
        "exam",
        course.to_str().expect("path"),
        "--seed",
        "2",
        "--progress",
        &progress_arg,
    ])
    .start();
    pty.wait_for("Frage 1 | 3, noch 10 Minuten");
    pty.send("1\r");
    pty.wait_for("Frage 2 | 3");
    pty.send("f");
    pty.wait_for("markiert");
    pty.send("1\r");
    pty.wait_for("Frage 3 | 3");
    pty.send("1\r");
    pty.wait_for("3 Fragen: 0 unbeantwortet, 1 markiert.");
    pty.send("\r");
    pty.wait_for("Profil für das Zertifikat");
    pty.send("Erika Mustermann\t1990-01-31\r");
    pty.wait_for("Zertifikat ausgestellt");
    pty.wait_for("Deine Antwort");
    pty.send("\x1b");
    pty.wait_for("Kursübersicht");
    pty.send("q");
    let status = pty.wait_exit();
    assert!(status.success(), "{}", pty.text());
}

#[test]
fn the_exam_runs_line_by_line_in_a_terminal_with_plain() {
    let dir = tempfile::tempdir().expect("tempdir");
    let progress = dir.path().join("p.toml");
    pass_the_module(&progress);
    let course = course();
    let progress_arg = progress.to_str().expect("path").to_owned();
    let mut pty = Pty::kurs(&[
        "exam",
        course.to_str().expect("path"),
        "--plain",
        "--seed",
        "2",
        "--progress",
        &progress_arg,
    ])
    .start();
    pty.wait_for("Frage 1 | 3");
    pty.send("1\r");
    pty.wait_for("Frage 2 | 3");
    pty.send("1\r");
    pty.wait_for("Frage 3 | 3");
    pty.send("1\r");
    pty.wait_for("Abgeben");
    pty.send("1\r");
    pty.wait_for("Name, wie er auf dem Zertifikat stehen soll");
    pty.send("Erika Mustermann\r");
    pty.wait_for("Geburtsdatum");
    pty.send("1990-01-31\r");
    pty.wait_for("Zertifikat ausgestellt");
    let status = pty.wait_exit();
    assert!(status.success(), "{}", pty.text());
}

#[test]
fn a_certificate_without_an_exam_is_issued_once_when_the_last_quiz_is_passed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let progress = dir.path().join("p.toml");
    let course =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/player/certificate-modules");
    let path = course.to_str().expect("path");
    let (text, output) = run(
        &progress,
        &[path, "--plain", "--seed", "1"],
        "1\n3\n1\n1\nErika Mustermann\n1990-01-31\n",
    );
    assert!(output.status.success(), "{text}");
    assert!(text.contains("Zertifikat ausgestellt (Prüfcode "), "{text}");
    let stored = std::fs::read_to_string(dir.path().join("p").join("nur-module.toml"))
        .expect("course progress");
    assert!(stored.contains("certified_at = "), "{stored}");
    // Passed again: the certificate is not issued a second time.
    let (text, _) = run(&progress, &[path, "--plain", "--seed", "1"], "3\n1\n1\n");
    assert!(!text.contains("Zertifikat ausgestellt"), "{text}");
    assert_eq!(
        std::fs::read_dir(dir.path().join("certificates"))
            .expect("folder")
            .count(),
        2
    );
}
