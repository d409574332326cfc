//! The final exam's keys: the screen before a timed exam starts, answers recorded without
//! feedback, moving between questions, flags, the summary before handing in, more time in the
//! last minute, the time-out, the result, and the profile asked for when a certificate is due.
//! Every move is saved so the exam resumes.

use std::time::{Duration, Instant};

use super::profile::FormStep;
use super::quiz::{answer_from, choice_count, edit_answer, partial_match};
use super::{record, saved};
use crate::exam::{EXTENSION_MINUTES, ExamRun, WARNING_SECONDS};
use crate::i18n::{self, T};
use crate::profile::Profile;
use crate::session::{
    CertificateStatus, certificate_status, closed_text, exam_gate, exam_title, read_course,
    retime_text, terms_text,
};
use crate::tui::action::Action;
use crate::tui::state::{
    AnswerInput, ExamDone, ExamPhase, ExamScreen, LibraryScreen, ProfileForm, Screen, State,
};
use crate::tui::view::body_height;

/// Opens the final exam of course `course`: the one under way where it stopped, with the time
/// that was left (and more, when `--time-factor`/`--untimed` ask for it now), else a new one
/// drawn; a new timed one first shows what it asks and waits for Enter. A closed exam is one
/// sentence, and the screen stays.
pub fn open_exam(state: &mut State, course: usize) {
    let back = match &state.screen {
        Screen::Library(screen) => screen.clone(),
        _ => LibraryScreen::default(),
    };
    // The language of the exam's own course, whatever screen it is opened from.
    let lang = state
        .lang_override
        .or_else(|| {
            state
                .library
                .courses
                .get(course)
                .and_then(|c| i18n::Lang::from_tag(&c.language))
        })
        .unwrap_or(i18n::Lang::En);
    if let Err(reason) = read_course(&mut state.library, course) {
        state.notice = Some(i18n::exam_unreadable(lang, &reason));
        return;
    }
    let exam = match exam_gate(&state.library, state.store.progress(), course) {
        Ok(exam) => exam.clone(),
        Err(closed) => {
            state.notice = Some(closed_text(&closed, lang));
            return;
        }
    };
    let Some(c) = state.library.courses.get(course) else {
        return;
    };
    let title = exam_title(&exam, lang);
    let running = state
        .store
        .progress()
        .courses
        .get(&c.id)
        .and_then(|p| p.exam.running.clone());
    let resumed = running.and_then(|r| ExamRun::from_stored(c, &exam, &r));
    let (run, phase, mut said) = match resumed {
        Some((mut run, left_out)) => {
            let retimed = run.retime(exam.time_limit_minutes, state.time);
            let mut said = vec![i18n::exam_resumed(
                lang,
                run.current + 1,
                run.len(),
                run.remaining(0),
            )];
            said.extend(retime_text(retimed, &run.terms, lang));
            if left_out > 0 {
                said.push(i18n::exam_left_out(lang, left_out));
            }
            // Saved below as every opened exam is: new terms go with it.
            (run, ExamPhase::Question, said)
        }
        None => {
            let drawn = ExamRun::draw(
                c,
                &exam,
                state.time,
                &mut state.shuffler,
                &crate::progress::now(),
            );
            let run = match drawn {
                Ok(run) => run,
                Err(closed) => {
                    state.notice = Some(closed_text(&closed, lang));
                    return;
                }
            };
            // A timed exam waits on its first screen for Enter; an untimed one costs nothing
            // to open, and its screen says the same as the line below.
            let phase = if run.limit_seconds.is_some() {
                ExamPhase::Start
            } else {
                ExamPhase::Question
            };
            let mut said = Vec::new();
            if matches!(phase, ExamPhase::Question) {
                said.push(i18n::exam_intro(
                    lang,
                    &title,
                    run.len(),
                    None,
                    run.pass_percent,
                ));
                said.extend(terms_text(&run.terms, lang).map(|t| i18n::exam_terms_line(lang, &t)));
                said.push(T::ExamNoFeedback.get(lang).to_owned());
            }
            (run, phase, said)
        }
    };
    let input = input_at(&run, run.current, lang);
    state.screen = Screen::Exam(Box::new(ExamScreen {
        course,
        title,
        run,
        input,
        clock: Instant::now(),
        phase,
        scroll: 0,
        hint: None,
        back,
    }));
    save(state);
    if let Some(notice) = state.notice.take() {
        said.push(notice);
    }
    state.notice = (!said.is_empty()).then(|| said.join(" "));
}

