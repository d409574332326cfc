fn main() -> std::process::ExitCode {
    kurs::cli::run()
}
