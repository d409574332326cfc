//! `kurs certificates`: the certificates issued on this computer (`certificates/` beside the
//! progress index), each read from its credential: course, learner, date, score, code, paths,
//! newest first. `kurs certificates issue`: a certificate earned but not issued (or anew).

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;

use super::{
    CertificatesArgs, CertificatesCommand, course_path, installation_folder, issuer_key_file,
    progress_path,
};
use crate::certificate::verify::MAX_FILE_SIZE;
use crate::certificate::{Verified, files, verify_bytes};
use crate::i18n::{self, Lang};
use crate::profile::Profile;
use crate::safe_text::sanitize;
use crate::session::{
    CertificateStatus, Record, Session, Sources, certificate_status, issued_on, lang_for,
    read_course,
};

pub(super) fn run(args: &CertificatesArgs) -> ExitCode {
    if let Some(CertificatesCommand::Issue {
        path,
        course,
        again,
        lang,
    }) = &args.command
    {
        return issue(
            path.as_ref(),
            args.progress.as_ref(),
            course.as_deref(),
            *again,
            *lang,
        );
    }
    let Some(folder) = installation_folder(args.progress.as_ref()) else {
        say_error!("kurs: no folder for the progress file is known; give one with --progress FILE");
        return ExitCode::from(2);
    };
    let found = match files::list(&folder) {
        Ok(found) => found,
        Err(error) => {
            say_error!(
                "kurs: cannot read {}: {error}",
                sanitize(&files::certificates_folder(&folder).display().to_string())
            );
            return ExitCode::from(2);
        }
    };
    let entries = entries(&found);
    let text = if args.json {
        json(&entries)
    } else if entries.is_empty() {
        format!(
            "No certificates yet in {}\n",
            sanitize(&files::certificates_folder(&folder).display().to_string())
        )
    } else {
        human(&entries)
    };
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => super::output_failed(&error),
    }
}

/// One certificate: its two files (either may be missing) and what its credential says.
struct Entry {
    stem: String,
    pdf: Option<PathBuf>,
    credential: Option<PathBuf>,
    /// The credential checked (signature and, from a PDF alone, the page); Err: why not.
    read: Result<Verified, String>,
}

/// The files grouped by certificate and read, newest first; those that do not read last.
fn entries(found: &[PathBuf]) -> Vec<Entry> {
    let mut pairs: BTreeMap<String, (Option<PathBuf>, Option<PathBuf>)> = BTreeMap::new();
    for path in found {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let pair = pairs.entry(stem).or_default();
        if path.extension().is_some_and(|ext| ext == "pdf") {
            pair.0 = Some(path.clone());
        } else {
            pair.1 = Some(path.clone());
        }
    }
    let mut entries: Vec<Entry> = pairs
        .into_iter()
        .map(|(stem, (pdf, credential))| {
            // The credential is the shorter read; a PDF alone carries its credential inside.
            let file = credential.as_ref().or(pdf.as_ref());
            let read = match file {
                Some(file) => read_bounded(file)
                    .map_err(|error| format!("cannot read it: {error}"))
                    .and_then(|bytes| verify_bytes(&bytes, None).map_err(|e| e.to_string())),
                None => Err("no file".to_owned()),
            };
            Entry {
                stem,
                pdf,
                credential,
                read,
            }
        })
        .collect();
    entries.sort_by(|a, b| match (&a.read, &b.read) {
        (Ok(a_read), Ok(b_read)) => b_read
            .facts
            .issued_at
            .cmp(&a_read.facts.issued_at)
            .then_with(|| b.stem.cmp(&a.stem)),
        (Ok(_), Err(_)) => std::cmp::Ordering::Less,
        (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
        (Err(_), Err(_)) => a.stem.cmp(&b.stem),
    });
    entries
}

/// The file, at most `MAX_FILE_SIZE` bytes, as `kurs verify` reads it.
fn read_bounded(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(std::io::Error::other("larger than any certificate"));
    }
    Ok(bytes)
}

