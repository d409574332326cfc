//! What the player shows right now: the screen stack, focus, scroll, answers being typed.
//! Changed only by `update`; read by `view`.

use std::collections::BTreeSet;

use std::time::Instant;

use super::theme::Theme;
use crate::course::{Course, Library, Module, Question, QuestionKind, Quiz};
use crate::exam::{ExamResult, ExamRun, TimeChoice};
use crate::i18n::{Lang, T};
use crate::progress::ProgressStore;
use crate::quiz::{Outcome, Run, Shuffler};
pub use crate::session::ModuleRef;

pub struct State {
    pub library: Library,
    pub store: ProgressStore,
    /// The learning records, when an LRS is configured.
    pub journal: Option<crate::xapi::journal::Journal>,
    /// `--lang`; otherwise each course's language decides.
    pub lang_override: Option<Lang>,
    pub screen: Screen,
    pub help: bool,
    /// The first line of help shown, when help is longer than the window.
    pub help_scroll: usize,
    /// One sentence for the learner (progress file problems, hints); shown until the next key.
    pub notice: Option<String>,
    /// A lasting warning, such as "progress is not being saved".
    pub warning: Option<String>,
    /// With `--watch`: the first error of the course files as saved, while the last good
    /// version stays on screen; gone once the files are good again.
    pub reload_error: Option<String>,
    /// Terminal size as last reported; layout decisions in `update` use it.
    pub width: u16,
    pub height: u16,
    pub shuffler: Shuffler,
    pub theme: Theme,
    pub quit: bool,
    /// `--time-factor` and `--untimed` for the final exam.
    pub time: TimeChoice,
    /// Where certificates go and who signs them; `None`: no certificates here.
    pub certify: Option<crate::session::Certify>,
    /// The library screen's line count per course, kept between frames (see `view::library`).
    pub course_heights: std::cell::RefCell<super::view::library::CourseHeights>,
    /// The courses after the first ones, while they are still being read
    /// (`Session::open_first`): added before the next key is handled (`update::take_rest`).
    pub rest: Option<crate::session::Rest>,
}

pub enum Screen {
    Library(LibraryScreen),
    Module(ModuleScreen),
    Quiz(QuizScreen),
    Result(ResultScreen),
    Overview(OverviewScreen),
    Search(SearchScreen),
    Exam(Box<ExamScreen>),
}

/// The final exam of one course: question after question with no feedback, then what is open
/// before handing in, the result, and the profile the certificate needs when there is none.
pub struct ExamScreen {
    pub course: usize,
    /// The exam's title: the trainer's, else "Abschlusstest" / "Final test".
    pub title: String,
    pub run: ExamRun,
    /// The answer being built for `run.current`, filled with the answer recorded there.
    pub input: AnswerInput,
    /// When time was last taken off the exam (`ExamRun::spend`); the rest of a second stays.
    pub clock: Instant,
    pub phase: ExamPhase,
    pub scroll: usize,
    /// A hint such as "tick at least one answer".
    pub hint: Option<&'static str>,
    /// The library as it was, to go back to.
    pub back: LibraryScreen,
}

pub enum ExamPhase {
    /// Before a timed exam: questions, time, pass mark and how the time can be adjusted. Enter
    /// starts it (the time runs from then), Esc goes back and nothing is saved.
    Start,
    Question,
    /// "3 Fragen: 1 unbeantwortet, 1 markiert": Enter hands in, Esc goes back.
    Summary,
    /// Name and birth date for the certificate, asked the first time one is due.
    Profile(ProfileForm),
    Result(ExamDone),
}

