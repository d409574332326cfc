//! `kurs export gift COURSE_DIR [--out FILE]`: the course's quiz questions as GIFT, on standard
//! output or into a new file. Exit 0 written, 1 the course has errors, 2 usage or I/O.

use std::io::Write;
use std::process::ExitCode;

use super::new::{Failure, course_language, write_new};
use super::{ExportArgs, ExportCommand};
use crate::course::{Depth, Source, load};
use crate::i18n::{self, Lang};

pub(super) fn run(args: &ExportArgs) -> ExitCode {
    let ExportCommand::Gift { course_dir, out } = &args.command;
    let lang = course_language(course_dir).unwrap_or(Lang::En);
    let shown = super::new::shown(course_dir);
    let (library, report) = load(&Source::Path(course_dir.clone()), Depth::Full);
    if report.errors() > 0 {
        say_error!("kurs: {}", i18n::export_course_errors(lang, &shown));
        return ExitCode::from(1);
    }
    let [course] = library.courses.as_slice() else {
        say_error!("kurs: {}", i18n::export_one_course(lang, &shown));
        return ExitCode::from(2);
    };
    let (text, omitted) = crate::author::export::gift(course);
    for omission in &omitted {
        say_error!("kurs: {}", i18n::export_omission(lang, omission));
    }
    match out {
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => super::output_failed(&error),
            }
        }
        Some(path) => match write_new(path, &text) {
            Ok(()) => {
                let _ = writeln!(
                    std::io::stdout(),
                    "{}",
                    i18n::export_written(lang, &super::new::shown(path))
                );
                ExitCode::SUCCESS
            }
            Err(Failure::Refused(problem)) => {
                say_error!("kurs: {}", i18n::author_problem(lang, &problem));
                ExitCode::from(2)
            }
            Err(Failure::Io(path, error)) => {
                say_error!("kurs: {}", i18n::author_io(lang, &path, &error));
                ExitCode::from(2)
            }
        },
    }
}
