//! Plain mode end to end: the real binary, driven line by line through stdin as a screen-reader
//! user or a script would, with the printed text and the stored progress checked afterwards.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use kurs::course::{Course, Depth, Module, Question, QuestionKind, Source, load};
use kurs::markdown;

const WAIT: Duration = Duration::from_secs(30);

/// One running `kurs --plain`, talked to like a learner at a terminal: wait for a prompt, type a line.
struct Kurs {
    child: Child,
    stdin: Option<ChildStdin>,
    output: Receiver<Vec<u8>>,
    /// Everything printed so far, byte for byte.
    all: Vec<u8>,
    /// How much of `all` earlier calls have returned.
    seen: usize,
}

fn kurs_command(progress: &Path, extra: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_kurs"));
    command
        .arg("--plain")
        .arg("--progress")
        .arg(progress)
        .args(["--seed", "1"])
        .args(extra)
        .env_remove("COLUMNS")
        .env_remove("KURS_COURSES")
        .env_remove("KURS_PROGRESS");
    command
}

impl Kurs {
    fn start(progress: &Path, extra: &[&str]) -> Kurs {
        Kurs::spawn(kurs_command(progress, extra))
    }

    fn spawn(mut command: Command) -> Kurs {
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start kurs");
        let mut stdout = child.stdout.take().expect("stdout is piped");
        let (send, output) = channel();
        std::thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while let Ok(n) = stdout.read(&mut buffer) {
                if n == 0 || send.send(buffer[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Kurs {
            stdin: child.stdin.take(),
            child,
            output,
            all: Vec::new(),
            seen: 0,
        }
    }

    /// The output up to the next prompt (a line ending in "> " that names the word for quitting).
    fn until_prompt(&mut self) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let new = String::from_utf8_lossy(&self.all[self.seen..]).into_owned();
            let last_line = new.rsplit('\n').next().unwrap_or("");
            if last_line.ends_with("> ")
                && (last_line.contains("ende“") || last_line.contains("quit”"))
            {
                self.seen = self.all.len();
                return new;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(bytes) => self.all.extend_from_slice(&bytes),
                Err(RecvTimeoutError::Timeout) => {
                    panic!("no prompt within {WAIT:?}; output so far:\n{new}")
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("kurs ended without a prompt; output:\n{new}")
                }
            }
        }
    }

    fn type_line(&mut self, line: &str) {
        let stdin = self.stdin.as_mut().expect("input still open");
        stdin.write_all(line.as_bytes()).expect("write to kurs");
        stdin.write_all(b"\n").expect("write to kurs");
        stdin.flush().expect("flush to kurs");
    }

    /// Types a line and returns what kurs prints until its next prompt, after the echo of the line.
    fn say(&mut self, line: &str) -> String {
        self.type_line(line);
        let screen = self.until_prompt();
        match screen.split_once('\n') {
            Some((_echo, rest)) => rest.to_string(),
            None => screen,
        }
    }

    /// Types a last line (or none) and waits for kurs to end on its own.
    fn last(mut self, line: Option<&str>) -> Ended {
        if let Some(line) = line {
            self.type_line(line);
        }
        self.end()
    }

    /// Closes the input (end of the script) and waits for kurs to end.
    fn end(mut self) -> Ended {
        drop(self.stdin.take());
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(bytes) => self.all.extend_from_slice(&bytes),
                Err(RecvTimeoutError::Disconnected) => break,
                Err(RecvTimeoutError::Timeout) => {
                    let _ = self.child.kill();
                    panic!(
                        "kurs did not end; output:\n{}",
                        String::from_utf8_lossy(&self.all)
                    );
                }
            }
        }
        let output = self.child.wait_with_output().expect("wait for kurs");
        Ended {
            rest: String::from_utf8_lossy(&self.all[self.seen..]).into_owned(),
            all: self.all,
            status: output.status,
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

struct Ended {
    /// What was printed after the last prompt returned.
    rest: String,
    all: Vec<u8>,
    status: ExitStatus,
    stderr: String,
}

impl Ended {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.all).into_owned()
    }
}

/// The number of the menu line that contains `text`, as the learner would find it by listening.
fn number_of(screen: &str, text: &str) -> String {
    screen
        .lines()
        .filter_map(|line| line.split_once(". "))
        .filter(|(n, rest)| {
            !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && rest.contains(text)
        })
        .map(|(n, _)| n.to_string())
        .next_back()
        .unwrap_or_else(|| panic!("no menu line with {text:?} in:\n{screen}"))
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The numbered lines at the end of a question: display number → text.
fn shown(screen: &str) -> Vec<(String, String)> {
    screen
        .lines()
        .skip_while(|line| !line.starts_with("Frage ") && !line.starts_with("Question "))
        .filter_map(|line| line.split_once(". "))
        .filter(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .map(|(n, text)| (n.to_string(), text.to_string()))
        .collect()
}

fn number_shown(shown: &[(String, String)], text: &str) -> String {
    let text = one_line(text);
    shown
        .iter()
        .rev()
        .find(|(_, t)| *t == text)
        .map(|(n, _)| n.clone())
        .unwrap_or_else(|| panic!("{text:?} is not among {shown:?}"))
}

/// The question on screen, found by its prompt as printed.
fn question_on<'a>(module: &'a Module, screen: &str) -> &'a Question {
    let quiz = module.quiz.as_ref().expect("the module has a quiz");
    quiz.questions
        .iter()
        .find(|q| {
            let first = markdown::render(&q.prompt, 80, markdown::Style::PLAIN)
                .iter()
                .map(|l| l.text())
                .find(|l| !l.trim().is_empty())
                .unwrap_or_default();
            screen.contains(first.trim())
        })
        .unwrap_or_else(|| panic!("no question of the module matches:\n{screen}"))
}

/// What a learner who knows (or does not know) the answer types, read off the screen.
fn answer_for(question: &Question, screen: &str, right: bool) -> String {
    let shown = shown(screen);
    match &question.kind {
        QuestionKind::Single { choices } => {
            let choice = choices
                .iter()
                .find(|c| c.correct == right)
                .expect("a choice");
            number_shown(&shown, &choice.text)
        }
        QuestionKind::Multiple { choices } => {
            if right {
                let numbers: Vec<String> = choices
                    .iter()
                    .filter(|c| c.correct)
                    .map(|c| number_shown(&shown, &c.text))
                    .collect();
                numbers.join(",")
            } else {
                let wrong = choices.iter().find(|c| !c.correct).expect("a wrong choice");
                number_shown(&shown, &wrong.text)
            }
        }
        QuestionKind::TrueFalse { answer } => {
            if *answer == right { "ja" } else { "nein" }.to_string()
        }
        QuestionKind::Text { accept } => {
            if right {
                accept[0].text.clone()
            } else {
                "ganz sicher falsch".to_string()
            }
        }
        QuestionKind::Order { items } => {
            if right {
                let numbers: Vec<String> = items
                    .iter()
                    .map(|item| number_shown(&shown, item))
                    .collect();
                numbers.join(" ")
            } else {
                // Items are never shown in the right order, so the order shown is wrong.
                (1..=items.len())
                    .map(|n| n.to_string())
                    .collect::<Vec<_>>()
                    .join(" ")
            }
        }
        QuestionKind::Match { pairs, .. } => {
            // Each item with the letter its partner is shown under; wrong: with the next
            // item's partner, so that no pair is right.
            let letter = |text: &str| {
                let text = one_line(text);
                screen
                    .lines()
                    .find_map(|line| {
                        let (letter, shown) = line.split_once(") ")?;
                        (letter.len() == 1 && shown == text).then(|| letter.to_string())
                    })
                    .unwrap_or_else(|| panic!("{text:?} is not a partner on screen"))
            };
            (0..pairs.len())
                .map(|item| {
                    let partner = if right {
                        item
                    } else {
                        (item + 1) % pairs.len()
                    };
                    format!("{}{}", item + 1, letter(&pairs[partner].right))
                })
                .collect::<Vec<_>>()
                .join(" ")
        }
        QuestionKind::Numeric { right: range, .. } => {
            let (min, max) = range.bounds();
            let value = if right {
                (min + max) / 2.0
            } else {
                max + 1000.0
            };
            // As a German learner types it.
            format!("{value}").replace('.', ",")
        }
    }
}

