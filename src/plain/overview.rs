//! The progress overview in words (`übersicht`): every course's modules with status, best
//! score and its day, and "Gelernt" with its day, then the final exam and the certificate —
//! the facts `kurs progress` prints.

use std::io::Write;

use super::{Player, Step};
use crate::course::Course;
use crate::i18n::{self, T};
use crate::safe_text::folded;
use crate::session::{course_end_lines, day_of, lang_for, overview};

impl<W: Write> Player<W> {
    /// Says the overview; each course in its own language, as its module list would be.
    pub(super) fn overview(&mut self) -> Step {
        let facts = overview(&self.library, self.store.progress());
        let mut blocks = Vec::new();
        for (course, facts) in self.library.courses.iter().zip(&facts) {
            let lang = lang_for(self.options.lang, Some(course));
            let mut lines = vec![format!(
                "{}: {}",
                folded(&course.title),
                i18n::passed_of(lang, facts.passed(), facts.modules.len())
            )];
            for (module, fact) in course.modules.iter().zip(&facts.modules) {
                let best = fact
                    .best_percent
                    .zip(fact.best_at.as_deref().map(|at| folded(day_of(at))));
                let learned = fact.learned_at.as_deref().map(|at| folded(day_of(at)));
                lines.push(format!(
                    "- {}",
                    i18n::plain_overview_line(
                        lang,
                        &folded(&Course::module_label(module)),
                        fact.status,
                        best.as_ref().map(|(p, day)| (*p, day.as_str())),
                        learned.as_deref(),
                        fact.attempts,
                    )
                ));
            }
            for line in course_end_lines(lang, facts) {
                lines.push(format!("- {}", folded(&line.text)));
            }
            blocks.push(lines);
        }
        self.blank()?;
        self.say(T::PlainOverviewHeading.get(self.lang))?;
        for lines in &blocks {
            self.blank()?;
            for line in lines {
                self.say(line)?;
            }
        }
        Ok(())
    }
}
