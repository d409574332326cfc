//! `kurs completions` and `kurs man`: the real binary prints completion scripts for every shell
//! and man pages, and each names every command the command line has.

use std::process::{Command, Output};

use clap::CommandFactory;

const KURS: &str = env!("CARGO_BIN_EXE_kurs");

fn kurs(args: &[&str]) -> Output {
    Command::new(KURS).args(args).output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// Every subcommand of kurs, taken from the same definition the binary parses.
fn subcommands() -> Vec<String> {
    kurs::cli::Cli::command()
        .get_subcommands()
        .map(|command| command.get_name().to_owned())
        .collect()
}

#[test]
fn the_command_list_is_not_empty_and_has_the_new_commands() {
    let names = subcommands();
    for name in ["check", "new", "completions", "man"] {
        assert!(names.iter().any(|n| n == name), "{names:?}");
    }
}

#[test]
fn every_shell_gets_a_completion_script_naming_every_command() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let output = kurs(&["completions", shell]);
        assert_eq!(output.status.code(), Some(0), "{shell}");
        let script = stdout(&output);
        for name in subcommands() {
            assert!(script.contains(&name), "{shell} completions lack `{name}`");
        }
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    let output = kurs(&["completions", "tcsh"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn the_man_page_is_roff_and_names_every_command() {
    let output = kurs(&["man"]);
    assert_eq!(output.status.code(), Some(0));
    let page = stdout(&output);
    assert!(page.contains(".TH kurs 1"), "{page}");
    for name in subcommands() {
        // roff writes the `-` of `kurs-check` as `\-`.
        assert!(
            page.contains(&format!("kurs\\-{name}")),
            "the man page lacks `{name}`"
        );
    }
}

#[test]
fn man_out_writes_one_page_per_command_into_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("man1");
    let output = kurs(&["man", "--out", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    assert!(out.join("kurs.1").is_file());
    for name in subcommands() {
        let page = out.join(format!("kurs-{name}.1"));
        assert!(page.is_file(), "no {}", page.display());
        assert!(stdout(&output).contains(&format!("kurs-{name}.1")));
    }
    let check = std::fs::read_to_string(out.join("kurs-check.1")).unwrap();
    assert!(check.contains("deny\\-warnings"), "{check}");
    assert!(out.join("kurs-new-module.1").is_file());
}
