//! Creating or editing an invoice, or preparing one as a draft; the due date follows the
//! terms as they change, and a new invoice (or a draft being issued) for a client over its
//! credit limit, graded E or blocked warns with the actions to propose.

use crate::clock::today;
use crate::components::change_error_text;
use crate::components::fields::{
    error_count, field_error, focus_first_invalid, TermsField, TextArea, TextField,
};
use crate::components::{client_choices, date, eur};
use crate::i18n::shared::use_shared_texts;
use crate::i18n::use_t;
use crate::ledger::texts::{ledger_tr, use_ledger_texts};
use crate::shell::route::{navigate, Route};
use crate::shell::NotFound;
use crate::storage::Store;
use chrono::Datelike;
use encaisse_domain::analysis::credit;
use encaisse_domain::model::invoice::{
    parse_date, vat_for, InvoiceField, InvoiceForm, VAT_RATES_BP,
};
use encaisse_domain::values::format::format_percent_bp;
use encaisse_domain::values::ids::{ClientId, DraftId, InvoiceId};
use encaisse_domain::values::iso_date;
use encaisse_domain::values::money::parse_amount;
use encaisse_domain::values::problem::Problem;
use encaisse_domain::Decimal;
use leptos::prelude::*;

/// What the form works on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// A new invoice, for this client when it is known.
    New(Option<ClientId>),
    /// An issued invoice being corrected.
    Invoice(InvoiceId),
    /// A draft being finished: saved again or issued.
    Draft(DraftId),
}

#[component]
pub fn InvoiceFormPage(target: Target) -> impl IntoView {
    let store = expect_context::<Store>();
    let form = store.ledger().with_untracked(|ledger| match target {
        Target::Invoice(id) => ledger.invoice(id).map(InvoiceForm::from_invoice),
        Target::Draft(id) => ledger.draft(id).map(|d| {
            let mut form = InvoiceForm::from_details(&d.details);
            // The number proposed when the draft was saved may have been taken since, and an
            // invoice is dated the day it is issued: numbers and dates must run together.
            if !ledger.is_number_free(&form.number, None) {
                form.number = ledger.suggested_invoice_number(today().year());
            }
            if d.details.issue_date < today() {
                form.issue_date = iso_date::format(today());
            }
            form
        }),
        Target::New(client) => {
            let terms = client
                .and_then(|c| ledger.client(c))
                .map(|c| c.details.terms)
                .unwrap_or_default();
            Some(InvoiceForm {
                number: ledger.suggested_invoice_number(today().year()),
                client,
                issue_date: iso_date::format(today()),
                terms,
                net: String::new(),
                vat_rate_bp: VAT_RATES_BP[0],
                contractual_rate: String::new(),
                description: String::new(),
            })
        }
    });
    match form {
        Some(form) => view! { <InvoiceFormView target form/> }.into_any(),
        None => NotFound().into_any(),
    }
}

