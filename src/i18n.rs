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
    CertificateLater => "Ohne Profil gibt es noch kein Zertifikat. Mit „kurs profile set“ kannst du es später anlegen; beim nächsten bestandenen Abschlusstest wird das Zertifikat ausgestellt.", "Without a profile there is no certificate yet. Set one later with “kurs profile set”; the certificate is issued at the next final test passed.";
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
        (Lang::De, 0) => "Diese Liste ist leer; „zurück“ geht eine Ebene zurück.".to_string(),
        (Lang::De, 1) => "Bitte 1 eingeben, die einzige Nummer der Liste.".to_string(),
        (Lang::De, n) => format!("Bitte eine Zahl von 1 bis {n} eingeben."),
        (Lang::En, 0) => "This list is empty; “back” goes back one level.".to_string(),
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

/// The right numbers of a numeric question: "3,14", "3,14 ± 0,01 GB", "28 bis 31 Tage".
pub fn number_range(lang: Lang, range: crate::course::NumberRange, unit: Option<&str>) -> String {
    use crate::course::NumberRange;
    let unit = unit.map(|u| format!(" {u}")).unwrap_or_default();
    let n = |value: f64| number(lang, value);
    match (range, lang) {
        (
            NumberRange::Around {
                answer,
                tolerance: 0.0,
            },
            _,
        ) => {
            format!("{}{unit}", n(answer))
        }
        (NumberRange::Around { answer, tolerance }, _) => {
            format!("{} ± {}{unit}", n(answer), n(tolerance))
        }
        (NumberRange::Between { min, max }, _) if min == max => format!("{}{unit}", n(min)),
        (NumberRange::Between { min, max }, Lang::De) => {
            format!("{} bis {}{unit}", n(min), n(max))
        }
        (NumberRange::Between { min, max }, Lang::En) => {
            format!("{} to {}{unit}", n(min), n(max))
        }
    }
}

/// The verdict on an answer: right, wrong, or partly right with the percent of the point.
pub fn verdict(lang: Lang, credit: crate::quiz::Credit) -> String {
    if credit.is_full() {
        T::Correct.get(lang).to_owned()
    } else if credit.is_partial() {
        let percent = percent(lang, credit.percent());
        match lang {
            Lang::De => format!("◑ Teilweise richtig ({percent} des Punkts)"),
            Lang::En => format!("◑ Partly right ({percent} of the point)"),
        }
    } else {
        T::Wrong.get(lang).to_owned()
    }
}

