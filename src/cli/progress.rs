//! `kurs progress`: every course and module with status, best score and "Gelernt", each
//! course's final exam and certificate, as a table or JSON, and `kurs progress reset`, which
//! asks before it clears anything.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::{ProgressArgs, ProgressCommand, course_path, progress_path};
use crate::course::{Course, Depth, Library, Origin, Source, load_streaming};
use crate::i18n::ExamState;
use crate::i18n::{self, Lang, T};
use crate::progress::store::StoreNotice;
use crate::progress::{ModuleStatus, Progress, ProgressStore, StoreMode};
use crate::safe_text::sanitize;
use crate::session::{CourseFacts, course_end_lines, course_facts};

#[derive(Serialize)]
struct CourseJson {
    id: String,
    title: String,
    modules: Vec<ModuleJson>,
    /// The final exam; `null` for a course without one.
    exam: Option<ExamJson>,
    /// The certificate; `null` for a course that issues none.
    certificate: Option<CertificateJson>,
    /// The exam's and the certificate's lines of the table, in the course's language.
    #[serde(skip)]
    end_lines: Vec<String>,
}

#[derive(Serialize)]
struct ExamJson {
    /// `locked` (modules first), `open`, `running`, `passed` or `not_passed`.
    status: &'static str,
    attempts: usize,
    /// As the result showed it: rounded to the nearest, never up to a mark it missed.
    best_percent: Option<u8>,
    /// When the best attempt was handed in (RFC 3339).
    best_at: Option<String>,
    passed: bool,
    /// The time of the best attempt was adjusted (`--time-factor`, `--untimed`, more time).
    time_adjusted: bool,
}

#[derive(Serialize)]
struct CertificateJson {
    issued: bool,
    /// When it was issued (RFC 3339).
    issued_at: Option<String>,
}

#[derive(Serialize)]
struct ModuleJson {
    id: String,
    code: Option<String>,
    title: String,
    status: ModuleStatus,
    /// Whether the learner marked the module "Gelernt", whatever its quiz says.
    learned: bool,
    /// When it was marked, as stored (RFC 3339).
    learned_at: Option<String>,
    attempts: usize,
    best_percent: Option<u8>,
    passed: bool,
}

pub(super) fn run(args: &ProgressArgs) -> ExitCode {
    if let Some(ProgressCommand::Reset {
        course,
        yes,
        progress,
    }) = &args.command
    {
        return reset(
            course.as_deref(),
            *yes,
            progress.as_ref().or(args.progress.as_ref()),
        );
    }
    let Some(file) = progress_path(args.progress.as_ref()) else {
        say_error!("kurs: no folder for the progress file is known; give one with --progress FILE");
        return ExitCode::from(2);
    };
    let path = course_path(args.path.as_ref());
    // Only the titles are printed: of each module file only its start is read.
    // Only looking: nothing is locked, moved aside or written, whatever the files hold. The
    // library is read, printed and dropped course by course, and each course's progress is
    // read when its course comes: memory grows neither with the library nor with the history.
    let mut progress = ProgressStore::inspect_lazily(&file);
    let tell = |notices: Vec<StoreNotice>| {
        for notice in &notices {
            say_error!("kurs: {}", i18n::store_notice(Lang::En, notice));
        }
    };
    tell(progress.take_notices());
    let source = path.clone().map_or(Source::Samples, Source::Path);
    let mut printer = Printer {
        out: std::io::BufWriter::new(std::io::stdout().lock()),
        file: &file,
        json: args.json,
        courses: 0,
        failed: None,
    };
    let origin = match source {
        Source::Samples => Origin::Samples,
        Source::Path(_) => Origin::Disk,
    };
    // Each course's progress is read, summed up and dropped on the thread that read the course,
    // on every core: only the facts printed come over (years of answers freed by another
    // thread than made them would make the threads wait on each other's memory).
    let found = load_streaming(
        &source,
        Depth::Headers,
        |course| {
            course.map(|course| {
                let (stored, notices) = progress.course(&course.id);
                let mut own = Progress::default();
                if let Some(stored) = stored {
                    own.courses.insert(course.id.clone(), stored);
                }
                let one = Library {
                    courses: vec![course.clone()],
                    origin,
                };
                (course_json(course_facts(&one, 0, course, &own)), notices)
            })
        },
        |one, read| {
            if let Some((json, notices)) = read {
                tell(notices);
                printer.course(&one.courses[0], json);
            }
        },
    );
    if found.is_err() || printer.courses == 0 {
        say_error!(
            "kurs: no course found{}; run `kurs check` on it to see why",
            path.map(|p| format!(" in {}", p.display()))
                .unwrap_or_default()
        );
        return ExitCode::from(2);
    }
    match printer.finish() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => super::output_failed(&error),
    }
}

