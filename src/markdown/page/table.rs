//! Tables on the page: the cells are collected until the table ends, then drawn as columns
//! between rules, stacked one row to a record where the columns cannot fit, or told one row to a
//! line ("Spalte: Wert; Spalte: Wert") where the page is plain text.

use pulldown_cmark::Alignment;
use unicode_width::UnicodeWidthStr;

use super::{Page, indent_limit};
use crate::i18n::{self, T};
use crate::markdown::wrap::Wrapping;
use crate::markdown::{Emphasis, Run, push_text};

/// A cell's text is read whole, on one line, before the columns are measured.
const UNWRAPPED: usize = usize::MAX / 4;

/// Words longer than this (addresses, long compounds) may be cut within a column; shorter ones
/// are kept whole, and where they cannot be the rows are stacked.
const LONG_WORD: usize = 20;

/// Between two columns in the grid.
const BAR: &str = " │ ";
/// Under the header: doubled, so the header stands apart without bold or colour.
const HEADER_RULE: (&str, &str) = ("═", "═╪═");
/// Between body rows, when one of them takes more than one line.
const ROW_RULE: (&str, &str) = ("─", "─┼─");

/// A table being read.
pub(super) struct Table {
    alignments: Vec<Alignment>,
    /// The header row first; every row has one cell per column once the table ends.
    rows: Vec<Vec<Cell>>,
}

/// A cell's text with its emphasis, on one line.
type Cell = Vec<Run>;

/// A cell wrapped within its column: its lines.
type CellLines = Vec<Vec<Run>>;

impl Page {
    pub(super) fn start_table(&mut self, alignments: Vec<Alignment>) {
        self.end_inline();
        self.end_table();
        self.table = Some(Table {
            alignments,
            rows: Vec::new(),
        });
    }

    /// The header arrives as a row of its own, before the body rows.
    pub(super) fn start_table_row(&mut self) {
        if let Some(table) = &mut self.table {
            table.rows.push(Vec::new());
        }
    }

    /// A cell's text goes to a wrapping of its own, wide enough never to break.
    pub(super) fn start_table_cell(&mut self) {
        self.inline = Some(Wrapping::new(UNWRAPPED));
    }

    pub(super) fn end_table_cell(&mut self) {
        let Some(wrapping) = self.inline.take() else {
            return;
        };
        let mut cell = Cell::new();
        for (n, line) in wrapping.finish().into_iter().enumerate() {
            if n > 0 {
                push_text(&mut cell, " ", self.emphasis());
            }
            for run in line {
                push_text(&mut cell, &run.text, run.emphasis);
            }
        }
        if let Some(row) = self.table.as_mut().and_then(|t| t.rows.last_mut()) {
            row.push(cell);
        }
    }

    pub(super) fn end_table(&mut self) {
        let Some(mut table) = self.table.take() else {
            return;
        };
        table.even_out();
        if table.alignments.is_empty() || table.rows.is_empty() {
            return;
        }
        if !self.style.grid {
            self.tell_table(&table);
        } else if let Some(widths) = table.column_widths(self.room()) {
            self.draw_grid(&table, &widths);
        } else {
            self.draw_stacked(&table);
        }
        self.block_done();
    }

    /// Columns side by side, each cell wrapped within its column and aligned as the trainer's
    /// `:---:` row says; a double rule under the header and, where a row takes several lines,
    /// a single rule between the rows.
    fn draw_grid(&mut self, table: &Table, widths: &[usize]) {
        let wrapped: Vec<Vec<CellLines>> = table
            .rows
            .iter()
            .enumerate()
            .map(|(r, row)| {
                row.iter()
                    .zip(widths)
                    .map(|(cell, &width)| match r {
                        0 => wrap_cell(&heading_if(cell, true), width),
                        _ => wrap_cell(cell, width),
                    })
                    .collect()
            })
            .collect();
        let ruled = wrapped.iter().skip(1).any(|row| row_height(row) > 1);
        for (r, row) in wrapped.iter().enumerate() {
            if r == 1 || (r > 1 && ruled) {
                let rule = if r == 1 { HEADER_RULE } else { ROW_RULE };
                self.write(vec![Run {
                    text: rule_line(widths, rule),
                    emphasis: self.rule_emphasis(),
                }]);
            }
            for k in 0..row_height(row) {
                let line = self.grid_line(row, k, widths, &table.alignments);
                self.write(line);
            }
        }
        if wrapped.len() == 1 {
            self.write(vec![Run {
                text: rule_line(widths, HEADER_RULE),
                emphasis: self.rule_emphasis(),
            }]);
        }
    }

