//! Random input: long random sequences of terminal events — keys of every kind with every
//! modifier, presses, repeats and releases, mouse clicks and wheels, resizes from 1×1 to 500×200 —
//! go through the player's own event mapping into `update`, and every state is drawn with `view`
//! at the current size. Nothing may panic, and after every event the focus is inside its list and
//! every scroll position inside its content. Starts on every screen, in three libraries.
//!
//! Default run: 32 sequences of up to 250 events. `KURS_LONG_TESTS=1`: 500 sequences of up to 500.

use std::path::PathBuf;

use kurs::course::{
    Area, Choice, Course, Depth, Library, MatchPair, Module, NumberRange, Question, QuestionKind,
    Quiz, Section, Source, load,
};
use kurs::i18n::Lang;
use kurs::progress::ProgressStore;
use kurs::tui::action::from_event;
use kurs::tui::state::{AnswerInput, Focus, Screen};
use kurs::tui::view::{self, body_height, content_width};
use kurs::tui::{State, update::update};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};

use crate::support::fixtures::{course_de, long};

/// Text that is hard to wrap and to measure: long words, wide and combining characters, RTL.
fn awkward_library() -> Library {
    let long_word = "Donaudampfschifffahrtsgesellschaftskapitän".repeat(40);
    let body = format!(
        "{long_word}\n\n漢字かなカナ한국어 🧑‍🤝‍🧑👍🏽 e\u{301}\u{301}\u{301} שלום עולם مرحبا\n\n\
         - {long_word}\n\n```\n{long_word}\n```\n\n| a | b |\n|---|---|\n| {long_word} | 🧑‍🤝‍🧑 |\n"
    );
    let choice = |text: &str, correct| Choice {
        text: text.to_string(),
        correct,
        credit: None,
        feedback: Some(body.clone()),
    };
    let module = Module {
        id: "awkward".into(),
        code: Some("Ü1".into()),
        title: format!("漢字 {long_word}"),
        loaded: true,
        intro: None,
        sections: vec![
            Section {
                title: long_word.clone(),
                body: body.clone(),
            },
            Section {
                title: "🧑‍🤝‍🧑".into(),
                body: String::new(),
            },
        ],
        quiz: Some(Box::new(Quiz {
            title: Some(long_word.clone()),
            pass_percent: 100,
            shuffle: true,
            questions: vec![
                Question {
                    id: "q1".into(),
                    prompt: body.clone(),
                    explanation: Some(body.clone()),
                    kind: QuestionKind::Single {
                        choices: vec![choice(&long_word, true), choice("漢字", false)],
                    },
                },
                Question {
                    id: "q2".into(),
                    prompt: "?".into(),
                    explanation: None,
                    kind: QuestionKind::Multiple {
                        choices: (0u32..12)
                            .map(|i| choice(&format!("choice {i}"), i.is_multiple_of(2)))
                            .collect(),
                    },
                },
                Question {
                    id: "q3".into(),
                    prompt: long_word.clone(),
                    explanation: None,
                    kind: QuestionKind::Text {
                        accept: vec!["e\u{301}".into()],
                    },
                },
                Question {
                    id: "q4".into(),
                    prompt: "order".into(),
                    explanation: None,
                    kind: QuestionKind::Order {
                        items: vec![long_word.clone(), "b".into()],
                    },
                },
                Question {
                    id: "q5".into(),
                    prompt: "tf".into(),
                    explanation: None,
                    kind: QuestionKind::TrueFalse { answer: false },
                },
                Question {
                    id: "q6".into(),
                    prompt: "match".into(),
                    explanation: None,
                    kind: QuestionKind::Match {
                        pairs: vec![
                            MatchPair {
                                left: long_word.clone(),
                                right: "漢字".into(),
                            },
                            MatchPair {
                                left: "🧑‍🤝‍🧑".into(),
                                right: long_word.clone(),
                            },
                        ],
                        distractors: vec!["e\u{301}".into()],
                    },
                },
                Question {
                    id: "q7".into(),
                    prompt: "number".into(),
                    explanation: None,
                    kind: QuestionKind::Numeric {
                        right: NumberRange::Between {
                            min: -1.5,
                            max: 2.5,
                        },
                        unit: Some(long_word.clone()),
                        ranges: Vec::new(),
                    },
                },
            ],
        })),
        path: PathBuf::from("awkward.toml"),
    };
    let mut plain = module.clone();
    plain.id = "second".into();
    plain.quiz = None;
    Library {
        courses: vec![Course {
            id: "awkward".into(),
            title: long_word.clone(),
            language: "de".into(),
            description: Some(body.clone()),
            pass_percent: 60,
            xapi_activity_base: None,
            areas: vec![
                Area {
                    code: Some("Ä".into()),
                    title: Some(long_word.clone()),
                    modules: vec![0],
                },
                Area {
                    code: None,
                    title: None,
                    modules: vec![1],
                },
            ],
            modules: vec![module, plain],
            exam: None,
            certificate: None,
            path: PathBuf::from("awkward"),
        }],
        ..Library::default()
    }
}

