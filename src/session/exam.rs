//! The final exam and the certificate as both players reach them: the course read in full,
//! whether the exam is open, the exam saved with every move, and the certificate once the
//! course's requirement is met (the facts from the progress and the profile).

use std::path::{Path, PathBuf};

use super::Record;
use crate::certificate::{
    self, CertificateError, CertificateFacts, ExamScore, Issued, ModuleScore, Requirement,
};
use crate::course::{Course, Exam, Library, load_module};
use crate::exam::{Closed, ExamResult, ExamRun, Retimed, gate, shown_percent};
use crate::i18n::{self, Lang};
use crate::profile::Profile;
use crate::progress::store::StoreNotice;
use crate::progress::{CourseProgress, Progress, TimeTerms, now};
use crate::xapi::statement::Score;

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
    let pass_percent = c.exam.as_ref().map_or(0, |e| e.pass_percent);
    let exam = entry.map(|e| &e.exam);
    Some(if exam.is_some_and(|e| e.running.is_some()) {
        i18n::ExamState::Running
    } else if let Some(best) = exam.and_then(|e| e.best()) {
        let percent = shown_percent(best.points, best.max, pass_percent);
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

/// The exam's title: the trainer's, else "Abschlusstest" / "Final test" (not yet made safe
/// for a terminal: each front end does that as it shows it).
pub fn exam_title(exam: &Exam, lang: Lang) -> String {
    exam.title
        .clone()
        .unwrap_or_else(|| i18n::T::ExamDefaultTitle.get(lang).to_owned())
}

/// What a resumed exam says about `--time-factor`/`--untimed` given again: the new terms when
/// they were applied, why not when they were not, nothing when nothing changed.
pub fn retime_text(retimed: Retimed, terms: &TimeTerms, lang: Lang) -> Option<String> {
    match retimed {
        Retimed::Unchanged => None,
        Retimed::Applied => terms_text(terms, lang).map(|t| i18n::exam_terms_line(lang, &t)),
        Retimed::Kept => Some(i18n::exam_retime_kept(
            lang,
            terms_text(terms, lang).as_deref(),
        )),
    }
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

    /// The exam handed in (or ended by its time): the attempt kept, the running exam gone.
    pub fn exam_handed_in(
        &mut self,
        course: usize,
        run: &ExamRun,
        result: &ExamResult,
    ) -> Option<StoreNotice> {
        let library: &Library = self.library;
        let c = library.courses.get(course)?;
        let id = c.id.clone();
        if let Some(journal) = self.journal.as_deref_mut() {
            let score = Score {
                points: result.points,
                max: result.max,
            };
            journal.exam(c, result.passed, score, run.pass_percent, run.used_seconds);
        }
        let attempt = result.to_attempt(run, now());
        self.store.update(&id, |p| {
            let exam = &mut p.course_mut(&id).exam;
            exam.running = None;
            exam.attempts.push(attempt);
        })
    }

    /// A certificate of the course was issued now.
    pub fn certified(&mut self, course: usize) -> Option<StoreNotice> {
        let library: &Library = self.library;
        let c = library.courses.get(course)?;
        if let Some(journal) = self.journal.as_deref_mut() {
            journal.certified(c);
        }
        let id = c.id.clone();
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

/// What the learner still has to pass for the certificate of a course.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Missing {
    /// The exam's title, when the exam is required and not passed.
    pub exam: Option<String>,
    /// The modules required and not done, as they are labelled.
    pub modules: Vec<String>,
}

/// What is missing for the certificate of course `course` (its modules read in full).
pub fn certificate_missing(library: &Library, progress: &Progress, course: usize) -> Missing {
    let Some(c) = library.courses.get(course) else {
        return Missing::default();
    };
    let Some(rule) = &c.certificate else {
        return Missing::default();
    };
    let entry = progress.courses.get(&c.id);
    let lang = super::lang_for(None, Some(c));
    let exam = (rule.requires_exam && !entry.is_some_and(|p| p.exam.passed())).then(|| {
        c.exam
            .as_ref()
            .and_then(|exam| exam.title.clone())
            .unwrap_or_else(|| i18n::T::ExamDefaultTitle.get(lang).to_owned())
    });
    let modules = if rule.requires_modules {
        c.modules
            .iter()
            .filter(|m| !module_done(c, entry, &m.id))
            .map(Course::module_label)
            .collect()
    } else {
        Vec::new()
    };
    Missing { exam, modules }
}

/// Where the certificate of a course stands for the learner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CertificateStatus {
    /// The course issues none (it has no `[certificate]`).
    NoCertificate,
    /// Its requirement is not met yet.
    NotYet,
    /// Met and not issued: due now.
    Due,
    /// Issued before, at this time (`certified_at`); issued again only when asked
    /// (`kurs certificates issue --again`).
    Issued(String),
}

/// Where the certificate of course `course` stands (its modules read in full).
pub fn certificate_status(
    library: &Library,
    progress: &Progress,
    course: usize,
) -> CertificateStatus {
    let Some(c) = library.courses.get(course) else {
        return CertificateStatus::NoCertificate;
    };
    if c.certificate.is_none() {
        return CertificateStatus::NoCertificate;
    }
    if let Some(at) = progress
        .courses
        .get(&c.id)
        .and_then(|p| p.certified_at.clone())
    {
        return CertificateStatus::Issued(at);
    }
    if certificate_due(library, progress, course) {
        CertificateStatus::Due
    } else {
        CertificateStatus::NotYet
    }
}

/// Whether the learner's last move (a quiz or the exam passed) made the certificate of course
/// `course` due: its requirement met now, whichever part came last, and none issued yet. Reads
/// the course's modules in full only when nothing else stands in the way.
pub fn certificate_now_due(library: &mut Library, progress: &Progress, course: usize) -> bool {
    let Some(c) = library.courses.get(course) else {
        return false;
    };
    let Some(rule) = &c.certificate else {
        return false;
    };
    let entry = progress.courses.get(&c.id);
    if entry.is_some_and(|p| p.certified_at.is_some())
        || (rule.requires_exam && !entry.is_some_and(|p| p.exam.passed()))
    {
        return false;
    }
    read_course(library, course).is_ok()
        && certificate_status(library, progress, course) == CertificateStatus::Due
}

/// The day a certificate was issued, in words in `lang` (the timestamp as stored).
pub fn issued_on(at: &str, lang: Lang) -> String {
    match at.parse::<jiff::Timestamp>() {
        Ok(time) => i18n::long_date(
            lang,
            time.to_zoned_datetime(jiff::tz::TimeZone::system()).date(),
        ),
        Err(_) => at.to_owned(),
    }
}

/// What came of issuing a certificate.
pub struct CertificateOutcome {
    pub issued: Result<Issued, CertificateError>,
    /// Recording when it was issued could not be saved (told like any progress notice).
    pub notice: Option<StoreNotice>,
}

impl CertificateOutcome {
    /// Where the two files are, or why there are none, in lines in `lang`.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let text = match &self.issued {
            Ok(issued) => i18n::certificate_written(
                lang,
                &issued.pdf.display().to_string(),
                &issued.credential.display().to_string(),
                &issued.code,
            ),
            Err(error) => i18n::certificate_failed(lang, &error.text(lang)),
        };
        text.lines().map(str::to_owned).collect()
    }
}

