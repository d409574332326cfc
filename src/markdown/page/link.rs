//! Links and images on the page: their text as written, then the URL in brackets, so a reader
//! without a mouse or a browser still learns where each one points.

use super::Page;
use crate::markdown::Emphasis;
use crate::safe_text::sanitize;

/// A link or image being read.
pub(super) struct Link {
    url: String,
    /// The visible text, to show the URL only once when they are the same.
    text: String,
}

impl Link {
    pub(super) fn to(url: &str) -> Link {
        Link {
            url: sanitize(url).into_owned(),
            text: String::new(),
        }
    }

    /// Kept sanitised, because it is compared with the sanitised URL.
    pub(super) fn add_text(&mut self, text: &str) {
        self.text.push_str(&sanitize(text));
    }
}

impl Page {
    pub(super) fn end_link(&mut self) {
        self.in_links = self.in_links.saturating_sub(1);
        let Some(link) = self.links.pop() else {
            return;
        };
        self.pass_text_to_outer_link(&link);
        let shown_once =
            link.text == link.url || link.url.strip_prefix("mailto:") == Some(link.text.as_str());
        if !shown_once {
            self.show_url(&link.url, !link.text.is_empty());
        }
    }

    pub(super) fn end_image(&mut self) {
        let Some(image) = self.links.pop() else {
            return;
        };
        self.pass_text_to_outer_link(&image);
        if image.text != image.url {
            self.show_url(&image.url, !image.text.trim().is_empty());
        }
    }

    /// An image inside a link is part of the link's text.
    fn pass_text_to_outer_link(&mut self, inner: &Link) {
        if let Some(outer) = self.links.last_mut() {
            outer.text.push_str(&inner.text);
        }
    }

    /// In brackets after the text it belongs to; alone where there is no text to show.
    fn show_url(&mut self, url: &str, after_text: bool) {
        let emphasis = Emphasis {
            link: true,
            ..self.emphasis()
        };
        if after_text {
            self.text(&format!(" ({url})"), false, emphasis);
        } else {
            self.text(url, false, emphasis);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::markdown::test_support::{emphasis_of, terminal, text_of};
    use crate::markdown::{Style, render};

    #[test]
    fn link_shows_text_and_url() {
        let lines = render("See [the help](https://x.org/h).", 60, Style::TERMINAL);
        assert_eq!(text_of(&lines), "See the help (https://x.org/h).");
        assert!(emphasis_of(&lines, "the help (https://x.org/h)").is_some_and(|e| e.link));
    }

    #[test]
    fn link_whose_text_is_the_url_shows_it_once() {
        assert_eq!(
            terminal("[https://x.org](https://x.org)", 40),
            "https://x.org"
        );
    }

    #[test]
    fn autolink_shows_url_once() {
        assert_eq!(
            terminal("Go to <https://x.org> or <hi@x.org>", 60),
            "Go to https://x.org or hi@x.org"
        );
    }

    #[test]
    fn image_shows_alt_text_and_url() {
        assert_eq!(terminal("![A cat](cat.png)", 40), "A cat (cat.png)");
    }

    #[test]
    fn image_inside_link_shows_both_urls() {
        assert_eq!(
            terminal("[![Logo](logo.png)](https://x.org)", 40),
            "Logo (logo.png) (https://x.org)"
        );
    }
}
