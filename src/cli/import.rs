//! `kurs import gift FILE --out COURSE_DIR` and `kurs import aiken …`: reads the question bank
//! safely, asks `author::import` for the module files, writes them without replacing a file, and
//! reports what was changed. Exit 0 written, 1 the bank has errors, 2 usage or I/O.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use super::new::{
    Failure, course_language, module_ids, replace, repository_schema_dir, shown, write_new,
    write_schemas,
};
use super::{ImportArgs, ImportCommand, ImportFileArgs};
use crate::author::import::{Bank, Destination, build, parse_aiken, parse_gift};
use crate::author::{self, Problem};
use crate::course::files::{Disk, Files, ReadError};
use crate::diagnostic::{
    Code, Diagnostic, Format, Report, render_github_report, render_human_report, render_json,
};
use crate::i18n::{self, Lang};

#[derive(Clone, Copy)]
enum Kind {
    Gift,
    Aiken,
}

pub(super) fn run(args: &ImportArgs) -> ExitCode {
    let (kind, args) = match &args.command {
        ImportCommand::Gift(args) => (Kind::Gift, args),
        ImportCommand::Aiken(args) => (Kind::Aiken, args),
    };
    let lang = args
        .language
        .or_else(|| course_language(&args.out))
        .unwrap_or(Lang::En);
    let source = match read_bank(&args.file, lang) {
        Ok(Ok(source)) => source,
        Ok(Err(report)) => return refuse(args.format, &report, lang),
        Err(sentence) => {
            say_error!("kurs: {sentence}");
            return ExitCode::from(2);
        }
    };
    let (bank, mut report) = match kind {
        Kind::Gift => parse_gift(&source, &args.file),
        Kind::Aiken => parse_aiken(&source, &args.file),
    };
    if report.errors() > 0 {
        return refuse(args.format, &report, lang);
    }
    match write(args, &bank, &source, lang, &mut report) {
        Ok(summary) => {
            print_report(args.format, &report);
            let mut out = std::io::stdout().lock();
            let result = if args.format == Format::Json {
                // stdout holds the JSON report alone, for scripts.
                say_error!("{summary}");
                out.flush()
            } else {
                writeln!(out, "{summary}")
            };
            match result {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => super::output_failed(&error),
            }
        }
        Err(Failure::Refused(problem)) => {
            print_report(args.format, &report);
            say_error!("kurs: {}", i18n::author_problem(lang, &problem));
            // A file the trainer's bank would turn into one kurs check refuses is the bank's
            // problem; every other refusal is about the command line or the folder.
            if matches!(problem, Problem::WouldNotPass { .. }) {
                ExitCode::from(1)
            } else {
                ExitCode::from(2)
            }
        }
        Err(Failure::Io(path, error)) => {
            say_error!("kurs: {}", i18n::author_io(lang, &path, &error));
            ExitCode::from(2)
        }
    }
}

/// The diagnostics, then one sentence that nothing was written; exit 1.
fn refuse(format: Format, report: &Report, lang: Lang) -> ExitCode {
    print_report(format, report);
    say_error!("kurs: {}", i18n::import_refused(lang, report.errors()));
    ExitCode::from(1)
}

