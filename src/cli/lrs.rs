//! The LRS as the command line finds it: `config.toml` in the platform's config folder
//! (`$XDG_CONFIG_HOME/kurs/` on Linux) with `KURS_LRS_ENDPOINT`, `KURS_LRS_USERNAME` and
//! `KURS_LRS_PASSWORD` over it; `password_command` is run here. `kurs sync` sends the outbox.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::xapi::config::{Lrs, Overrides, Password, resolve};
use crate::xapi::journal::Journal;
use crate::xapi::outbox::{Outbox, learner_id};
use crate::xapi::send::{Client, Courier, sync};
use crate::xapi::statement::Actor;

/// The most of `config.toml` that is read: it holds a few settings.
const MAX_CONFIG: u64 = 1024 * 1024;

/// `config.toml` in kurs's config folder.
pub fn config_path() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "kurs")?;
    Some(dirs.config_dir().join("config.toml"))
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// The configured LRS; `Ok(None)` when none is; Err: every problem, one sentence each.
pub fn configured() -> Result<Option<Lrs>, Vec<String>> {
    let path = config_path();
    let text = match &path {
        Some(path) => match std::fs::File::open(path) {
            Ok(file) => {
                let mut text = String::new();
                match file.take(MAX_CONFIG).read_to_string(&mut text) {
                    Ok(_) => Some(text),
                    Err(error) => {
                        return Err(vec![format!("{} cannot be read: {error}", shown(path))]);
                    }
                }
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
            Err(error) => return Err(vec![format!("{} cannot be read: {error}", shown(path))]),
        },
        None => None,
    };
    let overrides = Overrides {
        endpoint: env("KURS_LRS_ENDPOINT"),
        username: env("KURS_LRS_USERNAME"),
        password: env("KURS_LRS_PASSWORD"),
    };
    let place = path.as_deref().map(shown).unwrap_or_default();
    resolve(text.as_deref().map(|t| (t, place.as_str())), &overrides)
}

fn shown(path: &Path) -> String {
    crate::safe_text::single_line(&path.display().to_string())
}

/// The password: as given, or the first line a `password_command` prints.
pub fn password(lrs: &Lrs) -> Result<Option<String>, String> {
    match &lrs.password {
        None => Ok(None),
        Some(Password::Given(password)) => Ok(Some(password.clone())),
        Some(Password::Command(command)) => {
            let output = std::process::Command::new("sh")
                .arg("-c")
                .arg(command)
                .stdin(std::process::Stdio::null())
                .stderr(std::process::Stdio::inherit())
                .output()
                .map_err(|error| format!("[lrs] password_command could not be run: {error}"))?;
            if !output.status.success() {
                return Err(format!(
                    "[lrs] password_command failed ({}); kurs needs it to print the password",
                    output.status
                ));
            }
            let text = String::from_utf8_lossy(&output.stdout);
            match text.lines().next().map(str::trim) {
                Some(line) if !line.is_empty() => Ok(Some(line.to_string())),
                _ => Err("[lrs] password_command printed no password".to_string()),
            }
        }
    }
}

/// The learner as the LRS sees them: the configured id or the installation's, the profile's
/// name only with `share_name = true`.
fn actor(lrs: &Lrs, index: &Path) -> Result<Actor, String> {
    let account = match &lrs.learner_id {
        Some(id) => id.clone(),
        None => learner_id(index).map_err(|error| error.to_string())?,
    };
    let name = if lrs.share_name {
        crate::profile::Profile::load(index)
            .ok()
            .flatten()
            .map(|p| p.name)
    } else {
        None
    };
    Ok(Actor {
        home_page: lrs.homepage.clone(),
        account,
        name,
    })
}

/// The journal of a player session with the courier sending in the background; `None` (after
/// saying why on stderr) when no LRS is configured or its settings cannot be used: the
/// learner plays on, with progress kept as always.
pub fn journal(index: &Path) -> Option<Journal> {
    let lrs = match configured() {
        Ok(Some(lrs)) => lrs,
        Ok(None) => return None,
        Err(problems) => {
            for problem in problems {
                say_error!("kurs: {problem}; learning records are not kept this session");
            }
            return None;
        }
    };
    let made = password(&lrs).and_then(|password| Ok((password, actor(&lrs, index)?)));
    let (password, actor) = match made {
        Ok(made) => made,
        Err(problem) => {
            say_error!("kurs: {problem}; learning records are not kept this session");
            return None;
        }
    };
    let outbox = Outbox::beside(index);
    let courier = Courier::start(outbox.clone(), Client::new(&lrs, password.as_deref()));
    Some(Journal::new(outbox, actor, Some(courier)))
}

/// `kurs sync`: sends every learning record waiting. 0: all accepted; 1: the LRS refused some
/// (set apart, see `--rejected`); 2: the LRS could not be reached or used, nothing lost.
pub(super) fn run(args: &super::SyncArgs) -> ExitCode {
    let Some(index) = super::progress_path(args.progress.as_ref()) else {
        say_error!("kurs: no folder for the progress is known; give one with --progress");
        return ExitCode::from(2);
    };
    let outbox = Outbox::beside(&index);
    if args.rejected {
        return rejected(&outbox);
    }
    let lrs = match configured() {
        Ok(Some(lrs)) => lrs,
        Ok(None) => {
            let place = config_path().map_or_else(|| "config.toml".to_string(), |p| shown(&p));
            say_error!(
                "kurs: no LRS is configured: set [lrs] endpoint in {place}, or KURS_LRS_ENDPOINT"
            );
            return ExitCode::from(2);
        }
        Err(problems) => {
            for problem in problems {
                say_error!("kurs: {problem}");
            }
            return ExitCode::from(2);
        }
    };
    let password = match password(&lrs) {
        Ok(password) => password,
        Err(problem) => {
            say_error!("kurs: {problem}");
            return ExitCode::from(2);
        }
    };
    let synced = sync(&outbox, &Client::new(&lrs, password.as_deref()));
    println!(
        "kurs: {} learning record{} sent, {} waiting{}",
        synced.sent,
        if synced.sent == 1 { "" } else { "s" },
        synced.waiting,
        if synced.rejected > 0 {
            format!(
                ", {} refused by the LRS and set apart (see `kurs sync --rejected`)",
                synced.rejected
            )
        } else {
            String::new()
        }
    );
    match synced.error {
        Some(error) => {
            say_error!("kurs: {error}");
            ExitCode::from(2)
        }
        None if synced.rejected > 0 => ExitCode::from(1),
        None => ExitCode::SUCCESS,
    }
}

/// `kurs sync --rejected`: each refused statement with the LRS's answer.
fn rejected(outbox: &Outbox) -> ExitCode {
    let list = match outbox.rejected() {
        Ok(list) => list,
        Err(error) => {
            say_error!("kurs: {error}");
            return ExitCode::from(2);
        }
    };
    if list.is_empty() {
        println!("kurs: the LRS has refused no learning record");
        return ExitCode::SUCCESS;
    }
    for entry in &list {
        let field = |pointer: &str| {
            crate::safe_text::single_line(
                entry
                    .statement
                    .pointer(pointer)
                    .and_then(|v| v.as_str())
                    .unwrap_or("?"),
            )
        };
        println!(
            "{} {} {} {}: HTTP {} {}",
            field("/timestamp"),
            field("/verb/display/en-US"),
            field("/object/id"),
            field("/id"),
            entry.status,
            crate::safe_text::single_line(&entry.answer)
        );
    }
    ExitCode::SUCCESS
}
