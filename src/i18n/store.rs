//! Notices about the progress file and its folder, and learning records waiting in the outbox.

use super::Lang;

/// "12 Einträge warten auf Übertragung": learning records the LRS could not be reached for.
pub fn records_waiting(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::De, 1) => "1 Eintrag wartet auf Übertragung.".to_string(),
        (Lang::De, n) => format!("{n} Einträge warten auf Übertragung."),
        (Lang::En, 1) => "1 learning record is waiting to be sent.".to_string(),
        (Lang::En, n) => format!("{n} learning records are waiting to be sent."),
    }
}

/// A learning record that could not be written to the outbox; `reason` is the outbox's sentence.
pub fn records_not_saved(lang: Lang, reason: &str) -> String {
    let reason = crate::safe_text::single_line(reason);
    match lang {
        Lang::De => format!(
            "Lerneinträge können nicht gespeichert werden ({reason}); sie bleiben bis zum Ende dieser Sitzung im Speicher."
        ),
        Lang::En => format!(
            "Learning records cannot be saved ({reason}); they are kept in memory until this session ends."
        ),
    }
}

/// What the learner is told about their progress file, in one sentence on one line. File names
/// and system messages in it may hold anything; their control characters never reach a terminal.
pub fn store_notice(lang: Lang, notice: &crate::progress::store::StoreNotice) -> String {
    crate::safe_text::single_line(&store_notice_sentence(lang, notice))
}

fn store_notice_sentence(lang: Lang, notice: &crate::progress::store::StoreNotice) -> String {
    use crate::progress::store::{MAX_FILE_SIZE, StoreNotice};
    match (notice, lang) {
        (StoreNotice::MovedAside { path, kept_as, .. }, Lang::De) => format!(
            "Die Fortschrittsdatei {} war beschädigt; sie wurde unverändert als {} aufbewahrt und ein neuer Fortschritt begonnen.",
            path.display(),
            kept_as.display()
        ),
        (StoreNotice::MovedAside { path, kept_as, .. }, Lang::En) => format!(
            "The progress file {} was damaged; it was kept unchanged as {} and a new progress was started.",
            path.display(),
            kept_as.display()
        ),
        (StoreNotice::NewerVersion { path, version }, Lang::De) => format!(
            "Die Fortschrittsdatei {} stammt von einer neueren kurs-Version (Format {version}); kurs zeigt sie nur an und speichert nichts.",
            path.display()
        ),
        (StoreNotice::NewerVersion { path, version }, Lang::En) => format!(
            "The progress file {} was written by a newer kurs (format {version}); kurs only reads it and saves nothing.",
            path.display()
        ),
        (StoreNotice::NotSaved { path, reason }, Lang::De) => format!(
            "Fortschritt wird nicht gespeichert: {} ist nicht beschreibbar ({reason}).",
            path.display()
        ),
        (StoreNotice::NotSaved { path, reason }, Lang::En) => format!(
            "Progress is not being saved: {} cannot be written ({reason}).",
            path.display()
        ),
        (StoreNotice::Unreadable { path, reason }, Lang::De) => format!(
            "Die Fortschrittsdatei {} kann nicht gelesen werden ({reason}); sie bleibt unangetastet und nichts wird gespeichert.",
            path.display()
        ),
        (StoreNotice::Unreadable { path, reason }, Lang::En) => format!(
            "The progress file {} cannot be read ({reason}); it is left untouched and nothing is saved.",
            path.display()
        ),
        (StoreNotice::Damaged { path }, Lang::De) => format!(
            "Die Fortschrittsdatei {} ist beschädigt; sie bleibt hier unverändert liegen, und der Player bewahrt sie beim nächsten Start auf und beginnt neu.",
            path.display()
        ),
        (StoreNotice::Damaged { path }, Lang::En) => format!(
            "The progress file {} is damaged; it is left as it is here, and the player keeps it aside and starts afresh at its next start.",
            path.display()
        ),
        (StoreNotice::NotOurs { path, what }, Lang::De) => format!(
            "Die Datei {} im Fortschrittsordner stammt nicht von kurs ({}); kurs lässt sie unangetastet und speichert nichts an ihrer Stelle, bis sie woandershin verschoben ist.",
            path.display(),
            not_ours(lang, *what)
        ),
        (StoreNotice::NotOurs { path, what }, Lang::En) => format!(
            "The file {} in the progress folder was not written by kurs ({}); kurs leaves it untouched and saves nothing in its place until it is moved elsewhere.",
            path.display(),
            not_ours(lang, *what)
        ),
        (StoreNotice::FolderRefused { folder, problem }, Lang::De) => format!(
            "Fortschritt wird nicht gespeichert: Dem Fortschrittsordner {} vertraut kurs nicht, weil {}; {}.",
            folder.display(),
            folder_problem(lang, *problem),
            folder_fix(lang, *problem, folder)
        ),
        (StoreNotice::FolderRefused { folder, problem }, Lang::En) => format!(
            "Progress is not being saved: kurs does not trust the progress folder {} because {}; {}.",
            folder.display(),
            folder_problem(lang, *problem),
            folder_fix(lang, *problem, folder)
        ),
        (StoreNotice::Busy { path }, Lang::De) => format!(
            "Ein anderes kurs verwendet gerade diesen Fortschritt ({}); die Antworten bleiben erhalten und werden gespeichert, sobald er frei ist – dazu das andere kurs beenden, falls es nicht mehr gebraucht wird.",
            path.display()
        ),
        (StoreNotice::Busy { path }, Lang::En) => format!(
            "Another kurs is using this progress ({}); your answers are kept and saved as soon as it lets go, so close the other kurs if it is no longer needed.",
            path.display()
        ),
        (StoreNotice::TooLarge { path, .. }, Lang::De) => format!(
            "Fortschritt wird nicht gespeichert: {} würde größer als {} MiB, mehr als kurs wieder liest, und behält darum den zuletzt gespeicherten Stand; mit „kurs progress reset KURS“ beginnt dieser Kurs neu.",
            path.display(),
            MAX_FILE_SIZE / (1024 * 1024)
        ),
        (StoreNotice::TooLarge { path, .. }, Lang::En) => format!(
            "Progress is not being saved: {} would grow beyond {} MiB, more than kurs reads back, so it keeps what was saved last; `kurs progress reset COURSE` starts this course afresh.",
            path.display(),
            MAX_FILE_SIZE / (1024 * 1024)
        ),
    }
}

