//! The quiz, question by question: choices numbered, the answer typed as a line, the same
//! feedback as the full-screen player, and the result with the choice to repeat or, once
//! passed, to go on with the course's next module. Leaving is said in words.

use std::io::Write;

use super::answer::{Asked, COMMAND_MARK, Command, match_example, order_example, parse_answer};
use super::player::{MenuLine, Pick, Reply};
use super::{Player, Step};
use crate::course::partner;
use crate::course::{Course, Question, QuestionKind, Quiz};
use crate::i18n::{self, Lang, T};
use crate::markdown;
use crate::quiz::{Answer, Credit, Run, right_answer};
use crate::safe_text::folded;
use crate::session::{ModuleRef, Record, next_unpassed};

impl<W: Write> Player<W> {
    /// Attempts at the quiz, until the learner goes back (`None`) or on to the next module
    /// offered after a passed attempt.
    pub(super) fn quiz(&mut self, at: ModuleRef, quiz: &Quiz) -> Step<Option<ModuleRef>> {
        let mut run = Run::start(quiz, &mut self.shuffler);
        loop {
            self.blank()?;
            let intro = i18n::plain_quiz_intro(
                self.lang,
                &quiz_title(Some(quiz), self.lang),
                run.asked.len(),
                quiz.pass_percent,
            );
            self.say(&intro)?;
            for position in 0..run.asked.len() {
                if !self.question(at, quiz, &mut run, position)? {
                    self.say(T::PlainQuizLeftMidway.get(self.lang))?;
                    return Ok(None);
                }
            }
            let notice = Record::new(&mut self.store, &self.library)
                .with_journal(self.journal.as_mut())
                .attempt(at, quiz, &run);
            self.saved(notice)?;
            self.result(at, quiz, &run)?;
            // The quiz that completes the certificate's requirement (the exam may have come
            // first): issued now.
            if run.passed(quiz)
                && crate::session::certificate_now_due(
                    &mut self.library,
                    self.store.progress(),
                    at.course,
                )
            {
                self.certificate(at.course)?;
            }
            let mut actions = Vec::new();
            // The next step after passing: the course's next module not passed yet.
            if run.passed(quiz)
                && let Some(next) = next_unpassed(&self.library, self.store.progress(), at)
            {
                actions.push(ResultAction::Next(next));
            }
            if run.has_wrong() {
                actions.push(ResultAction::RepeatWrong);
            }
            actions.push(ResultAction::RepeatAll);
            let lines: Vec<MenuLine> = actions
                .iter()
                .map(|action| {
                    MenuLine::Entry(match action {
                        ResultAction::Next(next) => {
                            let module = &self.library.courses[next.course].modules[next.module];
                            i18n::go_on_with(self.lang, &folded(&Course::module_label(module)))
                        }
                        ResultAction::RepeatWrong => T::PlainRepeatWrong.get(self.lang).to_string(),
                        ResultAction::RepeatAll => T::PlainRepeatAll.get(self.lang).to_string(),
                    })
                })
                .collect();
            let i = loop {
                match self.menu(&lines, T::PlainChooseAction)? {
                    Pick::Entry(i) => break i,
                    Pick::Back => {
                        self.say(T::PlainQuizLeft.get(self.lang))?;
                        return Ok(None);
                    }
                    Pick::Command(other) => self.not_here(&other)?,
                }
            };
            run = match actions[i] {
                ResultAction::Next(next) => return Ok(Some(next)),
                ResultAction::RepeatWrong => run.repeat_wrong(quiz, &mut self.shuffler),
                ResultAction::RepeatAll => Run::start(quiz, &mut self.shuffler),
            };
        }
    }

