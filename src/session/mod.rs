//! What both front ends start from: the courses and the learner's progress opened together, the
//! notices for the first screen, where the learner left off, and the rules both players share;
//! `overview.rs`: the facts of the learner's progress that `kurs progress` and plain mode tell.

mod exam;
mod overview;
mod record;

use std::fmt;
use std::path::PathBuf;

pub use exam::{
    CertificateOutcome, CertificateStatus, Certify, Missing, certificate_due, certificate_facts,
    certificate_missing, certificate_now_due, certificate_status, closed_text, exam_gate,
    exam_state, exam_title, issue_certificate, issued_on, module_done, read_course, retime_text,
    terms_text,
};
pub use overview::{
    CourseFacts, EndLine, ExamFacts, ModuleFacts, course_end_lines, course_facts, day_of,
    exam_facts, next_unpassed, overview,
};
pub use record::Record;

use crate::course::{Course, Depth, Library, Source, load};
use crate::diagnostic::{Report, Severity};
use crate::i18n::{self, Lang};
use crate::progress::store::StoreNotice;
use crate::progress::{Progress, ProgressStore};

/// Where the courses and the progress come from, as the command line resolved them.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    /// A library folder, a course folder or a module file; `None`: the built-in sample courses.
    pub courses: Option<PathBuf>,
    /// The progress index file.
    pub progress: PathBuf,
}

/// How the learner wants the player to behave, the same for both front ends.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// `--lang`; otherwise each course's language decides.
    pub lang: Option<Lang>,
    /// `--seed`: a reproducible order of questions and choices.
    pub seed: Option<u64>,
    /// `--time-factor`, `--untimed`: the exam's time as the learner needs it.
    pub time: crate::exam::TimeChoice,
}

/// One module of one course, by position in the library.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ModuleRef {
    pub course: usize,
    pub module: usize,
}

/// A place to open: a module and, when known, the section the learner read last.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub at: ModuleRef,
    pub section: Option<usize>,
}

/// Something the learner is told on the first screen.
#[derive(Clone, Debug)]
pub enum Notice {
    /// A problem with the progress file (damaged, newer, not writable).
    Progress(StoreNotice),
    /// So many errors in the course files; the modules concerned are left out.
    CourseErrors(usize),
}

impl Notice {
    /// The notice as one sentence on one line, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Notice::Progress(notice) => i18n::store_notice(lang, notice),
            Notice::CourseErrors(n) => i18n::course_errors(lang, *n),
        }
    }
}

/// How a player session ended, for the exit status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ending {
    /// Everything the learner did is on disk.
    Saved,
    /// Some of it could not be saved (the player said why); it is lost when the program ends.
    NotSaved { progress: PathBuf },
}

impl Ending {
    /// How a session with this store ends.
    pub fn of(store: &ProgressStore) -> Ending {
        if store.all_saved() {
            Ending::Saved
        } else {
            Ending::NotSaved {
                progress: store.path().to_path_buf(),
            }
        }
    }
}

/// Everything both front ends need to start: courses, progress and what to tell the learner first.
pub struct Session {
    pub library: Library,
    pub store: ProgressStore,
    pub notices: Vec<Notice>,
    pub report: Report,
    /// A module file given on the command line: open it directly.
    pub open: Option<ModuleRef>,
    /// Where certificates go and who signs them; `None`: no certificate is issued.
    pub certify: Option<Certify>,
    /// The learning records of this session, when an LRS is configured (set by the command line).
    pub journal: Option<crate::xapi::journal::Journal>,
    /// The courses after the first few, still being read ([`Session::open_first`]); `None`
    /// when `library` is the whole library.
    pub rest: Option<Rest>,
}

/// The most courses [`Session::open_first`] reads before the first screen (when they have few
/// modules each: fewer fill the screen otherwise).
pub const FIRST_COURSES: usize = 8;

/// The rest of a library whose first courses are shown already: read on a thread of its own.
pub struct Rest {
    /// The whole library, and the whole progress store when the first screen had only the
    /// first courses' progress.
    receiver: std::sync::mpsc::Receiver<(WholeLibrary, Option<OpenedStore>)>,
    /// Lets the thread begin reading: after the first screen is drawn, so that the two do not
    /// share the cores ([`Rest::begin`]); `None` once given.
    begin: std::cell::Cell<Option<std::sync::mpsc::Sender<()>>>,
    /// Set once the whole library is read, so the player can wake for it.
    read: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// How many courses the player has: the first ones of the whole library.
    shown: usize,
    /// The progress notices already told, to be told again with the courses' errors.
    store_notices: Vec<StoreNotice>,
}