    /// The `k`th line of a row: each cell's `k`th line, padded to its column, between bars.
    fn grid_line(
        &self,
        row: &[CellLines],
        k: usize,
        widths: &[usize],
        alignments: &[Alignment],
    ) -> Vec<Run> {
        let plain = self.block_emphasis();
        let mut runs = Vec::new();
        for (c, (cell, &width)) in row.iter().zip(widths).enumerate() {
            if c > 0 {
                push_text(&mut runs, BAR, self.rule_emphasis());
            }
            let piece = cell.get(k).map(Vec::as_slice).unwrap_or_default();
            let used: usize = piece.iter().map(|run| run.text.width()).sum();
            let free = width.saturating_sub(used);
            let before = match alignments.get(c) {
                Some(Alignment::Right) => free,
                Some(Alignment::Center) => free / 2,
                _ => 0,
            };
            push_text(&mut runs, &" ".repeat(before), plain);
            for run in piece {
                push_text(&mut runs, &run.text, run.emphasis);
            }
            push_text(&mut runs, &" ".repeat(free - before), plain);
        }
        runs
    }

    /// Where the columns cannot fit: each row as a record, its first entry behind a bullet and
    /// every entry "Spalte: Wert" on lines of its own.
    fn draw_stacked(&mut self, table: &Table) {
        let bullet = self.style.bullets[0];
        let Some((header, body)) = table.rows.split_first() else {
            return;
        };
        if body.is_empty() {
            let names = join(header.iter().map(|cell| heading_if(cell, true)), "; ");
            self.write_hanging(&names, bullet, 2);
        }
        for row in body {
            let entries = self.entries(header, row);
            if entries.is_empty() {
                self.write_hanging(&[], bullet, 2);
            }
            // An entry's own further lines go in deeper than the entries of its record.
            for (n, entry) in entries.iter().enumerate() {
                let lead = if n == 0 { bullet } else { "  " };
                self.write_hanging(entry, lead, 4);
            }
        }
    }

    /// Plain text: announced (where read aloud) with its size, then one row to a line, every
    /// value behind its column's name, so no row needs the header remembered.
    fn tell_table(&mut self, table: &Table) {
        let Some((header, body)) = table.rows.split_first() else {
            return;
        };
        if let Some(lang) = self.style.words {
            let announcement = i18n::table_announcement(lang, body.len(), table.alignments.len());
            let emphasis = self.block_emphasis();
            self.write_hanging(
                &[Run {
                    text: announcement,
                    emphasis,
                }],
                "",
                0,
            );
        }
        if body.is_empty() {
            self.write_hanging(&join(header.iter().cloned(), "; "), "", 2);
        }
        for row in body {
            let entries = self.entries(header, row);
            self.write_hanging(&join(entries.into_iter(), "; "), "", 2);
        }
    }

    /// "Spalte: Wert" for every cell of a row. An empty cell is said as empty where the page is
    /// read aloud, and left out elsewhere; a column without a name gives its value alone.
    fn entries(&self, header: &[Cell], row: &[Cell]) -> Vec<Vec<Run>> {
        let mut entries = Vec::new();
        for (name, value) in header.iter().zip(row) {
            let mut entry = heading_if(name, self.style.grid);
            let value = if is_blank(value) {
                match self.style.words {
                    Some(lang) => vec![Run {
                        text: T::MarkdownEmptyCell.get(lang).to_owned(),
                        emphasis: self.block_emphasis(),
                    }],
                    None => continue,
                }
            } else {
                value.clone()
            };
            if !is_blank(&entry) {
                push_text(&mut entry, ": ", self.block_emphasis());
            }
            for run in value {
                push_text(&mut entry, &run.text, run.emphasis);
            }
            entries.push(entry);
        }
        entries
    }

