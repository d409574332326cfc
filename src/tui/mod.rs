//! The full-screen terminal player: State, Action, `update`, `view`, and a run loop generic over
//! ratatui's Backend, so tests drive the real loop against `TestBackend`.

pub mod action;
pub mod state;
pub mod theme;
pub mod update;
pub mod view;

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::execute;

use crate::cli::{PlayArgs, course_path, progress_path};
use crate::course::{Depth, Library, Source, load};
use crate::diagnostic::{Report, Severity};
use crate::i18n::{self, Lang};
use crate::progress::ProgressStore;
pub use state::State;

/// Runs the player until the learner quits or the events end.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    state: &mut State,
    mut next_event: impl FnMut() -> io::Result<Option<Event>>,
) -> io::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let size = terminal.size().map_err(io::Error::other)?;
    update::update(
        state,
        action::Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    loop {
        terminal
            .draw(|frame| view::view(state, frame))
            .map_err(io::Error::other)?;
        if state.quit {
            return Ok(());
        }
        let Some(event) = next_event()? else {
            return Ok(());
        };
        if let Some(action) = action::from_event(state, &event) {
            update::update(state, action);
        }
    }
}

/// Everything both front ends need to start: courses, progress and what to tell the learner first.
pub struct Session {
    pub library: Library,
    pub store: ProgressStore,
    pub notices: Vec<String>,
    pub report: Report,
    /// A module file given on the command line: open it directly.
    pub open: Option<(usize, usize)>,
}

/// Loads courses and progress; Err is a message for a problem that leaves nothing to show.
pub fn start_session(args: &PlayArgs) -> Result<Session, String> {
    let path = course_path(args.path.as_ref());
    let progress_file = progress_path(args.progress.as_ref())
        .unwrap_or_else(|| PathBuf::from("kurs-progress.toml"));
    // Progress is read while the courses load: the first screen needs both.
    let ((mut library, report), (store, store_notices)) = std::thread::scope(|scope| {
        let progress = scope.spawn(|| ProgressStore::open(progress_file));
        let loaded = match &path {
            Some(path) => load(&Source::Path(path.clone()), Depth::Headers),
            None => load(&Source::Samples, Depth::Headers),
        };
        let opened = progress
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (loaded, opened)
    });
    let errors = report
        .diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .count();
    if library.courses.is_empty() {
        let first = report
            .diagnostics
            .iter()
            .find(|d| d.severity() == Severity::Error)
            .map(|d| {
                format!(
                    "{}:{}:{}: {}",
                    d.file.display(),
                    d.line,
                    d.column,
                    d.message
                )
            })
            .unwrap_or_else(|| "no course found".to_string());
        return Err(format!(
            "kurs: cannot open any course ({first}); run `kurs check {}` to see every problem",
            path.map_or_else(|| ".".to_string(), |p| p.display().to_string())
        ));
    }
    // A module file inside a course folder opens within its course.
    let mut open = None;
    if let Some(path) = &path
        && path.is_file()
        && path.file_name().is_some_and(|n| n != "course.toml")
    {
        if let Some(dir) = path.parent()
            && dir.join("course.toml").is_file()
        {
            let (course_library, _) = load(&Source::Path(dir.to_path_buf()), Depth::Headers);
            let canonical = std::fs::canonicalize(path).ok();
            if let Some(course) = course_library.courses.into_iter().next() {
                let module = course
                    .modules
                    .iter()
                    .position(|m| std::fs::canonicalize(&m.path).ok() == canonical);
                if let Some(module) = module {
                    library = Library {
                        courses: vec![course],
                        ..library
                    };
                    open = Some((0, module));
                }
            }
        } else {
            open = Some((0, 0));
        }
    }
    let lang = args
        .lang
        .or_else(|| {
            library
                .courses
                .first()
                .and_then(|c| Lang::from_tag(&c.language))
        })
        .unwrap_or(Lang::En);
    let mut notices = Vec::new();
    for notice in &store_notices {
        notices.push(i18n::store_notice(lang, notice));
    }
    if errors > 0 {
        notices.push(i18n::course_errors(lang, errors));
    }
    Ok(Session {
        library,
        store,
        notices,
        report,
        open,
    })
}

/// Opens where the learner left off: the module given, else the last place stored.
pub fn resume(state: &mut State, open: Option<(usize, usize)>) {
    if let Some((course, module)) = open {
        update::open_module(state, state::ModuleRef { course, module }, None);
        return;
    }
    let progress = state.store.progress();
    let Some(last) = progress.last_course.as_deref() else {
        return;
    };
    let Some(c) = state.library.courses.iter().position(|c| c.id == last) else {
        return;
    };
    let Some(place) = progress.courses.get(last) else {
        return;
    };
    let Some(m) = place.last_module.as_deref().and_then(|id| {
        state.library.courses[c]
            .modules
            .iter()
            .position(|m| m.id == id)
    }) else {
        return;
    };
    let section = place.last_section;
    let at = state::ModuleRef {
        course: c,
        module: m,
    };
    let selected = state
        .library_rows()
        .iter()
        .position(|r| *r == at)
        .unwrap_or(0);
    if let state::Screen::Library(screen) = &mut state.screen {
        screen.selected = selected;
    }
    update::open_module(state, at, section);
}

/// `kurs` / `kurs play`: the player, or plain mode when asked or when output is not a terminal.
pub fn launch(args: &PlayArgs) -> ExitCode {
    let session = match start_session(args) {
        Ok(session) => session,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(1);
        }
    };
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    if args.plain || dumb || !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return crate::plain::run(session, args);
    }
    let mut state = State::new(session.library, session.store, args.lang, args.seed);
    state.notice = (!session.notices.is_empty()).then(|| session.notices.join(" "));
    resume(&mut state, session.open);

    let mut terminal = ratatui::init();
    // ratatui::init restores raw mode and the screen on panic; mouse capture and the cursor are
    // ours to undo (the terminal shows the cursor only when dropped, after the message).
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture, Show);
        hook(info);
    }));
    let _ = execute!(io::stdout(), EnableMouseCapture);
    // Reliability tests set KURS_TEST_PANIC to prove the terminal is restored before a panic's message.
    let test_panic = std::env::var_os("KURS_TEST_PANIC").is_some();
    let result = run(&mut terminal, &mut state, || {
        if test_panic {
            panic!("KURS_TEST_PANIC is set: a deliberate panic while a screen is shown");
        }
        event::read().map(Some)
    });
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kurs: the terminal failed: {e}");
            ExitCode::from(2)
        }
    }
}