    /// Asks one question until it is answered; false when the learner goes back.
    fn question(
        &mut self,
        at: ModuleRef,
        quiz: &Quiz,
        run: &mut Run,
        position: usize,
    ) -> Step<bool> {
        let asked = run.asked[position].clone();
        let Some(question) = quiz.questions.get(asked.question) else {
            return Ok(true);
        };
        let lang = self.lang;
        let what = self.say_question(question, &asked.order, position, run.asked.len())?;
        let prompt = i18n::plain_answer_prompt(lang, &what);
        self.announce_help()?;
        let answer = loop {
            let line = match self.ask(&prompt, Asked::Question)? {
                Reply::Back => return Ok(false),
                Reply::Line(line) => line,
                Reply::Command(Command::Help) => {
                    self.question_help(&what)?;
                    continue;
                }
                Reply::Command(Command::List) => {
                    self.say_question(question, &asked.order, position, run.asked.len())?;
                    continue;
                }
                Reply::Command(other) => {
                    self.not_here(&other)?;
                    continue;
                }
            };
            match parse_answer(&question.kind, &asked.order, &line) {
                Ok(answer) => break answer,
                Err(expected) => self.say(&expected.sentence(lang))?,
            }
        };
        let Some(credit) = run.answer(quiz, position, answer.clone()) else {
            return Ok(true);
        };
        // Recorded at once, as the player does, so an answer given is never lost.
        let notice = Record::new(&mut self.store, &self.library)
            .with_journal(self.journal.as_mut())
            .answer(at, question, &answer, credit);
        self.saved(notice)?;
        self.feedback(question, &asked.order, &answer, credit)?;
        Ok(true)
    }

    /// "Frage 2 von 6", the question and its numbered choices or items; gives what to type.
    pub(super) fn say_question(
        &mut self,
        question: &Question,
        order: &[usize],
        position: usize,
        total: usize,
    ) -> Step<String> {
        let counter = i18n::plain_question_counter(self.lang, position + 1, total);
        self.say_question_as(&counter, question, order)
    }

    /// The question under the line `counter` ("Frage 2 von 6", or the exam's with its time).
    pub(super) fn say_question_as(
        &mut self,
        counter: &str,
        question: &Question,
        order: &[usize],
    ) -> Step<String> {
        let lang = self.lang;
        self.blank()?;
        self.say(counter)?;
        self.markdown(&question.prompt)?;
        let what = match &question.kind {
            QuestionKind::Single { choices } | QuestionKind::Multiple { choices } => {
                let texts: Vec<&str> = order
                    .iter()
                    .filter_map(|&i| choices.get(i))
                    .map(|c| c.text.as_str())
                    .collect();
                self.numbered(&texts)?;
                if matches!(question.kind, QuestionKind::Single { .. }) {
                    T::PlainAnswerSingle.get(lang).to_string()
                } else {
                    T::PlainAnswerMultiple.get(lang).to_string()
                }
            }
            QuestionKind::TrueFalse { .. } => {
                self.numbered(&[T::True.get(lang), T::False.get(lang)])?;
                T::PlainAnswerTrueFalse.get(lang).to_string()
            }
            QuestionKind::Text { .. } => T::PlainAnswerText.get(lang).to_string(),
            QuestionKind::Order { items } => {
                let texts: Vec<&str> = order
                    .iter()
                    .filter_map(|&i| items.get(i))
                    .map(String::as_str)
                    .collect();
                self.numbered(&texts)?;
                // The example has as many numbers as the question has items.
                i18n::plain_answer_order(lang, &order_example(items.len()))
            }
            QuestionKind::Match { pairs, distractors } => {
                let lefts: Vec<&str> = pairs.iter().map(|p| p.left.as_str()).collect();
                self.numbered(&lefts)?;
                self.say(&format!("{}:", T::MatchPartners.get(lang)))?;
                let partners = order.iter().filter_map(|&i| partner(pairs, distractors, i));
                for (pos, text) in partners.enumerate() {
                    let letter = char::from(b'a' + u8::try_from(pos.min(25)).unwrap_or(0));
                    self.say(&format!("{letter}) {}", folded(text)))?;
                }
                // The example uses the question's own numbers and letters.
                let example = match_example(pairs.len(), pairs.len() + distractors.len());
                i18n::plain_answer_match(lang, &example)
            }
            QuestionKind::Numeric { unit, .. } => {
                i18n::plain_answer_number(lang, unit.as_deref().map(folded).as_deref())
            }
        };
        Ok(what)
    }

