//! A course report written out: a table for the trainer in the course's language, CSV for a
//! spreadsheet (RFC 4180), JSON for scripts. Everything in a row may come from the LRS, so each
//! text passes the one sanitiser before it is written: no control sequence reaches a terminal.

use serde::Serialize;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{CourseReport, Part, Row};
use crate::i18n::{self, Lang};
use crate::safe_text::single_line;

/// The widest a learner's or a module's name is shown in the table; the rest is cut with "…".
const NAME_WIDTH: usize = 40;

/// The version of the JSON's shape, raised when a field changes meaning or goes.
pub const JSON_VERSION: u32 = 1;

/// The CSV columns, in the order of `Row`'s fields.
pub const CSV_HEADER: [&str; 15] = [
    "course_id",
    "learner",
    "learner_name",
    "home_page",
    "part",
    "module_id",
    "title",
    "status",
    "learned",
    "attempts",
    "best_raw",
    "best_max",
    "best_scaled",
    "best_percent",
    "last_activity",
];

/// One course as a table: a heading with how many learners and records there are, then one line
/// per learner and module, the learner named on their first line. Times are shown in `zone`.
pub fn table(report: &CourseReport, lang: Lang, zone: &jiff::tz::TimeZone) -> String {
    let title = single_line(&report.title);
    let id = single_line(&report.id);
    if report.rows.is_empty() {
        return format!("{}\n", i18n::report_empty(lang, &title, &id));
    }
    let mut out = format!(
        "{}\n\n",
        i18n::report_heading(lang, &title, &id, report.learners, report.statements)
    );
    let mut lines = vec![i18n::report_columns(lang).map(str::to_string).to_vec()];
    let mut previous: Option<(&str, &str)> = None;
    for row in &report.rows {
        let who = (row.learner.as_str(), row.home_page.as_str());
        let learner = if previous == Some(who) {
            String::new()
        } else {
            fit(&learner_label(row), NAME_WIDTH)
        };
        previous = Some(who);
        let title = fit(&single_line(&row.title), NAME_WIDTH);
        let attempts = match row.attempts {
            0 => "-".to_string(),
            n => n.to_string(),
        };
        let last = row.last_activity.map_or("-".to_string(), |time| {
            time.to_zoned_datetime(zone.clone())
                .strftime("%Y-%m-%d %H:%M")
                .to_string()
        });
        lines.push(vec![
            learner,
            title,
            i18n::report_status(lang, row.status, row.part == Part::Exam, row.learned),
            attempts,
            best_score(row, lang),
            last,
        ]);
    }
    let widths: Vec<usize> = (0..lines[0].len())
        .map(|column| lines.iter().map(|l| l[column].width()).max().unwrap_or(0))
        .collect();
    for line in &lines {
        let mut text = String::new();
        for (column, (cell, width)) in line.iter().zip(&widths).enumerate() {
            let pad = " ".repeat(width - cell.width());
            // The attempts are counted: right-aligned, as numbers are.
            if column == 3 {
                text.push_str(&pad);
                text.push_str(cell);
            } else {
                text.push_str(cell);
                text.push_str(&pad);
            }
            text.push_str("  ");
        }
        out.push_str(text.trim_end());
        out.push('\n');
    }
    out
}

/// "anna.k (Anna K.)": the account with the name the learner shared.
fn learner_label(row: &Row) -> String {
    match &row.learner_name {
        Some(name) => format!("{} ({})", single_line(&row.learner), single_line(name)),
        None => single_line(&row.learner),
    }
}

/// "3/5 (60 %)", or "60 %" when the LRS has no points; "-" without a score.
fn best_score(row: &Row, lang: Lang) -> String {
    let Some(percent) = row.best_percent else {
        return "-".to_string();
    };
    match (&row.best_raw, &row.best_max) {
        (Some(raw), Some(max)) => format!("{raw}/{max} ({})", i18n::percent(lang, percent)),
        _ => i18n::percent(lang, percent),
    }
}

