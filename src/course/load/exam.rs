//! `[exam]` and `[certificate]` in `course.toml`: the final exam's own keys and questions, what a
//! certificate requires, and the checks that need the whole course (enough questions to draw).

use std::ops::Range;

use toml::de::DeTable;

use super::fields::{Ctx, Fields, Need};
use super::question::parse_questions;
use crate::course::format::keys;
use crate::course::model::{CertificateRule, Exam};
use crate::diagnostic::Code;

/// How many questions an exam draws when `questions` is not given (or every one, when fewer).
pub const DEFAULT_QUESTIONS: usize = 10;

/// `[exam]` as read, before the modules are: the exam, and where `questions` is written (for
/// the check against the number of questions the course has).
pub(super) struct ReadExam {
    pub exam: Exam,
    /// The count the trainer wrote and its place; `None` when the default applies.
    pub count: Option<(usize, Range<usize>)>,
    /// The title the trainer wrote and its place (printed on a certificate).
    pub title: Option<(String, Range<usize>)>,
    pub header: Range<usize>,
}

/// The course's `[exam]`, if it has one.
pub(super) fn parse_exam(ctx: &mut Ctx, fields: &Fields, pass_percent: u8) -> Option<ReadExam> {
    let (table, header) = ctx.table(fields, "exam")?;
    Some(exam_table(ctx, table, header, pass_percent))
}

fn exam_table(ctx: &mut Ctx, table: &DeTable, header: Range<usize>, pass: u8) -> ReadExam {
    let fields = Fields::new(table, header.clone(), "exam");
    let title = ctx.plain(&fields, "title", Need::NonEmptyIfGiven);
    let count = ctx.whole_number(
        &fields,
        "questions",
        1..=500,
        Code::ExamCountRange,
        "give how many questions are drawn for each exam, such as 10",
    );
    let pass_percent = ctx.percent(&fields, "pass_percent");
    let limit = ctx.whole_number(
        &fields,
        "time_limit_minutes",
        1..=600,
        Code::TimeLimitRange,
        "give the minutes for the whole exam, such as 30, or remove the key for no limit",
    );
    let modules_first = ctx.boolean(&fields, "modules_first").map(|b| b.0);
    let own = parse_questions(ctx, &fields, "exam");
    ctx.unknown_keys(&fields, keys::EXAM);
    ReadExam {
        exam: Exam {
            title: title.as_ref().map(|t| t.0.clone()),
            questions: count
                .as_ref()
                .map_or(DEFAULT_QUESTIONS, |(n, _)| *n as usize),
            pass_percent: pass_percent.unwrap_or(pass),
            time_limit_minutes: limit.map(|l| l.0),
            modules_first: modules_first.unwrap_or(true),
            own,
        },
        count: count.map(|(n, span)| (n as usize, span)),
        title,
        header,
    }
}

/// Once the modules are read: an exam has questions to draw, and no more are asked for than
/// there are (`in_quizzes`: the questions of every module's quiz; `None` when only the modules'
/// starts were read, so the count is not known).
pub(super) fn check_exam(ctx: &mut Ctx, read: &mut ReadExam, in_quizzes: Option<usize>) {
    let Some(in_quizzes) = in_quizzes else {
        return;
    };
    let pool = in_quizzes + read.exam.own.len();
    if pool == 0 {
        ctx.push(
            ctx.diag(
                Code::ExamWithoutQuestions,
                read.header.clone(),
                "the exam has no question to draw: no module has a quiz and the exam has no `[[exam.question]]`",
            )
            .with_help("add quizzes to the modules or `[[exam.question]]` tables to the exam"),
        );
        return;
    }
    match &read.count {
        Some((count, span)) if *count > pool => {
            let d = ctx
                .diag(
                    Code::ExamTooManyQuestions,
                    span.clone(),
                    format!(
                        "the exam draws {count} questions, but the course has only {pool}"
                    ),
                )
                .with_help(format!(
                    "set `questions` to at most {pool}, or add questions to the quizzes or to the exam"
                ));
            ctx.push(d);
        }
        _ => read.exam.questions = read.exam.questions.min(pool),
    }
}