fn sample_c2() -> (Course, Module) {
    let (library, _) = load(&Source::Samples, Depth::Full);
    let course = library
        .courses
        .into_iter()
        .find(|c| c.id == "digitale-kompetenzen")
        .expect("the sample course digitale-kompetenzen");
    let module = course
        .module("c2-messenger-sms")
        .expect("module C2")
        .clone();
    (course, module)
}

/// From the first prompt to the menu of module C2 of the sample course.
fn open_c2(kurs: &mut Kurs) -> String {
    let mut screen = kurs.until_prompt();
    if screen.contains("Kurs wählen") {
        screen = kurs.say(&number_of(&screen, "Digitale Kompetenzen"));
    }
    let number = number_of(&screen, "C2 Messenger & SMS");
    kurs.say(&number)
}

/// Answers every question of the run on screen, right or wrong by `right(n)`; returns the result screen.
fn answer_quiz(
    kurs: &mut Kurs,
    module: &Module,
    mut screen: String,
    right: impl Fn(usize) -> bool,
) -> String {
    let mut n = 0;
    while !screen.contains("Ergebnis:") && !screen.contains("Result:") {
        let question = question_on(module, &screen);
        screen = kurs.say(&answer_for(question, &screen, right(n)));
        n += 1;
        assert!(n < 100, "the quiz does not end");
    }
    screen
}

fn progress_json(progress: &Path, extra: &[&str]) -> serde_json::Value {
    let output = Command::new(env!("CARGO_BIN_EXE_kurs"))
        .args(["progress", "--json", "--progress"])
        .arg(progress)
        .args(extra)
        .env_remove("KURS_COURSES")
        .output()
        .expect("run kurs progress");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("kurs progress --json prints JSON")
}

fn module_json(json: &serde_json::Value, course: &str, module: &str) -> serde_json::Value {
    json["courses"]
        .as_array()
        .and_then(|courses| courses.iter().find(|c| c["id"] == course))
        .and_then(|c| c["modules"].as_array())
        .and_then(|modules| modules.iter().find(|m| m["id"] == module))
        .cloned()
        .unwrap_or_else(|| panic!("no {course}/{module} in {json:#}"))
}

/// Every byte that could start or be part of a terminal control sequence: C0 except line breaks, DEL, C1.
fn control_characters(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| (c.is_control() && c != '\n') || c == '\u{7f}')
        .collect()
}

/// A small German course with one question of each type, never shuffled, in a temporary folder.
fn mini_course(dir: &Path) -> PathBuf {
    let course = dir.join("mini");
    std::fs::create_dir_all(&course).expect("create course folder");
    std::fs::write(
        course.join("course.toml"),
        r#"id = "mini"
title = "Mini"
language = "de"
modules = ["m1.toml"]
"#,
    )
    .expect("write course.toml");
    std::fs::write(
        course.join("m1.toml"),
        r#"id = "m1-alles"
code = "M1"
title = "Alle Fragetypen"

[[section]]
title = "Erster Abschnitt"
body = "Ein **kurzer** Text."

[[section]]
title = "Zweiter Abschnitt"
body = "- eins\n- zwei"

[quiz]
shuffle = false

[[quiz.question]]
type = "single"
prompt = "Einzelfrage?"
[[quiz.question.choice]]
text = "Falsch A"
[[quiz.question.choice]]
text = "Richtig B"
correct = true

[[quiz.question]]
type = "multiple"
prompt = "Mehrfachfrage?"
[[quiz.question.choice]]
text = "Ja 1"
correct = true
[[quiz.question.choice]]
text = "Nein 2"
[[quiz.question.choice]]
text = "Ja 3"
correct = true

[[quiz.question]]
type = "true_false"
prompt = "Wahrfrage?"
answer = true

[[quiz.question]]
type = "text"
prompt = "Textfrage?"
accept = ["Antwort"]

[[quiz.question]]
type = "order"
prompt = "Reihenfolge?"
items = ["erstens", "zweitens", "drittens"]
"#,
    )
    .expect("write m1.toml");
    course
}

fn mini(dir: &Path) -> Kurs {
    let course = mini_course(dir);
    Kurs::start(
        &dir.join("p.toml"),
        &[course.to_str().expect("UTF-8 temp path")],
    )
}

/// From the start to the first question of the mini course.
fn mini_quiz(kurs: &mut Kurs) -> String {
    let screen = kurs.until_prompt();
    let screen = kurs.say(&number_of(&screen, "M1 Alle Fragetypen"));
    kurs.say(&number_of(&screen, "Quiz machen"))
}

#[test]
fn sample_course_c2_read_answered_wrong_and_right_marked_learned_and_quit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let progress = dir.path().join("p.toml");
    let (_, module) = sample_c2();
    let mut kurs = Kurs::start(&progress, &[]);

    let menu = open_c2(&mut kurs);
    assert!(
        menu.contains("Modul C2 Messenger & SMS: nicht begonnen"),
        "{menu}"
    );
    let read = kurs.say(&number_of(&menu, "Alle Abschnitte lesen"));
    for (i, section) in module.sections.iter().enumerate() {
        let heading = format!(
            "Abschnitt {} von {}: {}",
            i + 1,
            module.sections.len(),
            section.title
        );
        assert!(read.contains(&heading), "missing {heading:?} in:\n{read}");
    }

    // First attempt: every other answer wrong.
    let first = kurs.say(&number_of(&read, "Quiz machen"));
    assert!(first.contains("Frage 1 von 6"), "{first}");
    let result = answer_quiz(&mut kurs, &module, first, |n| n % 2 == 0);
    assert!(
        result.contains("Ergebnis: 3 von 6 Punkten (50 %)"),
        "{result}"
    );
    assert!(
        result.contains("Nicht bestanden. Bestanden ab 60 %."),
        "{result}"
    );
    assert!(
        result.contains("✓ Richtig") && result.contains("✗ Leider falsch"),
        "{result}"
    );

    // Second attempt: only the wrong ones, now right; the right ones are carried.
    let again = kurs.say(&number_of(&result, "Falsche Antworten wiederholen"));
    assert!(again.contains("Frage 1 von 3"), "{again}");
    let result = answer_quiz(&mut kurs, &module, again, |_| true);
    assert!(
        result.contains("Ergebnis: 6 von 6 Punkten (100 %)"),
        "{result}"
    );
    assert!(result.contains("Bestanden. Bestanden ab 60 %."), "{result}");
    assert!(
        result.contains("3 Fragen waren schon im letzten Versuch richtig"),
        "{result}"
    );
    assert!(
        result.contains("Modul C2 Messenger & SMS: bestanden, beste Punktzahl 100 %"),
        "{result}"
    );

    let menu = kurs.say("zurück");
    let marked = kurs.say(&number_of(&menu, "Als „Gelernt“ markieren"));
    assert!(marked.contains("„Gelernt“ zurücknehmen"), "{marked}");
    let ended = kurs.last(Some("ende"));
    assert!(ended.status.success(), "{}", ended.stderr);
    assert!(ended.rest.contains("Tschüss!"), "{}", ended.rest);

    let json = progress_json(&progress, &[]);
    let c2 = module_json(&json, "digitale-kompetenzen", "c2-messenger-sms");
    assert_eq!(c2["status"], "passed", "{c2:#}");
    assert_eq!(c2["learned"], true, "{c2:#}");
    assert_eq!(c2["attempts"], 2, "{c2:#}");
    assert_eq!(c2["best_percent"], 100, "{c2:#}");
    assert_eq!(c2["passed"], true, "{c2:#}");
    let course_file =
        kurs::progress::ProgressStore::courses_folder(&progress).join("digitale-kompetenzen.toml");
    let stored: toml::Table = std::fs::read_to_string(&course_file)
        .expect("the course's progress file")
        .parse()
        .expect("progress is TOML");
    let opened = &stored["courses"]["digitale-kompetenzen"]["modules"]["c2-messenger-sms"]["opened_sections"];
    // Stored as one run of sections, the first to the last.
    let expected = format!("0-{}", module.sections.len() - 1);
    assert_eq!(
        opened.as_str(),
        Some(expected.as_str()),
        "every section was read"
    );
}

