//! Finding a word in a library: module titles, section titles and section text, for both
//! players' search. Pure over the model; a module whose body is not read is searched by title.

use super::model::{Course, Library, Module};
use crate::markdown;
use crate::safe_text::folded;

/// The longest query looked for; a longer one is cut (nobody types more to find a passage).
pub const MAX_QUERY: usize = 100;

/// How many characters of text around a hit are shown, before and after it.
const BEFORE: usize = 30;
const AFTER: usize = 50;

/// One place where the query was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The course, by position in `Library::courses`.
    pub course: usize,
    /// The module, by position in its course's `modules`.
    pub module: usize,
    /// The section the query is in (its title or text); `None`: the module's title.
    pub section: Option<usize>,
    /// "C2 Messenger & SMS", sanitised for one line.
    pub module_label: String,
    /// The section's title, sanitised for one line; `None` for a hit in the module's title.
    pub section_title: Option<String>,
    /// The text around the first place the query is found, on one line and sanitised, with
    /// "…" where it was cut. A hit in a section's title whose text does not have the word
    /// gives the title as context.
    pub context: String,
}

/// What a search found: at most `limit` hits, and whether there were more.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Found {
    pub hits: Vec<Hit>,
    pub more: bool,
}

/// Every place `query` occurs in `library`, in library order (course, module, then its
/// sections), at most `limit` of them. One hit per module title and one per section (its title
/// or its text, the first place in it), so a word repeated on one page is listed once.
///
/// Matching ignores case by lowercasing both sides (`Ü` finds `ü`, `STRASSE` finds `strasse`),
/// needs no whole word ("pass" finds "Passwort"), and folds runs of white space in the query.
/// Section text is searched and shown as the learner reads it (`markdown::read_text`): no list
/// dash, quote mark, `**`, backtick or link address hides a word or shows in the context. An
/// empty query finds nothing.
///
/// Only modules whose body is read (`Module::loaded`) are searched beyond their title: the
/// caller reads the bodies first (`course::load_bodies`) when it wants the whole library.
pub fn search(library: &Library, query: &str, limit: usize) -> Found {
    let needle = needle(query);
    let mut found = Found::default();
    if needle.is_empty() {
        return found;
    }
    for (c, course) in library.courses.iter().enumerate() {
        for (m, module) in course.modules.iter().enumerate() {
            for hit in module_hits(c, m, module, &needle) {
                if found.hits.len() == limit {
                    found.more = true;
                    return found;
                }
                found.hits.push(hit);
            }
        }
    }
    found
}

/// The query as it is compared: lowercased, white space folded, at most `MAX_QUERY` characters.
fn needle(query: &str) -> String {
    let folded = query.split_whitespace().collect::<Vec<_>>().join(" ");
    folded
        .chars()
        .take(MAX_QUERY)
        .collect::<String>()
        .to_lowercase()
}

fn module_hits(c: usize, m: usize, module: &Module, needle: &str) -> Vec<Hit> {
    let label = Course::module_label(module);
    let hit = |section: Option<usize>, context: String| Hit {
        course: c,
        module: m,
        section,
        module_label: folded(&label),
        section_title: section
            .and_then(|s| module.sections.get(s))
            .map(|s| folded(&s.title)),
        context,
    };
    let mut hits = Vec::new();
    if let Some(context) = context_of(&label, needle) {
        hits.push(hit(None, context));
    }
    for (s, section) in module.sections.iter().enumerate() {
        // The text first: its context tells more than the title the list names anyway.
        let context = context_of(&markdown::read_text(&section.body), needle)
            .or_else(|| context_of(&section.title, needle));
        if let Some(context) = context {
            hits.push(hit(Some(s), context));
        }
    }
    hits
}

/// The text around the first place of `needle` (already lowercased) in `text`, or `None`.
fn context_of(text: &str, needle: &str) -> Option<String> {
    let text = folded(text);
    let (start, end) = find_folding_case(&text, needle)?;
    let from = text[..start]
        .char_indices()
        .rev()
        .nth(BEFORE - 1)
        .map_or(0, |(i, _)| i);
    let to = text[end..]
        .char_indices()
        .nth(AFTER)
        .map_or(text.len(), |(i, _)| end + i);
    // Cut at a space where there is one, so the context starts and ends with whole words.
    let from = match text[from..start].find(' ') {
        Some(space) if from > 0 => from + space + 1,
        _ => from,
    };
    let to = match text[end..to].rfind(' ') {
        Some(space) if to < text.len() => end + space,
        _ => to,
    };
    let mut context = String::new();
    if from > 0 {
        context.push('…');
    }
    context.push_str(text[from..to].trim());
    if to < text.len() {
        context.push('…');
    }
    Some(context)
}