fn print_report(format: Format, report: &Report) {
    let color = std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let text = match format {
        Format::Human => render_human_report(report, color),
        Format::Github => render_github_report(report),
        Format::Json => render_json(report),
    };
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

/// The bank's text: a regular file within the size limit, read as course files are; line ends
/// made `\n` and a byte order mark dropped. Inner `Err`: not UTF-8 (a diagnostic with its
/// place); outer `Err`: it cannot be read at all (one sentence).
fn read_bank(path: &Path, lang: Lang) -> Result<Result<String, Report>, String> {
    let unreadable = |reason: String| i18n::import_unreadable(lang, &shown(path), &reason);
    let real = std::fs::canonicalize(path).map_err(|e| unreadable(e.to_string()))?;
    let root = real.parent().unwrap_or(Path::new("/"));
    let bytes = Disk.read(root, &real).map_err(|error| match error {
        ReadError::TooLarge(size) => i18n::import_too_large(lang, &shown(path), size),
        ReadError::NotAFile => unreadable(match lang {
            Lang::De => "keine gewöhnliche Datei".to_owned(),
            Lang::En => "not a regular file".to_owned(),
        }),
        ReadError::NotFound => unreadable(match lang {
            Lang::De => "gibt es nicht".to_owned(),
            Lang::En => "no such file".to_owned(),
        }),
        ReadError::Outside => unreadable("link".to_owned()),
        ReadError::Io(reason) => unreadable(reason),
    })?;
    match String::from_utf8(bytes) {
        Ok(text) => {
            let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
            Ok(Ok(text.replace("\r\n", "\n").replace('\r', "\n")))
        }
        Err(error) => {
            let valid = error.utf8_error().valid_up_to();
            let prefix = String::from_utf8_lossy(&error.as_bytes()[..valid]).into_owned();
            let mut report = Report::default();
            report.push(
                Diagnostic::at(
                    Code::NotUtf8,
                    path,
                    &prefix,
                    valid..valid,
                    format!("the file is not UTF-8 text (invalid byte at offset {valid})"),
                )
                .with_help("save the file as UTF-8 (Moodle exports UTF-8)"),
            );
            Ok(Err(report))
        }
    }
}

/// Writes the modules (and course.toml), never replacing a file; the summary line.
fn write(
    args: &ImportFileArgs,
    bank: &Bank,
    source: &str,
    lang: Lang,
    report: &mut Report,
) -> Result<String, Failure> {
    let dir = args.out.as_path();
    if dir.exists() && !dir.is_dir() {
        return Err(Problem::NotAFolder { path: shown(dir) }.into());
    }
    let course_path = dir.join("course.toml");
    let course_toml = if course_path.is_file() {
        Some(
            std::fs::read_to_string(&course_path)
                .map_err(|e| Failure::Io(course_path.clone(), e))?,
        )
    } else {
        None
    };
    let absolute = std::path::absolute(dir).map_err(|e| Failure::Io(dir.to_owned(), e))?;
    let absolute = absolute.canonicalize().unwrap_or(absolute);
    let folder_name = absolute
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (schema_dir, schemas_to_write) =
        match course_toml.as_deref().and_then(author::schema_dir_of) {
            Some(found) => (found, false),
            None => match repository_schema_dir(&absolute) {
                Some(found) => (found, false),
                None => ("schema/".to_owned(), course_toml.is_none()),
            },
        };
    let taken_ids = if course_toml.is_some() {
        module_ids(dir)
    } else {
        Vec::new()
    };
    let source_name = args
        .file
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| "bank".to_owned());
    let to = Destination {
        dir,
        folder_name: &folder_name,
        course_toml: course_toml.as_deref(),
        taken_ids: &taken_ids,
        schema_dir: &schema_dir,
        lang,
        module_id: args.module_id.as_deref(),
        title: args.title.as_deref(),
        area: args.area.as_deref(),
        source_name: &source_name,
        source,
    };
    let imported = build(bank, &to, report)?;
    for (file, _) in &imported.modules {
        let path = dir.join(file);
        if path.exists() {
            return Err(Problem::FileExists { path: shown(&path) }.into());
        }
    }
    std::fs::create_dir_all(dir).map_err(|e| Failure::Io(dir.to_owned(), e))?;
    if schemas_to_write {
        write_schemas(dir)?;
    }
    let mut written = Vec::new();
    let undo = |written: &[std::path::PathBuf]| {
        for path in written {
            let _ = std::fs::remove_file(path);
        }
    };
    for (file, text) in &imported.modules {
        let path = dir.join(file);
        if let Err(failure) = write_new(&path, text) {
            // Half an import would leave modules no course lists; they go again.
            undo(&written);
            return Err(failure);
        }
        written.push(path);
    }
    let course_written = if imported.course_is_new {
        write_new(&course_path, &imported.course_toml)
    } else {
        replace(&course_path, &imported.course_toml)
    };
    if let Err(failure) = course_written {
        undo(&written);
        return Err(failure);
    }
    Ok(i18n::import_written(
        lang,
        imported.modules.len(),
        &shown(dir),
        imported.questions,
        imported.kept,
    ))
}