/// The exam handed in: its result, and what became of the certificate (lines to show).
pub struct ExamDone {
    pub result: ExamResult,
    pub certificate: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct ProfileForm {
    pub name: String,
    pub birth_date: String,
    /// 0: the name, 1: the birth date.
    pub field: usize,
    /// Byte offset of the cursor in the field being typed.
    pub cursor: usize,
    /// What is wrong with the input, one sentence each.
    pub problems: Vec<String>,
    /// The result waiting behind the form.
    pub result: Option<ExamResult>,
}

/// Every course's modules with their progress: the facts `kurs progress` prints.
pub struct OverviewScreen {
    pub scroll: usize,
    /// The library as it was, to go back to.
    pub back: LibraryScreen,
}

/// Finding a word in every module of the library.
pub struct SearchScreen {
    pub query: String,
    /// Byte offset of the cursor in `query`, on a grapheme boundary.
    pub cursor: usize,
    pub found: crate::course::search::Found,
    /// Index into `found.hits`.
    pub selected: usize,
    pub scroll: usize,
    /// Where the search was started, to go back to with Esc.
    pub back: SearchFrom,
}

pub enum SearchFrom {
    Library(LibraryScreen),
    Module(ModuleScreen),
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LibraryScreen {
    /// Row of the library, in library order (see `library_row`).
    pub selected: usize,
    pub scroll: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModuleScreen {
    pub at: ModuleRef,
    pub expanded: Vec<bool>,
    pub focus: Focus,
    pub scroll: usize,
    /// The word a search found here, marked in the text until the module is left.
    pub highlight: Option<String>,
    /// The section number typed so far while a next digit can still make it longer (`1` of
    /// `12` in a module of twelve); any other key or a second without a key ends it.
    pub number: Option<usize>,
}

/// What Enter acts on in a module.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Section(usize),
    Practice,
    Learned,
}

pub struct QuizScreen {
    pub at: ModuleRef,
    pub run: Run,
    /// Index into `run.asked`.
    pub position: usize,
    pub input: AnswerInput,
    /// Set once the answer was checked: the feedback is shown.
    pub checked: Option<Outcome>,
    pub scroll: usize,
    /// A hint such as "tick at least one answer".
    pub hint: Option<&'static str>,
    /// Esc was pressed once with answers given: the next Esc leaves, any other key stays.
    pub leaving: bool,
}

/// The answer as the learner builds it; positions are display positions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerInput {
    Choice {
        multiple: bool,
        cursor: usize,
        picked: BTreeSet<usize>,
    },
    TrueFalse {
        cursor: usize,
        picked: Option<bool>,
    },
    Text {
        text: String,
        /// Byte offset of the cursor in `text`, always on a grapheme boundary.
        cursor: usize,
    },
    Order {
        cursor: usize,
        /// Item indexes in the current order.
        order: Vec<usize>,
    },
    /// A match question: each item (as written) with the partner picked for it.
    Match {
        /// The item the cursor is on.
        cursor: usize,
        /// Per item, the display position (a, b, c, …) of the partner picked.
        picked: Vec<Option<usize>>,
    },
    /// A numeric question: the number as typed, read when it is checked.
    Number {
        text: String,
        /// Byte offset of the cursor in `text`, always on a grapheme boundary.
        cursor: usize,
        /// The question's unit, which the learner may type after the number.
        unit: Option<String>,
    },
}

pub struct ResultScreen {
    pub at: ModuleRef,
    pub run: Run,
    pub scroll: usize,
    /// What Enter acts on: a question of the run (by position) or the next module.
    pub focus: ResultFocus,
    /// Questions shown with the learner's answer, the right one and the explanation.
    pub open: BTreeSet<usize>,
    /// After a passed attempt: the next module of the course not passed yet.
    pub next: Option<ModuleRef>,
    /// The certificate this pass completed: where its files are, or why there are none yet.
    pub certificate: Vec<String>,
    /// Name and birth date, asked over the result when this pass made a certificate due and
    /// no profile is stored yet; `None` once given or skipped.
    pub profile: Option<ProfileForm>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResultFocus {
    Question(usize),
    Next,
    /// The line of the profile form being typed (never focused by keys: where the cursor goes).
    ProfileField,
}

impl State {
    pub fn new(
        library: Library,
        store: ProgressStore,
        lang: Option<Lang>,
        seed: Option<u64>,
    ) -> Self {
        State {
            library,
            store,
            lang_override: lang,
            screen: Screen::Library(LibraryScreen::default()),
            help: false,
            help_scroll: 0,
            notice: None,
            warning: None,
            reload_error: None,
            width: 80,
            height: 24,
            shuffler: Shuffler::new(seed),
            theme: Theme::from_env(),
            quit: false,
            time: TimeChoice::default(),
            certify: None,
            course_heights: Default::default(),
            journal: None,
            rest: None,
        }
    }

