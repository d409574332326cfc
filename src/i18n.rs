//! Every string of the learner's user interface, in German and in English.
//! Each entry is a pair, so a missing translation does not compile.

use crate::progress::status::ModuleStatus;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Lang {
    De,
    En,
}

impl Lang {
    /// The UI language for a BCP 47 tag: `de`, `de-AT`, … → German; `en-GB` → English.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split('-').next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "de" => Some(Lang::De),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

macro_rules! texts {
    ($($name:ident => $de:literal, $en:literal;)*) => {
        /// Fixed UI strings.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum T { $($name,)* }

        impl T {
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((T::$name, Lang::De) => $de, (T::$name, Lang::En) => $en,)*
                }
            }
        }
    };
}

texts! {
    AppName => "kurs", "kurs";
    Library => "Kursübersicht", "Courses";
    QuizDefaultTitle => "Mein Wissen üben", "Practice what you learned";
    Learned => "Gelernt", "Learned";
    MarkLearned => "Gelernt", "Mark as learned";
    LearnedDone => "✓ Gelernt", "✓ Learned";
    Correct => "✓ Richtig", "✓ Correct";
    Wrong => "✗ Leider falsch", "✗ Sorry, that is wrong";
    RightAnswer => "Richtige Antwort", "Right answer";
    YourAnswer => "Deine Antwort", "Your answer";
    Explanation => "Erklärung", "Explanation";
    True => "Wahr", "True";
    False => "Falsch", "False";
    Passed => "Bestanden", "Passed";
    NotPassed => "Nicht bestanden", "Not passed";
    Result => "Ergebnis", "Result";
    StatusNotStarted => "nicht begonnen", "not started";
    StatusInProgress => "begonnen", "in progress";
    StatusLearned => "gelernt", "learned";
    StatusPassed => "bestanden", "passed";
    NoQuiz => "Dieses Modul hat kein Quiz.", "This module has no quiz.";
    TypeAnswer => "Antwort eingeben", "Type your answer";
    OrderHint => "Mit Umschalt+↑/↓ oder +/- verschieben", "Move with Shift+↑/↓ or +/-";
    MultipleHint => "Alle richtigen Antworten ankreuzen", "Tick every right answer";
    SingleHint => "Eine Antwort wählen", "Pick one answer";
    TrueFalseHint => "Stimmt die Aussage?", "Is the statement true?";
    ChangedQuestion => "Frage wurde geändert", "question has changed";
    Help => "Hilfe", "Help";
    HelpClose => "Esc oder ? schließt die Hilfe", "Esc or ? closes the help";
    HelpMoreBelow => "↓ mehr", "↓ more";
    HelpMoreAbove => "↑ mehr", "↑ more";
    TooSmall => "Das Fenster ist zu klein.", "The window is too small.";
    TooSmallHint => "Bitte vergrößern.", "Please make it larger.";
    KeyQuit => "beenden", "quit";
    KeyBack => "zurück", "back";
    KeyOpen => "öffnen", "open";
    KeyToggle => "auf/zu", "open/close";
    KeyAll => "alle auf/zu", "all open/closed";
    KeyPractice => "üben", "practise";
    KeyLearned => "gelernt", "learned";
    KeyHelp => "Hilfe", "help";
    KeyCheck => "prüfen", "check";
    KeyNext => "weiter", "next";
    KeyPick => "wählen", "pick";
    KeyMove => "verschieben", "move";
    KeyScroll => "blättern", "scroll";
    KeyRepeatWrong => "Falsche wiederholen", "repeat wrong ones";
    KeyRepeatAll => "alle wiederholen", "repeat all";
    KeyMoveFocus => "Auswahl bewegen", "move selection";
    KeyFirstLast => "Anfang/Ende", "first/last";
    KeyPage => "Seite hoch/runter", "page up/down";
    KeyQuitAnywhere => "sofort beenden", "quit at once";
    KeyEdit => "Text bearbeiten", "edit text";
    KeyMouse => "Maus", "Mouse";
    KeyClick => "Mausklick auf Überschrift: auf/zu", "mouse click on a heading: open/close";
    KeyWheel => "Mausrad: blättern", "mouse wheel: scroll";
    KeyLetters => "Buchstaben", "letters";
    KeyHowToQuit => "sagt, wie kurs endet", "says how to quit";
    QuitHint => "Die Kursübersicht ist die oberste Ebene: q beendet kurs.", "The course list is the top level: q quits kurs.";
    KeyType => "Antwort schreiben", "type the answer";
    HelpCloseKeys => "Hilfe schließen", "close help";
    KeyClickSelect => "Mausklick: wählen, noch einmal: öffnen", "mouse click: select, again: open";
    NotSaving => "Fortschritt wird nicht gespeichert", "progress is not being saved";
    ReadOnly => "nur lesen", "read-only";
    Sections => "Abschnitte", "sections";
    Done => "Fertig", "Done";
    NoCourses => "Keine Kurse gefunden.", "No courses found.";
    Back => "Zurück", "Back";
    Quit => "Beenden", "Quit";
    PlainBack => "zurück", "back";
    PlainQuit => "ende", "quit";
    PlainReadAll => "Alle Abschnitte lesen", "Read all sections";
    PlainReadOne => "Einen Abschnitt lesen", "Read one section";
    PlainTakeQuiz => "Quiz machen", "Take the quiz";
    PlainUnmarkLearned => "„Gelernt“ zurücknehmen", "Unmark as learned";
    PlainEndOfInput => "Eingabe beendet. Fortschritt gespeichert. Tschüss!", "End of input. Progress saved. Goodbye!";
    PlainChooseModule => "Modul wählen", "Choose a module";
    PlainChooseCourse => "Kurs wählen", "Choose a course";
    PlainChooseSection => "Abschnitt wählen", "Choose a section";
    PlainSingleExpected => "Bitte genau eine Nummer eingeben, zum Beispiel 2.", "Please type exactly one number, for example 2.";
    PlainMultipleExpected => "Bitte eine oder mehrere Nummern eingeben, zum Beispiel 1,3 oder 1 3.", "Please type one or more numbers, for example 1,3 or 1 3.";
    PlainTrueFalseExpected => "Bitte „ja“ oder „nein“ eingeben (auch: wahr/falsch).", "Please type “yes” or “no” (also: true/false).";
    PlainOrderExpected => "Bitte alle Nummern in der richtigen Reihenfolge eingeben, zum Beispiel 3 1 2.", "Please type every number in the right order, for example 3 1 2.";
    PlainTextExpected => "Bitte eine Antwort eingeben.", "Please type an answer.";
    PlainPressEnter => "Enter drücken, um weiterzumachen.", "Press Enter to go on.";
    PlainRepeatWrong => "Falsche Antworten wiederholen", "Repeat the wrong ones";
    PlainRepeatAll => "Alle Fragen wiederholen", "Repeat all questions";
    PlainChooseAction => "Aktion wählen", "Choose what to do";
    PlainMarkLearned => "Als „Gelernt“ markieren", "Mark as learned";
    PlainSectionRead => "gelesen", "read";
    PlainAnswerSingle => "Nummer der Antwort eingeben", "Type the number of your answer";
    PlainAnswerMultiple => "Alle richtigen Nummern eingeben, zum Beispiel 1,3", "Type every right number, for example 1,3";
    PlainAnswerTrueFalse => "„ja“ oder „nein“ eingeben", "Type “yes” or “no”";
    PlainAnswerText => "Antwort eingeben", "Type your answer";
    PlainAnswerOrder => "Nummern in der richtigen Reihenfolge eingeben, zum Beispiel 3 1 2", "Type the numbers in the right order, for example 3 1 2";
    PlainGoodbye => "Fortschritt gespeichert. Tschüss!", "Progress saved. Goodbye!";
    PlainGoodbyeNotSaved => "Der Fortschritt konnte nicht gespeichert werden. Tschüss!", "Progress could not be saved. Goodbye!";
    CertTitle => "Teilnahmebescheinigung", "Certificate of Completion";
    CertIntro => "Hiermit wird bescheinigt, dass", "This is to certify that";
    CertTheCourse => "den Kurs", "has completed the course";
    CertWithResults => "mit den folgenden Ergebnissen abgeschlossen hat.", "with the following results.";
    CertModule => "Modul", "Module";
    CertBestScore => "Beste Punktzahl", "Best score";
    CertExam => "Abschlussprüfung", "Final exam";
    CertTimeAdjusted => "Prüfungszeit angepasst", "Exam time adjusted";
    CertCode => "Prüfcode", "Verification code";
    CertSignedWith => "Signiert mit dem Schlüssel", "Signed with the key";
    CertHowToVerify => "Diese Datei trägt ihren signierten Nachweis in sich. Echtheit prüfen mit:", "This file carries its signed credential. Check that it is genuine with:";
    CertVerifyCommand => "kurs verify DATEI.pdf", "kurs verify FILE.pdf";
    CertContinued => "Fortsetzung", "continued";
    CertCriteria => "Alle Module des Kurses gelesen und ihre Quizze bearbeitet; angegeben ist je Modul das beste Ergebnis.", "Read every module of the course and took its quizzes; each module shows the learner's best score.";
    PlainEndOfInputNotSaved => "Eingabe beendet. Der Fortschritt konnte nicht gespeichert werden. Tschüss!", "End of input. Progress could not be saved. Goodbye!";
}

