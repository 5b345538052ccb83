//! The reminder settings: the default plan (levels with their offset, channel, tone and
//! template) and the issuer's letterhead (name, SIREN, address, IBAN and BIC, default terms,
//! the late-payment clause printed on invoices). The plan editor also serves a client's own
//! plan on its collection file.

use crate::collection::texts::{collection_tr, use_collection_texts};
use crate::components::change_error_text;
use crate::components::fields::{error_count, field_error, TermsField, TextArea, TextField};
use crate::i18n::shared::use_shared_texts;
use crate::i18n::use_t;
use crate::storage::{ChangeError, Store};
use encaisse_domain::collection::letter::late_clause::default_late_clause;
use encaisse_domain::collection::letter::{
    check_template, default_template, Placeholder, Template,
};
use encaisse_domain::collection::reminder::plan::{
    ReminderLevelForm, ReminderPlanForm, MAX_LEVELS,
};
use encaisse_domain::model::client::Address;
use encaisse_domain::model::client::ClientKind;
use encaisse_domain::model::issuer::{IssuerField, IssuerForm};
use encaisse_domain::model::reminders::ReminderPlan;
use encaisse_domain::model::reminders::{Channel, Tone};
use encaisse_domain::values::format::Locale;
use encaisse_domain::values::problem::{PlanField, PlanProblem};
use leptos::prelude::*;

#[component]
pub fn ReminderSettingsPage() -> impl IntoView {
    let store = expect_context::<Store>();
    let plan = store
        .ledger()
        .with_untracked(|l| l.reminders().plan.clone());
    let save = move |plan: ReminderPlan| store.change(|l| l.set_default_plan(plan));
    view! {
        <section class="page">
            <h1>{collection_tr(|t| t.reminder_settings_title)}</h1>
            <section class="panel" aria-labelledby="default-plan-title">
                <h2 id="default-plan-title">{collection_tr(|t| t.default_plan_section)}</h2>
                <PlanEditor plan save/>
            </section>
            <IssuerPanel/>
        </section>
    }
}

/// One level as edited: its fields as typed, and a key that stays with it when levels above
/// it are removed.
#[derive(Clone)]
struct LevelRow {
    key: usize,
    offset: RwSignal<String>,
    channel: RwSignal<Channel>,
    tone: RwSignal<Tone>,
    subject: RwSignal<String>,
    body: RwSignal<String>,
}

impl LevelRow {
    fn new(key: usize, form: &ReminderLevelForm) -> Self {
        LevelRow {
            key,
            offset: RwSignal::new(form.offset_days.clone()),
            channel: RwSignal::new(form.channel),
            tone: RwSignal::new(form.tone),
            subject: RwSignal::new(form.subject.clone()),
            body: RwSignal::new(form.body.clone()),
        }
    }

    fn form(&self) -> ReminderLevelForm {
        ReminderLevelForm {
            offset_days: self.offset.get(),
            channel: self.channel.get(),
            tone: self.tone.get(),
            subject: self.subject.get(),
            body: self.body.get(),
        }
    }
}