/// The input of question `position`, showing the answer given there.
fn input_at(run: &ExamRun, position: usize, lang: i18n::Lang) -> AnswerInput {
    match run.drawn.get(position) {
        Some(drawn) => AnswerInput::with_answer(
            &drawn.question.kind,
            &drawn.order,
            run.answers.get(position).and_then(Option::as_ref),
            lang,
        ),
        None => AnswerInput::TrueFalse {
            cursor: 0,
            picked: None,
        },
    }
}

/// Whole seconds passed since `clock`, taken off it (the rest of a second stays for later).
fn take_seconds(clock: &mut Instant) -> u64 {
    let seconds = clock.elapsed().as_secs();
    *clock += Duration::from_secs(seconds);
    seconds
}

/// The exam as it is now, written to progress.
fn save(state: &mut State) {
    let Screen::Exam(screen) = &state.screen else {
        return;
    };
    if !matches!(screen.phase, ExamPhase::Question | ExamPhase::Summary) {
        return;
    }
    let (course, run) = (screen.course, screen.run.clone());
    let notice = record(state).exam_saved(course, &run);
    saved(state, notice);
}

/// The time spent since the last look taken off the exam; when it is up, the exam is handed
/// in. True when it was.
fn spend_time(state: &mut State) -> bool {
    let Screen::Exam(screen) = &mut state.screen else {
        return false;
    };
    if !matches!(screen.phase, ExamPhase::Question | ExamPhase::Summary) {
        return false;
    }
    let seconds = take_seconds(&mut screen.clock);
    screen.run.spend(seconds);
    if screen.run.timed_out(0) {
        hand_in(state, true);
        let lang = state.lang();
        // What was said before (such as "under way") is no longer true.
        state.notice = Some(T::ExamTimeUp.get(lang).to_owned());
        return true;
    }
    false
}

/// A second passed: the time left is shown anew, and an exam whose time is up is handed in.
pub fn tick(state: &mut State) {
    if !matches!(state.screen, Screen::Exam(_)) {
        return;
    }
    let before = match &state.screen {
        Screen::Exam(s) => s.run.used_seconds,
        _ => 0,
    };
    let ended = spend_time(state);
    // Saved once a minute meanwhile, so a killed player loses little time.
    if let Screen::Exam(s) = &state.screen
        && !ended
        && s.run.used_seconds / 60 != before / 60
    {
        save(state);
    }
}

/// Before the player ends: the time spent so far is saved with the exam.
pub fn leaving(state: &mut State) {
    if matches!(state.screen, Screen::Exam(_)) && !spend_time(state) {
        save(state);
    }
}

pub(super) fn update(state: &mut State, action: Action) {
    if spend_time(state) {
        return;
    }
    let Screen::Exam(screen) = &state.screen else {
        return;
    };
    match screen.phase {
        ExamPhase::Start => start(state, action),
        ExamPhase::Question => question(state, action),
        ExamPhase::Summary => summary(state, action),
        ExamPhase::Profile(_) => {
            profile(state, action);
            field_into_view(state);
        }
        ExamPhase::Result(_) => result(state, action),
    }
}

/// Enter starts the exam: it is saved from now on and its time runs. Esc goes back; nothing of
/// it was saved, so nothing counts.
fn start(state: &mut State, action: Action) {
    let lang = state.lang();
    let height = body_height(state);
    let Screen::Exam(screen) = &mut state.screen else {
        return;
    };
    match action {
        Action::Activate => {
            screen.phase = ExamPhase::Question;
            screen.clock = Instant::now();
            screen.scroll = 0;
            save(state);
            state.notice = Some(T::ExamNoFeedback.get(lang).to_owned());
        }
        Action::Back => {
            state.screen = Screen::Library(screen.back.clone());
        }
        Action::Up | Action::ScrollUp => screen.scroll = screen.scroll.saturating_sub(1),
        Action::Down | Action::ScrollDown => screen.scroll += 1,
        Action::PageUp => screen.scroll = screen.scroll.saturating_sub(height),
        Action::PageDown => screen.scroll += height,
        _ => {}
    }
}

