//! One module: its intro, reading all sections or one (read ones are marked in words), its
//! contents and a section by number (`inhalt`, `abschnitt N`), and marking it "Gelernt" (said
//! in words); leaving it keeps the place for the next start.

use std::io::Write;

use super::answer::Command;
use super::player::{MenuLine, Offer, Pick};
use super::quiz::quiz_title;
use super::{Player, Step};
use crate::course::{Course, Module};
use crate::i18n::{self, T};
use crate::safe_text::folded;
use crate::session::{ModuleRef, Place, Record};

impl<W: Write> Player<W> {
    /// Reads the module's body if it is not read yet; a module that cannot be read is told in
    /// one sentence and stays unread (its menu then offers nothing to read).
    pub(super) fn load(&mut self, at: ModuleRef) -> Step<bool> {
        match crate::course::load_module(&mut self.library, at.course, at.module) {
            Ok(()) => Ok(true),
            Err(errors) => {
                let label =
                    Course::module_label(&self.library.courses[at.course].modules[at.module]);
                let text = i18n::module_unreadable(self.lang, &label, &errors);
                self.say(&text)?;
                Ok(false)
            }
        }
    }

    /// One module, until the learner goes back.
    pub(super) fn module(&mut self, at: ModuleRef) -> Step {
        self.module_at(Place { at, section: None })
    }

    /// A module opened at a section (a search result) or at its start, and the modules the
    /// learner goes on to from it (the next step after a passed quiz, a search), until back.
    pub(super) fn module_at(&mut self, mut place: Place) -> Step {
        loop {
            let at = place.at;
            if !self.load(at)? {
                return Ok(());
            }
            self.enter_course(at.course);
            let module = self.library.courses[at.course].modules[at.module].clone();
            self.place = Some(at);
            // Saved on the way in too: plain mode ended from outside (a signal) loses nothing.
            let notice = Record::new(&mut self.store, &self.library)
                .with_journal(self.journal.as_mut())
                .place(at, None);
            self.saved(notice)?;
            let next = self.module_menu(at, &module, place.section)?;
            self.leave_module()?;
            match next {
                Some(next) => place = next,
                None => return Ok(()),
            }
        }
    }

