//! The final exam end to end: the real `kurs exam` through stdin (pass with a certificate, fail,
//! the gate, the start confirmed, time out, the warning while waiting, resume after a kill, more
//! time on resume, English) and full screen in a pseudo-terminal (pass, fail, time out, resume
//! after SIGKILL), with the progress file, `kurs progress` and the certificate checked afterwards.

mod support;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

use support::pty::{ENTER, ESC, Pty};

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

/// Sets the seconds spent on the exam under way, as after a long break with the terminal
/// closed (the way these tests move time on: the player takes the rest from its own clock).
fn spent(progress: &Path, seconds: u64) {
    let file = course_file(progress);
    let stored = std::fs::read_to_string(&file).expect("course progress");
    let line = stored
        .lines()
        .find(|l| l.starts_with("used_seconds = "))
        .expect("used_seconds")
        .to_owned();
    std::fs::write(
        &file,
        stored.replace(&line, &format!("used_seconds = {seconds}")),
    )
    .expect("write");
}

/// The seconds spent on the exam under way, as saved.
fn spent_saved(progress: &Path) -> u64 {
    let stored = std::fs::read_to_string(course_file(progress)).expect("course progress");
    stored
        .lines()
        .find_map(|l| l.strip_prefix("used_seconds = "))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no used_seconds in {stored}"))
}

/// An exam started with `kurs exam` and kept open: at most one more line on its way (as through a pipe).
fn started_exam(progress: &Path, extra: &[&str], input: &str) {
    let text = exam(progress, extra, input);
    assert!(
        text.contains("Der Abschlusstest ist gespeichert."),
        "{text}"
    );
}

/// The real kurs with a pipe for stdin, its output read as it comes: for what happens while
/// kurs waits for a line.
struct Live {
    child: std::process::Child,
    stdin: Option<std::process::ChildStdin>,
    receive: std::sync::mpsc::Receiver<Vec<u8>>,
    seen: Vec<u8>,
}

impl Live {
    fn start(progress: &Path, args: &[&str]) -> Live {
        let mut child = command(progress, args)
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
        let stdin = child.stdin.take();
        Live {
            child,
            stdin,
            receive,
            seen: Vec::new(),
        }
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.seen).into_owned()
    }

    /// Waits (at most 30 s) until the output holds `needle`; returns all of it.
    fn wait_for(&mut self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(30);
        while !self.text().contains(needle) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.receive.recv_timeout(left) {
                Ok(bytes) => self.seen.extend(bytes),
                Err(_) => panic!("waited for {needle:?}:\n{}", self.text()),
            }
        }
        self.text()
    }

    fn send(&mut self, line: &str) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(line.as_bytes()).expect("send");
        stdin.flush().expect("flush");
    }

    /// Closes stdin and waits for kurs to end; returns everything it wrote.
    fn finish(mut self) -> (String, std::process::ExitStatus) {
        drop(self.stdin.take());
        let status = self.child.wait().expect("wait for kurs");
        while let Ok(bytes) = self.receive.recv_timeout(Duration::from_secs(5)) {
            self.seen.extend(bytes);
        }
        (self.text(), status)
    }
}

#[test]
fn a_closed_exam_says_why_in_one_sentence_and_exits_with_1() {
    let dir = tempfile::tempdir().expect("tempdir");
    let progress = dir.path().join("p.toml");
    let course = course();
    let (text, output) = run(
        &progress,
        &["exam", course.to_str().expect("path"), "--seed", "2"],
        "",
    );
    assert_eq!(output.status.code(), Some(1), "{text}");
    let said = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        said.trim(),
        "kurs: Der Abschlusstest öffnet, sobald du die Übung dieses Moduls bestanden hast: G1 Grundlagen."
    );
    assert!(!text.contains("gespeichert"), "nothing to save: {text}");
    assert!(!text.contains("Frage 1"), "{text}");
}