fn library(which: usize) -> Library {
    match which {
        0 => load(&Source::Path(course_de()), Depth::Full).0,
        1 => load(&Source::Samples, Depth::Full).0,
        _ => awkward_library(),
    }
}

fn key_code() -> impl Strategy<Value = KeyCode> {
    prop_oneof![
        6 => prop::sample::select(
            "qpla?jkhgGJK+-rdyx 1234567890\u{301}ü漢".chars().collect::<Vec<_>>()
        )
        .prop_map(KeyCode::Char),
        1 => any::<char>().prop_map(KeyCode::Char),
        6 => prop::sample::select(vec![
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::Backspace,
            KeyCode::Delete,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Insert,
            KeyCode::Null,
        ]),
        1 => (1u8..=24).prop_map(KeyCode::F),
    ]
}

fn event() -> impl Strategy<Value = Event> {
    let key = (
        key_code(),
        prop::sample::select(vec![
            KeyModifiers::NONE,
            KeyModifiers::NONE,
            KeyModifiers::NONE,
            KeyModifiers::SHIFT,
            KeyModifiers::CONTROL,
            KeyModifiers::ALT,
            KeyModifiers::all(),
        ]),
        prop::sample::select(vec![
            KeyEventKind::Press,
            KeyEventKind::Press,
            KeyEventKind::Press,
            KeyEventKind::Press,
            KeyEventKind::Repeat,
            KeyEventKind::Release,
        ]),
    )
        .prop_map(|(code, modifiers, kind)| {
            Event::Key(KeyEvent {
                code,
                modifiers,
                kind,
                state: KeyEventState::NONE,
            })
        });
    let mouse = (
        prop::sample::select(vec![
            MouseEventKind::Down(MouseButton::Left),
            MouseEventKind::Down(MouseButton::Right),
            MouseEventKind::Up(MouseButton::Left),
            MouseEventKind::Drag(MouseButton::Left),
            MouseEventKind::Moved,
            MouseEventKind::ScrollUp,
            MouseEventKind::ScrollDown,
            MouseEventKind::ScrollLeft,
        ]),
        0u16..=520,
        0u16..=220,
    )
        .prop_map(|(kind, column, row)| {
            Event::Mouse(MouseEvent {
                kind,
                column,
                row,
                modifiers: KeyModifiers::NONE,
            })
        });
    let resize = prop_oneof![
        (1u16..=40, 1u16..=12),
        (20u16..=140, 6u16..=50),
        (1u16..=500, 1u16..=200),
    ]
    .prop_map(|(w, h)| Event::Resize(w, h));
    prop_oneof![
        20 => key,
        3 => mouse,
        2 => resize,
        1 => Just(Event::FocusGained),
        1 => "[a-z\u{1b}\u{9b}]{0,20}".prop_map(Event::Paste),
    ]
}

