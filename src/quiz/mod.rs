//! Quiz runs and grading: which questions are asked in which order, whether an answer is right,
//! and the score of an attempt. Pure functions over the course model; no terminal, no files.

use std::collections::{BTreeMap, BTreeSet};

use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;

use crate::course::model::fold_answer;
use crate::course::{Question, QuestionKind, Quiz};
use crate::progress::Attempt;

/// A learner's answer. Choice and item numbers are indexes into the question as written,
/// whatever order they were shown in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    Single(usize),
    Multiple(BTreeSet<usize>),
    TrueFalse(bool),
    Text(String),
    /// Item indexes in the order the learner put them.
    Order(Vec<usize>),
}

/// Whether `answer` is right for `question`. An answer of the wrong shape is wrong.
pub fn grade(question: &Question, answer: &Answer) -> bool {
    match (&question.kind, answer) {
        (QuestionKind::Single { choices }, Answer::Single(i)) => {
            choices.get(*i).is_some_and(|c| c.correct)
        }
        (QuestionKind::Multiple { choices }, Answer::Multiple(picked)) => {
            let right: BTreeSet<usize> = choices
                .iter()
                .enumerate()
                .filter(|(_, c)| c.correct)
                .map(|(i, _)| i)
                .collect();
            *picked == right
        }
        (QuestionKind::TrueFalse { answer }, Answer::TrueFalse(given)) => answer == given,
        (QuestionKind::Text { accept }, Answer::Text(given)) => {
            let given = fold_answer(given);
            !given.is_empty() && accept.iter().any(|a| fold_answer(a) == given)
        }
        (QuestionKind::Order { items }, Answer::Order(order)) => {
            // Compare texts, so that items written the same way count as interchangeable.
            order.len() == items.len()
                && order.iter().enumerate().all(|(pos, &i)| {
                    items
                        .get(i)
                        .is_some_and(|t| fold_answer(t) == fold_answer(&items[pos]))
                })
        }
        _ => false,
    }
}

/// The right answer in words, for feedback: the right choices in the order they were shown
/// (`order`: display position → choice, as in `Asked::order`; choices it does not name follow
/// as written), "true"/"false", the first accepted text, the items in the right order.
pub fn right_answer(question: &Question, order: &[usize]) -> Vec<String> {
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
        QuestionKind::TrueFalse { answer } => vec![answer.to_string()],
        QuestionKind::Text { accept } => accept.iter().take(1).cloned().collect(),
        QuestionKind::Order { items } => items.clone(),
    }
}

/// One question as asked in a run: which question, and the order its choices or items are shown in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Asked {
    pub question: usize,
    /// Display position → index in the question (choices, or the starting order of order items).
    pub order: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub answer: Answer,
    pub correct: bool,
}

