//! `kurs profile`: shows the learner's profile (or how to set one), `kurs profile set` sets or
//! changes it, `kurs profile delete --yes` deletes it. Exit 1 for what was typed, 2 for files.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::{ProfileArgs, ProfileCommand, progress_path};
use crate::i18n::{self, Lang};
use crate::profile::{self, Profile, ProfileError, ProfileProblem};
use crate::safe_text::single_line;

#[derive(Serialize)]
struct ProfileJson {
    profile_file: String,
    profile: Option<FieldsJson>,
}

#[derive(Serialize)]
struct FieldsJson {
    name: String,
    birth_date: String,
    email: Option<String>,
}

pub(super) fn run(args: &ProfileArgs) -> ExitCode {
    // Like `kurs progress`, whose messages are English: there is no course to take a language from.
    let lang = args.lang.unwrap_or(Lang::En);
    let Some(index) = progress_path(args.progress.as_ref()) else {
        say_error!("kurs: {}", i18n::profile_no_folder(lang));
        return ExitCode::from(2);
    };
    match &args.command {
        None => show(&index, args.json, lang),
        Some(ProfileCommand::Set {
            name,
            birth_date,
            email,
        }) => set(
            &index,
            [name.as_deref(), birth_date.as_deref(), email.as_deref()],
            lang,
        ),
        Some(ProfileCommand::Delete { yes }) => delete(&index, *yes, lang),
    }
}

/// The stored profile; a damaged one is told (it has just been kept aside) and is none.
fn stored(index: &Path, lang: Lang) -> Result<Option<Profile>, ExitCode> {
    match Profile::load(index) {
        Ok(profile) => Ok(profile),
        Err(error @ ProfileError::Damaged { .. }) => {
            say_error!("kurs: {}", error.text(lang));
            Ok(None)
        }
        Err(error) => Err(failed(&error, lang)),
    }
}

fn show(index: &Path, json: bool, lang: Lang) -> ExitCode {
    let file = Profile::file_path(index);
    let profile = match stored(index, lang) {
        Ok(profile) => profile,
        Err(code) => return code,
    };
    let text = if json {
        let json = ProfileJson {
            profile_file: file.display().to_string(),
            profile: profile.map(|profile| FieldsJson {
                name: profile.name,
                birth_date: profile.birth_date.to_string(),
                email: profile.email,
            }),
        };
        crate::diagnostic::escape_controls_in_json(
            &serde_json::to_string_pretty(&json).unwrap_or_default(),
        ) + "\n"
    } else {
        let first = match &profile {
            Some(profile) => lines(profile, lang),
            None => format!("{}\n", i18n::profile_none(lang)),
        };
        format!("{first}\n{}\n", i18n::profile_explanation(lang, &file))
    };
    say(&text)
}

/// The profile as aligned lines, one field each.
fn lines(profile: &Profile, lang: Lang) -> String {
    let [name, birth_date, email, none] = i18n::profile_labels(lang);
    let labels = [name, birth_date, email].map(|label| format!("{label}:"));
    let width = labels.iter().map(|label| label.width()).max().unwrap_or(0);
    let values = [
        single_line(&profile.name),
        profile.birth_date.to_string(),
        profile
            .email
            .as_deref()
            .map_or_else(|| none.to_owned(), single_line),
    ];
    labels
        .iter()
        .zip(values)
        .map(|(label, value)| {
            let pad = " ".repeat(width - label.width());
            format!("{label}{pad}  {value}\n")
        })
        .collect()
}

/// `[name, birth date, email]` as typed; what is not given is kept from the stored profile.
fn set(index: &Path, typed: [Option<&str>; 3], lang: Lang) -> ExitCode {
    let [name, birth_date, email] = typed;
    if typed.iter().all(Option::is_none) {
        say_error!("kurs: {}", i18n::profile_nothing_to_set(lang));
        return ExitCode::from(1);
    }
    let stored = match stored(index, lang) {
        Ok(stored) => stored,
        Err(code) => return code,
    };
    let stored_date = stored.as_ref().map(|p| p.birth_date.to_string());
    let name = name.or(stored.as_ref().map(|p| p.name.as_str()));
    let birth_date = birth_date.or(stored_date.as_deref());
    let email = email.or(stored.as_ref().and_then(|p| p.email.as_deref()));
    let (Some(name), Some(birth_date)) = (name, birth_date) else {
        let missing = [
            name.is_none().then_some(ProfileProblem::NameMissing),
            birth_date
                .is_none()
                .then_some(ProfileProblem::BirthDateMissing),
        ];
        for problem in missing.iter().flatten() {
            say_error!("kurs: {}", problem.text(lang));
        }
        return ExitCode::from(1);
    };
    let profile = match Profile::parse_input(name, birth_date, email, profile::today()) {
        Ok(profile) => profile,
        Err(problems) => {
            for problem in &problems {
                say_error!("kurs: {}", problem.text(lang));
            }
            return ExitCode::from(1);
        }
    };
    if let Err(error) = profile.save(index) {
        return failed(&error, lang);
    }
    let file = Profile::file_path(index);
    say(&format!(
        "{}\n\n{}\n{}\n",
        i18n::profile_saved(lang, &file),
        lines(&profile, lang),
        i18n::profile_explanation(lang, &file)
    ))
}

fn delete(index: &Path, yes: bool, lang: Lang) -> ExitCode {
    let file = Profile::file_path(index);
    if !yes {
        say_error!("kurs: {}", i18n::profile_delete_needs_yes(lang, &file));
        return ExitCode::from(1);
    }
    match Profile::delete(index) {
        Ok(deleted) => say(&format!(
            "{}\n",
            i18n::profile_deleted(lang, &file, deleted)
        )),
        Err(error) => failed(&error, lang),
    }
}

/// Says why the profile could not be used: 1 when what was typed is at fault, 2 for the files.
fn failed(error: &ProfileError, lang: Lang) -> ExitCode {
    say_error!("kurs: {}", error.text(lang));
    match error {
        ProfileError::Invalid(_) => ExitCode::from(1),
        _ => ExitCode::from(2),
    }
}

fn say(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => super::output_failed(&error),
    }
}
