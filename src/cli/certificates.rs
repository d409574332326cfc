//! `kurs certificates`: the certificates issued on this computer, from the `certificates/`
//! folder beside the progress index, with their paths.

use std::io::Write;
use std::process::ExitCode;

use super::{CertificatesArgs, installation_folder};
use crate::certificate::files;
use crate::safe_text::sanitize;

pub(super) fn run(args: &CertificatesArgs) -> ExitCode {
    let Some(folder) = installation_folder(args.progress.as_ref()) else {
        say_error!("kurs: no folder for the progress file is known; give one with --progress FILE");
        return ExitCode::from(2);
    };
    let found = match files::list(&folder) {
        Ok(found) => found,
        Err(error) => {
            say_error!(
                "kurs: cannot read {}: {error}",
                sanitize(&files::certificates_folder(&folder).display().to_string())
            );
            return ExitCode::from(2);
        }
    };
    let text = if args.json {
        let paths: Vec<String> = found.iter().map(|p| p.display().to_string()).collect();
        crate::diagnostic::escape_controls_in_json(
            &serde_json::to_string_pretty(&paths).unwrap_or_default(),
        ) + "\n"
    } else if found.is_empty() {
        format!(
            "No certificates yet in {}\n",
            sanitize(&files::certificates_folder(&folder).display().to_string())
        )
    } else {
        found
            .iter()
            .map(|path| format!("{}\n", sanitize(&path.display().to_string())))
            .collect()
    };
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => super::output_failed(&error),
    }
}