    /// Writes `content` wrapped at the room, its first line behind `lead` and the lines after it
    /// indented by `indent` columns, so where one entry or row ends shows at the start of a
    /// line. On a very narrow page the lead and indent give way to the text.
    fn write_hanging(&mut self, content: &[Run], lead: &str, indent: usize) {
        let room = self.room();
        let limit = indent_limit(room);
        let lead = if lead.width() <= limit { lead } else { "" };
        let indent = if indent <= limit { indent } else { 0 };
        let mut wrapping = Wrapping::hanging(room - lead.width(), room - indent);
        for run in content {
            wrapping.feed(&run.text, run.emphasis, run.emphasis.code);
        }
        let mut lines = wrapping.finish();
        if lines.is_empty() {
            lines.push(Vec::new());
        }
        let emphasis = self.block_emphasis();
        for (n, line) in lines.into_iter().enumerate() {
            let text = if n == 0 {
                lead.to_owned()
            } else {
                " ".repeat(indent)
            };
            let mut runs = vec![Run { text, emphasis }];
            runs.extend(line);
            self.write(runs);
        }
    }
}

impl Table {
    /// Rows with fewer cells than the header get empty ones; cells past the header's are dropped
    /// (as GitHub does).
    fn even_out(&mut self) {
        let columns = self.alignments.len();
        for row in &mut self.rows {
            row.resize_with(columns, Cell::new);
        }
    }

    /// How wide each column may be within `room`, or `None` when even narrow columns do not fit.
    fn column_widths(&self, room: usize) -> Option<Vec<usize>> {
        let columns = self.alignments.len();
        let bars = BAR.width() * columns.saturating_sub(1);
        let budget = room.checked_sub(bars)?;
        let mut natural = vec![0; columns];
        let mut longest_word = vec![0; columns];
        for row in &self.rows {
            for (c, cell) in row.iter().enumerate() {
                let text: String = cell.iter().map(|run| run.text.as_str()).collect();
                natural[c] = natural[c].max(text.width());
                let word = text.split(' ').map(UnicodeWidthStr::width).max();
                longest_word[c] = longest_word[c].max(word.unwrap_or(0));
            }
        }
        column_widths(&natural, &longest_word, budget)
    }
}

/// Column widths that add up to at most `budget`: every column's widest cell if all fit;
/// otherwise each keeps at least its longest word (a word longer than [`LONG_WORD`], such as an
/// address, may be cut as it is in a paragraph), and the rest is shared out by [`fill`]. `None` when the words do not fit: a grid that cuts
/// ordinary words into pieces reads worse than the rows stacked.
fn column_widths(natural: &[usize], longest_word: &[usize], budget: usize) -> Option<Vec<usize>> {
    // An empty column still shows as one.
    let natural: Vec<usize> = natural.iter().map(|&w| w.max(1)).collect();
    if natural.iter().sum::<usize>() <= budget {
        return Some(natural);
    }
    let floors: Vec<usize> = natural
        .iter()
        .zip(longest_word)
        .map(|(&n, &word)| word.min(LONG_WORD).clamp(1, n))
        .collect();
    (floors.iter().sum::<usize>() <= budget).then(|| fill(&floors, &natural, budget))
}

/// Shares `budget` among the columns. A column whose widest cell fits in an even share of what
/// is left gets it whole, so short columns (names, yes and no) stay on one line; the long
/// columns share the rest in proportion to their widest cells, none below its floor, so the
/// column with the most text gets the most room and the rows stay short.
fn fill(floors: &[usize], ceilings: &[usize], budget: usize) -> Vec<usize> {
    let columns = ceilings.len();
    let mut given: Vec<Option<usize>> = vec![None; columns];
    loop {
        let open: Vec<usize> = (0..columns).filter(|&c| given[c].is_none()).collect();
        if open.is_empty() {
            break;
        }
        let left = budget.saturating_sub(given.iter().flatten().sum());
        let share = left / open.len();
        let short: Vec<usize> = open
            .iter()
            .copied()
            .filter(|&c| ceilings[c] <= share)
            .collect();
        if !short.is_empty() {
            for c in short {
                given[c] = Some(ceilings[c]);
            }
            continue;
        }
        let wanted: usize = open.iter().map(|&c| ceilings[c]).sum();
        let part = |c: usize| left.saturating_mul(ceilings[c]) / wanted.max(1);
        let starved: Vec<usize> = open
            .iter()
            .copied()
            .filter(|&c| part(c) < floors[c])
            .collect();
        if !starved.is_empty() {
            for c in starved {
                given[c] = Some(floors[c]);
            }
            continue;
        }
        for c in open {
            given[c] = Some(part(c).min(ceilings[c]));
        }
    }
    let mut widths: Vec<usize> = given.into_iter().map(|w| w.unwrap_or(1)).collect();
    // What rounding down left over goes to the columns that still want most.
    let mut left = budget.saturating_sub(widths.iter().sum());
    let mut order: Vec<usize> = (0..columns).collect();
    order.sort_by_key(|&c| std::cmp::Reverse(ceilings[c].saturating_sub(widths[c])));
    for c in order {
        if left == 0 {
            break;
        }
        if widths[c] < ceilings[c] {
            widths[c] += 1;
            left -= 1;
        }
    }
    widths
}