/// The focus and scroll invariants of the current screen.
fn check_invariants(state: &State) -> Result<(), TestCaseError> {
    let height = body_height(state);
    let width = content_width(state.width);
    match &state.screen {
        Screen::Library(screen) => {
            let rows = state.library_row_count();
            prop_assert!(
                rows == 0 || screen.selected < rows,
                "selected {}",
                screen.selected
            );
            let doc = view::library::document(state, screen, width);
            prop_assert!(
                screen.scroll <= doc.len().saturating_sub(height),
                "library scroll {} of {} lines at height {height}",
                screen.scroll,
                doc.len()
            );
            // What the player works out without building the lines equals the whole document.
            let first = doc.first_line_of(screen.selected).unwrap_or(0);
            let context = doc.targets[..first]
                .iter()
                .rev()
                .take_while(|t| t.is_none())
                .count();
            let place = view::library::place_of(state, screen, width, screen.selected);
            prop_assert_eq!(
                (place.line, place.context, place.len),
                (first, context, doc.len())
            );
            for line in [0, screen.scroll, first, doc.len().saturating_sub(1)] {
                prop_assert_eq!(
                    view::library::row_at(state, screen, width, line),
                    doc.targets.get(line).copied().flatten()
                );
            }
        }
        Screen::Module(screen) => {
            let module = state.module(screen.at);
            prop_assert!(module.is_some(), "module {:?} exists", screen.at);
            let sections = module.map_or(0, |m| m.sections.len());
            prop_assert_eq!(screen.expanded.len(), sections);
            if let Focus::Section(i) = screen.focus {
                prop_assert!(i < sections, "focus on section {i} of {sections}");
            }
            let doc = view::module::document(state, screen, width);
            prop_assert!(
                screen.scroll <= doc.len().saturating_sub(height),
                "module scroll {} of {} lines at height {height}",
                screen.scroll,
                doc.len()
            );
        }
        Screen::Quiz(screen) => {
            prop_assert!(screen.position < screen.run.asked.len());
            let question = state.question_of(screen);
            prop_assert!(question.is_some(), "the question exists");
            let count = match question.map(|q| &q.kind) {
                Some(QuestionKind::Single { choices } | QuestionKind::Multiple { choices }) => {
                    choices.len()
                }
                Some(QuestionKind::Order { items }) => items.len(),
                Some(QuestionKind::TrueFalse { .. }) => 2,
                Some(QuestionKind::Match { pairs, distractors }) => pairs.len() + distractors.len(),
                _ => 0,
            };
            match &screen.input {
                AnswerInput::Choice { cursor, picked, .. } => {
                    prop_assert!(*cursor < count, "cursor {cursor} of {count}");
                    prop_assert!(picked.iter().all(|p| *p < count));
                }
                AnswerInput::TrueFalse { cursor, .. } => prop_assert!(*cursor < 2),
                AnswerInput::Order { cursor, order } => {
                    prop_assert!(*cursor < count, "cursor {cursor} of {count}");
                    let mut sorted = order.clone();
                    sorted.sort_unstable();
                    prop_assert_eq!(sorted, (0..count).collect::<Vec<_>>());
                }
                AnswerInput::Text { text, cursor } | AnswerInput::Number { text, cursor, .. } => {
                    prop_assert!(text.is_char_boundary(*cursor), "cursor inside a character");
                    prop_assert!(!text.chars().any(char::is_control), "control typed");
                }
                AnswerInput::Match { cursor, picked } => {
                    prop_assert!(*cursor < picked.len(), "item {cursor} of {}", picked.len());
                    prop_assert!(picked.iter().flatten().all(|p| *p < count));
                }
            }
            let doc = view::quiz::document(state, screen, width);
            prop_assert!(
                screen.scroll <= doc.len().saturating_sub(height),
                "quiz scroll {} of {} lines at height {height}",
                screen.scroll,
                doc.len()
            );
        }
        Screen::Result(screen) => {
            let doc = view::result::document(state, screen, width);
            prop_assert!(
                screen.scroll <= doc.len().saturating_sub(height),
                "result scroll {} of {} lines at height {height}",
                screen.scroll,
                doc.len()
            );
            if let kurs::tui::state::ResultFocus::Question(n) = screen.focus {
                prop_assert!(n < screen.run.asked.len().max(1), "result focus {n}");
            }
        }
        Screen::Overview(screen) => {
            let doc = view::overview::document(state, width);
            prop_assert!(
                screen.scroll <= doc.len().saturating_sub(height),
                "overview scroll {} of {} lines at height {height}",
                screen.scroll,
                doc.len()
            );
        }
        Screen::Search(screen) => {
            prop_assert!(screen.query.is_char_boundary(screen.cursor));
            prop_assert!(!screen.query.chars().any(char::is_control), "control typed");
            prop_assert!(
                screen.found.hits.is_empty() || screen.selected < screen.found.hits.len(),
                "selected hit {} of {}",
                screen.selected,
                screen.found.hits.len()
            );
        }
        Screen::Exam(screen) => {
            let doc = view::exam::document(state, screen, width);
            prop_assert!(
                screen.scroll <= doc.len().saturating_sub(height),
                "exam scroll {} of {} lines at height {height}",
                screen.scroll,
                doc.len()
            );
            prop_assert!(screen.run.current < screen.run.len().max(1));
        }
    }
    Ok(())
}

