//! End-to-end: the real `kurs` binary in a pseudo-terminal, driven by keys, read off the screen.
//! A learner opens C2, opens a section, takes the quiz to the result, marks it learned, quits,
//! starts again and finds the same place and status; the progress file and `kurs progress --json` agree.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, NativePtySystem, PtySize, PtySystem};

const KURS: &str = env!("CARGO_BIN_EXE_kurs");
/// How long a screen may take to appear before the test gives up (not a speed requirement).
const PATIENCE: Duration = Duration::from_secs(20);

struct Session {
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Session {
    fn start(args: &[&str], envs: &[(&str, &str)]) -> Session {
        let pty = NativePtySystem::default()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut command = CommandBuilder::new(KURS);
        command.args(args);
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        for (k, v) in envs {
            command.env(k, v);
        }
        let child = pty.slave.spawn_command(command).expect("kurs starts");
        drop(pty.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(24).unwrap(),
            std::num::NonZeroU16::new(80).unwrap(),
            0,
        )));
        let mut reader = pty.master.try_clone_reader().unwrap();
        let parser = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                parser.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pty.master.take_writer().unwrap();
        // The master must live as long as the session; leak it into the writer's lifetime.
        std::mem::forget(pty.master);
        Session {
            screen,
            writer,
            child,
        }
    }

    fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let text = self.text();
            if text.contains(needle) {
                return text;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "waited for {needle:?}, screen:\n{text}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        // One key at a time, so a lone Esc is read as Esc and not as the start of a sequence.
        std::thread::sleep(Duration::from_millis(60));
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "kurs did not exit:\n{}",
                self.text()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

const ENTER: &str = "\r";
const ESC: &str = "\x1b";
const DOWN: &str = "\x1b[B";

fn course() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/player/kurs-de")
}

#[test]
fn learner_reads_takes_the_quiz_marks_learned_and_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.toml");
    let args = [
        course().to_str().unwrap().to_string(),
        "--progress".into(),
        progress.to_str().unwrap().into(),
        "--seed".into(),
        "1".into(),
    ];
    let args: Vec<&str> = args.iter().map(String::as_str).collect();

    let mut kurs = Session::start(&args, &[]);
    kurs.wait_for("Kursübersicht");
    kurs.wait_for("○ C2 Messenger & SMS");
    kurs.send(ENTER);
    kurs.wait_for("C2 | Messenger & SMS");
    kurs.send(DOWN);
    kurs.send(ENTER);
    kurs.wait_for("▾ Messenger im Vergleich");
    kurs.wait_for("Slack");

    // The quiz, fixed order (the fixture does not shuffle): 2; 1+3; Falsch; text; order.
    kurs.send("p");
    kurs.wait_for("Frage 1 | 5");
    kurs.send("2");
    kurs.send(ENTER);
    kurs.wait_for("✓ Richtig");
    kurs.send(ENTER);
    kurs.wait_for("Frage 2 | 5");
    kurs.send("1");
    kurs.send("3");
    kurs.send(ENTER);
    kurs.wait_for("✓ Richtig");
    kurs.send(ENTER);
    kurs.wait_for("Frage 3 | 5");
    kurs.send("1");
    kurs.send(ENTER);
    kurs.wait_for("✗ Leider falsch");
    kurs.wait_for("Richtige Antwort");
    kurs.send(ENTER);
    kurs.wait_for("Frage 4 | 5");
    for c in ["D", "S", "G", "V", "O"] {
        kurs.send(c);
    }
    kurs.wait_for("> DSGVO");
    kurs.send(ENTER);
    kurs.wait_for("✓ Richtig");
    kurs.send(ENTER);
    kurs.wait_for("Frage 5 | 5");
    kurs.send(ENTER);
    kurs.wait_for("✗ Leider falsch");
    kurs.send(ENTER);
    let result = kurs.wait_for("Ergebnis");
    assert!(result.contains("3 von 5 Punkten (60 %)"), "{result}");
    assert!(result.contains("✓ Bestanden"), "{result}");

    kurs.send(ESC);
    kurs.wait_for("☐ Gelernt");
    kurs.send("l");
    kurs.wait_for("☑ Gelernt am");
    kurs.send(ESC);
    let library = kurs.wait_for("✓ C2 Messenger & SMS");
    assert!(library.contains("bestanden · 60 %"), "{library}");
    assert!(library.contains("1 / 2 bestanden"), "{library}");
    kurs.send("q");
    assert!(kurs.wait_exit().success());

    // The next start resumes in C2 with the section that was opened last.
    let mut again = Session::start(&args, &[]);
    let screen = again.wait_for("C2 | Messenger & SMS");
    assert!(screen.contains("▾ Messenger im Vergleich"), "{screen}");
    assert!(screen.contains("☑ Gelernt am"), "{screen}");
    again.send(ESC);
    again.wait_for("✓ C2 Messenger & SMS");
    again.send("\x03");
    assert!(again.wait_exit().success());

    // The progress file and `kurs progress --json` say the same.
    let course_file = kurs::progress::ProgressStore::courses_folder(&progress).join("kurs-de.toml");
    let stored = std::fs::read_to_string(&course_file).unwrap();
    assert!(stored.contains("learned_at"), "{stored}");
    let output = std::process::Command::new(KURS)
        .args([
            "progress",
            "--json",
            "--progress",
            progress.to_str().unwrap(),
            course().to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let module = &json["courses"][0]["modules"][0];
    assert_eq!(module["id"], "c2-messenger-sms");
    assert_eq!(module["status"], "passed");
    assert_eq!(module["learned"], true);
    assert_eq!(module["attempts"], 1);
    assert_eq!(module["best_percent"], 60);
    assert_eq!(module["passed"], true);
    assert_eq!(json["progress_file"], progress.to_str().unwrap());
}

#[test]
fn the_terminal_is_restored_on_quit() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.toml");
    let mut kurs = Session::start(
        &[
            course().to_str().unwrap(),
            "--progress",
            progress.to_str().unwrap(),
        ],
        &[],
    );
    kurs.wait_for("Kursübersicht");
    assert!(kurs.screen.lock().unwrap().screen().alternate_screen());
    kurs.send("q");
    assert!(kurs.wait_exit().success());
    let start = Instant::now();
    while kurs.screen.lock().unwrap().screen().alternate_screen() {
        assert!(start.elapsed() < PATIENCE, "still on the alternate screen");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        !kurs.screen.lock().unwrap().screen().hide_cursor(),
        "cursor is visible again"
    );
}

