//! The course list and a course's module list, each module with its state in words
//! ("Modul C2 Messenger & SMS: bestanden, beste Punktzahl 100 %"); both take `suche` and `übersicht`.

use std::io::Write;

use super::answer::Command;
use super::player::{MenuLine, Offer, Pick};
use super::{Player, Step};
use crate::course::Course;
use crate::i18n::{self, T};
use crate::progress::module_status;
use crate::safe_text::folded;
use crate::session::{ModuleRef, exam_state, lang_for};

/// What the course and module lists take besides numbers: a search and the progress overview.
const LIBRARY_OFFERS: &[Offer] = &[Offer::Search, Offer::Overview];

impl<W: Write> Player<W> {
    /// The course list, until a course is chosen.
    pub(super) fn choose_course(&mut self) -> Step<usize> {
        loop {
            self.lang = lang_for(self.options.lang, self.library.courses.first());
            let heading = MenuLine::Heading(T::Library.get(self.lang).to_string());
            let lines: Vec<MenuLine> = std::iter::once(heading)
                .chain(
                    (0..self.library.courses.len()).map(|c| MenuLine::Entry(self.course_line(c))),
                )
                .collect();
            match self.menu_offering(&lines, T::PlainChooseCourse, LIBRARY_OFFERS)? {
                Pick::Entry(c) => return Ok(c),
                Pick::Command(command) => self.library_command(command)?,
                // Back from the first menu: there is nothing above it, so it is offered again.
                Pick::Back => self.say(T::PlainTopLevel.get(self.lang))?,
            }
        }
    }

    /// "Digitale Kompetenzen: 1 / 6 bestanden"
    fn course_line(&self, c: usize) -> String {
        let course = &self.library.courses[c];
        let lang = lang_for(self.options.lang, Some(course));
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
    pub(super) fn modules(&mut self, c: usize, describe: bool) -> Step {
        self.enter_course(c);
        if describe && let Some(description) = self.library.courses[c].description.clone() {
            self.blank()?;
            self.say(&folded(&self.library.courses[c].title))?;
            self.markdown(&description)?;
        }
        loop {
            // A module opened from here may belong to another course (a search, the next step).
            self.enter_course(c);
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
                    lines.push(MenuLine::Entry(self.module_sentence(ModuleRef {
                        course: c,
                        module: m,
                    })));
                }
            }
            // The final exam after the modules, with where it stands.
            let exam_row = rows.len();
            if let Some(exam) = &course.exam
                && let Some(state) = exam_state(&self.library, self.store.progress(), c)
            {
                let title = super::exam::exam_title(exam, self.lang);
                lines.push(MenuLine::Entry(i18n::exam_line(self.lang, &title, state)));
            }
            match self.menu_offering(&lines, T::PlainChooseModule, LIBRARY_OFFERS)? {
                Pick::Back => return Ok(()),
                Pick::Entry(i) if i == exam_row => self.exam(c)?,
                Pick::Entry(i) => self.module(ModuleRef {
                    course: c,
                    module: rows[i],
                })?,
                Pick::Command(command) => self.library_command(command)?,
            }
        }
    }

    /// A search or the overview, asked for at the course or module list.
    fn library_command(&mut self, command: Command) -> Step {
        match command {
            Command::Search(query) => {
                if let Some(place) = self.search(&query)? {
                    self.module_at(place)?;
                }
                Ok(())
            }
            Command::Overview => self.overview(),
            other => self.not_here(&other),
        }
    }

    /// "Modul C2 Messenger & SMS: bestanden, beste Punktzahl 100 %"
    pub(super) fn module_sentence(&self, at: ModuleRef) -> String {
        let course = &self.library.courses[at.course];
        let module = &course.modules[at.module];
        let record = self.store.progress().module(&course.id, &module.id);
        i18n::module_state_sentence(
            self.lang,
            &folded(&Course::module_label(module)),
            module_status(record),
            record.and_then(|r| r.best_percent()),
        )
    }
}
