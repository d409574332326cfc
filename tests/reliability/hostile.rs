//! Hostile course files: every C0 and C1 control character and the usual escape sequences
//! (colour, cursor moves, OSC 52 clipboard writes, OSC 8 links, window titles, terminal reports)
//! in every text field and key, written escaped (`\u001b`) and raw. `kurs check` rejects each, in
//! every output format without passing a control character through; the loader never puts one
//! into the course model. Text that arrives another way — a course model built in code, a
//! progress file path — is neutralised by every screen, by plain mode and by `kurs progress`.
//! Also: paths outside the course folder, symlink loops, oversized files, deep nesting, invalid
//! UTF-8 and 10 000 sections.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use kurs::course::files::Memory;
use kurs::course::{
    Area, Choice, Course, Depth, Library, MatchPair, Module, NumberRange, Question, QuestionKind,
    Quiz, Section, Source, Target, load, load_targets,
};
use kurs::diagnostic::{Report, Severity};
use kurs::i18n::Lang;
use kurs::progress::ProgressStore;
use kurs::tui::action::Action;
use kurs::tui::state::Screen;
use kurs::tui::{State, run, update::update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::support::fixtures::{course_en, damaged_copies, long};
use crate::support::pty::KURS;

/// Every payload a hostile trainer might hide in a text.
fn payloads() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for code in (0x00u32..=0x1F).chain([0x7F]).chain(0x80..=0x9F) {
        let c = char::from_u32(code).unwrap();
        // Line breaks and tabs are text; a carriage return alone is tested as a sequence below.
        if matches!(c, '\n' | '\t') {
            continue;
        }
        out.push((format!("U+{code:04X}"), format!("a{c}b")));
    }
    let sequences = [
        ("colour", "\x1b[31mred\x1b[0m"),
        ("clear screen", "\x1b[2J\x1b[H"),
        ("cursor move", "\x1b[10;20H"),
        ("line up and erase", "\x1b[1A\x1b[2K"),
        (
            "OSC 52 clipboard write",
            "\x1b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\x07",
        ),
        (
            "OSC 8 link",
            "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\",
        ),
        ("window title (BEL)", "\x1b]0;pwned\x07"),
        ("window title (ST)", "\x1b]2;pwned\x1b\\"),
        ("C1 CSI colour", "\u{9b}31mred"),
        ("C1 OSC title", "\u{9d}0;pwned\u{9c}"),
        ("DCS request", "\x1bP+q544e\x1b\\"),
        ("device status report", "\x1b[6n"),
        ("window title report", "\x1b[21t"),
        ("leave the alternate screen", "\x1b[?1049l"),
        ("hide the cursor", "\x1b[?25l"),
        ("bare carriage return", "safe\rEVIL"),
        ("backspaces", "abc\x08\x08\x08xyz"),
    ];
    out.extend(
        sequences
            .iter()
            .map(|(name, text)| (name.to_string(), text.to_string())),
    );
    out
}

fn is_hostile(c: char) -> bool {
    c.is_control() && c != '\n'
}

/// The payload in a TOML basic string: every control character as `\uXXXX`.
fn escaped(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '"' => "\\\"".to_string(),
            '\\' => "\\\\".to_string(),
            c if c.is_control() => format!("\\u{:04X}", c as u32),
            c => c.to_string(),
        })
        .collect()
}