#[test]
fn a_damaged_progress_file_is_kept_and_the_learner_is_told() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.toml");
    std::fs::write(&progress, b"schema_version = 1\n[courses.x\n").unwrap();
    let mut kurs = Session::start(
        &[
            course().to_str().unwrap(),
            "--progress",
            progress.to_str().unwrap(),
        ],
        &[],
    );
    kurs.wait_for("beschädigt");
    kurs.send("q");
    assert!(kurs.wait_exit().success());
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("progress.toml.damaged-"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    let bytes = std::fs::read(dir.path().join(&kept[0])).unwrap();
    assert_eq!(bytes, b"schema_version = 1\n[courses.x\n");
}

/// The keys that answer `question` right when it is shown in the order `asked.order`.
fn right_answer_keys(question: &kurs::course::Question, order: &[usize]) -> Vec<String> {
    use kurs::course::QuestionKind;
    let mut keys = Vec::new();
    match &question.kind {
        QuestionKind::Single { choices } | QuestionKind::Multiple { choices } => {
            for (pos, &index) in order.iter().enumerate() {
                if choices[index].correct {
                    keys.push((pos + 1).to_string());
                }
            }
        }
        QuestionKind::TrueFalse { answer } => keys.push(if *answer { "1" } else { "2" }.into()),
        QuestionKind::Text { accept } => keys.extend(accept[0].chars().map(String::from)),
        QuestionKind::Order { .. } => {
            // Go to each item in turn and move it up into its place.
            let mut order = order.to_vec();
            let mut cursor = 0;
            for target in 0..order.len() {
                let at = order.iter().position(|&i| i == target).unwrap();
                while cursor < at {
                    keys.push(DOWN.into());
                    cursor += 1;
                }
                while cursor > at {
                    keys.push("\x1b[A".into());
                    cursor -= 1;
                }
                while cursor > target {
                    keys.push("+".into());
                    order.swap(cursor, cursor - 1);
                    cursor -= 1;
                }
            }
        }
    }
    keys.push(ENTER.into());
    keys
}

#[test]
fn a_new_user_passes_c2_of_the_built_in_course_and_finds_it_again() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.toml");
    let args = ["--progress", progress.to_str().unwrap(), "--seed", "7"];
    let (library, _) =
        kurs::course::load(&kurs::course::Source::Samples, kurs::course::Depth::Full);
    let course = &library.courses[0];
    let c2 = course
        .modules
        .iter()
        .find(|m| m.id == "c2-messenger-sms")
        .unwrap();
    let quiz = c2.quiz.as_ref().unwrap();
    // The player's first run with seed 7 is this one.
    let run = kurs::quiz::Run::start(quiz, &mut kurs::quiz::Shuffler::new(Some(7)));

    let mut kurs = Session::start(&args, &[("KURS_COURSES", "")]);
    kurs.wait_for("○ C2 Messenger & SMS");
    kurs.send(DOWN);
    kurs.send(ENTER);
    kurs.wait_for("C2 | Messenger & SMS");
    kurs.send(ENTER);
    kurs.wait_for("▾ Die SMS lebt");
    kurs.send("p");
    for (n, asked) in run.asked.iter().enumerate() {
        kurs.wait_for(&format!("Frage {} | {}", n + 1, run.asked.len()));
        for key in right_answer_keys(&quiz.questions[asked.question], &asked.order) {
            kurs.send(&key);
        }
        kurs.wait_for("✓ Richtig");
        kurs.send(ENTER);
    }
    let result = kurs.wait_for("Ergebnis");
    assert!(
        result.contains("(100 %)") && result.contains("✓ Bestanden"),
        "{result}"
    );
    kurs.send(ESC);
    kurs.wait_for("Mein Wissen üben");
    kurs.send(ESC);
    let library = kurs.wait_for("✓ C2 Messenger & SMS");
    assert!(library.contains("bestanden · 100 %"), "{library}");
    kurs.send("q");
    assert!(kurs.wait_exit().success());

    let mut again = Session::start(&args, &[("KURS_COURSES", "")]);
    let screen = again.wait_for("C2 | Messenger & SMS");
    assert!(screen.contains("▾ Die SMS lebt"), "{screen}");
    again.send(ESC);
    again.wait_for("✓ C2 Messenger & SMS");
    again.send("q");
    assert!(again.wait_exit().success());
}
