//! The import model as module files that pass `kurs check`: one module per group, the questions
//! kurs grades in its quiz, every other item a section; checked in memory before anything is written.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{Bank, Choice, Group, Item, ItemKind, Kept};
use crate::author::{Lists, Problem, append_module, lists, quoted, slug};
use crate::course::NumberRange;
use crate::course::files::Memory;
use crate::diagnostic::{Report, Severity, line_column};
use crate::i18n::Lang;

/// Where the modules go and how they are named.
#[derive(Clone, Copy, Debug)]
pub struct Destination<'a> {
    /// The course folder (`--out`).
    pub dir: &'a Path,
    /// Its name, for the id of a new course.
    pub folder_name: &'a str,
    /// The course's `course.toml` when there is one; else a new course is made.
    pub course_toml: Option<&'a str>,
    /// The ids of the course's modules, which new ones must not repeat.
    pub taken_ids: &'a [String],
    /// The folder of the JSON Schemas relative to the course folder, ending in `/`.
    pub schema_dir: &'a str,
    pub lang: Lang,
    /// `--module-id` and `--title`: for a bank of one module only.
    pub module_id: Option<&'a str>,
    pub title: Option<&'a str>,
    /// The area of course.toml the modules join (`--area`).
    pub area: Option<&'a str>,
    /// The input file's name, for the comments and the default title.
    pub source_name: &'a str,
    /// The input text, for the line and column in the comments.
    pub source: &'a str,
}

/// The files to write.
#[derive(Debug)]
pub struct Imported {
    /// File name (in the course folder) and text of each new module.
    pub modules: Vec<(String, String)>,
    /// The course.toml to write: new, or the existing one with the modules added.
    pub course_toml: String,
    pub course_is_new: bool,
    /// Questions in quizzes, and items kept as sections.
    pub questions: usize,
    pub kept: usize,
}

/// The module files for `bank`, checked as `kurs check` would: what it would warn about goes into
/// `report`; an error it would find is refused.
pub fn build(bank: &Bank, to: &Destination<'_>, report: &mut Report) -> Result<Imported, Problem> {
    let groups: Vec<&Group> = bank
        .groups
        .iter()
        .filter(|group| !group.items.is_empty())
        .collect();
    if groups.len() > 1 && (to.module_id.is_some() || to.title.is_some()) {
        return Err(Problem::OneModuleOnly {
            modules: groups.len(),
        });
    }
    if let Some(id) = to.module_id
        && slug(id) != id
    {
        return Err(Problem::BadModuleId { id: id.to_owned() });
    }
    let (prefix, mut number) = match to.course_toml {
        Some(course) => next_code(course, to.area)?,
        None => ("M".to_owned(), 1),
    };
    let stem_title = readable_stem(to.source_name);
    let mut taken: Vec<String> = to.taken_ids.to_vec();
    let starts = line_starts(to.source);
    let mut modules = Vec::new();
    let mut names = Vec::new();
    for group in &groups {
        let title = to
            .title
            .map(str::trim)
            .map(str::to_owned)
            .or_else(|| group.category.clone())
            .unwrap_or_else(|| stem_title.clone());
        if title.is_empty() || title.chars().any(char::is_control) {
            return Err(Problem::TitleBlank);
        }
        let code = format!("{prefix}{number}");
        number += 1;
        let id = match to.module_id {
            Some(id) if taken.iter().any(|t| t == id) => {
                return Err(Problem::IdTaken { id: id.to_owned() });
            }
            Some(id) => id.to_owned(),
            None => unique(
                [slug(&format!("{code} {title}")), slug(&code)]
                    .into_iter()
                    .find(|id| !id.is_empty())
                    .unwrap_or_else(|| "module".to_owned()),
                &taken,
            ),
        };
        taken.push(id.clone());
        let file = format!("{id}.toml");
        let text = ModuleWriter {
            to,
            group,
            line_starts: &starts,
        }
        .render(&id, &code, &title);
        names.push(file.clone());
        modules.push((file, text));
    }
    let (course_toml, course_is_new) = match to.course_toml {
        Some(course) => {
            let mut course = course.to_owned();
            for file in &names {
                course = append_module(&course, file, to.area)?;
            }
            (course, false)
        }
        None => (
            crate::author::course_listing(
                to.folder_name,
                &stem_title,
                to.lang,
                to.schema_dir,
                &names,
            ),
            true,
        ),
    };
    check_in_memory(to, &modules, course_is_new.then_some(&course_toml), report)?;
    let (questions, kept) = bank.counts();
    Ok(Imported {
        modules,
        course_toml,
        course_is_new,
        questions,
        kept,
    })
}

