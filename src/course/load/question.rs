//! Questions: the keys every `[[quiz.question]]` shares, then one function per question type
//! for the keys that type adds and its checks. A new type adds its function and a match arm.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use toml::de::DeTable;

use super::fields::{Ctx, Fields, Need};
use super::suggest::{did_you_mean, list_keys};
use super::syntax::{question_in_words, type_in_words};
use crate::command_word::{COMMAND_MARK, Command, marked_command};
use crate::course::format::keys;
use crate::course::model::{
    Accepted, Choice, CreditRange, MAX_PARTNERS, MatchPair, NumberRange, Question, QuestionKind,
    fold_answer,
};
use crate::diagnostic::Code;

/// One `[[quiz.question]]` as read: the question (`None` when it has an error), and its id with
/// the place of the id (or of its table when it has none), so the duplicate check runs on every
/// question, whatever else is wrong with it.
pub(super) struct ParsedQuestion {
    pub question: Option<Question>,
    pub id: String,
    pub id_span: Range<usize>,
    /// Whether the trainer wrote the id; one left out is `q` and the question's number.
    pub id_written: bool,
}

/// Every `[[…question]]` of a quiz or of the exam (`scope`), each id used once; a question with
/// an error is left out and reported.
pub(super) fn parse_questions(ctx: &mut Ctx, fields: &Fields, scope: &str) -> Vec<Question> {
    let mut questions = Vec::new();
    let mut ids: HashMap<String, (Range<usize>, bool)> = HashMap::new();
    for (index, (table, header)) in ctx.tables(fields, "question").into_iter().enumerate() {
        let parsed = parse_question(ctx, table, header, index);
        if let Some((first, written)) = ids.get(&parsed.id) {
            let line = ctx.line_of(first.start);
            let id = &parsed.id;
            // An id left out is made from the question's number: say so, or the trainer looks
            // for an `id = "q1"` that is not in the file.
            let help = match (*written, parsed.id_written) {
                (true, true) => {
                    format!("it is first used on line {line}; every question needs its own id")
                }
                (false, _) => format!(
                    "the question on line {line} has no `id` and is called `{id}` after its number; give one of the two another id"
                ),
                (true, false) => format!(
                    "this question has no `id` and is called `{id}` after its number, as the question on line {line} is named; give this one an id"
                ),
            };
            let d = ctx
                .diag(
                    Code::DuplicateId,
                    parsed.id_span,
                    format!("question id `{id}` is used twice in this {scope}"),
                )
                .with_help(help);
            ctx.push(d);
            continue;
        }
        ids.insert(parsed.id, (parsed.id_span, parsed.id_written));
        questions.extend(parsed.question);
    }
    questions
}

/// One `[[quiz.question]]`, number `index` in its quiz.
pub(super) fn parse_question(
    ctx: &mut Ctx,
    table: &DeTable,
    header: Range<usize>,
    index: usize,
) -> ParsedQuestion {
    let fields = Fields::new(table, header.clone(), "question");
    let id = ctx.id_optional(&fields, "id");
    let prompt = ctx.markdown(&fields, "prompt", Need::NonEmpty);
    let explanation = ctx.markdown(&fields, "explanation", Need::NonEmptyIfGiven);
    let kind_name = ctx.text(&fields, "type", Need::Required);
    let errors_before = ctx.errors();

    let type_keys = kind_name
        .as_ref()
        .and_then(|(name, span)| type_keys(ctx, name, span.clone()));
    let kind = match (&kind_name, type_keys) {
        (Some((name, span)), Some(_)) => parse_kind(ctx, &fields, name, span.clone()),
        _ => None,
    };
    let this = kind_name.as_ref().map_or("", |k| k.0.as_str());
    check_keys(ctx, &fields, this, type_keys);

    let id_span = id.as_ref().map_or(header, |i| i.1.clone());
    let id_written = id.is_some();
    let id = id.map_or_else(|| format!("q{}", index + 1), |i| i.0);
    let question = match (kind, prompt) {
        (Some(kind), Some((prompt, _))) if ctx.errors() == errors_before => Some(Question {
            id: id.clone(),
            prompt,
            explanation: explanation.map(|e| e.0),
            kind,
        }),
        _ => None,
    };
    ParsedQuestion {
        question,
        id,
        id_span,
        id_written,
    }
}

