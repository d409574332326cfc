//! Writes a synthetic course library for the benchmarks: German Markdown with umlauts, lists,
//! links and every question type; and, if asked, a learner's progress over it: ten years of
//! history. The same seed and shape always give byte-identical files.
//!
//! ```text
//! cargo run --release --example generate_library -- --seed 1 --courses 50 --modules 20 OUT_DIR
//! cargo run --release --example generate_library -- --shape huge --history PROGRESS_FILE OUT_DIR
//! ```
//!
//! The benchmarks include this file as a module and call [`library`] and [`history`] directly.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use kurs::progress::{Attempt, Progress, ProgressStore};

/// The large library of the benchmarks: 50 courses × 20 modules.
pub const LARGE: (usize, usize) = (50, 20);
/// The small library of the benchmarks: 1 course × 10 modules.
pub const SMALL: (usize, usize) = (1, 10);
/// The huge library: 500 courses × 20 modules, 10,000 modules and about 200 MB. Courses keep
/// the size trainers give them; a library grows by courses.
pub const HUGE: (usize, usize) = (500, 20);
/// Quiz attempts per module in the history of [`history`].
pub const HISTORY_ATTEMPTS: usize = 5;
/// Raised whenever what [`library`] or [`history`] writes changes, so that copies kept on
/// disk by the benchmarks (keyed by shape, seed and this) are made anew.
pub const GENERATOR_VERSION: u32 = 1;
/// Sections per module and the length each section body grows to.
pub const SECTIONS: usize = 8;
pub const SECTION_BYTES: usize = 1500;
/// Questions per module: every type twice.
pub const QUESTIONS: usize = 10;

/// Every file of the library, relative to the library folder, in a fixed order.
pub fn library(seed: u64, courses: usize, modules: usize) -> Vec<(PathBuf, String)> {
    let mut random = Random::new(seed);
    let mut files = Vec::new();
    for c in 0..courses {
        let dir = PathBuf::from(format!("kurs-{:03}", c + 1));
        let names: Vec<String> = (0..modules)
            .map(|m| {
                format!(
                    "m{:02}-{}.toml",
                    m + 1,
                    slug(TOPICS[(c + m) % TOPICS.len()].1)
                )
            })
            .collect();
        files.push((dir.join("course.toml"), course_file(&mut random, c, &names)));
        for (m, name) in names.iter().enumerate() {
            let text = module_file(&mut random, c, m);
            files.push((dir.join(name), text));
        }
    }
    files
}

/// Writes the files under `dir`, creating folders as needed.
pub fn write(dir: &Path, files: &[(PathBuf, String)]) -> std::io::Result<()> {
    for (path, text) in files {
        let path = dir.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, text)?;
    }
    Ok(())
}

/// Ten years of a diligent learner over `library` (read in full): every section of every module
/// opened, every quiz taken `attempts` times (every question answered each time, the last
/// attempt passed), every module marked learned. The learner works through the library in
/// order from 2016-12-01 to 2026-11-30, a module's attempts in the weeks after it was begun.
pub fn history(seed: u64, library: &kurs::course::Library, attempts: usize) -> Progress {
    // 2016-12-01T00:00:00Z, and ten years of days after it.
    const START: i64 = 1_480_550_400;
    const TEN_YEARS: i64 = 3652 * 86_400;
    const DAY: i64 = 86_400;
    let mut random = Random::new(seed ^ 0x6869_7374_6f72_7921);
    let total = library
        .courses
        .iter()
        .map(|c| c.modules.len())
        .sum::<usize>()
        .max(1);
    let mut progress = Progress::default();
    let mut n = 0;
    for course in &library.courses {
        for module in &course.modules {
            let begun = START + TEN_YEARS * n as i64 / total as i64;
            n += 1;
            let time = |offset: i64| {
                jiff::Timestamp::from_second(begun + offset)
                    .map(|t| t.to_string())
                    .unwrap_or_default()
            };
            for s in 0..module.sections.len() {
                progress.open_section(&course.id, &module.id, s);
            }
            if let Some(quiz) = &module.quiz {
                for a in 0..attempts {
                    let at = time((a as i64 + 1) * 3 * DAY + (random.next() % DAY as u64) as i64);
                    let last = a + 1 == attempts;
                    let mut results = BTreeMap::new();
                    for question in &quiz.questions {
                        let correct = last || !random.next().is_multiple_of(3);
                        progress.record_answer(
                            &course.id,
                            &module.id,
                            &question.id,
                            &question.fingerprint(),
                            if correct { 100 } else { 0 },
                            &at,
                        );
                        results.insert(question.id.clone(), correct);
                    }
                    let points = results.values().filter(|r| **r).count() as u32;
                    let max = results.len() as u32;
                    progress.record_attempt(
                        &course.id,
                        &module.id,
                        Attempt {
                            at,
                            points: kurs::progress::Points::whole(points),
                            max,
                            passed: points * 100 >= max * u32::from(quiz.pass_percent),
                            results,
                        },
                    );
                }
            }
            let learned = time((attempts as i64 + 1) * 3 * DAY);
            progress.set_learned(&course.id, &module.id, true, &learned);
        }
    }
    progress
}