/// The code prefix of the list the modules join and the number of the first new one.
fn next_code(course_toml: &str, area: Option<&str>) -> Result<(String, usize), Problem> {
    Ok(match (lists(course_toml)?, area) {
        (Lists::Flat(count), _) => ("M".to_owned(), count + 1),
        (Lists::Areas(areas), Some(code)) => {
            let count = areas
                .iter()
                .find(|(area, _)| area.as_deref() == Some(code))
                .map_or(0, |(_, count)| *count);
            (code.to_owned(), count + 1)
        }
        (Lists::Areas(areas), None) => (
            "M".to_owned(),
            areas.iter().map(|(_, count)| count).sum::<usize>() + 1,
        ),
    })
}

/// `id`, or `id-2`, `id-3`, … when it is taken.
fn unique(id: String, taken: &[String]) -> String {
    if !taken.contains(&id) {
        return id;
    }
    (2..)
        .map(|n| format!("{id}-{n}"))
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or(id)
}

/// `fire-safety_2.gift` → "fire safety 2": the file's name as a title.
fn readable_stem(source_name: &str) -> String {
    let stem = Path::new(source_name)
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let words: Vec<&str> = stem
        .split(|c: char| c == '-' || c == '_' || c.is_whitespace() || c.is_control())
        .filter(|word| !word.is_empty())
        .collect();
    let title = words.join(" ");
    let mut chars = title.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "Questions".to_owned(),
    }
}

/// The new files must pass `kurs check`: an error it would find is refused (the trainer would
/// get files the player cannot open), its warnings are told with the import's own.
fn check_in_memory(
    to: &Destination<'_>,
    modules: &[(String, String)],
    new_course: Option<&String>,
    report: &mut Report,
) -> Result<(), Problem> {
    let mut files = Memory::default();
    for (file, text) in modules {
        files.insert(to.dir.join(file), text.as_bytes());
    }
    let paths: Vec<PathBuf> = match new_course {
        Some(course) => {
            files.insert(to.dir.join("course.toml"), course.as_bytes());
            vec![to.dir.to_path_buf()]
        }
        None => modules.iter().map(|(file, _)| to.dir.join(file)).collect(),
    };
    for path in paths {
        let targets =
            crate::course::discover(&files, &path).map_err(|diagnostic| Problem::WouldNotPass {
                message: diagnostic.message,
            })?;
        let (_, found) = crate::course::load_targets(&files, &targets, crate::course::Depth::Check);
        if let Some(error) = found
            .diagnostics
            .iter()
            .find(|d| d.severity() == Severity::Error)
        {
            return Err(Problem::WouldNotPass {
                message: format!(
                    "{}:{}:{}: {}",
                    error.file.display(),
                    error.line,
                    error.column,
                    error.message
                ),
            });
        }
        for diagnostic in found.diagnostics {
            report.push(diagnostic);
        }
    }
    Ok(())
}

/// A TOML string for `text`: a multi-line literal string when the text has line breaks and
/// can be one (readable in an editor), else a quoted and escaped one.
fn toml_text(text: &str) -> String {
    let literal_ok = text.contains('\n')
        && !text.contains("'''")
        && !text.ends_with('\'')
        && !text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t');
    if literal_ok {
        format!("'''\n{text}'''")
    } else {
        quoted(text)
    }
}

struct ModuleWriter<'a> {
    to: &'a Destination<'a>,
    group: &'a Group,
    /// Where each line of the input starts, to name the line of every item without reading the
    /// input from its start each time.
    line_starts: &'a [usize],
}

