//! `kurs verify FILE`: checks a certificate (`.pdf` or `.jwt`) offline and says who, what, when,
//! by whom and with which score; exit 0 when it holds, 1 with one sentence when it does not.

use std::io::{Read, Write};
use std::process::ExitCode;

use serde::Serialize;

use super::VerifyArgs;
use crate::certificate::verify::MAX_FILE_SIZE;
use crate::certificate::{Verified, verify_bytes};
use crate::i18n::{self, Lang};
use crate::safe_text::sanitize;

#[derive(Serialize)]
struct VerifiedJson<'a> {
    valid: bool,
    kind: &'static str,
    learner: LearnerJson<'a>,
    course: CourseJson<'a>,
    modules: Vec<ModuleJson<'a>>,
    exam: Option<ExamJson<'a>>,
    requirement: Option<RequirementJson>,
    issued_at: String,
    issuer: IssuerJson<'a>,
    code: &'a str,
    credential_id: &'a str,
}

#[derive(Serialize)]
struct LearnerJson<'a> {
    name: &'a str,
    birth_date: &'a str,
}

#[derive(Serialize)]
struct CourseJson<'a> {
    id: &'a str,
    title: &'a str,
    language: &'static str,
}

#[derive(Serialize)]
struct ModuleJson<'a> {
    title: &'a str,
    best_percent: u8,
}

#[derive(Serialize)]
struct ExamJson<'a> {
    title: &'a str,
    percent: u8,
    passed: bool,
    /// `null` in a certificate issued before kurs stated it.
    pass_percent: Option<u8>,
    time_adjusted: Option<&'a str>,
}

/// The organisation the course names, the key that signed, and that key's own name when a
/// training organisation's key signed (`null` for an installation's own key).
#[derive(Serialize)]
struct IssuerJson<'a> {
    name: &'a str,
    did: &'a str,
    signer: Option<&'a str>,
}

/// What the course required; `null` in a certificate issued before kurs stated it.
#[derive(Serialize)]
struct RequirementJson {
    modules: bool,
    exam: bool,
}

#[derive(Serialize)]
struct InvalidJson {
    valid: bool,
    reason: String,
}

pub(super) fn run(args: &VerifyArgs) -> ExitCode {
    let bytes = match read_bounded(&args.file) {
        Ok(bytes) => bytes,
        Err(error) => {
            say_error!(
                "kurs: cannot read {}: {error}",
                sanitize(&args.file.display().to_string())
            );
            return ExitCode::from(2);
        }
    };
    let result = verify_bytes(&bytes, args.issuer.as_deref());
    let text = match (&result, args.json) {
        (Ok(verified), true) => json_of(verified),
        (Ok(verified), false) => human(verified),
        (Err(invalid), true) => json_line(&InvalidJson {
            valid: false,
            reason: invalid.to_string(),
        }),
        (Err(invalid), false) => format!("{}\n", sanitize(&invalid.to_string())),
    };
    let mut out = std::io::stdout().lock();
    if let Err(error) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        return super::output_failed(&error);
    }
    match result {
        Ok(_) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(1),
    }
}

/// The file, at most `MAX_FILE_SIZE` bytes: anything larger is no certificate kurs made.
fn read_bounded(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(std::io::Error::other(format!(
            "larger than {} MiB, which no certificate is",
            MAX_FILE_SIZE / (1024 * 1024)
        )));
    }
    Ok(bytes)
}

fn lang_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "de",
        Lang::En => "en",
    }
}

fn json_line<T: Serialize>(value: &T) -> String {
    crate::diagnostic::escape_controls_in_json(
        &serde_json::to_string_pretty(value).unwrap_or_default(),
    ) + "\n"
}

fn json_of(verified: &Verified) -> String {
    let facts = &verified.facts;
    json_line(&VerifiedJson {
        valid: true,
        kind: if verified.from_pdf { "pdf" } else { "jwt" },
        learner: LearnerJson {
            name: &facts.learner_name,
            birth_date: &facts.birth_date,
        },
        course: CourseJson {
            id: &facts.course_id,
            title: &facts.course_title,
            language: lang_tag(facts.lang),
        },
        modules: facts
            .modules
            .iter()
            .map(|m| ModuleJson {
                title: &m.title,
                best_percent: m.best_percent,
            })
            .collect(),
        exam: facts.exam.as_ref().map(|exam| ExamJson {
            title: &exam.title,
            percent: exam.percent,
            passed: exam.passed,
            pass_percent: exam.pass_percent,
            time_adjusted: exam.time_adjusted.as_deref(),
        }),
        requirement: facts.requirement.map(|r| RequirementJson {
            modules: r.modules,
            exam: r.exam,
        }),
        issued_at: facts.issued_at.to_string(),
        issuer: IssuerJson {
            name: &facts.issuer_name,
            did: &verified.issuer_did,
            signer: facts.signer_name.as_deref(),
        },
        code: &verified.code,
        credential_id: &verified.credential_id,
    })
}

/// The facts for a reader, in English like every message of the command line; every text from
/// the file goes through the sanitiser, as the file may come from anyone.
fn human(verified: &Verified) -> String {
    let facts = &verified.facts;
    let what = if verified.from_pdf {
        "the signature holds and the page shows what the signed credential says"
    } else {
        "the signature holds"
    };
    let mut out = format!("Valid certificate: {what}.\n");
    let mut row = |label: &str, value: &str| {
        out.push_str(&format!("  {label:<9} {}\n", sanitize(value)));
    };
    row(
        "Learner",
        &format!("{}, born {}", facts.learner_name, facts.birth_date),
    );
    row(
        "Course",
        &format!("{} ({})", facts.course_title, facts.course_id),
    );
    for module in &facts.modules {
        row(
            "Module",
            &format!(
                "{}: {}",
                module.title,
                i18n::percent(Lang::En, module.best_percent)
            ),
        );
    }
    if let Some(exam) = &facts.exam {
        let mut text = format!(
            "{}: {}, {}",
            exam.title,
            i18n::percent(Lang::En, exam.percent),
            if exam.passed { "passed" } else { "not passed" }
        );
        let notes: Vec<String> = exam
            .pass_percent
            .map(|pass| format!("pass mark {}", i18n::percent(Lang::En, pass)))
            .into_iter()
            .chain(
                exam.time_adjusted
                    .as_ref()
                    .map(|adjusted| format!("time adjusted: {adjusted}")),
            )
            .collect();
        if !notes.is_empty() {
            text.push_str(&format!(" ({})", notes.join("; ")));
        }
        row("Exam", &text);
    }
    row(
        "Issued",
        &facts.issued_at.strftime("%Y-%m-%d %H:%M UTC").to_string(),
    );
    row("By", &facts.issuer_name);
    if let Some(signer) = &facts.signer_name {
        row("Signed by", signer);
    }
    row("Key", &verified.issuer_did);
    row("Code", &verified.code);
    out.push_str(
        "Whether to trust this key is your decision: compare it with the key the issuer publishes.\n",
    );
    out
}