/// Edits a reminder plan: each level's offset, channel, tone and template, checked as typed
/// (offsets in order, known placeholders), saved whole by `save`.
#[component]
pub fn PlanEditor(
    plan: ReminderPlan,
    save: impl Fn(ReminderPlan) -> Result<(), ChangeError> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let t = use_t();
    let own = use_collection_texts();
    let shared = use_shared_texts();
    let form = ReminderPlanForm::from_plan(&plan);
    let next_key = StoredValue::new(form.levels.len());
    let rows = RwSignal::new(
        form.levels
            .iter()
            .enumerate()
            .map(|(key, level)| LevelRow::new(key, level))
            .collect::<Vec<_>>(),
    );
    let submitted = RwSignal::new(false);
    let outcome = RwSignal::new(None::<String>);
    let validation = Memo::new(move |_| {
        ReminderPlanForm {
            levels: rows.with(|rows| rows.iter().map(LevelRow::form).collect()),
        }
        .validate()
    });
    // A message per level and field: a template's own (which placeholder, where), else the
    // plan's check.
    let message_of = move |field: PlanField| {
        let t = t.get();
        let own = own.get();
        let problem = validation.with(|v| {
            v.as_ref()
                .err()
                .and_then(|errors| errors.iter().find(|e| e.field == field).map(|e| e.problem))
        })?;
        if problem == PlanProblem::TemplateInvalid {
            let row = rows.with(|rows| rows.get(field.level()?).cloned())?;
            let template = Template {
                subject: row.subject.get(),
                body: row.body.get(),
            };
            if let Err(error) = check_template(&template) {
                return Some((own.template_error)(&error));
            }
        }
        Some((t.plan_problem)(&problem))
    };
    let add = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        rows.update(|rows| {
            let offset = rows
                .last()
                .and_then(|r| r.offset.get_untracked().trim().parse::<i32>().ok())
                .map_or(1, |last| last + 15);
            rows.push(LevelRow::new(
                key,
                &ReminderLevelForm {
                    offset_days: offset.to_string(),
                    channel: Channel::Email,
                    tone: Tone::SecondReminder,
                    subject: String::new(),
                    body: String::new(),
                },
            ))
        });
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        let t = t.get_untracked();
        let own = own.get_untracked();
        let shared = shared.get_untracked();
        match validation.get_untracked() {
            Ok(plan) => match save(plan) {
                Ok(()) => outcome.set(Some(own.settings_saved.to_string())),
                Err(e) => outcome.set(Some(change_error_text(&e))),
            },
            Err(errors) => outcome.set(Some(
                match errors.iter().find(|e| e.field == PlanField::Levels) {
                    Some(e) => (t.plan_problem)(&e.problem),
                    None => (shared.form_has_errors)(errors.len()),
                },
            )),
        }
    };
    let placeholders = Placeholder::ALL
        .iter()
        .map(|p| format!("{{{}}}", p.name()))
        .collect::<Vec<_>>()
        .join(" ");
    view! {
        <form novalidate on:submit=on_submit data-testid="plan-form">
            <p class="hint">{collection_tr(|t| t.plan_intro)}</p>
            <ol class="plan-levels">
                <For each=move || rows.get().into_iter().enumerate() key=|(index, row)| (*index, row.key) let:((index, row))>
                    <LevelFields index row message_of=move |f| message_of(f) on_remove=move || rows.update(|rows| { rows.remove(index); })/>
                </For>
            </ol>
            <p class="hint">{collection_tr(|t| t.placeholders_help)}" "<code>{placeholders}</code></p>
            <p class="form-error" role="alert">{move || outcome.get()}</p>
            <div class="actions">
                <button type="submit">{collection_tr(|t| t.save_plan_levels)}</button>
                <button type="button" class="secondary" on:click=add disabled=move || { rows.with(Vec::len) >= MAX_LEVELS }>{collection_tr(|t| t.add_level)}</button>
            </div>
        </form>
    }
}