/// A library read whole, with its report.
type WholeLibrary = (Library, Report);

/// A progress store opened, with what opening it found.
type OpenedStore = (ProgressStore, Vec<StoreNotice>);

/// What [`Rest::take`] found.
pub enum RestRead {
    /// Still being read.
    Pending,
    /// The courses after the ones shown, and the notices for the whole library (the progress
    /// notices and the count of errors in every course file), when there are any.
    Ready {
        courses: RestCourses,
        /// The whole progress store, to use from now on, when the first screen had a part.
        store: Option<Box<ProgressStore>>,
        notices: Vec<Notice>,
    },
    /// The thread reading them ended without them: the first courses stay all there is.
    Lost,
}

/// The courses after the ones shown, held inside the whole library as read, so that joining
/// them to the first courses moves the first ones in and allocates nothing (a library of
/// 10,000 modules is 500 courses).
#[derive(Debug)]
pub struct RestCourses {
    whole: Vec<Course>,
    shown: usize,
}

impl RestCourses {
    /// How many courses follow the ones shown.
    pub fn len(&self) -> usize {
        self.whole.len().saturating_sub(self.shown)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The first courses (as shown) followed by the rest: `first` becomes the whole library.
    pub fn join_after(mut self, first: &mut Vec<Course>) {
        let shown = self.shown.min(self.whole.len());
        self.whole.splice(0..shown, std::mem::take(first));
        *first = self.whole;
    }
}

impl Rest {
    /// Lets the reading begin (the first screen is drawn); asked again, does nothing.
    pub fn begin(&self) {
        if let Some(begin) = self.begin.take() {
            let _ = begin.send(());
        }
    }

    /// The courses after those shown, once read; with `wait`, waits until they are (and lets
    /// the reading begin, if it has not).
    pub fn take(&self, wait: bool) -> RestRead {
        if wait {
            self.begin();
        }
        let received = if wait {
            self.receiver.recv().ok()
        } else {
            match self.receiver.try_recv() {
                Ok(read) => Some(read),
                Err(std::sync::mpsc::TryRecvError::Empty) => return RestRead::Pending,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => None,
            }
        };
        let Some(((mut library, report), whole_store)) = received else {
            return RestRead::Lost;
        };
        let (store, store_notices) = match whole_store {
            Some((store, notices)) => (
                Some(Box::new(store)),
                merged(self.store_notices.clone(), notices),
            ),
            None => (None, self.store_notices.clone()),
        };
        let mut notices: Vec<Notice> = store_notices.into_iter().map(Notice::Progress).collect();
        let errors = error_count(&report);
        if errors > 0 {
            notices.push(Notice::CourseErrors(errors));
        }
        RestRead::Ready {
            courses: RestCourses {
                whole: std::mem::take(&mut library.courses),
                shown: self.shown,
            },
            store,
            notices,
        }
    }

    /// A flag that turns true once the rest is read (for a loop that sleeps between keys).
    pub fn read_flag(&self) -> std::sync::Arc<std::sync::atomic::AtomicBool> {
        self.read.clone()
    }
}

/// Why no session could start: nothing to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    /// Not one course could be read. `first` is the first error as `file:line:column: message`.
    NoCourse {
        first: Option<String>,
        path: Option<PathBuf>,
    },
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::NoCourse { first, path } => write!(
                f,
                "cannot open any course ({}); run `kurs check {}` to see every problem",
                first.as_deref().unwrap_or("no course found"),
                path.as_ref()
                    .map_or_else(|| ".".to_string(), |p| p.display().to_string())
            ),
        }
    }
}

impl std::error::Error for OpenError {}

impl Session {
    /// Loads courses and progress. Module bodies are read when a module is opened.
    pub fn open(sources: &Sources) -> Result<Session, OpenError> {
        let path = sources.courses.as_ref();
        let ((library, report), (store, store_notices)) = with_progress(sources, || match path {
            Some(path) => load(&Source::Path(path.clone()), Depth::Headers),
            None => load(&Source::Samples, Depth::Headers),
        });
        Self::of(sources, library, report, store, store_notices)
    }