impl T {
    pub fn status(status: ModuleStatus) -> T {
        match status {
            ModuleStatus::NotStarted => T::StatusNotStarted,
            ModuleStatus::InProgress => T::StatusInProgress,
            ModuleStatus::Learned => T::StatusLearned,
            ModuleStatus::Passed => T::StatusPassed,
        }
    }
}

/// Strings with values in them.
pub fn question_counter(lang: Lang, number: usize, total: usize) -> String {
    match lang {
        Lang::De => format!("Frage {number} | {total}"),
        Lang::En => format!("Question {number} | {total}"),
    }
}

/// "Frage 1 von 6": the counter in words, for plain mode (a screen reader reads "|" as a symbol).
pub fn plain_question_counter(lang: Lang, number: usize, total: usize) -> String {
    match lang {
        Lang::De => format!("Frage {number} von {total}"),
        Lang::En => format!("Question {number} of {total}"),
    }
}

/// What a menu takes, with its range: "Bitte eine Zahl von 1 bis 4 eingeben."
pub fn plain_number_expected(lang: Lang, count: usize) -> String {
    match (lang, count) {
        (Lang::De, 1) => "Bitte 1 eingeben, die einzige Nummer der Liste.".to_string(),
        (Lang::De, n) => format!("Bitte eine Zahl von 1 bis {n} eingeben."),
        (Lang::En, 1) => "Please type 1, the only number in the list.".to_string(),
        (Lang::En, n) => format!("Please type a number from 1 to {n}."),
    }
}