    /// The module's menu until the learner goes back (`None`) or on to another place.
    fn module_menu(
        &mut self,
        at: ModuleRef,
        module: &Module,
        section: Option<usize>,
    ) -> Step<Option<Place>> {
        self.blank()?;
        self.say(&self.module_sentence(at))?;
        match section.filter(|&s| s < module.sections.len()) {
            // Opened at a section: the learner came for it, so it is read at once.
            Some(s) => self.read_section(at, module, s)?,
            None => {
                if let Some(intro) = &module.intro {
                    self.markdown(intro)?;
                }
            }
        }
        let quiz = module.quiz.as_deref().filter(|q| !q.questions.is_empty());
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
            let learned = Record::new(&mut self.store, &self.library)
                .with_journal(self.journal.as_mut())
                .is_learned(at);
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
            let offers = [Offer::Contents, Offer::Section, Offer::Search];
            let i = match self.menu_offering(&lines, T::PlainChooseAction, &offers)? {
                Pick::Back => return Ok(None),
                Pick::Entry(i) => i,
                Pick::Command(Command::Contents) => {
                    self.contents(at, module)?;
                    continue;
                }
                Pick::Command(Command::Section(number)) => {
                    self.section_by_number(at, module, number)?;
                    continue;
                }
                Pick::Command(Command::Search(query)) => match self.search(&query)? {
                    // The module the learner is in, at another section: read it here.
                    Some(Place { at: found, section }) if found == at => {
                        if let Some(s) = section {
                            self.read_section(at, module, s)?;
                        }
                        continue;
                    }
                    Some(place) => return Ok(Some(place)),
                    None => continue,
                },
                Pick::Command(other) => {
                    self.not_here(&other)?;
                    continue;
                }
            };
            match actions[i] {
                ModuleAction::ReadAll => {
                    let all: Vec<usize> = (0..module.sections.len()).collect();
                    for &s in &all {
                        self.say_section(module, s)?;
                    }
                    // One save for all of them: a save per section made reading a long module
                    // take time in the square of its length.
                    let notice = Record::new(&mut self.store, &self.library)
                        .with_journal(self.journal.as_mut())
                        .sections_opened(at, &all);
                    self.saved(notice)?;
                }
                ModuleAction::ReadOne => self.sections(at, module)?,
                ModuleAction::Quiz => {
                    if let Some(quiz) = quiz
                        && let Some(next) = self.quiz(at, quiz)?
                    {
                        return Ok(Some(Place {
                            at: next,
                            section: None,
                        }));
                    }
                }
                ModuleAction::ToggleLearned => {
                    let notice = Record::new(&mut self.store, &self.library)
                        .with_journal(self.journal.as_mut())
                        .toggle_learned(at);
                    self.saved(notice)?;
                    let learned = Record::new(&mut self.store, &self.library)
                        .with_journal(self.journal.as_mut())
                        .is_learned(at);
                    let label = folded(&Course::module_label(module));
                    self.say(&i18n::plain_learned_marked(self.lang, &label, learned))?;
                    self.say(&self.module_sentence(at))?;
                }
            }
        }
    }

    /// The sections as a table of contents, read ones marked, without asking anything.
    fn contents(&mut self, at: ModuleRef, module: &Module) -> Step {
        if module.sections.is_empty() {
            return self.say(T::PlainNoSections.get(self.lang));
        }
        let opened = self.opened(at, module);
        self.blank()?;
        self.say(T::PlainContentsHeading.get(self.lang))?;
        for (i, section) in module.sections.iter().enumerate() {
            let line = i18n::plain_contents_line(
                self.lang,
                i + 1,
                &folded(&section.title),
                opened.contains(&i),
            );
            self.say(&line)?;
        }
        Ok(())
    }

    /// `abschnitt N`: section N read, or what N may be.
    fn section_by_number(&mut self, at: ModuleRef, module: &Module, number: Option<usize>) -> Step {
        let total = module.sections.len();
        match number {
            _ if total == 0 => self.say(T::PlainNoSections.get(self.lang)),
            Some(n) if (1..=total).contains(&n) => self.read_section(at, module, n - 1),
            _ => self.say(&i18n::plain_no_such_section(self.lang, total)),
        }
    }

    /// The sections of the module the learner has read.
    fn opened(&self, at: ModuleRef, module: &Module) -> crate::progress::SectionSet {
        self.store
            .progress()
            .module(&self.library.courses[at.course].id, &module.id)
            .map(|m| m.opened_sections.clone())
            .unwrap_or_default()
    }

    /// The section list, until the learner goes back; read sections are marked in words.
    fn sections(&mut self, at: ModuleRef, module: &Module) -> Step {
        loop {
            let opened = self.opened(at, module);
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
                Pick::Entry(s) => self.read_section(at, module, s)?,
                Pick::Command(other) => self.not_here(&other)?,
            }
        }
    }

    fn read_section(&mut self, at: ModuleRef, module: &Module, s: usize) -> Step {
        self.say_section(module, s)?;
        let notice = Record::new(&mut self.store, &self.library)
            .with_journal(self.journal.as_mut())
            .sections_opened(at, &[s]);
        self.saved(notice)
    }

    /// "Abschnitt 2 von 4: …" and the section's text.
    fn say_section(&mut self, module: &Module, s: usize) -> Step {
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
        self.markdown(&section.body)
    }

    /// Saves where the learner is, as the player does when leaving a module or quitting: the
    /// module, and the section read last in it.
    pub(super) fn leave_module(&mut self) -> Step {
        let Some(at) = self.place.take() else {
            return Ok(());
        };
        let notice = Record::new(&mut self.store, &self.library)
            .with_journal(self.journal.as_mut())
            .place(at, None);
        self.saved(notice)
    }
}

#[derive(Clone, Copy)]
enum ModuleAction {
    ReadAll,
    ReadOne,
    Quiz,
    ToggleLearned,
}
