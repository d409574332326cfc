//! The line-by-line front end for screen readers, braille displays and scripts: numbered menus,
//! answers typed as lines, every state said in words, and not one control sequence in the output.
//! One file per screen (`library`, `module`, `quiz`, `search`, `overview`), as in `tui`;
//! `player` holds the I/O and the commands every menu knows.

mod answer;
mod exam;
mod input;
mod library;
mod module;
mod overview;
mod player;
mod quiz;
mod search;

use std::convert::Infallible;
use std::io::{self, BufRead, BufWriter, IsTerminal, Write};

use input::Lines;

use crate::course::{Course, Library};
use crate::i18n::{self, Lang, T};
use crate::progress::ProgressStore;
use crate::quiz::Shuffler;
use crate::safe_text::folded;
use crate::session::{Ending, ModuleRef, Options, Place, Session, lang_for};

/// Plain mode on the terminal or pipes it was started with; Err is output that cannot be written.
pub fn run(session: Session, options: Options) -> io::Result<Ending> {
    run_from(session, options, None)
}

/// Plain mode straight into the final exam of course `course` (`kurs exam`); it ends with the exam.
pub fn run_exam(session: Session, options: Options, course: usize) -> io::Result<Ending> {
    run_from(session, options, Some(course))
}

fn run_from(session: Session, options: Options, exam: Option<usize>) -> io::Result<Ending> {
    // At a terminal the learner's typing is already on the screen; from a pipe it is not.
    let echo = !io::stdin().is_terminal();
    let output = BufWriter::new(io::stdout().lock());
    let (result, store) = play(session, options, Lines::stdin(), output, echo, exam);
    result.map(|()| Ending::of(&store))
}

/// `run_exam` over any input and output, as a test drives it.
pub fn run_exam_with(
    session: Session,
    options: Options,
    course: usize,
    input: impl BufRead + Send,
    output: impl Write,
) -> io::Result<Ending> {
    let (result, store) = std::thread::scope(|scope| {
        let lines = Lines::scoped(scope, input);
        play(session, options, lines, output, true, Some(course))
    });
    result.map(|()| Ending::of(&store))
}

/// Plain mode over any input and output, as a script or a test drives it. Each line read is
/// written after its prompt, so the output reads like the same session typed at a terminal.
pub fn run_with(
    session: Session,
    options: Options,
    input: impl BufRead + Send,
    output: impl Write,
) -> io::Result<Ending> {
    let (result, store) = std::thread::scope(|scope| {
        let lines = Lines::scoped(scope, input);
        play(session, options, lines, output, true, None)
    });
    result.map(|()| Ending::of(&store))
}

/// The session played to its end; the store is given back so tests can see what was saved.
fn play(
    session: Session,
    options: Options,
    input: Lines,
    output: impl Write,
    echo: bool,
    exam: Option<usize>,
) -> (io::Result<()>, ProgressStore) {
    let notices = session.notice_texts(&options);
    let start = session.start_place();
    let given = session.open.is_some();
    let Session {
        library,
        store,
        certify,
        journal,
        ..
    } = session;
    let mut player = Player {
        lang: lang_for(options.lang, library.courses.first()),
        library,
        store,
        journal,
        waiting_told: None,
        options,
        shuffler: Shuffler::new(options.seed),
        input,
        out: output,
        echo,
        width: text_width(),
        last_notice: None,
        place: None,
        help_told: false,
        certify,
    };
    let started = match exam {
        Some(course) if course < player.library.courses.len() => player.exam_only(&notices, course),
        _ => player.start(&notices, start, given),
    };
    let stop = match started {
        Ok(never) => match never {},
        Err(stop) => stop,
    };
    let result = player.finish(&stop);
    if let Some(journal) = player.journal.as_mut() {
        journal.finish();
    }
    (result, player.store)
}

/// `$COLUMNS` when the shell says how wide the terminal is, else 80.
fn text_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .filter(|w| (20..=1000).contains(w))
        .unwrap_or(80)
}

