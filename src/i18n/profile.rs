//! The learner's profile and `kurs profile`: what it is for, what is wrong with it, and what
//! was saved or deleted.

use super::Lang;
use super::certificate::characters_named;
use super::store::folder_problem;

/// Why kurs keeps the learner's profile, and where: shown with the profile, and by a player
/// that asks for it.
pub fn profile_explanation(lang: Lang, path: &std::path::Path) -> String {
    let path = crate::safe_text::name(&path.display().to_string());
    match lang {
        Lang::De => format!(
            "Name und Geburtsdatum werden für Zertifikate gebraucht und nur auf diesem Computer gespeichert, in {path}."
        ),
        Lang::En => format!(
            "Your name and date of birth are needed for certificates and are stored only on this computer, in {path}."
        ),
    }
}

/// One problem with a typed profile, in one sentence.
pub fn profile_problem(lang: Lang, problem: &crate::profile::ProfileProblem) -> String {
    crate::safe_text::single_line(&profile_problem_sentence(lang, problem))
}

fn profile_problem_sentence(lang: Lang, problem: &crate::profile::ProfileProblem) -> String {
    use crate::profile::ProfileProblem as P;
    use crate::profile::{EARLIEST_BIRTH_DATE, Field, MAX_EMAIL_CHARS, MAX_NAME_CHARS};
    let year = EARLIEST_BIRTH_DATE.year();
    match (problem, lang) {
        (P::NameMissing, Lang::De) => {
            "Es gibt noch kein Profil, darum wird auch der Name gebraucht: --name \"Dein Name\" ergänzen.".to_owned()
        }
        (P::NameMissing, Lang::En) => {
            "There is no profile yet, so a name is needed too: add --name \"Your Name\".".to_owned()
        }
        (P::BirthDateMissing, Lang::De) => {
            "Es gibt noch kein Profil, darum wird auch das Geburtsdatum gebraucht: --birth-date JJJJ-MM-TT ergänzen.".to_owned()
        }
        (P::BirthDateMissing, Lang::En) => {
            "There is no profile yet, so a birth date is needed too: add --birth-date YYYY-MM-DD.".to_owned()
        }
        (P::NameEmpty, Lang::De) => {
            "Der Name ist leer; bitte den Namen so eingeben, wie er auf Zertifikaten stehen soll.".to_owned()
        }
        (P::NameEmpty, Lang::En) => {
            "The name is empty; please type your name as it should appear on certificates.".to_owned()
        }
        (
            P::NameNotPrintable {
                right_to_left: true,
                ..
            },
            Lang::De,
        ) => "Der Name ist von rechts nach links geschrieben, was Zertifikate noch nicht drucken können; bitte in lateinischen Buchstaben eingeben, wie im Ausweis.".to_owned(),
        (
            P::NameNotPrintable {
                right_to_left: true,
                ..
            },
            Lang::En,
        ) => "The name is written right to left, which certificates cannot print yet; please type it in Latin letters, as in your passport.".to_owned(),
        (P::NameNotPrintable { characters, .. }, Lang::De) => format!(
            "Das Zertifikat kann {} im Namen nicht drucken; bitte den Namen in lateinischen, griechischen oder kyrillischen Buchstaben eingeben, wie im Ausweis.",
            characters_named(lang, characters)
        ),
        (P::NameNotPrintable { characters, .. }, Lang::En) => format!(
            "The certificate cannot print {} in the name; please type the name in Latin, Greek or Cyrillic letters, as in your passport.",
            characters_named(lang, characters)
        ),
        (P::NameTooLong { chars }, Lang::De) => format!(
            "Der Name ist {chars} Zeichen lang, mehr als die {MAX_NAME_CHARS}, die kurs speichert; bitte kürzen."
        ),
        (P::NameTooLong { chars }, Lang::En) => format!(
            "The name is {chars} characters long, more than the {MAX_NAME_CHARS} kept; please shorten it."
        ),
        (
            P::UnsafeCharacter {
                field,
                character,
                position,
            },
            Lang::De,
        ) => {
            let field = match field {
                Field::Name => "Der Name",
                Field::Email => "Die E-Mail",
            };
            let code = format!("U+{:04X}", u32::from(*character));
            let what = match crate::safe_text::invisible_name(*character) {
                Some(name) => format!("ein unsichtbares Zeichen ({code}, {name})"),
                None => format!("ein Steuerzeichen ({code})"),
            };
            format!(
                "{field} enthält {what} an Stelle {position}; bitte ohne dieses Zeichen neu eingeben."
            )
        }
        (
            P::UnsafeCharacter {
                field,
                character,
                position,
            },
            Lang::En,
        ) => {
            let field = match field {
                Field::Name => "name",
                Field::Email => "email",
            };
            let code = format!("U+{:04X}", u32::from(*character));
            let what = match crate::safe_text::invisible_name(*character) {
                Some(name) => format!("an invisible character ({code}, {name})"),
                None => format!("a control character ({code})"),
            };
            format!(
                "The {field} contains {what} at character {position}; please type it again without it."
            )
        }
        (P::BirthDateNotIso { input }, Lang::De) => format!(
            "„{input}“ ist kein Datum in der Form JJJJ-MM-TT, zum Beispiel 1990-01-31 für den 31. Januar 1990."
        ),
        (P::BirthDateNotIso { input }, Lang::En) => format!(
            "“{input}” is not a date written as YYYY-MM-DD, for example 1990-01-31 for 31 January 1990."
        ),
        (P::BirthDateNoSuchDay { input }, Lang::De) => format!(
            "Den Tag {input} gibt es im Kalender nicht; bitte das Geburtsdatum prüfen."
        ),
        (P::BirthDateNoSuchDay { input }, Lang::En) => format!(
            "There is no day {input} in the calendar; please check the birth date."
        ),
        (P::BirthDateInFuture { date }, Lang::De) => format!(
            "Das Geburtsdatum {date} liegt in der Zukunft; bitte das Jahr prüfen."
        ),
        (P::BirthDateInFuture { date }, Lang::En) => format!(
            "The birth date {date} lies in the future; please check the year."
        ),
        (P::BirthDateTooEarly { date }, Lang::De) => format!(
            "Das Geburtsdatum {date} liegt vor {year}; bitte das Jahr prüfen."
        ),
        (P::BirthDateTooEarly { date }, Lang::En) => format!(
            "The birth date {date} is before {year}; please check the year."
        ),
        (P::EmailNotAnAddress { input }, Lang::De) => format!(
            "„{input}“ ist keine E-Mail-Adresse (sie braucht ein @ mit etwas davor und danach und keine Leerzeichen); ohne E-Mail einfach weglassen."
        ),
        (P::EmailNotAnAddress { input }, Lang::En) => format!(
            "“{input}” is not an email address (it needs an @ with something before and after it, and no spaces); leave the email out if you have none."
        ),
        (P::EmailTooLong { chars }, Lang::De) => format!(
            "Die E-Mail ist {chars} Zeichen lang, mehr als die {MAX_EMAIL_CHARS}, die eine Adresse haben kann; bitte prüfen."
        ),
        (P::EmailTooLong { chars }, Lang::En) => format!(
            "The email is {chars} characters long, more than the {MAX_EMAIL_CHARS} an address can have; please check it."
        ),
    }
}

