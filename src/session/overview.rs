//! The facts of a learner's progress over a library, module by module: status, "Gelernt",
//! attempts, best score and when; per course the final exam and the certificate.
//! `kurs progress` prints them; both players' overviews and the library show them.

use crate::course::{Course, Library};
use crate::exam::shown_percent;
use crate::i18n::{self, ExamState, Lang, T};
use crate::progress::{ModuleStatus, Progress, module_status};
use crate::session::{ModuleRef, exam_state};

/// One course and the facts of each of its modules, in the course's module order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CourseFacts {
    pub id: String,
    pub title: String,
    pub language: String,
    pub modules: Vec<ModuleFacts>,
    /// The final exam, when the course has one.
    pub exam: Option<ExamFacts>,
    /// When the course issues a certificate: `Some(None)` not yet, `Some(Some(time))` issued
    /// then (RFC 3339, as stored).
    pub certificate: Option<Option<String>>,
}

/// Where the learner stands with a course's final exam.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExamFacts {
    /// The trainer's title, else `None` (each front end says "Abschlusstest" / "Final test").
    pub title: Option<String>,
    /// Locked, open, under way, passed or not, with the best score shown as the result was.
    pub state: ExamState,
    /// Exams handed in.
    pub attempts: usize,
    /// The best score, as shown with its pass mark (see `exam::shown_percent`).
    pub best_percent: Option<u8>,
    /// When the best score was handed in (RFC 3339, as stored).
    pub best_at: Option<String>,
    pub passed: bool,
    /// Whether the time of the best attempt was adjusted (`--time-factor`, `--untimed`, more time).
    pub time_adjusted: bool,
}

/// What the progress says about one module.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModuleFacts {
    pub at: ModuleRef,
    pub id: String,
    pub code: Option<String>,
    pub title: String,
    pub status: ModuleStatus,
    /// When the learner marked the module "Gelernt" (RFC 3339, as stored); `None`: not marked.
    pub learned_at: Option<String>,
    pub attempts: usize,
    pub best_percent: Option<u8>,
    /// When the best score was first reached (RFC 3339, as stored).
    pub best_at: Option<String>,
    pub passed: bool,
}

impl CourseFacts {
    /// How many of the course's modules are passed.
    pub fn passed(&self) -> usize {
        self.modules.iter().filter(|m| m.passed).count()
    }
}

/// The facts of every module of every course of `library`, read from `progress`.
pub fn overview(library: &Library, progress: &Progress) -> Vec<CourseFacts> {
    library
        .courses
        .iter()
        .enumerate()
        .map(|(c, course)| course_facts(library, c, course, progress))
        .collect()
}

/// The final exam of course `c` as the progress has it; `None` for a course without one.
pub fn exam_facts(library: &Library, progress: &Progress, c: usize) -> Option<ExamFacts> {
    let course = library.courses.get(c)?;
    let exam = course.exam.as_ref()?;
    let state = exam_state(library, progress, c)?;
    let stored = progress.courses.get(&course.id).map(|p| &p.exam);
    let best = stored.and_then(|e| e.best());
    Some(ExamFacts {
        title: exam.title.clone(),
        state,
        attempts: stored.map_or(0, |e| e.attempts.len()),
        best_percent: best.map(|b| shown_percent(b.points, b.max, exam.pass_percent)),
        best_at: best.map(|b| b.at.clone()),
        passed: stored.is_some_and(|e| e.passed()),
        time_adjusted: best.is_some_and(|b| b.terms.adjusted()),
    })
}