    /// The commands inside a question: the answer, and the marked words.
    fn question_help(&mut self, what: &str) -> Step {
        let lang = self.lang;
        self.say(T::PlainHelpHeading.get(lang))?;
        self.say(&format!("- {what}"))?;
        for (word, does) in [
            (T::PlainListWord, T::PlainHelpQuestionList),
            (T::PlainHelpWord, T::PlainHelpHelp),
            (T::PlainBack, T::PlainHelpQuestionBack),
            (T::PlainQuit, T::PlainHelpQuit),
        ] {
            let command = format!("{COMMAND_MARK}{}", word.get(lang));
            self.say(&i18n::plain_command_line(lang, &command, does.get(lang)))?;
        }
        Ok(())
    }

    /// The same content as the player: right, partly right or wrong, feedback on each picked
    /// choice, the right answer when not fully right, the explanation.
    pub(super) fn feedback(
        &mut self,
        question: &Question,
        order: &[usize],
        answer: &Answer,
        credit: Credit,
    ) -> Step {
        let lang = self.lang;
        self.say(&i18n::verdict(lang, credit))?;
        if let QuestionKind::Single { choices } | QuestionKind::Multiple { choices } =
            &question.kind
        {
            let picked: Vec<usize> = match answer {
                Answer::Single(i) => vec![*i],
                Answer::Multiple(set) => set.iter().copied().collect(),
                _ => Vec::new(),
            };
            for choice in picked.iter().filter_map(|&i| choices.get(i)) {
                if let Some(feedback) = &choice.feedback {
                    self.say(&i18n::plain_feedback_on(lang, &folded(&choice.text)))?;
                    self.markdown(feedback)?;
                }
            }
        }
        if !credit.is_full() {
            let label = T::RightAnswer.get(lang);
            match &question.kind {
                QuestionKind::Order { items } => {
                    self.say(&format!("{label}:"))?;
                    let texts: Vec<&str> = items.iter().map(String::as_str).collect();
                    self.numbered(&texts)?;
                }
                _ => match right_answer(question, order, lang).as_slice() {
                    [one] => self.say(&format!("{label}: {}", folded(one)))?,
                    several => {
                        self.say(&format!("{label}:"))?;
                        for text in several {
                            self.say(&format!("- {}", folded(text)))?;
                        }
                    }
                },
            }
        }
        if let Some(explanation) = &question.explanation {
            self.say(&format!("{}:", T::Explanation.get(lang)))?;
            self.markdown(explanation)?;
        }
        Ok(())
    }

    fn result(&mut self, at: ModuleRef, quiz: &Quiz, run: &Run) -> Step {
        let lang = self.lang;
        let (points, max) = run.score();
        self.blank()?;
        self.say(&format!(
            "{}: {}",
            T::Result.get(lang),
            i18n::score(lang, points, max, run.percent())
        ))?;
        let verdict = if run.passed(quiz) {
            T::Passed
        } else {
            T::NotPassed
        };
        self.say(&format!(
            "{}. {}.",
            verdict.get(lang),
            i18n::pass_mark(lang, quiz.pass_percent)
        ))?;
        for (n, (asked, outcome)) in run.asked.iter().zip(&run.outcomes).enumerate() {
            let Some(question) = quiz.questions.get(asked.question) else {
                continue;
            };
            let credit = outcome.as_ref().map_or(Credit::NONE, |o| o.credit);
            let verdict = i18n::verdict(lang, credit);
            let prompt = markdown::render(&question.prompt, 10_000, markdown::Style::PLAIN)
                .iter()
                .map(|l| l.text())
                .find(|l| !l.trim().is_empty())
                .unwrap_or_default();
            self.say(&format!("{}. {verdict}: {}", n + 1, folded(&prompt)))?;
        }
        if !run.carried.is_empty() {
            self.say(&i18n::plain_carried(lang, run.carried.len()))?;
        }
        self.say(&self.module_sentence(at))
    }
}

#[derive(Clone, Copy)]
enum ResultAction {
    /// Open this module: the course's next one not passed yet.
    Next(ModuleRef),
    RepeatWrong,
    RepeatAll,
}

pub(super) fn quiz_title(quiz: Option<&Quiz>, lang: Lang) -> String {
    match quiz.and_then(|q| q.title.as_deref()) {
        Some(title) => folded(title),
        None => T::QuizDefaultTitle.get(lang).to_string(),
    }
}