pub fn passed_of(lang: Lang, passed: usize, total: usize) -> String {
    match lang {
        Lang::De => format!("{passed} / {total} bestanden"),
        Lang::En => format!("{passed} / {total} passed"),
    }
}

pub fn best_score(lang: Lang, percent: u8) -> String {
    match lang {
        Lang::De => format!("beste Punktzahl {percent} %"),
        Lang::En => format!("best score {percent}%"),
    }
}

/// The score line; a run in which nothing was scored says so instead of a percentage.
pub fn score(lang: Lang, points: u32, max: u32, percent: Option<u32>) -> String {
    match (lang, percent) {
        (Lang::De, Some(percent)) => format!("{points} von {max} Punkten ({percent} %)"),
        (Lang::En, Some(percent)) => format!("{points} of {max} points ({percent}%)"),
        (Lang::De, None) => "Nicht bewertet: keine Frage wurde gewertet".to_string(),
        (Lang::En, None) => "Not scored: no question was scored".to_string(),
    }
}

pub fn pass_mark(lang: Lang, percent: u8) -> String {
    match lang {
        Lang::De => format!("Bestanden ab {percent} %"),
        Lang::En => format!("Pass mark {percent}%"),
    }
}

pub fn learned_on(lang: Lang, date: &str) -> String {
    match lang {
        Lang::De => format!("Gelernt am {date}"),
        Lang::En => format!("Learned on {date}"),
    }
}

pub fn carried_right(lang: Lang, n: usize) -> String {
    match lang {
        Lang::De => format!("✓ {n} Fragen aus dem letzten Versuch schon richtig"),
        Lang::En => format!("✓ {n} questions already right in the last attempt"),
    }
}

