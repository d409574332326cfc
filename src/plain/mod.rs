//! The line-by-line front end for screen readers, braille displays and scripts: numbered menus,
//! answers typed as lines, every state said in words, and not one control sequence in the output.

mod answer;
mod input;

use std::convert::Infallible;
use std::io::{self, BufRead, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use crate::cli::PlayArgs;
use crate::course::{Course, Library, Module, Question, QuestionKind, Quiz};
use crate::i18n::{self, Lang, T};
use crate::markdown;
use crate::progress::{Progress, ProgressStore, module_status, now};
use crate::quiz::{Answer, Run, Shuffler, right_answer};
use crate::safe_text::{folded, sanitize, single_line};
use crate::tui::Session;
use answer::{Command, menu_number, parse_answer};

/// Plain mode on the terminal or pipes it was started with.
pub fn run(session: Session, args: &PlayArgs) -> ExitCode {
    // At a terminal the learner's typing is already on the screen; from a pipe it is not.
    let echo = !io::stdin().is_terminal();
    let output = BufWriter::new(io::stdout().lock());
    play(session, args, io::stdin().lock(), output, echo)
}

/// Plain mode over any input and output, as a script or a test drives it. Each line read is
/// written after its prompt, so the output reads like the same session typed at a terminal.
pub fn run_with(
    session: Session,
    args: &PlayArgs,
    input: impl BufRead,
    output: impl Write,
) -> ExitCode {
    play(session, args, input, output, true)
}

fn play(
    session: Session,
    args: &PlayArgs,
    input: impl BufRead,
    output: impl Write,
    echo: bool,
) -> ExitCode {
    let Session {
        library,
        store,
        notices,
        open,
        ..
    } = session;
    let mut player = Player {
        lang: course_lang(args.lang, library.courses.first()),
        library,
        store,
        lang_override: args.lang,
        shuffler: Shuffler::new(args.seed),
        input,
        out: output,
        echo,
        width: text_width(),
        last_notice: None,
        place: None,
    };
    let stop = match player.start(&notices, open) {
        Ok(never) => match never {},
        Err(stop) => stop,
    };
    player.finish(stop)
}

/// `--lang`, else the course's language, else English.
fn course_lang(lang: Option<Lang>, course: Option<&Course>) -> Lang {
    lang.or_else(|| course.and_then(|c| Lang::from_tag(&c.language)))
        .unwrap_or(Lang::En)
}

/// `$COLUMNS` when the shell says how wide the terminal is, else 80.
fn text_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .filter(|w| (20..=1000).contains(w))
        .unwrap_or(80)
}

/// Why the session ends.
enum Stop {
    /// The learner typed the word for quitting.
    Quit,
    /// Input ended (end of a script, Ctrl+D) or could not be read any more.
    EndOfInput,
    /// The output cannot be written; nobody is listening.
    Output(io::Error),
}

impl From<io::Error> for Stop {
    fn from(error: io::Error) -> Self {
        Stop::Output(error)
    }
}

type Step<T = ()> = Result<T, Stop>;

/// A line the learner typed, or the word for going back.
enum Reply {
    Back,
    Line(String),
}

/// What was picked in a numbered menu.
enum Pick {
    Back,
    Entry(usize),
}

/// A menu line: a heading that only orients, or an entry with a number.
enum MenuLine {
    Heading(String),
    Entry(String),
}

#[derive(Clone, Copy)]
enum ModuleAction {
    ReadAll,
    ReadOne,
    Quiz,
    ToggleLearned,
}

#[derive(Clone, Copy)]
enum ResultAction {
    RepeatWrong,
    RepeatAll,
}

/// The module the learner is in, so the next start resumes there.
#[derive(Clone, Copy)]
struct Place {
    course: usize,
    module: usize,
    section: Option<usize>,
}

struct Player<R, W> {
    library: Library,
    store: ProgressStore,
    lang_override: Option<Lang>,
    /// The language of the course the learner is in.
    lang: Lang,
    shuffler: Shuffler,
    input: R,
    out: W,
    echo: bool,
    width: usize,
    /// The last progress-file problem told, so a disk that stays full is not reported after every answer.
    last_notice: Option<String>,
    place: Option<Place>,
}