#[test]
fn wrong_answers_get_the_right_answer_and_the_explanation() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, module) = sample_c2();
    let mut kurs = Kurs::start(&dir.path().join("p.toml"), &[]);
    let menu = open_c2(&mut kurs);
    let mut screen = kurs.say(&number_of(&menu, "Quiz machen"));
    let question = question_on(&module, &screen);
    screen = kurs.say(&answer_for(question, &screen, false));
    assert!(screen.contains("✗ Leider falsch"), "{screen}");
    assert!(screen.contains("Richtige Antwort"), "{screen}");
    if question.explanation.is_some() {
        assert!(screen.contains("Erklärung:"), "{screen}");
    }
    let ended = kurs.last(Some("ende"));
    assert!(ended.status.success());
}

#[test]
fn the_next_start_resumes_in_the_last_module() {
    let dir = tempfile::tempdir().expect("temp dir");
    let progress = dir.path().join("p.toml");
    let mut kurs = Kurs::start(&progress, &[]);
    let menu = open_c2(&mut kurs);
    kurs.say(&number_of(&menu, "Einen Abschnitt lesen"));
    let read = kurs.say("2");
    assert!(read.contains("Abschnitt 2 von"), "{read}");
    assert!(
        read.contains("2. Messenger für die Arbeit im Vergleich (gelesen)"),
        "{read}"
    );
    assert!(kurs.last(Some("ende")).status.success());

    let mut kurs = Kurs::start(&progress, &[]);
    let screen = kurs.until_prompt();
    assert!(
        screen.starts_with("Weiter bei Modul C2 Messenger & SMS, Abschnitt „Messenger für die Arbeit im Vergleich“."),
        "{screen}"
    );
    assert!(
        screen.contains("Modul C2 Messenger & SMS: begonnen"),
        "{screen}"
    );
    assert!(kurs.end().status.success());
}

#[test]
fn a_table_is_announced_and_told_one_row_to_a_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut kurs = Kurs::start(&dir.path().join("p.toml"), &[]);
    let menu = open_c2(&mut kurs);
    let sections = kurs.say(&number_of(&menu, "Einen Abschnitt lesen"));
    let read = kurs.say(&number_of(
        &sections,
        "Messenger für die Arbeit im Vergleich",
    ));
    assert!(control_characters(&read).is_empty(), "{read:?}");
    let lines: Vec<&str> = read.lines().collect();
    let announced = lines
        .iter()
        .position(|line| *line == "Tabelle mit 4 Zeilen und 4 Spalten:")
        .unwrap_or_else(|| panic!("no announcement in:\n{read}"));
    // A row starts at the start of a line; a row too long for one goes on indented.
    let rows: Vec<&str> = lines[announced + 1..]
        .iter()
        .take_while(|line| !line.is_empty())
        .filter(|line| !line.starts_with("  "))
        .copied()
        .collect();
    let firsts: Vec<&str> = rows
        .iter()
        .filter_map(|row| row.split(';').next())
        .collect();
    assert_eq!(
        firsts,
        [
            "Dienst: Slack",
            "Dienst: Microsoft Teams",
            "Dienst: Mattermost",
            "Dienst: Rocket.Chat"
        ],
        "{read}"
    );
    assert!(
        rows[2]
            .starts_with("Dienst: Mattermost; Quellcode: offen; Wo er läuft: auf eigenen Servern;"),
        "{read}"
    );
    assert!(!read.contains('│') && !read.contains('═'), "{read}");
    assert!(kurs.end().status.success());
}

#[test]
fn struck_out_text_task_boxes_and_footnotes_are_said_in_words() {
    let dir = tempfile::tempdir().expect("temp dir");
    let course = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/player/tabelle-en");
    let mut kurs = Kurs::start(
        &dir.path().join("p.toml"),
        &[course.to_str().expect("UTF-8 path")],
    );
    let menu = kurs.until_prompt();
    let module = kurs.say(&number_of(&menu, "M1 Messengers compared"));
    let read = kurs.say(&number_of(&module, "Read all sections"));
    for line in [
        "Table with 3 rows and 4 columns:",
        "Service: Slack; Source code: closed; Runs on: the provider's cloud; Good for:",
        "Service: Mattermost; Source code: open; Runs on: your own servers; Good for:",
        "done: Service chosen",
        "to do: (struck out: Share the address book) Address book blocked[1]",
        "Footnotes:",
        "[1] Sharing it needs the consent of every person in it.",
    ] {
        assert!(read.lines().any(|l| l == line), "no {line:?} in:\n{read}");
    }
    assert!(kurs.end().status.success());
}

#[test]
fn bad_answers_get_one_sentence_and_the_question_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut kurs = mini(dir.path());
    let mut question = mini_quiz(&mut kurs);
    assert!(question.contains("Frage 1 von 5"), "{question}");
    let cases: [(&str, &[&str], &str); 5] = [
        (
            "2",
            &["0", "3", "1,2", "zwei"],
            "Bitte genau eine Nummer eingeben, zum Beispiel 2.",
        ),
        (
            "1,3",
            &["1,1", "4", "alle"],
            "Bitte eine oder mehrere Nummern eingeben, zum Beispiel 1,3 oder 1 3.",
        ),
        (
            "ja",
            &["vielleicht", "3"],
            "Bitte „ja“ oder „nein“ eingeben (auch: wahr/falsch).",
        ),
        ("Antwort", &["   "], "Bitte eine Antwort eingeben."),
        (
            "",
            &["1 2", "1 1 2", "1 2 4", "erst"],
            "Bitte alle Nummern in der richtigen Reihenfolge eingeben, zum Beispiel 3 1 2.",
        ),
    ];
    for (n, (right, bad, expected)) in cases.iter().enumerate() {
        // Order items are always shuffled: the right numbers are read off the screen.
        let right = if right.is_empty() {
            let shown = shown(&question);
            ["erstens", "zweitens", "drittens"]
                .map(|item| number_shown(&shown, item))
                .join(" ")
        } else {
            right.to_string()
        };
        for line in *bad {
            let screen = kurs.say(line);
            let lines: Vec<&str> = screen.lines().collect();
            assert_eq!(
                lines.len(),
                2,
                "one sentence and the prompt again for {line:?}:\n{screen}"
            );
            assert_eq!(lines[0], *expected, "{line:?}");
            assert!(
                !screen.contains("Frage "),
                "the question is not repeated in full: {screen}"
            );
        }
        question = kurs.say(&right);
        assert_eq!(
            question.lines().next(),
            Some("✓ Richtig"),
            "question {} with {right:?}:\n{question}",
            n + 1
        );
    }
    let ended = kurs.last(Some("ende"));
    assert!(ended.text().contains("Ergebnis: 5 von 5 Punkten (100 %)"));
}

