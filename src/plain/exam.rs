//! The final exam in words: "Frage 3 von 10, noch 12 Minuten", no feedback until it is handed
//! in, marked words to flag, skip, go back or to a question, and to hand in after a summary. A
//! timed exam starts only when the learner says so; the time is said at every question, and a
//! minute before the end the warning comes even while kurs waits for a line, with more time
//! offered. When the time runs out during a wait, the exam is handed in at once and a line
//! typed after that is said not to count. Then the score, every question with the answer, the
//! right one and the explanation, and the certificate.

use std::io::Write;
use std::time::{Duration, Instant};

use super::answer::{Asked, COMMAND_MARK, Command, parse_answer};
use super::player::{MenuLine, Pick, Reply};
use super::{Player, Step, Stop};
use crate::course::{Exam, Question, QuestionKind};
use crate::exam::{EXTENSION_MINUTES, ExamResult, ExamRun, Retimed, WARNING_SECONDS};
use crate::i18n::{self, Lang, T};
use crate::profile::Profile;
use crate::quiz::{Answer, Credit};
use crate::safe_text::folded;
use crate::session::{
    CertificateStatus, Record, certificate_status, closed_text, exam_gate, read_course,
    retime_text, terms_text,
};

/// What a marked word typed in an exam question asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Move {
    Flag,
    Next,
    HandIn,
    MoreTime,
    /// `/frage N`, as a position from 0; `None` when N is not a question's number.
    Question(Option<usize>),
}

/// The exam word behind the mark in `line`, in either language.
fn exam_move(line: &str, total: usize) -> Option<Move> {
    let rest = line.trim().strip_prefix(COMMAND_MARK)?;
    let (word, arg) = rest
        .split_once(char::is_whitespace)
        .map_or((rest, ""), |(w, a)| (w, a.trim()));
    let word = word.to_lowercase();
    let said = |t: T| [Lang::De, Lang::En].iter().any(|&l| t.get(l) == word);
    if said(T::ExamWordQuestion) {
        let n: Option<usize> = arg.parse().ok();
        return Some(Move::Question(
            n.filter(|n| (1..=total).contains(n)).map(|n| n - 1),
        ));
    }
    if !arg.is_empty() {
        return None;
    }
    [
        (T::ExamWordFlag, Move::Flag),
        (T::ExamWordNext, Move::Next),
        (T::ExamWordHandIn, Move::HandIn),
        (T::ExamWordMoreTime, Move::MoreTime),
    ]
    .into_iter()
    .find(|(t, _)| said(*t))
    .map(|(_, m)| m)
}

/// An exam being sat: the run, when time was last taken off it, and whether its last minute
/// has been told.
struct Sitting {
    run: ExamRun,
    /// When time was last taken off the run (`ExamRun::spend`); the rest of a second stays.
    clock: Instant,
    warned: bool,
}

impl Sitting {
    fn new(run: ExamRun) -> Sitting {
        Sitting {
            run,
            clock: Instant::now(),
            warned: false,
        }
    }

    /// The whole seconds passed since the clock, taken off the exam; true when its time is up.
    fn time_up(&mut self) -> bool {
        let seconds = self.clock.elapsed().as_secs();
        self.clock += Duration::from_secs(seconds);
        self.run.spend(seconds);
        self.run.timed_out(0)
    }

    /// Seconds left, `None` when untimed.
    fn left(&self) -> Option<u64> {
        self.run.remaining(0)
    }

    /// Whether the time is in its last minute, when more can be asked for.
    fn last_minute(&self) -> bool {
        self.left().is_some_and(|left| left <= WARNING_SECONDS)
    }

    /// When the learner must next hear of the time, whatever they are doing: the warning a
    /// minute before the end, else the end. `None` when untimed.
    fn deadline(&self) -> Option<Instant> {
        let left = self.left()?;
        let after = if !self.warned && left > WARNING_SECONDS {
            left - WARNING_SECONDS
        } else {
            left
        };
        // A little after the whole second, so that the time taken off then reaches it.
        Some(self.clock + Duration::from_secs(after) + Duration::from_millis(20))
    }
}