/// The keys question type `name` adds to the common ones; reports a type kurs does not know.
fn type_keys(ctx: &mut Ctx, name: &str, span: Range<usize>) -> Option<&'static [&'static str]> {
    let found = keys::QUESTION_TYPES.iter().find(|(n, _)| *n == name);
    if found.is_none() {
        let names: Vec<&str> = keys::QUESTION_TYPES.iter().map(|(n, _)| *n).collect();
        let mut d = ctx.diag(
            Code::UnknownQuestionType,
            span,
            format!("`{name}` is not a question type"),
        );
        d = match did_you_mean(name, &names) {
            Some(best) => d.with_help(format!("did you mean `{best}`?")),
            None => d.with_help(format!("use one of: {}", names.join(", "))),
        };
        ctx.push(d);
    }
    found.map(|(_, keys)| *keys)
}

/// What a question of type `name` asks and what is right, read by that type's function.
fn parse_kind(
    ctx: &mut Ctx,
    fields: &Fields,
    name: &str,
    type_span: Range<usize>,
) -> Option<QuestionKind> {
    Some(match name {
        "single" => single(ctx, fields, type_span),
        "multiple" => multiple(ctx, fields, type_span),
        "true_false" => true_false(ctx, fields),
        "text" => text(ctx, fields),
        "order" => order(ctx, fields),
        "match" => match_pairs(ctx, fields),
        "numeric" => numeric(ctx, fields),
        _ => return None,
    })
}

/// `type = "single"`: choices of which exactly one is correct.
fn single(ctx: &mut Ctx, fields: &Fields, type_span: Range<usize>) -> QuestionKind {
    let (choices, complete) = choices(ctx, fields, "single");
    let correct = choices.iter().filter(|c| c.correct).count();
    if complete && correct != 1 {
        ctx.push(
            ctx.diag(
                Code::SingleNeedsOneCorrect,
                type_span,
                format!(
                    "a single choice question needs exactly one correct choice, this one has {correct}"
                ),
            )
            .with_help(if correct == 0 {
                "mark the right choice with `correct = true`"
            } else {
                "use `type = \"multiple\"` when several choices are right"
            }),
        );
    }
    QuestionKind::Single { choices }
}

/// `type = "multiple"`: choices of which at least one is correct; with `credit` on the right
/// ones, every right one has it and together they make 100.
fn multiple(ctx: &mut Ctx, fields: &Fields, type_span: Range<usize>) -> QuestionKind {
    let (choices, complete) = choices(ctx, fields, "multiple");
    if complete && !choices.iter().any(|c| c.correct) {
        ctx.push(
            ctx.diag(
                Code::MultipleNeedsCorrect,
                type_span.clone(),
                "a multiple choice question needs at least one correct choice",
            )
            .with_help("mark the right choices with `correct = true`"),
        );
    }
    let right: Vec<&Choice> = choices.iter().filter(|c| c.correct).collect();
    let credited = right.iter().filter(|c| c.credit.is_some()).count();
    if complete && credited > 0 {
        let sum: u32 = right.iter().filter_map(|c| c.credit).map(u32::from).sum();
        if credited < right.len() {
            ctx.push(
                ctx.diag(
                    Code::CreditsCannotReach100,
                    type_span,
                    format!(
                        "{credited} of the {} right choices have `credit`; once one has it, every right choice needs it",
                        right.len()
                    ),
                )
                .with_help("give every choice with `correct = true` its `credit`, so that together they make 100"),
            );
        } else if sum != 100 {
            ctx.push(
                ctx.diag(
                    Code::CreditsCannotReach100,
                    type_span,
                    format!("the credits of the right choices add up to {sum}, not 100"),
                )
                .with_help(if sum < 100 {
                    "a learner who ticks every right choice must earn the whole point: raise the credits until they make 100"
                } else {
                    "together the right choices earn the whole point: lower the credits until they make 100"
                }),
            );
        }
    }
    QuestionKind::Multiple { choices }
}

