//! Help texts for the trainer: the closest known name for a misspelt key or type, the list of
//! what a table takes, how to write a value of the right type, and a valid id for a bad one.

/// The candidate closest to `word`, when one is close enough to be a likely typo.
pub(super) fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(word, c), *c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// "`a`, `b`, `c`": the keys a table takes, for a help line.
pub(super) fn list_keys(keys: &[&str]) -> String {
    keys.iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// How to write `key` as `expected`: the most common slip is text without quotes.
pub(super) fn type_help(key: &str, expected: &str) -> String {
    if expected.starts_with("text") {
        format!("put the value in quotes: `{key} = \"…\"`")
    } else {
        format!("write `{key}` as {expected}")
    }
}

/// A valid id close to a bad one: lowercase ASCII, umlauts spelt out, every other run of
/// characters one `-`. Empty when nothing of the id is left.
pub(super) fn suggest_id(id: &str) -> String {
    let mut out = String::new();
    for c in id.chars() {
        let c = match c {
            'ä' | 'Ä' => "ae".to_string(),
            'ö' | 'Ö' => "oe".to_string(),
            'ü' | 'Ü' => "ue".to_string(),
            'ß' => "ss".to_string(),
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase().to_string(),
            _ => "-".to_string(),
        };
        out.push_str(&c);
    }
    out.split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}