/// The payload written into the file as it is (TOML itself refuses raw C0 characters).
fn raw(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

const COURSE_TEMPLATE: &str = r#"id = "@id@"
title = "Course @course.title@"
language = "en"
description = "About @course.description@"

[[area]]
code = "A@area.code@"
title = "Area @area.title@"
modules = ["m.toml@area.modules@"]
"#;

const MODULE_TEMPLATE: &str = r#"@module.key@id = "m@module.id@"
code = "M@module.code@"
title = "Module @module.title@"
intro = "Intro @module.intro@"

[[section]]
title = "Section @section.title@"
body = "Body @section.body@"

[quiz]
title = "Quiz @quiz.title@"
shuffle = false

[[quiz.question]]
type = "single"
id = "q@question.id@"
prompt = "Prompt @question.prompt@"
explanation = "Explanation @question.explanation@"

[[quiz.question.choice]]
text = "Choice @choice.text@"
correct = true
feedback = "Feedback @choice.feedback@"

[[quiz.question.choice]]
text = "Other"

[[quiz.question]]
type = "text"
prompt = "Type it"
accept = ["yes@text.accept@"]

[[quiz.question]]
type = "order"
prompt = "Put in order"
items = ["one@order.items@", "two", "three"]
"#;

const FIELDS: &[&str] = &[
    "course.title",
    "course.description",
    "area.code",
    "area.title",
    "area.modules",
    "module.key",
    "module.id",
    "module.code",
    "module.title",
    "module.intro",
    "section.title",
    "section.body",
    "quiz.title",
    "question.id",
    "question.prompt",
    "question.explanation",
    "choice.text",
    "choice.feedback",
    "text.accept",
    "order.items",
];

/// Fills the templates: `payload` in `field`, nothing in every other place.
fn instantiate(template: &str, id: &str, field: &str, payload: &str) -> String {
    let mut out = template.replace("@id@", id);
    for name in FIELDS {
        let value = if *name != field {
            String::new()
        } else if *name == "module.key" {
            format!("\"k{payload}\" = \"x\"\n")
        } else {
            payload.to_string()
        };
        out = out.replace(&format!("@{name}@"), &value);
    }
    out
}

struct HostileCase {
    name: String,
    id: String,
    course: String,
    module: String,
}

fn hostile_cases() -> Vec<HostileCase> {
    let mut cases = Vec::new();
    for (p, (payload_name, payload)) in payloads().into_iter().enumerate() {
        for (f, field) in FIELDS.iter().enumerate() {
            for (encoding, text) in [("escaped", escaped(&payload)), ("raw", raw(&payload))] {
                let id = format!("c{p}-{f}-{}", &encoding[..1]);
                cases.push(HostileCase {
                    name: format!("{payload_name} in {field} ({encoding})"),
                    course: instantiate(COURSE_TEMPLATE, &id, field, &text),
                    module: instantiate(MODULE_TEMPLATE, &id, field, &text),
                    id,
                });
            }
        }
    }
    cases
}

/// Every text of a course model, for the check that none holds a control character.
fn texts_of(library: &Library) -> Vec<String> {
    let mut texts = Vec::new();
    for course in &library.courses {
        texts.extend([course.id.clone(), course.title.clone()]);
        texts.extend(course.description.clone());
        for area in &course.areas {
            texts.extend(area.code.clone());
            texts.extend(area.title.clone());
        }
        for module in &course.modules {
            texts.extend([module.id.clone(), module.title.clone()]);
            texts.extend(module.code.clone());
            texts.extend(module.intro.clone());
            for section in &module.sections {
                texts.extend([section.title.clone(), section.body.clone()]);
            }
            let Some(quiz) = &module.quiz else { continue };
            texts.extend(quiz.title.clone());
            for question in &quiz.questions {
                texts.extend([question.id.clone(), question.prompt.clone()]);
                texts.extend(question.explanation.clone());
                match &question.kind {
                    QuestionKind::Single { choices } | QuestionKind::Multiple { choices } => {
                        for choice in choices {
                            texts.push(choice.text.clone());
                            texts.extend(choice.feedback.clone());
                        }
                    }
                    QuestionKind::Text { accept } => {
                        texts.extend(accept.iter().map(|a| a.text.clone()))
                    }
                    QuestionKind::Order { items } => texts.extend(items.clone()),
                    QuestionKind::Match { pairs, distractors } => {
                        for pair in pairs {
                            texts.extend([pair.left.clone(), pair.right.clone()]);
                        }
                        texts.extend(distractors.clone());
                    }
                    QuestionKind::Numeric { unit, .. } => texts.extend(unit.clone()),
                    QuestionKind::TrueFalse { .. } => {}
                }
            }
        }
    }
    texts
}

fn load_case(case: &HostileCase) -> (Library, Report) {
    let mut files = Memory::default();
    let dir = PathBuf::from("lib").join(&case.id);
    files.insert(dir.join("course.toml"), case.course.clone());
    files.insert(dir.join("m.toml"), case.module.clone());
    load_targets(&files, &[Target::Course(dir)], kurs::course::Depth::Full)
}

#[test]
fn the_templates_are_clean_without_a_payload() {
    let case = HostileCase {
        name: "clean".into(),
        id: "clean".into(),
        course: instantiate(COURSE_TEMPLATE, "clean", "", ""),
        module: instantiate(MODULE_TEMPLATE, "clean", "", ""),
    };
    let (library, report) = load_case(&case);
    assert!(
        report
            .diagnostics
            .iter()
            .all(|d| d.severity() != Severity::Error),
        "{:?}",
        report.diagnostics
    );
    assert_eq!(library.courses.len(), 1);
    assert_eq!(library.courses[0].modules.len(), 1);
}

#[test]
fn every_control_character_in_every_field_is_rejected_by_the_loader() {
    let cases = hostile_cases();
    let mut codes: BTreeMap<String, usize> = BTreeMap::new();
    let mut accepted = Vec::new();
    let mut leaked = Vec::new();
    for case in &cases {
        let (library, report) = load_case(case);
        let errors: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity() == Severity::Error)
            .collect();
        match errors.first() {
            Some(first) => *codes.entry(first.code.as_str().to_string()).or_default() += 1,
            None => accepted.push(case.name.clone()),
        }
        if texts_of(&library).iter().any(|t| t.chars().any(is_hostile)) {
            leaked.push(case.name.clone());
        }
    }
    println!(
        "hostile course files (loader): {} cases ({} payloads × {} fields × escaped/raw), \
         rejected {}, accepted {}, reached the course model {}; first error codes {codes:?}",
        cases.len(),
        payloads().len(),
        FIELDS.len(),
        cases.len() - accepted.len(),
        accepted.len(),
        leaked.len()
    );
    assert!(accepted.is_empty(), "accepted: {accepted:?}");
    assert!(leaked.is_empty(), "reached the model: {leaked:?}");
}