/// What the learner chose at the summary before handing in.
enum Summary {
    HandIn,
    /// Back to a question (the first open or flagged one).
    Back,
    /// The time ran out while the summary waited.
    TimeUpWaiting,
    /// A choice came after the time was up.
    TooLate,
}

impl<W: Write> Player<W> {
    /// The final exam of course `c`: resumed where it stopped, or drawn anew, until it is handed
    /// in or the learner goes back (it stays saved, with the time that is left).
    pub(super) fn exam(&mut self, c: usize) -> Step {
        self.enter_course(c);
        let lang = self.lang;
        if let Err(reason) = read_course(&mut self.library, c) {
            return self.say(&i18n::exam_unreadable(lang, &reason));
        }
        let exam = match exam_gate(&self.library, self.store.progress(), c) {
            Ok(exam) => exam.clone(),
            Err(closed) => return self.say(&closed_text(&closed, lang)),
        };
        let course = &self.library.courses[c];
        let title = exam_title(&exam, lang);
        let running = self
            .store
            .progress()
            .courses
            .get(&course.id)
            .and_then(|p| p.exam.running.clone());
        let resumed = running.and_then(|r| ExamRun::from_stored(course, &exam, &r));
        let run = match resumed {
            Some((mut run, left_out)) => {
                // `--time-factor`/`--untimed` given now count as they would have at the start.
                let retimed = run.retime(exam.time_limit_minutes, self.options.time);
                self.blank()?;
                self.say(&i18n::exam_resumed(
                    lang,
                    run.current + 1,
                    run.len(),
                    run.remaining(0),
                ))?;
                if let Some(text) = retime_text(retimed, &run.terms, lang) {
                    self.say(&text)?;
                }
                if left_out > 0 {
                    self.say(&i18n::exam_left_out(lang, left_out))?;
                }
                if retimed == Retimed::Applied {
                    self.exam_save(c, &run)?;
                }
                run
            }
            None => {
                let drawn = ExamRun::draw(
                    course,
                    &exam,
                    self.options.time,
                    &mut self.shuffler,
                    &crate::progress::now(),
                );
                let run = match drawn {
                    Ok(run) => run,
                    Err(closed) => return self.say(&closed_text(&closed, lang)),
                };
                self.blank()?;
                self.say(&i18n::exam_intro(
                    lang,
                    &title,
                    run.len(),
                    run.limit_seconds,
                    run.pass_percent,
                ))?;
                if let Some(terms) = terms_text(&run.terms, lang) {
                    self.say(&i18n::exam_terms_line(lang, &terms))?;
                }
                self.say(T::ExamNoFeedback.get(lang))?;
                if run.limit_seconds.is_some() && !self.exam_start_confirmed()? {
                    // Nothing was saved: the exam is as if it had not been opened.
                    return Ok(());
                }
                self.exam_save(c, &run)?;
                run
            }
        };
        self.exam_help_hint()?;
        self.exam_questions(c, Sitting::new(run))
    }

    /// Before a timed exam: how the time can be adjusted, then start or go back. The time runs
    /// only from the learner's yes, so an exam opened by mistake costs nothing.
    fn exam_start_confirmed(&mut self) -> Step<bool> {
        let lang = self.lang;
        self.say(&i18n::exam_time_adjustable(lang, EXTENSION_MINUTES))?;
        let lines = [
            MenuLine::Entry(T::ExamStartNow.get(lang).to_owned()),
            MenuLine::Entry(T::Back.get(lang).to_owned()),
        ];
        loop {
            match self.menu(&lines, T::PlainChooseAction)? {
                Pick::Entry(0) => return Ok(true),
                Pick::Entry(_) | Pick::Back => return Ok(false),
                Pick::Command(other) => self.not_here(&other)?,
            }
        }
    }

    fn exam_help_hint(&mut self) -> Step {
        let lang = self.lang;
        let help = format!("{COMMAND_MARK}{}", T::PlainHelpWord.get(lang));
        let hand_in = format!("{COMMAND_MARK}{}", T::ExamWordHandIn.get(lang));
        self.say(&match lang {
            Lang::De => format!("„{help}“ zeigt die Befehle im Test, „{hand_in}“ gibt ab."),
            Lang::En => format!("“{help}” lists the commands of the test, “{hand_in}” hands in."),
        })
    }

