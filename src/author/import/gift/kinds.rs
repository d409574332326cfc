//! Each kind of question from its answers: multiple choice (with credits), short answer,
//! true/false, numerical and matching, or kept as a section when kurs cannot take it.

use std::ops::Range;

use super::Reader;
use super::question::{Answer, Answers};
use super::text::{Format, Piece};

use crate::author::import::{Choice, Item, ItemKind, Kept, html};
use crate::course::{Accepted, CreditRange, MatchPair, NumberRange, fold_answer};
use crate::diagnostic::Code;

impl<'a> Reader<'a> {
    /// One answer of a list and its text as kurs keeps it; an answer without text is an error at
    /// its place, mark included, with `help`.
    fn answer_with_text<'t>(
        &mut self,
        part: Piece<'t>,
        format: Format,
        help: &str,
    ) -> Option<(Answer<'t>, String)> {
        let answer = self.answer(part)?;
        let text = format.plain(answer.text);
        if text.is_empty() {
            self.error(
                answer.whole.span().start.saturating_sub(1)..answer.whole.span().end,
                "this answer has no text",
                help,
            );
            return None;
        }
        Some((answer, text))
    }

    pub(super) fn choices(&mut self, item: Item, answers: &Answers<'_>, format: Format) {
        let (before, parts) = answers.rest.split_markers(&['~', '=']);
        if !before.is_blank() {
            self.error(
                before.trim().span(),
                "text before the first answer; each answer starts with = (right) or ~ (wrong)",
                "",
            );
            return;
        }
        let mut choices = Vec::new();
        let mut weights = Vec::new();
        let mut equals = 0;
        let mut weighted = false;
        for (marker, part) in parts {
            let Some((answer, text)) = self.answer_with_text(
                part,
                format,
                "write the answer after = or ~, or remove the mark",
            ) else {
                return;
            };
            let usual = if marker == '=' { 100.0 } else { 0.0 };
            let weight = answer.weight.unwrap_or(usual);
            if marker == '=' {
                equals += 1;
            }
            weighted |= weight != usual;
            weights.push(weight);
            choices.push(Choice {
                text,
                correct: weight > 0.0,
                credit: None,
                feedback: answer
                    .feedback
                    .map(|f| format.markdown(f))
                    .filter(|f| !f.is_empty()),
            });
        }
        let block = answers.block.span();
        let right = choices.iter().filter(|c| c.correct).count();
        if choices.len() < 2 {
            self.error(
                block,
                "a choice question needs at least two answers",
                "add a wrong answer with ~, or write the accepted answers as {=a =b} for a typed answer",
            );
            return;
        }
        if right == 0 {
            self.error(
                block,
                "no answer of this choice question is right",
                "mark the right answer with = or give it a positive weight such as ~%50%",
            );
            return;
        }
        let kind = if equals == 1 && right == 1 {
            if weighted {
                self.warn(
                    Code::ImportChanged,
                    block,
                    "a single choice question is right or wrong in kurs: only the answer marked = counts as right, the weights of the others are dropped",
                );
            }
            ItemKind::Single { choices }
        } else {
            if weighted && !self.all_or_nothing {
                self.credits(&mut choices, &weights, block);
            } else if weighted {
                // Written so by `kurs export gift`: all or nothing, as it was.
            } else if equals > 1 {
                self.warn(
                    Code::ImportChanged,
                    block,
                    "several answers are marked = (any one of them is right in Moodle); kurs asks the learner to tick all of them",
                );
            }
            ItemKind::Multiple { choices }
        };
        self.push(Item { kind, ..item });
    }

    /// Weights of a multiple choice question as `credit`: the right answers' weights, made to
    /// add up to 100 (rounded so that they do); kurs's rule for wrong answers replaces theirs
    /// (each ticked takes off 100 ÷ their number), which is said when theirs differ.
    fn credits(&mut self, choices: &mut [Choice], weights: &[f64], block: Range<usize>) {
        let right: Vec<f64> = weights.iter().copied().filter(|w| *w > 0.0).collect();
        let total: f64 = right.iter().sum();
        if (total - 100.0).abs() > 0.5 {
            self.warn(
                Code::ImportChanged,
                block.clone(),
                format!(
                    "the weights of the right answers add up to {}%, so they are scaled to make 100",
                    number(total)
                ),
            );
        }
        let credits = shares_of_100(&right);
        for (choice, credit) in choices.iter_mut().filter(|c| c.correct).zip(credits) {
            choice.credit = Some(credit);
        }
        let wrong: Vec<f64> = weights.iter().copied().filter(|w| *w <= 0.0).collect();
        let kurs_rule = -100.0 / wrong.len().max(1) as f64;
        if wrong.iter().any(|w| (w - kurs_rule).abs() > 0.01) {
            self.warn(
                Code::ImportChanged,
                block,
                format!(
                    "in kurs each wrong answer ticked takes off {}% (100 ÷ the number of wrong answers); the weights written for the wrong answers are not used",
                    number((100.0 / wrong.len().max(1) as f64 * 100.0).round() / 100.0)
                ),
            );
        }
    }

    pub(super) fn short_answer(&mut self, item: Item, answers: &Answers<'_>, format: Format) {
        let (before, parts) = answers.rest.split_markers(&['=']);
        if !before.is_blank() {
            self.error(
                before.trim().span(),
                "an accepted answer needs = before it",
                "write the accepted answers as {=one =another}, or a choice question as {=right ~wrong}",
            );
            return;
        }
        let mut accept: Vec<Accepted> = Vec::new();
        let mut notes = Vec::new();
        let mut changed = false;
        for (_, part) in parts {
            let Some((answer, text)) = self.answer_with_text(
                part,
                format,
                "write the accepted answer after =, or remove the =",
            ) else {
                return;
            };
            let weight = answer.weight.unwrap_or(100.0);
            if weight <= 0.0 {
                changed = true;
            }
            if let Some(feedback) = answer
                .feedback
                .map(|f| format.markdown(f))
                .filter(|f| !f.is_empty())
            {
                changed = true;
                notes.push(format!(
                    "- {}: {}",
                    html::escape_markdown(&text, false),
                    feedback
                ));
            }
            if weight > 0.0 {
                accept.push(Accepted {
                    text,
                    credit: percent_credit(weight),
                });
            }
        }
        if accept.is_empty() {
            self.error(
                answers.block.span(),
                "no accepted answer has a positive weight",
                "write the accepted answers as {=one =another}",
            );
            return;
        }
        let best = accept.iter().map(|a| a.credit).max().unwrap_or(100);
        if best < 100 {
            self.warn(
                Code::ImportChanged,
                answers.block.span(),
                format!(
                    "no accepted answer gives full marks; the best ({best}%) is taken as fully right"
                ),
            );
            for answer in accept.iter_mut().filter(|a| a.credit == best) {
                answer.credit = 100;
            }
        }
        if changed {
            self.warn(
                Code::ImportChanged,
                answers.block.span(),
                "kurs has no feedback per typed answer: the feedback goes into the explanation, and answers without a positive weight are left out",
            );
        }
        let explanation = join_explanation(item.explanation.clone(), notes);
        self.push(Item {
            explanation,
            kind: ItemKind::Text { accept },
            ..item
        });
    }

    pub(super) fn true_false(
        &mut self,
        item: Item,
        answers: &Answers<'_>,
        format: Format,
        answer: bool,
    ) {
        // `{T#shown when wrong#shown when right}`
        let parts: Vec<Piece<'_>> = {
            let (first, rest) = answers.rest.split_markers(&['#']);
            std::iter::once(first)
                .chain(rest.into_iter().map(|(_, p)| p))
                .collect()
        };
        let mut notes = Vec::new();
        // Symbols, so that they read in either language.
        let (wrong, right) = ("✗", "✓");
        if let Some(text) = parts.get(1).filter(|p| !p.is_blank()) {
            notes.push(format!("- {wrong}: {}", format.markdown(*text)));
        }
        if let Some(text) = parts.get(2).filter(|p| !p.is_blank()) {
            notes.push(format!("- {right}: {}", format.markdown(*text)));
        }
        if parts.len() > 3 {
            self.error(
                answers.block.span(),
                "a true/false answer takes at most two feedbacks: {T#when wrong#when right}",
                "escape a # that is text as \\#",
            );
            return;
        }
        if !notes.is_empty() {
            self.warn(
                Code::ImportChanged,
                answers.block.span(),
                "kurs has no feedback per answer of a true/false question yet; the feedback goes into the explanation",
            );
        }
        let explanation = join_explanation(item.explanation.clone(), notes);
        self.push(Item {
            explanation,
            kind: ItemKind::TrueFalse { answer },
            ..item
        });
    }

    /// `{#…}`: the first answer with full marks is the right number, the other answers with a
    /// positive weight are ranges with that credit. Without an answer of full marks the
    /// question is kept as a section.
    pub(super) fn numerical(&mut self, item: Item, answers: &Answers<'_>, format: Format) {
        let body = answers.rest.from(1).trim();
        let (before, parts) = body.split_markers(&['=']);
        let parts: Vec<Piece<'_>> = if before.is_blank() {
            parts.into_iter().map(|(_, p)| p).collect()
        } else if parts.is_empty() {
            vec![before]
        } else {
            self.error(
                before.trim().span(),
                "text before the first answer of a numerical question; with several answers, each starts with =",
                "write {#=1822:0 =%50%1822:2}",
            );
            return;
        };
        let mut lines = Vec::new();
        let mut read: Vec<(NumberRange, f64)> = Vec::new();
        let mut notes = Vec::new();
        for part in parts {
            let Some(answer) = self.answer(part) else {
                return;
            };
            let value = answer.text.unescape();
            let value = value.trim();
            let Some(range) = numeric_range(value) else {
                self.error(
                    answer.text.span(),
                    format!(
                        "`{}` is not a number, a number:tolerance or a range min..max (min not above max, the tolerance not negative)",
                        crate::safe_text::single_line(value)
                    ),
                    "write {#1822}, {#1822:5} or {#1820..1825}",
                );
                return;
            };
            let shown = range_words(range);
            let weight = answer.weight.unwrap_or(100.0);
            let mut line = format!("- {shown}");
            if weight != 100.0 {
                line.push_str(&format!(" ({} %)", number(weight)));
            }
            if let Some(feedback) = answer.feedback {
                let feedback = format.markdown(feedback);
                line.push_str(&format!(": {feedback}"));
                notes.push(format!(
                    "- {}: {feedback}",
                    html::escape_markdown(&shown, false)
                ));
            }
            lines.push(line);
            read.push((range, weight));
        }
        let Some(main) = read.iter().position(|(_, weight)| *weight >= 100.0) else {
            self.warn(
                Code::ImportKeptAsSection,
                answers.block.span(),
                "no answer of this numerical question gives full marks; kept as a section",
            );
            self.push(Item {
                kind: ItemKind::Kept {
                    what: Kept::Numerical,
                    answers: lines,
                },
                ..item
            });
            return;
        };
        let dropped = read.iter().any(|(_, weight)| *weight <= 0.0);
        if dropped || !notes.is_empty() {
            self.warn(
                Code::ImportChanged,
                answers.block.span(),
                "kurs has no feedback per number: the feedback goes into the explanation, and answers without a positive weight are left out",
            );
        }
        let ranges = read
            .iter()
            .enumerate()
            .filter(|(i, (_, weight))| *i != main && *weight > 0.0)
            .map(|(_, (range, weight))| CreditRange {
                range: *range,
                credit: percent_credit(*weight),
            })
            .collect();
        let explanation = join_explanation(item.explanation.clone(), notes);
        self.push(Item {
            explanation,
            kind: ItemKind::Numeric {
                right: read[main].0,
                ranges,
            },
            ..item
        });
    }

    /// `{=left -> right …}`: pairs, and `= -> right` for a distractor. What kurs would refuse
    /// (fewer than two pairs, an item or partner twice, more partners than letters) is kept as
    /// a section.
    pub(super) fn matching(&mut self, item: Item, answers: &Answers<'_>, format: Format) {
        let (before, parts) = answers.rest.split_markers(&['=']);
        if !before.is_blank() {
            self.error(
                before.trim().span(),
                "each pair of a matching question starts with =",
                "write {=Canada -> Ottawa =Italy -> Rome}",
            );
            return;
        }
        let mut lines = Vec::new();
        let mut pairs = Vec::new();
        let mut distractors = Vec::new();
        for (_, part) in parts {
            let part = part.trim();
            let Some(arrow) = part.text.find("->") else {
                self.error(
                    part.span(),
                    "this answer of a matching question has no `->`",
                    "write each pair as =left -> right",
                );
                return;
            };
            let left = format.plain(part.to(arrow));
            let right = format.plain(part.from(arrow + 2));
            if right.is_empty() {
                self.error(
                    part.span(),
                    "this pair has nothing after `->`",
                    "write each pair as =left -> right",
                );
                return;
            }
            let esc = |t: &str| html::escape_markdown(t, false);
            lines.push(if left.is_empty() {
                format!("- → {}", esc(&right))
            } else {
                format!("- {} → {}", esc(&left), esc(&right))
            });
            if left.is_empty() {
                distractors.push(right);
            } else {
                pairs.push(MatchPair { left, right });
            }
        }
        let partners: Vec<&str> = pairs
            .iter()
            .map(|p| p.right.as_str())
            .chain(distractors.iter().map(String::as_str))
            .collect();
        let why = if pairs.len() < 2 {
            Some("it has fewer than two pairs")
        } else if has_twice(pairs.iter().map(|p| p.left.as_str())) {
            Some("an item is listed twice")
        } else if has_twice(partners.iter().copied()) {
            Some("two items share a partner, which kurs does not allow")
        } else if partners.len() > crate::course::MAX_PARTNERS {
            Some("it has more partners than the letters a to z")
        } else {
            None
        };
        if let Some(why) = why {
            self.warn(
                Code::ImportKeptAsSection,
                answers.block.span(),
                format!("a matching question kurs cannot take as it is ({why}); kept as a section"),
            );
            self.push(Item {
                kind: ItemKind::Kept {
                    what: Kept::Matching,
                    answers: lines,
                },
                ..item
            });
            return;
        }
        self.push(Item {
            kind: ItemKind::Match { pairs, distractors },
            ..item
        });
    }
}