/// Bytes a terminal would act on: C0 except line feed, DEL, and C1 (raw or UTF-8 encoded).
fn terminal_controls(output: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(output);
    text.chars()
        .filter(|&c| is_hostile(c))
        .map(|c| format!("U+{:04X}", c as u32))
        .collect()
}

#[test]
fn kurs_check_rejects_every_case_and_prints_no_control_character() {
    let cases = hostile_cases();
    let dir = tempfile::tempdir().unwrap();
    for case in &cases {
        let course = dir.path().join(&case.id);
        std::fs::create_dir(&course).unwrap();
        std::fs::write(course.join("course.toml"), &case.course).unwrap();
        std::fs::write(course.join("m.toml"), &case.module).unwrap();
    }
    let mut reached = Vec::new();
    let mut rejected_cases = 0;
    for format in ["human", "json", "github"] {
        let out = Command::new(KURS)
            .args(["check", "--format", format])
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}: problems found");
        let controls = terminal_controls(&out.stdout);
        let controls_err = terminal_controls(&out.stderr);
        if !controls.is_empty() || !controls_err.is_empty() {
            reached.push(format!(
                "{format}: {} control characters, e.g. {:?}",
                controls.len() + controls_err.len(),
                controls
                    .iter()
                    .chain(&controls_err)
                    .take(5)
                    .collect::<Vec<_>>()
            ));
        }
        if format == "json" {
            let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            let mut with_error = std::collections::BTreeSet::new();
            for d in json["diagnostics"].as_array().unwrap() {
                if d["severity"] == "error" {
                    let file = PathBuf::from(d["file"].as_str().unwrap());
                    let course = file.parent().unwrap().file_name().unwrap();
                    with_error.insert(course.to_string_lossy().into_owned());
                }
            }
            let missing: Vec<_> = cases
                .iter()
                .filter(|c| !with_error.contains(&c.id))
                .map(|c| c.name.clone())
                .collect();
            rejected_cases = cases.len() - missing.len();
            assert!(missing.is_empty(), "not rejected: {missing:?}");
        }
    }
    println!(
        "hostile course files (kurs check): {} cases in one library, rejected {rejected_cases}, \
         output formats that let a control character through: {}",
        cases.len(),
        reached.len()
    );
    assert!(reached.is_empty(), "{reached:?}");
}