/// A cell's text in lines of at most `width` columns (at least one line, maybe empty).
fn wrap_cell(cell: &[Run], width: usize) -> CellLines {
    let mut wrapping = Wrapping::new(width);
    for run in cell {
        wrapping.feed(&run.text, run.emphasis, run.emphasis.code);
    }
    wrapping.finish()
}

fn row_height(row: &[CellLines]) -> usize {
    row.iter().map(Vec::len).max().unwrap_or(0).max(1)
}

/// A header cell is bold wherever it is shown on screen.
fn heading_if(cell: &[Run], heading: bool) -> Cell {
    cell.iter()
        .map(|run| Run {
            text: run.text.clone(),
            emphasis: Emphasis {
                bold: run.emphasis.bold || heading,
                ..run.emphasis
            },
        })
        .collect()
}

fn is_blank(cell: &[Run]) -> bool {
    cell.iter().all(|run| run.text.trim().is_empty())
}

/// Cells' runs one after another with `separator` between them.
fn join(cells: impl Iterator<Item = Cell>, separator: &str) -> Vec<Run> {
    let mut runs = Vec::new();
    for (n, cell) in cells.enumerate() {
        if n > 0 {
            push_text(&mut runs, separator, Emphasis::default());
        }
        for run in cell {
            push_text(&mut runs, &run.text, run.emphasis);
        }
    }
    runs
}

/// A rule across the columns, crossing the bars where they stand.
fn rule_line(widths: &[usize], (line, crossing): (&str, &str)) -> String {
    widths
        .iter()
        .map(|&width| line.repeat(width))
        .collect::<Vec<_>>()
        .join(crossing)
}

#[cfg(test)]
mod tests {
    use super::{column_widths, fill};
    use crate::i18n::Lang;
    use crate::markdown::test_support::{emphasis_of, plain, terminal, text_of};
    use crate::markdown::{Style, render};

    const MESSENGERS: &str = "\
| Dienst | Quellcode | Eigener Server |
|--------|:---------:|---------------:|
| Slack  | geschlossen | nein |
| Mattermost | offen | ja |
";

    #[test]
    fn a_table_that_fits_is_drawn_in_columns_with_a_double_rule_under_the_header() {
        assert_eq!(
            terminal(MESSENGERS, 60),
            "Dienst     │  Quellcode  │ Eigener Server\n\
             ═══════════╪═════════════╪═══════════════\n\
             Slack      │ geschlossen │           nein\n\
             Mattermost │    offen    │             ja"
        );
    }

    /// The example of `docs/course-format.md`, section "Tables", in all three forms shown there.
    #[test]
    fn the_example_of_the_course_format_guide_looks_as_shown_there() {
        let table = "| Dienst | Quellcode | Wo er läuft |\n\
            |:-------|:---------:|:------------|\n\
            | **Slack** | geschlossen | nur in der Cloud von Slack |\n\
            | **Mattermost** | offen | auf eigenen Servern |\n";
        assert_eq!(
            terminal(table, 80),
            "Dienst     │  Quellcode  │ Wo er läuft\n\
             ═══════════╪═════════════╪═══════════════════════════\n\
             Slack      │ geschlossen │ nur in der Cloud von Slack\n\
             Mattermost │    offen    │ auf eigenen Servern"
        );
        assert_eq!(
            terminal(table, 33),
            "• Dienst: Slack\n\
             \x20 Quellcode: geschlossen\n\
             \x20 Wo er läuft: nur in der Cloud\n\
             \x20   von Slack\n\
             • Dienst: Mattermost\n\
             \x20 Quellcode: offen\n\
             \x20 Wo er läuft: auf eigenen\n\
             \x20   Servern"
        );
        assert_eq!(
            text_of(&render(table, 80, Style::PLAIN.told_in(Lang::De))),
            "Tabelle mit 2 Zeilen und 3 Spalten:\n\
             Dienst: Slack; Quellcode: geschlossen; Wo er läuft: nur in der Cloud von Slack\n\
             Dienst: Mattermost; Quellcode: offen; Wo er läuft: auf eigenen Servern"
        );
    }

