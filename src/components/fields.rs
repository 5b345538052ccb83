//! Labelled form fields whose message shows beside them once the user has left the field or
//! tried to save. Each input is tied to its label and its message for screen readers.

use crate::i18n::{tr, use_t};
use encaisse_domain::model::terms::{EndOfMonthConvention, PaymentTerms, MAX_TERM_DAYS};
use encaisse_domain::values::problem::FieldError;
use leptos::prelude::*;

/// A form's validation, as the domain returns it: the value, or every field's problem.
pub type Checked<T, F> = Memo<Result<T, Vec<FieldError<F>>>>;

/// The message of one field of a checked form, in the current language.
pub fn field_error<T, F>(checked: Checked<T, F>, field: F) -> Signal<Option<String>>
where
    T: Clone + PartialEq + Send + Sync + 'static,
    F: Copy + PartialEq + Send + Sync + 'static,
{
    let t = use_t();
    Signal::derive(move || {
        checked.with(|v| {
            let error = v.as_ref().err()?.iter().find(|e| e.field == field)?;
            Some((t.get().problem)(&error.problem, t.get().locale))
        })
    })
}

/// How many fields of a checked form need fixing.
pub fn error_count<T, F>(checked: Checked<T, F>) -> usize
where
    T: Clone + PartialEq + Send + Sync + 'static,
    F: Clone + PartialEq + Send + Sync + 'static,
{
    checked.with(|v| v.as_ref().err().map_or(0, Vec::len))
}

/// Takes a keyboard user to the first field to fix after a refused save.
pub fn focus_first_invalid() {
    if let Ok(Some(first)) = document().query_selector("form [aria-invalid='true']") {
        let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(first).focus();
    }
}

#[component]
pub fn TextField(
    /// The input's id; a form shown more than once on a screen passes one per occurrence.
    #[prop(into)]
    id: String,
    #[prop(into)] label: Signal<String>,
    value: RwSignal<String>,
    /// The message to show for this field, if its value is wrong.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// True once the user tried to save: every message shows, touched or not.
    #[prop(optional, into)]
    show_all: Signal<bool>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] required: bool,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(default = "text")] inputmode: &'static str,
) -> impl IntoView {
    let touched = RwSignal::new(false);
    // A form that saved and emptied itself sets `show_all` back to false: its fields start
    // over untouched, or the emptied ones would say "required" under a form just saved.
    Effect::new(move |_| {
        if !show_all.get() {
            touched.set(false);
        }
    });
    let shown_error = move || {
        if touched.get() || show_all.get() {
            error.get()
        } else {
            None
        }
    };
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described_by = if hint.is_some() {
        format!("{hint_id} {error_id}")
    } else {
        error_id.clone()
    };
    view! {
        <div class="field" class:invalid=move || shown_error().is_some()>
            <label for=id.clone()>{label}{required.then_some(view! { <span class="required" aria-hidden="true">" *"</span> })}</label>
            <input
                id=id.clone()
                name=id
                type=kind
                inputmode=inputmode
                autocomplete=autocomplete
                required=required
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                on:blur=move |_| touched.set(true)
                aria-invalid=move || if shown_error().is_some() { "true" } else { "false" }
                aria-describedby=described_by
            />
            {hint.map(|hint| view! { <p class="hint" id=hint_id>{hint}</p> })}
            <p class="error" id=error_id aria-live="polite">{shown_error}</p>
        </div>
    }
}

#[component]
pub fn TextArea(
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    value: RwSignal<String>,
    #[prop(optional, into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    view! {
        <div class="field" class:invalid=move || error.get().is_some()>
            <label for=id>{label}</label>
            <textarea
                id=id
                name=id
                rows="3"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-describedby=error_id.clone()
            ></textarea>
            <p class="error" id=error_id aria-live="polite">{move || error.get()}</p>
        </div>
    }
}

fn terms_kind(terms: PaymentTerms) -> &'static str {
    match terms {
        PaymentTerms::OnReceipt => "on_receipt",
        PaymentTerms::Net { .. } => "net",
        PaymentTerms::EndOfMonth => "end_of_month",
        PaymentTerms::DaysEndOfMonth {
            convention: EndOfMonthConvention::DaysThenEndOfMonth,
            ..
        } => "eom_a",
        PaymentTerms::DaysEndOfMonth {
            convention: EndOfMonthConvention::EndOfMonthThenDays,
            ..
        } => "eom_b",
    }
}