#[test]
fn empty_lines_are_refused_at_menus_and_questions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut kurs = mini(dir.path());
    let screen = kurs.until_prompt();
    let again = kurs.say("");
    assert_eq!(
        again.lines().next(),
        Some("Bitte 1 eingeben, die einzige Nummer der Liste."),
        "{again}"
    );
    let screen = kurs.say(&number_of(&screen, "M1 Alle Fragetypen"));
    let screen = kurs.say(&number_of(&screen, "Quiz machen"));
    assert!(screen.contains("Frage 1 von 5"));
    let again = kurs.say("");
    assert_eq!(
        again.lines().next(),
        Some("Bitte genau eine Nummer eingeben, zum Beispiel 2."),
        "{again}"
    );
    let ended = kurs.last(Some("/ende"));
    assert!(ended.status.success());
    let stored = std::fs::read_to_string(dir.path().join("p.toml")).unwrap_or_default();
    assert!(
        !stored.contains("questions"),
        "nothing was answered:\n{stored}"
    );
}

#[test]
fn an_extremely_long_line_is_refused_and_the_session_goes_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut kurs = mini(dir.path());
    let screen = kurs.until_prompt();
    let long = "7".repeat(1_000_000);
    let again = kurs.say(&long);
    assert!(
        again.contains("Bitte 1 eingeben, die einzige Nummer der Liste."),
        "{}",
        &again[..again.len().min(500)]
    );
    assert!(
        again.len() < 2_000,
        "the echo of a huge line is cut: {} bytes",
        again.len()
    );
    let screen = kurs.say(&number_of(&screen, "M1 Alle Fragetypen"));
    let screen = kurs.say(&number_of(&screen, "Quiz machen"));
    assert!(screen.contains("Frage 1 von 5"));
    // A huge text answer is just wrong, not a problem.
    kurs.say("2");
    kurs.say("1 3");
    kurs.say("ja");
    let screen = kurs.say(&"ä".repeat(500_000));
    assert!(
        screen.contains("✗ Leider falsch"),
        "{}",
        &screen[..screen.len().min(500)]
    );
    let ended = kurs.last(Some("ende"));
    assert!(ended.status.success(), "{}", ended.stderr);
}

#[test]
fn end_of_input_in_the_middle_of_a_question_saves_and_exits_cleanly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let progress = dir.path().join("p.toml");
    let mut kurs = mini(dir.path());
    mini_quiz(&mut kurs);
    let second = kurs.say("2");
    assert!(second.contains("Frage 2 von 5"), "{second}");
    let ended = kurs.end();
    assert!(
        ended.status.success(),
        "exit {:?}: {}",
        ended.status,
        ended.stderr
    );
    assert_eq!(
        ended.rest,
        "\nEingabe beendet. Fortschritt gespeichert. Tschüss!\n"
    );

    let course = dir.path().join("mini");
    let json = progress_json(&progress, &[course.to_str().expect("UTF-8")]);
    let m1 = module_json(&json, "mini", "m1-alles");
    assert_eq!(m1["status"], "in_progress", "{m1:#}");
    assert_eq!(
        m1["attempts"], 0,
        "an unfinished attempt is not recorded: {m1:#}"
    );
    let course_file = kurs::progress::ProgressStore::courses_folder(&progress).join("mini.toml");
    let stored = std::fs::read_to_string(&course_file).expect("the course's progress file");
    assert!(stored.contains("last_module = \"m1-alles\""), "{stored}");
    assert!(
        stored.contains("[courses.mini.modules.m1-alles.questions]\nq1 = \""),
        "{stored}"
    );
}

#[test]
fn end_of_input_in_the_middle_of_a_line_still_counts_the_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut kurs = mini(dir.path());
    mini_quiz(&mut kurs);
    let stdin = kurs.stdin.as_mut().expect("input open");
    stdin.write_all(b"2").expect("write");
    let ended = kurs.end();
    assert!(ended.status.success());
    assert!(ended.rest.contains("✓ Richtig"), "{}", ended.rest);
    assert!(
        ended
            .rest
            .ends_with("Eingabe beendet. Fortschritt gespeichert. Tschüss!\n"),
        "{}",
        ended.rest
    );
}

#[test]
fn back_leaves_the_quiz_and_quit_words_work_in_both_languages() {
    for quit in ["ende", "quit", "Q", "ENDE"] {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut kurs = mini(dir.path());
        mini_quiz(&mut kurs);
        // In a question a command carries its mark: "/zurück", "/back".
        let menu = kurs.say("/back");
        assert!(menu.contains("Quiz machen"), "{menu}");
        let ended = kurs.last(Some(quit));
        assert!(ended.status.success());
        assert!(
            ended.rest.ends_with("Fortschritt gespeichert. Tschüss!\n"),
            "{quit}: {}",
            ended.rest
        );
    }
}

#[test]
fn lang_en_speaks_english() {
    let dir = tempfile::tempdir().expect("temp dir");
    let course = mini_course(dir.path());
    let mut kurs = Kurs::start(
        &dir.path().join("p.toml"),
        &["--lang", "en", course.to_str().expect("UTF-8")],
    );
    let screen = kurs.until_prompt();
    assert!(
        screen.contains("Module M1 Alle Fragetypen: not started"),
        "{screen}"
    );
    assert!(
        screen.contains("Choose a module: type a number, “back” or “quit” > "),
        "{screen}"
    );
    let screen = kurs.say("1");
    let screen = kurs.say(&number_of(&screen, "Take the quiz"));
    assert!(screen.contains("Question 1 of 5"), "{screen}");
    let screen = kurs.say("1");
    assert!(screen.contains("✗ Sorry, that is wrong"), "{screen}");
    assert!(screen.contains("Right answer: Richtig B"), "{screen}");
    let ended = kurs.end();
    assert!(
        ended
            .rest
            .contains("End of input. Progress saved. Goodbye!")
    );
}

#[test]
fn output_that_is_not_a_terminal_gets_plain_mode_without_asking() {
    let dir = tempfile::tempdir().expect("temp dir");
    let course = mini_course(dir.path());
    let output = Command::new(env!("CARGO_BIN_EXE_kurs"))
        .arg("--progress")
        .arg(dir.path().join("p.toml"))
        .arg(&course)
        .stdin(Stdio::null())
        .output()
        .expect("run kurs");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success());
    assert!(
        text.contains("1. Modul M1 Alle Fragetypen: nicht begonnen"),
        "{text}"
    );
    assert!(
        text.ends_with("Eingabe beendet. Fortschritt gespeichert. Tschüss!\n"),
        "{text}"
    );
}