    #[test]
    fn columns_are_aligned_left_centred_and_right_as_the_colon_row_says() {
        let table = "| l | c | r |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n| long | long | long |";
        assert_eq!(
            terminal(table, 40),
            "l    │  c   │    r\n\
             ═════╪══════╪═════\n\
             1    │  2   │    3\n\
             long │ long │ long"
        );
    }

    #[test]
    fn the_header_is_bold_and_cells_keep_their_inline_styles() {
        let table = "| Name | Befehl |\n|---|---|\n| *Prüfen* | `kurs check` |\n\
            | [Hilfe](https://x.org) | **fett** |";
        let lines = render(table, 60, Style::TERMINAL);
        assert_eq!(
            text_of(&lines),
            "Name                  │ Befehl\n\
             ══════════════════════╪═══════════\n\
             Prüfen                │ kurs check\n\
             Hilfe (https://x.org) │ fett"
        );
        assert!(emphasis_of(&lines, "Name").is_some_and(|e| e.bold));
        assert!(emphasis_of(&lines, "Prüfen").is_some_and(|e| e.italic && !e.bold));
        assert!(emphasis_of(&lines, "kurs check").is_some_and(|e| e.code));
        assert!(emphasis_of(&lines, "Hilfe (https://x.org)").is_some_and(|e| e.link));
        assert!(emphasis_of(&lines, "fett").is_some_and(|e| e.bold));
        assert!(emphasis_of(&lines, " │ ").is_some_and(|e| e.rule));
    }

    #[test]
    fn cells_wrap_within_their_column_and_then_rows_are_ruled_apart() {
        let table = "| Dienst | Was er kann |\n|---|---|\n\
            | Slack | Kanäle, Clips und Erinnerungen |\n| Teams | Office |";
        assert_eq!(
            terminal(table, 24),
            "Dienst │ Was er kann\n\
             ═══════╪════════════════\n\
             Slack  │ Kanäle, Clips\n\
             \x20      │ und\n\
             \x20      │ Erinnerungen\n\
             ───────┼────────────────\n\
             Teams  │ Office"
        );
    }

    #[test]
    fn short_columns_stay_whole_and_long_ones_share_the_rest_by_their_length() {
        // The short column gets what it needs, the two long ones the same share each.
        assert_eq!(fill(&[3, 5, 5], &[3, 40, 40], 33), vec![3, 15, 15]);
        assert_eq!(fill(&[3, 5, 5], &[3, 40, 40], 34), vec![3, 16, 15]);
        // A column with three times the text gets three times the room …
        assert_eq!(fill(&[5, 5], &[30, 90], 40), vec![10, 30]);
        // … but never less than its floor.
        assert_eq!(fill(&[12, 5], &[30, 90], 40), vec![12, 28]);
    }

    #[test]
    fn a_column_keeps_its_longest_word_unless_it_is_an_address_or_the_like() {
        assert_eq!(
            column_widths(&[3, 40, 40], &[3, 8, 9], 34),
            Some(vec![3, 16, 15])
        );
        assert_eq!(column_widths(&[30, 12], &[12, 12], 30), Some(vec![18, 12]));
        assert_eq!(column_widths(&[60, 5], &[60, 5], 30), Some(vec![25, 5]));
        assert_eq!(column_widths(&[16, 16], &[16, 16], 30), None);
    }