#[test]
fn a_timed_exam_starts_only_when_the_learner_says_so_and_back_leaves_nothing_behind() {
    let dir = tempfile::tempdir().expect("tempdir");
    let progress = dir.path().join("p.toml");
    pass_the_module(&progress);
    let text = exam(&progress, &[], "2\n");
    assert!(
        text.contains("Abschlusstest: 3 Fragen, 10 Minuten. Bestanden ab 60 %."),
        "{text}"
    );
    assert!(
        text.contains(
            "Brauchst du mehr Zeit? Dann beende kurs hier und starte es neu mit --time-factor 1.5"
        ),
        "{text}"
    );
    assert!(
        text.contains("1. Test jetzt beginnen (ab dann läuft die Zeit)\n2. Zurück"),
        "{text}"
    );
    // The menu asks in words, without a stray "?:".
    assert!(
        text.contains("Aktion wählen: Nummer eingeben, „zurück“ oder „ende“ > 2"),
        "{text}"
    );
    assert!(!text.contains("?:"), "{text}");
    assert!(!text.contains("Frage 1 von 3"), "not started: {text}");
    let stored = std::fs::read_to_string(course_file(&progress)).expect("course progress");
    assert!(!stored.contains("exam.running"), "nothing saved: {stored}");
}

#[test]
fn a_passed_exam_asks_for_the_profile_once_and_issues_a_certificate_that_verifies() {
    let dir = tempfile::tempdir().expect("tempdir");
    let progress = dir.path().join("p.toml");
    pass_the_module(&progress);
    // Every question of the fixture is true: "1" three times, then hand in at the summary.
    let text = exam(
        &progress,
        &[],
        "1\n1\n1\n1\n1\nErika Mustermann\n1990-01-31\n",
    );
    assert!(
        text.contains("Abschlusstest: 3 Fragen, 10 Minuten. Bestanden ab 60 %."),
        "{text}"
    );
    assert!(text.contains("Frage 1 von 3, noch 10 Minuten"), "{text}");
    assert!(
        !text.contains(" | "),
        "said in words, not with a bar: {text}"
    );
    assert!(
        !text.contains("✓ Richtig\n\nFrage 2 von"),
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
    // The exam's results are written in the short form of version 6.
    assert!(stored.contains("schema_version = 6"), "{stored}");
    assert!(
        stored.contains("[[courses.pruefung.exam.attempts]]"),
        "{stored}"
    );
    assert!(stored.contains("passed = true"), "{stored}");
    assert!(stored.contains("results = \"+"), "{stored}");
    assert!(!stored.contains("exam.running"), "handed in: {stored}");

    // The profile is kept: the next certificate does not ask again.
    let text = exam(&progress, &[], "1\n1\n1\n1\n1\n");
    assert!(!text.contains("brauchen wir deinen Namen"), "{text}");
    assert!(text.contains("Zertifikat ausgestellt"), "{text}");
}

#[test]
fn a_failed_exam_shows_every_answer_the_right_one_and_no_certificate() {
    let dir = tempfile::tempdir().expect("tempdir");
    let progress = dir.path().join("p.toml");
    pass_the_module(&progress);
    // The first question flagged and left open, the others answered wrong.
    let text = exam(
        &progress,
        &[],
        "1\n/markieren\n/weiter\n2\n2\n/abgeben\n1\n",
    );
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
        "1\n2\n/zurück\n1\n/frage 3\n1\n/frage 2\n1\n1\n",
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
    stdin.write_all(b"1\n1\n").expect("start, answer");
    stdin.flush().expect("flush");
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut seen = Vec::new();
    while !String::from_utf8_lossy(&seen).contains("Frage 2 von 3") {
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
    let text = exam(&progress, &[], "1\n1\n/ende\n");
    assert!(
        text.contains("Der Abschlusstest ist gespeichert."),
        "{text}"
    );
    // Ten minutes spent, as after a long break with the terminal closed.
    spent(&progress, 600);
    let file = course_file(&progress);
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
        "1\n1\n1\n1\n1\nErika Mustermann\n1990-01-31\n",
    );
    assert!(
        text.contains("Final test: 3 questions, 15 minutes. Pass mark 60%."),
        "{text}"
    );
    assert!(text.contains("Time adjusted: time × 1.5."), "{text}");
    assert!(
        text.contains("Choose what to do: type a number, “back” or “quit” > 1"),
        "{text}"
    );
    assert!(text.contains("Question 1 of 3, 15 minutes left"), "{text}");
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
    let start = pty.wait_for("Vor dem Start");
    assert!(start.contains("3 Fragen, 10 Minuten"), "{start}");
    assert!(start.contains("--time-factor 1.5"), "{start}");
    assert!(start.contains("Enter beginnen"), "{start}");
    pty.send(ENTER);
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
    pty.wait_for("Test jetzt beginnen");
    pty.send("1\r");
    pty.wait_for("Frage 1 von 3");
    pty.send("1\r");
    pty.wait_for("Frage 2 von 3");
    pty.send("1\r");
    pty.wait_for("Frage 3 von 3");
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

#[test]
fn plain_mode_warns_a_minute_before_the_end_while_it_waits_and_offers_more_time_there() {
    let dir = tempfile::tempdir().expect("tempdir");
    let progress = dir.path().join("p.toml");
    pass_the_module(&progress);
    started_exam(&progress, &[], "1\n/ende\n");
    // 62 seconds left: the question is asked, and the last minute begins while kurs waits.
    spent(&progress, 538);
    let course = course();
    let mut live = Live::start(
        &progress,
        &["exam", course.to_str().expect("path"), "--seed", "2"],
    );
    live.wait_for("Frage 1 von 3, noch 2 Minuten");
    let asked = Instant::now();
    live.wait_for("Achtung: noch 1 Minute. Mit „/mehrzeit“ bekommst du 5 Minuten mehr.");
    assert!(
        asked.elapsed() >= Duration::from_secs(1),
        "warned while waiting, not at once"
    );
    // The prompt comes again below the warning, and more time is given right there.
    live.wait_for("5 Minuten mehr.\n„ja“ oder „nein“ eingeben (oder „/zurück“, „/ende“) > ");
    live.send("/mehrzeit\n");
    live.wait_for("5 Minuten mehr: jetzt noch 6 Minuten. Das wird im Ergebnis vermerkt.");
    live.send("/ende\n");
    let (text, status) = live.finish();
    assert!(status.success(), "{text}");
    let stored = std::fs::read_to_string(course_file(&progress)).expect("course progress");
    assert!(stored.contains("extended_minutes = 5"), "{stored}");
}

#[test]
fn when_the_time_runs_out_while_plain_mode_waits_a_late_answer_is_said_not_to_count() {
    let dir = tempfile::tempdir().expect("tempdir");
    let progress = dir.path().join("p.toml");
    pass_the_module(&progress);
    started_exam(&progress, &[], "1\n1\n/ende\n");
    spent(&progress, 597);
    let course = course();
    let mut live = Live::start(
        &progress,
        &["exam", course.to_str().expect("path"), "--seed", "2"],
    );
    // Three seconds left: warned at once, then the time runs out with nobody typing.
    live.wait_for("Achtung: noch 3 Sekunden.");
    live.wait_for("Die Zeit ist um. Der Abschlusstest ist mit den Antworten abgegeben, die bis jetzt gespeichert waren; was du jetzt noch eintippst, zählt nicht.");
    live.wait_for("Enter drücken für das Ergebnis > ");
    // Handed in before anything more is read: the result is on disk already.
    let stored = std::fs::read_to_string(course_file(&progress)).expect("course progress");
    assert!(stored.contains("timed_out = true"), "{stored}");
    assert!(!stored.contains("exam.running"), "{stored}");
    live.send("ja\n");
    live.wait_for("Deine Eingabe „ja“ kam nach Ablauf der Zeit und zählt nicht; gewertet sind die Antworten, die vorher gespeichert waren.");
    let (text, status) = live.finish();
    assert!(status.success(), "{text}");
    assert!(text.contains("Ergebnis: 1 von 3 Punkten (33 %)"), "{text}");
    assert!(text.contains("Nicht bestanden."), "{text}");
}

#[test]
fn the_player_takes_time_factor_and_untimed_for_an_exam_opened_from_its_course_menu() {
    let dir = tempfile::tempdir().expect("tempdir");
    let progress = dir.path().join("p.toml");
    pass_the_module(&progress);
    let course = course();
    let path = course.to_str().expect("path");
    // The player resumes in the module: back to the course's list, the exam (2) after the
    // module; at the exam's start menu, back (2).
    let (text, output) = run(
        &progress,
        &[path, "--plain", "--seed", "2", "--time-factor", "1,5"],
        "zurück\n2\n2\n",
    );
    assert!(output.status.success(), "{text}");
    assert!(
        text.contains(
            "Abschlusstest: 3 Fragen, 15 Minuten. Bestanden ab 60 %.\nZeit angepasst: Zeit × 1,5."
        ),
        "{text}"
    );
    let (text, output) = run(
        &progress,
        &[path, "--plain", "--seed", "2", "--untimed"],
        "zurück\n2\n/ende\n",
    );
    assert!(output.status.success(), "{text}");
    assert!(
        text.contains("3 Fragen, ohne Zeitbegrenzung. Bestanden ab 60 %.\nZeit angepasst: ohne Zeitbegrenzung."),
        "{text}"
    );
    assert!(
        text.contains("Frage 1 von 3\n"),
        "untimed: no start to confirm, no time said: {text}"
    );
    let (_, output) = run(&progress, &[path, "--time-factor", "9"], "");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .contains("--time-factor takes a number from 1 to 4")
    );
    let (_, output) = run(&progress, &["--help"], "");
    let help = String::from_utf8_lossy(&output.stdout);
    assert!(
        help.contains("--time-factor <N>") && help.contains("--untimed"),
        "{help}"
    );
}

#[test]
fn more_time_given_when_resuming_is_applied_and_noted_and_less_is_refused_in_one_sentence() {
    let dir = tempfile::tempdir().expect("tempdir");
    let progress = dir.path().join("p.toml");
    pass_the_module(&progress);
    started_exam(&progress, &[], "1\n1\n/ende\n");
    spent(&progress, 300);
    let text = exam(&progress, &["--time-factor", "2"], "/ende\n");
    assert!(
        text.contains("Dein Abschlusstest läuft noch: Frage 2 von 3, noch 15 Minuten.\nZeit angepasst: Zeit × 2."),
        "{text}"
    );
    let text = exam(&progress, &["--time-factor", "1.5"], "/ende\n");
    assert!(
        text.contains("Die Zeit dieses Tests bleibt, wie sie ist (Zeit × 2): Beim Fortsetzen lässt sie sich nur verlängern, nicht verkürzen."),
        "{text}"
    );
    assert!(text.contains("noch 15 Minuten"), "{text}");
    let text = exam(&progress, &[], "1\n1\n1\nErika Mustermann\n1990-01-31\n");
    assert!(text.contains("Ergebnis: 3 von 3 Punkten (100 %)"), "{text}");
    assert!(text.contains("Zeit angepasst: Zeit × 2."), "{text}");
    let stored = std::fs::read_to_string(course_file(&progress)).expect("course progress");
    assert!(stored.contains("factor_percent = 200"), "{stored}");
    let certificates = dir.path().join("certificates");
    let pdf = std::fs::read_dir(&certificates)
        .expect("certificates/")
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|e| e == "pdf"))
        .expect("a PDF");
    let verified = Command::new(KURS)
        .arg("verify")
        .arg(&pdf)
        .output()
        .expect("kurs verify");
    let said = String::from_utf8_lossy(&verified.stdout);
    assert!(
        said.contains("time × 2") || said.contains("Zeit × 2"),
        "the certificate says so: {said}"
    );
}