/// Why the profile could not be read, saved or deleted, in one sentence naming the file.
pub fn profile_error(lang: Lang, error: &crate::profile::ProfileError) -> String {
    crate::safe_text::single_line(&profile_error_sentence(lang, error))
}

fn profile_error_sentence(lang: Lang, error: &crate::profile::ProfileError) -> String {
    use crate::profile::ProfileError as E;
    use crate::progress::store::NotOurs;
    match (error, lang) {
        (E::SameAsIndex { path }, Lang::De) => format!(
            "Die Fortschrittsdatei {} heißt selbst profile.toml, so wie das Profil daneben heißen müsste; bitte mit --progress einen anderen Namen wählen.",
            path.display()
        ),
        (E::SameAsIndex { path }, Lang::En) => format!(
            "The progress file {} is itself named profile.toml, the name the profile beside it needs; please choose another name with --progress.",
            path.display()
        ),
        (E::FolderRefused { folder, problem }, Lang::De) => format!(
            "Das Profil wird nicht im Ordner {} gelesen oder gespeichert, weil {}; bitte mit --progress eine Fortschrittsdatei in einem Ordner wählen, in dem nur du schreiben darfst.",
            folder.display(),
            folder_problem(lang, *problem)
        ),
        (E::FolderRefused { folder, problem }, Lang::En) => format!(
            "The profile is not read or saved in the folder {} because {}; please choose a progress file with --progress in a folder only you may write in.",
            folder.display(),
            folder_problem(lang, *problem)
        ),
        (E::NotOurs { path, what }, Lang::De) => {
            let what = match what {
                NotOurs::Link => "ein symbolischer Link",
                NotOurs::NotAFile => "keine gewöhnliche Datei",
                NotOurs::Content => "ihr Inhalt ist kein Profil von kurs",
            };
            format!(
                "{} stammt nicht von kurs ({what}); kurs lässt es unangetastet und speichert kein Profil, bis es woandershin verschoben ist.",
                path.display()
            )
        }
        (E::NotOurs { path, what }, Lang::En) => {
            let what = match what {
                NotOurs::Link => "a symbolic link",
                NotOurs::NotAFile => "not a regular file",
                NotOurs::Content => "its content is not a kurs profile",
            };
            format!(
                "{} was not written by kurs ({what}); kurs leaves it untouched and keeps no profile until it is moved elsewhere.",
                path.display()
            )
        }
        (E::Newer { path, version }, Lang::De) => format!(
            "Das Profil {} stammt von einer neueren kurs-Version (Format {version}); diese Version liest und ändert es nicht.",
            path.display()
        ),
        (E::Newer { path, version }, Lang::En) => format!(
            "The profile {} was written by a newer kurs (format {version}); this kurs neither reads nor changes it.",
            path.display()
        ),
        (E::Damaged { path, kept_as, .. }, Lang::De) => format!(
            "Das Profil {} war beschädigt; es wurde unverändert als {} aufbewahrt, und es ist kein Profil mehr gespeichert.",
            path.display(),
            kept_as.display()
        ),
        (E::Damaged { path, kept_as, .. }, Lang::En) => format!(
            "The profile {} was damaged; it was kept unchanged as {} and no profile is stored now.",
            path.display(),
            kept_as.display()
        ),
        (E::Unreadable { path, reason }, Lang::De) => format!(
            "Das Profil {} kann nicht gelesen werden ({reason}); es bleibt unangetastet.",
            path.display()
        ),
        (E::Unreadable { path, reason }, Lang::En) => format!(
            "The profile {} cannot be read ({reason}); it is left untouched.",
            path.display()
        ),
        (E::Busy { path }, Lang::De) => format!(
            "Ein anderes kurs ändert gerade das Profil {}; bitte gleich noch einmal versuchen.",
            path.display()
        ),
        (E::Busy { path }, Lang::En) => format!(
            "Another kurs is changing the profile {} right now; please try again in a moment.",
            path.display()
        ),
        (E::NotSaved { path, reason }, Lang::De) => format!(
            "Das Profil konnte nicht gespeichert werden: {} ist nicht beschreibbar ({reason}).",
            path.display()
        ),
        (E::NotSaved { path, reason }, Lang::En) => format!(
            "The profile could not be saved: {} cannot be written ({reason}).",
            path.display()
        ),
        (E::Invalid(problem), _) => profile_problem_sentence(lang, problem),
    }
}