/// Where a sequence starts: events that lead to each screen from the library.
fn lead_in(start: usize) -> Vec<Event> {
    let key = |code| Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    let mut events = Vec::new();
    // 4: the progress overview; 5: the search, from the library.
    match start {
        4 => return vec![key(KeyCode::Char('s'))],
        5 => return vec![key(KeyCode::Char('/')), key(KeyCode::Char('a'))],
        _ => {}
    }
    if start >= 1 {
        events.push(key(KeyCode::Enter));
    }
    if start >= 2 {
        events.push(key(KeyCode::Char('p')));
    }
    if start >= 3 {
        // Answer anything until the result shows: a letter for text questions, then Enter twice.
        for _ in 0..30 {
            events.extend([
                key(KeyCode::Char('x')),
                key(KeyCode::Char(' ')),
                key(KeyCode::Enter),
                key(KeyCode::Enter),
            ]);
        }
    }
    events
}

#[derive(Default)]
struct Counts {
    sequences: usize,
    events: usize,
    draws: usize,
    screens: [usize; 7],
}

#[test]
fn random_events_never_panic_and_keep_focus_and_scroll_inside() {
    let (cases, longest) = if long() { (500, 500) } else { (32, 250) };
    // Saves go to memory-backed storage when there is one: fsync on a disk would dominate the run.
    let shm = std::path::Path::new("/dev/shm");
    let base = if shm.is_dir() {
        tempfile::tempdir_in(shm).unwrap()
    } else {
        tempfile::tempdir().unwrap()
    };
    let libraries: Vec<Library> = (0..3).map(library).collect();
    let counts = std::cell::RefCell::new(Counts::default());
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (
        0usize..3,
        0usize..6,
        any::<bool>(),
        (1u16..=500, 1u16..=200),
        prop::collection::vec(event(), 1..longest),
    );
    let result = runner.run(&strategy, |(which, start, failing, (w, h), events)| {
        let dir = tempfile::tempdir_in(base.path()).unwrap();
        let (mut store, _) = ProgressStore::open(dir.path().join("progress.toml"));
        // Half the runs with saves that fail, so warnings come and go too.
        store.set_write_failure(failing);
        let mut state = State::new(libraries[which].clone(), store, Some(Lang::De), Some(7));
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        let mut counts = counts.borrow_mut();
        counts.sequences += 1;
        let mut all = lead_in(start);
        all.insert(0, Event::Resize(w, h));
        all.extend(events);
        for event in &all {
            if let Event::Resize(w, h) = event {
                terminal.backend_mut().resize(*w, *h);
            }
            if let Some(action) = from_event(&state, event) {
                update(&mut state, action);
            }
            // Quitting ends the real loop; here the state must stay sound for whatever follows.
            state.quit = false;
            terminal
                .draw(|frame| view::view(&state, frame))
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            check_invariants(&state)?;
            counts.events += 1;
            counts.draws += 1;
            let screen = match state.screen {
                _ if state.help => 4,
                Screen::Library(_) => 0,
                Screen::Module(_) => 1,
                Screen::Quiz(_) => 2,
                Screen::Result(_) => 3,
                Screen::Overview(_) => 5,
                Screen::Search(_) | Screen::Exam(_) => 6,
            };
            counts.screens[screen] += 1;
        }
        Ok(())
    });
    let counts = counts.into_inner();
    let panics = usize::from(result.is_err());
    println!(
        "random input: {} sequences, {} events, {} frames drawn (library {}, module {}, quiz {}, \
         result {}, help {}, overview {}, search {}), sizes 1×1 … 500×200, panics or broken \
         invariants: {panics}",
        counts.sequences,
        counts.events,
        counts.draws,
        counts.screens[0],
        counts.screens[1],
        counts.screens[2],
        counts.screens[3],
        counts.screens[4],
        counts.screens[5],
        counts.screens[6]
    );
    if let Err(error) = result {
        panic!("{error}");
    }
}