/// Writes the table or the JSON (`{"progress_file": …, "courses": [CourseJson, …]}`) one
/// course at a time, as the courses are read; the first
/// course writes the head. A failed write stops the writing and is told at the end.
struct Printer<'a, W: Write> {
    out: W,
    file: &'a std::path::Path,
    json: bool,
    courses: usize,
    failed: Option<std::io::Error>,
}

impl<W: Write> Printer<'_, W> {
    fn course(&mut self, course: &Course, json: CourseJson) {
        if self.failed.is_some() {
            return;
        }
        let mut text = String::new();
        if self.json {
            // What `serde_json::to_string_pretty` writes for the whole document, in pieces:
            // each course's object indented to its depth in the `courses` array.
            if self.courses == 0 {
                let file = self.file.display().to_string();
                text.push_str("{\n  \"progress_file\": ");
                text.push_str(&serde_json::to_string(&file).unwrap_or_default());
                text.push_str(",\n  \"courses\": [\n    ");
            } else {
                text.push_str(",\n    ");
            }
            let object = serde_json::to_string_pretty(&json).unwrap_or_default();
            text.push_str(&object.replace('\n', "\n    "));
            text = crate::diagnostic::escape_controls_in_json(&text);
        } else {
            if self.courses == 0 {
                text = format!(
                    "progress file: {}\n",
                    sanitize(&self.file.display().to_string())
                );
            }
            table_course(&mut text, course, &json);
        }
        self.courses += 1;
        if let Err(error) = self.out.write_all(text.as_bytes()) {
            self.failed = Some(error);
        }
    }

    fn finish(mut self) -> std::io::Result<()> {
        if let Some(error) = self.failed {
            return Err(error);
        }
        if self.json {
            self.out.write_all(b"\n  ]\n}\n")?;
        }
        self.out.flush()
    }
}

/// The facts of one course as `kurs progress --json` gives them.
fn course_json(course: CourseFacts) -> CourseJson {
    CourseJson {
        end_lines: course_end_lines(
            Lang::from_tag(&course.language).unwrap_or(Lang::En),
            &course,
        )
        .into_iter()
        .map(|line| format!("{}  {}", line.symbol, line.text))
        .collect(),
        exam: course.exam.map(|exam| ExamJson {
            status: match exam.state {
                ExamState::Locked => "locked",
                ExamState::Open => "open",
                ExamState::Running => "running",
                ExamState::Passed(_) => "passed",
                ExamState::Failed(_) => "not_passed",
            },
            attempts: exam.attempts,
            best_percent: exam.best_percent,
            best_at: exam.best_at,
            passed: exam.passed,
            time_adjusted: exam.time_adjusted,
        }),
        certificate: course.certificate.map(|issued_at| CertificateJson {
            issued: issued_at.is_some(),
            issued_at,
        }),
        id: course.id,
        title: course.title,
        modules: course
            .modules
            .into_iter()
            .map(|module| ModuleJson {
                id: module.id,
                code: module.code,
                title: module.title,
                status: module.status,
                learned: module.learned_at.is_some(),
                learned_at: module.learned_at,
                attempts: module.attempts,
                best_percent: module.best_percent,
                passed: module.passed,
            })
            .collect(),
    }
}

