//! `kurs completions SHELL` and `kurs man`: shell completions and man pages, both made from the
//! clap definition of the command line, so they always name the commands and options there are.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::CommandFactory;

use super::Cli;

/// The completion script for `shell` on stdout.
pub(super) fn completions(shell: clap_complete::Shell) -> ExitCode {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "kurs", &mut script);
    print(&script)
}

/// The man page of kurs (roff) on stdout, or with `out` one page per command in that folder.
pub(super) fn man(out: Option<&Path>) -> ExitCode {
    let Some(dir) = out else {
        let mut page = Vec::new();
        if let Err(error) = clap_mangen::Man::new(Cli::command()).render(&mut page) {
            return super::output_failed(&error);
        }
        return print(&page);
    };
    let mut written = Vec::new();
    let result = std::fs::create_dir_all(dir).and_then(|()| {
        let mut command = Cli::command().disable_help_subcommand(true);
        // Building gives every subcommand its full name (`kurs-check`), the page's file name.
        command.build();
        write_pages(&command, dir, &mut written)
    });
    if let Err(error) = result {
        let shown = crate::safe_text::name(&dir.display().to_string());
        say_error!("kurs: the man pages cannot be written to {shown} ({error}).");
        return ExitCode::from(2);
    }
    let list: Vec<String> = written
        .iter()
        .map(|path| crate::safe_text::name(&path.display().to_string()))
        .collect();
    print(format!("{}\n", list.join("\n")).as_bytes())
}

/// One page for `command` and one for each of its subcommands, all the way down.
fn write_pages(
    command: &clap::Command,
    dir: &Path,
    written: &mut Vec<PathBuf>,
) -> std::io::Result<()> {
    written.push(clap_mangen::Man::new(command.clone()).generate_to(dir)?);
    for subcommand in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_pages(subcommand, dir, written)?;
    }
    Ok(())
}

fn print(bytes: &[u8]) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => super::output_failed(&error),
    }
}