/// One attempt at a quiz: the questions in the order asked and the outcome of each so far.
#[derive(Clone, Debug, PartialEq, Eq)]
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

    /// A run over the questions this one got wrong (or left open); the right ones are carried over.
    pub fn repeat_wrong(&self, quiz: &Quiz, shuffler: &mut Shuffler) -> Run {
        let mut carried = self.carried.clone();
        let mut again = Vec::new();
        for (asked, outcome) in self.asked.iter().zip(&self.outcomes) {
            match outcome {
                Some(o) if o.correct => carried.push(asked.question),
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

    /// Records the answer to the question at `position` and says whether it was right.
    pub fn answer(&mut self, quiz: &Quiz, position: usize, answer: Answer) -> Option<bool> {
        let asked = self.asked.get(position)?;
        let question = quiz.questions.get(asked.question)?;
        let correct = grade(question, &answer);
        if let Some(slot) = self.outcomes.get_mut(position) {
            *slot = Some(Outcome { answer, correct });
        }
        Some(correct)
    }

    pub fn is_finished(&self) -> bool {
        self.outcomes.iter().all(Option::is_some)
    }

    /// Points (one per right question, carried ones included) and the maximum.
    pub fn score(&self) -> (u32, u32) {
        let right = self
            .outcomes
            .iter()
            .filter(|o| o.as_ref().is_some_and(|o| o.correct))
            .count()
            + self.carried.len();
        (right as u32, self.total as u32)
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

    /// The finished attempt as progress stores it: per question id right or wrong, carried ones right.
    pub fn to_attempt(&self, quiz: &Quiz, at: String) -> Attempt {
        let (points, max) = self.score();
        let mut results = BTreeMap::new();
        for (asked, outcome) in self.asked.iter().zip(&self.outcomes) {
            if let Some(q) = quiz.questions.get(asked.question) {
                results.insert(q.id.clone(), outcome.as_ref().is_some_and(|o| o.correct));
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

    pub fn has_wrong(&self) -> bool {
        self.outcomes
            .iter()
            .any(|o| !o.as_ref().is_some_and(|o| o.correct))
    }
}

/// Percent rounded down; `None` when nothing was scored (never shown as 100 %).
pub fn percent(points: u32, max: u32) -> Option<u32> {
    (u64::from(points) * 100)
        .checked_div(u64::from(max))
        .map(|p| u32::try_from(p).unwrap_or(u32::MAX))
}

/// Choices shuffled when the quiz shuffles; order items always, and never already in the right order.
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
        QuestionKind::Order { items } => {
            let mut order: Vec<usize> = (0..items.len()).collect();
            if order.len() >= 2 {
                shuffler.shuffle(&mut order);
                if order.iter().enumerate().all(|(i, &o)| i == o) {
                    order.rotate_left(1);
                }
            }
            order
        }
        QuestionKind::TrueFalse { .. } | QuestionKind::Text { .. } => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::Choice;

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
                feedback: None,
            })
            .collect()
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
        assert!(grade(&q, &Answer::Single(1)));
        assert!(!grade(&q, &Answer::Single(0)));
        assert!(!grade(&q, &Answer::Single(7)));
    }

    #[test]
    fn multiple_choice_needs_exactly_the_correct_set() {
        let q = question(QuestionKind::Multiple {
            choices: choices(&[true, false, true]),
        });
        assert!(grade(&q, &Answer::Multiple([0, 2].into())));
        assert!(
            !grade(&q, &Answer::Multiple([0].into())),
            "partial is wrong"
        );
        assert!(
            !grade(&q, &Answer::Multiple([0, 1, 2].into())),
            "extra is wrong"
        );
        assert!(!grade(&q, &Answer::Multiple(BTreeSet::new())));
    }

    #[test]
    fn true_false_compares_the_answer() {
        let q = question(QuestionKind::TrueFalse { answer: false });
        assert!(grade(&q, &Answer::TrueFalse(false)));
        assert!(!grade(&q, &Answer::TrueFalse(true)));
    }

    #[test]
    fn text_answer_is_trimmed_case_insensitive_and_folds_white_space() {
        let q = question(QuestionKind::Text {
            accept: vec!["Zwei-Faktor Authentisierung".into(), "2FA".into()],
        });
        assert!(grade(
            &q,
            &Answer::Text("  zwei-faktor   authentisierung ".into())
        ));
        assert!(grade(&q, &Answer::Text("2fa".into())));
        assert!(!grade(&q, &Answer::Text("2 FA".into())));
        assert!(!grade(&q, &Answer::Text("   ".into())));
    }

    #[test]
    fn text_answer_folds_umlaut_case() {
        let q = question(QuestionKind::Text {
            accept: vec!["Ökosystem".into()],
        });
        assert!(grade(&q, &Answer::Text("ÖKOSYSTEM".into())));
    }

    #[test]
    fn order_is_right_only_in_the_written_order() {
        let q = question(QuestionKind::Order {
            items: vec!["a".into(), "b".into(), "c".into()],
        });
        assert!(grade(&q, &Answer::Order(vec![0, 1, 2])));
        assert!(!grade(&q, &Answer::Order(vec![1, 0, 2])));
        assert!(
            !grade(&q, &Answer::Order(vec![0, 1])),
            "missing item is wrong"
        );
    }

    #[test]
    fn answer_of_the_wrong_shape_is_wrong() {
        let q = question(QuestionKind::TrueFalse { answer: true });
        assert!(!grade(&q, &Answer::Single(0)));
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
        assert_eq!(run.answer(&quiz, 0, Answer::TrueFalse(true)), Some(true));
        assert_eq!(run.answer(&quiz, 1, Answer::TrueFalse(false)), Some(false));
        assert!(!run.is_finished());
        run.answer(&quiz, 2, Answer::TrueFalse(true));
        assert!(run.is_finished());
        assert_eq!(run.score(), (2, 3));
        assert_eq!(run.percent(), Some(66));
        assert!(run.passed(&quiz));
    }

    #[test]
    fn a_run_in_which_nothing_was_scored_is_not_scored_and_never_passes() {
        let quiz = quiz(Vec::new(), false);
        let run = Run::start(&quiz, &mut Shuffler::new(Some(1)));
        assert_eq!(run.score(), (0, 0));
        assert_eq!(run.percent(), None);
        assert!(!run.passed(&quiz));
        let attempt = run.to_attempt(&quiz, "2026-12-02".into());
        assert_eq!(attempt.percent(), None);
        assert!(!attempt.passed);
        assert_eq!(
            crate::i18n::score(crate::i18n::Lang::En, 0, 0, run.percent()),
            "Not scored: no question was scored"
        );
        assert_eq!(percent(u32::MAX, 1), Some(u32::MAX));
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
        assert_eq!(again.score(), (3, 3));
    }

    #[test]
    fn right_answer_lists_correct_choices() {
        let q = question(QuestionKind::Multiple {
            choices: choices(&[true, false, true]),
        });
        assert_eq!(right_answer(&q, &[]), vec!["choice 0", "choice 2"]);
        // In the order shown, not as written.
        assert_eq!(right_answer(&q, &[2, 1, 0]), vec!["choice 2", "choice 0"]);
    }
}
