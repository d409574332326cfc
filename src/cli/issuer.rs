//! `kurs issuer init --name … --out FILE`: a key file for a training organisation that signs
//! with its own key (`KURS_ISSUER_KEY=FILE`); prints the public did:key to publish.

use std::io::Write;
use std::process::ExitCode;

use super::IssuerCommand;
use crate::certificate::{IssuerKey, printable};
use crate::safe_text::sanitize;

pub(super) fn run(command: &IssuerCommand) -> ExitCode {
    let IssuerCommand::Init { name, out } = command;
    if name.trim().is_empty() {
        say_error!("kurs: the issuer needs a name: --name \"Your organisation\"");
        return ExitCode::from(2);
    }
    // The name is printed on every certificate the key signs: one the page cannot show would
    // make every one of them fail its own check.
    if let Some(not_shown) = printable::not_shown(name.trim()) {
        let how = if not_shown.right_to_left {
            "is written right to left, which certificates cannot print yet".to_owned()
        } else {
            let codes: Vec<String> = not_shown
                .characters
                .iter()
                .map(|c| format!("U+{:04X}", u32::from(*c)))
                .collect();
            format!(
                "holds characters certificates cannot print ({})",
                codes.join(", ")
            )
        };
        say_error!(
            "kurs: the issuer's name {how}; give it in Latin, Greek or Cyrillic letters: --name \"Your organisation\""
        );
        return ExitCode::from(2);
    }
    let name = printable::normal_form(name.trim());
    let key = match IssuerKey::generate(&name) {
        Ok(key) => key,
        Err(error) => {
            say_error!("kurs: {error}");
            return ExitCode::from(2);
        }
    };
    let shown = sanitize(&out.display().to_string()).into_owned();
    if let Err(error) = key.write_new(out) {
        if error.kind() == std::io::ErrorKind::AlreadyExists {
            say_error!("kurs: {shown} already exists; kurs never replaces a key file");
        } else {
            say_error!("kurs: cannot write {shown}: {error}");
        }
        return ExitCode::from(2);
    }
    let text = format!(
        "{}\nWrote the key to {shown} (readable by you alone). Sign with it: KURS_ISSUER_KEY={shown}\nPublish the did:key above so that readers of your certificates can recognise it.\n",
        key.did_key()
    );
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => super::output_failed(&error),
    }
}