#[test]
fn two_of_three_reads_67_percent_and_passes_a_mark_of_60() {
    let dir = tempfile::tempdir().expect("tempdir");
    let progress = dir.path().join("p.toml");
    pass_the_module(&progress);
    let text = exam(&progress, &[], "1\n1\n1\n2\n1\n/zurück\n");
    assert!(text.contains("Ergebnis: 2 von 3 Punkten (67 %)"), "{text}");
    assert!(text.contains("Bestanden. Bestanden ab 60 %."), "{text}");
}

#[test]
fn kurs_progress_shows_the_exam_and_the_certificate_in_the_table_and_in_json() {
    let dir = tempfile::tempdir().expect("tempdir");
    let progress = dir.path().join("p.toml");
    pass_the_module(&progress);
    let course = course();
    let path = course.to_str().expect("path");
    let (table, _) = run(&progress, &["progress", path], "");
    assert!(
        table.contains("  ○  Abschlusstest: offen\n  ○  Zertifikat: ausstehend\n"),
        "{table}"
    );
    exam(&progress, &[], "1\n1\n2\n2\n1\n");
    exam(
        &progress,
        &[],
        "1\n1\n1\n1\n1\nErika Mustermann\n1990-01-31\n",
    );
    let (table, _) = run(&progress, &["progress", path], "");
    let day = jiff::Timestamp::now().to_string()[..10].to_owned();
    assert!(
        table.contains(&format!(
            "  ✓  Abschlusstest: bestanden, beste Punktzahl 100 % am {day} (2 Versuche)\n  ✓  Zertifikat: ausgestellt am {day}\n"
        )),
        "{table}"
    );
    let (json, _) = run(&progress, &["progress", path, "--json"], "");
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let course = &json["courses"][0];
    assert_eq!(course["exam"]["status"], "passed");
    assert_eq!(course["exam"]["attempts"], 2);
    assert_eq!(course["exam"]["best_percent"], 100);
    assert_eq!(course["exam"]["passed"], true);
    assert_eq!(course["exam"]["time_adjusted"], false);
    assert_eq!(course["certificate"]["issued"], true);
    assert!(
        course["certificate"]["issued_at"]
            .as_str()
            .is_some_and(|at| at.starts_with(&day)),
        "{course}"
    );
}

