//! Quiz runs and grading: which questions are asked in which order, how much of its point an
//! answer earns, and the score of an attempt. Pure functions over the course model; no
//! terminal, no files.

mod number;

use std::collections::{BTreeMap, BTreeSet};

use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;

use crate::course::model::{fold_answer, partner};
use crate::course::{Question, QuestionKind, Quiz};
use crate::i18n::{self, Lang, T};
use crate::progress::{Attempt, Points};

pub use number::{NumberProblem, parse_number, unit_at_end};

/// A learner's answer. Choice and item numbers are indexes into the question as written,
/// whatever order they were shown in.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    Single(usize),
    Multiple(BTreeSet<usize>),
    TrueFalse(bool),
    Text(String),
    /// Item indexes in the order the learner put them.
    Order(Vec<usize>),
    /// Per item as written, the partner picked (an index as `course::partner` counts them);
    /// `None` for an item left without one (only an exam keeps such an answer).
    Match(Vec<Option<usize>>),
    /// The number typed, as `parse_number` read it.
    Number(f64),
}

/// How much of its point an answer earns, in percent: 100 right, 0 wrong, anything between
/// partly right.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Credit(u8);

impl Credit {
    pub const NONE: Credit = Credit(0);
    pub const FULL: Credit = Credit(100);

    /// `percent` of the point; more than 100 is 100.
    pub const fn new(percent: u8) -> Credit {
        Credit(if percent > 100 { 100 } else { percent })
    }

    pub const fn percent(self) -> u8 {
        self.0
    }

    pub const fn is_full(self) -> bool {
        self.0 >= 100
    }

    /// Some, but not all, of the point.
    pub const fn is_partial(self) -> bool {
        self.0 > 0 && self.0 < 100
    }

    /// The share of one point it stands for.
    pub const fn points(self) -> Points {
        Points::from_hundredths(self.0 as u64)
    }

    fn right(right: bool) -> Credit {
        if right { Credit::FULL } else { Credit::NONE }
    }
}

/// How much of its point `answer` earns for `question`; an answer of the wrong shape earns
/// nothing. The rules, as the format guide states them:
/// - multiple choice without `credit`: every right choice ticked and no other, else nothing;
///   with `credit`: the credits of the right choices ticked, less 100 ÷ (number of wrong
///   choices) for each wrong one ticked (as Moodle suggests: ticking everything earns
///   nothing), never below 0;
/// - text: the best credit among the accepted answers that match;
/// - match: each pair the same share, `right pairs × 100 ÷ pairs` rounded down (as Moodle);
/// - numeric: 100 within the right range (ends included), else the best credit of the ranges
///   that hold the number.
pub fn grade(question: &Question, answer: &Answer) -> Credit {
    match (&question.kind, answer) {
        (QuestionKind::Single { choices }, Answer::Single(i)) => {
            Credit::right(choices.get(*i).is_some_and(|c| c.correct))
        }
        (QuestionKind::Multiple { choices }, Answer::Multiple(picked)) => {
            if choices.iter().any(|c| c.credit.is_some()) {
                return multiple_credit(choices, picked);
            }
            let right: BTreeSet<usize> = choices
                .iter()
                .enumerate()
                .filter(|(_, c)| c.correct)
                .map(|(i, _)| i)
                .collect();
            Credit::right(*picked == right)
        }
        (QuestionKind::TrueFalse { answer }, Answer::TrueFalse(given)) => {
            Credit::right(answer == given)
        }
        (QuestionKind::Text { accept }, Answer::Text(given)) => {
            let given = fold_answer(given);
            if given.is_empty() {
                return Credit::NONE;
            }
            accept
                .iter()
                .filter(|a| fold_answer(&a.text) == given)
                .map(|a| Credit::new(a.credit))
                .max()
                .unwrap_or(Credit::NONE)
        }
        (QuestionKind::Order { items }, Answer::Order(order)) => {
            // Compare texts, so that items written the same way count as interchangeable.
            Credit::right(
                order.len() == items.len()
                    && order.iter().enumerate().all(|(pos, &i)| {
                        items
                            .get(i)
                            .is_some_and(|t| fold_answer(t) == fold_answer(&items[pos]))
                    }),
            )
        }
        (QuestionKind::Match { pairs, .. }, Answer::Match(picked)) => {
            if pairs.is_empty() || picked.len() != pairs.len() {
                return Credit::NONE;
            }
            let right = picked
                .iter()
                .enumerate()
                .filter(|(i, p)| **p == Some(*i))
                .count();
            Credit::new(u8::try_from(right * 100 / pairs.len()).unwrap_or(0))
        }
        (QuestionKind::Numeric { right, ranges, .. }, Answer::Number(value)) => {
            if right.contains(*value) {
                return Credit::FULL;
            }
            ranges
                .iter()
                .filter(|r| r.range.contains(*value))
                .map(|r| Credit::new(r.credit))
                .max()
                .unwrap_or(Credit::NONE)
        }
        _ => Credit::NONE,
    }
}

