//! The authoring commands: what `kurs new`, `kurs import` and `kurs export` wrote, or why not.

use super::Lang;

/// Why `kurs new` wrote nothing, in one sentence that says what to do.
pub fn author_problem(lang: Lang, problem: &crate::author::Problem) -> String {
    crate::safe_text::single_line(&author_problem_sentence(lang, problem))
}

fn author_problem_sentence(lang: Lang, problem: &crate::author::Problem) -> String {
    use crate::author::Problem as P;
    let list = |known: &[String]| {
        if known.is_empty() {
            "—".to_owned()
        } else {
            known.join(", ")
        }
    };
    match (problem, lang) {
        (P::TitleBlank, Lang::De) => {
            "Der Titel ist leer; bitte mit --title \"Titel\" einen Titel angeben.".to_owned()
        }
        (P::TitleBlank, Lang::En) => {
            "The title is empty; please give one with --title \"Title\".".to_owned()
        }
        (P::CodeBlank, Lang::De) => {
            "Das Kürzel ist leer; bitte mit --code ein Kürzel wie C2 angeben oder --code weglassen.".to_owned()
        }
        (P::CodeBlank, Lang::En) => {
            "The code is empty; please give one such as C2 with --code, or leave --code out.".to_owned()
        }
        (P::NotOneLine { what }, Lang::De) => {
            let what = if *what == "code" { "Das Kürzel" } else { "Der Titel" };
            format!("{what} hat einen Zeilenumbruch oder ein Steuerzeichen; bitte in eine Zeile schreiben.")
        }
        (P::NotOneLine { what }, Lang::En) => {
            format!("The {what} has a line break or a control character; please write it on one line.")
        }
        (P::IdTaken { id }, Lang::De) => format!(
            "Der Kurs hat schon ein Modul mit der Kennung \"{id}\"; bitte einen anderen --title oder --code wählen."
        ),
        (P::IdTaken { id }, Lang::En) => format!(
            "The course already has a module with the id \"{id}\"; please choose another --title or --code."
        ),
        (P::FileExists { path }, Lang::De) => format!(
            "{path} gibt es schon; kurs überschreibt keine Datei, bitte einen anderen Ordner oder Titel wählen."
        ),
        (P::FileExists { path }, Lang::En) => format!(
            "{path} already exists; kurs never overwrites a file, please choose another folder or title."
        ),
        (P::NoCourse { path }, Lang::De) => format!(
            "In {path} liegt keine course.toml; bitte den Ordner eines Kurses angeben (einen neuen legt kurs new course ORDNER an)."
        ),
        (P::NoCourse { path }, Lang::En) => format!(
            "There is no course.toml in {path}; please give a course folder (kurs new course DIR starts a new one)."
        ),
        (P::NotAFolder { path }, Lang::De) => format!(
            "{path} ist eine Datei und kein Ordner; bitte einen Ordner für den Kurs angeben."
        ),
        (P::NotAFolder { path }, Lang::En) => {
            format!("{path} is a file, not a folder; please give a folder for the course.")
        }
        (P::CourseNotToml { reason }, Lang::De) => format!(
            "Die course.toml ist kein gültiges TOML ({reason}); kurs check zeigt die Stelle."
        ),
        (P::CourseNotToml { reason }, Lang::En) => format!(
            "The course.toml is not valid TOML ({reason}); kurs check shows the place."
        ),
        (P::NoModuleList, Lang::De) => {
            "Die course.toml hat weder eine modules-Liste noch [[area]]-Tabellen, in die das Modul kommen könnte.".to_owned()
        }
        (P::NoModuleList, Lang::En) => {
            "The course.toml has neither a modules list nor [[area]] tables to add the module to.".to_owned()
        }
        (P::NoAreas, Lang::De) => {
            "Der Kurs hat keine Bereiche ([[area]]), nur eine modules-Liste; bitte --area weglassen.".to_owned()
        }
        (P::NoAreas, Lang::En) => {
            "The course has no areas ([[area]]), only a modules list; please leave out --area.".to_owned()
        }
        (P::AreaNeeded { known }, Lang::De) => format!(
            "Der Kurs ist in Bereiche geteilt; bitte mit --area sagen, in welchen das Modul kommt: {}.",
            list(known)
        ),
        (P::AreaNeeded { known }, Lang::En) => format!(
            "The course is divided into areas; please say which one the module goes into with --area: {}.",
            list(known)
        ),
        (P::AreaUnknown { code, known }, Lang::De) => format!(
            "Der Kurs hat keinen Bereich mit dem Kürzel \"{code}\"; es gibt diese: {}.",
            list(known)
        ),
        (P::AreaUnknown { code, known }, Lang::En) => format!(
            "The course has no area with the code \"{code}\"; the areas are: {}.",
            list(known)
        ),
        (P::WouldNotPass { message }, Lang::De) => format!(
            "So würde die neue Datei kurs check nicht bestehen: {message}"
        ),
        (P::WouldNotPass { message }, Lang::En) => {
            format!("The new file would not pass kurs check: {message}")
        }
        (P::BadModuleId { id }, Lang::De) => format!(
            "\"{id}\" ist keine Kennung; bitte nur Kleinbuchstaben, Ziffern und \"-\" verwenden, etwa --module-id m1-brandschutz."
        ),
        (P::BadModuleId { id }, Lang::En) => format!(
            "\"{id}\" is not an id; please use lowercase letters, digits and \"-\" only, such as --module-id m1-fire-safety."
        ),
        (P::OneModuleOnly { modules }, Lang::De) => format!(
            "Die Datei hat {modules} Kategorien und ergibt so viele Module; --module-id und --title benennen nur ein einzelnes Modul, bitte weglassen."
        ),
        (P::OneModuleOnly { modules }, Lang::En) => format!(
            "The file has {modules} categories and gives as many modules; --module-id and --title name a single module only, please leave them out."
        ),
    }
}