#[test]
fn a_whole_session_prints_no_control_characters() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, module) = sample_c2();
    let mut kurs = Kurs::start(&dir.path().join("p.toml"), &[]);
    let menu = open_c2(&mut kurs);
    let read = kurs.say(&number_of(&menu, "Alle Abschnitte lesen"));
    let first = kurs.say(&number_of(&read, "Quiz machen"));
    let result = answer_quiz(&mut kurs, &module, first, |n| n % 3 == 0);
    kurs.say(&number_of(&result, "Alle Fragen wiederholen"));
    // Typed escape sequences are echoed harmlessly, too.
    kurs.say("\u{1b}[2J\u{9b}31m\u{7}");
    let ended = kurs.last(Some("ende"));
    assert!(ended.status.success());
    let text = ended.text();
    assert!(!ended.all.contains(&0x1b), "an ESC byte was printed");
    assert_eq!(control_characters(&text), Vec::<char>::new(), "{text}");
}

#[test]
fn bidi_controls_and_invisible_characters_in_course_text_are_replaced() {
    let dir = tempfile::tempdir().expect("temp dir");
    let course = mini_course(dir.path());
    let module = course.join("m1.toml");
    let text = std::fs::read_to_string(&module).expect("read m1.toml");
    let text = text
        .replace(
            "Ein **kurzer** Text.",
            "Ein \u{202E}**kurzer**\u{2069} Text\u{200B}.",
        )
        .replace(
            "title = \"Erster Abschnitt\"",
            "title = \"Erster\u{2066} Abschnitt\"",
        );
    std::fs::write(&module, text).expect("write m1.toml");
    let mut kurs = Kurs::start(
        &dir.path().join("p.toml"),
        &[course.to_str().expect("UTF-8")],
    );
    let screen = kurs.until_prompt();
    let menu = kurs.say(&number_of(&screen, "M1 Alle Fragetypen"));
    kurs.say(&number_of(&menu, "Alle Abschnitte lesen"));
    let ended = kurs.end();
    let text = ended.text();
    assert!(
        !text.chars().any(kurs::safe_text::is_invisible),
        "an invisible character was printed: {text:?}"
    );
    assert!(text.contains("Erster\u{FFFD} Abschnitt"), "{text}");
    assert!(
        text.contains("Ein \u{FFFD}kurzer\u{FFFD} Text\u{FFFD}."),
        "{text}"
    );
}

#[test]
fn a_file_name_with_escape_sequences_is_printed_harmlessly() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A folder where the progress file should be: kurs cannot read it and says so, naming the path.
    let hostile = dir.path().join("\u{1b}]0;owned\u{7}\u{1b}[31mp.toml");
    std::fs::create_dir(&hostile).expect("create folder");
    let course = mini_course(dir.path());
    let mut kurs = Kurs::start(&hostile, &[course.to_str().expect("UTF-8")]);
    let screen = kurs.until_prompt();
    assert!(
        screen.contains("p.toml"),
        "the notice names the file: {screen}"
    );
    let ended = kurs.end();
    assert!(!ended.all.contains(&0x1b), "{}", ended.text());
    assert_eq!(control_characters(&ended.text()), Vec::<char>::new());
}

#[test]
fn a_module_file_given_opens_that_module() {
    let dir = tempfile::tempdir().expect("temp dir");
    let course = mini_course(dir.path());
    let mut kurs = Kurs::start(
        &dir.path().join("p.toml"),
        &[course.join("m1.toml").to_str().expect("UTF-8")],
    );
    let screen = kurs.until_prompt();
    assert!(
        screen.starts_with("\nModul M1 Alle Fragetypen: nicht begonnen"),
        "{screen}"
    );
    assert!(screen.contains("Aktion wählen"), "{screen}");
    assert!(kurs.end().status.success());
}

#[test]
fn a_module_with_an_error_past_its_title_is_told_in_one_sentence() {
    let dir = tempfile::tempdir().expect("temp dir");
    let course = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/player/broken-body");
    let mut kurs = Kurs::start(
        &dir.path().join("p.toml"),
        &[course.to_str().expect("UTF-8 path")],
    );
    let screen = kurs.until_prompt();
    let screen = kurs.say(&number_of(&screen, "K1 Ein Modul mit Fehler"));
    assert!(
        screen.contains("„K1 Ein Modul mit Fehler“ lässt sich nicht öffnen")
            && screen.contains("kaputt.toml:13:10"),
        "{screen}"
    );
    let screen = kurs.say(&number_of(&screen, "G1 Ein gutes Modul"));
    assert!(
        screen.contains("Modul G1 Ein gutes Modul: nicht begonnen"),
        "{screen}"
    );
}

/// A script learns from the exit status that progress could not be saved: plain mode says so
/// in its last line and exits 2.
#[test]
fn a_session_whose_progress_could_not_be_saved_exits_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The progress file's folder is a regular file: nothing can be saved there.
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "").unwrap();
    let kurs = Kurs::start(&blocker.join("progress.toml"), &["--lang", "en"]);
    // A course, a module (opening it saves the place), then the input ends.
    let ended = kurs.last(Some("1\n1"));
    assert_eq!(ended.status.code(), Some(2), "{}", ended.text());
    assert!(
        ended.text().contains("Progress could not be saved"),
        "{}",
        ended.text()
    );
}

/// `kurs --plain … | head -1`: a reader that stops early ends kurs quietly, with the status of
/// a program stopped by a closed pipe (141), not a message or a panic.
#[test]
fn output_into_a_closed_pipe_ends_quietly_with_status_141() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A pipe whose reader has gone before kurs starts: every write meets a closed pipe.
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let mut child = kurs_command(&dir.path().join("p.toml"), &[])
        .stdin(Stdio::piped())
        .stdout(writer)
        .stderr(Stdio::piped())
        .spawn()
        .expect("start kurs");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let _ = stdin.write_all("1\n1\n1\n".repeat(50).as_bytes());
    drop(stdin);
    let output = child.wait_with_output().expect("wait for kurs");
    assert_eq!(output.status.code(), Some(141), "{output:?}");
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

/// `kurs schema`, `kurs check` and `kurs progress` into a closed pipe end the same way.
#[test]
fn every_command_ends_quietly_when_its_reader_has_gone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let progress = dir.path().join("p.toml");
    let commands: [&[&str]; 3] = [
        &["schema", "module"],
        &["check", "courses"],
        &[
            "progress",
            "--progress",
            progress.to_str().unwrap(),
            "--json",
        ],
    ];
    for args in commands {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let child = Command::new(env!("CARGO_BIN_EXE_kurs"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env_remove("KURS_COURSES")
            .stdout(writer)
            .stderr(Stdio::piped())
            .spawn()
            .expect("start kurs");
        let output = child.wait_with_output().expect("wait for kurs");
        assert_eq!(output.status.code(), Some(141), "{args:?}: {output:?}");
        assert_eq!(String::from_utf8_lossy(&output.stderr), "", "{args:?}");
    }
}

/// Inside a question, what the learner types is an answer: a text question whose right answer
/// is one of plain mode's words is graded, and only the marked word leaves.
#[test]
fn a_right_answer_that_is_a_command_word_is_graded_not_obeyed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let course = dir.path().join("worte");
    std::fs::create_dir_all(&course).unwrap();
    std::fs::write(
        course.join("course.toml"),
        "id = \"worte\"\ntitle = \"Worte\"\nlanguage = \"de\"\nmodules = [\"m1.toml\"]\n",
    )
    .unwrap();
    let questions: String = ["zurück", "Ende", "q", "back"]
        .iter()
        .map(|word| {
            format!(
                "[[quiz.question]]\ntype = \"text\"\nprompt = \"Das Wort {word}?\"\naccept = [\"{word}\"]\n\n"
            )
        })
        .collect();
    std::fs::write(
        course.join("m1.toml"),
        format!(
            "id = \"m1\"\ntitle = \"Worte\"\n\n[[section]]\ntitle = \"Text\"\nbody = \"Text.\"\n\n[quiz]\nshuffle = false\n\n{questions}"
        ),
    )
    .unwrap();
    let mut kurs = Kurs::start(&dir.path().join("p.toml"), &[course.to_str().unwrap()]);
    let screen = kurs.until_prompt();
    let screen = kurs.say(&number_of(&screen, "Worte"));
    let screen = kurs.say(&number_of(&screen, "Quiz machen"));
    assert!(screen.contains("„/zurück“, „/ende“"), "{screen}");
    for word in ["zurück", "Ende", "q", "back"] {
        let graded = kurs.say(word);
        assert!(graded.contains("✓ Richtig"), "{word}: {graded}");
    }
    let ended = kurs.last(Some("/ende"));
    assert!(ended.status.success(), "{}", ended.text());
    assert!(ended.rest.contains("Tschüss"), "{}", ended.rest);
}