/// One course's lines of the table: its title and count, a line per module, the exam's and
/// the certificate's lines.
fn table_course(out: &mut String, course: &Course, json: &CourseJson) {
    let lang = Lang::from_tag(&course.language).unwrap_or(Lang::En);
    let passed = json.modules.iter().filter(|m| m.passed).count();
    out.push_str(&format!(
        "\n{} ({})  {}\n",
        sanitize(&course.title),
        course.id,
        i18n::passed_of(lang, passed, json.modules.len())
    ));
    let labels: Vec<String> = course
        .modules
        .iter()
        .map(|m| sanitize(&Course::module_label(m)).into_owned())
        .collect();
    let width = labels.iter().map(|l| l.width()).max().unwrap_or(0);
    for (label, module) in labels.iter().zip(&json.modules) {
        let status = T::status(module.status).get(lang);
        let best = module
            .best_percent
            .map_or("-".to_string(), |p| i18n::percent(lang, p));
        let pad = width - label.width();
        // A passed module keeps its status word; the mark would hide behind it otherwise.
        let learned = module.learned_at.as_deref().map_or(String::new(), |at| {
            format!("  {}", i18n::learned_on(lang, &sanitize(learned_day(at))))
        });
        let line = format!(
            "  {}  {label}{}  {status:<15} {best:>5}  {:<10}{learned}",
            i18n::status_symbol(module.status),
            " ".repeat(pad),
            i18n::attempts(lang, module.attempts)
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    for line in &json.end_lines {
        out.push_str(&format!("  {}\n", sanitize(line)));
    }
}

/// The day of a stored time (`2026-11-28T11:00:00Z` → `2026-11-28`), as the module screen shows it.
fn learned_day(at: &str) -> &str {
    at.get(..10).unwrap_or(at)
}

fn reset(course: Option<&str>, yes: bool, flag: Option<&PathBuf>) -> ExitCode {
    let Some(file) = progress_path(flag) else {
        say_error!("kurs: no folder for the progress file is known; give one with --progress FILE");
        return ExitCode::from(2);
    };
    let what = match course {
        Some(id) => format!("the progress of course `{id}`"),
        None => "all progress".to_string(),
    };
    let (mut store, notices) = ProgressStore::open(&file);
    for notice in &notices {
        say_error!("kurs: {}", i18n::store_notice(Lang::En, notice));
    }
    // A course id with nothing stored is most likely mistyped: say which ids there are.
    if let Some(id) = course
        && !store.progress().courses.contains_key(id)
    {
        let known: Vec<String> = store
            .progress()
            .courses
            .keys()
            .map(|id| format!("`{}`", sanitize(id)))
            .collect();
        let known = if known.is_empty() {
            "no course has progress yet".to_string()
        } else {
            format!("courses with progress: {}", known.join(", "))
        };
        say_error!(
            "kurs: no progress is stored for course `{}` in {} ({known}); nothing was changed",
            sanitize(id),
            sanitize(&file.display().to_string())
        );
        return ExitCode::from(1);
    }
    if !yes {
        if !std::io::stdin().is_terminal() {
            say_error!("kurs: not clearing {what} without --yes (nothing was changed)");
            return ExitCode::from(2);
        }
        eprint!(
            "Clear {what} in {}? This cannot be undone. [y/N] ",
            file.display()
        );
        let _ = std::io::stderr().flush();
        let mut answer = String::new();
        let _ = std::io::stdin().lock().read_line(&mut answer);
        if !matches!(
            answer.trim().to_lowercase().as_str(),
            "y" | "yes" | "j" | "ja"
        ) {
            say_error!("kurs: nothing was changed");
            return ExitCode::SUCCESS;
        }
    }
    if *store.mode() == StoreMode::ReadOnly {
        say_error!(
            "kurs: {} is read-only for this kurs; nothing was changed",
            file.display()
        );
        return ExitCode::from(2);
    }
    if let Some(notice) = store.reset(course) {
        say_error!("kurs: {}", i18n::store_notice(Lang::En, &notice));
        return ExitCode::from(2);
    }
    let said = writeln!(
        std::io::stdout(),
        "cleared {what} in {}",
        sanitize(&file.display().to_string())
    );
    match said {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => super::output_failed(&error),
    }
}
