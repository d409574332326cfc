//! The learner's moves as they are written to the progress: a section opened, an answer, an
//! attempt, "Gelernt", the place to come back to. Both front ends record through here, alike,
//! and with a journal (an LRS configured) each move is also a learning record in the outbox.

use super::ModuleRef;
use crate::course::{Course, Library, Module, Question, Quiz};
use crate::progress::store::StoreNotice;
use crate::progress::{ProgressStore, now};
use crate::quiz::{Answer, Credit, Run};
use crate::xapi::journal::Journal;

/// The progress of a library, written one move at a time. Every move is saved at once, so an
/// answer given is never lost; a problem saving comes back as the notice to show.
pub struct Record<'a> {
    pub(super) store: &'a mut ProgressStore,
    pub(super) library: &'a Library,
    pub(super) journal: Option<&'a mut Journal>,
}

impl<'a> Record<'a> {
    pub fn new(store: &'a mut ProgressStore, library: &'a Library) -> Self {
        Record {
            store,
            library,
            journal: None,
        }
    }

    /// The same, with every move also written as a learning record.
    pub fn with_journal(mut self, journal: Option<&'a mut Journal>) -> Self {
        self.journal = journal;
        self
    }

    /// The journal with the course and module of `at`, when there are both.
    fn journal_at(&mut self, at: ModuleRef) -> Option<(&mut Journal, &'a Course, &'a Module)> {
        let library: &'a Library = self.library;
        let course = library.courses.get(at.course)?;
        let module = course.modules.get(at.module)?;
        Some((self.journal.as_deref_mut()?, course, module))
    }

    /// The ids of a course and module; `None` for a place the library does not have.
    fn ids(&self, at: ModuleRef) -> Option<(String, String)> {
        let course = self.library.courses.get(at.course)?;
        let module = course.modules.get(at.module)?;
        Some((course.id.clone(), module.id.clone()))
    }

    /// The learner opened these sections: seen, and the last one is the place to come back to.
    pub fn sections_opened(&mut self, at: ModuleRef, sections: &[usize]) -> Option<StoreNotice> {
        let (course, module) = self.ids(at)?;
        if let Some((journal, c, m)) = self.journal_at(at) {
            for &s in sections {
                journal.section(c, m, s);
            }
        }
        self.store.update(&course, |p| {
            for &s in sections {
                p.open_section(&course, &module, s);
            }
        })
    }

    /// The learner answered a question of a module's quiz, earning `credit` of its point.
    pub fn answer(
        &mut self,
        at: ModuleRef,
        question: &Question,
        answer: &Answer,
        credit: Credit,
    ) -> Option<StoreNotice> {
        let (course, module) = self.ids(at)?;
        if let Some((journal, c, m)) = self.journal_at(at) {
            journal.answer(c, m, question, answer, credit);
        }
        let fingerprint = question.fingerprint();
        let time = now();
        self.store.update(&course, |p| {
            p.record_answer(
                &course,
                &module,
                &question.id,
                &fingerprint,
                credit.percent(),
                &time,
            )
        })
    }

    /// The learner finished an attempt at a module's quiz.
    pub fn attempt(&mut self, at: ModuleRef, quiz: &Quiz, run: &Run) -> Option<StoreNotice> {
        let (course, module) = self.ids(at)?;
        if let Some((journal, c, m)) = self.journal_at(at) {
            journal.attempt(c, m, quiz, run);
        }
        let attempt = run.to_attempt(quiz, now());
        self.store
            .update(&course, |p| p.record_attempt(&course, &module, attempt))
    }

    /// Whether the module is marked "Gelernt".
    pub fn is_learned(&self, at: ModuleRef) -> bool {
        self.ids(at).is_some_and(|(course, module)| {
            self.store
                .progress()
                .module(&course, &module)
                .is_some_and(|m| m.learned_at.is_some())
        })
    }

    /// Marks the module "Gelernt", or takes the mark away.
    pub fn toggle_learned(&mut self, at: ModuleRef) -> Option<StoreNotice> {
        let learned = self.is_learned(at);
        let (course, module) = self.ids(at)?;
        if !learned && let Some((journal, c, m)) = self.journal_at(at) {
            journal.completed(c, m);
        }
        let time = now();
        self.store.update(&course, |p| {
            p.set_learned(&course, &module, !learned, &time)
        })
    }