    fn exam_save(&mut self, c: usize, run: &ExamRun) -> Step {
        let notice = Record::new(&mut self.store, &self.library).exam_saved(c, run);
        self.saved(notice)
    }

    /// The warning of the last minute, with the word for more time; once per last minute.
    fn exam_warn(&mut self, sitting: &mut Sitting) -> Step {
        sitting.warned = true;
        let lang = self.lang;
        let left = sitting.left().unwrap_or(0);
        let word = format!("{COMMAND_MARK}{}", T::ExamWordMoreTime.get(lang));
        self.say(&i18n::exam_warning(lang, left, &word, EXTENSION_MINUTES))
    }

    /// The exam left with the word for quitting or at the end of input: saved with the time
    /// spent (one whose time ran out meanwhile is handed in at the next start). The stop to
    /// end with.
    fn exam_stopped(&mut self, c: usize, sitting: &mut Sitting, stop: Stop) -> Stop {
        if matches!(stop, Stop::Quit | Stop::EndOfInput) {
            sitting.time_up();
            let said = self
                .exam_save(c, &sitting.run)
                .and_then(|()| self.say(T::ExamSaved.get(self.lang)));
            if let Err(output) = said {
                return output;
            }
        }
        stop
    }

    /// Question after question, as the learner moves, until handed in or time is up.
    fn exam_questions(&mut self, c: usize, mut sitting: Sitting) -> Step {
        let lang = self.lang;
        let mut show = true;
        loop {
            if sitting.time_up() {
                self.say(T::ExamTimeUp.get(lang))?;
                return self.exam_hand_in(c, &sitting.run, true);
            }
            let run = &sitting.run;
            let pos = run.current;
            let drawn = run.drawn[pos].clone();
            let what = if show {
                let counter = i18n::plain_exam_counter(
                    lang,
                    pos + 1,
                    run.len(),
                    run.remaining(0),
                    run.flagged[pos],
                );
                let given = run.answers[pos].clone();
                let what = self.say_question_as(&counter, &drawn.question, &drawn.order)?;
                if let Some(answer) = &given {
                    let words = answer_words(&drawn.question, answer, lang);
                    self.say(&format!("{}: {words}", T::YourAnswer.get(lang)))?;
                }
                what
            } else {
                what_to_type(&drawn.question.kind, lang)
            };
            show = true;
            if sitting.last_minute() && !sitting.warned {
                self.exam_warn(&mut sitting)?;
            }
            let prompt = i18n::plain_answer_prompt(lang, &what);
            let reply = loop {
                match self.ask_until(&prompt, Asked::Question, sitting.deadline()) {
                    Ok(Some(reply)) => break reply,
                    // The warning or the end came while the learner was thinking.
                    Ok(None) => {
                        if sitting.time_up() {
                            return self.exam_time_up_waiting(c, &sitting.run);
                        }
                        if !sitting.warned {
                            self.exam_warn(&mut sitting)?;
                        }
                    }
                    Err(stop) => return Err(self.exam_stopped(c, &mut sitting, stop)),
                }
            };
            if sitting.time_up() {
                let typed = match &reply {
                    Reply::Line(line) => Some(line.as_str()),
                    _ => None,
                };
                self.say(&i18n::exam_too_late(lang, typed))?;
                self.say(T::ExamTimeUp.get(lang))?;
                return self.exam_hand_in(c, &sitting.run, true);
            }
            let run = &mut sitting.run;
            let line = match reply {
                Reply::Back => {
                    if pos == 0 {
                        self.say(T::ExamFirstQuestion.get(lang))?;
                        show = false;
                    } else {
                        run.go(pos - 1);
                        self.exam_save(c, &sitting.run)?;
                    }
                    continue;
                }
                Reply::Command(Command::List) => continue,
                Reply::Command(Command::Help) => {
                    self.exam_help(&what)?;
                    show = false;
                    continue;
                }
                Reply::Command(other) => {
                    self.not_here(&other)?;
                    show = false;
                    continue;
                }
                Reply::Line(line) => line,
            };
            match exam_move(&line, run.len()) {
                Some(Move::Flag) => {
                    run.toggle_flag(pos);
                    let said = if run.flagged[pos] {
                        T::ExamFlagged
                    } else {
                        T::ExamUnflagged
                    };
                    self.say(said.get(lang))?;
                    self.exam_save(c, &sitting.run)?;
                    show = false;
                }
                Some(Move::Next) => {
                    run.go((pos + 1) % run.len());
                    self.exam_save(c, &sitting.run)?;
                }
                Some(Move::Question(Some(n))) => {
                    run.go(n);
                    self.exam_save(c, &sitting.run)?;
                }
                Some(Move::Question(None)) => {
                    self.say(T::ExamNoSuchQuestion.get(lang))?;
                    show = false;
                }
                Some(Move::MoreTime) => {
                    self.exam_more_time(c, &mut sitting)?;
                    show = false;
                }
                Some(Move::HandIn) => {
                    if let Some(step) = self.exam_summary_then(c, &mut sitting) {
                        return step;
                    }
                }
                None => match parse_answer(&drawn.question.kind, &drawn.order, &line) {
                    Ok(answer) => {
                        run.answer(pos, answer);
                        match next_open(run, pos) {
                            Some(next) => {
                                run.go(next);
                                self.exam_save(c, &sitting.run)?;
                            }
                            None => {
                                self.exam_save(c, &sitting.run)?;
                                if let Some(step) = self.exam_summary_then(c, &mut sitting) {
                                    return step;
                                }
                            }
                        }
                    }
                    Err(expected) => {
                        self.say(&expected.sentence(lang))?;
                        show = false;
                    }
                },
            }
        }
    }

