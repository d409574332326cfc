//! The learner's progress: what is remembered (model), how far they are (status), and the file it lives in (store).
//! Knows nothing of terminals or course files; the front ends call it with course, module and question ids.

mod compact;
pub(crate) mod disk;
mod file;
pub mod model;
mod points;
mod sections;
pub mod status;
pub mod store;

pub use model::{
    Attempt, CourseProgress, ExamAttempt, ExamProgress, ExamSlot, ModuleProgress,
    PARTIAL_CREDIT_VERSION, Points, Progress, QuestionRecord, RunningExam, SCHEMA_VERSION,
    SectionSet, StoredAnswer, StoredNumber, TimeTerms, WHOLE_POINTS_VERSION, now,
};
pub use status::{ModuleStatus, QuestionState, module_status, question_state};
pub use store::{ProgressStore, StoreMode, StoreNotice};