/// `kurs exam` in a pseudo-terminal, full screen, with the fixture and `progress`.
fn full_screen(progress: &Path) -> Pty {
    let course = course();
    Pty::kurs(&[
        "exam",
        course.to_str().expect("path"),
        "--seed",
        "2",
        "--progress",
        progress.to_str().expect("path"),
    ])
    .start()
}

#[test]
fn a_failed_exam_full_screen_shows_the_miss_and_issues_no_certificate() {
    let dir = tempfile::tempdir().expect("tempdir");
    let progress = dir.path().join("p.toml");
    pass_the_module(&progress);
    let mut pty = full_screen(&progress);
    pty.wait_for("Vor dem Start");
    pty.send(ENTER);
    pty.wait_for("Frage 1 | 3");
    // "Falsch" each time: the second choice.
    for next in ["Frage 2 | 3", "Frage 3 | 3", "3 Fragen: 0 unbeantwortet"] {
        pty.send("2");
        pty.send(ENTER);
        pty.wait_for(next);
    }
    pty.send(ENTER);
    let result = pty.wait_for("Nicht bestanden");
    assert!(result.contains("0 von 3 Punkten (0 %)"), "{result}");
    assert!(!result.contains("Zertifikat"), "{result}");
    pty.send(ESC);
    let library = pty.wait_for("Kursübersicht");
    assert!(
        library.contains("nicht bestanden · 0 % · 1 Versuch"),
        "{library}"
    );
    assert!(library.contains("Zertifikat"), "{library}");
    assert!(library.contains("ausstehend"), "{library}");
    pty.send("q");
    assert!(pty.wait_exit().success(), "{}", pty.text());
    assert!(!dir.path().join("certificates").exists());
}