/// Whether two of `texts` are alike once folded as answers are.
fn has_twice<'t>(texts: impl Iterator<Item = &'t str>) -> bool {
    let mut seen = std::collections::HashSet::new();
    texts
        .into_iter()
        .any(|text| !seen.insert(fold_answer(text)))
}

/// A GIFT weight as a credit: rounded to a whole percent, at most 100.
fn percent_credit(weight: f64) -> u8 {
    weight.round().clamp(0.0, 100.0) as u8
}

/// Whole percents in proportion to `weights` that add up to exactly 100: each rounded down,
/// then the points left over go to the largest remainders (the first of equals first).
fn shares_of_100(weights: &[f64]) -> Vec<u8> {
    let total: f64 = weights.iter().sum();
    if weights.is_empty() || total <= 0.0 {
        return vec![0; weights.len()];
    }
    let exact: Vec<f64> = weights.iter().map(|w| w * 100.0 / total).collect();
    let mut shares: Vec<u8> = exact.iter().map(|e| e.floor() as u8).collect();
    let given: u32 = shares.iter().map(|&s| u32::from(s)).sum();
    let mut order: Vec<usize> = (0..exact.len()).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (exact[a] - exact[a].floor(), exact[b] - exact[b].floor());
        rb.total_cmp(&ra).then(a.cmp(&b))
    });
    for &i in order
        .iter()
        .cycle()
        .take(100usize.saturating_sub(given as usize))
    {
        shares[i] = shares[i].saturating_add(1);
    }
    shares
}