#[component]
fn InvoiceFormView(target: Target, form: InvoiceForm) -> impl IntoView {
    let editing = match target {
        Target::Invoice(id) => Some(id),
        _ => None,
    };
    let draft = match target {
        Target::Draft(id) => Some(id),
        _ => None,
    };
    let t = use_t();
    let own = use_ledger_texts();
    let shared = use_shared_texts();
    let store = expect_context::<Store>();
    let ledger = store.ledger();
    let number = RwSignal::new(form.number.clone());
    let client = RwSignal::new(form.client);
    let issue_date = RwSignal::new(form.issue_date.clone());
    let terms = RwSignal::new(form.terms);
    let net = RwSignal::new(form.net.clone());
    let vat_rate = RwSignal::new(form.vat_rate_bp);
    let contractual_rate = RwSignal::new(form.contractual_rate.clone());
    let description = RwSignal::new(form.description.clone());
    let submitted = RwSignal::new(false);
    let save_error = RwSignal::new(None::<String>);
    let client_touched = RwSignal::new(false);

    // A new invoice takes the chosen client's terms, until the user changes them.
    let terms_touched = RwSignal::new(editing.is_some());
    let take_client = move |value: String| {
        let chosen = value.parse().ok().map(ClientId);
        client.set(chosen);
        client_touched.set(true);
        if !terms_touched.get_untracked() {
            if let Some(client_terms) =
                chosen.and_then(|c| ledger.with_untracked(|l| l.client(c).map(|c| c.details.terms)))
            {
                terms.set(client_terms);
            }
        }
    };
    let clients = Memo::new(move |_| {
        ledger.with(|l| {
            let current = client.get_untracked();
            client_choices(l, |c| !c.archived || Some(c.id) == current)
        })
    });

    let current = move || InvoiceForm {
        number: number.get(),
        client: client.get(),
        issue_date: issue_date.get(),
        terms: terms.get(),
        net: net.get(),
        vat_rate_bp: vat_rate.get(),
        contractual_rate: contractual_rate.get(),
        description: description.get(),
    };
    let validation = Memo::new(move |_| {
        let result = current().validate();
        let number_taken = !ledger.with(|l| l.is_number_free(&number.get(), editing))
            && !number.get().trim().is_empty();
        match (result, number_taken) {
            (Ok(_), true) => Err(vec![encaisse_domain::values::problem::FieldError::new(
                InvoiceField::Number,
                Problem::InvoiceNumberTaken,
            )]),
            (Err(mut errors), true) => {
                errors.insert(
                    0,
                    encaisse_domain::values::problem::FieldError::new(
                        InvoiceField::Number,
                        Problem::InvoiceNumberTaken,
                    ),
                );
                Err(errors)
            }
            (result, false) => result,
        }
    });
    let error_of = move |field: InvoiceField| field_error(validation, field);
    let error_count = move || error_count(validation);
    let due = move || {
        parse_date(&issue_date.get())
            .ok()
            .map(|d| terms.get().due_date(d))
    };
    let amounts = move || {
        parse_amount(&net.get())
            .ok()
            .map(|n| (vat_for(n, vat_rate.get()), n + vat_for(n, vat_rate.get())))
    };
    let show_all = Signal::derive(move || submitted.get());
    // Credit control for a new invoice: the client's standing is gathered once per client,
    // then each amount typed is checked against it without another pass over the ledger.
    let standing = Memo::new(move |_| {
        let chosen = client.get().filter(|_| editing.is_none())?;
        Some(ledger.with(|l| credit::standing(l, chosen, today(), draft)))
    });
    let credit_check = move || {
        standing.with(|standing| {
            let total = amounts().map_or(Decimal::ZERO, |(_, total)| total);
            standing
                .as_ref()
                .map(|s| s.check(total))
                .filter(|check| !check.warnings.is_empty())
        })
    };

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        client_touched.set(true);
        let Ok(details) = validation.get_untracked() else {
            focus_first_invalid();
            return;
        };
        let result = match target {
            Target::Invoice(id) => store.change(|l| l.update_invoice(id, details).map(|_| id)),
            Target::Draft(id) => store.change(|l| l.issue_draft(id, details)),
            Target::New(_) => store.change(|l| l.add_invoice(details)),
        };
        match result {
            Ok(id) => navigate(&Route::Invoice(id)),
            Err(error) => save_error.set(Some(change_error_text(&error))),
        }
    };
    // A draft needs what an invoice needs but a free number: that is checked when it is issued.
    let save_draft = move |_| {
        submitted.set(true);
        client_touched.set(true);
        let Ok(details) = current().validate() else {
            focus_first_invalid();
            return;
        };
        let client = details.client;
        let result = match draft {
            Some(id) => store.change(|l| l.update_draft(id, details)),
            None => store.change(|l| l.save_draft(details).map(drop)),
        };
        match result {
            Ok(()) => navigate(&Route::Client(client)),
            Err(error) => save_error.set(Some(change_error_text(&error))),
        }
    };
    let delete_draft = move |_| {
        let Some(id) = draft else { return };
        if !crate::components::confirm(own.get_untracked().confirm_delete_draft) {
            return;
        }
        match store.change(|l| l.delete_draft(id)) {
            Ok(()) => navigate(&Route::Invoices {
                status: None,
                client: None,
            }),
            Err(error) => save_error.set(Some(change_error_text(&error))),
        }
    };
    let client_error = move || {
        if client_touched.get() || submitted.get() {
            error_of(InvoiceField::Client).get()
        } else {
            None
        }
    };
    let back = match (editing, form.client) {
        (Some(id), _) => Route::Invoice(id).href(),
        (None, Some(c)) => Route::Client(c).href(),
        (None, None) => Route::Invoices {
            status: None,
            client: None,
        }
        .href(),
    };
    let title = move || match target {
        Target::Invoice(_) => own.get().invoice_edit_title,
        Target::Draft(_) => own.get().draft_title,
        Target::New(_) => own.get().invoice_new_title,
    };

    view! {
        <section class="page narrow">
            <h1>{title}</h1>
            {draft.is_some().then(|| view! { <p class="hint">{ledger_tr(|t| t.draft_hint)}</p> })}
            <form novalidate on:submit=on_submit data-testid="invoice-form">
                <div class="field" class:invalid=move || client_error().is_some()>
                    <label for="invoice-client">{ledger_tr(|t| t.f_client)}<span class="required" aria-hidden="true">" *"</span></label>
                    <select id="invoice-client" name="invoice-client" required
                        aria-invalid=move || if client_error().is_some() { "true" } else { "false" }
                        aria-describedby="invoice-client-error"
                        on:change=move |ev| take_client(event_target_value(&ev))>
                        <option value="" selected=move || client.get().is_none()>{ledger_tr(|t| t.choose_client)}</option>
                        <For each=move || clients.get() key=|(id, name)| (*id, name.clone()) let:((id, name))>
                            <option value=id.to_string() selected=move || client.get() == Some(id)>{name}</option>
                        </For>
                    </select>
                    <p class="error" id="invoice-client-error" aria-live="polite">{client_error}</p>
                </div>
                <div class="field-row">
                    <TextField id="invoice-number" label=move || own.get().f_number.to_string() value=number error=error_of(InvoiceField::Number) show_all required=true/>
                    <TextField id="invoice-issue-date" label=move || own.get().f_issue_date.to_string() value=issue_date error=error_of(InvoiceField::IssueDate) show_all kind="date" required=true/>
                </div>
                <div on:change=move |_| terms_touched.set(true) on:input=move |_| terms_touched.set(true)>
                    <TermsField id="invoice-terms" terms hint=Signal::derive(move || own.get().terms_from_client.to_string())/>
                </div>
                <p class="due-date" aria-live="polite" data-testid="due-date">
                    {ledger_tr(|t| t.due_date)}" : "<strong>{move || due().map(|d| date(t, d)).unwrap_or_else(|| "—".into())}</strong>
                </p>
                <div class="field-row">
                    <TextField id="invoice-net" label=move || own.get().f_net.to_string() value=net error=error_of(InvoiceField::Net) show_all inputmode="decimal" required=true/>
                    <div class="field">
                        <label for="invoice-vat-rate">{ledger_tr(|t| t.f_vat_rate)}</label>
                        <select id="invoice-vat-rate" on:change=move |ev| vat_rate.set(event_target_value(&ev).parse().unwrap_or(VAT_RATES_BP[0]))>
                            {VAT_RATES_BP.into_iter().map(|bp| view! {
                                <option value=bp.to_string() selected=move || vat_rate.get() == bp>
                                    {move || if bp == 0 { own.get().vat_exempt.to_string() } else { format_percent_bp(bp, t.get().locale) }}
                                </option>
                            }).collect_view()}
                        </select>
                    </div>
                </div>
                <dl class="totals" aria-live="polite">
                    <dt>{ledger_tr(|t| t.vat)}</dt>
                    <dd>{move || amounts().map(|(vat, _)| eur(t, vat)).unwrap_or_else(|| "—".into())}</dd>
                    <dt>{ledger_tr(|t| t.total_incl_vat)}</dt>
                    <dd data-testid="invoice-total"><strong>{move || amounts().map(|(_, total)| eur(t, total)).unwrap_or_else(|| "—".into())}</strong></dd>
                </dl>
                {move || credit_check().map(|check| {
                    let t = t.get();
                    let own = own.get();
                    view! {
                        <div class="warning credit-warning" role="status" data-testid="credit-warning">
                            <p><strong>{own.credit_warning_title}</strong></p>
                            {check.warnings.iter().map(|w| view! { <p>{(own.credit_warning)(w, t.locale)}</p> }).collect_view()}
                            <ul>
                                {check.actions.iter().map(|a| view! { <li>{(own.credit_action)(a, t.locale)}</li> }).collect_view()}
                            </ul>
                        </div>
                    }
                })}
                <TextField
                    id="invoice-contractual-rate"
                    label=move || shared.get().f_contractual_rate.to_string()
                    value=contractual_rate
                    error=error_of(InvoiceField::ContractualRate)
                    show_all
                    inputmode="decimal"
                    hint=Signal::derive(move || own.get().hint_invoice_rate.to_string())
                />
                <TextArea id="invoice-description" label=move || own.get().f_description.to_string() value=description error=error_of(InvoiceField::Description)/>
                <p class="form-error" role="alert">
                    {move || (submitted.get() && error_count() > 0).then(|| (shared.get().form_has_errors)(error_count()))}
                    {move || save_error.get()}
                </p>
                <div class="actions">
                    <button type="submit">{move || if editing.is_some() { own.get().save } else { own.get().issue_invoice }}</button>
                    {editing.is_none().then(|| view! {
                        <button type="button" class="secondary" on:click=save_draft>{ledger_tr(|t| t.save_as_draft)}</button>
                    })}
                    {draft.is_some().then(|| view! {
                        <button type="button" class="danger" on:click=delete_draft>{ledger_tr(|t| t.delete_draft)}</button>
                    })}
                    <a class="button secondary" href=back>{ledger_tr(|t| t.cancel)}</a>
                </div>
            </form>
        </section>
    }
}