    /// More time, when the last minute has come: recorded in the terms, and warned again at
    /// the new last minute.
    fn exam_more_time(&mut self, c: usize, sitting: &mut Sitting) -> Step {
        let lang = self.lang;
        if !sitting.last_minute() {
            return self.say(T::ExamNoMoreTime.get(lang));
        }
        sitting.run.extend();
        sitting.warned = false;
        let left = sitting.left().unwrap_or(0);
        self.say(&i18n::exam_extended(lang, EXTENSION_MINUTES, left))?;
        self.exam_save(c, &sitting.run)
    }

    /// The summary, then what it leads to: `None` to go on with a question, else the step that
    /// ends the exam (handed in, or its time up).
    fn exam_summary_then(&mut self, c: usize, sitting: &mut Sitting) -> Option<Step> {
        let lang = self.lang;
        Some(match self.exam_summary(c, sitting) {
            Ok(Summary::Back) => return None,
            Ok(Summary::HandIn) => self.exam_hand_in(c, &sitting.run, false),
            Ok(Summary::TimeUpWaiting) => self.exam_time_up_waiting(c, &sitting.run),
            Ok(Summary::TooLate) => self
                .say(&i18n::exam_too_late(lang, None))
                .and_then(|()| self.say(T::ExamTimeUp.get(lang)))
                .and_then(|()| self.exam_hand_in(c, &sitting.run, true)),
            Err(stop) => Err(stop),
        })
    }