/// A numerical answer: `1822`, `1822:5` (with tolerance) or `1820..1825`; `None` for anything
/// else, a range whose min is above its max, or a negative tolerance.
fn numeric_range(text: &str) -> Option<NumberRange> {
    let finite = |t: &str| t.trim().parse::<f64>().ok().filter(|n| n.is_finite());
    if let Some((min, max)) = text.split_once("..") {
        let (min, max) = (finite(min)?, finite(max)?);
        return (min <= max).then_some(NumberRange::Between { min, max });
    }
    if let Some((answer, tolerance)) = text.split_once(':') {
        let (answer, tolerance) = (finite(answer)?, finite(tolerance)?);
        return (tolerance >= 0.0).then_some(NumberRange::Around { answer, tolerance });
    }
    Some(NumberRange::Around {
        answer: finite(text)?,
        tolerance: 0.0,
    })
}

/// A numerical answer for the learner to read: `1822`, `1822 ± 5`, `1820 – 1825`.
fn range_words(range: NumberRange) -> String {
    match range {
        NumberRange::Around {
            answer,
            tolerance: 0.0,
        } => number(answer),
        NumberRange::Around { answer, tolerance } => {
            format!("{} ± {}", number(answer), number(tolerance))
        }
        NumberRange::Between { min, max } => format!("{} – {}", number(min), number(max)),
    }
}

/// A number as people write it: no `.0` on whole numbers.
pub(super) fn number(value: f64) -> String {
    let text = format!("{value}");
    text.strip_suffix(".0").map_or(text.clone(), str::to_owned)
}

/// The general feedback, then what kurs has no key for, as one explanation.
fn join_explanation(general: Option<String>, notes: Vec<String>) -> Option<String> {
    if notes.is_empty() {
        return general;
    }
    let notes = notes.join("\n");
    Some(match general {
        Some(general) => format!("{general}\n\n{notes}"),
        None => notes,
    })
}