/// Multiple choice with `credit`: the right choices ticked earn their credits, each wrong one
/// ticked takes off 100 ÷ (number of wrong choices); the total is never below 0.
fn multiple_credit(choices: &[crate::course::Choice], picked: &BTreeSet<usize>) -> Credit {
    let wrong = choices.iter().filter(|c| !c.correct).count() as i64;
    let mut earned: i64 = 0;
    let mut wrong_picked: i64 = 0;
    for choice in picked.iter().filter_map(|&i| choices.get(i)) {
        if choice.correct {
            earned += i64::from(choice.credit.unwrap_or(0));
        } else {
            wrong_picked += 1;
        }
    }
    // In units of 1 ÷ `wrong` percent, so that the division comes last and rounds down once.
    let total = if wrong == 0 {
        earned
    } else {
        (earned * wrong - wrong_picked * 100).max(0) / wrong
    };
    Credit::new(u8::try_from(total.clamp(0, 100)).unwrap_or(0))
}

/// The right answer in words, for feedback: the right choices in the order they were shown
/// (`order`: display position → choice, as in `Asked::order`; choices it does not name follow
/// as written), true or false, the first fully right text, the items in the right order, each
/// item with its partner, the right number (with its tolerance or range, and its unit).
pub fn right_answer(question: &Question, order: &[usize], lang: Lang) -> Vec<String> {
    match &question.kind {
        QuestionKind::Single { choices } | QuestionKind::Multiple { choices } => {
            let shown = order
                .iter()
                .copied()
                .chain((0..choices.len()).filter(|i| !order.contains(i)));
            shown
                .filter_map(|i| choices.get(i))
                .filter(|c| c.correct)
                .map(|c| c.text.clone())
                .collect()
        }
        QuestionKind::TrueFalse { answer } => {
            vec![
                if *answer { T::True } else { T::False }
                    .get(lang)
                    .to_owned(),
            ]
        }
        QuestionKind::Text { accept } => accept
            .iter()
            .find(|a| a.credit >= 100)
            .or(accept.first())
            .map(|a| a.text.clone())
            .into_iter()
            .collect(),
        QuestionKind::Order { items } => items.clone(),
        QuestionKind::Match { pairs, .. } => pairs
            .iter()
            .map(|pair| format!("{} → {}", pair.left, pair.right))
            .collect(),
        QuestionKind::Numeric { right, unit, .. } => {
            vec![i18n::number_range(lang, *right, unit.as_deref())]
        }
    }
}

/// The partner picked for each item, in words ("Phishing → gefälschte Mail"; "–" for none),
/// for the learner's own answer to a match question.
pub fn match_words(question: &Question, picked: &[Option<usize>]) -> Vec<String> {
    let QuestionKind::Match { pairs, distractors } = &question.kind else {
        return Vec::new();
    };
    pairs
        .iter()
        .zip(picked)
        .map(|(pair, &p)| {
            format!(
                "{} → {}",
                pair.left,
                p.and_then(|p| partner(pairs, distractors, p))
                    .unwrap_or("–")
            )
        })
        .collect()
}

/// One question as asked in a run: which question, and the order its choices or items are shown in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Asked {
    pub question: usize,
    /// Display position → index in the question (choices, the starting order of order items,
    /// or a match question's partners).
    pub order: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub answer: Answer,
    pub credit: Credit,
}

impl Outcome {
    /// Fully right.
    pub fn is_right(&self) -> bool {
        self.credit.is_full()
    }
}

/// One attempt at a quiz: the questions in the order asked and the outcome of each so far.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub asked: Vec<Asked>,
    pub outcomes: Vec<Option<Outcome>>,
    /// Questions already right from the attempt this one repeats; they count towards the score.
    pub carried: Vec<usize>,
    /// Number of questions in the whole quiz.
    pub total: usize,
}

