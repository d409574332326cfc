//! `kurs check`: load every path given, print every problem, exit 0, 1 or 2.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use super::CheckArgs;
use crate::diagnostic::{Format, Report, render_github, render_human, render_json};

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
                report.diagnostics.push(*diagnostic);
            }
        }
    }
    let (_, loaded) = crate::course::load(&crate::course::Disk, &targets);
    report.files += loaded.files;
    report.diagnostics.extend(loaded.diagnostics);

    let mut out = std::io::stdout().lock();
    let color = std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let text = match args.format {
        Format::Human => {
            let mut text: String = report
                .diagnostics
                .iter()
                .map(|d| render_human(d, color) + "\n")
                .collect();
            text.push_str(&report.summary());
            text.push('\n');
            text
        }
        Format::Json => render_json(&report),
        Format::Github => report.diagnostics.iter().map(render_github).collect(),
    };
    // A closed pipe (`kurs check | head`) is not an error worth a panic.
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();

    if usage_problem {
        ExitCode::from(2)
    } else if report.errors() > 0 || (args.deny_warnings && report.warnings() > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
