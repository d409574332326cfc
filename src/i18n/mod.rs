//! Every string of the learner's user interface, in German and in English.
//! Each entry is a pair, so a missing translation does not compile.
//!
//! Here: the language, the fixed strings `T`, and the words for numbers, points and scores that
//! every part uses. The sentences with values in them live beside, one file per job: the
//! player's screens, plain mode, the exam, certificates, the profile, progress notices,
//! `kurs report`, and the authoring commands.

use crate::progress::status::ModuleStatus;

mod author;
mod certificate;
mod exam;
mod plain;
mod profile;
mod report;
mod screens;
mod store;

pub use author::*;
pub use certificate::*;
pub use exam::*;
pub use plain::*;
pub use profile::*;
pub use report::*;
pub use screens::*;
pub use store::*;

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
    ExamDefaultTitle => "Abschlusstest", "Final test";
    ExamWordFlag => "markieren", "flag";
    ExamWordNext => "weiter", "next";
    ExamWordHandIn => "abgeben", "submit";
    ExamWordMoreTime => "mehrzeit", "moretime";
    ExamWordQuestion => "frage", "question";
    ExamHelpAnswer => "beantwortet die Frage; eine Antwort lässt sich jederzeit ändern", "answers the question; an answer can be changed at any time";
    ExamHelpFlag => "markiert die Frage (oder nimmt die Markierung weg), um später zurückzukommen", "flags the question (or removes the flag) to come back to it";
    ExamHelpNext => "zur nächsten Frage, ohne zu antworten", "to the next question, without answering";
    ExamHelpBack => "zur vorigen Frage", "to the previous question";
    ExamHelpQuestion => "zu Frage N", "to question N";
    ExamHelpHandIn => "zeigt, was offen ist, und gibt ab", "shows what is open, and hands in";
    ExamHelpMoreTime => "in der letzten Minute: fünf Minuten mehr", "in the last minute: five more minutes";
    ExamHelpQuit => "beendet kurs; der Test ist gespeichert und geht mit der restlichen Zeit weiter", "ends kurs; the test is saved and goes on with the time that is left";
    ExamFirstQuestion => "Das ist die erste Frage.", "This is the first question.";
    ExamNoSuchQuestion => "Diese Frage gibt es nicht.", "There is no such question.";
    ExamCertificateNotYet => "Für das Zertifikat fehlen noch bestandene Übungen.", "For the certificate some quizzes still have to be passed.";
    ExamNone => "Dieser Kurs hat keinen Abschlusstest.", "This course has no final test.";
    ExamNoQuestions => "Der Abschlusstest hat keine Fragen: Die Kursdateien haben sich geändert. Bitte gib der Kursleitung Bescheid.", "The final test has no questions: the course files have changed. Please tell the trainer.";
    ExamNoFeedback => "Rückmeldung gibt es erst nach der Abgabe. Du kannst Fragen überspringen, zurückgehen, Antworten ändern und Fragen markieren.", "You get feedback only after handing in. You can skip questions, go back, change answers and flag questions.";
    ExamHandIn => "Abgeben", "Hand in";
    ExamTimeUp => "Die Zeit ist um. Der Abschlusstest wird mit deinen bisherigen Antworten abgegeben.", "Time is up. The final test is handed in with the answers you have given.";
    ExamSaved => "Der Abschlusstest ist gespeichert. Beim nächsten Start geht er hier weiter, mit der restlichen Zeit.", "The final test is saved. Next time it goes on from here, with the time that is left.";
    ExamFlagged => "Frage markiert.", "Question flagged.";
    ExamUnflagged => "Markierung entfernt.", "Flag removed.";
    ExamUntimed => "ohne Zeitbegrenzung", "untimed";
    ExamNoMoreTime => "Mehr Zeit gibt es erst in der letzten Minute.", "More time is offered in the last minute.";
    ExamStartNew => "Neuen Abschlusstest beginnen", "Start a new final test";
    ExamResume => "Weiter mit dem Abschlusstest", "Go on with the final test";
    ExamNotAnswered => "nicht beantwortet", "not answered";
    ExamStartNow => "Test jetzt beginnen (ab dann läuft die Zeit)", "Start the test now (the time runs from then)";
    ExamStartTitle => "Vor dem Start", "Before you start";
    ExamStartEnter => "Enter: Test beginnen, ab dann läuft die Zeit. Esc: zurück, nichts wird gezählt.", "Enter: start the test; the time runs from then. Esc: go back, nothing counts.";
    ExamTimeUpWaiting => "Die Zeit ist um. Der Abschlusstest ist mit den Antworten abgegeben, die bis jetzt gespeichert waren; was du jetzt noch eintippst, zählt nicht.", "Time is up. The final test is handed in with the answers saved until now; whatever you type now does not count.";
    ExamSeeResult => "Enter drücken für das Ergebnis > ", "Press Enter for the result > ";
    Certificate => "Zertifikat", "Certificate";
    CertificateWhy => "Für das Zertifikat brauchen wir deinen Namen und dein Geburtsdatum. Sie bleiben nur auf diesem Computer gespeichert.", "For the certificate we need your name and your date of birth. They are stored only on this computer.";
    CertificateAskName => "Name, wie er auf dem Zertifikat stehen soll: ", "Name as it should appear on the certificate: ";
    CertificateAskBirthDate => "Geburtsdatum (JJJJ-MM-TT): ", "Date of birth (YYYY-MM-DD): ";
    CertificateLater => "Ohne Profil gibt es noch kein Zertifikat. Mit „kurs profile set“ kannst du es später anlegen; dann stellt „kurs certificates issue“ das Zertifikat aus (oder der nächste bestandene Abschlusstest).", "Without a profile there is no certificate yet. Set one later with “kurs profile set”; then “kurs certificates issue” issues the certificate (or the next final test you pass).";
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
    LeaveQuizAsk => "Quiz verlassen? Der Versuch wird dann nicht gewertet, deine Antworten bleiben gespeichert. Esc: verlassen · jede andere Taste: weiter üben", "Leave the quiz? The attempt is then not scored; your answers stay saved. Esc: leave · any other key: go on practising";
    LeftQuiz => "Quiz verlassen. Mit p beginnt ein neuer Versuch.", "Left the quiz. p starts a new attempt.";
    PickOneFirst => "Erst eine Antwort wählen: Ziffer, Leertaste oder Mausklick", "Pick an answer first: a digit, Space or a mouse click";
    PickTrueFalseFirst => "Erst „Wahr“ oder „Falsch“ wählen: 1, 2 oder Leertaste", "Pick “True” or “False” first: 1, 2 or Space";
    KeyClickItem => "Mausklick: Eintrag wählen", "mouse click: select an item";
    KeyClickPick => "Mausklick: Antwort wählen", "mouse click: pick an answer";
    SingleHint => "Eine Antwort wählen", "Pick one answer";
    TrueFalseHint => "Stimmt die Aussage?", "Is the statement true?";
    MatchHint => "Jedem Begriff den passenden Partner zuordnen", "Match each item with its partner";
    NumericHint => "Zahl eingeben (Komma oder Punkt)", "Type a number";
    MatchPartners => "Partner", "Partners";
    MatchEveryItemFirst => "Erst jedem Begriff einen Partner geben: Buchstabe, ←/→ oder Mausklick", "Give every item a partner first: a letter, ←/→ or a mouse click";
    NumberEmpty => "Bitte eine Zahl eingeben, zum Beispiel 3,5.", "Please type a number, for example 3.5.";
    NumberNotANumber => "Das ist keine Zahl. Bitte nur die Zahl eingeben, zum Beispiel 3,5 oder -2.", "That is not a number. Please type just the number, for example 3.5 or -2.";
    NumberSeveralMarks => "Bitte nur ein Dezimalzeichen verwenden und keine Tausenderpunkte, zum Beispiel 1234,5.", "Please use one decimal mark and no thousands separators, for example 1234.5.";
    KeyMatchItem => "Begriff wählen", "choose item";
    KeyMatchPartner => "Partner wechseln", "change partner";
    KeyMatchLetter => "Partner wählen", "pick partner";
    KeyMatchClear => "Partner entfernen", "remove partner";
    KeyClickMatch => "Mausklick: Begriff wählen oder Partner geben", "mouse click: choose an item or give it a partner";
    ChangedQuestion => "Frage wurde geändert", "question has changed";
    Help => "Hilfe", "Help";
    HelpReadMark => "· hinter einem Abschnitt: schon gelesen. Oben rechts: gelesene Abschnitte von allen.", "· after a section: read before. Top right: sections read of all.";
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
    KeyJumpSection => "Abschnitt nach Nummer öffnen (12: rasch 1 2 tippen)", "open a section by its number (12: type 1 2 quickly)";
    KeySearch => "suchen", "search";
    KeyOverview => "Übersicht", "overview";
    KeyPickHit => "wählen", "choose";
    KeyOpenHit => "öffnen", "open";
    KeyTypeSearch => "Suchwort tippen", "type what to find";
    KeyClickHit => "Mausklick: Fundstelle öffnen", "mouse click: open the hit";
    OverviewTitle => "Dein Fortschritt", "Your progress";
    SearchTitle => "Suche", "Search";
    SearchPrompt => "Wonach suchst du? Tippe ein Wort; Enter öffnet die Fundstelle.", "What are you looking for? Type a word; Enter opens the hit.";
    SearchNothing => "Nichts gefunden.", "Nothing found.";
    Reloaded => "Neu geladen.", "Reloaded.";
    ReloadedModuleGone => "Neu geladen: Das Modul, das offen war, gibt es nicht mehr.", "Reloaded: the module that was open is gone.";
    ReloadedQuizChanged => "Neu geladen: Das Quiz wurde geändert; p beginnt es neu.", "Reloaded: the quiz has changed; p starts it again.";
    ReloadUnreadable => "Das Modul lässt sich nicht lesen; `kurs check` zeigt, warum.", "The module cannot be read; `kurs check` shows why.";
    KeyNextModule => "weiter", "next module";
    KeyResultOpen => "Frage auf/zu", "question open/close";
    KeyClickOpen => "Mausklick auf eine Frage: auf/zu", "mouse click on a question: open/close";
    Unanswered => "nicht beantwortet", "not answered";
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
    KeyExamRecord => "speichern, weiter", "record, go on";
    KeyExamPrevNext => "vorige/nächste Frage", "previous/next question";
    KeyExamFlag => "markieren", "flag";
    KeyExamHandIn => "abgeben", "hand in";
    KeyExamMoreTime => "5 Minuten mehr (in der letzten Minute)", "5 more minutes (in the last minute)";
    KeyExamLeave => "verlassen (bleibt gespeichert)", "leave (stays saved)";
    KeyExamConfirm => "abgeben", "hand in";
    KeyExamBackToOpen => "zurück zur ersten offenen oder markierten Frage", "back to the first open or flagged question";
    KeyExamOpen => "Abschlusstest", "final test";
    KeyExamStart => "beginnen", "start";
    KeyProfileNextField => "nächstes Feld", "next field";
    KeyProfileSave => "speichern", "save";
    KeyProfileSkip => "ohne Zertifikat weiter", "go on without certificate";
    ExamSummaryTitle => "Vor der Abgabe", "Before handing in";
    ExamSummaryEnter => "Enter: jetzt abgeben. Esc: zurück zur ersten offenen oder markierten Frage.", "Enter: hand in now. Esc: back to the first open or flagged question.";
    ExamAnswerRecorded => "Antwort gespeichert.", "Answer recorded.";
    ExamFlaggedMark => "⚑ markiert", "⚑ flagged";
    ExamProfileTitle => "Profil für das Zertifikat", "Profile for the certificate";
    ExamProfileName => "Name", "Name";
    ExamProfileBirthDate => "Geburtsdatum (JJJJ-MM-TT)", "Date of birth (YYYY-MM-DD)";
    KeyClickSelect => "Mausklick: wählen, noch einmal: öffnen", "mouse click: select, again: open";
    NotSaving => "Fortschritt wird nicht gespeichert", "progress is not being saved";
    ReadOnly => "nur lesen", "read-only";
    Sections => "Abschnitte", "sections";
    SectionsRead => "gelesen", "read";
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
    PlainHelpWord => "hilfe", "help";
    PlainListWord => "liste", "list";
    PlainContentsWord => "inhalt", "contents";
    PlainOverviewWord => "übersicht", "overview";
    PlainSearchWord => "suche", "search";
    PlainSectionWord => "abschnitt", "section";
    PlainWordArg => "WORT", "WORD";
    PlainHelpAnnounce => "Tippe „hilfe“ für alle Befehle, in einer Frage „/hilfe“.", "Type “help” for every command; in a question, “/help”.";
    PlainHelpHeading => "Befehle hier:", "Commands here:";
    PlainHelpList => "liest die Liste noch einmal vor", "reads the list again";
    PlainHelpQuestionList => "liest die Frage noch einmal vor", "reads the question again";
    PlainHelpHelp => "nennt diese Befehle", "names these commands";
    PlainHelpBack => "geht eine Ebene zurück", "goes back one level";
    PlainHelpQuestionBack => "verlässt das Quiz", "leaves the quiz";
    PlainHelpQuit => "speichert und beendet kurs", "saves and quits kurs";
    PlainHelpSearch => "sucht das Wort in allen Modulen", "finds the word in every module";
    PlainHelpOverview => "nennt den Fortschritt in allen Kursen", "tells your progress in every course";
    PlainHelpContents => "nennt die Abschnitte des Moduls", "names the module's sections";
    PlainHelpSection => "liest Abschnitt N", "reads section N";
    PlainEmptyHint => "„liste“ liest die Liste noch einmal vor, „hilfe“ nennt alle Befehle.", "“list” reads the list again, “help” names every command.";
    PlainTopLevel => "Das ist die oberste Ebene; „ende“ speichert und beendet kurs.", "This is the top level; “quit” saves and quits kurs.";
    PlainQuizLeftMidway => "Quiz verlassen; deine Antworten bis hier sind gespeichert, dieser Versuch wird nicht gewertet.", "Quiz left; your answers so far are saved, this attempt is not scored.";
    PlainQuizLeft => "Quiz verlassen; das Ergebnis ist gespeichert.", "Quiz left; the result is saved.";
    PlainNoSections => "Dieses Modul hat keine Abschnitte.", "This module has no sections.";
    PlainContentsHeading => "Inhalt:", "Contents:";
    PlainSearchWhat => "Wonach suchen? Zum Beispiel „suche Passwort“.", "Search for what? For example “search password”.";
    PlainChooseHit => "Fundstelle wählen", "Choose a result";
    PlainOverviewHeading => "Dein Fortschritt:", "Your progress:";
    PlainModuleTitleHit => "im Titel des Moduls", "in the module's title";
    MarkdownStruck => "durchgestrichen", "struck out";
    MarkdownTaskOpen => "zu tun: ", "to do: ";
    MarkdownTaskDone => "erledigt: ", "done: ";
    MarkdownFootnotes => "Fußnoten:", "Footnotes:";
    MarkdownEmptyCell => "leer", "empty";
    PlainGoodbye => "Fortschritt gespeichert. Tschüss!", "Progress saved. Goodbye!";
    PlainGoodbyeNotSaved => "Der Fortschritt konnte nicht gespeichert werden. Tschüss!", "Progress could not be saved. Goodbye!";
    CertTitle => "Teilnahmebescheinigung", "Certificate of Completion";
    CertIntro => "Hiermit wird bescheinigt, dass", "This is to certify that";
    CertTheCourse => "den Kurs", "has completed the course";
    CertWithResults => "mit den folgenden Ergebnissen abgeschlossen hat.", "with the following results.";
    CertModule => "Modul", "Module";
    CertBestScore => "Beste Punktzahl", "Best score";
    CertTimeAdjusted => "Prüfungszeit angepasst", "Exam time adjusted";
    CertCode => "Prüfcode", "Verification code";
    CertSignedWith => "Signiert mit dem Schlüssel", "Signed with the key";
    CertHowToVerify => "Diese Datei trägt ihren signierten Nachweis in sich. Echtheit prüfen mit:", "This file carries its signed credential. Check that it is genuine with:";
    CertVerifyCommand => "kurs verify DATEI.pdf", "kurs verify FILE.pdf";
    CertContinued => "Fortsetzung", "continued";
    CertCriteria => "Alle Module des Kurses gelesen und ihre Quizze bearbeitet; angegeben ist je Modul das beste Ergebnis.", "Read every module of the course and took its quizzes; each module shows the learner's best score.";
    CertWithTheKey => "mit dem Schlüssel", "with the key";
    CertificateNoProfile => "Für das Zertifikat fehlt noch dein Profil: „kurs profile set --name \"Dein Name\" --birth-date JJJJ-MM-TT“, dann noch einmal „kurs certificates issue“.", "The certificate still needs your profile: “kurs profile set --name \"Your Name\" --birth-date YYYY-MM-DD”, then “kurs certificates issue” again.";
    CertificateNeedsProfile => "Damit ist das Zertifikat fällig. Es braucht noch deinen Namen und dein Geburtsdatum: „kurs profile set --name \"Dein Name\" --birth-date JJJJ-MM-TT“, dann stellt „kurs certificates issue“ es aus.", "The certificate is now due. It still needs your name and date of birth: “kurs profile set --name \"Your Name\" --birth-date YYYY-MM-DD”, then “kurs certificates issue” issues it.";
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