pub fn course_errors(lang: Lang, n: usize) -> String {
    match lang {
        Lang::De => format!(
            "{n} Fehler in den Kursdateien; betroffene Module fehlen. `kurs check` zeigt, wo."
        ),
        Lang::En => format!(
            "{n} errors in the course files; the modules concerned are left out. `kurs check` shows where."
        ),
    }
}

/// A module whose file has errors the library screen could not see (they lie past its title).
/// The learner's sentence is in the course's language; the trainer's diagnostic (always in
/// English, as `kurs check` prints it) is quoted as such, marked as meant for the trainer.
pub fn module_errors(lang: Lang, module: &str, place: &str, message: &str, n: usize) -> String {
    match (lang, n) {
        (Lang::De, 1) => format!(
            "„{module}“ lässt sich nicht öffnen: Die Moduldatei hat einen Fehler. Für die Kursleitung: “{place}: {message}”; `kurs check` zeigt, wie er sich beheben lässt."
        ),
        (Lang::De, _) => format!(
            "„{module}“ lässt sich nicht öffnen: Die Moduldatei hat {n} Fehler. Für die Kursleitung, der erste: “{place}: {message}”; `kurs check` zeigt alle."
        ),
        (Lang::En, 1) => format!(
            "“{module}” cannot be opened: its module file has an error. For the trainer: “{place}: {message}”; `kurs check` shows how to fix it."
        ),
        (Lang::En, _) => format!(
            "“{module}” cannot be opened: its module file has {n} errors. For the trainer, the first: “{place}: {message}”; `kurs check` shows them all."
        ),
    }
}

/// The sentence for a module whose file has errors, from the diagnostics `load_module` gave.
pub fn module_unreadable(
    lang: Lang,
    module: &str,
    errors: &[crate::diagnostic::Diagnostic],
) -> String {
    let (place, message) = errors.first().map_or_else(
        || (String::new(), String::new()),
        |d| {
            (
                format!("{}:{}:{}", d.file.display(), d.line, d.column),
                d.message.clone(),
            )
        },
    );
    module_errors(lang, module, &place, &message, errors.len())
}

pub fn attempts(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::De, 1) => "1 Versuch".to_string(),
        (Lang::De, n) => format!("{n} Versuche"),
        (Lang::En, 1) => "1 attempt".to_string(),
        (Lang::En, n) => format!("{n} attempts"),
    }
}

/// The state of a module's questions from the last answers: right, and changed since answered.
pub fn answered_summary(lang: Lang, right: usize, total: usize, changed: usize) -> String {
    let mut text = match lang {
        Lang::De => format!("Deine letzten Antworten: {right} von {total} richtig"),
        Lang::En => format!("Your last answers: {right} of {total} right"),
    };
    if changed > 0 {
        text.push_str(&match (lang, changed) {
            (Lang::De, 1) => " · 1 Frage wurde seitdem geändert".to_string(),
            (Lang::De, n) => format!(" · {n} Fragen wurden seitdem geändert"),
            (Lang::En, 1) => " · 1 question has changed since".to_string(),
            (Lang::En, n) => format!(" · {n} questions have changed since"),
        });
    }
    text
}

/// The symbol that goes with each status, the same in every language; the word is always
/// shown beside it, so no state is told by a symbol alone.
pub fn status_symbol(status: ModuleStatus) -> &'static str {
    match status {
        ModuleStatus::NotStarted => "○",
        ModuleStatus::InProgress => "◐",
        ModuleStatus::Learned => "●",
        ModuleStatus::Passed => "✓",
    }
}

pub fn too_small(lang: Lang, width: u16, height: u16) -> String {
    match lang {
        Lang::De => format!("Mindestens {width}×{height} Zeichen nötig."),
        Lang::En => format!("At least {width}×{height} characters needed."),
    }
}

pub fn plain_prompt(lang: Lang, what: &str) -> String {
    let back = T::PlainBack.get(lang);
    let quit = T::PlainQuit.get(lang);
    match lang {
        Lang::De => format!("{what}: Nummer eingeben, „{back}“ oder „{quit}“ > "),
        Lang::En => format!("{what}: type a number, “{back}” or “{quit}” > "),
    }
}