fn not_ours(lang: Lang, what: crate::progress::store::NotOurs) -> &'static str {
    use crate::progress::store::NotOurs;
    match (what, lang) {
        (NotOurs::Link, Lang::De) => "ein symbolischer Link",
        (NotOurs::Link, Lang::En) => "a symbolic link",
        (NotOurs::NotAFile, Lang::De) => "keine gewöhnliche Datei",
        (NotOurs::NotAFile, Lang::En) => "not a regular file",
        (NotOurs::Content, Lang::De) => "ihr Inhalt ist keine Fortschrittsdatei von kurs",
        (NotOurs::Content, Lang::En) => "its content is not a kurs progress file",
    }
}

pub(super) fn folder_problem(
    lang: Lang,
    problem: crate::progress::store::FolderProblem,
) -> &'static str {
    use crate::progress::store::FolderProblem;
    match (problem, lang) {
        (FolderProblem::Link, Lang::De) => "er ein symbolischer Link ist",
        (FolderProblem::Link, Lang::En) => "it is a symbolic link",
        (FolderProblem::NotAFolder, Lang::De) => {
            "an seiner Stelle etwas anderes als ein Ordner steht"
        }
        (FolderProblem::NotAFolder, Lang::En) => "something other than a folder has its name",
        (FolderProblem::Owner, Lang::De) => "er einem anderen Benutzer gehört",
        (FolderProblem::Owner, Lang::En) => "it belongs to another user",
        (FolderProblem::Writable, Lang::De) => "auch andere Benutzer darin schreiben dürfen",
        (FolderProblem::Writable, Lang::En) => "other users may write in it",
    }
}

fn folder_fix(
    lang: Lang,
    problem: crate::progress::store::FolderProblem,
    folder: &std::path::Path,
) -> String {
    use crate::progress::store::FolderProblem;
    match (problem, lang) {
        (FolderProblem::Writable, Lang::De) => {
            format!("„chmod go-w {}“ behebt das", folder.display())
        }
        (FolderProblem::Writable, Lang::En) => {
            format!("`chmod go-w {}` fixes that", folder.display())
        }
        (_, Lang::De) => "wird er woandershin verschoben, legt kurs einen eigenen an".to_owned(),
        (_, Lang::En) => "move it elsewhere and kurs makes its own".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::store::{FolderProblem, NotOurs, StoreNotice};
    use std::path::PathBuf;

    /// Every notice about the progress, in both languages: one sentence that names the file.
    #[test]
    fn every_store_notice_is_one_sentence_naming_the_file() {
        let path = PathBuf::from("/home/a/.local/state/kurs/progress/kurs-en.toml");
        let mut notices = vec![
            StoreNotice::MovedAside {
                path: path.clone(),
                kept_as: path.with_extension("toml.damaged-20261128T170512Z"),
                reason: "not TOML".into(),
            },
            StoreNotice::NewerVersion {
                path: path.clone(),
                version: 9,
            },
            StoreNotice::NotSaved {
                path: path.clone(),
                reason: "No space left on device".into(),
            },
            StoreNotice::Unreadable {
                path: path.clone(),
                reason: "Permission denied".into(),
            },
            StoreNotice::Damaged { path: path.clone() },
            StoreNotice::Busy { path: path.clone() },
            StoreNotice::TooLarge {
                path: path.clone(),
                size: 17 << 20,
            },
        ];
        for what in [NotOurs::Link, NotOurs::NotAFile, NotOurs::Content] {
            notices.push(StoreNotice::NotOurs {
                path: path.clone(),
                what,
            });
        }
        for problem in [
            FolderProblem::Link,
            FolderProblem::NotAFolder,
            FolderProblem::Owner,
            FolderProblem::Writable,
        ] {
            notices.push(StoreNotice::FolderRefused {
                folder: path.clone(),
                problem,
            });
        }
        for notice in &notices {
            for lang in [Lang::De, Lang::En] {
                let text = store_notice(lang, notice);
                let body = text.strip_suffix('.').unwrap_or_else(|| panic!("{text}"));
                assert!(!body.contains(". ") && !body.contains('\n'), "{text}");
                assert!(text.contains(&path.display().to_string()), "{text}");
            }
        }
    }
}
