//! The final exam and the certificate as both players reach them: the course read in full,
//! whether the exam is open, the exam saved with every move, and the certificate once the
//! course's requirement is met (the facts from the progress and the profile).

use std::path::{Path, PathBuf};

use super::Record;
use crate::certificate::{
    self, CertificateError, CertificateFacts, ExamScore, Issued, ModuleScore,
};
use crate::course::{Course, Exam, Library, load_module};
use crate::exam::{Closed, ExamResult, ExamRun, gate};
use crate::i18n::{self, Lang};
use crate::profile::Profile;
use crate::progress::store::StoreNotice;
use crate::progress::{CourseProgress, Progress, TimeTerms, now};

/// Where certificates go and who signs them, as the command line resolved it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Certify {
    /// The folder beside the progress index (`certificates/` and the installation's key).
    pub folder: PathBuf,
    /// `KURS_ISSUER_KEY`: a training organisation's key file; `None`: the installation's own.
    pub key_file: Option<PathBuf>,
}

/// Reads every module of course `course` in full (the exam draws from all their quizzes).
/// Err: the first problem, in one sentence with its place.
pub fn read_course(library: &mut Library, course: usize) -> Result<(), String> {
    let count = library.courses.get(course).map_or(0, |c| c.modules.len());
    for module in 0..count {
        if let Err(diagnostics) = load_module(library, course, module) {
            return Err(super::first_error(&diagnostics).unwrap_or_default());
        }
    }
    Ok(())
}

/// Whether a module counts as done for the exam and the certificate: its quiz passed, or, for a
/// module without a quiz, marked "Gelernt".
pub fn module_done(course: &Course, progress: Option<&CourseProgress>, module: &str) -> bool {
    let entry = progress.and_then(|p| p.modules.get(module));
    // A module not read yet is taken to have a quiz, as nearly all have; the exam reads them all.
    match course.module(module).map(|m| m.quiz.is_some() || !m.loaded) {
        Some(false) => entry.is_some_and(|m| m.learned_at.is_some() || m.passed()),
        _ => entry.is_some_and(|m| m.passed()),
    }
}

/// Whether the exam of course `course` may start (its modules read in full first).
pub fn exam_gate<'l>(
    library: &'l Library,
    progress: &Progress,
    course: usize,
) -> Result<&'l Exam, Closed> {
    let course = library.courses.get(course).ok_or(Closed::NoExam)?;
    let entry = progress.courses.get(&course.id);
    gate(course, |module| module_done(course, entry, module))
}

/// Why the exam is closed, in one sentence in `lang`.
pub fn closed_text(closed: &Closed, lang: Lang) -> String {
    match closed {
        Closed::NoExam => i18n::T::ExamNone.get(lang).to_owned(),
        Closed::NoQuestions => i18n::T::ExamNoQuestions.get(lang).to_owned(),
        Closed::ModulesFirst(missing) => i18n::exam_modules_first(lang, missing),
    }
}

/// Where the exam of course `course` stands for the learner, for its line in lists.
pub fn exam_state(
    library: &Library,
    progress: &Progress,
    course: usize,
) -> Option<i18n::ExamState> {
    let c = library.courses.get(course)?;
    c.exam.as_ref()?;
    let entry = progress.courses.get(&c.id);
    let exam = entry.map(|e| &e.exam);
    Some(if exam.is_some_and(|e| e.running.is_some()) {
        i18n::ExamState::Running
    } else if let Some(best) = exam.and_then(|e| e.best()) {
        let percent = best.percent().unwrap_or(0);
        if exam.is_some_and(|e| e.passed()) {
            i18n::ExamState::Passed(percent)
        } else {
            i18n::ExamState::Failed(percent)
        }
    } else if exam_gate(library, progress, course).is_ok() {
        i18n::ExamState::Open
    } else {
        i18n::ExamState::Locked
    })
}

/// The time terms in words ("Zeit × 1,5", "ohne Zeitbegrenzung", "+5 Minuten"); `None` when the
/// time was not adjusted.
pub fn terms_text(terms: &TimeTerms, lang: Lang) -> Option<String> {
    terms.adjusted().then(|| i18n::exam_terms(lang, terms))
}