impl<R: BufRead, W: Write> Player<R, W> {
    fn start(&mut self, notices: &[String], open: Option<(usize, usize)>) -> Step<Infallible> {
        for notice in notices {
            self.say(notice)?;
        }
        let mut course = None;
        let open = open.filter(|&(c, m)| {
            self.library
                .courses
                .get(c)
                .is_some_and(|course| m < course.modules.len())
        });
        if let Some((c, m)) = open {
            self.enter_course(c);
            self.module(c, m)?;
            course = Some(c);
        } else if let Some(place) = self.last_place() {
            self.enter_course(place.course);
            if self.load(place.course, place.module)? {
                let module = &self.library.courses[place.course].modules[place.module];
                let label = folded(&Course::module_label(module));
                let section = place
                    .section
                    .and_then(|s| module.sections.get(s))
                    .map(|s| folded(&s.title));
                self.say(&i18n::plain_resume(self.lang, &label, section.as_deref()))?;
                self.module(place.course, place.module)?;
            }
            course = Some(place.course);
        }
        let mut describe = course.is_none();
        loop {
            let c = match course {
                Some(c) => c,
                None if self.library.courses.len() == 1 => 0,
                None => {
                    describe = true;
                    self.choose_course()?
                }
            };
            self.modules(c, describe)?;
            describe = false;
            // Back from the module list leads to the course list, if there is more than one course.
            course = (self.library.courses.len() == 1).then_some(c);
        }
    }

    /// Where the learner stopped last time, if that module still exists.
    fn last_place(&self) -> Option<Place> {
        let progress = self.store.progress();
        let last = progress.last_course.as_deref()?;
        let course = self.library.courses.iter().position(|c| c.id == last)?;
        let stored = progress.courses.get(last)?;
        let module_id = stored.last_module.as_deref()?;
        let module = self.library.courses[course]
            .modules
            .iter()
            .position(|m| m.id == module_id)?;
        Some(Place {
            course,
            module,
            section: stored.last_section,
        })
    }

    fn enter_course(&mut self, c: usize) {
        self.lang = course_lang(self.lang_override, self.library.courses.get(c));
    }

    /// Saves where the learner is, as the player does when leaving a module or quitting.
    fn leave_module(&mut self) -> Step {
        let Some(place) = self.place.take() else {
            return Ok(());
        };
        let Some(course) = self.library.courses.get(place.course) else {
            return Ok(());
        };
        let Some(module) = course.modules.get(place.module) else {
            return Ok(());
        };
        let (course, module) = (course.id.clone(), module.id.clone());
        self.save(&course, |p| p.set_place(&course, &module, place.section))
    }

    fn finish(mut self, stop: Stop) -> ExitCode {
        if let Stop::Output(error) = &stop {
            // Nobody reads the output any more; still keep the place for the next start.
            let _ = self.leave_module();
            eprintln!("kurs: cannot write the output: {error}");
            return ExitCode::from(2);
        }
        let end_of_input = matches!(stop, Stop::EndOfInput);
        if end_of_input {
            // The cursor still stands after the unanswered prompt.
            let _ = writeln!(self.out);
        }
        let saved = self.leave_module();
        // "Saved" only when it is true: after a failed save the changes live in memory only.
        let farewell = match (end_of_input, self.store.all_saved()) {
            (true, true) => T::PlainEndOfInput,
            (true, false) => T::PlainEndOfInputNotSaved,
            (false, true) => T::PlainGoodbye,
            (false, false) => T::PlainGoodbyeNotSaved,
        };
        let said = saved
            .and_then(|()| self.say(farewell.get(self.lang)))
            .and_then(|()| self.out.flush().map_err(Stop::from));
        match said {
            Err(Stop::Output(error)) => {
                eprintln!("kurs: cannot write the output: {error}");
                ExitCode::from(2)
            }
            _ => ExitCode::SUCCESS,
        }
    }

    // ---- menus ----

    fn choose_course(&mut self) -> Step<usize> {
        loop {
            self.lang = course_lang(self.lang_override, self.library.courses.first());
            let heading = MenuLine::Heading(T::Library.get(self.lang).to_string());
            let lines: Vec<MenuLine> = std::iter::once(heading)
                .chain(
                    (0..self.library.courses.len()).map(|c| MenuLine::Entry(self.course_line(c))),
                )
                .collect();
            if let Pick::Entry(c) = self.menu(&lines, T::PlainChooseCourse)? {
                return Ok(c);
            }
            // Back from the first menu: there is nothing above it, so it is offered again.
        }
    }