/// The verdict's symbol alone, for lists of questions: ✓, ◑ or ✗.
pub fn verdict_symbol(credit: crate::quiz::Credit) -> &'static str {
    if credit.is_full() {
        "✓"
    } else if credit.is_partial() {
        "◑"
    } else {
        "✗"
    }
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
/// What the module says about its quiz: the best finished attempt (the number the library shows
/// too), an attempt left before its end, and questions changed since they were answered.
pub fn quiz_summary(
    lang: Lang,
    best: Option<(crate::progress::Points, u32, u8)>,
    unfinished: usize,
    changed: usize,
) -> String {
    let mut parts = Vec::new();
    if let Some((points, max, percent)) = best {
        let points = self::points(lang, points);
        parts.push(match lang {
            Lang::De => format!("Bestes Ergebnis: {points} von {max} Punkten ({percent} %)"),
            Lang::En => format!("Best result: {points} of {max} points ({percent}%)"),
        });
    }
    if unfinished > 0 {
        parts.push(match (lang, unfinished) {
            (Lang::De, 1) => "ein Versuch nicht beendet (1 Frage beantwortet)".to_string(),
            (Lang::De, n) => format!("ein Versuch nicht beendet ({n} Fragen beantwortet)"),
            (Lang::En, 1) => "an attempt left unfinished (1 question answered)".to_string(),
            (Lang::En, n) => format!("an attempt left unfinished ({n} questions answered)"),
        });
    }
    if changed > 0 {
        parts.push(match (lang, changed) {
            (Lang::De, 1) => "1 Frage wurde seitdem geändert".to_string(),
            (Lang::De, n) => format!("{n} Fragen wurden seitdem geändert"),
            (Lang::En, 1) => "1 question has changed since".to_string(),
            (Lang::En, n) => format!("{n} questions have changed since"),
        });
    }
    let mut text = parts.join(" · ");
    // The first letter up, whichever part comes first.
    if let Some(first) = text.chars().next() {
        let upper: String = first.to_uppercase().collect();
        text.replace_range(..first.len_utf8(), &upper);
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

/// The final exam's state as a symbol, beside the modules' (`status_symbol`).
pub fn exam_symbol(state: ExamState) -> &'static str {
    match state {
        ExamState::Passed(_) => "✓",
        ExamState::Failed(_) => "✗",
        ExamState::Running => "◐",
        ExamState::Open | ExamState::Locked => "○",
    }
}

/// A certificate issued (`✓`) or not yet (`○`).
pub fn certificate_symbol(issued: bool) -> &'static str {
    if issued { "✓" } else { "○" }
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

/// `kurs report`'s heading of a course: "Sicher online (sicher-online): 2 Lernende, 27 Lerneinträge".
pub fn report_heading(
    lang: Lang,
    title: &str,
    id: &str,
    learners: usize,
    records: usize,
) -> String {
    let (learners, records) = match lang {
        Lang::De => (
            format!("{learners} Lernende"),
            match records {
                1 => "1 Lerneintrag".to_string(),
                n => format!("{n} Lerneinträge"),
            },
        ),
        Lang::En => (
            match learners {
                1 => "1 learner".to_string(),
                n => format!("{n} learners"),
            },
            match records {
                1 => "1 learning record".to_string(),
                n => format!("{n} learning records"),
            },
        ),
    };
    format!("{title} ({id}): {learners}, {records}")
}

/// `kurs report` for a course the LRS has nothing about.
pub fn report_empty(lang: Lang, title: &str, id: &str) -> String {
    match lang {
        Lang::De => {
            format!("{title} ({id}): Im LRS gibt es noch keine Lerneinträge zu diesem Kurs.")
        }
        Lang::En => {
            format!("{title} ({id}): the LRS holds no learning records of this course yet.")
        }
    }
}

/// The columns of `kurs report`'s table.
pub fn report_columns(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::De => [
            "Lernende",
            "Modul",
            "Status",
            "Versuche",
            "Beste Punktzahl",
            "Zuletzt",
        ],
        Lang::En => [
            "Learner",
            "Module",
            "Status",
            "Attempts",
            "Best score",
            "Last activity",
        ],
    }
}

/// A learner's status in a module or the exam, as the LRS's records show it; "Gelernt" is named
/// beside a failed quiz, where the status alone would hide it.
pub fn report_status(
    lang: Lang,
    status: crate::xapi::report::Status,
    exam: bool,
    learned: bool,
) -> String {
    use crate::xapi::report::Status;
    let word = match (status, exam, lang) {
        (Status::NotStarted, true, Lang::De) => "nicht abgelegt",
        (Status::NotStarted, true, Lang::En) => "not taken",
        (Status::NotStarted, false, _) => T::StatusNotStarted.get(lang),
        (Status::Started, _, _) => T::StatusInProgress.get(lang),
        (Status::Learned, _, _) => T::StatusLearned.get(lang),
        (Status::Failed, _, Lang::De) => "nicht bestanden",
        (Status::Failed, _, Lang::En) => "failed",
        (Status::Passed, _, _) => T::StatusPassed.get(lang),
    };
    if learned && status == Status::Failed {
        format!("{word}, {}", T::StatusLearned.get(lang))
    } else {
        word.to_string()
    }
}

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

