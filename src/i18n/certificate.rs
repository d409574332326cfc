//! Certificates: the words on the PDF and in the credential, why one could not be issued,
//! and whether it is due or issued.

use super::{Lang, T, percent};

/// A certificate issued (`✓`) or not yet (`○`).
pub fn certificate_symbol(issued: bool) -> &'static str {
    if issued { "✓" } else { "○" }
}

/// A date in words: "14. März 1990", "14 March 1990".
pub fn long_date(lang: Lang, date: jiff::civil::Date) -> String {
    const DE: [&str; 12] = [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = usize::try_from(date.month() - 1).unwrap_or(0).min(11);
    match lang {
        Lang::De => format!("{}. {} {}", date.day(), DE[month], date.year()),
        Lang::En => format!("{} {} {}", date.day(), EN[month], date.year()),
    }
}

pub fn cert_born_on(lang: Lang, date: &str) -> String {
    match lang {
        Lang::De => format!("geboren am {date}"),
        Lang::En => format!("born on {date}"),
    }
}

/// The exam line of a certificate: "92 % – bestanden".
pub fn cert_exam_result(lang: Lang, percent_text: &str, passed: bool) -> String {
    match (lang, passed) {
        (Lang::De, true) => format!("{percent_text} – bestanden"),
        (Lang::De, false) => format!("{percent_text} – nicht bestanden"),
        (Lang::En, true) => format!("{percent_text} – passed"),
        (Lang::En, false) => format!("{percent_text} – not passed"),
    }
}

/// The exam's pass mark under its line on a certificate.
pub fn cert_pass_mark(lang: Lang, percent_text: &str) -> String {
    match lang {
        Lang::De => format!("Bestehensgrenze {percent_text}"),
        Lang::En => format!("Pass mark {percent_text}"),
    }
}

/// Who signed a certificate, when a training organisation's key did.
pub fn cert_signed_by(lang: Lang, signer: &str) -> String {
    match lang {
        Lang::De => format!("Signiert von {signer}"),
        Lang::En => format!("Signed by {signer}"),
    }
}

/// The credential's criteria in words, from what the course required.
pub fn cert_criteria(
    requirement: crate::certificate::Requirement,
    facts: &crate::certificate::CertificateFacts,
) -> String {
    let lang = facts.lang;
    let exam = facts.exam.as_ref().map(|exam| {
        let title = &exam.title;
        match (lang, exam.pass_percent) {
            (Lang::De, Some(pass)) => format!(
                "den Abschlusstest „{title}“ mit mindestens {} bestanden",
                percent(lang, pass)
            ),
            (Lang::De, None) => format!("den Abschlusstest „{title}“ bestanden"),
            (Lang::En, Some(pass)) => format!(
                "passed the final test “{title}” with at least {}",
                percent(lang, pass)
            ),
            (Lang::En, None) => format!("passed the final test “{title}”"),
        }
    });
    let modules = match lang {
        Lang::De => {
            "alle Module des Kurses abgeschlossen (das Quiz jedes Moduls bestanden, ein Modul ohne Quiz gelesen)"
        }
        Lang::En => {
            "completed every module of the course (passed each module's quiz, read each module without one)"
        }
    };
    let required = match (
        requirement.modules,
        requirement.exam.then_some(exam).flatten(),
    ) {
        (true, Some(exam)) => match lang {
            Lang::De => format!("{modules} und {exam}"),
            Lang::En => format!("{modules} and {exam}"),
        },
        (true, None) => modules.to_owned(),
        (false, Some(exam)) => exam,
        (false, None) => match lang {
            Lang::De => "am Kurs teilgenommen".to_owned(),
            Lang::En => "took part in the course".to_owned(),
        },
    };
    let mut text = capitalised(&required) + ".";
    if !facts.modules.is_empty() {
        text.push_str(match lang {
            Lang::De => " Angegeben ist je Modul das beste Ergebnis im Quiz.",
            Lang::En => " Each module shows the learner's best score in its quiz.",
        });
    }
    text
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Characters named in a sentence: a letter as itself with its code point, a mark or an
/// invisible character by its code point alone; at most six, then "…".
pub(super) fn characters_named(lang: Lang, characters: &[char]) -> String {
    use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};
    let (open, close) = match lang {
        Lang::De => ("„", "“"),
        Lang::En => ("“", "”"),
    };
    let mut named: Vec<String> = characters
        .iter()
        .take(6)
        .map(|&c| {
            let code = format!("U+{:04X}", u32::from(c));
            match c.general_category_group() {
                GeneralCategoryGroup::Mark | GeneralCategoryGroup::Other => code,
                _ if c.is_whitespace() => code,
                _ => format!("{open}{c}{close} ({code})"),
            }
        })
        .collect();
    if characters.len() > 6 {
        named.push("…".to_owned());
    }
    named.join(", ")
}

/// Why facts cannot go on a certificate, as the end of a sentence after "could not be issued:".
pub fn facts_problem(lang: Lang, problem: &crate::certificate::FactsProblem) -> String {
    crate::safe_text::single_line(&facts_problem_clause(lang, problem))
}

fn facts_problem_clause(lang: Lang, problem: &crate::certificate::FactsProblem) -> String {
    use crate::certificate::FactsProblem as P;
    use crate::certificate::facts::Field as F;
    let P::NotShown {
        field,
        text,
        not_shown,
    } = problem
    else {
        // The player hands in only facts it checked; this is a bug more than anything else.
        return match lang {
            Lang::De => format!(
                "die Angaben für das Zertifikat sind nicht in Ordnung (für die Kursleitung: “{problem}”)"
            ),
            Lang::En => format!(
                "the facts for the certificate are not in order (for the trainer: “{problem}”)"
            ),
        };
    };
    let where_de = match field {
        F::LearnerName => "im Namen".to_owned(),
        F::CourseTitle => format!("im Kurstitel „{text}“"),
        F::ModuleTitle => format!("im Modultitel „{text}“"),
        F::ExamTitle => format!("im Titel des Abschlusstests „{text}“"),
        F::TimeAdjustment => format!("in der Zeitanpassung „{text}“"),
        F::IssuerName => format!("im Namen des Ausstellers „{text}“"),
        F::SignerName => format!("im Namen des Schlüssels „{text}“ (KURS_ISSUER_KEY)"),
        F::BirthDate | F::CourseId => format!("in „{text}“"),
    };
    let where_en = match field {
        F::LearnerName => "in the name".to_owned(),
        F::CourseTitle => format!("in the course title “{text}”"),
        F::ModuleTitle => format!("in the module title “{text}”"),
        F::ExamTitle => format!("in the exam title “{text}”"),
        F::TimeAdjustment => format!("in the time adjustment “{text}”"),
        F::IssuerName => format!("in the issuer's name “{text}”"),
        F::SignerName => format!("in the key's name “{text}” (KURS_ISSUER_KEY)"),
        F::BirthDate | F::CourseId => format!("in “{text}”"),
    };
    let learners = *field == F::LearnerName;
    match (lang, not_shown.right_to_left, learners) {
        (Lang::De, true, true) => "dein Name ist von rechts nach links geschrieben, was Zertifikate noch nicht drucken können; gib ihn mit „kurs profile set --name …“ in lateinischen Buchstaben ein, wie im Ausweis".to_owned(),
        (Lang::En, true, true) => "your name is written right to left, which certificates cannot print yet; give it in Latin letters, as in your passport, with “kurs profile set --name …”".to_owned(),
        (Lang::De, false, true) => format!(
            "das Zertifikat kann {} {where_de} nicht drucken; gib den Namen mit „kurs profile set --name …“ in lateinischen, griechischen oder kyrillischen Buchstaben ein, wie im Ausweis",
            characters_named(lang, &not_shown.characters)
        ),
        (Lang::En, false, true) => format!(
            "the certificate cannot print {} {where_en}; give your name in Latin, Greek or Cyrillic letters, as in your passport, with “kurs profile set --name …”",
            characters_named(lang, &not_shown.characters)
        ),
        (Lang::De, true, false) => format!(
            "der Text {where_de} ist von rechts nach links geschrieben, was Zertifikate noch nicht drucken können; bitte gib der Kursleitung Bescheid"
        ),
        (Lang::En, true, false) => format!(
            "the text {where_en} is written right to left, which certificates cannot print yet; please tell the trainer"
        ),
        (Lang::De, false, false) => format!(
            "das Zertifikat kann {} {where_de} nicht drucken; bitte gib der Kursleitung Bescheid",
            characters_named(lang, &not_shown.characters)
        ),
        (Lang::En, false, false) => format!(
            "the certificate cannot print {} {where_en}; please tell the trainer",
            characters_named(lang, &not_shown.characters)
        ),
    }
}

/// Why no certificate was issued, as the end of a sentence after "could not be issued:", in
/// the learner's language; a technical cause is quoted as such.
pub fn certificate_error(lang: Lang, error: &crate::certificate::CertificateError) -> String {
    use crate::certificate::{CertificateError as E, KeyFileProblem as K, KeyProblem};
    let clause = match (error, lang) {
        (E::Facts(problem), _) => facts_problem_clause(lang, problem),
        (E::Key(KeyProblem::NoRandom(reason)), Lang::De) => format!(
            "das System liefert keine Zufallszahlen für den Schlüssel (das System meldet: “{reason}”)"
        ),
        (E::Key(KeyProblem::NoRandom(reason)), Lang::En) => {
            format!("the system gives no random numbers for the key (the system says: “{reason}”)")
        }
        (
            E::Key(KeyProblem::File {
                path,
                organisation,
                why,
            }),
            _,
        ) => {
            let path = crate::safe_text::name(&path.display().to_string());
            let whose = match (lang, organisation) {
                (Lang::De, true) => format!("die Schlüsseldatei {path} aus KURS_ISSUER_KEY"),
                (Lang::De, false) => format!("die Schlüsseldatei dieses Computers, {path},"),
                (Lang::En, true) => format!("the key file {path} named by KURS_ISSUER_KEY"),
                (Lang::En, false) => format!("this computer's key file {path}"),
            };
            match (why, lang) {
                (K::Missing, Lang::De) => format!("{whose} gibt es nicht"),
                (K::Missing, Lang::En) => format!("{whose} does not exist"),
                (K::NotAFile, Lang::De) => format!(
                    "{whose} ist keine gewöhnliche Datei (sondern ein Link oder ein Ordner)"
                ),
                (K::NotAFile, Lang::En) => {
                    format!("{whose} is not a regular file (but a link or a folder)")
                }
                (K::Unreadable(reason), Lang::De) => {
                    format!("{whose} lässt sich nicht lesen (das System meldet: “{reason}”)")
                }
                (K::Unreadable(reason), Lang::En) => {
                    format!("{whose} cannot be read (the system says: “{reason}”)")
                }
                (K::NotAKeyFile(reason), Lang::De) => format!(
                    "{whose} ist keine Schlüsseldatei von „kurs issuer init“ (für die Kursleitung: “{reason}”)"
                ),
                (K::NotAKeyFile(reason), Lang::En) => format!(
                    "{whose} is not a key file made by “kurs issuer init” (for the trainer: “{reason}”)"
                ),
                (K::Mismatch, Lang::De) => format!(
                    "{whose} wurde von Hand geändert: Der öffentliche Schlüssel darin gehört nicht zum geheimen"
                ),
                (K::Mismatch, Lang::En) => format!(
                    "{whose} was edited by hand: its public key does not belong to its secret"
                ),
            }
        }
        (E::Pdf(reason), Lang::De) => {
            format!("das PDF ließ sich nicht erstellen (für die Entwicklung von kurs: “{reason}”)")
        }
        (E::Pdf(reason), Lang::En) => {
            format!("the PDF could not be made (for kurs's developers: “{reason}”)")
        }
        (E::Io { path, reason }, Lang::De) => format!(
            "{} ließ sich nicht schreiben (das System meldet: “{reason}”)",
            path.display()
        ),
        (E::Io { path, reason }, Lang::En) => format!(
            "{} could not be written (the system says: “{reason}”)",
            path.display()
        ),
    };
    crate::safe_text::single_line(&clause)
}

pub fn cert_issued(lang: Lang, date: &str, issuer: &str) -> String {
    match lang {
        Lang::De => format!("Ausgestellt am {date} von {issuer}"),
        Lang::En => format!("Issued on {date} by {issuer}"),
    }
}

/// The achievement's description in the credential.
pub fn cert_description(lang: Lang, course: &str) -> String {
    match lang {
        Lang::De => format!("Hat den Kurs „{course}“ in kurs durchgearbeitet."),
        Lang::En => format!("Worked through the course “{course}” in kurs."),
    }
}

/// Whether the course's certificate was issued: "ausgestellt am 2026-12-02".
pub fn certificate_state(lang: Lang, issued_on: Option<&str>) -> String {
    match (lang, issued_on) {
        (Lang::De, Some(day)) => format!("ausgestellt am {day}"),
        (Lang::De, None) => "ausstehend".to_owned(),
        (Lang::En, Some(day)) => format!("issued on {day}"),
        (Lang::En, None) => "not issued yet".to_owned(),
    }
}

/// "Zertifikat: ausgestellt am 2026-12-02"
pub fn certificate_line(lang: Lang, issued_on: Option<&str>) -> String {
    format!(
        "{}: {}",
        T::Certificate.get(lang),
        certificate_state(lang, issued_on)
    )
}

/// Where the certificate's two files were written.
pub fn certificate_written(lang: Lang, pdf: &str, credential: &str, code: &str) -> String {
    match lang {
        Lang::De => format!(
            "Zertifikat ausgestellt (Prüfcode {code}):\n- PDF: {pdf}\n- Nachweis zum Prüfen (Open Badge): {credential}\nPrüfen lässt es sich mit „kurs verify“."
        ),
        Lang::En => format!(
            "Certificate issued (verification code {code}):\n- PDF: {pdf}\n- Credential to verify (Open Badge): {credential}\nAnyone can check it with “kurs verify”."
        ),
    }
}

/// A certificate that could not be issued, with why (`CertificateError::text`): the result
/// stays, and `kurs certificates issue` issues it once the cause is mended.
pub fn certificate_failed(lang: Lang, reason: &str) -> String {
    match lang {
        Lang::De => format!(
            "Das Zertifikat konnte nicht ausgestellt werden: {reason}. Dein Ergebnis ist gespeichert; ist das behoben, stellt „kurs certificates issue“ das Zertifikat aus."
        ),
        Lang::En => format!(
            "The certificate could not be issued: {reason}. Your result is saved; once that is mended, “kurs certificates issue” issues the certificate."
        ),
    }
}

/// `kurs certificates issue` before the requirement is met: what is still to pass.
pub fn certificate_not_yet(lang: Lang, missing: &crate::session::Missing) -> String {
    let quoted = |text: &str| match lang {
        Lang::De => format!("„{}“", crate::safe_text::single_line(text)),
        Lang::En => format!("“{}”", crate::safe_text::single_line(text)),
    };
    let mut parts = Vec::new();
    if let Some(exam) = &missing.exam {
        parts.push(match lang {
            Lang::De => format!("der Abschlusstest {}", quoted(exam)),
            Lang::En => format!("the final test {}", quoted(exam)),
        });
    }
    let modules: Vec<String> = missing.modules.iter().map(|m| quoted(m)).collect();
    match (lang, modules.len()) {
        (_, 0) => {}
        (Lang::De, 1) => parts.push(format!("das Modul {}", modules[0])),
        (Lang::De, n) => parts.push(format!("{n} Module: {}", modules.join(", "))),
        (Lang::En, 1) => parts.push(format!("the module {}", modules[0])),
        (Lang::En, n) => parts.push(format!("{n} modules: {}", modules.join(", "))),
    }
    let parts = parts.join("; ");
    match lang {
        Lang::De => format!("Das Zertifikat ist noch nicht fällig; noch zu bestehen: {parts}."),
        Lang::En => format!("The certificate is not due yet; still to pass: {parts}."),
    }
}

/// A course's modules could not all be read to see whether its certificate is due.
pub fn certificate_unreadable(lang: Lang, reason: &str) -> String {
    match lang {
        Lang::De => format!(
            "Ob das Zertifikat fällig ist, lässt sich nicht sagen, weil ein Modul nicht gelesen werden kann: {reason}"
        ),
        Lang::En => format!(
            "Whether the certificate is due cannot be told because a module cannot be read: {reason}"
        ),
    }
}

/// A certificate of the course was issued before: none is issued again by itself.
pub fn certificate_already(lang: Lang, date: &str) -> String {
    match lang {
        Lang::De => format!(
            "Das Zertifikat dieses Kurses wurde schon am {date} ausgestellt; ein neues mit deinen jetzigen Ergebnissen stellt „kurs certificates issue --again“ aus."
        ),
        Lang::En => format!(
            "The certificate of this course was issued on {date} already; “kurs certificates issue --again” issues a new one with your results as they are now."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_certificate_date_is_written_in_words_in_both_languages() {
        let date = jiff::civil::date(1990, 3, 14);
        assert_eq!(long_date(Lang::De, date), "14. März 1990");
        assert_eq!(long_date(Lang::En, date), "14 March 1990");
    }
}