    /// Where the learner is, so the next start resumes there. Without a section (the learner is
    /// on an action, or in the quiz) the section stored for this module stays the place.
    pub fn place(&mut self, at: ModuleRef, section: Option<usize>) -> Option<StoreNotice> {
        let (course, module) = self.ids(at)?;
        self.store.update(&course, |p| {
            let section = section.or_else(|| {
                p.courses
                    .get(&course)
                    .filter(|c| c.last_module.as_deref() == Some(module.as_str()))
                    .and_then(|c| c.last_section)
            });
            p.set_place(&course, &module, section);
        })
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::course::{Area, Course, Module, QuestionKind};

    fn library() -> Library {
        let module = |id: &str| Module {
            id: id.to_string(),
            code: None,
            title: id.to_string(),
            loaded: true,
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
                areas: vec![Area {
                    code: None,
                    title: None,
                    modules: vec![0, 1],
                }],
                modules: vec![module("m1"), module("m2")],
                exam: None,
                certificate: None,
                path: PathBuf::new(),
            }],
            ..Library::default()
        }
    }

    const M1: ModuleRef = ModuleRef {
        course: 0,
        module: 0,
    };
    const M2: ModuleRef = ModuleRef {
        course: 0,
        module: 1,
    };

    fn store(dir: &tempfile::TempDir) -> ProgressStore {
        ProgressStore::open(dir.path().join("progress.toml")).0
    }

    #[test]
    fn an_answer_is_stored_with_the_questions_fingerprint() {
        let (dir, library) = (tempfile::tempdir().unwrap(), library());
        let mut store = store(&dir);
        let question = Question {
            id: "q1".to_string(),
            prompt: "Wahr?".to_string(),
            explanation: None,
            kind: QuestionKind::TrueFalse { answer: true },
        };
        assert!(
            Record::new(&mut store, &library)
                .answer(M1, &question, &Answer::TrueFalse(true), Credit::FULL)
                .is_none()
        );
        let reopened = ProgressStore::open(dir.path().join("progress.toml")).0;
        let record = &reopened.progress().module("c", "m1").unwrap().questions["q1"];
        assert!(record.correct);
        assert_eq!(record.fingerprint, question.fingerprint());
    }

    #[test]
    fn learned_is_toggled_on_and_off() {
        let (dir, library) = (tempfile::tempdir().unwrap(), library());
        let mut store = store(&dir);
        let mut record = Record::new(&mut store, &library);
        record.toggle_learned(M1);
        assert!(record.is_learned(M1));
        record.toggle_learned(M1);
        assert!(!record.is_learned(M1));
    }

    #[test]
    fn a_place_without_a_section_keeps_the_section_stored_for_that_module() {
        let (dir, library) = (tempfile::tempdir().unwrap(), library());
        let mut store = store(&dir);
        let mut record = Record::new(&mut store, &library);
        record.sections_opened(M1, &[2]);
        record.place(M1, None);
        assert_eq!(store.progress().courses["c"].last_section, Some(2));
    }

    #[test]
    fn a_place_in_another_module_does_not_take_the_old_section_along() {
        let (dir, library) = (tempfile::tempdir().unwrap(), library());
        let mut store = store(&dir);
        let mut record = Record::new(&mut store, &library);
        record.sections_opened(M1, &[2]);
        record.place(M2, None);
        let course = &store.progress().courses["c"];
        assert_eq!(course.last_module.as_deref(), Some("m2"));
        assert_eq!(course.last_section, None);
    }

    #[test]
    fn a_place_the_library_does_not_have_writes_nothing() {
        let (dir, library) = (tempfile::tempdir().unwrap(), library());
        let mut store = store(&dir);
        let nowhere = ModuleRef {
            course: 3,
            module: 0,
        };
        assert!(
            Record::new(&mut store, &library)
                .place(nowhere, None)
                .is_none()
        );
        assert!(store.progress().last_course.is_none());
    }
}