/// The mini course with an order question of five items instead of three.
fn mini_five(dir: &Path) -> Kurs {
    let course = mini_course(dir);
    let module = course.join("m1.toml");
    let text = std::fs::read_to_string(&module).expect("read m1.toml");
    let text = text.replace(
        r#"items = ["erstens", "zweitens", "drittens"]"#,
        r#"items = ["erstens", "zweitens", "drittens", "viertens", "fünftens"]"#,
    );
    std::fs::write(&module, text).expect("write m1.toml");
    Kurs::start(&dir.join("p.toml"), &[course.to_str().expect("UTF-8")])
}

#[test]
fn help_is_announced_once_and_names_the_commands_of_each_place() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut kurs = mini(dir.path());
    let screen = kurs.until_prompt();
    assert!(
        screen.contains("Tippe „hilfe“ für alle Befehle, in einer Frage „/hilfe“."),
        "{screen}"
    );
    let help = kurs.say("hilfe");
    for command in [
        "- 1: wählt den Eintrag",
        "„suche WORT“",
        "„übersicht“",
        "„liste“",
        "„zurück“",
        "„ende“",
    ] {
        assert!(help.contains(command), "{command:?} missing in:\n{help}");
    }
    let menu = kurs.say(&number_of(&screen, "M1 Alle Fragetypen"));
    assert!(!menu.contains("Tippe „hilfe“"), "told once only:\n{menu}");
    let help = kurs.say("?");
    for command in [
        "- eine Zahl von 1 bis 4",
        "„inhalt“",
        "„abschnitt N“",
        "„suche WORT“",
    ] {
        assert!(help.contains(command), "{command:?} missing in:\n{help}");
    }
    assert!(!help.contains("„übersicht“"), "{help}");
    kurs.say(&number_of(&menu, "Quiz machen"));
    let help = kurs.say("/hilfe");
    for command in [
        "- Nummer der Antwort eingeben",
        "„/liste“: liest die Frage noch einmal vor",
        "„/zurück“: verlässt das Quiz",
        "„/ende“",
    ] {
        assert!(help.contains(command), "{command:?} missing in:\n{help}");
    }
    // Bare "hilfe" in a question is an answer, so it is refused as one.
    let refused = kurs.say("hilfe");
    assert!(refused.starts_with("Bitte genau eine Nummer"), "{refused}");
    assert!(kurs.last(Some("/ende")).status.success());
}

#[test]
fn help_in_english_uses_the_english_words() {
    let dir = tempfile::tempdir().expect("temp dir");
    let course = mini_course(dir.path());
    let mut kurs = Kurs::start(
        &dir.path().join("p.toml"),
        &["--lang", "en", course.to_str().expect("UTF-8")],
    );
    let screen = kurs.until_prompt();
    assert!(screen.contains("Type “help” for every command"), "{screen}");
    let help = kurs.say("help");
    assert!(
        help.contains("“search WORD”: finds the word in every module"),
        "{help}"
    );
    assert!(help.contains("“overview”"), "{help}");
    assert!(kurs.end().status.success());
}

#[test]
fn list_says_the_menu_again_and_an_empty_line_says_how() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut kurs = mini(dir.path());
    kurs.until_prompt();
    let again = kurs.say("liste");
    assert!(again.contains("1. Modul M1 Alle Fragetypen"), "{again}");
    let empty = kurs.say("");
    let lines: Vec<&str> = empty.lines().collect();
    assert_eq!(lines[0], "Bitte 1 eingeben, die einzige Nummer der Liste.");
    assert_eq!(
        lines[1],
        "„liste“ liest die Liste noch einmal vor, „hilfe“ nennt alle Befehle."
    );
    let menu = kurs.say("1");
    let question = kurs.say(&number_of(&menu, "Quiz machen"));
    assert!(question.contains("Frage 1 von 5"), "{question}");
    let again = kurs.say("/liste");
    assert!(
        again.contains("Frage 1 von 5") && again.contains("Einzelfrage?"),
        "{again}"
    );
    assert!(kurs.last(Some("/ende")).status.success());
}

#[test]
fn a_number_out_of_range_names_the_range_in_every_menu() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut kurs = mini(dir.path());
    kurs.until_prompt();
    let said = kurs.say("9");
    assert!(
        said.starts_with("Bitte 1 eingeben, die einzige Nummer der Liste."),
        "{said}"
    );
    let menu = kurs.say("1");
    let said = kurs.say("9");
    assert!(
        said.starts_with("Bitte eine Zahl von 1 bis 4 eingeben."),
        "{said}"
    );
    kurs.say(&number_of(&menu, "Einen Abschnitt lesen"));
    let said = kurs.say("0");
    assert!(
        said.starts_with("Bitte eine Zahl von 1 bis 2 eingeben."),
        "{said}"
    );
    let menu = kurs.say("zurück");
    let mut screen = kurs.say(&number_of(&menu, "Quiz machen"));
    let module = {
        let (library, _) = load(&Source::Path(dir.path().join("mini")), Depth::Full);
        library.courses[0].modules[0].clone()
    };
    screen = answer_quiz(&mut kurs, &module, screen, |_| false);
    assert!(screen.contains("Nicht bestanden"), "{screen}");
    let said = kurs.say("5");
    assert!(
        said.starts_with("Bitte eine Zahl von 1 bis 2 eingeben."),
        "{said}"
    );
    assert!(kurs.last(Some("ende")).status.success());
}

#[test]
fn marking_learned_and_taking_it_back_is_said_in_words() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut kurs = mini(dir.path());
    let screen = kurs.until_prompt();
    let menu = kurs.say(&number_of(&screen, "M1 Alle Fragetypen"));
    let marked = kurs.say(&number_of(&menu, "Als „Gelernt“ markieren"));
    assert!(
        marked.starts_with("„M1 Alle Fragetypen“ ist als gelernt markiert.\n"),
        "{marked}"
    );
    let undone = kurs.say(&number_of(&marked, "„Gelernt“ zurücknehmen"));
    assert!(
        undone.starts_with("„M1 Alle Fragetypen“ ist nicht mehr als gelernt markiert.\n"),
        "{undone}"
    );
    assert!(kurs.last(Some("ende")).status.success());
}

