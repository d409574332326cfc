//! `kurs report [PATH] [--course ID] [--format table|csv|json]`: the trainer's view of who did
//! what, read back from the configured LRS: per learner and module status, best score and last
//! activity, and the final exam. Exit 0 fine (an empty LRS too); 1 a setting, a course id or the
//! LRS's refusal of the account to fix; 2 the LRS could not be reached or read.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::course_path;
use super::lrs::{config_path, configured, password};
use crate::course::{Course, Depth, Library, Source, load};
use crate::i18n::Lang;
use crate::safe_text::single_line;
use crate::xapi::fetch::{
    BOUNDS, EVERY_STATEMENT_BOUNDS, FetchError, Fetched, every_statement, statements_about,
};
use crate::xapi::report::render;
use crate::xapi::report::{CourseReport, Plan, Tally};
use crate::xapi::send::Client;

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// A library folder, a course folder or a module file [default: $KURS_COURSES, else the built-in sample courses]
    pub path: Option<PathBuf>,
    /// Only this course, by id [default: every course found]
    #[arg(long, value_name = "ID")]
    pub course: Option<String>,
    /// table: for reading; csv: for a spreadsheet; json: for scripts
    #[arg(long, value_enum, default_value = "table")]
    pub format: ReportFormat,
    /// Language of the table [default: the course's language]
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// How many statements to ask the LRS for in one request (it may send fewer)
    #[arg(long, value_name = "N", default_value_t = 100,
          value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub page_size: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Table,
    Csv,
    Json,
}

pub(super) fn run(args: &ReportArgs) -> ExitCode {
    let path = course_path(args.path.as_ref());
    // Only the titles are needed: of each module file only its start is read.
    let (library, _) = match &path {
        Some(path) => load(&Source::Path(path.clone()), Depth::Headers),
        None => load(&Source::Samples, Depth::Headers),
    };
    if library.courses.is_empty() {
        say_error!(
            "kurs: no course found{}; run `kurs check` on it to see why",
            path.map(|p| format!(" in {}", single_line(&p.display().to_string())))
                .unwrap_or_default()
        );
        return ExitCode::from(1);
    }
    let courses = match which_courses(&library, args.course.as_deref()) {
        Ok(courses) => courses,
        Err(sentence) => {
            say_error!("kurs: {sentence}");
            return ExitCode::from(1);
        }
    };
    let client = match client() {
        Ok(client) => client,
        Err(problems) => {
            for problem in problems {
                say_error!("kurs: {problem}");
            }
            return ExitCode::from(1);
        }
    };
    let mut tallies = Vec::new();
    for course in &courses {
        let plan = Plan::of(course);
        let activity = plan.activity.clone();
        let mut tally = Tally::new(plan);
        let fetched =
            statements_about(&client, &activity, args.page_size, BOUNDS, |s| tally.add(s));
        match fetched {
            Ok(fetched) => tallies.push((tally, fetched)),
            Err(error) => return failed(&error),
        }
    }
    if let Err(error) = read_unfiltered(&client, &courses, &mut tallies, args.page_size) {
        return failed(&error);
    }
    let mut reports: Vec<CourseReport> = Vec::new();
    for ((tally, fetched), course) in tallies.iter().zip(&courses) {
        if !fetched.complete {
            say_error!(
                "kurs: the report of `{}` stops after {} statements in {} pages (kurs reads no more); it may be incomplete",
                single_line(&course.id),
                fetched.statements,
                fetched.pages
            );
        }
        reports.push(tally.report(fetched.complete));
    }
    let langs: Vec<Lang> = courses
        .iter()
        .map(|course| crate::session::lang_for(args.lang, Some(course)))
        .collect();
    let text = match args.format {
        ReportFormat::Table => {
            let zone = jiff::tz::TimeZone::system();
            let tables: Vec<String> = reports
                .iter()
                .zip(&langs)
                .map(|(report, &lang)| render::table(report, lang, &zone))
                .collect();
            tables.join("\n")
        }
        ReportFormat::Csv => render::csv(&reports),
        ReportFormat::Json => render::json(&reports),
    };
    // CSV and JSON stay what a script can read; the sentence for a person goes to stderr.
    if args.format != ReportFormat::Table && !render::any_records(&reports) {
        say_error!("kurs: the LRS holds no learning records of these courses yet");
    }
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => super::output_failed(&error),
    }
}

/// The courses to report: the one `--course` names, else every course found; Err names the
/// ids there are.
fn which_courses<'l>(library: &'l Library, id: Option<&str>) -> Result<Vec<&'l Course>, String> {
    let Some(id) = id else {
        return Ok(library.courses.iter().collect());
    };
    match library.courses.iter().find(|c| c.id == id) {
        Some(course) => Ok(vec![course]),
        None => {
            let known: Vec<String> = library
                .courses
                .iter()
                .map(|c| format!("`{}`", single_line(&c.id)))
                .collect();
            Err(format!(
                "there is no course `{}`; the courses here are {}",
                single_line(id),
                known.join(", ")
            ))
        }
    }
}

/// A client for the configured LRS; Err: every setting to fix, one sentence each.
fn client() -> Result<Client, Vec<String>> {
    let lrs = match configured()? {
        Some(lrs) => lrs,
        None => {
            let place = config_path().map_or_else(
                || "config.toml".to_string(),
                |p| single_line(&p.display().to_string()),
            );
            return Err(vec![format!(
                "no LRS is configured: set [lrs] endpoint in {place}, or KURS_LRS_ENDPOINT"
            )]);
        }
    };
    let password = password(&lrs).map_err(|problem| vec![problem])?;
    Ok(Client::new(&lrs, password.as_deref()))
}

/// The LRS's refusal or failure as one sentence and its exit code: 1 for a setting to fix, 2 for
/// an LRS that could not be reached or read.
fn failed(error: &FetchError) -> ExitCode {
    say_error!("kurs: {error}");
    ExitCode::from(match error {
        FetchError::Credentials(_) | FetchError::NotAnLrs(_) => 1,
        FetchError::Unreachable(_) | FetchError::Answer(_) => 2,
    })
}

/// The way round an LRS that does not apply `related_activities` (Ralph's Elasticsearch and
/// MongoDB back ends answer only the course's own statements) or whose activity filter finds
/// nothing (Ralph 5's file back end compares the IRI as an object): for every course whose answer
/// held no statement about a module, kurs reads the LRS's statements once, unfiltered and within
/// a tighter bound, and each course keeps its own. A course nobody has opened a module of costs
/// the same read, which is why it is bounded.
fn read_unfiltered(
    client: &Client,
    courses: &[&Course],
    tallies: &mut [(Tally, Fetched)],
    page_size: u32,
) -> Result<(), FetchError> {
    let again: Vec<usize> = (0..tallies.len())
        .filter(|&i| tallies[i].0.about_modules() == 0)
        .collect();
    if again.is_empty() {
        return Ok(());
    }
    let mut fresh: Vec<Tally> = again
        .iter()
        .map(|&i| Tally::new(Plan::of(courses[i])))
        .collect();
    let fetched = every_statement(client, page_size, EVERY_STATEMENT_BOUNDS, |s| {
        for tally in &mut fresh {
            tally.add(s);
        }
    })?;
    for (tally, &i) in fresh.into_iter().zip(&again) {
        if tally.about_modules() > 0 {
            say_error!(
                "kurs: the LRS's answer for `{}` held no record of its modules (some LRSs, Ralph among them, do not filter by related activities); kurs read all {} statements and kept this course's",
                single_line(&courses[i].id),
                fetched.statements
            );
            tallies[i] = (tally, fetched);
        }
    }
    Ok(())
}