/// Text cut to `width` columns, ending with "…" when cut.
fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// Every course's rows as one CSV (RFC 4180: a header, CRLF line ends, fields with a comma,
/// quote or line break quoted and their quotes doubled).
pub fn csv(reports: &[CourseReport]) -> String {
    let mut out = CSV_HEADER.join(",");
    out.push_str("\r\n");
    for row in reports.iter().flat_map(|r| &r.rows) {
        let number = |n: Option<String>| n.unwrap_or_default();
        let fields = [
            text_field(&row.course_id),
            text_field(&row.learner),
            row.learner_name
                .as_deref()
                .map(text_field)
                .unwrap_or_default(),
            text_field(&row.home_page),
            match row.part {
                Part::Module => "module".to_string(),
                Part::Exam => "exam".to_string(),
            },
            row.module_id.as_deref().map(text_field).unwrap_or_default(),
            text_field(&row.title),
            row.status.word().to_string(),
            row.learned.to_string(),
            row.attempts.to_string(),
            number(row.best_raw.as_ref().map(ToString::to_string)),
            number(row.best_max.as_ref().map(ToString::to_string)),
            number(row.best_scaled.map(|s| s.to_string())),
            number(row.best_percent.map(|p| p.to_string())),
            number(
                row.last_activity
                    .map(crate::xapi::statement::timestamp_text),
            ),
        ];
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A text field for CSV: on one line and sanitised; a spreadsheet would run a field that starts
/// with `=`, `+`, `-` or `@` as a formula, so such a field gets a leading `'` (OWASP's advice);
/// quoted when it holds a comma, a quote or spaces at its ends.
fn text_field(text: &str) -> String {
    let mut text = single_line(text);
    if text.starts_with(['=', '+', '-', '@']) {
        text.insert(0, '\'');
    }
    if text.contains([',', '"']) || text.starts_with(' ') || text.ends_with(' ') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    courses: &'a [CourseReport],
}

/// Every course's report as JSON: `{"version": 1, "courses": [{id, title, activity, learners,
/// statements, ignored, complete, rows: [Row…]}]}`; characters a terminal could act on are
/// escaped.
pub fn json(reports: &[CourseReport]) -> String {
    let document = Document {
        version: JSON_VERSION,
        courses: reports,
    };
    let text = serde_json::to_string_pretty(&document).unwrap_or_default();
    crate::diagnostic::escape_controls_in_json(&text) + "\n"
}

/// Whether any course has a record at all.
pub fn any_records(reports: &[CourseReport]) -> bool {
    reports.iter().any(|r| !r.rows.is_empty())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::tests::{attempt, learner_facts, said, two_modules};
    use super::super::{Plan, Tally};
    use super::*;
    use crate::xapi::statement::Event;

    fn report(statements: &[serde_json::Value]) -> CourseReport {
        let mut tally = Tally::new(Plan::of(&two_modules()));
        for statement in statements {
            tally.add(statement);
        }
        tally.report(true)
    }

    fn two_learners() -> CourseReport {
        let anna = learner_facts("anna.k", Some("Anna Kühn"));
        let ben = learner_facts("ben", None);
        report(&[
            said(&anna, Event::Experienced, Some(0), 0),
            said(&anna, attempt(false, 2, 5), Some(0), 1),
            said(&anna, attempt(true, 5, 5), Some(0), 2),
            said(&anna, Event::Completed, Some(1), 3),
            said(&ben, attempt(false, 1, 5), Some(1), 4),
            said(&ben, Event::Completed, Some(1), 5),
            said(&ben, attempt(false, 6, 10), None, 6),
        ])
    }

    #[test]
    fn the_table_is_aligned_in_the_courses_language() {
        let table = table(&two_learners(), Lang::De, &jiff::tz::TimeZone::UTC);
        assert_eq!(
            table,
            "\
Sicher online (sicher-online): 2 Lernende, 7 Lerneinträge

Lernende            Modul              Status                    Versuche  Beste Punktzahl  Zuletzt
anna.k (Anna Kühn)  A1 Erste Schritte  bestanden                        2  5/5 (100 %)      2026-11-30 00:55
                    A2 Passwörter      gelernt                          -  -                2026-11-30 00:56
                    Abschlusstest      nicht abgelegt                   -  -                -
ben                 A1 Erste Schritte  nicht begonnen                   -  -                -
                    A2 Passwörter      nicht bestanden, gelernt         1  1/5 (20 %)       2026-11-30 00:58
                    Abschlusstest      nicht bestanden                  1  6/10 (60 %)      2026-11-30 00:59
"
        );
    }

    #[test]
    fn the_tables_words_follow_the_language_asked_for() {
        let table = table(&two_learners(), Lang::En, &jiff::tz::TimeZone::UTC);
        assert!(
            table.starts_with("Sicher online (sicher-online): 2 learners, 7 learning records\n"),
            "{table}"
        );
        assert!(table.contains("failed, learned"), "{table}");
        // The course's own names stay in its language.
        assert!(table.contains("Abschlusstest      not taken"), "{table}");
    }

    #[test]
    fn an_empty_course_is_one_sentence() {
        let table = table(&report(&[]), Lang::En, &jiff::tz::TimeZone::UTC);
        assert_eq!(
            table,
            "Sicher online (sicher-online): the LRS holds no learning records of this course yet.\n"
        );
    }

    #[test]
    fn hostile_strings_from_the_lrs_never_reach_the_terminal_as_control_sequences() {
        let hostile = "\u{1b}]52;c;cm0gLXJmIH4=\u{7}\u{1b}[2J\u{202e}evil\r\nnext";
        let mut statement = said(&learner_facts("x", None), Event::Experienced, Some(0), 0);
        statement["actor"]["account"]["name"] = json!(hostile);
        statement["actor"]["name"] = json!(hostile);
        statement["actor"]["account"]["homePage"] = json!(hostile);
        let report = report(&[statement]);
        let table = table(&report, Lang::En, &jiff::tz::TimeZone::UTC);
        let csv = csv(std::slice::from_ref(&report));
        let json = json(std::slice::from_ref(&report));
        for text in [&table, &csv, &json] {
            assert!(
                !text
                    .chars()
                    .any(|c| crate::safe_text::is_unsafe(c) && c != '\r'),
                "{text:?}"
            );
        }
        // The line break in the name does not start a row of its own.
        assert_eq!(csv.matches("\r\n").count(), 4);
        assert_eq!(table.lines().count(), 6);
        let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(parsed["courses"][0]["rows"][0]["learner"], json!(hostile));
    }

    #[test]
    fn csv_quotes_as_rfc_4180_and_disarms_formulas() {
        assert_eq!(text_field("plain"), "plain");
        assert_eq!(text_field("Kühn, Anna"), "\"Kühn, Anna\"");
        assert_eq!(text_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(
            text_field("=HYPERLINK(\"x\")"),
            "\"'=HYPERLINK(\"\"x\"\")\""
        );
        assert_eq!(text_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(text_field(" edge "), "\" edge \"");
    }

    #[test]
    fn csv_has_a_header_and_one_line_per_row() {
        let csv = csv(&[two_learners()]);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], CSV_HEADER.join(","));
        assert_eq!(
            lines[1],
            "sicher-online,anna.k,Anna Kühn,https://lernen.example.org,module,m 1,A1 Erste Schritte,passed,false,2,5,5,1,100,2026-11-30T00:55:20.000Z"
        );
        assert_eq!(
            lines[6],
            "sicher-online,ben,,https://lernen.example.org,exam,,Abschlusstest,failed,false,1,6,10,0.6,60,2026-11-30T00:59:20.000Z"
        );
        assert_eq!(lines.len(), 8, "six rows, the header and the end");
    }

    #[test]
    fn json_has_a_version_and_the_courses_rows() {
        let json: serde_json::Value = serde_json::from_str(&json(&[two_learners()])).unwrap();
        assert_eq!(json["version"], 1);
        let course = &json["courses"][0];
        assert_eq!(course["id"], "sicher-online");
        assert_eq!(course["activity"], "urn:kurs:sicher-online");
        assert_eq!(
            (
                &course["learners"],
                &course["statements"],
                &course["complete"]
            ),
            (&json!(2), &json!(7), &json!(true))
        );
        assert_eq!(course["rows"].as_array().unwrap().len(), 6);
        assert_eq!(course["rows"][5]["part"], "exam");
        assert_eq!(course["rows"][5]["module_id"], json!(null));
    }

    #[test]
    fn a_long_name_is_cut_to_keep_the_columns() {
        let long = "x".repeat(100);
        assert_eq!(fit(&long, 10), format!("{}…", "x".repeat(9)));
        assert_eq!(fit("Grüße", 10), "Grüße");
        assert_eq!(fit("日本語のテキスト", 7), "日本語…");
    }
}