#[component]
fn LevelFields(
    index: usize,
    row: LevelRow,
    message_of: impl Fn(PlanField) -> Option<String> + Copy + Send + Sync + 'static,
    on_remove: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let own = use_collection_texts();
    let shared = use_shared_texts();
    let id = |part: &str| format!("level-{}-{part}", row.key);
    let offset_error = move || message_of(PlanField::Offset(index));
    let subject_error = move || message_of(PlanField::Subject(index));
    let body_error = move || message_of(PlanField::Body(index));
    let LevelRow {
        offset,
        channel,
        tone,
        subject,
        body,
        ..
    } = row;
    view! {
        <li class="panel plan-level" data-testid="plan-level">
            <h3>{move || (own.get().level_n)(index + 1)}</h3>
            <div class="field-row">
                <div class="field" class:invalid=move || offset_error().is_some()>
                    <label for=id("offset")>{collection_tr(|t| t.f_offset)}</label>
                    <input id=id("offset") type="text" inputmode="numeric" prop:value=move || offset.get() on:input=move |ev| offset.set(event_target_value(&ev))
                        aria-invalid=move || if offset_error().is_some() { "true" } else { "false" }/>
                    <p class="error" aria-live="polite">{offset_error}</p>
                </div>
                <div class="field">
                    <label for=id("channel")>{collection_tr(|t| t.f_channel)}</label>
                    <select id=id("channel") on:change=move |ev| channel.set(Channel::ALL[event_target_value(&ev).parse::<usize>().unwrap_or(0).min(Channel::ALL.len() - 1)])>
                        {Channel::ALL.into_iter().enumerate().map(|(i, c)| view! {
                            <option value=i.to_string() selected=move || channel.get() == c>{move || (shared.get().channel)(c)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=id("tone")>{collection_tr(|t| t.f_tone)}</label>
                    <select id=id("tone") on:change=move |ev| tone.set(Tone::ALL[event_target_value(&ev).parse::<usize>().unwrap_or(0).min(Tone::ALL.len() - 1)])>
                        {Tone::ALL.into_iter().enumerate().map(|(i, x)| view! {
                            <option value=i.to_string() selected=move || tone.get() == x>{move || (shared.get().tone)(x)}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <div class="field" class:invalid=move || subject_error().is_some()>
                <label for=id("subject")>{collection_tr(|t| t.f_subject)}</label>
                <input id=id("subject") type="text" prop:value=move || subject.get() on:input=move |ev| subject.set(event_target_value(&ev)) placeholder=move || default_text(tone.get()).subject/>
                <p class="error" aria-live="polite">{subject_error}</p>
            </div>
            <div class="field" class:invalid=move || body_error().is_some()>
                <label for=id("body")>{collection_tr(|t| t.f_body)}</label>
                <textarea id=id("body") rows="6" prop:value=move || body.get() on:input=move |ev| body.set(event_target_value(&ev)) placeholder=move || default_text(tone.get()).body></textarea>
                <p class="hint">{collection_tr(|t| t.template_default_hint)}</p>
                <p class="error" aria-live="polite">{body_error}</p>
            </div>
            <button type="button" class="secondary" on:click=move |_| on_remove()
                aria-label=move || format!("{} — {}", own.get().remove_level, (own.get().level_n)(index + 1))>{collection_tr(|t| t.remove_level)}</button>
        </li>
    }
}

/// The default French template of a tone (to a business), shown in an empty template field
/// so the user sees what will be sent and what a custom text replaces.
fn default_text(tone: Tone) -> Template {
    default_template(tone, ClientKind::Business, Locale::Fr)
}

/// Who sends the letters: the letterhead, the IBAN to pay to, the terms new clients start
/// with, the clause printed on invoices.
#[component]
fn IssuerPanel() -> impl IntoView {
    let t = use_t();
    let own = use_collection_texts();
    let shared = use_shared_texts();
    let store = expect_context::<Store>();
    let form = store
        .ledger()
        .with_untracked(|l| IssuerForm::from_issuer(&l.settings().issuer));
    let text = |value: &str| RwSignal::new(value.to_string());
    let name = text(&form.name);
    let registration = text(&form.registration);
    let line1 = text(&form.address.line1);
    let line2 = text(&form.address.line2);
    let postal_code = text(&form.address.postal_code);
    let city = text(&form.address.city);
    let country = text(&form.address.country);
    let email = text(&form.email);
    let phone = text(&form.phone);
    let iban = text(&form.iban);
    let bic = text(&form.bic);
    let terms = RwSignal::new(form.default_terms);
    let late_clause = text(&form.late_clause);
    let submitted = RwSignal::new(false);
    let outcome = RwSignal::new(None::<String>);
    let validation = Memo::new(move |_| {
        IssuerForm {
            name: name.get(),
            registration: registration.get(),
            address: Address {
                line1: line1.get(),
                line2: line2.get(),
                postal_code: postal_code.get(),
                city: city.get(),
                country: country.get(),
            },
            email: email.get(),
            phone: phone.get(),
            iban: iban.get(),
            bic: bic.get(),
            default_terms: terms.get(),
            late_clause: late_clause.get(),
        }
        .validate()
    });
    let error_of = move |field: IssuerField| field_error(validation, field);
    let show_all = Signal::derive(move || submitted.get());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        let own = own.get_untracked();
        let shared = shared.get_untracked();
        let Ok(issuer) = validation.get_untracked() else {
            outcome.set(Some((shared.form_has_errors)(error_count(validation))));
            return;
        };
        let saved = store.change(|l| {
            l.update_settings(|s| s.issuer = issuer);
            Ok(())
        });
        outcome.set(Some(match saved {
            Ok(()) => own.settings_saved.to_string(),
            Err(e) => change_error_text(&e),
        }));
    };
    let default_clause = move || default_late_clause(t.get().locale, ClientKind::Business);
    view! {
        <section class="panel" aria-labelledby="issuer-title">
            <h2 id="issuer-title">{collection_tr(|t| t.issuer_section)}</h2>
            <form novalidate on:submit=on_submit data-testid="issuer-form">
                <div class="field-row">
                    <TextField id="issuer-name" label=move || own.get().f_company.to_string() value=name error=error_of(IssuerField::Name) show_all autocomplete="organization"/>
                    <TextField id="issuer-registration" label=move || own.get().f_registration.to_string() value=registration error=error_of(IssuerField::Registration) show_all inputmode="numeric"/>
                </div>
                <TextField id="issuer-line1" label=move || own.get().f_line1.to_string() value=line1 error=error_of(IssuerField::Address) show_all autocomplete="address-line1"/>
                <TextField id="issuer-line2" label=move || own.get().f_line2.to_string() value=line2 show_all autocomplete="address-line2"/>
                <div class="field-row">
                    <TextField id="issuer-postal-code" label=move || own.get().f_postal_code.to_string() value=postal_code error=error_of(IssuerField::PostalCode) show_all autocomplete="postal-code" inputmode="numeric"/>
                    <TextField id="issuer-city" label=move || own.get().f_city.to_string() value=city show_all autocomplete="address-level2"/>
                    <TextField id="issuer-country" label=move || own.get().f_country.to_string() value=country show_all autocomplete="country-name"/>
                </div>
                <div class="field-row">
                    <TextField id="issuer-email" label=move || own.get().f_email.to_string() value=email error=error_of(IssuerField::Email) show_all kind="email" autocomplete="email" inputmode="email"/>
                    <TextField id="issuer-phone" label=move || own.get().f_phone.to_string() value=phone error=error_of(IssuerField::Phone) show_all kind="tel" autocomplete="tel" inputmode="tel"/>
                </div>
                <div class="field-row">
                    <TextField id="issuer-iban" label=move || own.get().f_iban.to_string() value=iban error=error_of(IssuerField::Iban) show_all/>
                    <TextField id="issuer-bic" label=move || own.get().f_bic.to_string() value=bic error=error_of(IssuerField::Bic) show_all/>
                </div>
                <TermsField id="issuer-terms" terms/>
                <TextArea id="issuer-late-clause" label=move || own.get().f_late_clause.to_string() value=late_clause error=error_of(IssuerField::LateClause)/>
                <p class="hint">{collection_tr(|t| t.late_clause_hint)}</p>
                <blockquote class="hint">{default_clause}</blockquote>
                <p class="form-error" role="alert">{move || outcome.get()}</p>
                <div class="actions">
                    <button type="submit">{collection_tr(|t| t.save)}</button>
                </div>
            </form>
        </section>
    }
}