    #[test]
    fn a_table_whose_words_do_not_fit_is_stacked_one_record_per_row() {
        assert_eq!(
            terminal(MESSENGERS, 30),
            "• Dienst: Slack\n\
             \x20 Quellcode: geschlossen\n\
             \x20 Eigener Server: nein\n\
             • Dienst: Mattermost\n\
             \x20 Quellcode: offen\n\
             \x20 Eigener Server: ja"
        );
        let lines = render(MESSENGERS, 30, Style::TERMINAL);
        assert!(emphasis_of(&lines, "Dienst").is_some_and(|e| e.bold));
        assert!(emphasis_of(&lines, ": Slack").is_some_and(|e| !e.bold));
    }

    #[test]
    fn a_stacked_entry_too_long_for_a_line_hangs_under_its_name() {
        assert_eq!(
            terminal(MESSENGERS, 16),
            "• Dienst: Slack\n\
             \x20 Quellcode:\n\
             \x20   geschlossen\n\
             \x20 Eigener\n\
             \x20   Server: nein\n\
             • Dienst:\n\
             \x20   Mattermost\n\
             \x20 Quellcode:\n\
             \x20   offen\n\
             \x20 Eigener\n\
             \x20   Server: ja"
        );
    }

    #[test]
    fn plain_mode_announces_the_table_and_tells_one_row_to_a_line() {
        let told = |lang| text_of(&render(MESSENGERS, 80, Style::PLAIN.told_in(lang)));
        assert_eq!(
            told(Lang::De),
            "Tabelle mit 2 Zeilen und 3 Spalten:\n\
             Dienst: Slack; Quellcode: geschlossen; Eigener Server: nein\n\
             Dienst: Mattermost; Quellcode: offen; Eigener Server: ja"
        );
        assert_eq!(
            told(Lang::En),
            "Table with 2 rows and 3 columns:\n\
             Dienst: Slack; Quellcode: geschlossen; Eigener Server: nein\n\
             Dienst: Mattermost; Quellcode: offen; Eigener Server: ja"
        );
    }

    #[test]
    fn a_long_row_in_plain_mode_goes_on_indented() {
        let told = render(MESSENGERS, 30, Style::PLAIN.told_in(Lang::De));
        assert_eq!(
            text_of(&told),
            "Tabelle mit 2 Zeilen und 3\n\
             Spalten:\n\
             Dienst: Slack; Quellcode:\n\
             \x20 geschlossen; Eigener Server:\n\
             \x20 nein\n\
             Dienst: Mattermost; Quellcode:\n\
             \x20 offen; Eigener Server: ja"
        );
    }

    #[test]
    fn text_that_is_only_searched_gets_the_cells_without_the_announcement() {
        assert_eq!(
            plain(MESSENGERS, 200),
            "Dienst: Slack; Quellcode: geschlossen; Eigener Server: nein\n\
             Dienst: Mattermost; Quellcode: offen; Eigener Server: ja"
        );
    }

    #[test]
    fn an_empty_cell_is_said_to_be_empty_aloud_and_left_out_on_screen() {
        let table = "| A | B |\n|---|---|\n| x |   |\n|   | y |";
        assert_eq!(
            text_of(&render(table, 80, Style::PLAIN.told_in(Lang::En))),
            "Table with 2 rows and 2 columns:\nA: x; B: empty\nA: empty; B: y"
        );
        assert_eq!(terminal(table, 20), "A │ B\n══╪══\nx │\n  │ y");
        let stacked =
            "| Name | Wert |\n|---|---|\n| Donaudampfschiff | |\n| | Schifffahrtskapitän |";
        assert_eq!(
            terminal(stacked, 30),
            "• Name: Donaudampfschiff\n• Wert: Schifffahrtskapitän"
        );
    }

    #[test]
    fn a_column_without_a_name_gives_its_values_alone() {
        let table = "|   | Preis |\n|---|---|\n| Slack | ab 0 € |";
        assert_eq!(plain(table, 80), "Slack; Preis: ab 0 €");
    }

    #[test]
    fn short_rows_are_filled_and_long_rows_cut_to_the_header() {
        let table = "| A | B |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |";
        assert_eq!(terminal(table, 20), "A │ B\n══╪══\n1 │\n1 │ 2");
    }