/// The `[[quiz.question.choice]]` tables of a `single` or `multiple` question, and whether
/// every one of them (at least two) was read, so that counting the correct ones means something.
fn choices(ctx: &mut Ctx, fields: &Fields, kind: &str) -> (Vec<Choice>, bool) {
    let tables = ctx.required_tables(
        fields,
        "choice",
        "add `[[quiz.question.choice]]` tables with `text` and `correct`",
    );
    if let Some((key, _)) = fields.get("choice")
        && tables.len() < 2
    {
        ctx.push(
            ctx.diag(
                Code::TooFewChoices,
                key.span(),
                format!(
                    "a {kind} choice question needs at least two choices, this one has {}",
                    tables.len()
                ),
            )
            .with_help("add another `[[quiz.question.choice]]`"),
        );
    }
    let mut choices = Vec::new();
    for (table, header) in &tables {
        let choice = Fields::new(table, header.clone(), "choice");
        let text = ctx.plain(&choice, "text", Need::NonEmpty);
        let correct = ctx
            .boolean(&choice, "correct")
            .map(|b| b.0)
            .unwrap_or(false);
        let credit = ctx.credit(&choice, "credit");
        if let Some((_, span)) = &credit {
            misplaced_credit(ctx, kind, correct, span.clone());
        }
        let feedback = ctx.markdown(&choice, "feedback", Need::NonEmptyIfGiven);
        ctx.unknown_keys(&choice, keys::CHOICE);
        if let Some((text, _)) = text {
            choices.push(Choice {
                text,
                correct,
                credit: credit.map(|c| c.0),
                feedback: feedback.map(|f| f.0),
            });
        }
    }
    let complete = choices.len() == tables.len() && tables.len() >= 2;
    (choices, complete)
}

/// Reports (E044) a `credit` where it cannot count: on a single choice question, which is right
/// or wrong, and on a wrong choice, which earns nothing.
fn misplaced_credit(ctx: &mut Ctx, kind: &str, correct: bool, span: Range<usize>) {
    let (message, help) = if kind == "single" {
        (
            "`credit` is for the right choices of a multiple choice question",
            "a single choice question is right or wrong; use `type = \"multiple\"` for partial credit",
        )
    } else if !correct {
        (
            "this choice is not marked `correct = true`, so it earns nothing and takes no `credit`",
            "mark it `correct = true` if ticking it earns part of the point, or remove `credit`",
        )
    } else {
        return;
    };
    ctx.push(ctx.diag(Code::CreditNotHere, span, message).with_help(help));
}

/// `type = "true_false"`: a statement and whether it is true.
fn true_false(ctx: &mut Ctx, fields: &Fields) -> QuestionKind {
    let answer = ctx.boolean(fields, "answer");
    require(
        ctx,
        fields,
        "answer",
        "true/false",
        "add `answer = true` or `answer = false`",
    );
    QuestionKind::TrueFalse {
        answer: answer.map(|a| a.0).unwrap_or(false),
    }
}

/// `type = "text"`: the answers accepted for a typed reply, at least one of them fully right.
fn text(ctx: &mut Ctx, fields: &Fields) -> QuestionKind {
    let errors_before = ctx.errors();
    let accept = ctx.accepted(fields, "accept");
    require(
        ctx,
        fields,
        "accept",
        "text",
        "add `accept = [\"answer\", \"other spelling\"]`",
    );
    match &accept {
        Some(list) if list.is_empty() => {
            let span = value_span(fields, "accept");
            ctx.push(
                ctx.diag(Code::NoAcceptedAnswer, span, "`accept` lists no answer")
                    .with_help("add at least one accepted answer"),
            );
        }
        Some(list) => {
            for (answer, span, _) in list {
                command_like(ctx, answer, span.clone());
            }
            let best = list.iter().map(|a| a.2).max().unwrap_or(100);
            if best < 100 && ctx.errors() == errors_before {
                ctx.push(
                    ctx.diag(
                        Code::CreditsCannotReach100,
                        value_span(fields, "accept"),
                        format!(
                            "no accepted answer is fully right: the best earns {best}% of the point"
                        ),
                    )
                    .with_help("write the right answer as a text in quotes (or give it `credit = 100`), so that a learner can earn the whole point"),
                );
            }
        }
        None => {}
    }
    QuestionKind::Text {
        accept: accept
            .unwrap_or_default()
            .into_iter()
            .map(|(text, _, credit)| Accepted { text, credit })
            .collect(),
    }
}