/// The score in a few words: the exam's, then the modules' best scores.
fn score(verified: &Verified) -> String {
    let facts = &verified.facts;
    let mut parts = Vec::new();
    if let Some(exam) = &facts.exam {
        parts.push(format!(
            "{} {}, {}",
            exam.title,
            i18n::percent(Lang::En, exam.percent),
            if exam.passed { "passed" } else { "not passed" }
        ));
    }
    if !facts.modules.is_empty() {
        let scores: Vec<String> = facts
            .modules
            .iter()
            .map(|m| i18n::percent(Lang::En, m.best_percent))
            .collect();
        parts.push(format!(
            "{} module{}, best {}",
            scores.len(),
            if scores.len() == 1 { "" } else { "s" },
            scores.join(", ")
        ));
    }
    if parts.is_empty() {
        "none stated".to_owned()
    } else {
        parts.join("; ")
    }
}

/// In English like every list of the command line; every text from a file is sanitised.
fn human(entries: &[Entry]) -> String {
    let mut out = String::new();
    for entry in entries {
        if !out.is_empty() {
            out.push('\n');
        }
        match &entry.read {
            Ok(verified) => {
                let facts = &verified.facts;
                out.push_str(&format!(
                    "{}  {} ({})\n",
                    facts.issue_date(),
                    sanitize(&facts.course_title),
                    sanitize(&facts.course_id)
                ));
                let mut row = |label: &str, value: &str| {
                    out.push_str(&format!("  {label:<11} {}\n", sanitize(value)));
                };
                row("Learner", &facts.learner_name);
                row("Score", &score(verified));
                row("Code", &verified.code);
            }
            Err(reason) => out.push_str(&format!(
                "{}  not a valid certificate: {}\n",
                sanitize(&entry.stem),
                sanitize(reason)
            )),
        }
        for (label, path) in [("PDF", &entry.pdf), ("Credential", &entry.credential)] {
            if let Some(path) = path {
                out.push_str(&format!(
                    "  {label:<11} {}\n",
                    sanitize(&path.display().to_string())
                ));
            }
        }
    }
    out
}

/// The JSON of `kurs certificates --json`: one object per certificate, newest first, with these
/// field names kept stable for scripts.
#[derive(Serialize)]
struct EntryJson<'a> {
    valid: bool,
    /// Why the certificate does not read, when it does not.
    problem: Option<&'a str>,
    course: Option<CourseJson<'a>>,
    learner: Option<&'a str>,
    issued_at: Option<String>,
    exam: Option<ExamJson<'a>>,
    modules: Vec<ModuleJson<'a>>,
    code: Option<&'a str>,
    pdf: Option<String>,
    credential: Option<String>,
}

#[derive(Serialize)]
struct CourseJson<'a> {
    id: &'a str,
    title: &'a str,
}

#[derive(Serialize)]
struct ExamJson<'a> {
    title: &'a str,
    percent: u8,
    passed: bool,
}

#[derive(Serialize)]
struct ModuleJson<'a> {
    title: &'a str,
    best_percent: u8,
}