fn question(state: &mut State, action: Action) {
    let lang = state.lang();
    let height = body_height(state);
    let Screen::Exam(screen) = &mut state.screen else {
        return;
    };
    let pos = screen.run.current;
    let Some(drawn) = screen.run.drawn.get(pos) else {
        return;
    };
    let choices = choice_count(&drawn.question.kind);
    screen.hint = None;
    match action {
        Action::Back => {
            keep_changed_answer(screen, lang);
            save(state);
            let Screen::Exam(screen) = &state.screen else {
                return;
            };
            state.screen = Screen::Library(screen.back.clone());
            state.notice = Some(T::ExamSaved.get(lang).to_owned());
        }
        Action::Activate => match answer_from(&screen.input, &drawn.order, lang) {
            Ok(answer) => {
                screen.run.answer(pos, answer);
                match next_open(&screen.run, pos) {
                    Some(next) => go(screen, next, lang),
                    None => screen.phase = ExamPhase::Summary,
                }
                save(state);
            }
            Err(hint) => screen.hint = (!hint.is_empty()).then_some(hint),
        },
        Action::PrevQuestion | Action::NextQuestion => {
            keep_changed_answer(screen, lang);
            let n = screen.run.len();
            let to = if action == Action::NextQuestion {
                (pos + 1) % n
            } else {
                (pos + n - 1) % n
            };
            go(screen, to, lang);
            save(state);
        }
        Action::Flag => {
            screen.run.toggle_flag(pos);
            let said = if screen.run.flagged[pos] {
                T::ExamFlagged
            } else {
                T::ExamUnflagged
            };
            save(state);
            state.notice = Some(said.get(lang).to_owned());
        }
        Action::HandIn => {
            keep_changed_answer(screen, lang);
            screen.phase = ExamPhase::Summary;
            save(state);
        }
        Action::MoreTime => match screen.run.remaining(0) {
            Some(left) if left <= WARNING_SECONDS => {
                screen.run.extend();
                let left = screen.run.remaining(0).unwrap_or(0);
                save(state);
                state.notice = Some(i18n::exam_extended(lang, EXTENSION_MINUTES, left));
            }
            _ => state.notice = Some(T::ExamNoMoreTime.get(lang).to_owned()),
        },
        Action::ScrollUp => screen.scroll = screen.scroll.saturating_sub(1),
        Action::ScrollDown => screen.scroll += 1,
        Action::PageUp => screen.scroll = screen.scroll.saturating_sub(height),
        Action::PageDown => screen.scroll += height,
        action => edit_answer(&mut screen.input, action, choices),
    }
}

/// An answer built on screen but not recorded with Enter is kept when the learner moves on,
/// as long as it differs from the empty input (an order question starts out complete).
fn keep_changed_answer(screen: &mut ExamScreen, lang: i18n::Lang) {
    let pos = screen.run.current;
    let Some(drawn) = screen.run.drawn.get(pos) else {
        return;
    };
    let untouched = AnswerInput::with_answer(
        &drawn.question.kind,
        &drawn.order,
        screen.run.answers[pos].as_ref(),
        lang,
    );
    if screen.input == untouched {
        return;
    }
    // A match answer is kept with the items given a partner so far: in an exam every pair
    // counts on its own.
    if let Some(answer) = answer_from(&screen.input, &drawn.order, lang)
        .ok()
        .or_else(|| partial_match(&screen.input, &drawn.order))
    {
        screen.run.answer(pos, answer);
    }
}

fn go(screen: &mut ExamScreen, position: usize, lang: i18n::Lang) {
    screen.run.go(position);
    screen.input = input_at(&screen.run, screen.run.current, lang);
    screen.scroll = 0;
}

/// The next question without an answer after `pos` (wrapping round), `None` when all are answered.
fn next_open(run: &ExamRun, pos: usize) -> Option<usize> {
    let n = run.len();
    (1..=n)
        .map(|step| (pos + step) % n)
        .find(|&i| run.answers[i].is_none())
}

fn summary(state: &mut State, action: Action) {
    let lang = state.lang();
    let Screen::Exam(screen) = &mut state.screen else {
        return;
    };
    match action {
        Action::Activate => hand_in(state, false),
        Action::Back => {
            let run = &screen.run;
            let back_to = (0..run.len())
                .find(|&i| run.answers[i].is_none() || run.flagged[i])
                .unwrap_or(run.current);
            go(screen, back_to, lang);
            screen.phase = ExamPhase::Question;
            save(state);
        }
        _ => {}
    }
}

