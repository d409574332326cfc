//! `kurs` / `kurs play`: resolves where courses and progress are, opens the session, chooses the
//! front end (the full-screen player, or plain mode when asked or when output is not a terminal).

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;

use super::{PlayArgs, course_path, progress_path};
use crate::session::{Ending, Options, Session, Sources};

pub(super) fn run(args: &PlayArgs) -> ExitCode {
    let sources = Sources {
        courses: course_path(args.path.as_ref()),
        // Without a state folder the progress stays beside the learner, in the current folder.
        progress: progress_path(args.progress.as_ref())
            .unwrap_or_else(|| PathBuf::from("kurs-progress.toml")),
    };
    let time = match args.time.choice() {
        Ok(time) => time,
        Err(sentence) => {
            say_error!("kurs: {sentence}");
            return ExitCode::from(2);
        }
    };
    let options = Options {
        lang: args.lang,
        seed: args.seed,
        time,
    };
    if args.watch && sources.courses.is_none() {
        say_error!(
            "kurs: --watch needs the course to watch: give its folder or file, as in `kurs courses/mein-kurs --watch`"
        );
        return ExitCode::from(1);
    }
    let full_screen = !args.plain
        && !std::env::var("TERM").is_ok_and(|t| t == "dumb")
        && io::stdout().is_terminal()
        && io::stdin().is_terminal();
    // The full-screen player shows the first courses while the rest are read; plain mode lists
    // every course at once and reads them all first.
    let opened = if full_screen {
        // As many courses as fill the window, read before its first screen.
        let rows = ratatui::crossterm::terminal::size().map_or(24, |(_, rows)| rows);
        Session::open_first(&sources, usize::from(rows))
    } else {
        Session::open(&sources)
    };
    let mut session = match opened {
        Ok(session) => session,
        Err(error) => {
            say_error!("kurs: {error}");
            return ExitCode::from(1);
        }
    };
    if let Some(certify) = &mut session.certify {
        certify.key_file = super::issuer_key_file();
    }
    session.journal = super::lrs::journal(&sources.progress);
    if !full_screen {
        if args.watch {
            say_error!(
                "kurs: --watch reloads in the full-screen player only; plain mode reads the course once"
            );
        }
        return match crate::plain::run(session, options) {
            Ok(Ending::Saved) => ExitCode::SUCCESS,
            // Plain mode has said so in its last line; a script learns it from the status.
            Ok(Ending::NotSaved { .. }) => ExitCode::from(2),
            Err(error) => super::output_failed(&error),
        };
    }
    let watch = match (args.watch, &sources.courses) {
        (false, _) | (true, None) => None,
        (true, Some(path)) => {
            match crate::watch::CourseWatcher::start(&crate::watch::folder_of(path)) {
                Ok(watcher) => Some((&sources, watcher)),
                Err(error) => {
                    say_error!("kurs: {error}");
                    return ExitCode::from(1);
                }
            }
        }
    };
    match crate::tui::run_terminal(session, options, watch) {
        Ok(Ending::Saved) => ExitCode::SUCCESS,
        Ok(Ending::NotSaved { progress }) => {
            say_error!(
                "kurs: progress could not be saved in {}; what was not saved is lost. Check that the folder is writable and has space.",
                crate::safe_text::single_line(&progress.display().to_string())
            );
            ExitCode::from(2)
        }
        Err(error) => {
            say_error!("kurs: the terminal failed: {error}");
            ExitCode::from(2)
        }
    }
}
