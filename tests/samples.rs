//! The sample library: what the issue asks of it, and the copy compiled into the binary is the
//! same as the files in `courses/`.

use std::collections::BTreeSet;
use std::path::Path;

use kurs::course::{Depth, Source, load};

#[test]
fn the_built_in_library_is_the_courses_folder() {
    let (disk, disk_report) = load(
        &Source::Path(Path::new(env!("CARGO_MANIFEST_DIR")).join("courses")),
        Depth::Full,
    );
    let (built_in, report) = load(&Source::Samples, Depth::Full);
    assert!(report.diagnostics.is_empty() && disk_report.diagnostics.is_empty());
    assert_eq!(disk.courses.len(), built_in.courses.len());
    for (a, b) in disk.courses.iter().zip(&built_in.courses) {
        assert_eq!((&a.id, &a.title, &a.areas), (&b.id, &b.title, &b.areas));
        for (m, n) in a.modules.iter().zip(&b.modules) {
            assert_eq!((&m.id, &m.sections, &m.quiz), (&n.id, &n.sections, &n.quiz));
        }
    }
}

#[test]
fn the_german_course_follows_the_seed() {
    let (library, _) = load(&Source::Samples, Depth::Full);
    let course = library
        .courses
        .iter()
        .find(|c| c.language == "de")
        .expect("a German course");
    assert!(course.areas.len() >= 2);
    assert!(course.modules.len() >= 5);
    let c2 = course
        .modules
        .iter()
        .find(|m| m.code.as_deref() == Some("C2"))
        .expect("C2");
    assert_eq!(c2.title, "Messenger & SMS");
    assert_eq!(c2.sections.len(), 3);
    assert!(c2.sections[0].title.contains("SMS"));
    for product in ["Slack", "Teams", "Mattermost", "Rocket.Chat"] {
        assert!(c2.sections[1].body.contains(product), "{product}");
    }
    let mut kinds = BTreeSet::new();
    for module in &course.modules {
        let quiz = module.quiz.as_ref().expect("every module has a quiz");
        assert!(quiz.questions.len() >= 3, "{}", module.id);
        for q in &quiz.questions {
            kinds.insert(q.kind_name());
        }
    }
    // Every question type the format has, so that the sample shows a trainer each.
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        [
            "match",
            "multiple",
            "numeric",
            "order",
            "single",
            "text",
            "true_false"
        ],
    );
}

#[test]
fn there_is_an_english_course_with_two_modules() {
    let (library, _) = load(&Source::Samples, Depth::Full);
    let course = library
        .courses
        .iter()
        .find(|c| c.language == "en")
        .expect("an English course");
    assert!(course.modules.len() >= 2);
}