    /// Before handing in: what is open and flagged, to hand in or go back to a question (the
    /// first open or flagged one); in the last minute, more time is one of the choices.
    fn exam_summary(&mut self, c: usize, sitting: &mut Sitting) -> Step<Summary> {
        let lang = self.lang;
        loop {
            let run = &sitting.run;
            let (unanswered, flagged) = run.summary();
            let back_to = (0..run.len())
                .find(|&i| run.answers[i].is_none() || run.flagged[i])
                .unwrap_or(run.current);
            let mut lines = vec![
                MenuLine::Heading(i18n::exam_summary(lang, run.len(), unanswered, flagged)),
                MenuLine::Entry(T::ExamHandIn.get(lang).to_owned()),
                MenuLine::Entry(i18n::exam_back_to(lang, back_to + 1)),
            ];
            let more_time = sitting.last_minute();
            if more_time {
                lines.push(MenuLine::Entry(i18n::exam_more_time_entry(
                    lang,
                    EXTENSION_MINUTES,
                )));
            }
            let picked =
                match self.menu_until(&lines, T::PlainChooseAction, &[], sitting.deadline()) {
                    Ok(picked) => picked,
                    Err(stop) => return Err(self.exam_stopped(c, sitting, stop)),
                };
            let Some(pick) = picked else {
                if sitting.time_up() {
                    return Ok(Summary::TimeUpWaiting);
                }
                if !sitting.warned {
                    sitting.warned = true;
                    let left = sitting.left().unwrap_or(0);
                    self.say(&i18n::exam_warning_entry(lang, left, 3, EXTENSION_MINUTES))?;
                }
                continue;
            };
            if sitting.time_up() {
                return Ok(Summary::TooLate);
            }
            match pick {
                Pick::Entry(0) => return Ok(Summary::HandIn),
                Pick::Entry(2) if more_time => self.exam_more_time(c, sitting)?,
                Pick::Entry(_) | Pick::Back => {
                    sitting.run.go(back_to);
                    self.exam_save(c, &sitting.run)?;
                    return Ok(Summary::Back);
                }
                Pick::Command(other) => self.not_here(&other)?,
            }
        }
    }

    /// The commands inside an exam question.
    fn exam_help(&mut self, what: &str) -> Step {
        let lang = self.lang;
        self.say(T::PlainHelpHeading.get(lang))?;
        self.say(&format!("- {what}: {}", T::ExamHelpAnswer.get(lang)))?;
        let question = format!("{} N", T::ExamWordQuestion.get(lang));
        let words: [(&str, T); 8] = [
            (T::ExamWordFlag.get(lang), T::ExamHelpFlag),
            (T::ExamWordNext.get(lang), T::ExamHelpNext),
            (T::PlainBack.get(lang), T::ExamHelpBack),
            (&question, T::ExamHelpQuestion),
            (T::ExamWordHandIn.get(lang), T::ExamHelpHandIn),
            (T::ExamWordMoreTime.get(lang), T::ExamHelpMoreTime),
            (T::PlainListWord.get(lang), T::PlainHelpQuestionList),
            (T::PlainQuit.get(lang), T::ExamHelpQuit),
        ];
        for (word, does) in words {
            let command = format!("{COMMAND_MARK}{word}");
            self.say(&i18n::plain_command_line(lang, &command, does.get(lang)))?;
        }
        Ok(())
    }

    /// Grades the exam, keeps the result, says it question by question, then the certificate.
    fn exam_hand_in(&mut self, c: usize, run: &ExamRun, timed_out: bool) -> Step {
        let result = self.exam_record(c, run, timed_out)?;
        self.exam_result(c, run, &result)
    }

    /// Grades the exam and keeps the result.
    fn exam_record(&mut self, c: usize, run: &ExamRun, timed_out: bool) -> Step<ExamResult> {
        let result = run.hand_in(timed_out);
        let notice = Record::new(&mut self.store, &self.library)
            .with_journal(self.journal.as_mut())
            .exam_handed_in(c, run, &result);
        self.saved(notice)?;
        Ok(result)
    }

    /// The time ran out while kurs waited for a line: the exam is handed in and saved at once;
    /// then one line is read before the result, so that an answer being typed is not taken for
    /// the next question's (the profile's name, the next menu's number) and is said not to count.
    fn exam_time_up_waiting(&mut self, c: usize, run: &ExamRun) -> Step {
        let lang = self.lang;
        self.say(T::ExamTimeUpWaiting.get(lang))?;
        let result = self.exam_record(c, run, true)?;
        match self.ask(T::ExamSeeResult.get(lang), Asked::Question) {
            Ok(Reply::Line(line)) if line.trim().is_empty() => {}
            Ok(Reply::Line(line)) => self.say(&i18n::exam_too_late(lang, Some(&line)))?,
            Ok(_) => self.say(&i18n::exam_too_late(lang, None))?,
            // The result is kept; it is said before the session ends.
            Err(Stop::EndOfInput) => {}
            Err(stop) => return Err(stop),
        }
        self.exam_result(c, run, &result)
    }

