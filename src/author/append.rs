//! Adding a module file to the `modules` list of `course.toml` (or of one `[[area]]`) with
//! toml_edit, so that every comment, blank line and indentation of the trainer's file stays.

use toml_edit::{Array, DocumentMut, Item, RawString, Value};

use super::Problem;

/// Where a course lists its modules, as far as `kurs new module` needs to know.
#[derive(Debug, PartialEq, Eq)]
pub enum Lists {
    /// One flat `modules` list, with this many entries.
    Flat(usize),
    /// `[[area]]` tables: each area's code (if it has one) and how many modules it lists.
    Areas(Vec<(Option<String>, usize)>),
}

/// Reads `course.toml` as TOML that can be edited, or says why not.
fn document(course_toml: &str) -> Result<DocumentMut, Problem> {
    course_toml
        .parse::<DocumentMut>()
        .map_err(|error| Problem::CourseNotToml {
            reason: error.message().to_owned(),
        })
}

/// How the course lists its modules.
pub fn lists(course_toml: &str) -> Result<Lists, Problem> {
    let document = document(course_toml)?;
    if let Some(modules) = document.get("modules") {
        let array = modules.as_array().ok_or(Problem::NoModuleList)?;
        return Ok(Lists::Flat(array.len()));
    }
    let areas = document
        .get("area")
        .and_then(Item::as_array_of_tables)
        .ok_or(Problem::NoModuleList)?;
    Ok(Lists::Areas(
        areas
            .iter()
            .map(|area| {
                let code = area.get("code").and_then(Item::as_str).map(str::to_owned);
                let count = area
                    .get("modules")
                    .and_then(Item::as_array)
                    .map_or(0, Array::len);
                (code, count)
            })
            .collect(),
    ))
}

/// `course_toml` with `file` added at the end of its `modules` list, or of the modules of the
/// area whose code is `area`. Nothing else of the text changes.
pub fn append_module(course_toml: &str, file: &str, area: Option<&str>) -> Result<String, Problem> {
    let mut document = document(course_toml)?;
    let known = area_codes(&document);
    let array = match area {
        None if document.contains_key("modules") => document
            .get_mut("modules")
            .and_then(Item::as_array_mut)
            .ok_or(Problem::NoModuleList)?,
        None if known.is_empty() => return Err(Problem::NoModuleList),
        None => return Err(Problem::AreaNeeded { known }),
        Some(_) if document.contains_key("modules") => return Err(Problem::NoAreas),
        Some(code) => {
            let areas = document
                .get_mut("area")
                .and_then(Item::as_array_of_tables_mut)
                .ok_or(Problem::NoAreas)?;
            let unknown = || Problem::AreaUnknown {
                code: code.to_owned(),
                known: known.clone(),
            };
            let table = areas
                .iter_mut()
                .find(|table| table.get("code").and_then(Item::as_str) == Some(code))
                .ok_or_else(unknown)?;
            if !table.contains_key("modules") {
                table.insert("modules", toml_edit::value(Array::new()));
            }
            table
                .get_mut("modules")
                .and_then(Item::as_array_mut)
                .ok_or_else(unknown)?
        }
    };
    push_like_the_others(array, file);
    Ok(document.to_string())
}

