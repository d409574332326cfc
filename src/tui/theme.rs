//! Every style of the player in one place. Without colour (`NO_COLOR`) the same states
//! stay visible through symbols, words and bold/reverse, never through colour alone.

use ratatui::style::{Color, Modifier, Style};

use crate::markdown::Emphasis;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to anything non-empty (https://no-color.org).
    pub fn from_env() -> Theme {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    pub const PLAIN: Theme = Theme { color: false };

    fn fg(&self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    pub fn title_bar(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
    }

    pub fn heading(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn focused(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// A word a search found: underlined and reversed, so it shows without colour too.
    pub fn found(&self) -> Style {
        self.fg(Color::Yellow)
            .add_modifier(Modifier::REVERSED | Modifier::UNDERLINED)
    }

    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }

    pub fn key(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn right(&self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::BOLD)
    }

    pub fn wrong(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    /// Partly right: between right and wrong, told by its symbol ◑ and words as well.
    pub fn partly(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    /// The style of a verdict: right, partly right or wrong.
    pub fn verdict(&self, credit: crate::quiz::Credit) -> Style {
        if credit.is_full() {
            self.right()
        } else if credit.is_partial() {
            self.partly()
        } else {
            self.wrong()
        }
    }

    pub fn warning(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn emphasis(&self, e: Emphasis) -> Style {
        let mut style = Style::new();
        if e.bold || e.heading {
            style = style.add_modifier(Modifier::BOLD);
        }
        if e.italic {
            style = style.add_modifier(Modifier::ITALIC);
        }
        if e.code {
            style = style.patch(self.fg(Color::Magenta));
        }
        if e.link {
            style = style
                .patch(self.fg(Color::Blue))
                .add_modifier(Modifier::UNDERLINED);
        }
        if e.quote {
            style = style.patch(self.dim());
        }
        if e.heading {
            style = style.patch(self.fg(Color::Cyan));
        }
        if e.struck {
            style = style.add_modifier(Modifier::CROSSED_OUT);
        }
        if e.rule {
            style = style.patch(self.dim());
        }
        style
    }
}
