//! The search in words (`suche WORT`): the places found, numbered as "Modul – Abschnitt:
//! …Text…", and the one picked opened at its section. The search itself is `course::search`.

use std::io::Write;

use super::answer::Command;
use super::player::{MenuLine, Offer, Pick};
use super::{Player, Step};
use crate::course::{load_bodies, search::search};
use crate::i18n::{self, T};
use crate::safe_text::folded;
use crate::session::{ModuleRef, Place};

/// The most places listed for one search: more are not listened to, a more exact word helps.
const LIMIT: usize = 20;

/// The query as said back, cut so a pasted page is not read out again.
const QUERY_SHOWN: usize = 40;

impl<W: Write> Player<W> {
    /// Searches the library and lets the learner pick a place; `None` when nothing was found or
    /// the learner went back. A search typed in the results starts anew.
    pub(super) fn search(&mut self, query: &str) -> Step<Option<Place>> {
        let mut query = query.to_string();
        loop {
            let shown: String = folded(&query).chars().take(QUERY_SHOWN).collect();
            if shown.is_empty() {
                self.say(T::PlainSearchWhat.get(self.lang))?;
                return Ok(None);
            }
            // Bodies are read only when a module is opened; a search needs them all. A module
            // that cannot be read is still found by its title and says why when opened.
            load_bodies(&mut self.library);
            let found = search(&self.library, &query, LIMIT);
            if found.hits.is_empty() {
                self.say(&i18n::plain_search_nothing(self.lang, &shown))?;
                return Ok(None);
            }
            let heading = i18n::plain_search_found(self.lang, &shown, found.hits.len(), found.more);
            let lines: Vec<MenuLine> = std::iter::once(MenuLine::Heading(heading))
                .chain(found.hits.iter().map(|hit| {
                    MenuLine::Entry(i18n::plain_search_hit(
                        self.lang,
                        &hit.module_label,
                        hit.section_title.as_deref(),
                        // A title found in itself needs no context: it would be said twice.
                        Some(hit.context.as_str())
                            .filter(|c| Some(*c) != hit.section_title.as_deref()),
                    ))
                }))
                .collect();
            match self.menu_offering(&lines, T::PlainChooseHit, &[Offer::Search])? {
                Pick::Back => return Ok(None),
                Pick::Entry(i) => {
                    let hit = &found.hits[i];
                    return Ok(Some(Place {
                        at: ModuleRef {
                            course: hit.course,
                            module: hit.module,
                        },
                        section: hit.section,
                    }));
                }
                Pick::Command(Command::Search(again)) => query = again,
                Pick::Command(other) => self.not_here(&other)?,
            }
        }
    }
}