/// Warns (W008) of an accepted answer that plain mode would take for a command: there a line
/// typed in a question that starts with `/` and a command word leaves the question.
fn command_like(ctx: &mut Ctx, answer: &str, span: Range<usize>) {
    let Some(command) = marked_command(answer) else {
        return;
    };
    let does = match command {
        Command::Back => "goes back instead of answering",
        Command::Quit => "ends kurs instead of answering",
        Command::Help => "gets the list of commands instead of answering",
        Command::List => "hears the question again instead of answering",
        Command::Contents => "gets the module's contents instead of answering",
        Command::Overview => "gets the progress overview instead of answering",
        Command::Search(_) => "starts a search instead of answering",
        Command::Section(_) => "is sent to a section instead of answering",
    };
    let answer = answer.trim();
    let word = answer.trim_start_matches(COMMAND_MARK);
    ctx.push(
        ctx.diag(
            Code::AnswerLooksLikeCommand,
            span,
            format!(
                "the accepted answer `{answer}` is a command in plain mode: a learner who types it {does}"
            ),
        )
        .with_help(format!(
            "in plain mode `/` followed by a command word is a command; write the answer without the leading `/` (`\"{word}\"`), which plain mode grades as an answer"
        )),
    );
}

/// `type = "order"`: items in the right order, at least two, no two alike once folded as
/// answers are (or learners could not tell them apart).
fn order(ctx: &mut Ctx, fields: &Fields) -> QuestionKind {
    let items = ctx.plain_strings(fields, "items");
    require(
        ctx,
        fields,
        "items",
        "order",
        "add `items = [\"first\", \"second\", …]` in the right order",
    );
    if let Some(list) = &items {
        if list.len() < 2 {
            ctx.push(
                ctx.diag(
                    Code::OrderTooFewItems,
                    value_span(fields, "items"),
                    format!(
                        "an order question needs at least two items, this one has {}",
                        list.len()
                    ),
                )
                .with_help("add the items in the right order"),
            );
        }
        let mut seen: HashSet<String> = HashSet::new();
        for (item, span) in list {
            if item.trim().is_empty() {
                ctx.push(ctx.diag(Code::EmptyText, span.clone(), "an item is empty"));
            } else if !seen.insert(fold_answer(item)) {
                ctx.push(
                    ctx.diag(
                        Code::OrderDuplicateItem,
                        span.clone(),
                        format!("`{item}` is listed twice"),
                    )
                    .with_help("every item must be different, or learners cannot tell them apart"),
                );
            }
        }
    }
    QuestionKind::Order {
        items: items.unwrap_or_default().into_iter().map(|i| i.0).collect(),
    }
}

/// `type = "match"`: `[[quiz.question.pair]]` tables with `left` and `right`, at least two with
/// both; one without `left` is a distractor. No item and no partner twice, once folded as
/// answers are (or learners could not tell them apart).
fn match_pairs(ctx: &mut Ctx, fields: &Fields) -> QuestionKind {
    let tables = ctx.required_tables(
        fields,
        "pair",
        "add `[[quiz.question.pair]]` tables with `left` and `right`",
    );
    let mut pairs = Vec::new();
    let mut distractors = Vec::new();
    let mut lefts: HashMap<String, Range<usize>> = HashMap::new();
    let mut rights: HashMap<String, Range<usize>> = HashMap::new();
    let mut complete = true;
    for (table, header) in &tables {
        let pair = Fields::new(table, header.clone(), "pair");
        let left = ctx.plain(&pair, "left", Need::NonEmptyIfGiven);
        let right = ctx.plain(&pair, "right", Need::NonEmpty);
        ctx.unknown_keys(&pair, keys::PAIR);
        if let Some((text, span)) = &left {
            twice(ctx, &mut lefts, text, span.clone(), "an item");
        }
        if let Some((text, span)) = &right {
            twice(ctx, &mut rights, text, span.clone(), "a partner");
        }
        match (left, right, pair.get("left").is_some()) {
            (Some((left, _)), Some((right, _)), _) => pairs.push(MatchPair { left, right }),
            (None, Some((right, _)), false) => distractors.push(right),
            _ => complete = false,
        }
    }
    if let Some((key, _)) = fields.get("pair") {
        if complete && pairs.len() < 2 {
            ctx.push(
                ctx.diag(
                    Code::MatchPairCount,
                    key.span(),
                    format!(
                        "a match question needs at least two pairs with `left` and `right`, this one has {}",
                        pairs.len()
                    ),
                )
                .with_help("add another `[[quiz.question.pair]]` with `left` and `right`; a pair without `left` is a distractor and does not count"),
            );
        }
        let partners = pairs.len() + distractors.len();
        if partners > MAX_PARTNERS {
            ctx.push(
                ctx.diag(
                    Code::MatchPairCount,
                    key.span(),
                    format!(
                        "a match question offers at most {MAX_PARTNERS} partners (a to z), this one has {partners}"
                    ),
                )
                .with_help("split it into two questions, or leave out some distractors"),
            );
        }
    }
    QuestionKind::Match { pairs, distractors }
}

