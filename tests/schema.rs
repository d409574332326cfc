//! The JSON Schemas under `schema/` are generated from the format types, stay current,
//! and agree with what the loader accepts.

use std::path::Path;

use kurs::course::format::{CourseFile, ModuleFile, keys};
use kurs::course::schema::{SchemaKind, file_name, schema_json};

fn committed(kind: SchemaKind) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("schema")
        .join(file_name(kind));
    std::fs::read_to_string(path).unwrap_or_default()
}

#[test]
fn committed_schemas_are_current() {
    for kind in [SchemaKind::Course, SchemaKind::Module] {
        assert!(
            committed(kind) == schema_json(kind),
            "schema/{} is stale: run `cargo run -- schema {} > schema/{}`",
            file_name(kind),
            format!("{kind:?}").to_lowercase(),
            file_name(kind)
        );
    }
}

fn properties(schema: &serde_json::Value, pointer: &str) -> Vec<String> {
    let mut keys: Vec<String> = schema
        .pointer(pointer)
        .and_then(|p| p.as_object())
        .unwrap_or_else(|| panic!("{pointer} in schema"))
        .keys()
        .cloned()
        .collect();
    keys.sort();
    keys
}

fn sorted(keys: &[&str]) -> Vec<String> {
    let mut keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
    keys.sort();
    keys
}

#[test]
fn loader_keys_match_the_schema() {
    let course: serde_json::Value = serde_json::from_str(&schema_json(SchemaKind::Course)).unwrap();
    assert_eq!(properties(&course, "/properties"), sorted(keys::COURSE));
    assert_eq!(
        properties(&course, "/definitions/AreaFile/properties"),
        sorted(keys::AREA)
    );

    let module: serde_json::Value = serde_json::from_str(&schema_json(SchemaKind::Module)).unwrap();
    assert_eq!(properties(&module, "/properties"), sorted(keys::MODULE));
    assert_eq!(
        properties(&module, "/definitions/SectionFile/properties"),
        sorted(keys::SECTION)
    );
    assert_eq!(
        properties(&module, "/definitions/QuizFile/properties"),
        sorted(keys::QUIZ)
    );
    assert_eq!(
        properties(&module, "/definitions/ChoiceFile/properties"),
        sorted(keys::CHOICE)
    );
    assert_eq!(
        properties(&module, "/definitions/WeightedAnswerFile/properties"),
        sorted(keys::ACCEPT)
    );
    assert_eq!(
        properties(&module, "/definitions/PairFile/properties"),
        sorted(keys::PAIR)
    );
    assert_eq!(
        properties(&module, "/definitions/RangeFile/properties"),
        sorted(keys::RANGE)
    );
    for (index, (name, type_keys)) in keys::QUESTION_TYPES.iter().enumerate() {
        let pointer = format!("/definitions/QuestionFile/oneOf/{index}");
        assert_eq!(
            module.pointer(&format!("{pointer}/properties/type/const")),
            Some(&serde_json::json!(name))
        );
        let mut expected: Vec<&str> = keys::QUESTION_COMMON.to_vec();
        expected.extend_from_slice(type_keys);
        assert_eq!(
            properties(&module, &format!("{pointer}/properties")),
            sorted(&expected)
        );
    }
}

#[test]
fn every_sample_file_also_reads_with_the_schema_types() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("courses");
    let mut count = 0;
    for course in std::fs::read_dir(&root).unwrap() {
        let course = course.unwrap().path();
        for file in std::fs::read_dir(&course).unwrap() {
            let file = file.unwrap().path();
            let text = std::fs::read_to_string(&file).unwrap();
            if file.file_name().unwrap() == "course.toml" {
                toml::from_str::<CourseFile>(&text)
                    .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            } else {
                toml::from_str::<ModuleFile>(&text)
                    .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            }
            count += 1;
        }
    }
    assert!(count >= 9, "sample files found: {count}");
}