// ---- text that did not come through the loader ----

/// A Markdown body that puts the payload into every construct the renderer knows.
fn hostile_markdown(p: &str) -> String {
    format!(
        "# Heading {p}\n\nPlain {p} *em {p}* **strong {p}** `code {p}` \
         [link {p}](https://e.example/{p}) ![image {p}](x{p}) <b>html {p}</b>\n\n\
         ```\ncode block {p}\n```\n\n- item {p}\n  - nested {p}\n\n1. numbered {p}\n\n\
         > quote {p}\n\n| a {p} | b |\n|---|---|\n| c {p} | d |\n\n{p}\n"
    )
}

/// A course model with the payload in every text, as a buggy loader or a future source could give.
fn hostile_library(p: &str) -> Library {
    let t = |what: &str| format!("{what} {p} end");
    let choices = || {
        vec![
            Choice {
                text: t("right"),
                correct: true,
                credit: None,
                feedback: Some(t("feedback")),
            },
            Choice {
                text: t("wrong"),
                correct: false,
                credit: None,
                feedback: Some(t("feedback")),
            },
        ]
    };
    let question = |id: &str, kind: QuestionKind| Question {
        id: format!("{id}{p}"),
        prompt: hostile_markdown(p),
        explanation: Some(t("explanation")),
        kind,
    };
    let module = Module {
        id: format!("m{p}"),
        code: Some(t("M")),
        title: t("module"),
        loaded: true,
        intro: Some(hostile_markdown(p)),
        sections: vec![
            Section {
                title: t("section"),
                body: hostile_markdown(p),
            },
            Section {
                title: p.to_string(),
                body: p.to_string(),
            },
        ],
        quiz: Some(Box::new(Quiz {
            title: Some(t("quiz")),
            pass_percent: 60,
            shuffle: false,
            questions: vec![
                question("single", QuestionKind::Single { choices: choices() }),
                question("multiple", QuestionKind::Multiple { choices: choices() }),
                question("tf", QuestionKind::TrueFalse { answer: true }),
                question(
                    "text",
                    QuestionKind::Text {
                        accept: vec![t("accept").into()],
                    },
                ),
                question(
                    "order",
                    QuestionKind::Order {
                        items: vec![t("one"), t("two"), t("three")],
                    },
                ),
                question(
                    "match",
                    QuestionKind::Match {
                        pairs: vec![
                            MatchPair {
                                left: t("left one"),
                                right: t("right one"),
                            },
                            MatchPair {
                                left: t("left two"),
                                right: t("right two"),
                            },
                        ],
                        distractors: vec![t("distractor")],
                    },
                ),
                question(
                    "numeric",
                    QuestionKind::Numeric {
                        right: NumberRange::Around {
                            answer: 3.5,
                            tolerance: 0.5,
                        },
                        unit: Some(t("unit")),
                        ranges: Vec::new(),
                    },
                ),
            ],
        })),
        path: PathBuf::from(format!("m{p}.toml")),
    };
    Library {
        courses: vec![Course {
            id: format!("c{p}"),
            title: t("course"),
            language: format!("en{p}"),
            description: Some(hostile_markdown(p)),
            pass_percent: 60,
            xapi_activity_base: None,
            areas: vec![Area {
                code: Some(t("A")),
                title: Some(t("area")),
                modules: vec![0],
            }],
            modules: vec![module],
            exam: None,
            certificate: None,
            path: PathBuf::from(format!("c{p}")),
        }],
        ..Library::default()
    }
}