    /// "Digitale Kompetenzen: 1 / 6 bestanden"
    fn course_line(&self, c: usize) -> String {
        let course = &self.library.courses[c];
        let lang = course_lang(self.lang_override, Some(course));
        let passed = course
            .modules
            .iter()
            .filter(|m| {
                self.store
                    .progress()
                    .module(&course.id, &m.id)
                    .is_some_and(|p| p.passed())
            })
            .count();
        format!(
            "{}: {}",
            folded(&course.title),
            i18n::passed_of(lang, passed, course.modules.len())
        )
    }

    /// The module list of one course, until the learner goes back.
    fn modules(&mut self, c: usize, describe: bool) -> Step {
        self.enter_course(c);
        if describe && let Some(description) = self.library.courses[c].description.clone() {
            self.blank()?;
            self.say(&folded(&self.library.courses[c].title))?;
            self.markdown(&description)?;
        }
        loop {
            let course = &self.library.courses[c];
            let mut lines = vec![MenuLine::Heading(self.course_line(c))];
            let mut rows = Vec::new();
            for area in &course.areas {
                if let Some(title) = &area.title {
                    let heading = match &area.code {
                        Some(code) => format!("{code} {title}"),
                        None => title.clone(),
                    };
                    lines.push(MenuLine::Heading(folded(&heading)));
                }
                for &m in area.modules.iter().filter(|&&m| m < course.modules.len()) {
                    rows.push(m);
                    lines.push(MenuLine::Entry(self.module_sentence(c, m)));
                }
            }
            match self.menu(&lines, T::PlainChooseModule)? {
                Pick::Back => return Ok(()),
                Pick::Entry(i) => self.module(c, rows[i])?,
            }
        }
    }

    /// "Modul C2 Messenger & SMS: bestanden, beste Punktzahl 100 %"
    fn module_sentence(&self, c: usize, m: usize) -> String {
        let course = &self.library.courses[c];
        let module = &course.modules[m];
        let record = self.store.progress().module(&course.id, &module.id);
        i18n::module_state_sentence(
            self.lang,
            &folded(&Course::module_label(module)),
            module_status(record),
            record.and_then(|r| r.best_percent()),
        )
    }

    /// Reads the module's body if it is not read yet; a module that cannot be read is told in
    /// one sentence and stays unread (its menu then offers nothing to read).
    fn load(&mut self, c: usize, m: usize) -> Step<bool> {
        match crate::course::load_module(&mut self.library, c, m) {
            Ok(()) => Ok(true),
            Err(errors) => {
                let label = Course::module_label(&self.library.courses[c].modules[m]);
                let text = i18n::module_unreadable(self.lang, &label, &errors);
                self.say(&text)?;
                Ok(false)
            }
        }
    }

    /// One module, until the learner goes back.
    fn module(&mut self, c: usize, m: usize) -> Step {
        if !self.load(c, m)? {
            return Ok(());
        }
        let course = &self.library.courses[c];
        let module = course.modules[m].clone();
        // Keep the section stored for this module, so quitting from the quiz does not forget it.
        let section = self
            .store
            .progress()
            .courses
            .get(&course.id)
            .filter(|p| p.last_module.as_deref() == Some(module.id.as_str()))
            .and_then(|p| p.last_section);
        self.place = Some(Place {
            course: c,
            module: m,
            section,
        });
        self.module_menu(c, m, &module)?;
        self.leave_module()
    }

    fn module_menu(&mut self, c: usize, m: usize, module: &Module) -> Step {
        self.blank()?;
        self.say(&self.module_sentence(c, m))?;
        if let Some(intro) = &module.intro {
            self.markdown(intro)?;
        }
        let quiz = module.quiz.as_ref().filter(|q| !q.questions.is_empty());
        if quiz.is_none() {
            self.say(T::NoQuiz.get(self.lang))?;
        }
        loop {
            let mut actions = Vec::new();
            if !module.sections.is_empty() {
                actions.push(ModuleAction::ReadAll);
                actions.push(ModuleAction::ReadOne);
            }
            if quiz.is_some() {
                actions.push(ModuleAction::Quiz);
            }
            actions.push(ModuleAction::ToggleLearned);
            let learned = self.is_learned(c, module);
            let lines: Vec<MenuLine> = actions
                .iter()
                .map(|action| {
                    MenuLine::Entry(match action {
                        ModuleAction::ReadAll => T::PlainReadAll.get(self.lang).to_string(),
                        ModuleAction::ReadOne => T::PlainReadOne.get(self.lang).to_string(),
                        ModuleAction::Quiz => format!(
                            "{}: {}",
                            T::PlainTakeQuiz.get(self.lang),
                            quiz_title(quiz, self.lang)
                        ),
                        ModuleAction::ToggleLearned if learned => {
                            T::PlainUnmarkLearned.get(self.lang).to_string()
                        }
                        ModuleAction::ToggleLearned => {
                            T::PlainMarkLearned.get(self.lang).to_string()
                        }
                    })
                })
                .collect();
            let Pick::Entry(i) = self.menu(&lines, T::PlainChooseAction)? else {
                return Ok(());
            };
            match actions[i] {
                ModuleAction::ReadAll => {
                    for s in 0..module.sections.len() {
                        self.read_section(c, module, s)?;
                    }
                }
                ModuleAction::ReadOne => self.sections(c, module)?,
                ModuleAction::Quiz => {
                    if let Some(quiz) = quiz {
                        self.quiz(c, m, module, quiz)?;
                    }
                }
                ModuleAction::ToggleLearned => {
                    self.toggle_learned(c, module)?;
                    self.say(&self.module_sentence(c, m))?;
                }
            }
        }
    }