/// The course's `[certificate]`, if it has one; `has_exam`: whether the course has an `[exam]`.
pub(super) fn parse_certificate(
    ctx: &mut Ctx,
    fields: &Fields,
    has_exam: bool,
) -> Option<CertificateRule> {
    let (table, header) = ctx.table(fields, "certificate")?;
    let fields = Fields::new(table, header, "certificate");
    let issuer = ctx.plain(&fields, "issuer", Need::NonEmptyIfGiven);
    let requires = ctx.strings(&fields, "requires");
    ctx.unknown_keys(&fields, keys::CERTIFICATE);
    if let Some((text, span)) = &issuer {
        super::printed::check_printed(ctx, "the issuer", text, span.clone());
    }
    let mut rule = CertificateRule {
        requires_exam: has_exam,
        requires_modules: true,
        issuer: issuer.map(|i| i.0),
    };
    if let Some(requires) = requires {
        rule.requires_exam = false;
        rule.requires_modules = false;
        if requires.is_empty() {
            let span = fields
                .get("requires")
                .map(|(_, v)| v.span())
                .unwrap_or_default();
            ctx.push(
                ctx.diag(Code::UnknownRequirement, span, "`requires` lists nothing")
                    .with_help("list `\"exam\"`, `\"modules\"` or both, or remove the key"),
            );
        }
        for (word, span) in requires {
            match word.as_str() {
                "exam" if has_exam => rule.requires_exam = true,
                "exam" => ctx.push(
                    ctx.diag(
                        Code::UnknownRequirement,
                        span,
                        "the certificate requires the exam, but the course has no `[exam]`",
                    )
                    .with_help("add an `[exam]` to `course.toml`, or require only `\"modules\"`"),
                ),
                "modules" => rule.requires_modules = true,
                other => {
                    let mut d = ctx.diag(
                        Code::UnknownRequirement,
                        span,
                        format!("`{other}` is not something a certificate can require"),
                    );
                    d = match super::suggest::did_you_mean(other, &["exam", "modules"]) {
                        Some(best) => d.with_help(format!("did you mean `{best}`?")),
                        None => d.with_help("use `\"exam\"`, `\"modules\"` or both"),
                    };
                    ctx.push(d);
                }
            }
        }
    }
    Some(rule)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::super::{Depth, Target, load_targets};
    use crate::course::files::Memory;
    use crate::course::model::Course;
    use crate::diagnostic::Report;

    const MODULE: &str = "id = \"m\"\ntitle = \"Modul\"\n[[section]]\ntitle = \"A\"\nbody = \"b\"\n\
        [quiz]\n[[quiz.question]]\ntype = \"true_false\"\nprompt = \"Ja?\"\nanswer = true\n\
        [[quiz.question]]\ntype = \"true_false\"\nprompt = \"Nein?\"\nanswer = false\n";

    fn load(course_tail: &str, depth: Depth) -> (Option<Course>, Report) {
        let mut files = Memory::default();
        files.insert(
            "lib/c/course.toml",
            format!("id = \"c\"\ntitle = \"Kurs\"\nmodules = [\"m.toml\"]\n{course_tail}"),
        );
        files.insert("lib/c/m.toml", MODULE);
        let (library, report) =
            load_targets(&files, &[Target::Course(PathBuf::from("lib/c"))], depth);
        (library.courses.into_iter().next(), report)
    }

    #[test]
    fn an_exam_takes_the_defaults_and_draws_at_most_what_there_is() {
        let (course, report) = load("pass_percent = 80\n[exam]\n", Depth::Full);
        assert_eq!(report.diagnostics, vec![]);
        let exam = course.and_then(|c| c.exam).expect("exam");
        assert_eq!(exam.title, None);
        assert_eq!(
            exam.questions, 2,
            "the default 10, capped at the two there are"
        );
        assert_eq!(exam.pass_percent, 80, "the course's pass mark");
        assert_eq!(exam.time_limit_minutes, None);
        assert!(exam.modules_first);
        assert!(exam.own.is_empty());
    }

    #[test]
    fn an_exam_keeps_what_the_trainer_wrote() {
        let (course, report) = load(
            "[exam]\ntitle = \"Prüfung\"\nquestions = 3\npass_percent = 75\n\
             time_limit_minutes = 30\nmodules_first = false\n\
             [[exam.question]]\nid = \"x\"\ntype = \"text\"\nprompt = \"Wort?\"\naccept = [\"a\"]\n",
            Depth::Full,
        );
        assert_eq!(report.diagnostics, vec![]);
        let exam = course.and_then(|c| c.exam).expect("exam");
        assert_eq!(exam.title.as_deref(), Some("Prüfung"));
        assert_eq!(exam.questions, 3);
        assert_eq!(exam.pass_percent, 75);
        assert_eq!(exam.time_limit_minutes, Some(30));
        assert!(!exam.modules_first);
        assert_eq!(exam.own[0].id, "x");
    }

    #[test]
    fn a_certificate_requires_both_where_there_is_an_exam_and_modules_without() {
        let (course, _) = load("[exam]\n[certificate]\n", Depth::Headers);
        let rule = course.and_then(|c| c.certificate).expect("certificate");
        assert!(rule.requires_exam && rule.requires_modules);
        let (course, _) = load("[certificate]\nissuer = \"VHS\"\n", Depth::Headers);
        let rule = course.and_then(|c| c.certificate).expect("certificate");
        assert!(!rule.requires_exam && rule.requires_modules);
        assert_eq!(rule.issuer.as_deref(), Some("VHS"));
        let (course, _) = load(
            "[exam]\n[certificate]\nrequires = [\"exam\"]\n",
            Depth::Headers,
        );
        let rule = course.and_then(|c| c.certificate).expect("certificate");
        assert!(rule.requires_exam && !rule.requires_modules);
    }

    #[test]
    fn the_count_is_checked_only_where_the_quizzes_were_read() {
        let (_, report) = load("[exam]\nquestions = 5\n", Depth::Headers);
        assert_eq!(report.diagnostics, vec![]);
        let (_, report) = load("[exam]\nquestions = 5\n", Depth::Check);
        assert_eq!(report.diagnostics.len(), 1);
        assert_eq!(report.diagnostics[0].code.as_str(), "E031");
    }
}