/// Draws the current state and returns the control characters found in any cell.
fn draw_and_find_controls(state: &mut State, width: u16, height: u16) -> (usize, Vec<String>) {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    run(&mut terminal, state, || Ok(None::<kurs::tui::Input>)).unwrap();
    let buffer = terminal.backend().buffer();
    let mut found = Vec::new();
    for cell in &buffer.content {
        for c in cell.symbol().chars() {
            if c.is_control() {
                found.push(format!("U+{:04X}", c as u32));
            }
        }
    }
    (buffer.content.len(), found)
}

/// Walks every screen of the player: library, module with everything open, each question before
/// and after checking (typed answers included), the result, and the help over each.
fn every_screen(state: &mut State, payload: &str, mut visit: impl FnMut(&mut State, &str)) {
    visit(state, "library");
    update(state, Action::Help);
    visit(state, "library help");
    update(state, Action::Help);
    update(state, Action::Activate);
    update(state, Action::ToggleAll);
    visit(state, "module");
    update(state, Action::End);
    visit(state, "module end");
    update(state, Action::Help);
    visit(state, "module help");
    update(state, Action::Help);
    update(state, Action::Practice);
    for question in 0..5 {
        visit(state, &format!("question {question}"));
        if let Screen::Quiz(quiz) = &state.screen
            && quiz.input.is_text()
        {
            for c in payload.chars() {
                update(state, Action::Input(c));
            }
            visit(state, "typed answer");
        } else {
            update(state, Action::Digit(0));
            update(state, Action::Toggle);
        }
        update(state, Action::Activate);
        visit(state, &format!("question {question} checked"));
        update(state, Action::Activate);
    }
    visit(state, "result");
    update(state, Action::End);
    visit(state, "result end");
}

#[test]
fn every_screen_neutralises_control_characters_that_did_not_come_through_the_loader() {
    let mut sizes = vec![(80, 24), (40, 12), (30, 8)];
    if long() {
        sizes.extend([(132, 43), (200, 60), (29, 7), (1, 1)]);
    }
    let mut screens = 0;
    let mut cells = 0;
    let mut reached = Vec::new();
    let mut crashed = Vec::new();
    for (name, payload) in payloads() {
        for &(width, height) in &sizes {
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let dir = tempfile::tempdir().unwrap();
                let (store, _) = ProgressStore::open(dir.path().join("progress.toml"));
                let mut state =
                    State::new(hostile_library(&payload), store, Some(Lang::En), Some(1));
                state.notice = Some(format!("notice {payload}"));
                state.warning = Some(format!("warning {payload}"));
                update(&mut state, Action::Resize { width, height });
                let mut found = Vec::new();
                every_screen(&mut state, &payload, |state, screen| {
                    let (n, controls) = draw_and_find_controls(state, width, height);
                    screens += 1;
                    cells += n;
                    if !controls.is_empty() {
                        found.push(format!("{screen}: {controls:?}"));
                    }
                });
                found
            }));
            match outcome {
                Ok(found) if found.is_empty() => {}
                Ok(found) => reached.push(format!("{name} at {width}×{height}: {found:?}")),
                Err(_) => crashed.push(format!("{name} at {width}×{height}")),
            }
        }
    }
    println!(
        "hostile text on screen: {} payloads × {} sizes, {screens} screens drawn, {cells} cells \
         checked, screens with a control character {}, crashes {}",
        payloads().len(),
        sizes.len(),
        reached.len(),
        crashed.len()
    );
    assert!(crashed.is_empty(), "{crashed:?}");
    assert!(reached.is_empty(), "{:?}", &reached[..reached.len().min(5)]);
}