/// Random order of a run; `--seed` makes it reproducible.
pub struct Shuffler {
    rng: StdRng,
}

impl Shuffler {
    pub fn new(seed: Option<u64>) -> Self {
        Shuffler {
            rng: match seed {
                Some(seed) => StdRng::seed_from_u64(seed),
                None => StdRng::from_os_rng(),
            },
        }
    }

    pub(crate) fn shuffle<T>(&mut self, items: &mut [T]) {
        items.shuffle(&mut self.rng);
    }
}

impl Run {
    /// A run over all questions.
    pub fn start(quiz: &Quiz, shuffler: &mut Shuffler) -> Run {
        let all: Vec<usize> = (0..quiz.questions.len()).collect();
        Run::over(quiz, &all, Vec::new(), shuffler)
    }

    /// A run over the questions this one did not get fully right (or left open); the right ones
    /// are carried over.
    pub fn repeat_wrong(&self, quiz: &Quiz, shuffler: &mut Shuffler) -> Run {
        let mut carried = self.carried.clone();
        let mut again = Vec::new();
        for (asked, outcome) in self.asked.iter().zip(&self.outcomes) {
            match outcome {
                Some(o) if o.is_right() => carried.push(asked.question),
                _ => again.push(asked.question),
            }
        }
        if again.is_empty() {
            return Run::start(quiz, shuffler);
        }
        again.sort_unstable();
        Run::over(quiz, &again, carried, shuffler)
    }

    fn over(quiz: &Quiz, questions: &[usize], carried: Vec<usize>, shuffler: &mut Shuffler) -> Run {
        let mut order: Vec<usize> = questions
            .iter()
            .copied()
            .filter(|&q| q < quiz.questions.len())
            .collect();
        if quiz.shuffle {
            shuffler.shuffle(&mut order);
        }
        let asked: Vec<Asked> = order
            .into_iter()
            .map(|q| Asked {
                question: q,
                order: display_order(&quiz.questions[q], quiz.shuffle, shuffler),
            })
            .collect();
        Run {
            outcomes: vec![None; asked.len()],
            asked,
            carried,
            total: quiz.questions.len(),
        }
    }

    /// Records the answer to the question at `position` and says how much of its point it earned.
    pub fn answer(&mut self, quiz: &Quiz, position: usize, answer: Answer) -> Option<Credit> {
        let asked = self.asked.get(position)?;
        let question = quiz.questions.get(asked.question)?;
        let credit = grade(question, &answer);
        if let Some(slot) = self.outcomes.get_mut(position) {
            *slot = Some(Outcome { answer, credit });
        }
        Some(credit)
    }

    pub fn is_finished(&self) -> bool {
        self.outcomes.iter().all(Option::is_some)
    }

    /// Points (one per right question, carried ones included, part of one per partly right
    /// question) and the maximum.
    pub fn score(&self) -> (Points, u32) {
        let answered: Points = self
            .outcomes
            .iter()
            .flatten()
            .map(|o| o.credit.points())
            .sum();
        (
            answered + Points::whole(self.carried.len() as u32),
            self.total as u32,
        )
    }

    /// The score in percent, rounded down; `None` for a run in which nothing was scored.
    pub fn percent(&self) -> Option<u32> {
        let (points, max) = self.score();
        percent(points, max)
    }

    /// Passed at the quiz's mark; a run in which nothing was scored never passes.
    pub fn passed(&self, quiz: &Quiz) -> bool {
        self.percent()
            .is_some_and(|p| p >= u32::from(quiz.pass_percent))
    }

    /// The finished attempt as progress stores it: per question id fully right or not, carried
    /// ones right; the points hold the partial credit.
    pub fn to_attempt(&self, quiz: &Quiz, at: String) -> Attempt {
        let (points, max) = self.score();
        let mut results = BTreeMap::new();
        for (asked, outcome) in self.asked.iter().zip(&self.outcomes) {
            if let Some(q) = quiz.questions.get(asked.question) {
                results.insert(
                    q.id.clone(),
                    outcome.as_ref().is_some_and(Outcome::is_right),
                );
            }
        }
        for &carried in &self.carried {
            if let Some(q) = quiz.questions.get(carried) {
                results.insert(q.id.clone(), true);
            }
        }
        Attempt {
            at,
            points,
            max,
            passed: self.passed(quiz),
            results,
        }
    }