    fn is_learned(&self, c: usize, module: &Module) -> bool {
        self.store
            .progress()
            .module(&self.library.courses[c].id, &module.id)
            .is_some_and(|m| m.learned_at.is_some())
    }

    fn toggle_learned(&mut self, c: usize, module: &Module) -> Step {
        let learned = self.is_learned(c, module);
        let (course, module) = (self.library.courses[c].id.clone(), module.id.clone());
        let time = now();
        self.save(&course, |p| {
            p.set_learned(&course, &module, !learned, &time)
        })
    }

    /// The section list, until the learner goes back; read sections are marked in words.
    fn sections(&mut self, c: usize, module: &Module) -> Step {
        loop {
            let opened = self
                .store
                .progress()
                .module(&self.library.courses[c].id, &module.id)
                .map(|m| m.opened_sections.clone())
                .unwrap_or_default();
            let lines: Vec<MenuLine> = module
                .sections
                .iter()
                .enumerate()
                .map(|(i, section)| {
                    let title = folded(&section.title);
                    MenuLine::Entry(if opened.contains(&i) {
                        format!("{title} ({})", T::PlainSectionRead.get(self.lang))
                    } else {
                        title
                    })
                })
                .collect();
            match self.menu(&lines, T::PlainChooseSection)? {
                Pick::Back => return Ok(()),
                Pick::Entry(s) => self.read_section(c, module, s)?,
            }
        }
    }

    fn read_section(&mut self, c: usize, module: &Module, s: usize) -> Step {
        let Some(section) = module.sections.get(s) else {
            return Ok(());
        };
        self.blank()?;
        let heading = i18n::plain_section_heading(
            self.lang,
            s + 1,
            module.sections.len(),
            &folded(&section.title),
        );
        self.say(&heading)?;
        self.markdown(&section.body)?;
        if let Some(place) = &mut self.place {
            place.section = Some(s);
        }
        let (course, module) = (self.library.courses[c].id.clone(), module.id.clone());
        self.save(&course, |p| p.open_section(&course, &module, s))
    }

    // ---- the quiz ----