    /// As [`Session::open`], for the full-screen player: of a large library only the first
    /// courses (enough for `rows` lines, at most [`FIRST_COURSES`]) and their progress are read
    /// before the first screen, and the whole library and progress on a thread after it
    /// (`rest`), so that the first screen of ten thousand modules comes as soon as that of a
    /// hundred. The whole library is read first when the learner
    /// goes back to a course further on, or when none of the first courses can be shown.
    pub fn open_first(sources: &Sources, rows: usize) -> Result<Session, OpenError> {
        let Some(path) = sources.courses.as_ref().filter(|path| path.is_dir()) else {
            return Self::open(sources);
        };
        if path.join("course.toml").is_file() {
            return Self::open(sources);
        }
        let files = &crate::course::Disk;
        // A library folder: its first course folders are found without looking at the rest,
        // two at a time (one per core), until they fill `rows` lines of the library screen.
        let Ok(mut targets) = crate::course::library_targets(files, path) else {
            return Self::open(sources);
        };
        // The progress files of the first two course folders are read while the folders are,
        // by the ids they most likely have: their folder names (`kurs new` names a course's
        // folder so). A file read for a guess that misses is not used.
        let first_batch: Vec<_> = targets.by_ref().take(2).collect();
        let guessed: Vec<String> = first_batch
            .iter()
            .filter_map(|target| match target {
                crate::course::Target::Course(dir) => {
                    Some(dir.file_name()?.to_string_lossy().into_owned())
                }
                _ => None,
            })
            .collect();
        let reading_ahead = {
            let progress = sources.progress.clone();
            std::thread::spawn(move || {
                let ids: Vec<&str> = guessed.iter().map(String::as_str).collect();
                ProgressStore::read_ahead(&progress, &ids)
            })
        };
        let mut first = Library::default();
        let mut first_report = Report::default();
        let mut lines = 0;
        let mut next_batch = Some(first_batch);
        while first.courses.len() < FIRST_COURSES && lines < rows {
            let batch: Vec<_> = next_batch
                .take()
                .unwrap_or_else(|| targets.by_ref().take(2).collect());
            if batch.is_empty() {
                break;
            }
            let (read, report) = crate::course::load_targets(files, &batch, Depth::Headers);
            // A course's lines: its title, bar and a gap, and a line per module.
            lines += read
                .courses
                .iter()
                .map(|c| c.modules.len() + 3)
                .sum::<usize>();
            first.courses.extend(read.courses);
            first_report.absorb(report);
        }
        // A small library is read whole; so is one whose first courses share an id (which of
        // them is shown is decided over the whole library).
        let mut ids: Vec<&str> = first.courses.iter().map(|c| c.id.as_str()).collect();
        ids.sort_unstable();
        let shared_id = ids.windows(2).any(|pair| pair[0] == pair[1]);
        if targets.next().is_none() || shared_id {
            return Self::open(sources);
        }
        // Of the progress only what the first courses need; the whole store comes with the
        // rest. A learner who comes back to a place gets the whole store at once: the player
        // opens that place and records it before any key.
        let ids: Vec<&str> = first.courses.iter().map(|c| c.id.as_str()).collect();
        let ahead = reading_ahead.join().unwrap_or_default();
        let (mut store, mut store_notices) =
            ProgressStore::open_courses_read(sources.progress.clone(), &ids, ahead);
        let partial = !store.has_last_course();
        if !partial {
            drop(store);
            (store, store_notices) = ProgressStore::open(sources.progress.clone());
        }
        let whole_path = path.clone();
        let progress_path = partial.then(|| sources.progress.clone());
        let (sender, receiver) = std::sync::mpsc::channel();
        let (begin, begun) = std::sync::mpsc::channel::<()>();
        let read = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = read.clone();
        // The whole library again, the first courses included: which course of a later one
        // shares an id with one of the first is decided as when all is read at once. It waits
        // for the first screen; a `Rest` dropped unused reads nothing.
        std::thread::spawn(move || {
            if begun.recv().is_err() {
                return;
            }
            let whole = load(&Source::Path(whole_path), Depth::Headers);
            let store = progress_path.map(ProgressStore::open);
            let _ = sender.send((whole, store));
            flag.store(true, std::sync::atomic::Ordering::Release);
        });
        let goes_further = store
            .progress()
            .last_course
            .as_deref()
            .is_some_and(|last| !first.courses.iter().any(|c| c.id == last));
        if first.courses.is_empty() || goes_further {
            let _ = begin.send(());
            return match receiver.recv() {
                Ok(((library, report), whole_store)) => {
                    let (store, notices) = match whole_store {
                        Some((whole, notices)) => (whole, merged(store_notices, notices)),
                        None => (store, store_notices),
                    };
                    Self::of(sources, library, report, store, notices)
                }
                Err(_) => Self::of(sources, first, first_report, store, store_notices),
            };
        }
        let shown = first.courses.len();
        let notices = store_notices.clone();
        let mut session = Self::of(sources, first, first_report, store, store_notices)?;
        session.rest = Some(Rest {
            receiver,
            begin: std::cell::Cell::new(Some(begin)),
            read,
            shown,
            store_notices: notices,
        });
        Ok(session)
    }

