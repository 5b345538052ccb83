//! The small form several actions share: a date (today by default) and a few words, applied
//! as one change, with the domain's refusal shown beside it. Opening or closing a dispute,
//! blocking or unblocking a client.

use crate::clock::today;
use crate::components::change_error_text;
use crate::components::fields::TextField;
use crate::i18n::use_t;
use crate::storage::ChangeError;
use encaisse_domain::model::invoice::parse_date;
use encaisse_domain::values::iso_date;
use encaisse_domain::values::problem::Problem;
use encaisse_domain::NaiveDate;
use leptos::prelude::*;

/// Today as a date input holds it.
pub fn today_text() -> String {
    iso_date::format(today())
}

/// A date typed for something that already happened: today or before (a block or a
/// hand-over dated next month would hold while the rest of the app does not yet know it).
pub fn parse_past_date(text: &str) -> Result<NaiveDate, Problem> {
    match parse_date(text) {
        Ok(date) if date > today() => Err(Problem::DateInFuture),
        parsed => parsed,
    }
}

/// A domain problem in the current language.
pub fn problem_text(problem: &Problem) -> String {
    let t = use_t().get_untracked();
    (t.problem)(problem, t.locale)
}

/// A folded panel whose form applies `apply(date, words)`; the words are required when
/// `required` is set. The date is when the thing happened: today or before.
#[component]
pub fn DatedReasonForm(
    /// The form's test id.
    form_id: &'static str,
    /// What its fields' ids start with (`<prefix>-date`, `<prefix>-text`): one per form shown,
    /// so that each label names its own field.
    #[prop(into)]
    prefix: String,
    #[prop(into)] title: Signal<&'static str>,
    #[prop(into)] label: Signal<&'static str>,
    required: bool,
    apply: impl Fn(NaiveDate, String) -> Result<(), ChangeError> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let t = use_t();
    let day = RwSignal::new(today_text());
    let text = RwSignal::new(String::new());
    let submitted = RwSignal::new(false);
    let result = RwSignal::new(None::<String>);
    let date_error =
        Signal::derive(move || parse_past_date(&day.get()).err().map(|p| problem_text(&p)));
    let text_error = Signal::derive(move || {
        (required && text.get().trim().is_empty()).then(|| problem_text(&Problem::Required))
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        let Ok(date) = parse_past_date(&day.get_untracked()) else {
            return;
        };
        if text_error.get_untracked().is_some() {
            return;
        }
        match apply(date, text.get_untracked().trim().to_string()) {
            Ok(()) => {
                result.set(None);
                text.set(String::new());
                submitted.set(false);
            }
            Err(e) => result.set(Some(change_error_text(&e))),
        }
    };
    let (date_id, text_id) = (format!("{prefix}-date"), format!("{prefix}-text"));
    view! {
        <details class="panel">
            <summary>{move || title.get()}</summary>
            <form novalidate on:submit=submit data-testid=form_id>
                <div class="field-row">
                    <TextField id=date_id label=move || t.get().date.to_string() value=day error=date_error show_all=submitted kind="date"/>
                    <TextField id=text_id label=move || label.get().to_string() value=text error=text_error show_all=submitted required/>
                </div>
                <p class="form-error" role="alert">{move || result.get()}</p>
                <button type="submit">{move || title.get()}</button>
            </form>
        </details>
    }
}