/// The byte offset where each line of `source` starts.
fn line_starts(source: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(source.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

impl ModuleWriter<'_> {
    fn render(&self, id: &str, code: &str, title: &str) -> String {
        let lang = self.to.lang;
        let source = crate::safe_text::single_line(self.to.source_name);
        let mut out = format!("#:schema {}module.schema.json\n", self.to.schema_dir);
        out.push_str(&match (lang, &self.group.category) {
            (Lang::De, Some(category)) => format!(
                "# Importiert aus {source} (Kategorie {}) mit `kurs import`.\n",
                crate::safe_text::single_line(category)
            ),
            (Lang::En, Some(category)) => format!(
                "# Imported from {source} (category {}) by `kurs import`.\n",
                crate::safe_text::single_line(category)
            ),
            (Lang::De, None) => format!("# Importiert aus {source} mit `kurs import`.\n"),
            (Lang::En, None) => format!("# Imported from {source} by `kurs import`.\n"),
        });
        out.push_str(&format!(
            "id = {}\ncode = {}\ntitle = {}\n",
            quoted(id),
            quoted(code),
            quoted(title)
        ));
        let kept: Vec<&Item> = self
            .group
            .items
            .iter()
            .filter(|item| matches!(item.kind, ItemKind::Kept { .. }))
            .collect();
        if kept.is_empty() {
            let (heading, body) = match lang {
                Lang::De => (
                    "Über diese Fragen",
                    "Die Fragen dieses Moduls stehen in der Übung am Ende.",
                ),
                Lang::En => (
                    "About these questions",
                    "The questions of this module are in the quiz at the end.",
                ),
            };
            out.push_str(&format!(
                "\n[[section]]\ntitle = {}\nbody = {}\n",
                quoted(heading),
                quoted(body)
            ));
        }
        for (n, item) in kept.iter().enumerate() {
            self.section(&mut out, item, n + 1);
        }
        let questions: Vec<&Item> = self
            .group
            .items
            .iter()
            .filter(|item| !matches!(item.kind, ItemKind::Kept { .. }))
            .collect();
        if !questions.is_empty() {
            out.push_str("\n[quiz]\n");
            let mut ids: HashSet<String> = HashSet::new();
            for (n, item) in questions.iter().enumerate() {
                let wanted = item
                    .title
                    .as_deref()
                    .map(slug)
                    .filter(|id| !id.is_empty())
                    .unwrap_or_else(|| format!("q{}", n + 1));
                let id = if ids.contains(&wanted) {
                    (2..)
                        .map(|k| format!("{wanted}-{k}"))
                        .find(|candidate| !ids.contains(candidate))
                        .unwrap_or(wanted)
                } else {
                    wanted
                };
                ids.insert(id.clone());
                self.question(&mut out, item, &id);
            }
        }
        out
    }

    /// `# bank.gift:12:1` above what came from there.
    fn place(&self, item: &Item) -> String {
        let at = item.span.start.min(self.to.source.len());
        let line = self
            .line_starts
            .partition_point(|&start| start <= at)
            .max(1);
        let start = self.line_starts.get(line - 1).copied().unwrap_or(0);
        let (_, column) = line_column(&self.to.source[start..], at - start);
        format!(
            "{}:{line}:{column}",
            crate::safe_text::single_line(self.to.source_name)
        )
    }

    fn section(&self, out: &mut String, item: &Item, n: usize) {
        let lang = self.to.lang;
        let ItemKind::Kept { what, answers } = &item.kind else {
            return;
        };
        let why = match (what, lang) {
            (Kept::Numerical, Lang::De) => {
                "eine Zahlenfrage, bei der keine Antwort die volle Punktzahl gibt"
            }
            (Kept::Numerical, Lang::En) => {
                "a numerical question in which no answer gives full marks"
            }
            (Kept::Matching, Lang::De) => "eine Zuordnungsfrage, die kurs so nicht übernehmen kann",
            (Kept::Matching, Lang::En) => "a matching question kurs cannot take as it is",
            (Kept::Essay, Lang::De) => "eine Freitextfrage, die kurs nicht bewerten kann",
            (Kept::Essay, Lang::En) => "an essay question, which kurs cannot grade",
            (Kept::Description, Lang::De) => "eine Beschreibung ohne Antworten",
            (Kept::Description, Lang::En) => "a description without answers",
        };
        let kept_as = match lang {
            Lang::De => "als Abschnitt übernommen",
            Lang::En => "kept as a section",
        };
        out.push_str(&format!("\n# {}: {why}, {kept_as}.\n", self.place(item)));
        let title = item.title.clone().unwrap_or_else(|| match (what, lang) {
            (Kept::Description, Lang::De) => format!("Hinweis {n}"),
            (Kept::Description, Lang::En) => format!("Note {n}"),
            (_, Lang::De) => format!("Frage {n}"),
            (_, Lang::En) => format!("Question {n}"),
        });
        let mut body = item.prompt.clone();
        if !answers.is_empty() {
            let heading = match (what, lang) {
                (Kept::Matching, Lang::De) => "**Paare:**",
                (Kept::Matching, Lang::En) => "**Pairs:**",
                (_, Lang::De) => "**Antwort:**",
                (_, Lang::En) => "**Answer:**",
            };
            body.push_str(&format!("\n\n{heading}\n\n{}", answers.join("\n")));
        }
        if let Some(explanation) = &item.explanation {
            body.push_str(&format!("\n\n{explanation}"));
        }
        out.push_str(&format!(
            "[[section]]\ntitle = {}\nbody = {}\n",
            quoted(&crate::safe_text::folded(&title)),
            toml_text(&body)
        ));
    }

    fn question(&self, out: &mut String, item: &Item, id: &str) {
        let kind = match &item.kind {
            ItemKind::Single { .. } => "single",
            ItemKind::Multiple { .. } => "multiple",
            ItemKind::TrueFalse { .. } => "true_false",
            ItemKind::Text { .. } => "text",
            ItemKind::Match { .. } => "match",
            ItemKind::Numeric { .. } => "numeric",
            ItemKind::Kept { .. } => return,
        };
        out.push_str(&format!(
            "\n# {}\n[[quiz.question]]\nid = {}\ntype = \"{kind}\"\nprompt = {}\n",
            self.place(item),
            quoted(id),
            toml_text(&item.prompt)
        ));
        if let Some(explanation) = &item.explanation {
            out.push_str(&format!("explanation = {}\n", toml_text(explanation)));
        }
        match &item.kind {
            ItemKind::TrueFalse { answer } => out.push_str(&format!("answer = {answer}\n")),
            ItemKind::Text { accept } => {
                let accept: Vec<String> = accept
                    .iter()
                    .map(|a| match a.credit {
                        100 => quoted(&a.text),
                        credit => format!("{{ text = {}, credit = {credit} }}", quoted(&a.text)),
                    })
                    .collect();
                out.push_str(&format!("accept = [{}]\n", accept.join(", ")));
            }
            ItemKind::Single { choices } | ItemKind::Multiple { choices } => {
                for choice in choices {
                    choice_toml(out, choice);
                }
            }
            ItemKind::Match { pairs, distractors } => {
                for pair in pairs {
                    out.push_str(&format!(
                        "\n[[quiz.question.pair]]\nleft = {}\nright = {}\n",
                        quoted(&pair.left),
                        quoted(&pair.right)
                    ));
                }
                for right in distractors {
                    out.push_str(&format!(
                        "\n[[quiz.question.pair]]\nright = {}\n",
                        quoted(right)
                    ));
                }
            }
            ItemKind::Numeric { right, ranges } => {
                out.push_str(&range_toml(*right));
                for range in ranges {
                    out.push_str(&format!(
                        "\n[[quiz.question.range]]\n{}credit = {}\n",
                        range_toml(range.range),
                        range.credit
                    ));
                }
            }
            ItemKind::Kept { .. } => {}
        }
    }
}

/// The keys of a numeric question or range for `range`.
fn range_toml(range: NumberRange) -> String {
    match range {
        NumberRange::Around {
            answer,
            tolerance: 0.0,
        } => {
            format!("answer = {}\n", toml_number(answer))
        }
        NumberRange::Around { answer, tolerance } => format!(
            "answer = {}\ntolerance = {}\n",
            toml_number(answer),
            toml_number(tolerance)
        ),
        NumberRange::Between { min, max } => {
            format!("min = {}\nmax = {}\n", toml_number(min), toml_number(max))
        }
    }
}

/// A number as TOML: whole numbers as integers where they are exact, the rest in Rust's
/// shortest exact form (`0.1`, `1e300`), which TOML reads back as the same number.
fn toml_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 9_007_199_254_740_992.0 {
        format!("{}", value as i64)
    } else {
        format!("{value:?}")
    }
}

fn choice_toml(out: &mut String, choice: &Choice) {
    out.push_str(&format!(
        "\n[[quiz.question.choice]]\ntext = {}\n",
        quoted(&choice.text)
    ));
    if choice.correct {
        out.push_str("correct = true\n");
    }
    if let Some(credit) = choice.credit {
        out.push_str(&format!("credit = {credit}\n"));
    }
    if let Some(feedback) = &choice.feedback {
        out.push_str(&format!("feedback = {}\n", toml_text(feedback)));
    }
}