/// Writes `progress` to the progress file `path` the way the player does (one file per
/// course and the index), replacing what was there.
pub fn write_progress(path: &Path, progress: &Progress) {
    let _ = std::fs::remove_file(path);
    let _ = std::fs::remove_dir_all(ProgressStore::courses_folder(path));
    let (mut store, _) = ProgressStore::open(path);
    for (id, course) in &progress.courses {
        let saved = store.update(id, |p| {
            p.courses.insert(id.clone(), course.clone());
            p.last_course.clone_from(&progress.last_course);
        });
        assert!(saved.is_none(), "progress saved: {saved:?}");
    }
}

fn course_file(random: &mut Random, c: usize, names: &[String]) -> String {
    let topic = TOPICS[c % TOPICS.len()].1;
    let mut out = String::new();
    let _ = writeln!(out, "id = \"kurs-{:03}\"", c + 1);
    let _ = writeln!(out, "title = \"{topic} für Fortgeschrittene {}\"", c + 1);
    out.push_str("language = \"de\"\n");
    let _ = writeln!(out, "description = '''\n{}\n'''", paragraph(random, 3));
    out.push_str("pass_percent = 60\n");
    // Half the courses group their modules in areas, half list them flat: both shapes are read.
    if c.is_multiple_of(2) {
        for (a, chunk) in names.chunks(5).enumerate() {
            let code = (b'A' + (a % 26) as u8) as char;
            let title = TOPICS[(c + a) % TOPICS.len()].0;
            let _ = writeln!(out, "\n[[area]]\ncode = \"{code}\"\ntitle = \"{title}\"");
            let _ = writeln!(out, "modules = [{}]", quoted(chunk));
        }
    } else {
        let _ = writeln!(out, "modules = [{}]", quoted(names));
    }
    out
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

fn module_file(random: &mut Random, c: usize, m: usize) -> String {
    let (_, topic) = TOPICS[(c + m) % TOPICS.len()];
    let mut out = String::new();
    let _ = writeln!(out, "id = \"m{:02}-{}\"", m + 1, slug(topic));
    let _ = writeln!(out, "code = \"M{}\"", m + 1);
    let _ = writeln!(out, "title = \"{topic} – Teil {}\"", m + 1);
    let _ = writeln!(out, "intro = '''\n{}\n'''", paragraph(random, 2));
    for s in 0..SECTIONS {
        let heading = random.pick(HEADINGS);
        let _ = writeln!(out, "\n[[section]]\ntitle = \"{}. {heading}\"", s + 1);
        let _ = writeln!(out, "body = '''\n{}'''", section_body(random));
    }
    out.push_str("\n[quiz]\n");
    for q in 0..QUESTIONS {
        out.push('\n');
        question(random, &mut out, q);
    }
    out
}

/// About `SECTION_BYTES` of Markdown: paragraphs with bold and links, lists, nested lists.
fn section_body(random: &mut Random) -> String {
    let mut body = String::new();
    let mut block = 0;
    while body.len() < SECTION_BYTES {
        match block % 4 {
            0 => {
                let _ = writeln!(body, "{}\n", paragraph(random, 3));
            }
            1 => {
                for i in 0..3 {
                    let _ = writeln!(body, "- {}", sentence(random));
                    if i == 1 {
                        for _ in 0..2 {
                            let _ = writeln!(body, "  - {}", phrase(random));
                        }
                    }
                }
                body.push('\n');
            }
            2 => {
                let (text, url) = random.pick(LINKS);
                let _ = writeln!(
                    body,
                    "{} Mehr dazu findest du bei [{text}]({url}).\n",
                    paragraph(random, 2)
                );
            }
            _ => {
                for i in 0..3 {
                    let _ = writeln!(body, "{}. {}", i + 1, sentence(random));
                }
                body.push('\n');
            }
        }
        block += 1;
    }
    body
}

fn question(random: &mut Random, out: &mut String, q: usize) {
    out.push_str("[[quiz.question]]\n");
    let _ = writeln!(out, "id = \"frage-{}\"", q + 1);
    match q % 5 {
        0 | 1 => {
            let single = q.is_multiple_of(5);
            let kind = if single { "single" } else { "multiple" };
            let _ = writeln!(out, "type = \"{kind}\"");
            let _ = writeln!(
                out,
                "prompt = \"Welche Aussage zu **{}** trifft zu?\"",
                phrase(random)
            );
            let _ = writeln!(out, "explanation = \"{}\"", sentence(random));
            for i in 0..4 {
                let correct = if single { i == 1 } else { i % 2 == 0 };
                let _ = writeln!(
                    out,
                    "\n[[quiz.question.choice]]\ntext = \"Antwort {}: {}\"",
                    i + 1,
                    phrase(random)
                );
                if correct {
                    out.push_str("correct = true\n");
                }
                let _ = writeln!(out, "feedback = \"{}\"", sentence(random));
            }
        }
        2 => {
            out.push_str("type = \"true_false\"\n");
            let _ = writeln!(out, "prompt = \"{}\"", sentence(random));
            let _ = writeln!(out, "answer = {}", random.next().is_multiple_of(2));
            let _ = writeln!(out, "explanation = \"{}\"", sentence(random));
        }
        3 => {
            out.push_str("type = \"text\"\n");
            let _ = writeln!(out, "prompt = \"Wie heißt {}?\"", phrase(random));
            let word = random.pick(WORDS);
            let _ = writeln!(out, "accept = [\"{word}\", \"die {word}\"]");
            let _ = writeln!(out, "explanation = \"{}\"", sentence(random));
        }
        _ => {
            out.push_str("type = \"order\"\n");
            let _ = writeln!(
                out,
                "prompt = \"Bring die Schritte in die richtige Reihenfolge.\""
            );
            let items: Vec<String> = (0..4)
                .map(|i| format!("\"Schritt {}: {}\"", i + 1, phrase(random)))
                .collect();
            let _ = writeln!(out, "items = [{}]", items.join(", "));
            let _ = writeln!(out, "explanation = \"{}\"", sentence(random));
        }
    }
}

fn paragraph(random: &mut Random, sentences: usize) -> String {
    let mut text: Vec<String> = (0..sentences).map(|_| sentence(random)).collect();
    // One word in bold per paragraph, as trainers write them.
    let word = random.pick(WORDS);
    text[0] = format!("**{word}** ist wichtig. {}", text[0]);
    text.join(" ")
}

fn sentence(random: &mut Random) -> String {
    random.pick(SENTENCES).to_string()
}

fn phrase(random: &mut Random) -> String {
    format!("{} {}", random.pick(ADJECTIVES), random.pick(WORDS))
}

/// An id part from a German title: lowercase ASCII, umlauts written out.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            'ä' | 'Ä' => out.push_str("ae"),
            'ö' | 'Ö' => out.push_str("oe"),
            'ü' | 'Ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c if c.is_ascii_alphanumeric() => out.push(c.to_ascii_lowercase()),
            _ if !out.ends_with('-') && !out.is_empty() => out.push('-'),
            _ => {}
        }
    }
    out.trim_end_matches('-').to_string()
}

