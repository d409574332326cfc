//! `kurs exam [PATH]`: the final exam of one course, full screen at a terminal (line by line with
//! `--plain`, through a pipe or with TERM=dumb), then its certificate.
//! Which course: `--course`, else the only one with an exam, else the one learned in last.
//! An exam that is not open yet (modules first) is one sentence and exit status 1.

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;

use super::{ExamArgs, course_path, issuer_key_file, progress_path};
use crate::i18n::Lang;
use crate::session::{
    Ending, Options, Session, Sources, closed_text, exam_gate, lang_for, read_course,
};

pub(super) fn run(args: &ExamArgs) -> ExitCode {
    let time = match args.time.choice() {
        Ok(time) => time,
        Err(sentence) => {
            say_error!("kurs: {sentence}");
            return ExitCode::from(2);
        }
    };
    let sources = Sources {
        courses: course_path(args.path.as_ref()),
        progress: progress_path(args.progress.as_ref())
            .unwrap_or_else(|| PathBuf::from("kurs-progress.toml")),
    };
    let options = Options {
        lang: args.lang,
        seed: args.seed,
        time,
    };
    let mut session = match Session::open(&sources) {
        Ok(session) => session,
        Err(error) => {
            say_error!("kurs: {error}");
            return ExitCode::from(1);
        }
    };
    if let Some(certify) = &mut session.certify {
        certify.key_file = issuer_key_file();
    }
    session.journal = super::lrs::journal(&sources.progress);
    let course = match which_course(&session, args.course.as_deref()) {
        Ok(course) => course,
        Err(sentence) => {
            say_error!("kurs: {sentence}");
            return ExitCode::from(1);
        }
    };
    // Closed (modules first): one sentence in the course's language and status 1, not a
    // player that opens only to say "saved".
    if let Err(sentence) = open_or_why(&mut session, course, options.lang) {
        say_error!("kurs: {sentence}");
        return ExitCode::from(1);
    }
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    if args.plain || dumb || !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return match crate::plain::run_exam(session, options, course) {
            Ok(Ending::Saved) => ExitCode::SUCCESS,
            Ok(Ending::NotSaved { .. }) => ExitCode::from(2),
            Err(error) => super::output_failed(&error),
        };
    }
    match crate::tui::run_exam_terminal(session, options, course) {
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

/// Whether the exam of course `course` may start, or one sentence on why not.
fn open_or_why(session: &mut Session, course: usize, lang: Option<Lang>) -> Result<(), String> {
    let lang = lang_for(lang, session.library.courses.get(course));
    if let Err(reason) = read_course(&mut session.library, course) {
        return Err(crate::i18n::exam_unreadable(lang, &reason));
    }
    exam_gate(&session.library, session.store.progress(), course)
        .map(|_| ())
        .map_err(|closed| closed_text(&closed, lang))
}

/// The course whose exam is taken, or one sentence on why none can be chosen.
fn which_course(session: &Session, id: Option<&str>) -> Result<usize, String> {
    let courses = &session.library.courses;
    let with_exam: Vec<usize> = (0..courses.len())
        .filter(|&c| courses[c].exam.is_some())
        .collect();
    let ids = |list: &[usize]| {
        list.iter()
            .map(|&c| format!("`{}`", courses[c].id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(id) = id {
        let Some(c) = courses.iter().position(|c| c.id == id) else {
            let all: Vec<usize> = (0..courses.len()).collect();
            return Err(format!(
                "there is no course `{id}`; the courses here are {}",
                ids(&all)
            ));
        };
        if courses[c].exam.is_none() {
            return Err(format!(
                "the course `{id}` has no final exam (no `[exam]` in its course.toml)"
            ));
        }
        return Ok(c);
    }
    match with_exam.as_slice() {
        [] => Err("none of these courses has a final exam (an `[exam]` in course.toml)".into()),
        [one] => Ok(*one),
        several => {
            let given = session.open.map(|at| at.course);
            let last = session.store.progress().last_course.as_deref();
            let last = courses.iter().position(|c| Some(c.id.as_str()) == last);
            given
                .or(last)
                .filter(|c| several.contains(c))
                .ok_or_else(|| {
                    format!(
                        "several courses have a final exam; choose one with --course: {}",
                        ids(several)
                    )
                })
        }
    }
}