#[test]
fn plain_mode_neutralises_control_characters_that_did_not_come_through_the_loader() {
    let mut sessions = 0;
    let mut reached = Vec::new();
    for (name, payload) in payloads() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = ProgressStore::open(dir.path().join("progress.toml"));
        let notice = kurs::progress::store::StoreNotice::NotSaved {
            path: std::path::PathBuf::from(format!("notice {payload}")),
            reason: payload.clone(),
        };
        let session = kurs::session::Session {
            library: hostile_library(&payload),
            store,
            notices: vec![kurs::session::Notice::Progress(notice)],
            report: Report::default(),
            open: None,
            certify: None,
            journal: None,
            rest: None,
        };
        let options = kurs::session::Options {
            lang: Some(Lang::En),
            seed: Some(1),
            time: Default::default(),
        };
        // Every module action, every question answered (the payload typed as the text answer).
        let script = format!("1\n1\n2\n1\n3\n1\n1\n1\n{payload}\n1 2 3\n\n\n1\n2\nquit\n");
        let mut out = Vec::new();
        let _ = kurs::plain::run_with(session, options, script.as_bytes(), &mut out);
        sessions += 1;
        let controls = terminal_controls(&out);
        if !controls.is_empty() {
            reached.push(format!("{name}: {controls:?}"));
        }
    }
    println!(
        "hostile text in plain mode: {sessions} sessions, sessions with a control character in \
         the output {}",
        reached.len()
    );
    assert!(reached.is_empty(), "{reached:?}");
}

/// A progress file path that holds escape sequences reaches the learner only neutralised.
#[cfg(unix)]
#[test]
fn a_progress_path_with_escape_sequences_never_reaches_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut reached = Vec::new();
    let mut runs = 0;
    let names = [
        "title\x1b]0;pwned\x07",
        "clip\x1b]52;c;ZWNobyBldmls\x07",
        "csi\u{9b}2J",
        "clear\x1b[2J\x1b[H",
    ];
    for (i, name) in names.iter().enumerate() {
        let folder = dir.path().join(format!("{i}{name}"));
        std::fs::create_dir(&folder).unwrap();
        let file = folder.join("progress.toml");
        for setup in ["damaged", "folder"] {
            let _ = std::fs::remove_dir_all(&file);
            for copy in damaged_copies(&folder) {
                std::fs::remove_file(copy).unwrap();
            }
            if setup == "damaged" {
                std::fs::write(&file, "[half a table").unwrap();
            } else {
                std::fs::create_dir(&file).unwrap();
            }
            let course = course_en();
            let runs_of = [
                vec!["progress".to_string()],
                vec!["progress".to_string(), "--json".to_string()],
                vec!["--plain".to_string()],
            ];
            for args in runs_of {
                let out = Command::new(KURS)
                    .args(&args)
                    .arg("--progress")
                    .arg(&file)
                    .arg(&course)
                    .stdin(std::process::Stdio::null())
                    .output()
                    .unwrap();
                runs += 1;
                let mut controls = terminal_controls(&out.stdout);
                controls.extend(terminal_controls(&out.stderr));
                if !controls.is_empty() {
                    reached.push(format!("{args:?} {setup} {name:?}: {controls:?}"));
                }
            }
            // The full-screen player shows the notice on its screen.
            let (store, notices) = ProgressStore::open(&file);
            let (library, _) = load(&Source::Path(course.to_path_buf()), Depth::Full);
            let mut state = State::new(library, store, Some(Lang::En), Some(1));
            state.notice = Some(
                notices
                    .iter()
                    .map(|n| kurs::i18n::store_notice(Lang::En, n))
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            let (_, controls) = draw_and_find_controls(&mut state, 80, 24);
            runs += 1;
            if !controls.is_empty() {
                reached.push(format!("screen {setup} {name:?}: {controls:?}"));
            }
        }
    }
    println!(
        "hostile progress file paths: {runs} runs (kurs progress, --json, plain, screen), runs \
         that let a control character through: {}",
        reached.len()
    );
    assert!(reached.is_empty(), "{reached:?}");
}

// ---- paths, sizes, nesting, encodings ----