/// SplitMix64: tiny, fast and the same on every platform and crate version.
struct Random(u64);

impl Random {
    fn new(seed: u64) -> Self {
        Random(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const TOPICS: &[(&str, &str)] = &[
    ("Kommunikation", "E-Mail im Büro"),
    ("Sicherheit", "Passwörter und Schlüssel"),
    ("Datenschutz", "Datenschutz-Grundverordnung"),
    ("Zusammenarbeit", "Videokonferenzen"),
    ("Werkzeuge", "Tabellenkalkulation"),
    ("Organisation", "Dateiablage und Ordner"),
    ("Geräte", "Smartphone-Grundlagen"),
    ("Netz", "Surfen ohne Ärger"),
];

const HEADINGS: &[&str] = &[
    "Worum es geht",
    "Die wichtigsten Begriffe",
    "Schritt für Schritt",
    "Häufige Fehler",
    "Übung im Alltag",
    "Was Prüfer fragen",
    "Tipps für Fortgeschrittene",
    "Zusammenfassung",
];

const SENTENCES: &[&str] = &[
    "Öffne zuerst die Einstellungen und prüfe, ob alle Geräte auf dem neuesten Stand sind.",
    "Für die tägliche Arbeit genügt es, die wichtigsten Funktionen sicher zu beherrschen.",
    "Überlege dir vor dem Senden, wer die Nachricht wirklich lesen muss.",
    "Große Dateien gehören nicht in den Anhang, sondern in einen gemeinsamen Ordner.",
    "Eine gute Betreffzeile erspart deinen Kolleginnen und Kollegen viel Zeit.",
    "Wähle für jedes Konto ein eigenes, langes Passwort und bewahre es im Passwortmanager auf.",
    "Schädliche Anhänge erkennst du oft an ungewöhnlichen Dateiendungen.",
    "Bei Unsicherheit fragst du lieber einmal zu viel in der IT-Abteilung nach.",
    "Regelmäßige Sicherungen schützen dich vor Datenverlust durch Defekte oder Erpressung.",
    "Persönliche Daten dürfen nur für den Zweck verwendet werden, für den sie erhoben wurden.",
    "Im Videogespräch schaltest du dein Mikrofon stumm, solange du nicht sprichst.",
    "Ein ruhiger Hintergrund und gutes Licht wirken professioneller als jede Software.",
    "Formeln in der Tabellenkalkulation beginnen immer mit einem Gleichheitszeichen.",
    "Sortiere Dateien nach Projekten und gib ihnen sprechende Namen mit Datum.",
    "Öffentliche WLAN-Netze sind bequem, aber nicht für vertrauliche Arbeit geeignet.",
    "Updates schließen Sicherheitslücken, deshalb installierst du sie möglichst bald.",
    "Zwei-Faktor-Anmeldung macht gestohlene Passwörter für Angreifer fast wertlos.",
    "Prüfe Links, bevor du sie anklickst: Der angezeigte Text kann täuschen.",
    "Die Löschfristen für Bewerbungsunterlagen sind gesetzlich geregelt.",
    "Übergib vertrauliche Dokumente nie über private Konten oder Messenger.",
    "Mit Tastenkürzeln erledigst du häufige Aufgaben deutlich schneller.",
    "Ein aufgeräumter Posteingang hilft, nichts Wichtiges zu übersehen.",
    "Bevor du ein Gerät weitergibst, setzt du es vollständig auf Werkseinstellungen zurück.",
    "Gemeinsame Kalender zeigen auf einen Blick, wann alle Zeit für ein Treffen haben.",
];

const WORDS: &[&str] = &[
    "Verschlüsselung",
    "Datensicherung",
    "Betreffzeile",
    "Passwortmanager",
    "Zugriffsrechte",
    "Bildschirmfreigabe",
    "Löschkonzept",
    "Phishing",
    "Tabellenblatt",
    "Ordnerstruktur",
    "Aktualisierung",
    "Einwilligung",
];

const ADJECTIVES: &[&str] = &[
    "die sichere",
    "die tägliche",
    "die gemeinsame",
    "die schnelle",
    "die gründliche",
    "die übliche",
    "die öffentliche",
    "die persönliche",
];

const LINKS: &[(&str, &str)] = &[
    ("dem BSI", "https://www.bsi.bund.de"),
    (
        "der Verbraucherzentrale",
        "https://www.verbraucherzentrale.de",
    ),
    ("Wikipedia", "https://de.wikipedia.org/wiki/Datenschutz"),
    ("klicksafe", "https://www.klicksafe.de"),
];

fn main() {
    let mut seed = 1;
    let (mut courses, mut modules) = LARGE;
    let mut out = None;
    let mut history_file = None;
    let mut args = std::env::args().skip(1);
    let usage = "usage: generate_library [--seed N] [--shape small|large|huge] [--courses N] \
                 [--modules N] [--history PROGRESS_FILE] OUT_DIR";
    while let Some(arg) = args.next() {
        let mut value = |name: &str| -> String {
            args.next()
                .unwrap_or_else(|| panic!("{name} needs a value; {usage}"))
        };
        let number = |name: &str, text: String| -> u64 {
            text.parse()
                .unwrap_or_else(|_| panic!("{name} needs a number; {usage}"))
        };
        match arg.as_str() {
            "--seed" => seed = number("--seed", value("--seed")),
            "--courses" => courses = number("--courses", value("--courses")) as usize,
            "--modules" => modules = number("--modules", value("--modules")) as usize,
            "--shape" => {
                (courses, modules) = match value("--shape").as_str() {
                    "small" => SMALL,
                    "large" => LARGE,
                    "huge" => HUGE,
                    other => panic!("unknown shape {other:?}; {usage}"),
                }
            }
            "--history" => history_file = Some(PathBuf::from(value("--history"))),
            "-h" | "--help" => {
                println!("{usage}");
                return;
            }
            _ if out.is_none() => out = Some(PathBuf::from(arg)),
            _ => panic!("unexpected argument {arg:?}; {usage}"),
        }
    }
    let Some(out) = out else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    let files = library(seed, courses, modules);
    let bytes: usize = files.iter().map(|(_, text)| text.len()).sum();
    if let Err(e) = write(&out, &files) {
        eprintln!("cannot write {}: {e}", out.display());
        std::process::exit(2);
    }
    println!(
        "{} courses × {} modules: {} files, {:.1} MB in {}",
        courses,
        modules,
        files.len(),
        bytes as f64 / 1e6,
        out.display()
    );
    if let Some(file) = history_file {
        drop(files);
        let source = kurs::course::Source::Path(out.clone());
        let (model, _) = kurs::course::load(&source, kurs::course::Depth::Full);
        write_progress(&file, &history(seed, &model, HISTORY_ATTEMPTS));
        println!(
            "ten years of progress, {HISTORY_ATTEMPTS} attempts per module, in {}",
            file.display()
        );
    }
}