/// Reports (E037) `text` when `seen` has it already (folded as answers are).
fn twice(
    ctx: &mut Ctx,
    seen: &mut HashMap<String, Range<usize>>,
    text: &str,
    span: Range<usize>,
    what: &str,
) {
    if text.trim().is_empty() {
        return;
    }
    match seen.get(&fold_answer(text)) {
        Some(first) => {
            let line = ctx.line_of(first.start);
            ctx.push(
                ctx.diag(
                    Code::MatchDuplicate,
                    span,
                    format!("`{text}` is {what} of this question twice"),
                )
                .with_help(format!(
                    "it is first written on line {line}; every item and every partner must be different, or learners cannot tell them apart"
                )),
            );
        }
        None => {
            seen.insert(fold_answer(text), span);
        }
    }
}

/// `type = "numeric"`: the right number (`answer` with `tolerance`, or `min` and `max`), an
/// optional `unit`, and `[[quiz.question.range]]` tables of partly right numbers.
fn numeric(ctx: &mut Ctx, fields: &Fields) -> QuestionKind {
    let right = number_range(ctx, fields, "this numeric question");
    let unit = ctx.plain(fields, "unit", Need::NonEmptyIfGiven);
    let mut ranges = Vec::new();
    for (table, header) in ctx.tables(fields, "range") {
        let range = Fields::new(table, header, "range");
        let numbers = number_range(ctx, &range, "this range");
        let credit = ctx.credit(&range, "credit");
        if range.get("credit").is_none() {
            ctx.push(
                ctx.diag(
                    Code::MissingKey,
                    range.header.clone(),
                    "this range has no `credit`",
                )
                .with_help(
                    "add `credit = 50` (the percent of the point a number in the range earns)",
                ),
            );
        }
        ctx.unknown_keys(&range, keys::RANGE);
        if let (Some(range), Some((credit, _))) = (numbers, credit) {
            ranges.push(CreditRange { range, credit });
        }
    }
    QuestionKind::Numeric {
        right: right.unwrap_or(NumberRange::Around {
            answer: 0.0,
            tolerance: 0.0,
        }),
        unit: unit.map(|u| u.0),
        ranges,
    }
}

/// The numbers a numeric question (or one of its ranges, `what`) accepts: `answer` with an
/// optional `tolerance`, or `min` and `max`; never both, never neither.
fn number_range(ctx: &mut Ctx, fields: &Fields, what: &str) -> Option<NumberRange> {
    let answer = ctx.number(fields, "answer");
    let tolerance = ctx.number(fields, "tolerance");
    let min = ctx.number(fields, "min");
    let max = ctx.number(fields, "max");
    let given = |key: &str| fields.get(key).map(|(k, _)| k.span());
    let around = given("answer").or_else(|| given("tolerance"));
    let between = given("min").or_else(|| given("max"));
    if let (Some(_), Some(span)) = (&around, &between) {
        ctx.push(
            ctx.diag(
                Code::NumericAnswerTwice,
                span.clone(),
                format!("{what} has `answer` (or `tolerance`) and `min`/`max`; it takes one or the other"),
            )
            .with_help("keep `answer` (with `tolerance` when close is right too), or `min` and `max` for a range"),
        );
        return None;
    }
    if let Some((tolerance, span)) = &tolerance
        && *tolerance < 0.0
    {
        ctx.push(
            ctx.diag(
                Code::NegativeTolerance,
                span.clone(),
                format!("`tolerance` must not be negative, found {tolerance}"),
            )
            .with_help("give how far from `answer` a number may be and still count, such as 0.5 (0 for exactly)"),
        );
    }
    if around.is_some() {
        if fields.get("answer").is_none() {
            ctx.push(
                ctx.diag(
                    Code::NumericWithoutAnswer,
                    fields.header.clone(),
                    format!("{what} has `tolerance` but no `answer`"),
                )
                .with_help("add `answer = …`: the tolerance is how far from it a number may be"),
            );
            return None;
        }
        let tolerance = tolerance.map_or(Some(0.0), |t| (t.0 >= 0.0).then_some(t.0));
        return Some(NumberRange::Around {
            answer: answer?.0,
            tolerance: tolerance?,
        });
    }
    if between.is_some() {
        let missing = if fields.get("min").is_none() {
            Some("min")
        } else if fields.get("max").is_none() {
            Some("max")
        } else {
            None
        };
        if let Some(key) = missing {
            ctx.push(
                ctx.diag(
                    Code::NumericWithoutAnswer,
                    fields.header.clone(),
                    format!("{what} has no `{key}`"),
                )
                .with_help(
                    "give both ends of the range, `min = …` and `max = …` (they may be equal)",
                ),
            );
            return None;
        }
        let ((min, min_span), (max, _)) = (min?, max?);
        if min > max {
            ctx.push(
                ctx.diag(
                    Code::NumericMinAboveMax,
                    min_span,
                    format!("`min` ({min}) is greater than `max` ({max})"),
                )
                .with_help("swap the two numbers: `min` is the lowest number that counts"),
            );
            return None;
        }
        return Some(NumberRange::Between { min, max });
    }
    ctx.push(
        ctx.diag(
            Code::NumericWithoutAnswer,
            fields.header.clone(),
            format!("{what} has no right number"),
        )
        .with_help("add `answer = 42` (with `tolerance = 0.5` when close is right too), or `min = 40` and `max = 45`"),
    );
    None
}