#[test]
fn leaving_a_quiz_is_said_in_the_middle_and_at_the_result() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut kurs = mini(dir.path());
    mini_quiz(&mut kurs);
    kurs.say("2");
    let left = kurs.say("/zurück");
    assert!(
        left.starts_with("Quiz verlassen; deine Antworten bis hier sind gespeichert, dieser Versuch wird nicht gewertet.\n"),
        "{left}"
    );
    assert!(
        left.contains("Quiz machen"),
        "back in the module menu: {left}"
    );
    let mut screen = kurs.say(&number_of(&left, "Quiz machen"));
    let module = {
        let (library, _) = load(&Source::Path(dir.path().join("mini")), Depth::Full);
        library.courses[0].modules[0].clone()
    };
    screen = answer_quiz(&mut kurs, &module, screen, |_| true);
    assert!(screen.contains("Ergebnis: 5 von 5"), "{screen}");
    let left = kurs.say("zurück");
    assert!(
        left.starts_with("Quiz verlassen; das Ergebnis ist gespeichert.\n"),
        "{left}"
    );
    assert!(kurs.last(Some("ende")).status.success());
}

#[test]
fn the_order_example_has_as_many_numbers_as_the_question_has_items() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut kurs = mini_five(dir.path());
    mini_quiz(&mut kurs);
    kurs.say("2");
    kurs.say("1 3");
    kurs.say("ja");
    let order = kurs.say("Antwort");
    assert!(
        order.contains(
            "Nummern in der richtigen Reihenfolge eingeben, zum Beispiel 5 1 2 3 4 (oder"
        ),
        "{order}"
    );
    let refused = kurs.say("3 1 2");
    assert_eq!(
        refused.lines().next(),
        Some("Bitte alle Nummern in der richtigen Reihenfolge eingeben, zum Beispiel 5 1 2 3 4."),
        "{refused}"
    );
    assert!(kurs.last(Some("/ende")).status.success());
}

#[test]
fn after_passing_a_quiz_the_next_module_not_passed_is_offered_and_opens() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, module) = sample_c2();
    let mut kurs = Kurs::start(&dir.path().join("p.toml"), &[]);
    let menu = open_c2(&mut kurs);
    let first = kurs.say(&number_of(&menu, "Quiz machen"));
    let result = answer_quiz(&mut kurs, &module, first, |_| true);
    assert!(result.contains("Bestanden. Bestanden ab 60 %."), "{result}");
    let next = number_of(&result, "Weiter mit „C3 Videokonferenzen“");
    let opened = kurs.say(&next);
    assert!(
        opened.starts_with("\nModul C3 Videokonferenzen: nicht begonnen"),
        "{opened}"
    );
    // Back from the module that was gone on to leads to the module list.
    let list = kurs.say("zurück");
    assert!(
        list.contains("Modul C2 Messenger & SMS: bestanden"),
        "{list}"
    );
    assert!(kurs.last(Some("ende")).status.success());
}

#[test]
fn a_failed_quiz_offers_no_next_module() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, module) = sample_c2();
    let mut kurs = Kurs::start(&dir.path().join("p.toml"), &[]);
    let menu = open_c2(&mut kurs);
    let first = kurs.say(&number_of(&menu, "Quiz machen"));
    let result = answer_quiz(&mut kurs, &module, first, |_| false);
    assert!(!result.contains("Weiter mit"), "{result}");
    assert!(kurs.last(Some("ende")).status.success());
}

#[test]
fn search_lists_the_places_found_and_opens_the_one_picked_at_its_section() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut kurs = Kurs::start(&dir.path().join("p.toml"), &[]);
    kurs.until_prompt();
    let found = kurs.say("suche SATZMETHODE");
    assert!(found.contains("für „SATZMETHODE“:"), "{found}");
    let hit = number_of(
        &found,
        "S1 Passwörter & Passwortmanager – Die Satzmethode: ",
    );
    let opened = kurs.say(&hit);
    assert!(
        opened.starts_with("\nModul S1 Passwörter & Passwortmanager: nicht begonnen\n\nAbschnitt "),
        "{opened}"
    );
    assert!(opened.contains(": Die Satzmethode\n"), "{opened}");
    // The module menu searches too; a word found nowhere is said.
    let nothing = kurs.say("suche xyzzy");
    assert!(
        nothing.starts_with("Nichts gefunden für „xyzzy“."),
        "{nothing}"
    );
    let what = kurs.say("suche");
    assert!(what.starts_with("Wonach suchen?"), "{what}");
    assert!(kurs.last(Some("ende")).status.success());
}

#[test]
fn search_finds_text_of_every_course_and_says_them_in_english_with_lang_en() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut kurs = Kurs::start(&dir.path().join("p.toml"), &["--lang", "en"]);
    kurs.until_prompt();
    let found = kurs.say("search passphrase");
    assert!(found.contains("for “passphrase”"), "{found}");
    assert!(
        found.contains("M1 Strong Passwords – Make it long: passphrases"),
        "{found}"
    );
    let hit = number_of(&found, "Make it long: passphrases");
    let opened = kurs.say(&hit);
    assert!(
        opened.contains("of 3: Make it long: passphrases"),
        "{opened}"
    );
    assert!(kurs.last(Some("quit")).status.success());
}

#[test]
fn a_section_is_read_by_its_number_and_the_contents_are_listed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut kurs = mini(dir.path());
    let screen = kurs.until_prompt();
    kurs.say(&number_of(&screen, "M1 Alle Fragetypen"));
    let read = kurs.say("abschnitt 2");
    assert!(
        read.starts_with("\nAbschnitt 2 von 2: Zweiter Abschnitt\n"),
        "{read}"
    );
    let contents = kurs.say("inhalt");
    assert!(
        contents.contains(
            "Inhalt:\nAbschnitt 1: Erster Abschnitt\nAbschnitt 2: Zweiter Abschnitt (gelesen)\n"
        ),
        "{contents}"
    );
    let refused = kurs.say("abschnitt 3");
    assert!(
        refused.starts_with("Bitte „abschnitt“ und eine Zahl von 1 bis 2 eingeben"),
        "{refused}"
    );
    let english = kurs.say("section 1");
    assert!(
        english.contains("Abschnitt 1 von 2: Erster Abschnitt"),
        "{english}"
    );
    // At the module list the section words are not taken, and that is said.
    let list = kurs.say("zurück");
    assert!(list.contains("Modul wählen"), "{list}");
    let refused = kurs.say("inhalt");
    assert!(
        refused.starts_with("„inhalt“ geht hier nicht; „hilfe“ nennt, was hier geht."),
        "{refused}"
    );
    assert!(kurs.last(Some("ende")).status.success());
}