/// The codes of the course's areas, to name them when the one asked for is not there.
fn area_codes(document: &DocumentMut) -> Vec<String> {
    document
        .get("area")
        .and_then(Item::as_array_of_tables)
        .map(|areas| {
            areas
                .iter()
                .filter_map(|area| area.get("code").and_then(Item::as_str))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// Adds `file` laid out as the entries before it: on a line of its own, indented like the last
/// one, in a list written one entry a line; after a space in a list written on one line. A
/// comment after the last entry stays on that entry's line.
fn push_like_the_others(array: &mut Array, file: &str) {
    let last_prefix = array
        .iter()
        .last()
        .and_then(|value| value.decor().prefix())
        .and_then(RawString::as_str)
        .map(str::to_owned);
    let Some(last_prefix) = last_prefix else {
        array.push(file);
        return;
    };
    let Some(newline) = last_prefix.rfind('\n') else {
        array.push_formatted(Value::from(file).decorated(" ", ""));
        return;
    };
    let indent = &last_prefix[newline + 1..];
    // Without a trailing comma, what stands between the last entry and `]` belongs to that
    // entry; it moves behind the comma that now follows it.
    let mut trailing = array.trailing().as_str().unwrap_or("").to_owned();
    if !array.trailing_comma()
        && let Some(last) = array.iter_mut().last()
    {
        let suffix = last
            .decor()
            .suffix()
            .and_then(RawString::as_str)
            .unwrap_or("");
        trailing = format!("{suffix}{trailing}");
        last.decor_mut().set_suffix("");
    }
    // What follows the last entry up to the end of its line (a comment) stays there; the
    // rest goes after the new entry, before the closing bracket.
    let (rest_of_line, after) = match trailing.find('\n') {
        Some(end) => trailing.split_at(end + 1),
        None => ("\n", trailing.as_str()),
    };
    let prefix = format!("{rest_of_line}{indent}");
    let after = if after.is_empty() && trailing.contains('\n') {
        "\n".to_owned()
    } else if trailing.contains('\n') {
        format!("\n{after}")
    } else {
        after.to_owned()
    };
    array.push_formatted(Value::from(file).decorated(prefix.as_str(), ""));
    array.set_trailing(after);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_joins_a_list_written_on_one_line_after_a_space() {
        let course = "# top\nid = \"x\" # the id\nmodules = [\"a.toml\", \"b.toml\"] # list\n";
        assert_eq!(
            append_module(course, "c.toml", None).unwrap(),
            "# top\nid = \"x\" # the id\nmodules = [\"a.toml\", \"b.toml\", \"c.toml\"] # list\n"
        );
    }

    #[test]
    fn an_entry_joins_a_list_of_one_entry_on_one_line() {
        let course = "modules = [\"a.toml\"]\n";
        assert_eq!(
            append_module(course, "c.toml", None).unwrap(),
            "modules = [\"a.toml\", \"c.toml\"]\n"
        );
    }

    #[test]
    fn an_entry_goes_on_its_own_line_in_a_list_of_lines_and_comments_stay_where_they_were() {
        let course =
            "modules = [\n    \"a.toml\", # first\n    # between\n    \"b.toml\", # last\n]\n";
        assert_eq!(
            append_module(course, "c.toml", None).unwrap(),
            "modules = [\n    \"a.toml\", # first\n    # between\n    \"b.toml\", # last\n    \"c.toml\",\n]\n"
        );
    }

    #[test]
    fn a_list_of_lines_without_a_trailing_comma_gets_one_entry_more_in_the_same_way() {
        let course = "modules = [\n  \"a.toml\",\n  \"b.toml\"\n]\n";
        assert_eq!(
            append_module(course, "c.toml", None).unwrap(),
            "modules = [\n  \"a.toml\",\n  \"b.toml\",\n  \"c.toml\"\n]\n"
        );
    }

    #[test]
    fn an_entry_goes_to_the_area_with_the_code_given() {
        let course = "id = \"x\"\n\n[[area]]\ncode = \"C\"\nmodules = [\"c1.toml\"]\n\n# Safety\n[[area]]\ncode = \"S\"\nmodules = [\"s1.toml\"]\n";
        assert_eq!(
            append_module(course, "s2.toml", Some("S")).unwrap(),
            course.replace("[\"s1.toml\"]", "[\"s1.toml\", \"s2.toml\"]")
        );
    }

    #[test]
    fn an_area_that_is_not_there_is_refused_with_the_codes_there_are() {
        let course = "[[area]]\ncode = \"C\"\nmodules = [\"c1.toml\"]\n";
        assert_eq!(
            append_module(course, "x.toml", Some("Z")),
            Err(Problem::AreaUnknown {
                code: "Z".into(),
                known: vec!["C".into()]
            })
        );
        assert_eq!(
            append_module(course, "x.toml", None),
            Err(Problem::AreaNeeded {
                known: vec!["C".into()]
            })
        );
        assert_eq!(
            append_module("modules = []\n", "x.toml", Some("C")),
            Err(Problem::NoAreas)
        );
    }

    #[test]
    fn the_lists_of_a_course_are_counted() {
        assert_eq!(lists("modules = [\"a\", \"b\"]"), Ok(Lists::Flat(2)));
        assert_eq!(
            lists("[[area]]\ncode = \"C\"\nmodules = [\"a\"]\n[[area]]\nmodules = []\n"),
            Ok(Lists::Areas(vec![(Some("C".into()), 1), (None, 0)]))
        );
    }
}