    /// The result said question by question, then the certificate after a pass.
    fn exam_result(&mut self, c: usize, run: &ExamRun, result: &ExamResult) -> Step {
        let lang = self.lang;
        self.blank()?;
        let percent = Some(u32::from(result.percent));
        self.say(&format!(
            "{}: {}",
            T::Result.get(lang),
            i18n::score(lang, result.points, result.max, percent)
        ))?;
        let verdict = if result.passed {
            T::Passed
        } else {
            T::NotPassed
        };
        self.say(&format!(
            "{}. {}.",
            verdict.get(lang),
            i18n::pass_mark(lang, run.pass_percent)
        ))?;
        if let Some(terms) = terms_text(&result.terms, lang) {
            self.say(&i18n::exam_terms_line(lang, &terms))?;
        }
        for (n, drawn) in run.drawn.iter().enumerate() {
            self.blank()?;
            self.say(&i18n::plain_question_counter(lang, n + 1, run.len()))?;
            self.markdown(&drawn.question.prompt)?;
            match &run.answers[n] {
                Some(answer) => {
                    let words = answer_words(&drawn.question, answer, lang);
                    self.say(&format!("{}: {words}", T::YourAnswer.get(lang)))?;
                    self.feedback(&drawn.question, &drawn.order, answer, result.credits[n])?;
                }
                None => {
                    self.say(&format!(
                        "{}: {}",
                        T::YourAnswer.get(lang),
                        T::ExamNotAnswered.get(lang)
                    ))?;
                    // Said as a wrong answer is: the right one and the explanation.
                    let nothing = Answer::Text(String::new());
                    self.feedback(&drawn.question, &drawn.order, &nothing, Credit::NONE)?;
                }
            }
        }
        if result.passed {
            self.certificate(c)?;
        }
        Ok(())
    }

    /// The certificate of course `c` once its requirement is met: the profile asked for the
    /// first time it is needed, then both files written and where they are said.
    pub(super) fn certificate(&mut self, c: usize) -> Step {
        let lang = self.lang;
        let Some(certify) = self.certify.clone() else {
            return Ok(());
        };
        // Issued before is no reason to stop here: a passed exam retaken gives a new certificate
        // with the best results (a passed quiz comes here only while none was issued).
        match certificate_status(&self.library, self.store.progress(), c) {
            CertificateStatus::NoCertificate => return Ok(()),
            CertificateStatus::NotYet => return self.say(T::ExamCertificateNotYet.get(lang)),
            CertificateStatus::Issued(_) | CertificateStatus::Due => {}
        }
        let index = self.store.path().to_path_buf();
        let profile = match Profile::load(&index) {
            Ok(Some(profile)) => profile,
            Ok(None) => match self.ask_profile()? {
                Some(profile) => {
                    if let Err(error) = profile.save(&index) {
                        return self.say(&error.text(lang));
                    }
                    profile
                }
                None => return self.say(T::CertificateLater.get(lang)),
            },
            Err(error) => return self.say(&error.text(lang)),
        };
        let outcome = Record::new(&mut self.store, &self.library)
            .with_journal(self.journal.as_mut())
            .certificate(c, &profile, &certify);
        let lines = outcome.lines(lang);
        self.saved(outcome.notice)?;
        for line in lines {
            self.say(&line)?;
        }
        Ok(())
    }

    /// Name and birth date, asked once with the reason; `None` when the learner goes back.
    fn ask_profile(&mut self) -> Step<Option<Profile>> {
        let lang = self.lang;
        self.blank()?;
        self.say(T::CertificateWhy.get(lang))?;
        loop {
            let Reply::Line(name) = self.ask(T::CertificateAskName.get(lang), Asked::Question)?
            else {
                return Ok(None);
            };
            let Reply::Line(birth) =
                self.ask(T::CertificateAskBirthDate.get(lang), Asked::Question)?
            else {
                return Ok(None);
            };
            match Profile::parse_input(&name, &birth, None, crate::profile::today()) {
                Ok(profile) => return Ok(Some(profile)),
                Err(problems) => {
                    for problem in problems {
                        self.say(&problem.text(lang))?;
                    }
                }
            }
        }
    }
}