/// A number as each language writes it: `3,5` in German, `3.5` in English; whole numbers
/// without decimals. The one place numbers of answers are written for the learner.
pub fn number(lang: Lang, value: f64) -> String {
    // Rust's shortest form that reads back as the same number: `0.1`, not `0.1000000000000000055`.
    let text = format!("{value}");
    match lang {
        Lang::De => text.replace('.', ","),
        Lang::En => text,
    }
}

/// Points as each language writes them: "2,5" in German, "2.5" in English, "3" when whole.
/// The one place scores are written for the learner.
pub fn points(lang: Lang, points: crate::progress::Points) -> String {
    let (whole, hundredths) = points.parts();
    if hundredths == 0 {
        return whole.to_string();
    }
    let mark = match lang {
        Lang::De => ',',
        Lang::En => '.',
    };
    let fraction = format!("{hundredths:02}");
    format!("{whole}{mark}{}", fraction.trim_end_matches('0'))
}

/// The score line ("2,5 von 3 Punkten (83 %)"); a run in which nothing was scored says so
/// instead of a percentage.
pub fn score(
    lang: Lang,
    points: crate::progress::Points,
    max: u32,
    percent: Option<u32>,
) -> String {
    let points = self::points(lang, points);
    match (lang, percent) {
        (Lang::De, Some(percent)) => format!("{points} von {max} Punkten ({percent} %)"),
        (Lang::En, Some(percent)) => format!("{points} of {max} points ({percent}%)"),
        (Lang::De, None) => "Nicht bewertet: keine Frage wurde gewertet".to_string(),
        (Lang::En, None) => "Not scored: no question was scored".to_string(),
    }
}

/// A percentage as each language writes it: "60 %" in German, "60%" in English.
pub fn percent(lang: Lang, percent: impl std::fmt::Display) -> String {
    match lang {
        Lang::De => format!("{percent} %"),
        Lang::En => format!("{percent}%"),
    }
}

pub fn pass_mark(lang: Lang, percent: u8) -> String {
    match lang {
        Lang::De => format!("Bestanden ab {percent} %"),
        Lang::En => format!("Pass mark {percent}%"),
    }
}

pub fn attempts(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::De, 1) => "1 Versuch".to_string(),
        (Lang::De, n) => format!("{n} Versuche"),
        (Lang::En, 1) => "1 attempt".to_string(),
        (Lang::En, n) => format!("{n} attempts"),
    }
}