/// Reports the key a question of type `kind` cannot do without when it is absent.
fn require(ctx: &mut Ctx, fields: &Fields, key: &str, kind: &str, help: &str) {
    if fields.get(key).is_none() {
        ctx.push(
            ctx.diag(
                Code::MissingKey,
                fields.header.clone(),
                format!("this {kind} question has no `{key}`"),
            )
            .with_help(help),
        );
    }
}

/// Where the value of `key` is written, or the question's table when it is not.
fn value_span(fields: &Fields, key: &str) -> Range<usize> {
    fields
        .get(key)
        .map_or(fields.header.clone(), |(_, v)| v.span())
}

/// Keys that belong to another type than `this`, then keys no type knows. Without a known
/// type, only keys no type knows are reported.
fn check_keys(ctx: &mut Ctx, fields: &Fields, this: &str, type_keys: Option<&[&str]>) {
    let mut known: Vec<&str> = keys::QUESTION_COMMON.to_vec();
    for (_, keys) in keys::QUESTION_TYPES {
        known.extend_from_slice(keys);
    }
    let Some(type_keys) = type_keys else {
        ctx.unknown_keys(fields, &known);
        return;
    };
    let mut allowed: Vec<&str> = keys::QUESTION_COMMON.to_vec();
    allowed.extend_from_slice(type_keys);
    for (key, _) in fields.table.iter() {
        let name = key.get_ref().as_ref();
        if allowed.contains(&name) {
            continue;
        }
        let owners: Vec<&str> = keys::QUESTION_TYPES
            .iter()
            .filter(|(_, keys)| keys.contains(&name))
            .map(|(owner, _)| *owner)
            .collect();
        if !owners.is_empty() {
            let words: Vec<&str> = owners.iter().map(|o| type_in_words(o)).collect();
            let types: Vec<String> = owners.iter().map(|o| format!("`type = \"{o}\"`")).collect();
            ctx.push(
                ctx.diag(
                    Code::KeyNotForType,
                    key.span(),
                    format!(
                        "`{name}` does not belong to {} (`type = \"{this}\"`)",
                        question_in_words(this)
                    ),
                )
                .with_help(format!(
                    "`{name}` is for {} questions ({}); {} takes {}",
                    words.join(" or "),
                    types.join(" or "),
                    question_in_words(this),
                    list_keys(type_keys)
                )),
            );
        }
    }
    ctx.unknown_keys_except(fields, &allowed, &known);
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn every_question_type_of_the_format_has_its_function() {
        let mut ctx = Ctx::new(Path::new("m.toml"), "");
        let table = ctx.parse().expect("empty TOML parses");
        let fields = Fields::new(&table, 0..0, "question");
        for (name, _) in keys::QUESTION_TYPES {
            assert!(
                parse_kind(&mut ctx, &fields, name, 0..0).is_some(),
                "{name}"
            );
        }
    }
}