    /// Whether any question is not fully right (partly right ones are repeated too).
    pub fn has_wrong(&self) -> bool {
        self.outcomes
            .iter()
            .any(|o| !o.as_ref().is_some_and(Outcome::is_right))
    }
}

/// Percent rounded down; `None` when nothing was scored (never shown as 100 %).
pub fn percent(points: Points, max: u32) -> Option<u32> {
    points
        .percent_of(max)
        .map(|p| u32::try_from(p).unwrap_or(u32::MAX))
}

/// Choices shuffled when the quiz shuffles; order items and a match question's partners
/// always, and never already in the right order.
pub(crate) fn display_order(
    question: &Question,
    shuffle: bool,
    shuffler: &mut Shuffler,
) -> Vec<usize> {
    match &question.kind {
        QuestionKind::Single { choices } | QuestionKind::Multiple { choices } => {
            let mut order: Vec<usize> = (0..choices.len()).collect();
            if shuffle {
                shuffler.shuffle(&mut order);
            }
            order
        }
        QuestionKind::Order { items } => never_as_written(items.len(), shuffler),
        // Written in order, partner `i` would sit beside item `i`.
        QuestionKind::Match { pairs, distractors } => {
            never_as_written(pairs.len() + distractors.len(), shuffler)
        }
        QuestionKind::TrueFalse { .. }
        | QuestionKind::Text { .. }
        | QuestionKind::Numeric { .. } => Vec::new(),
    }
}