#[test]
fn a_full_screen_exam_whose_time_runs_out_is_handed_in_with_the_answers_given() {
    let dir = tempfile::tempdir().expect("tempdir");
    let progress = dir.path().join("p.toml");
    pass_the_module(&progress);
    started_exam(&progress, &[], "1\n1\n/ende\n");
    spent(&progress, 596);
    let mut pty = full_screen(&progress);
    let warned = pty.wait_for("Achtung: noch");
    assert!(warned.contains("Taste m: 5 Minuten mehr"), "{warned}");
    assert!(warned.contains("Frage 2 | 3"), "{warned}");
    // Nobody presses a key: the clock alone hands it in.
    let ended = pty.wait_for("Die Zeit ist um");
    assert!(ended.contains("1 von 3 Punkten (33 %)"), "{ended}");
    assert!(ended.contains("Nicht bestanden"), "{ended}");
    let stored = std::fs::read_to_string(course_file(&progress)).expect("course progress");
    assert!(stored.contains("timed_out = true"), "{stored}");
    assert!(!stored.contains("exam.running"), "{stored}");
    pty.send(ESC);
    pty.wait_for("Kursübersicht");
    pty.send("q");
    assert!(pty.wait_exit().success(), "{}", pty.text());
}

#[test]
fn a_full_screen_exam_killed_with_sigkill_resumes_at_its_question_with_the_time_left() {
    let dir = tempfile::tempdir().expect("tempdir");
    let progress = dir.path().join("p.toml");
    pass_the_module(&progress);
    started_exam(&progress, &[], "1\n/ende\n");
    // Five minutes spent already: the time left is what must come back.
    spent(&progress, 300);
    let mut pty = full_screen(&progress);
    pty.wait_for("Frage 1 | 3, noch 5 Minuten");
    pty.send("1");
    pty.send(ENTER);
    pty.wait_for("Frage 2 | 3");
    std::thread::sleep(Duration::from_millis(2100));
    // A move saves the exam with the time spent so far.
    pty.send("f");
    pty.wait_for("markiert");
    let before = spent_saved(&progress);
    assert!(
        before >= 302,
        "the time spent is saved with the move: {before}"
    );
    pty.signal("KILL");
    let _ = pty.wait_exit();

    let stored = std::fs::read_to_string(course_file(&progress)).expect("course progress");
    assert!(
        stored.contains("[courses.pruefung.exam.running]"),
        "{stored}"
    );
    let mut again = full_screen(&progress);
    let resumed = again.wait_for("läuft noch");
    assert!(
        resumed.contains("Dein Abschlusstest läuft noch: Frage 2 von 3, noch 5 Minuten."),
        "{resumed}"
    );
    assert!(
        resumed.contains("Frage 2 | 3, noch 5 Minuten, markiert"),
        "{resumed}"
    );
    again.send(ESC);
    again.wait_for("Der Abschlusstest ist gespeichert");
    assert!(
        spent_saved(&progress) >= before,
        "no time given back or lost"
    );
    again.send("q");
    assert!(again.wait_exit().success(), "{}", again.text());
}