/// Said before a table's rows in plain mode: "Tabelle mit 3 Zeilen und 2 Spalten:" (the header
/// row is not counted; its names stand before every value).
pub fn table_announcement(lang: Lang, rows: usize, columns: usize) -> String {
    let pick = |n: usize, one: &'static str, many: &'static str| if n == 1 { one } else { many };
    match lang {
        Lang::De => format!(
            "Tabelle mit {rows} {} und {columns} {}:",
            pick(rows, "Zeile", "Zeilen"),
            pick(columns, "Spalte", "Spalten")
        ),
        Lang::En => format!(
            "Table with {rows} {} and {columns} {}:",
            pick(rows, "row", "rows"),
            pick(columns, "column", "columns")
        ),
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
fn characters_named(lang: Lang, characters: &[char]) -> String {
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

/// An order question's hint, with an example of the question's own length ("3 1 2").
pub fn plain_order_expected(lang: Lang, example: &str) -> String {
    match lang {
        Lang::De => format!(
            "Bitte alle Nummern in der richtigen Reihenfolge eingeben, zum Beispiel {example}."
        ),
        Lang::En => format!("Please type every number in the right order, for example {example}."),
    }
}

/// The prompt under an order question, with an example of its own length.
pub fn plain_answer_order(lang: Lang, example: &str) -> String {
    match lang {
        Lang::De => {
            format!("Nummern in der richtigen Reihenfolge eingeben, zum Beispiel {example}")
        }
        Lang::En => format!("Type the numbers in the right order, for example {example}"),
    }
}

/// The prompt under a match question, with an example of its own items and partners.
pub fn plain_answer_match(lang: Lang, example: &str) -> String {
    match lang {
        Lang::De => format!(
            "Zu jeder Nummer den Buchstaben ihres Partners eingeben, zum Beispiel {example}"
        ),
        Lang::En => {
            format!("Type each number with the letter of its partner, for example {example}")
        }
    }
}

/// What a match answer must be, with an example of the question's own items and partners.
pub fn plain_match_expected(lang: Lang, items: usize, example: &str) -> String {
    match lang {
        Lang::De => format!(
            "Bitte jede der {items} Nummern einmal mit dem Buchstaben eines Partners eingeben, zum Beispiel {example}."
        ),
        Lang::En => format!(
            "Please type each of the {items} numbers once with the letter of a partner, for example {example}."
        ),
    }
}

/// The prompt under a numeric question, with its unit when it has one.
pub fn plain_answer_number(lang: Lang, unit: Option<&str>) -> String {
    match (lang, unit) {
        (Lang::De, Some(unit)) => format!("Zahl in {unit} eingeben, zum Beispiel 3,5"),
        (Lang::De, None) => "Zahl eingeben, zum Beispiel 3,5".to_owned(),
        (Lang::En, Some(unit)) => format!("Type a number in {unit}, for example 3.5"),
        (Lang::En, None) => "Type a number, for example 3.5".to_owned(),
    }
}

/// Why a typed answer is not a number, in one sentence.
pub fn number_problem(lang: Lang, problem: crate::quiz::NumberProblem) -> &'static str {
    use crate::quiz::NumberProblem;
    match problem {
        NumberProblem::Empty => T::NumberEmpty.get(lang),
        NumberProblem::NotANumber => T::NumberNotANumber.get(lang),
        NumberProblem::SeveralMarks => T::NumberSeveralMarks.get(lang),
    }
}

/// A command word typed where it does nothing: said, with the way to hear what works.
pub fn plain_not_here(lang: Lang, word: &str) -> String {
    match lang {
        Lang::De => format!("„{word}“ geht hier nicht; „hilfe“ nennt, was hier geht."),
        Lang::En => format!("“{word}” does not work here; “help” names what does."),
    }
}

/// One line of the help: the command as typed, and what it does.
pub fn plain_command_line(lang: Lang, command: &str, what: &str) -> String {
    match lang {
        Lang::De => format!("- „{command}“: {what}"),
        Lang::En => format!("- “{command}”: {what}"),
    }
}

/// The help's line for the menu's numbers.
pub fn plain_help_number(lang: Lang, count: usize) -> String {
    match (lang, count) {
        (Lang::De, 1) => "- 1: wählt den Eintrag".to_string(),
        (Lang::De, n) => format!("- eine Zahl von 1 bis {n}: wählt diesen Eintrag"),
        (Lang::En, 1) => "- 1: picks the entry".to_string(),
        (Lang::En, n) => format!("- a number from 1 to {n}: picks that entry"),
    }
}

/// Said after "Gelernt" is set or taken back, so the change is heard, not only seen in a list.
pub fn plain_learned_marked(lang: Lang, label: &str, learned: bool) -> String {
    match (lang, learned) {
        (Lang::De, true) => format!("„{label}“ ist als gelernt markiert."),
        (Lang::De, false) => format!("„{label}“ ist nicht mehr als gelernt markiert."),
        (Lang::En, true) => format!("“{label}” is marked as learned."),
        (Lang::En, false) => format!("“{label}” is no longer marked as learned."),
    }
}

/// `abschnitt N` with an N the module does not have.
pub fn plain_no_such_section(lang: Lang, total: usize) -> String {
    let word = T::PlainSectionWord.get(lang);
    match (lang, total) {
        (Lang::De, 1) => format!("Dieses Modul hat einen Abschnitt: „{word} 1“ liest ihn."),
        (Lang::De, n) => {
            format!("Bitte „{word}“ und eine Zahl von 1 bis {n} eingeben, zum Beispiel „{word} 2“.")
        }
        (Lang::En, 1) => format!("This module has one section: “{word} 1” reads it."),
        (Lang::En, n) => {
            format!("Please type “{word}” and a number from 1 to {n}, for example “{word} 2”.")
        }
    }
}

/// One line of a module's table of contents.
pub fn plain_contents_line(lang: Lang, number: usize, title: &str, read: bool) -> String {
    let read = if read {
        format!(" ({})", T::PlainSectionRead.get(lang))
    } else {
        String::new()
    };
    match lang {
        Lang::De => format!("Abschnitt {number}: {title}{read}"),
        Lang::En => format!("Section {number}: {title}{read}"),
    }
}

/// Modules whose text could not be read are searched by their titles only.
pub fn unsearched_modules(lang: Lang, count: usize) -> String {
    match (lang, count) {
        (Lang::De, 1) => "Ein Modul ließ sich nicht lesen; es wird nur nach seinem Titel durchsucht (`kurs check` zeigt, warum).".to_string(),
        (Lang::De, n) => format!("{n} Module ließen sich nicht lesen; sie werden nur nach ihren Titeln durchsucht (`kurs check` zeigt, warum)."),
        (Lang::En, 1) => "One module could not be read; only its title is searched (`kurs check` shows why).".to_string(),
        (Lang::En, n) => format!("{n} modules could not be read; only their titles are searched (`kurs check` shows why)."),
    }
}

/// A section number typed on the module screen that a second digit could still make longer
/// (`1` of a module of twelve: 10 to 12).
pub fn section_number_typed(lang: Lang, number: usize, last: usize) -> String {
    let first = number * 10;
    match lang {
        Lang::De => format!(
            "Abschnitt {number}: Enter oder kurz warten öffnet ihn, eine zweite Ziffer wählt {first} bis {last}."
        ),
        Lang::En => format!(
            "Section {number}: Enter or a moment's wait opens it, a second digit picks {first} to {last}."
        ),
    }
}

/// A digit for a section the module does not have.
pub fn no_such_section(lang: Lang, count: usize) -> String {
    match (lang, count) {
        (Lang::De, 0) => "Dieses Modul hat keine Abschnitte.".to_string(),
        (Lang::De, 1) => "Dieses Modul hat nur einen Abschnitt: 1 öffnet ihn.".to_string(),
        (Lang::De, n @ 2..=9) => format!("Dieses Modul hat {n} Abschnitte: 1 bis {n} öffnen sie."),
        (Lang::De, n) => format!(
            "Dieses Modul hat {n} Abschnitte: 1 bis {n} öffnen sie, zweistellige Nummern mit beiden Ziffern rasch nacheinander."
        ),
        (Lang::En, 0) => "This module has no sections.".to_string(),
        (Lang::En, 1) => "This module has one section: 1 opens it.".to_string(),
        (Lang::En, n @ 2..=9) => format!("This module has {n} sections: 1 to {n} open them."),
        (Lang::En, n) => format!(
            "This module has {n} sections: 1 to {n} open them, two-digit numbers with both digits in quick succession."
        ),
    }
}

/// After a passed quiz, the way on to the next module not yet passed (a menu entry in plain
/// mode, a line of the result screen in the player).
pub fn go_on_with(lang: Lang, label: &str) -> String {
    match lang {
        Lang::De => format!("Weiter mit „{label}“"),
        Lang::En => format!("Go on with “{label}”"),
    }
}

/// Before the search results: how many, for what, and whether only the first are listed.
pub fn plain_search_found(lang: Lang, query: &str, hits: usize, more: bool) -> String {
    let text = match (lang, hits) {
        (Lang::De, 1) => format!("1 Fundstelle für „{query}“"),
        (Lang::De, n) => format!("{n} Fundstellen für „{query}“"),
        (Lang::En, 1) => format!("1 result for “{query}”"),
        (Lang::En, n) => format!("{n} results for “{query}”"),
    };
    match (lang, more) {
        (Lang::De, true) => format!("{text}, nur die ersten; ein genaueres Wort findet weniger:"),
        (Lang::En, true) => format!("{text}, only the first; a more exact word finds fewer:"),
        (_, false) => format!("{text}:"),
    }
}

pub fn plain_search_nothing(lang: Lang, query: &str) -> String {
    match lang {
        Lang::De => format!("Nichts gefunden für „{query}“."),
        Lang::En => format!("Nothing found for “{query}”."),
    }
}

/// One search result: "C2 Messenger & SMS – Gruppen: …Text um das Wort…".
pub fn plain_search_hit(
    lang: Lang,
    module: &str,
    section: Option<&str>,
    context: Option<&str>,
) -> String {
    match (section, context) {
        (Some(section), Some(context)) => format!("{module} – {section}: {context}"),
        (Some(section), None) => format!("{module} – {section}"),
        (None, _) => format!("{module} ({})", T::PlainModuleTitleHit.get(lang)),
    }
}

/// One module in the progress overview: status, best score and its day, "Gelernt" and its day.
pub fn plain_overview_line(
    lang: Lang,
    label: &str,
    status: ModuleStatus,
    best: Option<(u8, &str)>,
    learned_on: Option<&str>,
    attempts: usize,
) -> String {
    let mut text = format!("{label}: {}", T::status(status).get(lang));
    if let Some((percent, day)) = best {
        text.push_str(&match lang {
            Lang::De => format!(", beste Punktzahl {percent} % am {day}"),
            Lang::En => format!(", best score {percent}% on {day}"),
        });
    }
    if attempts > 0 {
        text.push_str(&format!(" ({})", self::attempts(lang, attempts)));
    }
    if let Some(day) = learned_on {
        text.push_str(&match lang {
            Lang::De => format!(", als gelernt markiert am {day}"),
            Lang::En => format!(", marked as learned on {day}"),
        });
    }
    text
}

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

/// "Abschlusstest: 10 Fragen, 20 Minuten. Bestanden ab 70 %."
pub fn exam_intro(
    lang: Lang,
    title: &str,
    questions: usize,
    seconds: Option<u64>,
    pass_percent: u8,
) -> String {
    let mark = pass_mark(lang, pass_percent);
    let time = match seconds {
        Some(s) => duration_words(lang, s),
        None => T::ExamUntimed.get(lang).to_owned(),
    };
    match lang {
        Lang::De => format!("{title}: {questions} Fragen, {time}. {mark}."),
        Lang::En => format!("{title}: {questions} questions, {time}. {mark}."),
    }
}

/// "12 Minuten", "1 Minute", "45 Sekunden": a time left, rounded up to whole minutes above one.
pub fn duration_words(lang: Lang, seconds: u64) -> String {
    if seconds < 60 {
        return match (lang, seconds) {
            (Lang::De, 1) => "1 Sekunde".to_owned(),
            (Lang::De, n) => format!("{n} Sekunden"),
            (Lang::En, 1) => "1 second".to_owned(),
            (Lang::En, n) => format!("{n} seconds"),
        };
    }
    let minutes = seconds.div_ceil(60);
    match (lang, minutes) {
        (Lang::De, 1) => "1 Minute".to_owned(),
        (Lang::De, n) => format!("{n} Minuten"),
        (Lang::En, 1) => "1 minute".to_owned(),
        (Lang::En, n) => format!("{n} minutes"),
    }
}

/// The full-screen title: "Frage 3 | 10, noch 12 Minuten, markiert"
pub fn exam_counter(
    lang: Lang,
    number: usize,
    total: usize,
    left: Option<u64>,
    flagged: bool,
) -> String {
    let counter = match lang {
        Lang::De => format!("Frage {number} | {total}"),
        Lang::En => format!("Question {number} | {total}"),
    };
    exam_counter_tail(lang, counter, left, flagged)
}

/// Plain mode says it in words, as its quizzes do (a screen reader reads "|" as a line):
/// "Frage 3 von 10, noch 12 Minuten, markiert"
pub fn plain_exam_counter(
    lang: Lang,
    number: usize,
    total: usize,
    left: Option<u64>,
    flagged: bool,
) -> String {
    let counter = plain_question_counter(lang, number, total);
    exam_counter_tail(lang, counter, left, flagged)
}

fn exam_counter_tail(lang: Lang, mut text: String, left: Option<u64>, flagged: bool) -> String {
    if let Some(left) = left {
        let time = duration_words(lang, left);
        text.push_str(&match lang {
            Lang::De => format!(", noch {time}"),
            Lang::En => format!(", {time} left"),
        });
    }
    if flagged {
        text.push_str(match lang {
            Lang::De => ", markiert",
            Lang::En => ", flagged",
        });
    }
    text
}

/// Before handing in: "10 Fragen: 2 unbeantwortet, 1 markiert."
pub fn exam_summary(lang: Lang, total: usize, unanswered: usize, flagged: usize) -> String {
    match lang {
        Lang::De => format!("{total} Fragen: {unanswered} unbeantwortet, {flagged} markiert."),
        Lang::En => format!("{total} questions: {unanswered} unanswered, {flagged} flagged."),
    }
}

/// "Zurück zu Frage 4"
pub fn exam_back_to(lang: Lang, number: usize) -> String {
    match lang {
        Lang::De => format!("Zurück zu Frage {number}"),
        Lang::En => format!("Back to question {number}"),
    }
}

/// The warning in the last minute, with the offer of more time.
pub fn exam_warning(lang: Lang, left: u64, command: &str, minutes: u32) -> String {
    let time = duration_words(lang, left);
    match lang {
        Lang::De => {
            format!("Achtung: noch {time}. Mit „{command}“ bekommst du {minutes} Minuten mehr.")
        }
        Lang::En => format!("Note: {time} left. Type “{command}” for {minutes} more minutes."),
    }
}

/// The full-screen player's warning in the last minute, with the key for more time.
pub fn exam_warning_key(lang: Lang, left: u64, key: &str, minutes: u32) -> String {
    let time = duration_words(lang, left);
    match lang {
        Lang::De => format!("Achtung: noch {time}. Taste {key}: {minutes} Minuten mehr."),
        Lang::En => format!("Note: {time} left. Press {key} for {minutes} more minutes."),
    }
}

/// The warning in the last minute at the summary, where more time is a numbered entry.
pub fn exam_warning_entry(lang: Lang, left: u64, number: usize, minutes: u32) -> String {
    let time = duration_words(lang, left);
    match lang {
        Lang::De => {
            format!("Achtung: noch {time}. Nummer {number} gibt dir {minutes} Minuten mehr.")
        }
        Lang::En => format!("Note: {time} left. Number {number} gives you {minutes} more minutes."),
    }
}

/// The summary's entry for more time, in the last minute.
pub fn exam_more_time_entry(lang: Lang, minutes: u32) -> String {
    match lang {
        Lang::De => format!("{minutes} Minuten mehr Zeit"),
        Lang::En => format!("{minutes} more minutes"),
    }
}

/// Before a timed exam starts: how the time can be adjusted, and that it is recorded.
pub fn exam_time_adjustable(lang: Lang, minutes: u32) -> String {
    match lang {
        Lang::De => format!(
            "Brauchst du mehr Zeit? Dann beende kurs hier und starte es neu mit --time-factor 1.5 für die eineinhalbfache Zeit oder mit --untimed ohne Zeitbegrenzung (das gilt auch für einen begonnenen Test). In der letzten Minute bekommst du auf Wunsch {minutes} Minuten mehr. Jede Anpassung steht im Ergebnis und auf dem Zertifikat."
        ),
        Lang::En => format!(
            "Need more time? Then quit kurs here and start it again with --time-factor 1.5 for one and a half times the time, or with --untimed for no time limit (this also works for a test under way). In the last minute you can ask for {minutes} more minutes. Every adjustment is noted in the result and on the certificate."
        ),
    }
}

/// A line that came in after the time was up: it is not counted, and the result is made
/// from the answers saved before. `typed`: what was typed, when it was text.
pub fn exam_too_late(lang: Lang, typed: Option<&str>) -> String {
    const SHOWN: usize = 40;
    let typed = typed.map(|typed| {
        let typed = crate::safe_text::single_line(typed);
        match typed.char_indices().nth(SHOWN) {
            Some((cut, _)) => format!("{}…", &typed[..cut]),
            None => typed,
        }
    });
    match (lang, typed) {
        (Lang::De, Some(typed)) => format!(
            "Deine Eingabe „{typed}“ kam nach Ablauf der Zeit und zählt nicht; gewertet sind die Antworten, die vorher gespeichert waren."
        ),
        (Lang::De, None) => "Deine letzte Eingabe kam nach Ablauf der Zeit und zählt nicht; gewertet sind die Antworten, die vorher gespeichert waren.".to_owned(),
        (Lang::En, Some(typed)) => format!(
            "What you typed (“{typed}”) came after the time was up and does not count; the result is made from the answers saved before."
        ),
        (Lang::En, None) => "What you typed last came after the time was up and does not count; the result is made from the answers saved before.".to_owned(),
    }
}

/// `--time-factor` given when resuming an exam that already has as much time or more.
pub fn exam_retime_kept(lang: Lang, terms: Option<&str>) -> String {
    match (lang, terms) {
        (Lang::De, Some(terms)) => format!(
            "Die Zeit dieses Tests bleibt, wie sie ist ({terms}): Beim Fortsetzen lässt sie sich nur verlängern, nicht verkürzen."
        ),
        (Lang::De, None) => "Die Zeit dieses Tests bleibt, wie sie ist: Beim Fortsetzen lässt sie sich nur verlängern, nicht verkürzen.".to_owned(),
        (Lang::En, Some(terms)) => format!(
            "This test keeps its time ({terms}): when it is resumed, the time can only be lengthened, never shortened."
        ),
        (Lang::En, None) => "This test keeps its time: when it is resumed, the time can only be lengthened, never shortened.".to_owned(),
    }
}

/// After asking for more time.
pub fn exam_extended(lang: Lang, minutes: u32, left: u64) -> String {
    let time = duration_words(lang, left);
    match lang {
        Lang::De => {
            format!("{minutes} Minuten mehr: jetzt noch {time}. Das wird im Ergebnis vermerkt.")
        }
        Lang::En => {
            format!("{minutes} more minutes: {time} left now. This is noted in the result.")
        }
    }
}

/// An exam under way found at the start: "Frage 3 von 10, noch 12 Minuten".
pub fn exam_resumed(lang: Lang, number: usize, total: usize, left: Option<u64>) -> String {
    let time = left.map(|l| duration_words(lang, l));
    match (lang, time) {
        (Lang::De, Some(t)) => {
            format!("Dein Abschlusstest läuft noch: Frage {number} von {total}, noch {t}.")
        }
        (Lang::De, None) => format!("Dein Abschlusstest läuft noch: Frage {number} von {total}."),
        (Lang::En, Some(t)) => {
            format!("Your final test is under way: question {number} of {total}, {t} left.")
        }
        (Lang::En, None) => format!("Your final test is under way: question {number} of {total}."),
    }
}

/// Questions of a saved exam that changed in the course files since.
pub fn exam_left_out(lang: Lang, count: usize) -> String {
    match (lang, count) {
        (Lang::De, 1) => "1 Frage wurde seither im Kurs geändert und fällt weg.".to_owned(),
        (Lang::De, n) => format!("{n} Fragen wurden seither im Kurs geändert und fallen weg."),
        (Lang::En, 1) => "1 question has changed in the course since and is left out.".to_owned(),
        (Lang::En, n) => {
            format!("{n} questions have changed in the course since and are left out.")
        }
    }
}

/// The exam is closed until these modules are passed.
pub fn exam_modules_first(lang: Lang, missing: &[String]) -> String {
    let list = missing.join(", ");
    match (lang, missing.len()) {
        (Lang::De, 1) => format!(
            "Der Abschlusstest öffnet, sobald du die Übung dieses Moduls bestanden hast: {list}."
        ),
        (Lang::De, n) => format!(
            "Der Abschlusstest öffnet, sobald du die Übungen aller Module bestanden hast. Noch {n} offen: {list}."
        ),
        (Lang::En, 1) => {
            format!("The final test opens once you have passed the quiz of this module: {list}.")
        }
        (Lang::En, n) => format!(
            "The final test opens once you have passed every module's quiz. {n} still to pass: {list}."
        ),
    }
}

/// How the time was adjusted, as the result and the certificate say it.
pub fn exam_terms(lang: Lang, terms: &crate::progress::TimeTerms) -> String {
    let mut parts = Vec::new();
    if terms.untimed {
        parts.push(T::ExamUntimed.get(lang).to_owned());
    } else if terms.factor_percent != 0 && terms.factor_percent != 100 {
        let factor = format!("{}", f64::from(terms.factor_percent) / 100.0);
        parts.push(match lang {
            Lang::De => format!("Zeit × {}", factor.replace('.', ",")),
            Lang::En => format!("time × {factor}"),
        });
    }
    if terms.extended_minutes > 0 {
        let n = terms.extended_minutes;
        parts.push(match lang {
            Lang::De => format!("{n} Minuten verlängert"),
            Lang::En => format!("extended by {n} minutes"),
        });
    }
    parts.join(", ")
}

/// The exam's line in a course's module list.
pub fn exam_line(lang: Lang, title: &str, state: ExamState) -> String {
    format!("{title}: {}", exam_state_words(lang, state))
}

/// The exam's line in the progress overview: "Abschlusstest: bestanden, beste Punktzahl
/// 100 % am 2026-12-02 (2 Versuche)".
pub fn exam_overview_line(
    lang: Lang,
    title: &str,
    state: ExamState,
    best_on: Option<&str>,
    tries: usize,
) -> String {
    let mut text = exam_line(lang, title, state);
    if let (Some(day), ExamState::Passed(_) | ExamState::Failed(_)) = (best_on, state) {
        text.push_str(&match lang {
            Lang::De => format!(" am {day}"),
            Lang::En => format!(" on {day}"),
        });
    }
    if tries > 0 {
        text.push_str(&format!(" ({})", attempts(lang, tries)));
    }
    text
}

/// The exam's state in a list's right column: "bestanden · 100 % · 2 Versuche".
pub fn exam_state_short(lang: Lang, state: ExamState, tries: usize) -> String {
    let mut text = match (lang, state) {
        (_, ExamState::Passed(p)) => format!(
            "{} · {}",
            T::Passed.get(lang).to_lowercase(),
            percent(lang, p)
        ),
        (_, ExamState::Failed(p)) => {
            format!(
                "{} · {}",
                T::NotPassed.get(lang).to_lowercase(),
                percent(lang, p)
            )
        }
        (Lang::De, ExamState::Running) => "begonnen".to_owned(),
        (Lang::En, ExamState::Running) => "started".to_owned(),
        (lang, state) => exam_state_words(lang, state),
    };
    if tries > 0 {
        text.push_str(&format!(" · {}", attempts(lang, tries)));
    }
    text
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

fn exam_state_words(lang: Lang, state: ExamState) -> String {
    match (lang, state) {
        (Lang::De, ExamState::Locked) => "erst nach allen Übungen".to_owned(),
        (Lang::En, ExamState::Locked) => "after every quiz".to_owned(),
        (Lang::De, ExamState::Open) => "offen".to_owned(),
        (Lang::En, ExamState::Open) => "open".to_owned(),
        (Lang::De, ExamState::Running) => "begonnen, nicht abgegeben".to_owned(),
        (Lang::En, ExamState::Running) => "started, not handed in".to_owned(),
        (Lang::De, ExamState::Passed(p)) => format!("bestanden, beste Punktzahl {p} %"),
        (Lang::En, ExamState::Passed(p)) => format!("passed, best score {p}%"),
        (Lang::De, ExamState::Failed(p)) => format!("nicht bestanden, beste Punktzahl {p} %"),
        (Lang::En, ExamState::Failed(p)) => format!("not passed, best score {p}%"),
    }
}

/// Where an exam stands for the learner, for its line in lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExamState {
    Locked,
    Open,
    Running,
    Passed(u8),
    Failed(u8),
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

/// The exam's result line with the time terms when they were adjusted.
pub fn exam_terms_line(lang: Lang, terms: &str) -> String {
    match lang {
        Lang::De => format!("Zeit angepasst: {terms}."),
        Lang::En => format!("Time adjusted: {terms}."),
    }
}

/// A course's modules could not all be read for the exam.
pub fn exam_unreadable(lang: Lang, reason: &str) -> String {
    match lang {
        Lang::De => format!(
            "Der Abschlusstest kann nicht beginnen, weil ein Modul nicht gelesen werden kann: {reason}"
        ),
        Lang::En => {
            format!("The final test cannot start because a module cannot be read: {reason}")
        }
    }
}