/// The byte range in `text` of the first place whose lowercase is `needle`. Lowercasing can
/// change a character's length (`İ` becomes two characters), so the lowercase text keeps, for
/// each of its bytes, where in `text` the character it came from starts and ends.
fn find_folding_case(text: &str, needle: &str) -> Option<(usize, usize)> {
    let mut lower = String::with_capacity(text.len());
    let mut origin: Vec<(usize, usize)> = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let before = lower.len();
        lower.extend(c.to_lowercase());
        origin.extend(std::iter::repeat_n(
            (i, i + c.len_utf8()),
            lower.len() - before,
        ));
    }
    let at = lower.find(needle)?;
    let last = at + needle.len() - 1;
    Some((origin[at].0, origin[last].1))
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::course::{Area, Section};

    fn module(id: &str, code: &str, title: &str, sections: &[(&str, &str)]) -> Module {
        Module {
            id: id.to_string(),
            code: Some(code.to_string()),
            title: title.to_string(),
            loaded: true,
            intro: None,
            sections: sections
                .iter()
                .map(|(title, body)| Section {
                    title: title.to_string(),
                    body: body.to_string(),
                })
                .collect(),
            quiz: None,
            path: PathBuf::new(),
        }
    }

    fn library() -> Library {
        let course = |id: &str, modules: Vec<Module>| Course {
            id: id.to_string(),
            title: id.to_string(),
            language: "de".to_string(),
            description: None,
            pass_percent: 80,
            xapi_activity_base: None,
            areas: vec![Area {
                code: None,
                title: None,
                modules: (0..modules.len()).collect(),
            }],
            modules,
            exam: None,
            certificate: None,
            path: PathBuf::new(),
        };
        Library {
            courses: vec![
                course(
                    "a",
                    vec![
                        module(
                            "m1",
                            "S1",
                            "Sichere Passwörter",
                            &[
                                ("Warum lange Passwörter", "Ein **langes** Passwort schützt."),
                                ("Passwortmanager", "Ein Tresor für alle Zugänge."),
                            ],
                        ),
                        module(
                            "m2",
                            "S2",
                            "Updates",
                            &[("Über Backups", "Sichern Sie Ihre Daten regelmäßig.")],
                        ),
                    ],
                ),
                course(
                    "b",
                    vec![module(
                        "m1",
                        "M1",
                        "Scams",
                        &[("Phishing", "A PASSWORD request by mail is a scam.")],
                    )],
                ),
            ],
            ..Library::default()
        }
    }

    #[test]
    fn a_word_is_found_in_titles_and_text_of_every_course_in_library_order() {
        let found = search(&library(), "passw", 10);
        let places: Vec<(usize, usize, Option<usize>)> = found
            .hits
            .iter()
            .map(|h| (h.course, h.module, h.section))
            .collect();
        assert_eq!(
            places,
            [
                (0, 0, None),
                (0, 0, Some(0)),
                (0, 0, Some(1)),
                (1, 0, Some(0))
            ]
        );
        assert!(!found.more);
        assert_eq!(found.hits[0].module_label, "S1 Sichere Passwörter");
        assert_eq!(
            found.hits[1].section_title.as_deref(),
            Some("Warum lange Passwörter")
        );
    }

    #[test]
    fn case_and_umlauts_are_matched_by_lowercasing_both_sides() {
        let found = search(&library(), "ÜBER", 10);
        assert_eq!(found.hits.len(), 1, "{found:?}");
        assert_eq!((found.hits[0].module, found.hits[0].section), (1, Some(0)));
        assert_eq!(search(&library(), "regelMÄSSIG", 10).hits.len(), 0);
        assert_eq!(search(&library(), "regelmäßig", 10).hits.len(), 1);
    }

    #[test]
    fn section_text_is_searched_as_read_without_its_markdown() {
        let found = search(&library(), "langes passwort", 10);
        assert_eq!(found.hits.len(), 1, "{found:?}");
        assert_eq!(found.hits[0].context, "Ein langes Passwort schützt.");
    }

    #[test]
    fn words_in_a_table_are_found_with_their_column_as_context() {
        let table = "| Dienst | Quellcode |\n|---|---|\n| Slack | geschlossen |\n| **Mattermost** | offen |";
        let mut library = library();
        library.courses[0].modules[1] = module("m2", "C2", "Messenger", &[("Vergleich", table)]);
        let found = search(&library, "mattermost", 10);
        assert_eq!(found.hits.len(), 1, "{found:?}");
        assert_eq!(
            found.hits[0].context,
            "…geschlossen Dienst: Mattermost; Quellcode: offen"
        );
        // The words said around a table in plain mode are not the trainer's: not found.
        assert!(search(&library, "tabelle", 10).hits.is_empty());
    }

    #[test]
    fn the_context_of_a_hit_shows_no_list_dash_quote_mark_emphasis_code_mark_or_address() {
        let mut library = library();
        library.courses[0].modules[1].sections[0].body =
            "Davor.\n\n- Erster Punkt\n- **Zweiter** Punkt\n\n\
            > Im Zweifel `nicht` klicken, siehe [Hilfe](https://example.org/hilfe)."
                .to_string();
        let found = search(&library, "zweiter", 10);
        assert_eq!(
            found.hits[0].context,
            "Davor. Erster Punkt Zweiter Punkt Im Zweifel nicht klicken, siehe Hilfe."
        );
        let found = search(&library, "im zweifel", 10);
        assert_eq!(
            found.hits[0].context,
            "…Erster Punkt Zweiter Punkt Im Zweifel nicht klicken, siehe Hilfe."
        );
        // An address is not text the learner reads, so it is not found either.
        assert_eq!(search(&library, "example.org", 10).hits.len(), 0);
    }

    #[test]
    fn a_hit_in_the_section_title_gives_the_title_as_context() {
        let found = search(&library(), "tresor", 10);
        assert_eq!(found.hits[0].context, "Ein Tresor für alle Zugänge.");
        let found = search(&library(), "manager", 10);
        assert_eq!(found.hits[0].context, "Passwortmanager");
    }

    #[test]
    fn the_results_stop_at_the_limit_and_say_there_are_more() {
        let found = search(&library(), "passw", 2);
        assert_eq!(found.hits.len(), 2);
        assert!(found.more);
    }

    #[test]
    fn an_empty_or_blank_query_finds_nothing() {
        assert_eq!(search(&library(), "", 10), Found::default());
        assert_eq!(search(&library(), "  \t ", 10), Found::default());
    }

    #[test]
    fn a_module_whose_body_is_not_read_is_found_by_its_title_only() {
        let mut library = library();
        let m1 = &mut library.courses[0].modules[0];
        m1.loaded = false;
        m1.sections.clear();
        let found = search(&library, "passw", 10);
        assert_eq!(found.hits.len(), 2, "{found:?}");
        assert_eq!(found.hits[0].section, None);
    }

    #[test]
    fn long_text_is_cut_around_the_hit_with_ellipses() {
        let body = format!("{} Ziel {}", "vorher ".repeat(20), "danach ".repeat(20));
        let mut library = library();
        library.courses[0].modules[1].sections[0].body = body;
        let found = search(&library, "ziel", 10);
        let context = &found.hits[0].context;
        assert!(
            context.starts_with('…') && context.ends_with('…'),
            "{context}"
        );
        assert!(context.contains("Ziel"), "{context}");
        assert!(context.chars().count() <= BEFORE + AFTER + 10, "{context}");
    }

    #[test]
    fn context_is_sanitised_and_on_one_line() {
        let mut library = library();
        library.courses[0].modules[1].sections[0].body =
            "Gefahr\u{1b}[2J hier\u{202E} und\nda".to_string();
        let found = search(&library, "gefahr", 10);
        let context = &found.hits[0].context;
        assert!(
            !context.chars().any(crate::safe_text::is_unsafe),
            "{context:?}"
        );
        assert!(!context.contains('\n'), "{context:?}");
    }

    #[test]
    fn a_character_whose_lowercase_is_longer_still_gives_a_place_in_the_text() {
        // 'İ' lowercases to two characters: the hit's place is still found in the original.
        assert_eq!(find_folding_case("xİstanbul", "i̇stanbul"), Some((1, 10)));
        assert_eq!(context_of("İİ Ziel", "ziel").as_deref(), Some("İİ Ziel"));
    }
}
