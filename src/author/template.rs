//! The first text of a new `course.toml` and of a new module file, in German or English: every
//! key with a short comment, so a trainer can start by changing words instead of reading a manual.

use crate::i18n::Lang;

/// What goes into a new `course.toml`.
pub struct CourseText<'a> {
    pub lang: Lang,
    /// The folder of the JSON Schemas, relative to the course folder, ending in `/`.
    pub schema_dir: &'a str,
    pub id: &'a str,
    pub title: &'a str,
    /// The module files, relative to the course folder.
    pub module_files: &'a [String],
}

/// What goes into a new module file.
pub struct ModuleText<'a> {
    pub lang: Lang,
    /// The folder of the JSON Schemas, relative to the module file, ending in `/`.
    pub schema_dir: &'a str,
    pub id: &'a str,
    pub code: Option<&'a str>,
    pub title: &'a str,
}

/// A TOML string for `text`, quoted and escaped as TOML needs it.
pub fn quoted(text: &str) -> String {
    toml_edit::Value::from(text).to_string()
}

impl CourseText<'_> {
    pub fn render(&self) -> String {
        let schema = format!("#:schema {}course.schema.json", self.schema_dir);
        let id = quoted(self.id);
        let title = quoted(self.title);
        let modules = match self.module_files {
            [one] => quoted(one),
            many => {
                let lines: Vec<String> = many
                    .iter()
                    .map(|file| format!("\n  {},", quoted(file)))
                    .collect();
                format!("{}\n", lines.concat())
            }
        };
        match self.lang {
            Lang::De => format!(
                r#"{schema}
# Der Kurs: sein Name, seine Sprache und seine Module. `kurs check` prüft die Datei;
# die Anleitung für Trainerinnen und Trainer (docs/course-format.md) erklärt jeden Schlüssel.

# Feste Kennung des Kurses: Kleinbuchstaben, Ziffern und "-". Der Fortschritt der
# Lernenden wird unter ihr gespeichert; nicht mehr ändern, sobald jemand lernt.
id = {id}
# Der Titel in der Kursübersicht (reiner Text, kein Markdown).
title = {title}
# Die Sprache der Oberfläche: "de" Deutsch, "en" Englisch.
language = "de"
# Ein paar Sätze über den Kurs, neben dem Titel gezeigt (Markdown).
description = """
Was die Lernenden nach diesem Kurs können.
"""
# So viel Prozent der Punkte braucht es, um eine Übung zu bestehen (0 bis 100).
pass_percent = 60
# Wohin die Lerneinträge (xAPI) der Organisation gehören: eine https-Adresse, mit der die
# Kennungen der Aktivitäten beginnen; ohne diese Zeile urn:kurs:<id>.
# xapi_activity_base = "https://kurse.example.org/mein-kurs"
# Die Moduldateien in der Reihenfolge, in der Lernende sie sehen.
# `kurs new module .` legt ein weiteres Modul an und trägt es hier ein.
modules = [{modules}]
"#
            ),
            Lang::En => format!(
                r#"{schema}
# The course: its name, its language and its modules. `kurs check` checks this file;
# the trainer's guide (docs/course-format.md) explains every key.

# Stable id of the course: lowercase letters, digits and "-". The learners' progress is
# stored under it; do not change it once anyone is learning.
id = {id}
# The title in the library (plain text, no Markdown).
title = {title}
# The language of the user interface: "de" German, "en" English.
language = "en"
# A few sentences about the course, shown with its title (Markdown).
description = """
What learners can do after this course.
"""
# The percent of the points needed to pass a quiz (0 to 100).
pass_percent = 60
# Where the organisation's learning records (xAPI) belong: an https address the activity
# ids begin with; without this line urn:kurs:<id>.
# xapi_activity_base = "https://courses.example.org/my-course"
# The module files, in the order learners see them.
# `kurs new module .` writes another module and adds it here.
modules = [{modules}]
"#
            ),
        }
    }
}

impl ModuleText<'_> {
    pub fn render(&self) -> String {
        let schema = format!("#:schema {}module.schema.json", self.schema_dir);
        let id = quoted(self.id);
        let title = quoted(self.title);
        let code_comment = match self.lang {
            Lang::De => "# Kurzes Kürzel vor dem Titel, etwa \"C2\" (darf fehlen).",
            Lang::En => "# A short label shown before the title, such as \"C2\" (may be left out).",
        };
        let code = match self.code {
            Some(code) => format!("{code_comment}\ncode = {}\n", quoted(code)),
            None => format!("{code_comment}\n# code = \"M1\"\n"),
        };
        match self.lang {
            Lang::De => format!(
                r#"{schema}
# Ein Modul: ein paar Abschnitte zum Lesen und eine Übung am Ende.

# Feste Kennung des Moduls, im Kurs nur einmal: Kleinbuchstaben, Ziffern und "-".
id = {id}
{code}# Der Titel des Moduls (reiner Text, kein Markdown).
title = {title}
# Steht über den Abschnitten (Markdown).
intro = "Worum es in diesem Modul geht, in einem Satz."

# Ein Abschnitt: ein Feld, das Lernende öffnen und lesen. Für mehr Abschnitte den Block kopieren.
[[section]]
# Die Überschrift des Abschnitts (reiner Text).
title = "Das lernst du hier"
# Der Text (Markdown: **fett**, *kursiv*, Listen, Links, Tabellen).
body = """
Hier steht der Text des Abschnitts. Eine leere Zeile beginnt einen neuen Absatz.

- Ein Punkt einer Liste
- Noch ein Punkt
"""

# Die Übung am Ende des Moduls („Mein Wissen üben“).
[quiz]
# Prozent der Punkte zum Bestehen; ohne diese Zeile gilt pass_percent des Kurses.
# pass_percent = 60

# Eine Frage. type ist single, multiple, true_false, text oder order.
[[quiz.question]]
# Feste Kennung der Frage, in der Übung nur einmal.
id = "erste-frage"
type = "true_false"
# Die Frage oder Aussage (Markdown).
prompt = "Ein Modul kann mehr als einen Abschnitt haben."
# true (wahr) oder false (falsch), ohne Anführungszeichen.
answer = true
# Wird nach der Antwort gezeigt (Markdown).
explanation = "Für jeden Abschnitt gibt es einen eigenen `[[section]]`-Block."
"#
            ),
            Lang::En => format!(
                r#"{schema}
# One module: a few sections to read and a quiz at the end.

# Stable id of the module, used once in the course: lowercase letters, digits and "-".
id = {id}
{code}# The module's title (plain text, no Markdown).
title = {title}
# Shown above the sections (Markdown).
intro = "What this module is about, in one sentence."

# A section: one pane learners open and read. Copy the block for more sections.
[[section]]
# The heading of the section (plain text).
title = "What you learn here"
# The text (Markdown: **bold**, *italic*, lists, links, tables).
body = """
The text of the section goes here. An empty line starts a new paragraph.

- An item of a list
- Another item
"""

# The quiz at the end of the module ("Practice what you learned").
[quiz]
# The percent of the points needed to pass; without this line the course's pass_percent counts.
# pass_percent = 60

# A question. type is single, multiple, true_false, text or order.
[[quiz.question]]
# Stable id of the question, used once in the quiz.
id = "first-question"
type = "true_false"
# The question or statement (Markdown).
prompt = "A module can have more than one section."
# true or false, without quotes.
answer = true
# Shown after the learner answered (Markdown).
explanation = "Each section is a `[[section]]` block of its own."
"#
            ),
        }
    }
}