/// Grades the exam and keeps the result; after a pass, the certificate when it is due.
fn hand_in(state: &mut State, timed_out: bool) {
    let lang = state.lang();
    let Screen::Exam(screen) = &mut state.screen else {
        return;
    };
    let result = screen.run.hand_in(timed_out);
    let (course, run) = (screen.course, screen.run.clone());
    screen.scroll = 0;
    let notice = record(state).exam_handed_in(course, &run, &result);
    saved(state, notice);
    let wants_certificate = result.passed
        && state.certify.is_some()
        && state
            .library
            .courses
            .get(course)
            .is_some_and(|c| c.certificate.is_some());
    // Issued before or not, a passed exam gives a certificate with the best results.
    let certificate = if !wants_certificate {
        Vec::new()
    } else if certificate_status(&state.library, state.store.progress(), course)
        == CertificateStatus::NotYet
    {
        vec![T::ExamCertificateNotYet.get(lang).to_owned()]
    } else {
        match Profile::load(state.store.path()) {
            Ok(Some(profile)) => issue(state, course, &profile),
            Ok(None) => {
                if let Screen::Exam(screen) = &mut state.screen {
                    screen.phase = ExamPhase::Profile(ProfileForm {
                        result: Some(result),
                        ..ProfileForm::default()
                    });
                }
                return;
            }
            Err(error) => vec![error.text(lang)],
        }
    };
    if let Screen::Exam(screen) = &mut state.screen {
        screen.phase = ExamPhase::Result(ExamDone {
            result,
            certificate,
        });
    }
}

/// Issues the certificate and records it (`certified_at`, and a learning record when an LRS is
/// set); the lines say where its files are, or why it could not be issued. The full-screen
/// quiz's result issues it the same way.
pub(super) fn issue(state: &mut State, course: usize, profile: &Profile) -> Vec<String> {
    let lang = state.lang();
    let Some(certify) = state.certify.clone() else {
        return Vec::new();
    };
    let outcome = record(state).certificate(course, profile, &certify);
    let lines = outcome.lines(lang);
    saved(state, outcome.notice);
    lines
}

/// Name and birth date: typed, checked as `kurs profile set` checks them, saved, then the
/// certificate issued. Esc goes on without one.
fn profile(state: &mut State, action: Action) {
    let lang = state.lang();
    let Screen::Exam(screen) = &mut state.screen else {
        return;
    };
    let course = screen.course;
    let ExamPhase::Profile(form) = &mut screen.phase else {
        return;
    };
    let certificate = match super::profile::edit(form, action, lang) {
        FormStep::Editing => return,
        FormStep::Skipped => vec![T::CertificateLater.get(lang).to_owned()],
        FormStep::Entered(profile) => {
            let result = form.result.take();
            let certificate = match profile.save(state.store.path()) {
                Ok(()) => issue(state, course, &profile),
                Err(error) => vec![error.text(lang)],
            };
            if let (Screen::Exam(screen), Some(result)) = (&mut state.screen, result) {
                screen.phase = ExamPhase::Result(ExamDone {
                    result,
                    certificate,
                });
            }
            return;
        }
    };
    if let Some(result) = form.result.take() {
        screen.phase = ExamPhase::Result(ExamDone {
            result,
            certificate,
        });
    }
}

/// The field being typed stays on screen (with the problems below it, as far as they fit).
fn field_into_view(state: &mut State) {
    let height = body_height(state);
    let width = crate::tui::view::content_width(state.width);
    let Screen::Exam(screen) = &state.screen else {
        return;
    };
    if !matches!(screen.phase, ExamPhase::Profile(_)) {
        return;
    }
    let doc = crate::tui::view::exam::document(state, screen, width);
    let line = doc.first_line_of(crate::tui::view::quiz::QuizTarget::Input);
    let scroll = super::profile::field_scroll(screen.scroll, line, height, doc.len());
    if let Screen::Exam(screen) = &mut state.screen {
        screen.scroll = scroll;
    }
}

fn result(state: &mut State, action: Action) {
    let height = body_height(state);
    let Screen::Exam(screen) = &mut state.screen else {
        return;
    };
    match action {
        Action::Back => {
            let back = screen.back.clone();
            state.screen = Screen::Library(back);
        }
        Action::Up | Action::ScrollUp => screen.scroll = screen.scroll.saturating_sub(1),
        Action::Down | Action::ScrollDown => screen.scroll += 1,
        Action::PageUp => screen.scroll = screen.scroll.saturating_sub(height),
        Action::PageDown => screen.scroll += height,
        Action::Home => screen.scroll = 0,
        Action::End => screen.scroll = usize::MAX / 2,
        _ => {}
    }
}
