//! How far a learner is: the status of a module and the state of each question, derived from stored progress.
//! Questions are recognised by a content fingerprint, so an answer to an edited question does not count for the new one.

use serde::Serialize;

use super::model::ModuleProgress;

/// How far the learner is in one module, best first: Passed > Learned > InProgress > NotStarted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ModuleStatus {
    NotStarted,
    InProgress,
    Learned,
    Passed,
}

/// The status of a module; `None` means the learner has never touched it.
pub fn module_status(progress: Option<&ModuleProgress>) -> ModuleStatus {
    let Some(module) = progress else {
        return ModuleStatus::NotStarted;
    };
    if module.passed() {
        ModuleStatus::Passed
    } else if module.learned_at.is_some() {
        ModuleStatus::Learned
    } else if !module.opened_sections.is_empty()
        || !module.attempts.is_empty()
        || !module.questions.is_empty()
    {
        ModuleStatus::InProgress
    } else {
        ModuleStatus::NotStarted
    }
}

/// What the learner's last answer to one question says about the question as it is now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionState {
    Unanswered,
    Right,
    Wrong,
    /// Answered, but the question has been edited since; the answer does not count for the new version.
    Changed,
}

/// The state of one question.
///
/// `fingerprint` is the current content hash of the question (computed by the course side with [`crate::fingerprint::fingerprint`]).
pub fn question_state(
    progress: Option<&ModuleProgress>,
    question_id: &str,
    fingerprint: &str,
) -> QuestionState {
    let Some(record) = progress.and_then(|module| module.questions.get(question_id)) else {
        return QuestionState::Unanswered;
    };
    if record.fingerprint != fingerprint {
        QuestionState::Changed
    } else if record.correct {
        QuestionState::Right
    } else {
        QuestionState::Wrong
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::model::{Attempt, QuestionRecord};

    fn attempt(passed: bool) -> Attempt {
        Attempt {
            at: "2026-11-28T17:05:12Z".to_owned(),
            points: crate::progress::Points::whole(u32::from(passed)),
            max: 1,
            passed,
            results: Default::default(),
        }
    }

    fn answered(fingerprint: &str, correct: bool) -> ModuleProgress {
        let mut module = ModuleProgress::default();
        module.questions.insert(
            "q".to_owned(),
            QuestionRecord {
                fingerprint: fingerprint.to_owned(),
                correct,
                credit: None,
                answered_at: "2026-11-28T17:05:12Z".to_owned(),
            },
        );
        module
    }

    #[test]
    fn untouched_module_is_not_started() {
        assert_eq!(module_status(None), ModuleStatus::NotStarted);
        assert_eq!(
            module_status(Some(&ModuleProgress::default())),
            ModuleStatus::NotStarted
        );
    }

    #[test]
    fn opened_section_is_in_progress() {
        let mut module = ModuleProgress::default();
        module.opened_sections.insert(0);
        assert_eq!(module_status(Some(&module)), ModuleStatus::InProgress);
    }

    #[test]
    fn failed_attempt_is_in_progress() {
        let module = ModuleProgress {
            attempts: vec![attempt(false)],
            ..ModuleProgress::default()
        };
        assert_eq!(module_status(Some(&module)), ModuleStatus::InProgress);
    }

    #[test]
    fn recorded_answer_is_in_progress() {
        assert_eq!(
            module_status(Some(&answered("f", false))),
            ModuleStatus::InProgress
        );
    }

    #[test]
    fn learned_beats_in_progress() {
        let mut module = answered("f", false);
        module.learned_at = Some("2026-11-28T17:05:12Z".to_owned());
        assert_eq!(module_status(Some(&module)), ModuleStatus::Learned);
    }

    #[test]
    fn status_passed_beats_learned() {
        let module = ModuleProgress {
            learned_at: Some("2026-11-28T17:05:12Z".to_owned()),
            attempts: vec![attempt(false), attempt(true)],
            ..ModuleProgress::default()
        };
        assert_eq!(module_status(Some(&module)), ModuleStatus::Passed);
    }

    #[test]
    fn status_serializes_in_snake_case() {
        let json = serde_json::to_string(&ModuleStatus::NotStarted).expect("serialize");
        assert_eq!(json, "\"not_started\"");
    }

    #[test]
    fn unknown_question_is_unanswered() {
        assert_eq!(question_state(None, "q", "f"), QuestionState::Unanswered);
        assert_eq!(
            question_state(Some(&answered("f", true)), "other", "f"),
            QuestionState::Unanswered
        );
    }

    #[test]
    fn same_fingerprint_gives_right_or_wrong() {
        assert_eq!(
            question_state(Some(&answered("f", true)), "q", "f"),
            QuestionState::Right
        );
        assert_eq!(
            question_state(Some(&answered("f", false)), "q", "f"),
            QuestionState::Wrong
        );
    }

    #[test]
    fn changed_question_is_not_counted_as_answered() {
        let state = question_state(Some(&answered("old", true)), "q", "new");
        assert_eq!(state, QuestionState::Changed);
        assert_ne!(state, QuestionState::Right);
    }
}