/// Why the session ends.
enum Stop {
    /// The learner typed the word for quitting.
    Quit,
    /// Input ended (end of a script, Ctrl+D) or could not be read any more.
    EndOfInput,
    /// The output cannot be written; nobody is listening.
    Output(io::Error),
}

impl From<io::Error> for Stop {
    fn from(error: io::Error) -> Self {
        Stop::Output(error)
    }
}

type Step<T = ()> = Result<T, Stop>;

struct Player<W> {
    library: Library,
    store: ProgressStore,
    /// The learning records, when an LRS is configured.
    journal: Option<crate::xapi::journal::Journal>,
    /// The number of records told as waiting for the LRS, so it is said when it changes.
    waiting_told: Option<usize>,
    options: Options,
    /// The language of the course the learner is in.
    lang: Lang,
    shuffler: Shuffler,
    /// The learner's lines, read by a thread of their own (see `input::Lines`).
    input: Lines,
    out: W,
    echo: bool,
    width: usize,
    /// The last progress-file problem told, so a disk that stays full is not reported after every answer.
    last_notice: Option<String>,
    /// The module the learner is in, so the next start resumes there.
    place: Option<ModuleRef>,
    /// Whether the learner has been told how to get help (once a session).
    help_told: bool,
    /// Where certificates go and who signs them; `None`: none is issued.
    certify: Option<crate::session::Certify>,
}

impl<W: Write> Player<W> {
    /// From the first screen on: the module given or the last place, then the course and
    /// module lists, until the learner quits or the input ends.
    fn start(&mut self, notices: &[String], start: Option<Place>, given: bool) -> Step<Infallible> {
        for notice in notices {
            self.say(notice)?;
        }
        let start = start.filter(|p| {
            self.library
                .courses
                .get(p.at.course)
                .is_some_and(|course| p.at.module < course.modules.len())
        });
        let mut course = None;
        if let Some(Place { at, section }) = start {
            self.enter_course(at.course);
            if given {
                self.module(at)?;
            } else if self.load(at)? {
                let module = &self.library.courses[at.course].modules[at.module];
                let label = folded(&Course::module_label(module));
                let section = section
                    .and_then(|s| module.sections.get(s))
                    .map(|s| folded(&s.title));
                self.say(&i18n::plain_resume(self.lang, &label, section.as_deref()))?;
                self.module(at)?;
            }
            course = Some(at.course);
        }
        let mut describe = course.is_none();
        loop {
            let c = match course {
                Some(c) => c,
                None if self.library.courses.len() == 1 => 0,
                None => {
                    describe = true;
                    self.choose_course()?
                }
            };
            self.modules(c, describe)?;
            describe = false;
            // Back from the module list leads to the course list, if there is more than one course;
            // with one course the module list is the top, and the learner hears how to quit.
            course = (self.library.courses.len() == 1).then_some(c);
            if course.is_some() {
                self.say(T::PlainTopLevel.get(self.lang))?;
            }
        }
    }

    /// `kurs exam`: the notices, the exam of course `c`, and the end.
    fn exam_only(&mut self, notices: &[String], c: usize) -> Step<Infallible> {
        for notice in notices {
            self.say(notice)?;
        }
        self.exam(c)?;
        Err(Stop::Quit)
    }

    /// The language of course `c` (or `--lang`) from now on.
    fn enter_course(&mut self, c: usize) {
        self.lang = lang_for(self.options.lang, self.library.courses.get(c));
    }