impl Record<'_> {
    /// The exam under way, as it is now: saved with every move so that it resumes.
    pub fn exam_saved(&mut self, course: usize, run: &ExamRun) -> Option<StoreNotice> {
        let id = self.library.courses.get(course)?.id.clone();
        let stored = run.to_stored();
        self.store
            .update(&id, |p| p.course_mut(&id).exam.running = Some(stored))
    }

    /// The exam handed in (or ended by its time): the attempt kept, the running exam gone, and
    /// with a journal its result as a learning record.
    pub fn exam_handed_in(
        &mut self,
        course: usize,
        run: &ExamRun,
        result: &ExamResult,
    ) -> Option<StoreNotice> {
        let library: &Library = self.library;
        let c = library.courses.get(course)?;
        if let (Some(journal), Some(exam)) = (self.journal.as_deref_mut(), &c.exam) {
            let score = crate::xapi::statement::Score {
                points: result.points,
                max: result.max,
            };
            journal.exam(c, result.passed, score, exam.pass_percent);
        }
        let id = c.id.clone();
        let attempt = result.to_attempt(run, now());
        self.store.update(&id, |p| {
            let exam = &mut p.course_mut(&id).exam;
            exam.running = None;
            exam.attempts.push(attempt);
        })
    }

    /// A certificate of the course was issued now.
    pub fn certified(&mut self, course: usize) -> Option<StoreNotice> {
        let id = self.library.courses.get(course)?.id.clone();
        let time = now();
        self.store
            .update(&id, |p| p.course_mut(&id).certified_at = Some(time))
    }

    /// Forget the exam under way (the learner chose to start a new one).
    pub fn exam_dropped(&mut self, course: usize) -> Option<StoreNotice> {
        let id = self.library.courses.get(course)?.id.clone();
        self.store
            .update(&id, |p| p.course_mut(&id).exam.running = None)
    }
}

/// Whether course `course` issues a certificate and the learner has met its requirement (its
/// modules read in full).
pub fn certificate_due(library: &Library, progress: &Progress, course: usize) -> bool {
    let Some(course) = library.courses.get(course) else {
        return false;
    };
    let Some(rule) = &course.certificate else {
        return false;
    };
    let entry = progress.courses.get(&course.id);
    let exam_ok = !rule.requires_exam || entry.is_some_and(|c| c.exam.passed());
    let modules_ok = !rule.requires_modules
        || course
            .modules
            .iter()
            .all(|m| module_done(course, entry, &m.id));
    exam_ok && modules_ok
}

/// Whether a passed quiz completes a certificate that needs no exam and has not been issued yet
/// (a certificate that requires the exam is issued when the exam is passed).
pub fn certificate_due_after_quiz(library: &Library, progress: &Progress, course: usize) -> bool {
    let Some(c) = library.courses.get(course) else {
        return false;
    };
    let needs_exam = c.certificate.as_ref().is_none_or(|r| r.requires_exam);
    let issued = progress
        .courses
        .get(&c.id)
        .is_some_and(|p| p.certified_at.is_some());
    !needs_exam && !issued && certificate_due(library, progress, course)
}

/// What the certificate of course `course` states for `profile`, from the progress.
pub fn certificate_facts(
    library: &Library,
    progress: &Progress,
    course: usize,
    profile: &Profile,
) -> Option<CertificateFacts> {
    let course = library.courses.get(course)?;
    let lang = super::lang_for(None, Some(course));
    let entry = progress.courses.get(&course.id);
    let modules = course
        .modules
        .iter()
        .filter(|m| m.quiz.is_some())
        .map(|m| ModuleScore {
            title: Course::module_label(m),
            best_percent: entry
                .and_then(|c| c.modules.get(&m.id))
                .and_then(|m| m.best_percent())
                .unwrap_or(0),
        })
        .collect();
    let exam = entry.and_then(|c| c.exam.best()).map(|best| ExamScore {
        percent: best.percent().unwrap_or(0),
        passed: best.passed,
        time_adjusted: terms_text(&best.terms, lang),
    });
    Some(CertificateFacts {
        learner_name: profile.name.clone(),
        birth_date: profile.birth_date.to_string(),
        course_id: course.id.clone(),
        course_title: course.title.clone(),
        lang,
        modules,
        exam: exam.filter(|_| course.exam.is_some()),
        issued_at: jiff::Timestamp::now(),
        issuer_name: course
            .certificate
            .as_ref()
            .and_then(|r| r.issuer.clone())
            .unwrap_or_else(|| course.title.clone()),
    })
}

/// Issues the certificate: the installation's key (made on the first certificate) or the
/// organisation's, both files into `certificates/`.
pub fn issue_certificate(
    facts: &CertificateFacts,
    certify: &Certify,
) -> Result<Issued, CertificateError> {
    let key =
        certificate::IssuerKey::for_installation(&certify.folder, certify.key_file.as_deref())?;
    certificate::issue(facts, &key, Path::new(&certify.folder))
}