/// The exam's title: the trainer's, else "Abschlusstest" / "Final test".
pub(super) fn exam_title(exam: &Exam, lang: Lang) -> String {
    folded(&crate::session::exam_title(exam, lang))
}

/// The next question without an answer after `pos` (wrapping round), `None` when all are answered.
fn next_open(run: &ExamRun, pos: usize) -> Option<usize> {
    let n = run.len();
    (1..=n)
        .map(|step| (pos + step) % n)
        .find(|&i| run.answers[i].is_none())
}

/// What to type for a question, as `say_question` says it (for a prompt without the question).
fn what_to_type(kind: &QuestionKind, lang: Lang) -> String {
    match kind {
        QuestionKind::Single { .. } => T::PlainAnswerSingle.get(lang).to_owned(),
        QuestionKind::Multiple { .. } => T::PlainAnswerMultiple.get(lang).to_owned(),
        QuestionKind::TrueFalse { .. } => T::PlainAnswerTrueFalse.get(lang).to_owned(),
        QuestionKind::Text { .. } => T::PlainAnswerText.get(lang).to_owned(),
        QuestionKind::Order { items } => {
            i18n::plain_answer_order(lang, &super::answer::order_example(items.len()))
        }
        QuestionKind::Match { pairs, distractors } => i18n::plain_answer_match(
            lang,
            &super::answer::match_example(pairs.len(), pairs.len() + distractors.len()),
        ),
        QuestionKind::Numeric { unit, .. } => {
            i18n::plain_answer_number(lang, unit.as_deref().map(folded).as_deref())
        }
    }
}

/// An answer in words: the choices picked, true or false, the text, the items in order.
fn answer_words(question: &Question, answer: &Answer, lang: Lang) -> String {
    match (&question.kind, answer) {
        (QuestionKind::Single { choices }, Answer::Single(i)) => {
            choices.get(*i).map(|c| folded(&c.text)).unwrap_or_default()
        }
        (QuestionKind::Multiple { choices }, Answer::Multiple(set)) => set
            .iter()
            .filter_map(|&i| choices.get(i))
            .map(|c| folded(&c.text))
            .collect::<Vec<_>>()
            .join("; "),
        (_, Answer::TrueFalse(b)) => if *b { T::True } else { T::False }.get(lang).to_owned(),
        (_, Answer::Text(text)) => folded(text),
        (QuestionKind::Order { items }, Answer::Order(order)) => order
            .iter()
            .filter_map(|&i| items.get(i))
            .map(|t| folded(t))
            .collect::<Vec<_>>()
            .join(" → "),
        (QuestionKind::Match { .. }, Answer::Match(picked)) => {
            crate::quiz::match_words(question, picked)
                .iter()
                .map(|t| folded(t))
                .collect::<Vec<_>>()
                .join("; ")
        }
        (QuestionKind::Numeric { unit, .. }, Answer::Number(value)) => {
            let unit = unit
                .as_deref()
                .map(|u| format!(" {}", folded(u)))
                .unwrap_or_default();
            format!("{}{unit}", i18n::number(lang, *value))
        }
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exam_words_are_understood_in_both_languages_and_only_behind_the_mark() {
        assert_eq!(exam_move("/markieren", 5), Some(Move::Flag));
        assert_eq!(exam_move(" /FLAG ", 5), Some(Move::Flag));
        assert_eq!(exam_move("/weiter", 5), Some(Move::Next));
        assert_eq!(exam_move("/submit", 5), Some(Move::HandIn));
        assert_eq!(exam_move("/abgeben", 5), Some(Move::HandIn));
        assert_eq!(exam_move("/mehrzeit", 5), Some(Move::MoreTime));
        assert_eq!(exam_move("/frage 3", 5), Some(Move::Question(Some(2))));
        assert_eq!(exam_move("/question 9", 5), Some(Move::Question(None)));
        assert_eq!(exam_move("/frage", 5), Some(Move::Question(None)));
        assert_eq!(exam_move("abgeben", 5), None, "an answer, not a command");
        assert_eq!(exam_move("/weiter bitte", 5), None);
    }
}
