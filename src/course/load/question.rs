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
use crate::course::model::{Choice, Question, QuestionKind, fold_answer};
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

/// `type = "multiple"`: choices of which at least one is correct.
fn multiple(ctx: &mut Ctx, fields: &Fields, type_span: Range<usize>) -> QuestionKind {
    let (choices, complete) = choices(ctx, fields, "multiple");
    if complete && !choices.iter().any(|c| c.correct) {
        ctx.push(
            ctx.diag(
                Code::MultipleNeedsCorrect,
                type_span,
                "a multiple choice question needs at least one correct choice",
            )
            .with_help("mark the right choices with `correct = true`"),
        );
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
        let feedback = ctx.markdown(&choice, "feedback", Need::NonEmptyIfGiven);
        ctx.unknown_keys(&choice, keys::CHOICE);
        if let Some((text, _)) = text {
            choices.push(Choice {
                text,
                correct,
                feedback: feedback.map(|f| f.0),
            });
        }
    }
    let complete = choices.len() == tables.len() && tables.len() >= 2;
    (choices, complete)
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

/// `type = "text"`: the answers accepted for a typed reply.
fn text(ctx: &mut Ctx, fields: &Fields) -> QuestionKind {
    let accept = ctx.plain_strings(fields, "accept");
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
            for (answer, span) in list {
                if answer.trim().is_empty() {
                    ctx.push(ctx.diag(
                        Code::EmptyText,
                        span.clone(),
                        "an accepted answer is empty",
                    ));
                }
                command_like(ctx, answer, span.clone());
            }
        }
        None => {}
    }
    QuestionKind::Text {
        accept: accept
            .unwrap_or_default()
            .into_iter()
            .map(|a| a.0)
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
        if let Some((owner, _)) = keys::QUESTION_TYPES
            .iter()
            .find(|(_, keys)| keys.contains(&name))
        {
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
                    "`{name}` is for {} questions (`type = \"{owner}\"`); {} takes {}",
                    type_in_words(owner),
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