/// The facts of one course, course `c` of `library`, read from `progress` (which needs to hold
/// only that course).
pub fn course_facts(
    library: &Library,
    c: usize,
    course: &Course,
    progress: &Progress,
) -> CourseFacts {
    let modules = course
        .modules
        .iter()
        .enumerate()
        .map(|(m, module)| {
            let record = progress.module(&course.id, &module.id);
            let best_percent = record.and_then(|r| r.best_percent());
            // The first attempt that reached the best score: the day the learner got there.
            let best_at = record.and_then(|r| {
                r.attempts
                    .iter()
                    .find(|a| best_percent.is_some() && a.percent() == best_percent)
                    .map(|a| a.at.clone())
            });
            ModuleFacts {
                at: ModuleRef {
                    course: c,
                    module: m,
                },
                id: module.id.clone(),
                code: module.code.clone(),
                title: module.title.clone(),
                status: module_status(record),
                learned_at: record.and_then(|r| r.learned_at.clone()),
                attempts: record.map_or(0, |r| r.attempts.len()),
                best_percent,
                best_at,
                passed: record.is_some_and(|r| r.passed()),
            }
        })
        .collect();
    let certified_at = progress
        .courses
        .get(&course.id)
        .and_then(|p| p.certified_at.clone());
    CourseFacts {
        id: course.id.clone(),
        title: course.title.clone(),
        language: course.language.clone(),
        modules,
        exam: exam_facts(library, progress, c),
        certificate: course.certificate.as_ref().map(|_| certified_at),
    }
}

/// A line after a course's modules in the overviews and `kurs progress`: its words, its
/// symbol, and whether it is done (the exam passed, the certificate issued).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EndLine {
    pub text: String,
    pub symbol: &'static str,
    pub done: bool,
}

/// The exam's and the certificate's lines of a course as the overviews and `kurs progress` say
/// them ("Abschlusstest: bestanden, beste Punktzahl 100 % am 2026-12-02 (1 Versuch)",
/// "Zertifikat: ausgestellt am 2026-12-02").
pub fn course_end_lines(lang: Lang, facts: &CourseFacts) -> Vec<EndLine> {
    let mut lines = Vec::new();
    if let Some(exam) = &facts.exam {
        let title = exam
            .title
            .clone()
            .unwrap_or_else(|| T::ExamDefaultTitle.get(lang).to_owned());
        lines.push(EndLine {
            text: i18n::exam_overview_line(
                lang,
                &title,
                exam.state,
                exam.best_at.as_deref().map(day_of),
                exam.attempts,
            ),
            symbol: i18n::exam_symbol(exam.state),
            done: exam.passed,
        });
    }
    if let Some(issued) = &facts.certificate {
        let day = issued.as_deref().map(day_of);
        lines.push(EndLine {
            text: i18n::certificate_line(lang, day),
            symbol: i18n::certificate_symbol(issued.is_some()),
            done: issued.is_some(),
        });
    }
    lines
}

/// The day of a stored time ("2026-11-28T17:05:12Z" → "2026-11-28"); a time that is not in
/// that form is given back as it is, cut to its first ten characters.
pub fn day_of(time: &str) -> &str {
    match time.char_indices().nth(10) {
        Some((cut, _)) => &time[..cut],
        None => time,
    }
}