fn json(entries: &[Entry]) -> String {
    let path = |path: &Option<PathBuf>| path.as_ref().map(|p| p.display().to_string());
    let list: Vec<EntryJson> = entries
        .iter()
        .map(|entry| {
            let verified = entry.read.as_ref().ok();
            let facts = verified.map(|v| &v.facts);
            EntryJson {
                valid: verified.is_some(),
                problem: entry.read.as_ref().err().map(String::as_str),
                course: facts.map(|f| CourseJson {
                    id: &f.course_id,
                    title: &f.course_title,
                }),
                learner: facts.map(|f| f.learner_name.as_str()),
                issued_at: facts.map(|f| f.issued_at.to_string()),
                exam: facts.and_then(|f| f.exam.as_ref()).map(|exam| ExamJson {
                    title: &exam.title,
                    percent: exam.percent,
                    passed: exam.passed,
                }),
                modules: facts
                    .map(|f| {
                        f.modules
                            .iter()
                            .map(|m| ModuleJson {
                                title: &m.title,
                                best_percent: m.best_percent,
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                code: verified.map(|v| v.code.as_str()),
                pdf: path(&entry.pdf),
                credential: path(&entry.credential),
            }
        })
        .collect();
    crate::diagnostic::escape_controls_in_json(
        &serde_json::to_string_pretty(&list).unwrap_or_default(),
    ) + "\n"
}

/// `kurs certificates issue`: the certificate of a course whose requirement the progress meets,
/// issued now and recorded, unless one was issued before (then only with `again`).
/// Exit 0 issued (or issued before), 1 not issued and why, 2 the progress not saved.
fn issue(
    path: Option<&PathBuf>,
    progress: Option<&PathBuf>,
    id: Option<&str>,
    again: bool,
    lang: Option<Lang>,
) -> ExitCode {
    let sources = Sources {
        courses: course_path(path),
        progress: progress_path(progress).unwrap_or_else(|| PathBuf::from("kurs-progress.toml")),
    };
    let mut session = match Session::open(&sources) {
        Ok(session) => session,
        Err(error) => {
            say_error!("kurs: {error}");
            return ExitCode::from(1);
        }
    };
    let Some(mut certify) = session.certify.clone() else {
        say_error!(
            "kurs: no folder for certificates is known; give the progress file with --progress FILE"
        );
        return ExitCode::from(2);
    };
    certify.key_file = issuer_key_file();
    let course = match which_course(&mut session, id) {
        Ok(course) => course,
        Err(sentence) => {
            say_error!("kurs: {sentence}");
            return ExitCode::from(1);
        }
    };
    let lang = lang_for(lang, session.library.courses.get(course));
    if let Err(reason) = read_course(&mut session.library, course) {
        say_error!("kurs: {}", i18n::certificate_unreadable(lang, &reason));
        return ExitCode::from(1);
    }
    match certificate_status(&session.library, session.store.progress(), course) {
        CertificateStatus::NoCertificate => {
            say_error!(
                "kurs: the course `{}` issues no certificate (no `[certificate]` in its course.toml)",
                session.library.courses[course].id
            );
            return ExitCode::from(1);
        }
        CertificateStatus::NotYet => {
            let missing = crate::session::certificate_missing(
                &session.library,
                session.store.progress(),
                course,
            );
            say_error!("kurs: {}", i18n::certificate_not_yet(lang, &missing));
            return ExitCode::from(1);
        }
        CertificateStatus::Issued(at) if !again => {
            return say(&i18n::certificate_already(lang, &issued_on(&at, lang)));
        }
        CertificateStatus::Issued(_) | CertificateStatus::Due => {}
    }
    let profile = match Profile::load(session.store.path()) {
        Ok(Some(profile)) => profile,
        Ok(None) => {
            say_error!("kurs: {}", i18n::T::CertificateNoProfile.get(lang));
            return ExitCode::from(1);
        }
        Err(error) => {
            say_error!("kurs: {}", error.text(lang));
            return ExitCode::from(1);
        }
    };
    let outcome =
        Record::new(&mut session.store, &session.library).certificate(course, &profile, &certify);
    let lines = outcome.lines(lang).join("\n");
    if outcome.issued.is_err() {
        say_error!("kurs: {lines}");
        return ExitCode::from(1);
    }
    let code = say(&lines);
    if let Some(notice) = outcome.notice {
        say_error!("kurs: {}", i18n::store_notice(lang, &notice));
        return ExitCode::from(2);
    }
    code
}

/// Prints `text` and a line end on stdout.
fn say(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => super::output_failed(&error),
    }
}

/// The course whose certificate to issue: `--course`, else the only course with a certificate,
/// else the only one whose certificate is due; or one sentence on why none can be chosen.
fn which_course(session: &mut Session, id: Option<&str>) -> Result<usize, String> {
    let courses = &session.library.courses;
    let ids = |list: &[usize]| {
        list.iter()
            .map(|&c| format!("`{}`", courses[c].id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(id) = id {
        return courses.iter().position(|c| c.id == id).ok_or_else(|| {
            let all: Vec<usize> = (0..courses.len()).collect();
            format!(
                "there is no course `{id}`; the courses here are {}",
                ids(&all)
            )
        });
    }
    let with_certificate: Vec<usize> = (0..courses.len())
        .filter(|&c| courses[c].certificate.is_some())
        .collect();
    match with_certificate.as_slice() {
        [] => Err(
            "none of these courses issues a certificate (a `[certificate]` in course.toml)".into(),
        ),
        [one] => Ok(*one),
        several => {
            let several = several.to_vec();
            let listed = ids(&several);
            let due: Vec<usize> = several
                .iter()
                .copied()
                .filter(|&c| {
                    read_course(&mut session.library, c).is_ok()
                        && certificate_status(&session.library, session.store.progress(), c)
                            == CertificateStatus::Due
                })
                .collect();
            match due.as_slice() {
                [one] => Ok(*one),
                _ => Err(format!(
                    "several courses issue a certificate; choose one with --course: {listed}"
                )),
            }
        }
    }
}