    /// Attempts at the quiz, until the learner goes back.
    fn quiz(&mut self, c: usize, m: usize, module: &Module, quiz: &Quiz) -> Step {
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
                if !self.question(c, module, quiz, &mut run, position)? {
                    return Ok(());
                }
            }
            self.record_attempt(c, module, quiz, &run)?;
            self.result(c, m, quiz, &run)?;
            let mut actions = Vec::new();
            if run.has_wrong() {
                actions.push(ResultAction::RepeatWrong);
            }
            actions.push(ResultAction::RepeatAll);
            let lines: Vec<MenuLine> = actions
                .iter()
                .map(|action| {
                    MenuLine::Entry(
                        match action {
                            ResultAction::RepeatWrong => T::PlainRepeatWrong,
                            ResultAction::RepeatAll => T::PlainRepeatAll,
                        }
                        .get(self.lang)
                        .to_string(),
                    )
                })
                .collect();
            let Pick::Entry(i) = self.menu(&lines, T::PlainChooseAction)? else {
                return Ok(());
            };
            run = match actions[i] {
                ResultAction::RepeatWrong => run.repeat_wrong(quiz, &mut self.shuffler),
                ResultAction::RepeatAll => Run::start(quiz, &mut self.shuffler),
            };
        }
    }

    /// Asks one question until it is answered; false when the learner goes back.
    fn question(
        &mut self,
        c: usize,
        module: &Module,
        quiz: &Quiz,
        run: &mut Run,
        position: usize,
    ) -> Step<bool> {
        let asked = run.asked[position].clone();
        let Some(question) = quiz.questions.get(asked.question) else {
            return Ok(true);
        };
        let lang = self.lang;
        self.blank()?;
        self.say(&i18n::question_counter(lang, position + 1, run.asked.len()))?;
        self.markdown(&question.prompt)?;
        let what = match &question.kind {
            QuestionKind::Single { choices } | QuestionKind::Multiple { choices } => {
                let texts: Vec<&str> = asked
                    .order
                    .iter()
                    .filter_map(|&i| choices.get(i))
                    .map(|c| c.text.as_str())
                    .collect();
                self.numbered(&texts)?;
                if matches!(question.kind, QuestionKind::Single { .. }) {
                    T::PlainAnswerSingle
                } else {
                    T::PlainAnswerMultiple
                }
            }
            QuestionKind::TrueFalse { .. } => {
                self.numbered(&[T::True.get(lang), T::False.get(lang)])?;
                T::PlainAnswerTrueFalse
            }
            QuestionKind::Text { .. } => T::PlainAnswerText,
            QuestionKind::Order { items } => {
                let texts: Vec<&str> = asked
                    .order
                    .iter()
                    .filter_map(|&i| items.get(i))
                    .map(String::as_str)
                    .collect();
                self.numbered(&texts)?;
                T::PlainAnswerOrder
            }
        };
        let prompt = i18n::plain_answer_prompt(lang, what.get(lang));
        let answer = loop {
            let Reply::Line(line) = self.ask(&prompt)? else {
                return Ok(false);
            };
            match parse_answer(&question.kind, &asked.order, &line) {
                Ok(answer) => break answer,
                Err(expected) => self.say(expected.get(lang))?,
            }
        };
        let Some(correct) = run.answer(quiz, position, answer.clone()) else {
            return Ok(true);
        };
        // Recorded at once, as the player does, so an answer given is never lost.
        let (course, module_id) = (self.library.courses[c].id.clone(), module.id.clone());
        let fingerprint = question.fingerprint();
        let time = now();
        self.save(&course, |p| {
            p.record_answer(
                &course,
                &module_id,
                &question.id,
                &fingerprint,
                correct,
                &time,
            )
        })?;
        self.feedback(question, &answer, correct)?;
        Ok(true)
    }

    /// The same content as the player: right or wrong, feedback on each picked choice,
    /// the right answer when wrong, the explanation.
    fn feedback(&mut self, question: &Question, answer: &Answer, correct: bool) -> Step {
        let lang = self.lang;
        self.say(if correct { T::Correct } else { T::Wrong }.get(lang))?;
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
        if !correct {
            let label = T::RightAnswer.get(lang);
            match &question.kind {
                QuestionKind::TrueFalse { answer } => {
                    let word = if *answer { T::True } else { T::False }.get(lang);
                    self.say(&format!("{label}: {word}"))?;
                }
                QuestionKind::Order { items } => {
                    self.say(&format!("{label}:"))?;
                    let texts: Vec<&str> = items.iter().map(String::as_str).collect();
                    self.numbered(&texts)?;
                }
                _ => match right_answer(question).as_slice() {
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

    /// The finished attempt, recorded exactly as the player records it.
    fn record_attempt(&mut self, c: usize, module: &Module, quiz: &Quiz, run: &Run) -> Step {
        let attempt = run.to_attempt(quiz, now());
        let (course, module) = (self.library.courses[c].id.clone(), module.id.clone());
        self.save(&course, |p| p.record_attempt(&course, &module, attempt))
    }

    fn result(&mut self, c: usize, m: usize, quiz: &Quiz, run: &Run) -> Step {
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
            let right = outcome.as_ref().is_some_and(|o| o.correct);
            let verdict = if right { T::Correct } else { T::Wrong }.get(lang);
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
        self.say(&self.module_sentence(c, m))
    }

    // ---- reading and writing lines ----

    /// Prints the menu, then asks until a number from it or the word for back is typed.
    fn menu(&mut self, lines: &[MenuLine], what: T) -> Step<Pick> {
        self.blank()?;
        let mut count = 0;
        for line in lines {
            match line {
                MenuLine::Heading(text) => self.say(text)?,
                MenuLine::Entry(text) => {
                    count += 1;
                    self.say(&format!("{count}. {text}"))?;
                }
            }
        }
        let prompt = i18n::plain_prompt(self.lang, what.get(self.lang));
        loop {
            let Reply::Line(line) = self.ask(&prompt)? else {
                return Ok(Pick::Back);
            };
            match menu_number(&line, count) {
                Some(i) => return Ok(Pick::Entry(i)),
                None => self.say(T::PlainNumberExpected.get(self.lang))?,
            }
        }
    }

    /// Writes the prompt and reads the learner's line; the word for quitting ends the session.
    fn ask(&mut self, prompt: &str) -> Step<Reply> {
        self.out.write_all(sanitize(prompt).as_bytes())?;
        self.out.flush()?;
        // A failing stdin is, for the learner, the same as one that has ended.
        let Ok(Some(line)) = input::read_line(&mut self.input) else {
            return Err(Stop::EndOfInput);
        };
        if self.echo {
            writeln!(self.out, "{}", echo_of(&line))?;
        }
        match answer::command(&line) {
            Some(Command::Quit) => Err(Stop::Quit),
            Some(Command::Back) => Ok(Reply::Back),
            None => Ok(Reply::Line(line)),
        }
    }

    /// Applies a change to the progress and saves it; a problem is told once, in one sentence.
    fn save(&mut self, course: &str, change: impl FnOnce(&mut Progress)) -> Step {
        if let Some(notice) = self.store.update(course, change) {
            let text = i18n::store_notice(self.lang, &notice);
            if self.last_notice.as_deref() != Some(text.as_str()) {
                self.say(&text)?;
                self.last_notice = Some(text);
            }
        }
        Ok(())
    }

    /// Every line goes out through here, neutralised, so no course text, file name or typed
    /// answer can reach the terminal as a control sequence.
    fn say(&mut self, text: &str) -> Step {
        self.out.write_all(sanitize(text).as_bytes())?;
        self.out.write_all(b"\n")?;
        Ok(())
    }

    fn blank(&mut self) -> Step {
        self.out.write_all(b"\n")?;
        Ok(())
    }

    /// Course Markdown as clean text: lists with "- ", links with their address.
    fn markdown(&mut self, text: &str) -> Step {
        let lines: Vec<String> = markdown::render(text, self.width, markdown::Style::PLAIN)
            .iter()
            .map(|l| l.text().trim_end().to_string())
            .collect();
        let first = lines
            .iter()
            .position(|l| !l.is_empty())
            .unwrap_or(lines.len());
        let last = lines
            .iter()
            .rposition(|l| !l.is_empty())
            .map_or(first, |l| l + 1);
        for line in &lines[first..last.max(first)] {
            self.say(line)?;
        }
        Ok(())
    }

    /// "1. …", "2. …" for choices and items.
    fn numbered(&mut self, texts: &[&str]) -> Step {
        for (i, text) in texts.iter().enumerate() {
            self.say(&format!("{}. {}", i + 1, folded(text)))?;
        }
        Ok(())
    }
}

fn quiz_title(quiz: Option<&Quiz>, lang: Lang) -> String {
    match quiz.and_then(|q| q.title.as_deref()) {
        Some(title) => folded(title),
        None => T::QuizDefaultTitle.get(lang).to_string(),
    }
}

/// What was typed, as written back after the prompt; a huge line is shown cut.
fn echo_of(line: &str) -> String {
    const SHOWN: usize = 200;
    let line = single_line(line);
    match line.char_indices().nth(SHOWN) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line,
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::course::{Area, Choice, Section};
    use crate::diagnostic::Report;

    /// Clear screen, set window title, a C1 CSI, a device control string, a bell.
    const HOSTILE: &str = "\u{1b}[2J\u{1b}]0;owned\u{7}\u{9b}31m\u{1b}P+q\u{1b}\\\u{90}";

    fn choice(text: &str, correct: bool, feedback: Option<&str>) -> Choice {
        Choice {
            text: text.to_string(),
            correct,
            feedback: feedback.map(str::to_string),
        }
    }

    fn question(id: &str, prompt: &str, explanation: &str, kind: QuestionKind) -> Question {
        Question {
            id: id.to_string(),
            prompt: prompt.to_string(),
            explanation: Some(explanation.to_string()),
            kind,
        }
    }

    /// One course whose every text carries `x`, with one question of each type, never shuffled.
    fn library(x: &str) -> Library {
        let questions = vec![
            question(
                "q1",
                &format!("Single {x}?"),
                &format!("Explained {x}"),
                QuestionKind::Single {
                    choices: vec![
                        choice(&format!("wrong {x}"), false, Some(&format!("no {x}"))),
                        choice(&format!("right {x}"), true, None),
                    ],
                },
            ),
            question(
                "q2",
                &format!("Multiple {x}?"),
                &format!("Explained {x}"),
                QuestionKind::Multiple {
                    choices: vec![
                        choice(&format!("yes {x}"), true, None),
                        choice(&format!("no {x}"), false, Some(&format!("not {x}"))),
                    ],
                },
            ),
            question(
                "q3",
                &format!("True {x}?"),
                &format!("Explained {x}"),
                QuestionKind::TrueFalse { answer: true },
            ),
            question(
                "q4",
                &format!("Text {x}?"),
                &format!("Explained {x}"),
                QuestionKind::Text {
                    accept: vec![format!("word {x}")],
                },
            ),
            question(
                "q5",
                &format!("Order {x}?"),
                &format!("Explained {x}"),
                QuestionKind::Order {
                    items: vec![format!("first {x}"), format!("second {x}")],
                },
            ),
        ];
        let module = Module {
            id: "m1".to_string(),
            code: Some(format!("M{x}1")),
            title: format!("Module {x}"),
            loaded: true,
            intro: Some(format!("Intro {x}")),
            sections: vec![
                Section {
                    title: format!("One {x}"),
                    body: format!("Body {x}\n\n- item {x}\n\n[link {x}](https://example.org/{x})"),
                },
                Section {
                    title: format!("Two {x}"),
                    body: format!("> quote {x}"),
                },
            ],
            quiz: Some(Quiz {
                title: Some(format!("Quiz {x}")),
                pass_percent: 60,
                shuffle: false,
                questions,
            }),
            path: PathBuf::from("m1.toml"),
        };
        Library {
            courses: vec![Course {
                id: "c".to_string(),
                title: format!("Course {x}"),
                language: "en".to_string(),
                description: Some(format!("About {x}")),
                pass_percent: 60,
                areas: vec![Area {
                    code: Some(format!("A{x}")),
                    title: Some(format!("Area {x}")),
                    modules: vec![0],
                }],
                modules: vec![module],
                path: PathBuf::from("c"),
            }],
            ..Library::default()
        }
    }

    fn session(library: Library, dir: &Path, notices: Vec<String>) -> Session {
        let (store, _) = ProgressStore::open(dir.join("p.toml"));
        Session {
            library,
            store,
            notices,
            report: Report::default(),
            open: None,
        }
    }

    fn args() -> PlayArgs {
        PlayArgs {
            seed: Some(1),
            plain: true,
            ..PlayArgs::default()
        }
    }

    fn play(session: Session, script: &str) -> (String, ExitCode) {
        let mut output = Vec::new();
        let code = run_with(session, &args(), script.as_bytes(), &mut output);
        let text = String::from_utf8(output).expect("plain output is UTF-8");
        (text, code)
    }

    /// Everything a session can show: notices, menus, all sections, every question answered wrong
    /// with feedback and right answers, the result, a repeat, "Gelernt", and a typed escape sequence.
    const EVERYTHING: &str =
        "1\n1\n2\n1\n2\nback\n3\n1\n2\nno\nnope\n1 2\n1\nback\n4\n\u{1b}[31m\nback\nquit\n";

    #[test]
    fn course_text_with_escape_sequences_reaches_the_output_neutralised() {
        let dir = tempfile::tempdir().expect("temp dir");
        let notice = format!("notice {HOSTILE}");
        let (text, code) = play(
            session(library(HOSTILE), dir.path(), vec![notice]),
            EVERYTHING,
        );
        assert_eq!(code, ExitCode::SUCCESS);
        let controls: Vec<char> = text
            .chars()
            .filter(|&c| (c.is_control() && c != '\n') || c == '\u{7f}')
            .collect();
        assert_eq!(controls, Vec::<char>::new(), "{text}");
        // The readable rest of every text is still there.
        for shown in [
            "Course",
            "Module",
            "Intro",
            "One",
            "Body",
            "quote",
            "Quiz",
            "wrong",
            "Explained",
            "second",
            "Goodbye",
        ] {
            assert!(text.contains(shown), "{shown} missing in:\n{text}");
        }
    }

    #[test]
    fn the_same_session_with_harmless_text_says_everything_in_words() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (text, code) = play(session(library("x"), dir.path(), Vec::new()), EVERYTHING);
        assert_eq!(code, ExitCode::SUCCESS);
        for said in [
            "Course x: 0 / 1 passed",
            "Ax Area x",
            "1. Module Mx1 Module x: not started",
            "Section 1 of 2: One x",
            "1. One x (read)",
            "1. Read all sections\n2. Read one section\n3. Take the quiz: Quiz x\n4. Mark as learned\n",
            "Quiz x: 5 questions. Pass mark 60%.",
            "Question 1 | 5\nSingle x?\n1. wrong x\n2. right x\n",
            "✗ Sorry, that is wrong\nOn “wrong x”:\nno x\nRight answer: right x\nExplanation:\nExplained x\n",
            "Right answer: True",
            "Right answer: word x",
            "Right answer:\n1. first x\n2. second x\n",
            "Result: 0 of 5 points (0%)\nNot passed. Pass mark 60%.\n",
            "1. ✗ Sorry, that is wrong: Single x?",
            "Module Mx1 Module x: in progress, best score 0%",
            "1. Repeat the wrong ones\n2. Repeat all questions\n",
            "Module Mx1 Module x: learned, best score 0%",
            "4. Unmark as learned",
            "Progress saved. Goodbye!\n",
        ] {
            assert!(text.contains(said), "{said:?} missing in:\n{text}");
        }
    }

    #[test]
    fn answers_and_attempts_are_recorded_as_the_player_records_them() {
        let dir = tempfile::tempdir().expect("temp dir");
        // Order items start as [second, first] with seed 1 for two items (never the right order).
        let script = "1\n3\n2\n1\nja\nword x\n2 1\n";
        let (text, code) = play(session(library("x"), dir.path(), Vec::new()), script);
        assert_eq!(code, ExitCode::SUCCESS);
        assert!(
            text.contains("Result: 5 of 5 points (100%)\nPassed. Pass mark 60%.\n"),
            "{text}"
        );
        let (store, _) = ProgressStore::open(dir.path().join("p.toml"));
        let progress = store.progress();
        let module = progress.module("c", "m1").expect("module progress");
        assert_eq!(module.attempts.len(), 1);
        let attempt = &module.attempts[0];
        assert_eq!((attempt.points, attempt.max, attempt.passed), (5, 5, true));
        assert!(attempt.results.values().all(|right| *right));
        assert_eq!(module.questions.len(), 5);
        let library = library("x");
        let q1 = &library.courses[0].modules[0]
            .quiz
            .as_ref()
            .expect("quiz")
            .questions[0];
        assert_eq!(module.questions["q1"].fingerprint, q1.fingerprint());
        assert_eq!(progress.last_course.as_deref(), Some("c"));
        assert!(
            text.ends_with("\nEnd of input. Progress saved. Goodbye!\n"),
            "{text}"
        );
    }

    #[test]
    fn end_of_input_inside_a_question_ends_cleanly_after_the_prompt() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (text, code) = play(session(library("x"), dir.path(), Vec::new()), "1\n3\n");
        assert_eq!(code, ExitCode::SUCCESS);
        assert!(
            text.ends_with("Type the number of your answer (or “back”, “quit”) > \nEnd of input. Progress saved. Goodbye!\n"),
            "{text}"
        );
    }

    #[test]
    fn a_progress_file_that_cannot_be_saved_is_told_once() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut session = session(library("x"), dir.path(), Vec::new());
        session.store.set_write_failure(true);
        let (text, _) = play(session, "1\n1\n3\n2\n1\n");
        let told = text.matches("Progress is not being saved").count();
        assert_eq!(told, 1, "{text}");
    }

    #[test]
    fn resuming_names_the_module_and_section() {
        let dir = tempfile::tempdir().expect("temp dir");
        play(session(library("x"), dir.path(), Vec::new()), "1\n2\n2\n");
        let (text, _) = play(session(library("x"), dir.path(), Vec::new()), "");
        assert!(
            text.starts_with("Continuing with module Mx1 Module x, section “Two x”.\n\nModule Mx1 Module x: in progress\n"),
            "{text}"
        );
    }

    #[test]
    fn typed_lines_are_echoed_cut_and_without_control_characters() {
        let echo = echo_of("1\u{1b}[2J\u{9b}");
        assert!(echo.starts_with('1') && echo.contains("[2J"), "{echo:?}");
        assert!(!echo.chars().any(char::is_control), "{echo:?}");
        let long = "a".repeat(10_000);
        assert_eq!(echo_of(&long).chars().count(), 201);
    }
}