fn days_of(terms: PaymentTerms) -> Option<u16> {
    match terms {
        PaymentTerms::Net { days } | PaymentTerms::DaysEndOfMonth { days, .. } => Some(days),
        _ => None,
    }
}

/// Payment terms: a kind, and a number of days for the kinds that have one. Warns, without
/// refusing, when the terms exceed the legal caps.
#[component]
pub fn TermsField(
    id: &'static str,
    terms: RwSignal<PaymentTerms>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
) -> impl IntoView {
    let t = use_t();
    let days_text = RwSignal::new(days_of(terms.get_untracked()).unwrap_or(30).to_string());
    let days_value = move || {
        days_text
            .get()
            .trim()
            .parse::<u16>()
            .ok()
            .filter(|d| (1..=MAX_TERM_DAYS).contains(d))
    };
    let set_kind = move |kind: String| {
        let days = days_value().unwrap_or(30);
        terms.set(match kind.as_str() {
            "on_receipt" => PaymentTerms::OnReceipt,
            "end_of_month" => PaymentTerms::EndOfMonth,
            "eom_a" => PaymentTerms::DaysEndOfMonth {
                days,
                convention: EndOfMonthConvention::DaysThenEndOfMonth,
            },
            "eom_b" => PaymentTerms::DaysEndOfMonth {
                days,
                convention: EndOfMonthConvention::EndOfMonthThenDays,
            },
            _ => PaymentTerms::Net { days },
        });
    };
    let set_days = move |text: String| {
        days_text.set(text);
        if let Some(days) = days_value() {
            terms.update(|terms| match terms {
                PaymentTerms::Net { days: d } | PaymentTerms::DaysEndOfMonth { days: d, .. } => {
                    *d = days
                }
                _ => {}
            });
        }
    };
    // Follow changes of the terms made elsewhere (a client chosen on the invoice form). Only
    // the terms are tracked: a field the user empties to retype must stay empty.
    Effect::new(move |_| {
        if let Some(days) = days_of(terms.get()) {
            let shown = days_text.with_untracked(|text| text.trim().parse::<u16>().ok());
            if shown != Some(days) {
                days_text.set(days.to_string());
            }
        }
    });
    let has_days = move || days_of(terms.get()).is_some();
    let days_error = move || {
        (has_days() && days_value().is_none()).then(|| {
            (t.get().problem)(
                &encaisse_domain::values::problem::Problem::DaysOutOfRange {
                    min: 1,
                    max: MAX_TERM_DAYS,
                },
                t.get().locale,
            )
        })
    };
    let days_id = format!("{id}-days");
    let kind_options = move || {
        let tx = t.get();
        [
            ("on_receipt", tx.terms_on_receipt),
            ("net", tx.terms_net),
            ("end_of_month", tx.terms_end_of_month),
            ("eom_a", tx.terms_days_eom_a),
            ("eom_b", tx.terms_days_eom_b),
        ]
        .into_iter()
        .map(|(value, label)| view! { <option value=value selected=move || terms_kind(terms.get()) == value>{label}</option> })
        .collect_view()
    };
    view! {
        <div class="field-row terms">
            <div class="field">
                <label for=id>{tr(|t| t.f_terms)}</label>
                <select id=id name=id on:change=move |ev| set_kind(event_target_value(&ev))>{kind_options}</select>
                {hint.map(|hint| view! { <p class="hint">{hint}</p> })}
            </div>
            <Show when=has_days>
                <div class="field days" class:invalid=move || days_error().is_some()>
                    <label for=days_id.clone()>{tr(|t| t.f_days)}</label>
                    <input
                        id=days_id.clone()
                        type="number"
                        min="1"
                        max=MAX_TERM_DAYS
                        inputmode="numeric"
                        prop:value=move || days_text.get()
                        on:input=move |ev| set_days(event_target_value(&ev))
                    />
                    <p class="error" aria-live="polite">{days_error}</p>
                </div>
            </Show>
        </div>
        <p class="warning" aria-live="polite">{move || terms.get().legal_cap_warning().map(|w| (t.get().cap_warning)(w))}</p>
    }
}