    /// The session of a library and a store read, with the notices for the first screen.
    fn of(
        sources: &Sources,
        library: Library,
        report: Report,
        store: ProgressStore,
        store_notices: Vec<StoreNotice>,
    ) -> Result<Session, OpenError> {
        let path = sources.courses.as_ref();
        if library.courses.is_empty() {
            let first = first_error(&report.diagnostics);
            return Err(OpenError::NoCourse {
                first,
                path: path.cloned(),
            });
        }
        let (library, open) = match path {
            Some(path) => module_given(library, path),
            None => (library, None),
        };
        let errors = error_count(&report);
        let mut notices: Vec<Notice> = store_notices.into_iter().map(Notice::Progress).collect();
        if errors > 0 {
            notices.push(Notice::CourseErrors(errors));
        }
        let index = crate::progress::disk::real_path(&sources.progress);
        let certify = Some(Certify {
            folder: crate::progress::disk::folder_of(&index).to_path_buf(),
            key_file: None,
        });
        Ok(Session {
            library,
            store,
            notices,
            report,
            open,
            certify,
            journal: None,
            rest: None,
        })
    }

    /// The notices in one line each, in the language of the first course (or `--lang`).
    pub fn notice_texts(&self, options: &Options) -> Vec<String> {
        let lang = lang_for(options.lang, self.library.courses.first());
        self.notices.iter().map(|n| n.text(lang)).collect()
    }

    /// Where the learner starts: the module given on the command line, else the last place stored.
    pub fn start_place(&self) -> Option<Place> {
        match self.open {
            Some(at) => Some(Place { at, section: None }),
            None => last_place(&self.library, self.store.progress()),
        }
    }
}

/// The progress store opened on a thread while `load` reads the courses: the first screen needs
/// both.
fn with_progress<T: Send>(
    sources: &Sources,
    load: impl FnOnce() -> T + Send,
) -> (T, (ProgressStore, Vec<StoreNotice>)) {
    std::thread::scope(|scope| {
        let progress = scope.spawn(|| ProgressStore::open(sources.progress.clone()));
        let loaded = load();
        let opened = progress
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (loaded, opened)
    })
}

/// The notices of the first courses' progress and of the whole store, each told once: a
/// damaged file the first store moved aside is not found again by the second.
fn merged(mut first: Vec<StoreNotice>, whole: Vec<StoreNotice>) -> Vec<StoreNotice> {
    for notice in whole {
        let told = first
            .iter()
            .any(|n| i18n::store_notice(Lang::En, n) == i18n::store_notice(Lang::En, &notice));
        if !told {
            first.push(notice);
        }
    }
    first
}

/// How many errors `report` holds (a notice on the first screen says so).
fn error_count(report: &Report) -> usize {
    report
        .diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .count()
}