#[test]
fn in_the_last_minute_the_summary_offers_more_time_as_a_numbered_choice() {
    let dir = tempfile::tempdir().expect("tempdir");
    let progress = dir.path().join("p.toml");
    pass_the_module(&progress);
    started_exam(&progress, &[], "1\n/ende\n");
    spent(&progress, 570);
    let text = exam(&progress, &[], "/abgeben\n3\n/ende\n");
    assert!(
        text.contains("1. Abgeben\n2. Zurück zu Frage 1\n3. 5 Minuten mehr Zeit"),
        "{text}"
    );
    assert!(
        text.contains("5 Minuten mehr: jetzt noch 6 Minuten. Das wird im Ergebnis vermerkt."),
        "{text}"
    );
}

#[test]
fn plain_mode_s_overview_says_where_the_exam_and_the_certificate_stand() {
    let dir = tempfile::tempdir().expect("tempdir");
    let progress = dir.path().join("p.toml");
    pass_the_module(&progress);
    let course = course();
    let path = course.to_str().expect("path");
    let (text, _) = run(&progress, &[path, "--plain"], "zurück\nübersicht\n");
    assert!(
        text.contains("- Abschlusstest: offen\n- Zertifikat: ausstehend\n"),
        "{text}"
    );
    exam(
        &progress,
        &[],
        "1\n1\n1\n1\n1\nErika Mustermann\n1990-01-31\n",
    );
    let (text, _) = run(&progress, &[path, "--plain"], "zurück\nübersicht\n");
    let day = jiff::Timestamp::now().to_string()[..10].to_owned();
    assert!(
        text.contains(&format!(
            "- Abschlusstest: bestanden, beste Punktzahl 100 % am {day} (1 Versuch)\n- Zertifikat: ausgestellt am {day}\n"
        )),
        "{text}"
    );
}

#[test]
fn kurs_exam_help_says_it_runs_full_screen_at_a_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, output) = run(&dir.path().join("p.toml"), &["--help"], "");
    let help = String::from_utf8_lossy(&output.stdout);
    assert!(
        help.contains("full screen at a terminal, line by line with --plain"),
        "{help}"
    );
    assert!(!help.contains("(line by line, as plain mode)"), "{help}");
    let (_, output) = run(&dir.path().join("p.toml"), &["exam", "--help"], "");
    let help = String::from_utf8_lossy(&output.stdout);
    assert!(
        help.contains("--time-factor <N>") && help.contains("--untimed"),
        "{help}"
    );
}