fn check(path: &Path) -> (Option<i32>, String, Vec<String>) {
    let out = Command::new(KURS)
        .args(["check", "--format", "json"])
        .arg(path)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let codes = json["diagnostics"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|d| d["code"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        codes,
    )
}

const GOOD_MODULE: &str = "id = \"m\"\ntitle = \"M\"\n\n[[section]]\ntitle = \"S\"\nbody = \"B\"\n";

fn course_listing(dir: &Path, modules: &[&str]) {
    let list: Vec<String> = modules.iter().map(|m| format!("{m:?}")).collect();
    std::fs::write(
        dir.join("course.toml"),
        format!(
            "id = \"c\"\ntitle = \"C\"\nmodules = [{}]\n",
            list.join(", ")
        ),
    )
    .unwrap();
}

#[cfg(unix)]
#[test]
fn paths_sizes_nesting_and_encodings_are_refused_with_their_code() {
    use std::os::unix::fs::symlink;
    let root = tempfile::tempdir().unwrap();
    let outside = root.path().join("outside.toml");
    std::fs::write(&outside, GOOD_MODULE).unwrap();
    let mut results = Vec::new();
    let mut case = |name: &str, expected: &str, setup: &dyn Fn(&Path)| {
        let dir = root.path().join(name.replace(' ', "-"));
        std::fs::create_dir(&dir).unwrap();
        setup(&dir);
        let (code, out, codes) = check(&dir);
        let ok = code == Some(1) && codes.iter().any(|c| c == expected);
        results.push((name.to_string(), expected.to_string(), ok, codes, out));
    };
    case("parent folder", "E010", &|d| {
        course_listing(d, &["../outside.toml"])
    });
    case("deep parent folder", "E010", &|d| {
        course_listing(d, &["a/../../outside.toml"])
    });
    case("absolute path", "E010", &|d| {
        course_listing(d, &[outside.to_str().unwrap()])
    });
    case("symlink to a file outside", "E010", &|d| {
        symlink(&outside, d.join("link.toml")).unwrap();
        course_listing(d, &["link.toml"]);
    });
    case("symlinked folder outside", "E010", &|d| {
        symlink(root.path(), d.join("up")).unwrap();
        course_listing(d, &["up/outside.toml"]);
    });
    case("symlink loop", "E009", &|d| {
        symlink(d.join("loop-b.toml"), d.join("loop-a.toml")).unwrap();
        symlink(d.join("loop-a.toml"), d.join("loop-b.toml")).unwrap();
        course_listing(d, &["loop-a.toml"]);
    });
    case("symlink to itself", "E009", &|d| {
        symlink(d.join("self.toml"), d.join("self.toml")).unwrap();
        course_listing(d, &["self.toml"]);
    });
    case("a fifo as module", "E029", &|d| {
        let made = Command::new("mkfifo")
            .arg(d.join("pipe.toml"))
            .status()
            .is_ok_and(|s| s.success());
        assert!(made, "mkfifo");
        course_listing(d, &["pipe.toml"]);
    });
    case("module over 4 MiB", "E021", &|d| {
        let mut big = GOOD_MODULE.to_string();
        big.push_str(&"# padding\n".repeat(450_000));
        std::fs::write(d.join("m.toml"), big).unwrap();
        course_listing(d, &["m.toml"]);
    });
    case("course.toml over 4 MiB", "E021", &|d| {
        let mut big = "id = \"c\"\ntitle = \"C\"\nmodules = [\"m.toml\"]\n".to_string();
        big.push_str(&"#".repeat(4 * 1024 * 1024));
        std::fs::write(d.join("course.toml"), big).unwrap();
        std::fs::write(d.join("m.toml"), GOOD_MODULE).unwrap();
    });
    case("sparse 1 TiB module", "E021", &|d| {
        let file = std::fs::File::create(d.join("m.toml")).unwrap();
        file.set_len(1 << 40).unwrap();
        course_listing(d, &["m.toml"]);
    });
    for (open, name) in [
        ("[", "nested arrays"),
        ("{ a = ", "nested inline tables"),
        ("[{ a = ", "arrays of inline tables"),
    ] {
        case(name, "E023", &move |d| {
            let mut module = "id = \"m\"\ntitle = \"M\"\nv = ".to_string();
            // As deep as the token limit allows (E030 past it, where nothing is parsed).
            module.push_str(&open.repeat(25_000));
            std::fs::write(d.join("m.toml"), module).unwrap();
            course_listing(d, &["m.toml"]);
        });
    }
    case("invalid UTF-8", "E022", &|d| {
        let mut bytes = GOOD_MODULE.as_bytes().to_vec();
        bytes.extend_from_slice(b"# \xff\xfe\xc3\x28\n");
        std::fs::write(d.join("m.toml"), bytes).unwrap();
        course_listing(d, &["m.toml"]);
    });
    case("UTF-16 file", "E022", &|d| {
        let mut bytes = vec![0xff, 0xfe];
        for unit in GOOD_MODULE.encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        std::fs::write(d.join("m.toml"), bytes).unwrap();
        course_listing(d, &["m.toml"]);
    });
    let failed: Vec<_> = results.iter().filter(|r| !r.2).collect();
    println!(
        "hostile paths, sizes, nesting, encodings: {} cases, refused with the expected code {}, \
         not refused or crashed {}",
        results.len(),
        results.len() - failed.len(),
        failed.len()
    );
    for (name, expected, _, codes, out) in &failed {
        println!("{name}: expected {expected}, got {codes:?}\n{out}");
    }
    assert!(failed.is_empty());
}

#[test]
fn ten_thousand_sections_load_and_every_screen_draws() {
    let mut module = String::from("id = \"many\"\ntitle = \"Many\"\n");
    for i in 0..10_000 {
        module.push_str(&format!(
            "[[section]]\ntitle = \"Section {i}\"\nbody = \"Text of section {i}.\"\n"
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    let course = dir.path().join("many");
    std::fs::create_dir(&course).unwrap();
    std::fs::write(
        course.join("course.toml"),
        "id = \"many\"\ntitle = \"Many\"\nmodules = [\"many.toml\"]\n",
    )
    .unwrap();
    std::fs::write(course.join("many.toml"), &module).unwrap();
    let (library, report) = load(&Source::Path(course.to_path_buf()), Depth::Full);
    assert!(report.errors() == 0, "{:?}", report.diagnostics.first());
    assert_eq!(library.courses[0].modules[0].sections.len(), 10_000);
    let (store, _) = ProgressStore::open(dir.path().join("progress.toml"));
    let mut state = State::new(library, store, Some(Lang::En), Some(1));
    let mut screens = 0;
    update(&mut state, Action::Activate);
    for action in [Action::ToggleAll, Action::End, Action::PageUp, Action::Home] {
        update(&mut state, action);
        draw_and_find_controls(&mut state, 80, 24);
        screens += 1;
    }
    // A section counts as read once its text was on screen: after opening all and jumping to
    // the end and back, those shown at the top, around the end and a page above it.
    let opened_by_jumps = state
        .store
        .progress()
        .module("many", "many")
        .map_or(0, |m| m.opened_sections.len());
    println!(
        "10 000 sections: loaded, {screens} screens drawn with all open and closed, \
         {opened_by_jumps} sections recorded as read after the jumps"
    );
    assert!(
        (1..100).contains(&opened_by_jumps),
        "only the sections shown count as read, found {opened_by_jumps}"
    );
}

#[test]
fn windows_line_endings_inside_list_entries_reach_the_model_as_line_feeds() {
    let mut files = Memory::default();
    files.insert(
        "lib/c/course.toml",
        "id = \"c\"\r\ntitle = \"C\"\r\nmodules = [\"m.toml\"]\r\n",
    );
    files.insert(
        "lib/c/m.toml",
        "id = \"m\"\r\ntitle = \"M\"\r\n\r\n[[section]]\r\ntitle = \"S\"\r\nbody = \"B\"\r\n\r\n\
         [[quiz.question]]\r\ntype = \"text\"\r\nprompt = \"P\"\r\naccept = [\"\"\"two\r\nlines\"\"\"]\r\n\r\n\
         [[quiz.question]]\r\ntype = \"order\"\r\nprompt = \"O\"\r\nitems = [\"\"\"a\r\nb\"\"\", \"c\"]\r\n",
    );
    let (library, report) = load_targets(
        &files,
        &[Target::Course(PathBuf::from("lib/c"))],
        kurs::course::Depth::Full,
    );
    assert_eq!(report.errors(), 0, "{:?}", report.diagnostics);
    let texts = texts_of(&library);
    let with_cr: Vec<_> = texts.iter().filter(|t| t.contains('\r')).collect();
    assert!(with_cr.is_empty(), "{with_cr:?}");
}
