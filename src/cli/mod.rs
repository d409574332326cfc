//! The command line: `kurs [play]`, `kurs check`, `kurs progress`, `kurs profile`,
//! `kurs schema`, `kurs verify`, `kurs certificates`, `kurs issuer`, `kurs new`,
//! `kurs import`, `kurs export`, `kurs completions`, `kurs man`, `kurs sync`, `kurs report`.
//! Parses arguments, reads the environment, chooses the front end; every exit code is decided here.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

/// One line on stderr. A closed stderr is no reason to stop (`eprintln!` would panic).
macro_rules! say_error {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

mod certificates;
mod check;
mod exam;
mod export;
mod import;
mod issuer;
pub mod lrs;
mod manual;
mod new;
mod play;
mod profile;
mod progress;
mod report;
mod verify;

use crate::course::schema::{SchemaKind, schema_json};
use crate::diagnostic::Format;
use crate::i18n::Lang;

#[derive(Parser, Debug)]
#[command(
    name = "kurs",
    version,
    about = "Learn from courses in the terminal: read modules, practise with quizzes, keep your progress.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub play: PlayArgs,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Open the player (the default when no command is given).
    Play(PlayArgs),
    /// Take a course's final exam (full screen at a terminal, line by line with --plain or
    /// through a pipe), and earn its certificate. Exits with 1 when the exam is not open yet.
    Exam(ExamArgs),
    /// Check course files and report every problem with its place.
    Check(CheckArgs),
    /// Show or reset the learner's progress.
    Progress(ProgressArgs),
    /// Show, set or delete the learner's profile (name and birth date for certificates).
    Profile(ProfileArgs),
    /// Check a certificate (.pdf or .jwt) offline: who, what, when, by whom, which score.
    Verify(VerifyArgs),
    /// List the certificates issued on this computer.
    Certificates(CertificatesArgs),
    /// Make a key for a training organisation that signs certificates with its own key.
    Issuer {
        #[command(subcommand)]
        command: IssuerCommand,
    },
    /// Print the JSON Schema of course or module files (for editors).
    Schema {
        #[arg(value_enum)]
        kind: SchemaKind,
    },
    /// Start a new course, or add a module to one (for trainers); never overwrites a file.
    New(NewArgs),
    /// Turn a question bank (Moodle GIFT or Aiken) into module files that pass `kurs check`.
    Import(ImportArgs),
    /// Write the quiz questions of a course for another system (GIFT, for Moodle).
    Export(ExportArgs),
    /// Send the learning records waiting to the configured LRS (xAPI).
    Sync(SyncArgs),
    /// For trainers: who did what in a course, read back from the LRS (per learner and module, and the exam).
    Report(report::ReportArgs),
    /// Print the shell completion script for kurs (bash, zsh, fish, elvish, powershell).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page of kurs (roff), or write one page per command into a folder.
    Man {
        /// Write kurs.1, kurs-check.1, … into this folder instead
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
}

#[derive(Args, Debug, Clone, Default)]
pub struct PlayArgs {
    /// A library folder, a course folder or a module file [default: $KURS_COURSES, else the built-in sample courses]
    pub path: Option<PathBuf>,
    /// The progress file [default: $KURS_PROGRESS, else the platform's state folder]
    #[arg(long, value_name = "FILE")]
    pub progress: Option<PathBuf>,
    /// User interface language [default: the course's language]
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Seed for shuffling questions and choices, for a reproducible order
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Line-by-line mode for screen readers and scripts (automatic when output is not a terminal)
    #[arg(long)]
    pub plain: bool,
    /// Reload the course files whenever one is saved, keeping your place (for trainers writing a course)
    #[arg(long)]
    pub watch: bool,
    #[command(flatten)]
    pub time: TimeArgs,
}

/// The final exam's time as the learner needs it (WCAG 2.2.1), for the player and `kurs exam`.
#[derive(Args, Debug, Clone, Default)]
pub struct TimeArgs {
    /// More time in final exams for learners who need it: the time limit times N (1 to 4, such as 1.5); also applied to an exam under way; noted in the result and on the certificate
    #[arg(long, value_name = "N")]
    pub time_factor: Option<String>,
    /// No time limit in final exams (also for one under way); noted in the result and on the certificate
    #[arg(long, conflicts_with = "time_factor")]
    pub untimed: bool,
}

impl TimeArgs {
    /// The choice as the exam takes it, or the sentence on a factor that is not one.
    pub fn choice(&self) -> Result<crate::exam::TimeChoice, String> {
        let factor_percent = self
            .time_factor
            .as_deref()
            .map(crate::exam::parse_time_factor)
            .transpose()?;
        Ok(crate::exam::TimeChoice {
            factor_percent,
            untimed: self.untimed,
        })
    }
}

#[derive(Args, Debug, Clone, Default)]
pub struct ExamArgs {
    /// A library folder, a course folder or a module file [default: $KURS_COURSES, else the built-in sample courses]
    pub path: Option<PathBuf>,
    /// The course whose exam to take, by id [default: the only course with an exam, else the last one learned in]
    #[arg(long, value_name = "ID")]
    pub course: Option<String>,
    /// The progress file [default: $KURS_PROGRESS, else the platform's state folder]
    #[arg(long, value_name = "FILE")]
    pub progress: Option<PathBuf>,
    /// User interface language [default: the course's language]
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Seed for drawing and ordering the questions, for a reproducible exam
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    #[command(flatten)]
    pub time: TimeArgs,
    /// Line-by-line mode for screen readers and scripts (automatic when output is not a terminal)
    #[arg(long)]
    pub plain: bool,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Library folders, course folders or module files [default: the current folder]
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// Exit with 1 on warnings too
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Args, Debug)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ProgressArgs {
    #[command(subcommand)]
    pub command: Option<ProgressCommand>,
    /// A library folder, a course folder or a module file [default: $KURS_COURSES, else the built-in sample courses]
    pub path: Option<PathBuf>,
    /// The progress file [default: $KURS_PROGRESS, else the platform's state folder]
    #[arg(long, value_name = "FILE")]
    pub progress: Option<PathBuf>,
    /// Print JSON instead of a table
    #[arg(long)]
    pub json: bool,
}

#[derive(Subcommand, Debug)]
pub enum ProgressCommand {
    /// Clear progress, of one course or of all.
    Reset {
        /// Only this course id
        #[arg(long, value_name = "ID")]
        course: Option<String>,
        /// Do not ask
        #[arg(long)]
        yes: bool,
        /// The progress file [default: $KURS_PROGRESS, else the platform's state folder]
        #[arg(long, value_name = "FILE")]
        progress: Option<PathBuf>,
    },
}

#[derive(Args, Debug)]
pub struct NewArgs {
    #[command(subcommand)]
    pub command: NewCommand,
}

#[derive(Subcommand, Debug)]
pub enum NewCommand {
    /// Write a course.toml and a first module that pass `kurs check`, every key explained.
    Course {
        /// The folder of the new course (made if it is not there); its name becomes the course id
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// The course's title [default: "New course" / "Neuer Kurs"]
        #[arg(long)]
        title: Option<String>,
        /// The course's language, of its texts and of the comments in the new files
        #[arg(long, value_enum, default_value = "en")]
        language: Option<Lang>,
    },
    /// Write a new module file and add it to the course's modules, keeping course.toml's comments.
    Module {
        /// The course's folder (the one with course.toml)
        #[arg(value_name = "COURSE_DIR")]
        course_dir: PathBuf,
        /// The module's title [default: "New module" / "Neues Modul"]
        #[arg(long)]
        title: Option<String>,
        /// A short label before the title, such as C2 [default: the next number of its list]
        #[arg(long)]
        code: Option<String>,
        /// Add it to the modules of the area with this code ([[area]] in course.toml)
        #[arg(long, value_name = "CODE")]
        area: Option<String>,
        /// The language of the new file's comments and messages [default: the course's language]
        #[arg(long, value_enum)]
        language: Option<Lang>,
    },
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    #[command(subcommand)]
    pub command: ImportCommand,
}

#[derive(Subcommand, Debug)]
pub enum ImportCommand {
    /// Moodle's GIFT format: one module per $CATEGORY, or one for a file without categories.
    Gift(ImportFileArgs),
    /// The Aiken format: multiple choice questions with an ANSWER: line.
    Aiken(ImportFileArgs),
}

#[derive(Args, Debug)]
pub struct ImportFileArgs {
    /// The question bank file
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The course folder: the modules join its course.toml, or a new course is made there
    #[arg(long, value_name = "COURSE_DIR")]
    pub out: PathBuf,
    /// The id of the module, when the file gives one module [default: from its code and title]
    #[arg(long, value_name = "ID")]
    pub module_id: Option<String>,
    /// The title of the module, when the file gives one module [default: the category, else the file's name]
    #[arg(long)]
    pub title: Option<String>,
    /// Add the modules to the area with this code ([[area]] in course.toml)
    #[arg(long, value_name = "CODE")]
    pub area: Option<String>,
    /// The language of the new files' comments and messages [default: the course's language, else English]
    #[arg(long, value_enum)]
    pub language: Option<Lang>,
    /// Output format of the report
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    #[command(subcommand)]
    pub command: ExportCommand,
}

#[derive(Subcommand, Debug)]
pub enum ExportCommand {
    /// Moodle's GIFT format: a $CATEGORY per module, the question ids as titles.
    Gift {
        /// The course folder (the one with course.toml)
        #[arg(value_name = "COURSE_DIR")]
        course_dir: PathBuf,
        /// Write into this file (never replacing one) [default: standard output]
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

#[derive(Args, Debug)]
pub struct ProfileArgs {
    #[command(subcommand)]
    pub command: Option<ProfileCommand>,
    /// The progress file; the profile is kept beside it as profile.toml [default: $KURS_PROGRESS, else the platform's state folder]
    #[arg(long, value_name = "FILE", global = true)]
    pub progress: Option<PathBuf>,
    /// Language of the messages [default: English]
    #[arg(long, value_enum, global = true)]
    pub lang: Option<Lang>,
    /// Print JSON instead of lines
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct SyncArgs {
    /// The progress file; the learning records wait beside it [default: $KURS_PROGRESS, else the platform's state folder]
    #[arg(long, value_name = "FILE")]
    pub progress: Option<PathBuf>,
    /// List the records the LRS refused, with its answer, instead of sending
    #[arg(long)]
    pub rejected: bool,
}

#[derive(Args, Debug)]
pub struct VerifyArgs {
    /// The certificate: the .pdf, or the .jwt beside it
    pub file: PathBuf,
    /// Also require that it was signed with this key (a did:key the issuer published)
    #[arg(long, value_name = "DID")]
    pub issuer: Option<String>,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
#[command(args_conflicts_with_subcommands = true)]
pub struct CertificatesArgs {
    #[command(subcommand)]
    pub command: Option<CertificatesCommand>,
    /// The progress file; certificates are kept beside it [default: $KURS_PROGRESS, else the platform's state folder]
    #[arg(long, value_name = "FILE", global = true)]
    pub progress: Option<PathBuf>,
    /// Print JSON instead of a list
    #[arg(long)]
    pub json: bool,
}

#[derive(Subcommand, Debug)]
pub enum CertificatesCommand {
    /// Issue the certificate of a course whose requirement is met in the progress: when issuing failed (a key file, a full disk), or anew with --again.
    Issue {
        /// A library folder, a course folder or a module file [default: $KURS_COURSES, else the built-in sample courses]
        path: Option<PathBuf>,
        /// The course, by id [default: the only course whose certificate is due, else the only one with a certificate]
        #[arg(long, value_name = "ID")]
        course: Option<String>,
        /// Issue a new certificate even though one was issued (with the results as they are now)
        #[arg(long)]
        again: bool,
        /// Language of the messages [default: the course's language]
        #[arg(long, value_enum)]
        lang: Option<Lang>,
    },
}

#[derive(Subcommand, Debug)]
pub enum ProfileCommand {
    /// Set or change the profile; what is not given is kept (the first time, name and birth date are needed).
    Set {
        /// The name as it should appear on certificates
        #[arg(long)]
        name: Option<String>,
        /// The date of birth
        #[arg(long, value_name = "YYYY-MM-DD")]
        birth_date: Option<String>,
        /// An email address (optional; --email "" removes it)
        #[arg(long, value_name = "ADDRESS")]
        email: Option<String>,
    },
    /// Delete the profile, with any damaged copies of it kept aside.
    Delete {
        /// Really delete it
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum IssuerCommand {
    /// Make a new key file (never replacing one) and print its public did:key.
    Init {
        /// Who signs: the organisation's name as it should appear on certificates
        #[arg(long)]
        name: String,
        /// Where to write the key file
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

/// Exit codes: 0 fine, 1 problems found (`kurs exam`: the exam is not open yet), 2 usage or
/// I/O problems (progress that could not be saved among them), 141 output into a closed pipe.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => play::run(&cli.play),
        Some(Command::Play(args)) => play::run(&args),
        Some(Command::Exam(args)) => exam::run(&args),
        Some(Command::Check(args)) => check::run(&args),
        Some(Command::Progress(args)) => progress::run(&args),
        Some(Command::Profile(args)) => profile::run(&args),
        Some(Command::Verify(args)) => verify::run(&args),
        Some(Command::Certificates(args)) => certificates::run(&args),
        Some(Command::Issuer { command }) => issuer::run(&command),
        Some(Command::New(args)) => new::run(&args),
        Some(Command::Import(args)) => import::run(&args),
        Some(Command::Export(args)) => export::run(&args),
        Some(Command::Sync(args)) => lrs::run(&args),
        Some(Command::Report(args)) => report::run(&args),
        Some(Command::Completions { shell }) => manual::completions(shell),
        Some(Command::Man { out }) => manual::man(out.as_deref()),
        Some(Command::Schema { kind }) => {
            match io::stdout().write_all(schema_json(kind).as_bytes()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => output_failed(&error),
            }
        }
    }
}

/// The exit status of a program stopped by a closed pipe (128 + SIGPIPE), as `yes | head` gives.
pub const EXIT_BROKEN_PIPE: u8 = 141;

/// Output that could not be written: a closed pipe (`kurs … | head -1`) ends quietly with the
/// status a pipe's reader expects; anything else (a full disk) is said, with exit 2.
fn output_failed(error: &io::Error) -> ExitCode {
    if error.kind() == io::ErrorKind::BrokenPipe {
        return ExitCode::from(EXIT_BROKEN_PIPE);
    }
    say_error!("kurs: cannot write the output: {error}");
    ExitCode::from(2)
}

/// Where progress is kept: `--progress`, else `$KURS_PROGRESS`, else the platform's state folder.
pub fn progress_path(flag: Option<&PathBuf>) -> Option<PathBuf> {
    flag.cloned()
        .or_else(|| {
            std::env::var_os("KURS_PROGRESS")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .or_else(crate::progress::store::ProgressStore::default_path)
}

/// The courses to show: the path given, else `$KURS_COURSES`, else the built-in samples.
pub fn course_path(flag: Option<&PathBuf>) -> Option<PathBuf> {
    flag.cloned().or_else(|| {
        std::env::var_os("KURS_COURSES")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    })
}

/// The folder beside the progress index, where kurs keeps its issuer key and `certificates/`.
pub fn installation_folder(progress: Option<&PathBuf>) -> Option<PathBuf> {
    let index = crate::progress::disk::real_path(&progress_path(progress)?);
    Some(crate::progress::disk::folder_of(&index).to_path_buf())
}

/// The key file a training organisation signs with, from `$KURS_ISSUER_KEY`; `None` means the
/// installation's own key. Read here, so that the core never reads the environment.
pub fn issuer_key_file() -> Option<PathBuf> {
    std::env::var_os("KURS_ISSUER_KEY")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}