/// The courses read again for `--watch`: the same library as at the start (the module file
/// given on the command line within its course), titles and headers as at the start. `Err` is
/// the first error, as `file:line:column: message`, when the courses cannot be shown as they
/// are; the player keeps the last good version then.
pub fn reload(sources: &Sources) -> Result<Library, String> {
    let Some(path) = sources.courses.as_ref() else {
        return Err("the built-in sample courses do not change".to_string());
    };
    let (library, report) = load(&Source::Path(path.clone()), Depth::Headers);
    let (library, _) = module_given(library, path);
    match first_error(&report.diagnostics) {
        Some(error) => Err(error),
        None => Ok(library),
    }
}

/// The first error among `diagnostics` as `file:line:column: message`, on one line.
pub fn first_error(diagnostics: &[crate::diagnostic::Diagnostic]) -> Option<String> {
    diagnostics
        .iter()
        .find(|d| d.severity() == Severity::Error)
        .map(|d| {
            format!(
                "{}:{}:{}: {}",
                crate::safe_text::single_line(&d.file.display().to_string()),
                d.line,
                d.column,
                crate::safe_text::single_line(&d.message)
            )
        })
}

/// A module file given on the command line opens within its course, when it lies in one;
/// a module file on its own is a library of one course with one module.
fn module_given(library: Library, path: &std::path::Path) -> (Library, Option<ModuleRef>) {
    let is_module_file = path.is_file() && path.file_name().is_some_and(|n| n != "course.toml");
    if !is_module_file {
        return (library, None);
    }
    let Some(dir) = path
        .parent()
        .filter(|dir| dir.join("course.toml").is_file())
    else {
        return (library, Some(ModuleRef::FIRST));
    };
    let (course_library, _) = load(&Source::Path(dir.to_path_buf()), Depth::Headers);
    let canonical = std::fs::canonicalize(path).ok();
    let Some(course) = course_library.courses.into_iter().next() else {
        return (library, None);
    };
    let Some(module) = course
        .modules
        .iter()
        .position(|m| std::fs::canonicalize(&m.path).ok() == canonical)
    else {
        return (library, None);
    };
    let library = Library {
        courses: vec![course],
        ..library
    };
    (library, Some(ModuleRef { course: 0, module }))
}

impl ModuleRef {
    pub const FIRST: ModuleRef = ModuleRef {
        course: 0,
        module: 0,
    };
}

/// The UI language: `--lang`, else the course's language, else English.
pub fn lang_for(lang: Option<Lang>, course: Option<&Course>) -> Lang {
    lang.or_else(|| course.and_then(|c| Lang::from_tag(&c.language)))
        .unwrap_or(Lang::En)
}

/// Where the learner stopped last time, if that course and module still exist.
pub fn last_place(library: &Library, progress: &Progress) -> Option<Place> {
    let last = progress.last_course.as_deref()?;
    let course = library.courses.iter().position(|c| c.id == last)?;
    let stored = progress.courses.get(last)?;
    let module_id = stored.last_module.as_deref()?;
    let module = library.courses[course]
        .modules
        .iter()
        .position(|m| m.id == module_id)?;
    Some(Place {
        at: ModuleRef { course, module },
        section: stored.last_section,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn course(language: &str) -> Course {
        Course {
            id: "c".to_string(),
            title: "C".to_string(),
            language: language.to_string(),
            description: None,
            pass_percent: 80,
            xapi_activity_base: None,
            areas: Vec::new(),
            modules: Vec::new(),
            exam: None,
            certificate: None,
            path: PathBuf::new(),
        }
    }

    #[test]
    fn the_language_given_wins_over_the_course() {
        assert_eq!(lang_for(Some(Lang::En), Some(&course("de"))), Lang::En);
    }

    #[test]
    fn without_a_language_given_the_course_decides() {
        assert_eq!(lang_for(None, Some(&course("de"))), Lang::De);
    }

    #[test]
    fn an_unknown_course_language_or_no_course_means_english() {
        assert_eq!(lang_for(None, Some(&course("fr"))), Lang::En);
        assert_eq!(lang_for(None, None), Lang::En);
    }

    #[test]
    fn no_course_names_the_first_error_and_the_check_command() {
        let error = OpenError::NoCourse {
            first: Some("c/course.toml:1:1: expected a table".into()),
            path: Some(PathBuf::from("c")),
        };
        assert_eq!(
            error.to_string(),
            "cannot open any course (c/course.toml:1:1: expected a table); run `kurs check c` to see every problem"
        );
    }
}