/// What `kurs profile` says when no profile is stored.
pub fn profile_none(lang: Lang) -> &'static str {
    match lang {
        Lang::De => {
            "Es ist noch kein Profil gespeichert. Anlegen mit: kurs profile set --name \"Erika Mustermann\" --birth-date 1990-01-31 [--email ADRESSE]"
        }
        Lang::En => {
            "No profile is stored yet. Set it with: kurs profile set --name \"Erika Mustermann\" --birth-date 1990-01-31 [--email ADDRESS]"
        }
    }
}

/// The labels of `kurs profile`'s lines, and the word for an email not given.
pub fn profile_labels(lang: Lang) -> [&'static str; 4] {
    match lang {
        Lang::De => ["Name", "Geburtsdatum", "E-Mail", "keine"],
        Lang::En => ["Name", "Birth date", "Email", "none"],
    }
}

pub fn profile_saved(lang: Lang, path: &std::path::Path) -> String {
    let path = crate::safe_text::name(&path.display().to_string());
    match lang {
        Lang::De => format!("Profil gespeichert in {path}."),
        Lang::En => format!("Profile saved in {path}."),
    }
}

pub fn profile_deleted(lang: Lang, path: &std::path::Path, deleted: bool) -> String {
    let path = crate::safe_text::name(&path.display().to_string());
    match (lang, deleted) {
        (Lang::De, true) => format!("Das Profil {path} wurde gelöscht."),
        (Lang::En, true) => format!("The profile {path} was deleted."),
        (Lang::De, false) => {
            format!("In {path} ist kein Profil gespeichert; nichts wurde gelöscht.")
        }
        (Lang::En, false) => format!("No profile is stored in {path}; nothing was deleted."),
    }
}

pub fn profile_delete_needs_yes(lang: Lang, path: &std::path::Path) -> String {
    let path = crate::safe_text::name(&path.display().to_string());
    match lang {
        Lang::De => format!(
            "Zum Löschen des Profils {path} bitte --yes ergänzen (kurs profile delete --yes); nichts wurde gelöscht."
        ),
        Lang::En => format!(
            "To delete the profile {path}, add --yes (kurs profile delete --yes); nothing was deleted."
        ),
    }
}

pub fn profile_nothing_to_set(lang: Lang) -> &'static str {
    match lang {
        Lang::De => {
            "Nichts zu setzen: bitte --name, --birth-date oder --email angeben, zum Beispiel kurs profile set --name \"Erika Mustermann\" --birth-date 1990-01-31."
        }
        Lang::En => {
            "Nothing to set: please give --name, --birth-date or --email, for example kurs profile set --name \"Erika Mustermann\" --birth-date 1990-01-31."
        }
    }
}

pub fn profile_no_folder(lang: Lang) -> &'static str {
    match lang {
        Lang::De => {
            "Kein Ordner für die Fortschrittsdatei bekannt; bitte einen mit --progress DATEI angeben."
        }
        Lang::En => {
            "No folder for the progress file is known; please give one with --progress FILE."
        }
    }
}