/// A file of a new course or module that could not be read or written.
pub fn author_io(lang: Lang, path: &std::path::Path, reason: &std::io::Error) -> String {
    let path = crate::safe_text::name(&path.display().to_string());
    let text = match lang {
        Lang::De => format!("{path} kann nicht gelesen oder geschrieben werden ({reason})."),
        Lang::En => format!("{path} cannot be read or written ({reason})."),
    };
    crate::safe_text::single_line(&text)
}

/// What `kurs new` wrote, and the next step.
pub fn author_written(lang: Lang, files: &[String], check: &str) -> String {
    let files = files.join(", ");
    match lang {
        Lang::De => format!("Angelegt: {files}. Prüfen mit: kurs check {check}"),
        Lang::En => format!("Written: {files}. Check with: kurs check {check}"),
    }
}

/// What `kurs new module` wrote and changed, and the next step.
pub fn author_module_written(lang: Lang, module: &str, course: &str, check: &str) -> String {
    match lang {
        Lang::De => {
            format!("Angelegt: {module}, eingetragen in {course}. Prüfen mit: kurs check {check}")
        }
        Lang::En => format!("Written: {module}, added to {course}. Check with: kurs check {check}"),
    }
}

/// What `kurs import` wrote, and the next step: "2 modules written to x: 42 questions, 2 kept as sections."
pub fn import_written(
    lang: Lang,
    modules: usize,
    dir: &str,
    questions: usize,
    kept: usize,
) -> String {
    match lang {
        Lang::De => format!(
            "{} nach {dir} geschrieben: {}, {} als Abschnitt übernommen. Prüfen mit: kurs check {dir}",
            count(modules, "Modul", "Module"),
            count(questions, "Frage", "Fragen"),
            kept
        ),
        Lang::En => format!(
            "{} written to {dir}: {}, {kept} kept as {}. Check with: kurs check {dir}",
            count(modules, "module", "modules"),
            count(questions, "question", "questions"),
            if kept == 1 { "a section" } else { "sections" }
        ),
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Why `kurs import` wrote nothing: the bank's errors, shown above this sentence.
pub fn import_refused(lang: Lang, errors: usize) -> String {
    match lang {
        Lang::De => format!(
            "Nichts geschrieben: die Datei hat {}; bitte beheben und neu importieren.",
            count(errors, "Fehler", "Fehler")
        ),
        Lang::En => format!(
            "Nothing written: the file has {}; please fix the file and import again.",
            count(errors, "error", "errors")
        ),
    }
}

/// A question bank that cannot be read.
pub fn import_unreadable(lang: Lang, path: &str, reason: &str) -> String {
    let text = match lang {
        Lang::De => format!("{path} kann nicht gelesen werden ({reason})."),
        Lang::En => format!("{path} cannot be read ({reason})."),
    };
    crate::safe_text::single_line(&text)
}

/// A question bank larger than kurs reads.
pub fn import_too_large(lang: Lang, path: &str, size: u64) -> String {
    let limit = crate::author::import::MAX_BANK_BYTES;
    match lang {
        Lang::De => format!(
            "{path} hat {size} Bytes; kurs liest höchstens {limit} Bytes (4 MiB), bitte die Fragen auf mehrere Dateien verteilen."
        ),
        Lang::En => format!(
            "{path} is {size} bytes; kurs reads at most {limit} bytes (4 MiB), please split the questions into several files."
        ),
    }
}

/// `kurs export` of a course that does not pass `kurs check`.
pub fn export_course_errors(lang: Lang, dir: &str) -> String {
    match lang {
        Lang::De => {
            format!("Der Kurs in {dir} hat Fehler, nichts exportiert; kurs check {dir} zeigt sie.")
        }
        Lang::En => format!(
            "The course in {dir} has errors, nothing exported; kurs check {dir} shows them."
        ),
    }
}

/// `kurs export` of a folder that is not one course.
pub fn export_one_course(lang: Lang, dir: &str) -> String {
    match lang {
        Lang::De => {
            format!("In {dir} liegt nicht genau ein Kurs; bitte den Ordner eines Kurses angeben.")
        }
        Lang::En => format!("{dir} does not hold exactly one course; please give a course folder."),
    }
}

/// A question GIFT has no form for.
pub fn export_omission(lang: Lang, omission: &crate::author::export::Omission) -> String {
    use crate::author::export::Why;
    let (module, question) = (&omission.module, &omission.question);
    let text = match (lang, omission.why) {
        (Lang::De, Why::Order) => format!(
            "Die Reihenfolge-Frage {question} im Modul {module} hat in GIFT keine Form und fehlt im Export."
        ),
        (Lang::En, Why::Order) => format!(
            "The order question {question} of module {module} has no GIFT form and is left out."
        ),
        (Lang::De, Why::ArrowInItem) => format!(
            "Die Zuordnungsfrage {question} im Modul {module} hat „->“ in einem Begriff, was GIFT nicht schreiben kann; sie fehlt im Export."
        ),
        (Lang::En, Why::ArrowInItem) => format!(
            "The match question {question} of module {module} has “->” in an item, which GIFT cannot write; it is left out."
        ),
        (Lang::De, Why::UnitDropped) => format!(
            "Die Zahlenfrage {question} im Modul {module} ist ohne ihre Einheit exportiert: GIFT kennt keine Einheiten."
        ),
        (Lang::En, Why::UnitDropped) => format!(
            "The numeric question {question} of module {module} is exported without its unit: GIFT has no units."
        ),
    };
    crate::safe_text::single_line(&text)
}

/// Where `kurs export` wrote the questions.
pub fn export_written(lang: Lang, path: &str) -> String {
    match lang {
        Lang::De => format!("Geschrieben: {path}. In Moodle: Fragensammlung → Import → GIFT."),
        Lang::En => format!("Written: {path}. In Moodle: Question bank → Import → GIFT."),
    }
}