impl Record<'_> {
    /// Issues the certificate of course `course` to `profile` and records when
    /// (`certified_at`), so that it is issued once; nothing is recorded when it fails.
    pub fn certificate(
        &mut self,
        course: usize,
        profile: &Profile,
        certify: &Certify,
    ) -> CertificateOutcome {
        let Some(facts) = certificate_facts(self.library, self.store.progress(), course, profile)
        else {
            return CertificateOutcome {
                issued: Err(CertificateError::Pdf(format!("no course {course}"))),
                notice: None,
            };
        };
        let issued = issue_certificate(&facts, certify);
        let notice = match &issued {
            Ok(_) => self.certified(course),
            Err(_) => None,
        };
        CertificateOutcome { issued, notice }
    }
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
    let exam = course.exam.as_ref().and_then(|exam| {
        let best = entry.and_then(|c| c.exam.best())?;
        Some(ExamScore {
            title: exam
                .title
                .clone()
                .unwrap_or_else(|| i18n::T::ExamDefaultTitle.get(lang).to_owned()),
            percent: best.percent().unwrap_or(0),
            passed: best.passed,
            pass_percent: Some(exam.pass_percent),
            time_adjusted: terms_text(&best.terms, lang),
        })
    });
    let requirement = course.certificate.as_ref().map(|rule| Requirement {
        modules: rule.requires_modules,
        exam: rule.requires_exam,
    });
    Some(CertificateFacts {
        learner_name: profile.name.clone(),
        birth_date: profile.birth_date.to_string(),
        course_id: course.id.clone(),
        course_title: course.title.clone(),
        lang,
        modules,
        exam,
        requirement,
        issued_at: jiff::Timestamp::now(),
        issuer_name: course
            .certificate
            .as_ref()
            .and_then(|r| r.issuer.clone())
            .unwrap_or_else(|| course.title.clone()),
        // The key's own name, set when the key signs (`certificate::issue`).
        signer_name: None,
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