#[test]
fn the_overview_tells_every_module_with_status_score_and_day() {
    let dir = tempfile::tempdir().expect("temp dir");
    let progress = dir.path().join("p.toml");
    let (_, module) = sample_c2();
    let mut kurs = Kurs::start(&progress, &[]);
    let menu = open_c2(&mut kurs);
    let first = kurs.say(&number_of(&menu, "Quiz machen"));
    answer_quiz(&mut kurs, &module, first, |_| true);
    let menu = kurs.say("zurück");
    kurs.say(&number_of(&menu, "Als „Gelernt“ markieren"));
    kurs.say("zurück");
    let overview = kurs.say("übersicht");
    let today = jiff::Timestamp::now().to_string()[..10].to_string();
    assert!(overview.contains("Dein Fortschritt:"), "{overview}");
    assert!(
        overview.contains("\nDigitale Kompetenzen: 1 / 6 bestanden\n"),
        "{overview}"
    );
    let c2 = format!(
        "- C2 Messenger & SMS: bestanden, beste Punktzahl 100 % am {today} (1 Versuch), als gelernt markiert am {today}"
    );
    assert!(overview.contains(&c2), "{c2:?} missing in:\n{overview}");
    assert!(
        overview.contains("- C1 E-Mail: nicht begonnen\n"),
        "{overview}"
    );
    // The English course in its own language.
    assert!(
        overview.contains("- M1 Strong Passwords: not started"),
        "{overview}"
    );
    let ended = kurs.last(Some("ende"));
    assert!(ended.status.success());
    let json = progress_json(&progress, &[]);
    let c2 = module_json(&json, "digitale-kompetenzen", "c2-messenger-sms");
    assert_eq!(
        (c2["best_percent"].as_u64(), c2["learned"].as_bool()),
        (Some(100), Some(true))
    );
}

#[test]
fn back_at_the_top_level_says_how_to_quit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut kurs = mini(dir.path());
    kurs.until_prompt();
    let said = kurs.say("zurück");
    assert!(
        said.starts_with("Das ist die oberste Ebene; „ende“ speichert und beendet kurs.\n"),
        "{said}"
    );
    let mut kurs2 = Kurs::start(&dir.path().join("p2.toml"), &[]);
    kurs2.until_prompt();
    let said = kurs2.say("zurück");
    assert!(said.starts_with("Das ist die oberste Ebene"), "{said}");
    assert!(kurs.end().status.success());
    assert!(kurs2.end().status.success());
}

#[test]
fn search_shows_the_text_around_a_hit_as_the_learner_reads_it_without_markdown_marks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut kurs = Kurs::start(&dir.path().join("p.toml"), &[]);
    kurs.until_prompt();
    // A list item with bold words, and a quote with bold words, in the sample course C1.
    let found = kurs.say("suche zweiter faktor");
    assert!(found.contains("Zweiter Faktor: Schalte"), "{found}");
    let found = found + &kurs.say("suche im zweifel");
    assert!(found.contains("Im Zweifel: nicht klicken."), "{found}");
    for mark in ["- Zweiter", "> Im", "**", "`", "](", "https://"] {
        assert!(!found.contains(mark), "`{mark}` in:\n{found}");
    }
    assert!(kurs.last(Some("ende")).status.success());
}

#[test]
fn a_section_past_the_ninth_is_read_by_its_number() {
    let dir = tempfile::tempdir().expect("temp dir");
    let course = dir.path().join("twelve");
    std::fs::create_dir_all(&course).expect("create course folder");
    std::fs::write(
        course.join("course.toml"),
        "id = \"twelve\"\ntitle = \"Zwölf\"\nlanguage = \"de\"\nmodules = [\"m.toml\"]\n",
    )
    .expect("write course.toml");
    let sections: String = (1..=12)
        .map(|n| format!("[[section]]\ntitle = \"Teil {n}\"\nbody = \"Text {n}.\"\n"))
        .collect();
    std::fs::write(
        course.join("m.toml"),
        format!("id = \"m\"\ncode = \"M1\"\ntitle = \"Zwölf Teile\"\n{sections}"),
    )
    .expect("write m.toml");
    let mut kurs = Kurs::start(
        &dir.path().join("p.toml"),
        &[course.to_str().expect("UTF-8 temp path")],
    );
    let screen = kurs.until_prompt();
    kurs.say(&number_of(&screen, "M1 Zwölf Teile"));
    let read = kurs.say("abschnitt 12");
    assert!(
        read.starts_with("\nAbschnitt 12 von 12: Teil 12\n"),
        "{read}"
    );
    assert!(read.contains("Text 12."), "{read}");
    assert!(kurs.last(Some("ende")).status.success());
}

/// The letter a match question shows `text` under ("b) ein Fax an alle" gives "b").
fn letter_of(screen: &str, text: &str) -> String {
    screen
        .lines()
        .find_map(|line| {
            let (letter, shown) = line.split_once(") ")?;
            (letter.len() == 1 && shown == text).then(|| letter.to_string())
        })
        .unwrap_or_else(|| panic!("no partner {text:?} in:\n{screen}"))
}

#[test]
fn match_and_numeric_questions_are_answered_in_words_with_partial_credit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let course = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/player/types-de");
    let progress = dir.path().join("p.toml");
    let mut kurs = Kurs::start(&progress, &[course.to_str().expect("UTF-8 path")]);
    let screen = kurs.until_prompt();
    let screen = kurs.say(&number_of(&screen, "T1 Dienste und Größen"));
    let question = kurs.say(&number_of(&screen, "Quiz machen"));
    // The items numbered, the partners lettered, the syntax with the question's own example.
    for line in ["1. E-Mail", "2. Messenger", "3. Videokonferenz", "Partner:"] {
        assert!(question.contains(line), "{line} in:\n{question}");
    }
    assert!(
        question.contains(
            "Zu jeder Nummer den Buchstaben ihres Partners eingeben, zum Beispiel 1d 2a 3b"
        ),
        "{question}"
    );
    // Wrong syntax: one sentence, and the question is asked again.
    let again = kurs.say("1a 2");
    assert!(
        again.contains(
            "Bitte jede der 3 Nummern einmal mit dem Buchstaben eines Partners eingeben, zum Beispiel 1d 2a 3b."
        ),
        "{again}"
    );
    let answer = format!(
        "1{} 2{} 3{}",
        letter_of(&question, "ein Brief mit Anhang"),
        letter_of(&question, "eine kurze Nachricht"),
        letter_of(&question, "eine Besprechung mit Bild"),
    );
    let number = kurs.say(&answer);
    assert!(number.contains("✓ Richtig"), "{number}");
    assert!(
        number.contains("Zahl in GB eingeben, zum Beispiel 3,5"),
        "{number}"
    );
    let refused = kurs.say("vier");
    assert!(
        refused.contains("Das ist keine Zahl. Bitte nur die Zahl eingeben"),
        "{refused}"
    );
    let partly = kurs.say("4,5 GB");
    assert!(
        partly.contains("◑ Teilweise richtig (50 % des Punkts)"),
        "{partly}"
    );
    assert!(
        partly.contains("Richtige Antwort: 4,7 ± 0,1 GB"),
        "{partly}"
    );
    let result = kurs.say("ja");
    assert!(
        result.contains("Ergebnis: 2,5 von 3 Punkten (83 %)"),
        "{result}"
    );
    assert!(
        result.contains("2. ◑ Teilweise richtig (50 % des Punkts): Wie viele Gigabyte"),
        "{result}"
    );
    assert!(kurs.last(Some("/ende")).status.success());
    // Partial credit is kept, in a file an older kurs only reads (version 6: answers in their
    // short form, a partly right one with its percent).
    let folder = kurs::progress::ProgressStore::courses_folder(&progress);
    let stored = std::fs::read_to_string(folder.join(kurs::progress::store::file_name("typen-de")))
        .expect("the course's progress file");
    assert!(stored.contains("schema_version = 6"), "{stored}");
    assert!(stored.contains(" 2.5/3 "), "{stored}");
    assert!(stored.contains(" 50% "), "{stored}");
}