pub fn module_state_sentence(
    lang: Lang,
    label: &str,
    status: ModuleStatus,
    best: Option<u8>,
) -> String {
    let status = T::status(status).get(lang);
    match (lang, best) {
        (Lang::De, Some(p)) => format!("Modul {label}: {status}, beste Punktzahl {p} %"),
        (Lang::De, None) => format!("Modul {label}: {status}"),
        (Lang::En, Some(p)) => format!("Module {label}: {status}, best score {p}%"),
        (Lang::En, None) => format!("Module {label}: {status}"),
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

fn folder_problem(lang: Lang, problem: crate::progress::store::FolderProblem) -> &'static str {
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

/// The prompt under a quiz question: what to type, and the marked words that leave (a bare word
/// is an answer there).
pub fn plain_answer_prompt(lang: Lang, what: &str) -> String {
    let back = T::PlainBack.get(lang);
    let quit = T::PlainQuit.get(lang);
    match lang {
        Lang::De => format!("{what} (oder „/{back}“, „/{quit}“) > "),
        Lang::En => format!("{what} (or “/{back}”, “/{quit}”) > "),
    }
}

/// Said at the start of plain mode when the learner comes back to where they stopped.
pub fn plain_resume(lang: Lang, label: &str, section: Option<&str>) -> String {
    match (lang, section) {
        (Lang::De, Some(section)) => format!("Weiter bei Modul {label}, Abschnitt „{section}“."),
        (Lang::De, None) => format!("Weiter bei Modul {label}."),
        (Lang::En, Some(section)) => {
            format!("Continuing with module {label}, section “{section}”.")
        }
        (Lang::En, None) => format!("Continuing with module {label}."),
    }
}

/// "Abschnitt 2 von 4: Gruppen", so a listener knows where in the module they are.
pub fn plain_section_heading(lang: Lang, number: usize, total: usize, title: &str) -> String {
    match lang {
        Lang::De => format!("Abschnitt {number} von {total}: {title}"),
        Lang::En => format!("Section {number} of {total}: {title}"),
    }
}

/// Introduces the feedback a trainer wrote for one picked choice.
pub fn plain_feedback_on(lang: Lang, choice: &str) -> String {
    match lang {
        Lang::De => format!("Zu „{choice}“:"),
        Lang::En => format!("On “{choice}”:"),
    }
}

/// Before the first question: the quiz's title, how many questions, and the pass mark.
pub fn plain_quiz_intro(lang: Lang, title: &str, questions: usize, pass_percent: u8) -> String {
    let mark = pass_mark(lang, pass_percent);
    match (lang, questions) {
        (Lang::De, 1) => format!("{title}: 1 Frage. {mark}."),
        (Lang::De, n) => format!("{title}: {n} Fragen. {mark}."),
        (Lang::En, 1) => format!("{title}: 1 question. {mark}."),
        (Lang::En, n) => format!("{title}: {n} questions. {mark}."),
    }
}

/// In a repeat of the wrong ones: the questions already right count towards the score.
pub fn plain_carried(lang: Lang, questions: usize) -> String {
    match (lang, questions) {
        (Lang::De, 1) => {
            "Eine Frage war schon im letzten Versuch richtig; sie zählt mit.".to_string()
        }
        (Lang::De, n) => {
            format!("{n} Fragen waren schon im letzten Versuch richtig; sie zählen mit.")
        }
        (Lang::En, 1) => {
            "One question was already right in the last attempt; it counts.".to_string()
        }
        (Lang::En, n) => {
            format!("{n} questions were already right in the last attempt; they count.")
        }
    }
}

/// "92 %" in German (a space before the sign, as German writes it), "92%" in English.
pub fn percent(lang: Lang, percent: u8) -> String {
    match lang {
        Lang::De => format!("{percent} %"),
        Lang::En => format!("{percent}%"),
    }
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

    #[test]
    fn a_certificate_date_is_written_in_words_in_both_languages() {
        let date = jiff::civil::date(1990, 3, 14);
        assert_eq!(long_date(Lang::De, date), "14. März 1990");
        assert_eq!(long_date(Lang::En, date), "14 March 1990");
    }
}