/// The module after `at` in the order the course lists its modules (its areas, in order) that
/// is not passed yet, wrapping round to the course's start; `None` when every other module is
/// passed. What plain mode offers as the next step after a passed quiz.
pub fn next_unpassed(library: &Library, progress: &Progress, at: ModuleRef) -> Option<ModuleRef> {
    let course = library.courses.get(at.course)?;
    let mut order: Vec<usize> = course
        .areas
        .iter()
        .flat_map(|area| area.modules.iter().copied())
        .filter(|&m| m < course.modules.len())
        .collect();
    if order.is_empty() {
        order = (0..course.modules.len()).collect();
    }
    let here = order.iter().position(|&m| m == at.module).unwrap_or(0);
    let unpassed = |m: usize| {
        !progress
            .module(&course.id, &course.modules[m].id)
            .is_some_and(|p| p.passed())
    };
    order[here..]
        .iter()
        .chain(&order[..here])
        .copied()
        .find(|&m| m != at.module && unpassed(m))
        .map(|module| ModuleRef {
            course: at.course,
            module,
        })
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::course::{Area, Module};
    use crate::progress::Attempt;

    fn library(areas: Vec<Vec<usize>>) -> Library {
        let module = |id: &str| Module {
            id: id.to_string(),
            code: Some(id.to_uppercase()),
            title: format!("Title {id}"),
            loaded: false,
            intro: None,
            sections: Vec::new(),
            quiz: None,
            path: PathBuf::new(),
        };
        Library {
            courses: vec![Course {
                id: "c".to_string(),
                title: "C".to_string(),
                language: "de".to_string(),
                description: None,
                pass_percent: 80,
                xapi_activity_base: None,
                areas: areas
                    .into_iter()
                    .map(|modules| Area {
                        code: None,
                        title: None,
                        modules,
                    })
                    .collect(),
                modules: vec![module("m1"), module("m2"), module("m3")],
                exam: None,
                certificate: None,
                path: PathBuf::new(),
            }],
            ..Library::default()
        }
    }

    fn attempt(at: &str, points: u32, passed: bool) -> Attempt {
        Attempt {
            at: at.to_string(),
            points: crate::progress::Points::whole(points),
            max: 4,
            passed,
            results: Default::default(),
        }
    }

    fn passed(progress: &mut Progress, module: &str) {
        progress
            .module_mut("c", module)
            .attempts
            .push(attempt("2026-01-01T10:00:00Z", 4, true));
    }

    const M1: ModuleRef = ModuleRef {
        course: 0,
        module: 0,
    };

    #[test]
    fn untouched_modules_are_not_started_without_score_or_date() {
        let facts = overview(&library(vec![vec![0, 1, 2]]), &Progress::default());
        let m1 = &facts[0].modules[0];
        assert_eq!(m1.status, ModuleStatus::NotStarted);
        assert_eq!(
            (m1.attempts, m1.best_percent, m1.best_at.as_deref()),
            (0, None, None)
        );
        assert_eq!(facts[0].passed(), 0);
    }

    #[test]
    fn the_best_score_carries_the_time_it_was_first_reached() {
        let mut progress = Progress::default();
        let m2 = progress.module_mut("c", "m2");
        m2.attempts.push(attempt("2026-01-01T10:00:00Z", 2, false));
        m2.attempts.push(attempt("2026-01-02T10:00:00Z", 4, true));
        m2.attempts.push(attempt("2026-01-03T10:00:00Z", 4, true));
        m2.learned_at = Some("2026-01-04T09:00:00Z".to_string());
        let facts = overview(&library(vec![vec![0, 1, 2]]), &progress);
        let m2 = &facts[0].modules[1];
        assert_eq!(m2.status, ModuleStatus::Passed);
        assert_eq!(m2.best_percent, Some(100));
        assert_eq!(m2.best_at.as_deref(), Some("2026-01-02T10:00:00Z"));
        assert_eq!(m2.learned_at.as_deref(), Some("2026-01-04T09:00:00Z"));
        assert_eq!(m2.attempts, 3);
        assert_eq!(facts[0].passed(), 1);
    }

    #[test]
    fn a_day_is_the_date_part_of_a_stored_time() {
        assert_eq!(day_of("2026-11-28T17:05:12Z"), "2026-11-28");
        assert_eq!(day_of("gestern"), "gestern");
    }

    #[test]
    fn the_next_step_is_the_following_module_not_yet_passed() {
        let mut progress = Progress::default();
        passed(&mut progress, "m2");
        let next = next_unpassed(&library(vec![vec![0, 1, 2]]), &progress, M1);
        assert_eq!(next.map(|n| n.module), Some(2));
    }

    #[test]
    fn the_next_step_wraps_round_and_follows_the_areas_order() {
        let progress = Progress::default();
        // The course lists m3 first, then m1, then m2: after m2 comes m3 again.
        let library = library(vec![vec![2], vec![0, 1]]);
        let at = ModuleRef {
            course: 0,
            module: 1,
        };
        assert_eq!(
            next_unpassed(&library, &progress, at).map(|n| n.module),
            Some(2)
        );
        assert_eq!(
            next_unpassed(&library, &progress, M1).map(|n| n.module),
            Some(1)
        );
    }

    #[test]
    fn there_is_no_next_step_when_every_other_module_is_passed() {
        let mut progress = Progress::default();
        passed(&mut progress, "m2");
        passed(&mut progress, "m3");
        assert_eq!(
            next_unpassed(&library(vec![vec![0, 1, 2]]), &progress, M1),
            None
        );
    }
}
