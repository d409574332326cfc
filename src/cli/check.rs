//! `kurs check`: load every path given, print every problem, exit 0, 1 or 2.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use super::CheckArgs;
use crate::course::load_each;
use crate::diagnostic::{Format, Report, render_github_report, render_human_report, render_json};

pub(super) fn run(args: &CheckArgs) -> ExitCode {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let mut report = Report::default();
    let mut usage_problem = false;
    let mut targets = Vec::new();
    for path in &paths {
        match crate::course::discover(&crate::course::Disk, path) {
            Ok(found) => targets.extend(found),
            Err(diagnostic) => {
                usage_problem = true;
                report.push(*diagnostic);
            }
        }
    }
    // Each course is printed and dropped as soon as it is checked, so memory stays bounded
    // however large the library; JSON needs the totals first and is printed at the end.
    let color = std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut out = std::io::stdout().lock();
    let mut failed: Option<std::io::Error> = None;
    let emit =
        |out: &mut std::io::StdoutLock, failed: &mut Option<std::io::Error>, part: &Report| {
            let text: String = match args.format {
                Format::Human => render_human_report(part, color),
                Format::Github => render_github_report(part),
                Format::Json => String::new(),
            };
            // After a failed write (a closed pipe: `kurs check | head`) nothing more is written;
            // the check goes on for the exit status.
            if failed.is_none()
                && let Err(error) = out.write_all(text.as_bytes())
            {
                *failed = Some(error);
            }
        };
    emit(&mut out, &mut failed, &report);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    load_each(
        &crate::course::Disk,
        &targets,
        threads,
        crate::course::Depth::Check,
        |_course, loaded| {
            emit(&mut out, &mut failed, &loaded);
            report.absorb(loaded);
        },
    );
    let tail = match args.format {
        Format::Human => format!("{}\n", report.summary()),
        Format::Json => render_json(&report),
        Format::Github => String::new(),
    };
    if failed.is_none()
        && let Err(error) = out.write_all(tail.as_bytes()).and_then(|()| out.flush())
    {
        failed = Some(error);
    }
    if let Some(error) = failed {
        return super::output_failed(&error);
    }

    if usage_problem {
        ExitCode::from(2)
    } else if report.errors() > 0 || (args.deny_warnings && report.warnings() > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