    /// The UI language of the current screen: `--lang`, else the course's language, else
    /// English. The library shows courses of several languages in one: the first course's, so
    /// that the screen does not change its language as the selection moves.
    pub fn lang(&self) -> Lang {
        if let Some(lang) = self.lang_override {
            return lang;
        }
        let course = match &self.screen {
            Screen::Library(_) => None,
            Screen::Module(s) => Some(s.at.course),
            Screen::Quiz(s) => Some(s.at.course),
            Screen::Result(s) => Some(s.at.course),
            Screen::Overview(_) => None,
            Screen::Exam(s) => Some(s.course),
            Screen::Search(s) => match &s.back {
                SearchFrom::Library(_) => None,
                SearchFrom::Module(m) => Some(m.at.course),
            },
        };
        course
            .or(if self.library.courses.is_empty() {
                None
            } else {
                Some(0)
            })
            .and_then(|c| self.library.courses.get(c))
            .and_then(|c| Lang::from_tag(&c.language))
            .unwrap_or(Lang::En)
    }

    pub fn t(&self, text: T) -> &'static str {
        text.get(self.lang())
    }

    /// Row `index` of the library (every module in library order), found without listing
    /// every row (the library screen asks on every frame, and a frame must not cost more for a
    /// larger library).
    pub fn library_row(&self, index: usize) -> Option<ModuleRef> {
        let mut first = 0;
        for (c, course) in self.library.courses.iter().enumerate() {
            for area in &course.areas {
                if let Some(&module) = area.modules.get(index - first) {
                    return Some(ModuleRef { course: c, module });
                }
                first += area.modules.len();
            }
        }
        None
    }

    /// How many rows the library has: every module of every course (counted, not listed,
    /// so that a key costs no allocation growing with the library).
    pub fn library_row_count(&self) -> usize {
        self.library
            .courses
            .iter()
            .flat_map(|course| &course.areas)
            .map(|area| area.modules.len())
            .sum()
    }

    /// The row of a module in library order, if the library lists it.
    pub fn library_row_of(&self, at: ModuleRef) -> Option<usize> {
        let mut first = 0;
        for (c, course) in self.library.courses.iter().enumerate() {
            for area in &course.areas {
                if c == at.course
                    && let Some(i) = area.modules.iter().position(|&m| m == at.module)
                {
                    return Some(first + i);
                }
                first += area.modules.len();
            }
        }
        None
    }

    pub fn course(&self, at: ModuleRef) -> Option<&Course> {
        self.library.courses.get(at.course)
    }

    pub fn module(&self, at: ModuleRef) -> Option<&Module> {
        self.course(at).and_then(|c| c.modules.get(at.module))
    }

    pub fn quiz(&self, at: ModuleRef) -> Option<&Quiz> {
        self.module(at).and_then(|m| m.quiz.as_deref())
    }

    /// Which screen is shown, and of which module: a change means a new screen.
    pub fn screen_key(&self) -> (std::mem::Discriminant<Screen>, Option<ModuleRef>) {
        let at = match &self.screen {
            Screen::Library(_) => None,
            Screen::Module(s) => Some(s.at),
            Screen::Quiz(s) => Some(s.at),
            Screen::Result(s) => Some(s.at),
            Screen::Overview(_) | Screen::Search(_) => None,
            // Each phase of the exam is a screen of its own, and so is each question.
            Screen::Exam(s) => Some(ModuleRef {
                course: s.course,
                module: match &s.phase {
                    ExamPhase::Start => usize::MAX - 3,
                    ExamPhase::Question => s.run.current,
                    ExamPhase::Summary => usize::MAX - 2,
                    ExamPhase::Profile(_) => usize::MAX - 1,
                    ExamPhase::Result(_) => usize::MAX,
                },
            }),
        };
        (std::mem::discriminant(&self.screen), at)
    }

    /// The scroll position of the screen shown.
    pub fn scroll_mut(&mut self) -> &mut usize {
        match &mut self.screen {
            Screen::Library(s) => &mut s.scroll,
            Screen::Module(s) => &mut s.scroll,
            Screen::Quiz(s) => &mut s.scroll,
            Screen::Result(s) => &mut s.scroll,
            Screen::Overview(s) => &mut s.scroll,
            Screen::Search(s) => &mut s.scroll,
            Screen::Exam(s) => &mut s.scroll,
        }
    }

