//! Ids and file names for new courses and modules, made from the trainer's code and title:
//! lowercase ASCII letters, digits and `-`, the form `kurs check` asks of an id (E006).

/// The id form of `words`: German umlauts and ß spelt out (`Passwörter` → `passwoerter`), other
/// letters with accents without them, everything else between words as one `-`. Empty when
/// nothing in `words` is a Latin letter or a digit.
pub fn slug(words: &str) -> String {
    let mut slug = String::new();
    let mut gap = false;
    for c in words.chars().flat_map(char::to_lowercase) {
        match spelt(c) {
            Some(ascii) => {
                if gap && !slug.is_empty() {
                    slug.push('-');
                }
                gap = false;
                slug.push_str(ascii);
            }
            None => gap = true,
        }
    }
    // An id of a few hundred characters helps no one; a word is not cut in the middle.
    const MAX: usize = 60;
    if slug.len() > MAX {
        let cut = slug[..MAX].rfind('-').unwrap_or(MAX);
        slug.truncate(cut);
    }
    slug
}

/// A lowercase character as ASCII id text, or `None` where words are separated.
fn spelt(c: char) -> Option<&'static str> {
    const ASCII: &str = "abcdefghijklmnopqrstuvwxyz0123456789";
    if c.is_ascii_alphanumeric() {
        let at = ASCII.find(c)?;
        return ASCII.get(at..at + 1);
    }
    Some(match c {
        'ä' | 'æ' => "ae",
        'ö' | 'œ' | 'ø' => "oe",
        'ü' => "ue",
        'ß' => "ss",
        'à' | 'á' | 'â' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ł' | 'ľ' | 'ĺ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ō' | 'ő' => "o",
        'ŕ' | 'ř' => "r",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ť' | 'ţ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn code_and_title_become_a_lowercase_id_with_dashes() {
        assert_eq!(slug("C2 Messenger & SMS"), "c2-messenger-sms");
    }

    #[test]
    fn umlauts_and_sharp_s_are_spelt_out() {
        assert_eq!(
            slug("S1 Passwörter, Größe & Übung"),
            "s1-passwoerter-groesse-uebung"
        );
    }

    #[test]
    fn accents_are_dropped_and_other_scripts_leave_nothing() {
        assert_eq!(slug("Café résumé"), "cafe-resume");
        assert_eq!(slug("日本語"), "");
        assert_eq!(slug("  --  "), "");
    }

    #[test]
    fn a_very_long_title_gives_an_id_cut_between_words() {
        let id = slug(&"Datenschutz ".repeat(20));
        assert!(id.len() <= 60, "{id}");
        assert!(id.ends_with("datenschutz"), "{id}");
    }
}