    #[test]
    fn a_table_of_only_a_header_shows_its_names() {
        let table = "| A | B |\n|---|---|";
        assert_eq!(terminal(table, 20), "A │ B\n══╪══");
        assert_eq!(
            text_of(&render(table, 80, Style::PLAIN.told_in(Lang::De))),
            "Tabelle mit 0 Zeilen und 2 Spalten:\nA; B"
        );
    }

    #[test]
    fn a_table_is_a_block_of_its_own_with_empty_lines_around_it() {
        assert_eq!(
            terminal("Vorher.\n\n| A |\n|---|\n| 1 |\n\nNachher.", 20),
            "Vorher.\n\nA\n═\n1\n\nNachher."
        );
    }

    #[test]
    fn a_table_in_a_quote_or_list_stands_behind_its_prefix() {
        assert_eq!(
            terminal("> | A | B |\n> |---|---|\n> | 1 | 2 |", 20),
            "│ A │ B\n│ ══╪══\n│ 1 │ 2"
        );
        assert_eq!(
            terminal("- Liste:\n\n  | A | B |\n  |---|---|\n  | 1 | 2 |", 20),
            "• Liste:\n\n  A │ B\n  ══╪══\n  1 │ 2"
        );
    }

    #[test]
    fn wide_characters_are_measured_by_their_columns() {
        assert_eq!(
            terminal("| 語 | Ä |\n|---|---|\n| 👍🏽 | e\u{301} |", 20),
            "語 │ Ä\n═══╪══\n👍🏽 │ e\u{301}"
        );
    }

    #[test]
    fn hostile_cell_text_is_neutralised() {
        let table = "| A\u{1b}[31m | B\u{202E} |\n|---|---|\n| \u{9b}2J | x\u{2066}y\u{7} |";
        for style in [
            Style::TERMINAL,
            Style::PLAIN,
            Style::PLAIN.told_in(Lang::De),
        ] {
            for width in [8, 80] {
                let text = text_of(&render(table, width, style));
                assert!(
                    !text.chars().any(|c| (c.is_control() && c != '\n')
                        || crate::safe_text::is_invisible(c)),
                    "{text:?}"
                );
                assert_eq!(text.matches('\u{FFFD}').count(), 5, "{text:?}");
            }
        }
    }

    mod properties {
        use crate::i18n::Lang;
        use crate::markdown::{Style, render};
        use proptest::prelude::*;

        /// Cell text with wide and zero-width graphemes, Markdown inside, and hostile bytes.
        fn cell() -> impl Strategy<Value = String> {
            "([a-zäöß日本語👍🏽👨‍👩‍👧 *`~\\[\\]()\u{301}\u{1b}\u{202E}]|https://x.org/lang|Donaudampfschifffahrt){0,12}"
        }

        fn table() -> impl Strategy<Value = String> {
            (1usize..8).prop_flat_map(|columns| {
                (
                    prop::collection::vec(cell(), columns),
                    prop::collection::vec(prop::collection::vec(cell(), 0..=columns + 1), 0..6),
                    prop::collection::vec(
                        prop::sample::select(vec!["---", ":--", ":-:", "--:"]),
                        columns,
                    ),
                )
                    .prop_map(|(header, rows, alignments)| {
                        let line = |cells: &[String]| format!("| {} |\n", cells.join(" | "));
                        let mut table = line(&header);
                        table.push_str(&format!("|{}|\n", alignments.join("|")));
                        for row in rows {
                            table.push_str(&line(&row));
                        }
                        table
                    })
            })
        }

        proptest! {
            #[test]
            fn no_line_of_a_table_is_wider_than_the_width(
                table in table(),
                width in 10usize..200,
                prefix in prop::sample::select(vec!["", "> ", "- ", "1. > "]),
            ) {
                let markdown: String = table.lines().map(|l| format!("{prefix}{l}\n")).collect();
                for style in [Style::TERMINAL, Style::PLAIN, Style::PLAIN.told_in(Lang::De)] {
                    for line in render(&markdown, width, style) {
                        let text = line.text();
                        prop_assert!(line.width() <= width, "{width}: {text:?}\n{markdown}");
                        prop_assert!(!text.ends_with(' '), "{text:?}");
                        prop_assert!(!text.chars().any(char::is_control), "{text:?}");
                    }
                }
            }
        }
    }
}