    /// The farewell, saying whether everything is saved; Err only for output that cannot be written.
    fn finish(&mut self, stop: &Stop) -> io::Result<()> {
        if let Stop::Output(error) = stop {
            // Nobody reads the output any more; still keep the place for the next start.
            let _ = self.leave_module();
            return Err(io::Error::new(error.kind(), error.to_string()));
        }
        let end_of_input = matches!(stop, Stop::EndOfInput);
        if end_of_input {
            // The cursor still stands after the unanswered prompt.
            let _ = writeln!(self.out);
        }
        let saved = self.leave_module();
        // "Saved" only when it is true: after a failed save the changes live in memory only.
        let farewell = match (end_of_input, self.store.all_saved()) {
            (true, true) => T::PlainEndOfInput,
            (true, false) => T::PlainEndOfInputNotSaved,
            (false, true) => T::PlainGoodbye,
            (false, false) => T::PlainGoodbyeNotSaved,
        };
        let said = saved
            .and_then(|()| self.say(farewell.get(self.lang)))
            .and_then(|()| self.out.flush().map_err(Stop::from));
        match said {
            Err(Stop::Output(error)) => Err(error),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::course::{Area, Choice, Section};
    use crate::course::{Module, Question, QuestionKind, Quiz};
    use crate::diagnostic::Report;
    use crate::progress::store::StoreNotice;
    use crate::session::Notice;

    /// Clear screen, set window title, a C1 CSI, a device control string, a bell.
    const HOSTILE: &str = "\u{1b}[2J\u{1b}]0;owned\u{7}\u{9b}31m\u{1b}P+q\u{1b}\\\u{90}";

    fn choice(text: &str, correct: bool, feedback: Option<&str>) -> Choice {
        Choice {
            text: text.to_string(),
            correct,
            credit: None,
            feedback: feedback.map(str::to_string),
        }
    }

    fn question(id: &str, prompt: &str, explanation: &str, kind: QuestionKind) -> Question {
        Question {
            id: id.to_string(),
            prompt: prompt.to_string(),
            explanation: Some(explanation.to_string()),
            kind,
        }
    }

    /// One course whose every text carries `x`, with one question of each type, never shuffled.
    fn library(x: &str) -> Library {
        let questions = vec![
            question(
                "q1",
                &format!("Single {x}?"),
                &format!("Explained {x}"),
                QuestionKind::Single {
                    choices: vec![
                        choice(&format!("wrong {x}"), false, Some(&format!("no {x}"))),
                        choice(&format!("right {x}"), true, None),
                    ],
                },
            ),
            question(
                "q2",
                &format!("Multiple {x}?"),
                &format!("Explained {x}"),
                QuestionKind::Multiple {
                    choices: vec![
                        choice(&format!("yes {x}"), true, None),
                        choice(&format!("no {x}"), false, Some(&format!("not {x}"))),
                    ],
                },
            ),
            question(
                "q3",
                &format!("True {x}?"),
                &format!("Explained {x}"),
                QuestionKind::TrueFalse { answer: true },
            ),
            question(
                "q4",
                &format!("Text {x}?"),
                &format!("Explained {x}"),
                QuestionKind::Text {
                    accept: vec![format!("word {x}").into()],
                },
            ),
            question(
                "q5",
                &format!("Order {x}?"),
                &format!("Explained {x}"),
                QuestionKind::Order {
                    items: vec![format!("first {x}"), format!("second {x}")],
                },
            ),
        ];
        let module = Module {
            id: "m1".to_string(),
            code: Some(format!("M{x}1")),
            title: format!("Module {x}"),
            loaded: true,
            intro: Some(format!("Intro {x}")),
            sections: vec![
                Section {
                    title: format!("One {x}"),
                    body: format!("Body {x}\n\n- item {x}\n\n[link {x}](https://example.org/{x})"),
                },
                Section {
                    title: format!("Two {x}"),
                    body: format!("> quote {x}"),
                },
            ],
            quiz: Some(Box::new(Quiz {
                title: Some(format!("Quiz {x}")),
                pass_percent: 60,
                shuffle: false,
                questions,
            })),
            path: PathBuf::from("m1.toml"),
        };
        Library {
            courses: vec![Course {
                id: "c".to_string(),
                title: format!("Course {x}"),
                language: "en".to_string(),
                description: Some(format!("About {x}")),
                pass_percent: 60,
                xapi_activity_base: None,
                areas: vec![Area {
                    code: Some(format!("A{x}")),
                    title: Some(format!("Area {x}")),
                    modules: vec![0],
                }],
                modules: vec![module],
                exam: None,
                certificate: None,
                path: PathBuf::from("c"),
            }],
            ..Library::default()
        }
    }

    fn session(library: Library, dir: &Path, notices: Vec<Notice>) -> Session {
        let (store, _) = ProgressStore::open(dir.join("p.toml"));
        Session {
            library,
            store,
            notices,
            report: Report::default(),
            open: None,
            certify: None,
            journal: None,
            rest: None,
        }
    }

    fn options() -> Options {
        Options {
            seed: Some(1),
            time: Default::default(),
            lang: None,
        }
    }

    fn play(session: Session, script: &str) -> (String, io::Result<Ending>) {
        let mut output = Vec::new();
        let code = run_with(session, options(), script.as_bytes(), &mut output);
        let text = String::from_utf8(output).expect("plain output is UTF-8");
        (text, code)
    }

    /// Everything a session can show: notices, menus, all sections, every question answered wrong
    /// with feedback and right answers, the result, a repeat, "Gelernt", and a typed escape sequence.
    const EVERYTHING: &str =
        "1\n1\n2\n1\n2\nback\n3\n1\n2\nno\nnope\n1 2\n1\n/back\n4\n\u{1b}[31m\nback\nquit\n";

    #[test]
    fn course_text_with_escape_sequences_reaches_the_output_neutralised() {
        let dir = tempfile::tempdir().expect("temp dir");
        let notice = Notice::Progress(StoreNotice::NotSaved {
            path: PathBuf::from(format!("notice {HOSTILE}")),
            reason: HOSTILE.to_string(),
        });
        let (text, code) = play(
            session(library(HOSTILE), dir.path(), vec![notice]),
            EVERYTHING,
        );
        assert!(code.is_ok(), "{code:?}");
        let controls: Vec<char> = text
            .chars()
            .filter(|&c| (c.is_control() && c != '\n') || c == '\u{7f}')
            .collect();
        assert_eq!(controls, Vec::<char>::new(), "{text}");
        // The readable rest of every text is still there.
        for shown in [
            "Course",
            "Module",
            "Intro",
            "One",
            "Body",
            "quote",
            "Quiz",
            "wrong",
            "Explained",
            "second",
            "Goodbye",
        ] {
            assert!(text.contains(shown), "{shown} missing in:\n{text}");
        }
    }

    #[test]
    fn the_same_session_with_harmless_text_says_everything_in_words() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (text, code) = play(session(library("x"), dir.path(), Vec::new()), EVERYTHING);
        assert!(code.is_ok(), "{code:?}");
        for said in [
            "Course x: 0 / 1 passed",
            "Ax Area x",
            "1. Module Mx1 Module x: not started",
            "Section 1 of 2: One x",
            "1. One x (read)",
            "1. Read all sections\n2. Read one section\n3. Take the quiz: Quiz x\n4. Mark as learned\n",
            "Quiz x: 5 questions. Pass mark 60%.",
            "Question 1 of 5\nSingle x?\n1. wrong x\n2. right x\n",
            "✗ Sorry, that is wrong\nOn “wrong x”:\nno x\nRight answer: right x\nExplanation:\nExplained x\n",
            "Right answer: True",
            "Right answer: word x",
            "Right answer:\n1. first x\n2. second x\n",
            "Result: 0 of 5 points (0%)\nNot passed. Pass mark 60%.\n",
            "1. ✗ Sorry, that is wrong: Single x?",
            "Module Mx1 Module x: in progress, best score 0%",
            "1. Repeat the wrong ones\n2. Repeat all questions\n",
            "Module Mx1 Module x: learned, best score 0%",
            "4. Unmark as learned",
            "Progress saved. Goodbye!\n",
        ] {
            assert!(text.contains(said), "{said:?} missing in:\n{text}");
        }
    }

    #[test]
    fn answers_and_attempts_are_recorded_as_the_player_records_them() {
        let dir = tempfile::tempdir().expect("temp dir");
        // Order items start as [second, first] with seed 1 for two items (never the right order).
        let script = "1\n3\n2\n1\nja\nword x\n2 1\n";
        let (text, code) = play(session(library("x"), dir.path(), Vec::new()), script);
        assert!(code.is_ok(), "{code:?}");
        assert!(
            text.contains("Result: 5 of 5 points (100%)\nPassed. Pass mark 60%.\n"),
            "{text}"
        );
        let (store, _) = ProgressStore::open(dir.path().join("p.toml"));
        let progress = store.progress();
        let module = progress.module("c", "m1").expect("module progress");
        assert_eq!(module.attempts.len(), 1);
        let attempt = &module.attempts[0];
        assert_eq!(
            (attempt.points, attempt.max, attempt.passed),
            (crate::progress::Points::whole(5), 5, true)
        );
        assert!(attempt.results.values().all(|right| *right));
        assert_eq!(module.questions.len(), 5);
        let library = library("x");
        let q1 = &library.courses[0].modules[0]
            .quiz
            .as_ref()
            .expect("quiz")
            .questions[0];
        assert_eq!(module.questions["q1"].fingerprint, q1.fingerprint());
        assert_eq!(progress.last_course.as_deref(), Some("c"));
        assert!(
            text.ends_with("\nEnd of input. Progress saved. Goodbye!\n"),
            "{text}"
        );
    }

    #[test]
    fn end_of_input_inside_a_question_ends_cleanly_after_the_prompt() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (text, code) = play(session(library("x"), dir.path(), Vec::new()), "1\n3\n");
        assert!(code.is_ok(), "{code:?}");
        assert!(
            text.ends_with("Type the number of your answer (or “/back”, “/quit”) > \nEnd of input. Progress saved. Goodbye!\n"),
            "{text}"
        );
    }