/// `0..n` shuffled, and never left as it was.
fn never_as_written(n: usize, shuffler: &mut Shuffler) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    if order.len() >= 2 {
        shuffler.shuffle(&mut order);
        if order.iter().enumerate().all(|(i, &o)| i == o) {
            order.rotate_left(1);
        }
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::{Accepted, Choice, CreditRange, MatchPair, NumberRange};

    fn question(kind: QuestionKind) -> Question {
        Question {
            id: "q".into(),
            prompt: "?".into(),
            explanation: None,
            kind,
        }
    }

    fn choices(correct: &[bool]) -> Vec<Choice> {
        correct
            .iter()
            .enumerate()
            .map(|(i, &c)| Choice {
                text: format!("choice {i}"),
                correct: c,
                credit: None,
                feedback: None,
            })
            .collect()
    }

    /// Fully right.
    fn right(question: &Question, answer: &Answer) -> bool {
        grade(question, answer).is_full()
    }

    fn quiz(questions: Vec<Question>, shuffle: bool) -> Quiz {
        Quiz {
            title: None,
            pass_percent: 60,
            shuffle,
            questions,
        }
    }

    #[test]
    fn single_choice_is_right_only_for_the_correct_choice() {
        let q = question(QuestionKind::Single {
            choices: choices(&[false, true, false]),
        });
        assert!(right(&q, &Answer::Single(1)));
        assert!(!right(&q, &Answer::Single(0)));
        assert!(!right(&q, &Answer::Single(7)));
    }

    #[test]
    fn multiple_choice_needs_exactly_the_correct_set() {
        let q = question(QuestionKind::Multiple {
            choices: choices(&[true, false, true]),
        });
        assert!(right(&q, &Answer::Multiple([0, 2].into())));
        assert!(
            !right(&q, &Answer::Multiple([0].into())),
            "partial is wrong"
        );
        assert!(
            !right(&q, &Answer::Multiple([0, 1, 2].into())),
            "extra is wrong"
        );
        assert!(!right(&q, &Answer::Multiple(BTreeSet::new())));
    }

    #[test]
    fn true_false_compares_the_answer() {
        let q = question(QuestionKind::TrueFalse { answer: false });
        assert!(right(&q, &Answer::TrueFalse(false)));
        assert!(!right(&q, &Answer::TrueFalse(true)));
    }

    #[test]
    fn text_answer_is_trimmed_case_insensitive_and_folds_white_space() {
        let q = question(QuestionKind::Text {
            accept: vec!["Zwei-Faktor Authentisierung".into(), "2FA".into()],
        });
        assert!(right(
            &q,
            &Answer::Text("  zwei-faktor   authentisierung ".into())
        ));
        assert!(right(&q, &Answer::Text("2fa".into())));
        assert!(!right(&q, &Answer::Text("2 FA".into())));
        assert!(!right(&q, &Answer::Text("   ".into())));
    }

    #[test]
    fn text_answer_folds_umlaut_case() {
        let q = question(QuestionKind::Text {
            accept: vec!["Ökosystem".into()],
        });
        assert!(right(&q, &Answer::Text("ÖKOSYSTEM".into())));
    }

    #[test]
    fn order_is_right_only_in_the_written_order() {
        let q = question(QuestionKind::Order {
            items: vec!["a".into(), "b".into(), "c".into()],
        });
        assert!(right(&q, &Answer::Order(vec![0, 1, 2])));
        assert!(!right(&q, &Answer::Order(vec![1, 0, 2])));
        assert!(
            !right(&q, &Answer::Order(vec![0, 1])),
            "missing item is wrong"
        );
    }

    #[test]
    fn answer_of_the_wrong_shape_is_wrong() {
        let q = question(QuestionKind::TrueFalse { answer: true });
        assert!(!right(&q, &Answer::Single(0)));
    }

    #[test]
    fn same_seed_gives_the_same_order() {
        let qs: Vec<Question> = (0..8)
            .map(|_| {
                question(QuestionKind::Single {
                    choices: choices(&[true, false, false, false]),
                })
            })
            .collect();
        let quiz = quiz(qs, true);
        let a = Run::start(&quiz, &mut Shuffler::new(Some(7)));
        let b = Run::start(&quiz, &mut Shuffler::new(Some(7)));
        assert_eq!(a, b);
        let c = Run::start(&quiz, &mut Shuffler::new(Some(8)));
        assert_ne!(a.asked, c.asked, "another seed gives another order");
    }

    #[test]
    fn without_shuffle_questions_and_choices_keep_their_order() {
        let qs = vec![
            question(QuestionKind::Single {
                choices: choices(&[true, false, false]),
            }),
            question(QuestionKind::TrueFalse { answer: true }),
        ];
        let run = Run::start(&quiz(qs, false), &mut Shuffler::new(Some(1)));
        assert_eq!(
            run.asked[0],
            Asked {
                question: 0,
                order: vec![0, 1, 2]
            }
        );
        assert_eq!(run.asked[1].question, 1);
    }

    #[test]
    fn order_items_never_start_in_the_right_order() {
        let qs = vec![question(QuestionKind::Order {
            items: vec!["a".into(), "b".into()],
        })];
        let quiz = quiz(qs, false);
        let mut shuffler = Shuffler::new(Some(3));
        for _ in 0..50 {
            let run = Run::start(&quiz, &mut shuffler);
            assert_eq!(run.asked[0].order, vec![1, 0]);
        }
    }

    #[test]
    fn score_and_pass_mark() {
        let qs: Vec<Question> = (0..3)
            .map(|_| question(QuestionKind::TrueFalse { answer: true }))
            .collect();
        let quiz = quiz(qs, false);
        let mut run = Run::start(&quiz, &mut Shuffler::new(Some(1)));
        assert_eq!(
            run.answer(&quiz, 0, Answer::TrueFalse(true)),
            Some(Credit::FULL)
        );
        assert_eq!(
            run.answer(&quiz, 1, Answer::TrueFalse(false)),
            Some(Credit::NONE)
        );
        assert!(!run.is_finished());
        run.answer(&quiz, 2, Answer::TrueFalse(true));
        assert!(run.is_finished());
        assert_eq!(run.score(), (Points::whole(2), 3));
        assert_eq!(run.percent(), Some(66));
        assert!(run.passed(&quiz));
    }

    #[test]
    fn a_run_in_which_nothing_was_scored_is_not_scored_and_never_passes() {
        let quiz = quiz(Vec::new(), false);
        let run = Run::start(&quiz, &mut Shuffler::new(Some(1)));
        assert_eq!(run.score(), (Points::ZERO, 0));
        assert_eq!(run.percent(), None);
        assert!(!run.passed(&quiz));
        let attempt = run.to_attempt(&quiz, "2026-12-02".into());
        assert_eq!(attempt.percent(), None);
        assert!(!attempt.passed);
        assert_eq!(
            crate::i18n::score(crate::i18n::Lang::En, Points::ZERO, 0, run.percent()),
            "Not scored: no question was scored"
        );
        assert_eq!(percent(Points::whole(u32::MAX), 1), Some(u32::MAX));
    }

    #[test]
    fn repeating_the_wrong_ones_asks_only_them_and_carries_the_right_ones() {
        let qs: Vec<Question> = (0..3)
            .map(|_| question(QuestionKind::TrueFalse { answer: true }))
            .collect();
        let quiz = quiz(qs, false);
        let mut shuffler = Shuffler::new(Some(1));
        let mut run = Run::start(&quiz, &mut shuffler);
        run.answer(&quiz, 0, Answer::TrueFalse(true));
        run.answer(&quiz, 1, Answer::TrueFalse(false));
        run.answer(&quiz, 2, Answer::TrueFalse(false));
        let mut again = run.repeat_wrong(&quiz, &mut shuffler);
        assert_eq!(
            again.asked.iter().map(|a| a.question).collect::<Vec<_>>(),
            vec![1, 2]
        );
        again.answer(&quiz, 0, Answer::TrueFalse(true));
        again.answer(&quiz, 1, Answer::TrueFalse(true));
        assert_eq!(again.score(), (Points::whole(3), 3));
    }

    #[test]
    fn right_answer_lists_correct_choices() {
        let q = question(QuestionKind::Multiple {
            choices: choices(&[true, false, true]),
        });
        assert_eq!(
            right_answer(&q, &[], Lang::En),
            vec!["choice 0", "choice 2"]
        );
        // In the order shown, not as written.
        assert_eq!(
            right_answer(&q, &[2, 1, 0], Lang::En),
            vec!["choice 2", "choice 0"]
        );
    }

    fn credited(credits: &[Option<u8>]) -> Question {
        question(QuestionKind::Multiple {
            choices: credits
                .iter()
                .enumerate()
                .map(|(i, &credit)| Choice {
                    text: format!("choice {i}"),
                    correct: credit.is_some(),
                    credit,
                    feedback: None,
                })
                .collect(),
        })
    }

    #[test]
    fn multiple_choice_with_credit_earns_the_credits_of_the_right_choices_ticked() {
        let q = credited(&[Some(50), Some(30), Some(20), None, None]);
        let credit = |picked: &[usize]| {
            grade(&q, &Answer::Multiple(picked.iter().copied().collect())).percent()
        };
        assert_eq!(credit(&[0, 1, 2]), 100);
        assert_eq!(credit(&[0]), 50);
        assert_eq!(credit(&[1, 2]), 50);
        assert_eq!(credit(&[]), 0);
    }

    #[test]
    fn each_wrong_choice_ticked_takes_off_its_share_of_100_and_the_total_stays_at_least_0() {
        // Two wrong choices: each ticked takes off 50.
        let q = credited(&[Some(50), Some(50), None, None]);
        let credit = |picked: &[usize]| {
            grade(&q, &Answer::Multiple(picked.iter().copied().collect())).percent()
        };
        assert_eq!(credit(&[0, 1, 2]), 50);
        assert_eq!(credit(&[0, 2]), 0);
        assert_eq!(credit(&[0, 1, 2, 3]), 0, "ticking everything earns nothing");
        assert_eq!(credit(&[2, 3]), 0, "never below 0");
        // Three wrong choices: a third each, rounded down at the end.
        let q = credited(&[Some(100), None, None, None]);
        assert_eq!(grade(&q, &Answer::Multiple([0, 1].into())).percent(), 66);
    }

    #[test]
    fn a_text_answer_earns_the_best_credit_of_the_accepted_answers_it_matches() {
        let q = question(QuestionKind::Text {
            accept: vec![
                "Passwort-Manager".into(),
                Accepted {
                    text: "Manager".into(),
                    credit: 50,
                },
            ],
        });
        assert_eq!(grade(&q, &Answer::Text("manager".into())).percent(), 50);
        assert!(right(&q, &Answer::Text("Passwort-Manager".into())));
        assert_eq!(grade(&q, &Answer::Text("Zettel".into())), Credit::NONE);
    }

    fn matching() -> Question {
        question(QuestionKind::Match {
            pairs: ["a", "b", "c"]
                .iter()
                .map(|&l| MatchPair {
                    left: l.into(),
                    right: l.to_uppercase(),
                })
                .collect(),
            distractors: vec!["D".into()],
        })
    }

    #[test]
    fn a_match_question_counts_each_pair_the_same_share_rounded_down() {
        let q = matching();
        let credit =
            |picked: &[Option<usize>]| grade(&q, &Answer::Match(picked.to_vec())).percent();
        assert_eq!(credit(&[Some(0), Some(1), Some(2)]), 100);
        assert_eq!(credit(&[Some(0), Some(2), Some(1)]), 33);
        assert_eq!(
            credit(&[Some(0), Some(1), Some(3)]),
            66,
            "a distractor is wrong"
        );
        assert_eq!(
            credit(&[Some(0), None, None]),
            33,
            "an item left open is wrong"
        );
        assert_eq!(
            credit(&[Some(0), Some(1)]),
            0,
            "an answer of the wrong size"
        );
    }

    #[test]
    fn a_match_question_s_partners_are_shuffled_and_never_as_written() {
        let q = matching();
        let mut shuffler = Shuffler::new(Some(5));
        for _ in 0..50 {
            let order = display_order(&q, false, &mut shuffler);
            let mut sorted = order.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, vec![0, 1, 2, 3]);
            assert_ne!(order, vec![0, 1, 2, 3]);
        }
    }

    fn numeric(right: NumberRange, ranges: Vec<CreditRange>) -> Question {
        question(QuestionKind::Numeric {
            right,
            unit: None,
            ranges,
        })
    }

    #[test]
    fn a_number_within_the_tolerance_is_right_ends_included() {
        let q = numeric(
            NumberRange::Around {
                answer: 4.7,
                tolerance: 0.1,
            },
            Vec::new(),
        );
        // 4.7 − 0.1 is 4.6000000000000005 in binary fractions: 4.6 still counts.
        for value in [4.6, 4.7, 4.8] {
            assert!(right(&q, &Answer::Number(value)), "{value}");
        }
        assert!(!right(&q, &Answer::Number(4.81)));
        let q = numeric(NumberRange::Between { min: 1.0, max: 5.0 }, Vec::new());
        assert!(right(&q, &Answer::Number(1.0)) && right(&q, &Answer::Number(5.0)));
        assert!(!right(&q, &Answer::Number(5.01)));
    }

    #[test]
    fn a_number_in_a_range_earns_the_best_credit_of_the_ranges_that_hold_it() {
        let q = numeric(
            NumberRange::Around {
                answer: 1822.0,
                tolerance: 0.0,
            },
            vec![
                CreditRange {
                    range: NumberRange::Between {
                        min: 1820.0,
                        max: 1825.0,
                    },
                    credit: 50,
                },
                CreditRange {
                    range: NumberRange::Around {
                        answer: 1822.0,
                        tolerance: 1.0,
                    },
                    credit: 80,
                },
            ],
        );
        let credit = |value: f64| grade(&q, &Answer::Number(value)).percent();
        assert_eq!(credit(1822.0), 100);
        assert_eq!(credit(1823.0), 80);
        assert_eq!(credit(1825.0), 50);
        assert_eq!(credit(1830.0), 0);
    }

    #[test]
    fn a_partly_right_answer_counts_its_part_of_a_point_and_is_repeated() {
        let qs = vec![
            matching(),
            question(QuestionKind::TrueFalse { answer: true }),
        ];
        let quiz = quiz(qs, false);
        let mut shuffler = Shuffler::new(Some(1));
        let mut run = Run::start(&quiz, &mut shuffler);
        run.answer(&quiz, 0, Answer::Match(vec![Some(0), Some(2), Some(1)]));
        run.answer(&quiz, 1, Answer::TrueFalse(true));
        assert_eq!(run.score(), (Points::from_hundredths(133), 2));
        assert_eq!(run.percent(), Some(66));
        let attempt = run.to_attempt(&quiz, "2026-12-02".into());
        assert_eq!(attempt.points, Points::from_hundredths(133));
        let again = run.repeat_wrong(&quiz, &mut shuffler);
        assert_eq!(again.asked.len(), 1, "the partly right one is asked again");
        assert_eq!(again.asked[0].question, 0);
    }

    #[test]
    fn the_right_answer_of_a_match_and_a_numeric_question_in_words() {
        assert_eq!(
            right_answer(&matching(), &[], Lang::De),
            vec!["a → A", "b → B", "c → C"]
        );
        let q = question(QuestionKind::Numeric {
            right: NumberRange::Around {
                answer: 2.5,
                tolerance: 0.1,
            },
            unit: Some("GB".into()),
            ranges: Vec::new(),
        });
        assert_eq!(right_answer(&q, &[], Lang::De), vec!["2,5 ± 0,1 GB"]);
        assert_eq!(right_answer(&q, &[], Lang::En), vec!["2.5 ± 0.1 GB"]);
    }
}