    /// The question a quiz screen asks now.
    pub fn question_of(&self, screen: &QuizScreen) -> Option<&Question> {
        let asked = screen.run.asked.get(screen.position)?;
        self.quiz(screen.at)?.questions.get(asked.question)
    }

    /// The question on screen, when a quiz is shown.
    pub fn current_question(&self) -> Option<&Question> {
        match &self.screen {
            Screen::Quiz(screen) => self.question_of(screen),
            _ => None,
        }
    }
}

impl AnswerInput {
    /// A fresh, empty answer for the question as asked.
    pub fn new(kind: &QuestionKind, order: &[usize]) -> AnswerInput {
        match kind {
            QuestionKind::Single { .. } => AnswerInput::Choice {
                multiple: false,
                cursor: 0,
                picked: BTreeSet::new(),
            },
            QuestionKind::Multiple { .. } => AnswerInput::Choice {
                multiple: true,
                cursor: 0,
                picked: BTreeSet::new(),
            },
            QuestionKind::TrueFalse { .. } => AnswerInput::TrueFalse {
                cursor: 0,
                picked: None,
            },
            QuestionKind::Text { .. } => AnswerInput::Text {
                text: String::new(),
                cursor: 0,
            },
            QuestionKind::Order { .. } => AnswerInput::Order {
                cursor: 0,
                order: order.to_vec(),
            },
            QuestionKind::Match { pairs, .. } => AnswerInput::Match {
                cursor: 0,
                picked: vec![None; pairs.len()],
            },
            QuestionKind::Numeric { unit, .. } => AnswerInput::Number {
                text: String::new(),
                cursor: 0,
                unit: unit.clone(),
            },
        }
    }

    /// The input showing an answer given before (the exam goes back to answered questions);
    /// a fresh one when there is none.
    pub fn with_answer(
        kind: &QuestionKind,
        order: &[usize],
        answer: Option<&crate::quiz::Answer>,
        lang: Lang,
    ) -> AnswerInput {
        use crate::quiz::Answer;
        let mut input = AnswerInput::new(kind, order);
        let position = |index: usize| order.iter().position(|&i| i == index);
        match (&mut input, answer) {
            (AnswerInput::Choice { cursor, picked, .. }, Some(Answer::Single(i))) => {
                if let Some(p) = position(*i) {
                    picked.insert(p);
                    *cursor = p;
                }
            }
            (AnswerInput::Choice { picked, .. }, Some(Answer::Multiple(set))) => {
                picked.extend(set.iter().filter_map(|&i| position(i)));
            }
            (AnswerInput::TrueFalse { cursor, picked }, Some(Answer::TrueFalse(value))) => {
                *picked = Some(*value);
                *cursor = usize::from(!*value);
            }
            (AnswerInput::Text { text, cursor }, Some(Answer::Text(given))) => {
                *text = given.clone();
                *cursor = given.len();
            }
            (AnswerInput::Order { order, .. }, Some(Answer::Order(given)))
                if given.len() == order.len() =>
            {
                *order = given.clone();
            }
            (AnswerInput::Match { picked, .. }, Some(Answer::Match(given)))
                if given.len() == picked.len() =>
            {
                *picked = given.iter().map(|p| p.and_then(position)).collect();
            }
            (AnswerInput::Number { text, cursor, .. }, Some(Answer::Number(value))) => {
                // In the learner's language: `3,5` for a German course.
                *text = crate::i18n::number(lang, *value);
                *cursor = text.len();
            }
            _ => {}
        }
        input
    }

    /// Whether typing goes into the answer (a text or a number).
    pub fn is_text(&self) -> bool {
        matches!(self, AnswerInput::Text { .. } | AnswerInput::Number { .. })
    }

    /// The typed text and its cursor, for an answer that is typed.
    pub fn typed(&self) -> Option<(&str, usize)> {
        match self {
            AnswerInput::Text { text, cursor } | AnswerInput::Number { text, cursor, .. } => {
                Some((text, *cursor))
            }
            _ => None,
        }
    }
}
