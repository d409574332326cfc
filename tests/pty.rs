//! End-to-end: the real `kurs` binary in a pseudo-terminal, driven by keys, read off the screen.
//! A learner opens C2, opens a section, takes the quiz to the result, marks it learned, quits,
//! starts again and finds the same place and status; the progress file and `kurs progress --json` agree.

mod support;

use support::fixtures::course_de;
use support::pty::{CTRL_C, DOWN, ENTER, ESC, KURS, Pty, UP};

#[test]
fn learner_reads_takes_the_quiz_marks_learned_and_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.toml");
    let args = [
        course_de().to_str().unwrap().to_string(),
        "--progress".into(),
        progress.to_str().unwrap().into(),
        "--seed".into(),
        "1".into(),
    ];
    let args: Vec<&str> = args.iter().map(String::as_str).collect();

    let mut kurs = Pty::kurs(&args).start();
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
    let mut again = Pty::kurs(&args).start();
    let screen = again.wait_for("C2 | Messenger & SMS");
    assert!(screen.contains("▾ Messenger im Vergleich"), "{screen}");
    assert!(screen.contains("☑ Gelernt am"), "{screen}");
    again.send(ESC);
    again.wait_for("✓ C2 Messenger & SMS");
    again.send(CTRL_C);
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
            course_de().to_str().unwrap(),
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
    let mut kurs = Pty::kurs(&[
        course_de().to_str().unwrap(),
        "--progress",
        progress.to_str().unwrap(),
    ])
    .start();
    kurs.wait_for("Kursübersicht");
    assert!(kurs.screen(|screen| screen.alternate_screen()));
    kurs.send("q");
    assert!(kurs.wait_exit().success());
    kurs.wait_screen("the main screen", |screen| !screen.alternate_screen());
    assert!(
        !kurs.screen(|screen| screen.hide_cursor()),
        "cursor is visible again"
    );
}

#[test]
fn a_damaged_progress_file_is_kept_and_the_learner_is_told() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.toml");
    std::fs::write(&progress, b"schema_version = 1\n[courses.x\n").unwrap();
    let mut kurs = Pty::kurs(&[
        course_de().to_str().unwrap(),
        "--progress",
        progress.to_str().unwrap(),
    ])
    .start();
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
        QuestionKind::Text { accept } => keys.extend(accept[0].text.chars().map(String::from)),
        QuestionKind::Match { pairs, .. } => {
            // Each item's partner by its letter; the cursor goes on to the next item by itself.
            for item in 0..pairs.len() {
                let shown = order.iter().position(|&p| p == item).unwrap();
                keys.push(char::from(b'a' + shown as u8).to_string());
            }
        }
        QuestionKind::Numeric { right, .. } => {
            let (min, max) = right.bounds();
            keys.extend(format!("{}", (min + max) / 2.0).chars().map(String::from));
        }
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
                    keys.push(UP.into());
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

    let mut kurs = Pty::kurs(&args).env("KURS_COURSES", "").start();
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

    let mut again = Pty::kurs(&args).env("KURS_COURSES", "").start();
    let screen = again.wait_for("C2 | Messenger & SMS");
    assert!(screen.contains("▾ Die SMS lebt"), "{screen}");
    again.send(ESC);
    again.wait_for("✓ C2 Messenger & SMS");
    again.send("q");
    assert!(again.wait_exit().success());
}

/// A library of more courses than the player reads before its first screen: the first screen
/// shows the first course, and the first key already acts on all twelve (End selects the last
/// course's module).
#[test]
fn a_large_library_opens_with_its_first_courses_and_the_first_key_sees_all() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("bibliothek");
    for n in 1..=12 {
        let course = library.join(format!("kurs-{n:02}"));
        std::fs::create_dir_all(&course).unwrap();
        std::fs::write(
            course.join("course.toml"),
            format!("id = \"kurs-{n:02}\"\ntitle = \"Kurs {n}\"\nlanguage = \"de\"\nmodules = [\"m.toml\"]\n"),
        )
        .unwrap();
        std::fs::write(
            course.join("m.toml"),
            format!("id = \"m\"\ntitle = \"Modul von Kurs {n}\"\n[[section]]\ntitle = \"Text\"\nbody = \"Text.\"\n"),
        )
        .unwrap();
    }
    let progress = dir.path().join("progress.toml");
    let mut kurs = Pty::kurs(&[
        library.to_str().unwrap(),
        "--progress",
        progress.to_str().unwrap(),
    ])
    .start();
    kurs.wait_for("Modul von Kurs 1 ");
    kurs.send("\x1b[F");
    let screen = kurs.wait_for("Modul von Kurs 12");
    let selected = screen
        .lines()
        .find(|l| l.starts_with('›'))
        .unwrap_or_default();
    assert!(selected.contains("Modul von Kurs 12"), "{screen}");
    kurs.send("q");
    assert!(kurs.wait_exit().success(), "{}", kurs.text());
}