    #[test]
    fn reading_all_sections_saves_once_however_many_there_are() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut library = library("x");
        let module = &mut library.courses[0].modules[0];
        module.sections = (0..300)
            .map(|i| Section {
                title: format!("S{i}"),
                body: format!("Text {i}"),
            })
            .collect();
        let session = session(library, dir.path(), Vec::new());
        let before = session.store.generation();
        // Module 1 (its place saved), "read all" (one save), then the input ends (the place
        // once more).
        let (result, store) = std::thread::scope(|scope| {
            let lines = Lines::scoped(scope, "1\n1\n".as_bytes());
            super::play(session, options(), lines, Vec::new(), true, None)
        });
        assert!(result.is_ok(), "{result:?}");
        let opened = &store.progress().module("c", "m1").unwrap().opened_sections;
        assert_eq!(opened.len(), 300);
        assert!(
            store.generation() - before <= 3,
            "{} saves",
            store.generation() - before
        );
    }

    #[test]
    fn a_progress_file_that_cannot_be_saved_is_told_once() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut session = session(library("x"), dir.path(), Vec::new());
        session.store.set_write_failure(true);
        let (text, _) = play(session, "1\n1\n3\n2\n1\n");
        let told = text.matches("Progress is not being saved").count();
        assert_eq!(told, 1, "{text}");
    }

    #[test]
    fn resuming_names_the_module_and_section() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (_, first) = play(session(library("x"), dir.path(), Vec::new()), "1\n2\n2\n");
        assert!(first.is_ok(), "{first:?}");
        let (text, _) = play(session(library("x"), dir.path(), Vec::new()), "");
        assert!(
            text.starts_with("Continuing with module Mx1 Module x, section “Two x”.\n\nModule Mx1 Module x: in progress\n"),
            "{text}"
        );
    }
}
