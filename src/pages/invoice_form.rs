//! Creating or editing an invoice; the due date follows the terms as they change, and a new
//! invoice for a client over its credit limit or graded E warns with the actions to propose.

use crate::clock::today;
use crate::components::fields::{
    error_count, field_error, focus_first_invalid, TermsField, TextArea, TextField,
};
use crate::components::{client_choices, date, eur};
use crate::i18n::{tr, use_t};
use crate::pages::{change_error_text, NotFound};
use crate::route::{navigate, Route};
use crate::storage::Store;
use chrono::Datelike;
use encaisse_domain::credit;
use encaisse_domain::format::format_percent_bp;
use encaisse_domain::ids::{ClientId, InvoiceId};
use encaisse_domain::invoice::{parse_date, vat_for, InvoiceField, InvoiceForm, VAT_RATES_BP};
use encaisse_domain::iso_date;
use encaisse_domain::money::parse_amount;
use encaisse_domain::problem::Problem;
use encaisse_domain::Decimal;
use leptos::prelude::*;

#[component]
pub fn InvoiceFormPage(editing: Option<InvoiceId>, client: Option<ClientId>) -> impl IntoView {
    let store = expect_context::<Store>();
    let form = store.ledger().with_untracked(|ledger| match editing {
        Some(id) => ledger.invoice(id).map(InvoiceForm::from_invoice),
        None => {
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
        Some(form) => view! { <InvoiceFormView editing form/> }.into_any(),
        None => NotFound().into_any(),
    }
}

#[component]
fn InvoiceFormView(editing: Option<InvoiceId>, form: InvoiceForm) -> impl IntoView {
    let t = use_t();
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
            (Ok(_), true) => Err(vec![encaisse_domain::problem::FieldError::new(
                InvoiceField::Number,
                Problem::InvoiceNumberTaken,
            )]),
            (Err(mut errors), true) => {
                errors.insert(
                    0,
                    encaisse_domain::problem::FieldError::new(
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
        Some(ledger.with(|l| credit::standing(l, chosen, today())))
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
        let result = match editing {
            Some(id) => store.change(|l| l.update_invoice(id, details).map(|_| id)),
            None => store.change(|l| l.add_invoice(details)),
        };
        match result {
            Ok(id) => navigate(&Route::Invoice(id)),
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

    view! {
        <section class="page narrow">
            <h1>{move || if editing.is_some() { t.get().invoice_edit_title } else { t.get().invoice_new_title }}</h1>
            <form novalidate on:submit=on_submit data-testid="invoice-form">
                <div class="field" class:invalid=move || client_error().is_some()>
                    <label for="invoice-client">{tr(|t| t.f_client)}<span class="required" aria-hidden="true">" *"</span></label>
                    <select id="invoice-client" name="invoice-client" required
                        aria-invalid=move || if client_error().is_some() { "true" } else { "false" }
                        aria-describedby="invoice-client-error"
                        on:change=move |ev| take_client(event_target_value(&ev))>
                        <option value="" selected=move || client.get().is_none()>{tr(|t| t.choose_client)}</option>
                        <For each=move || clients.get() key=|(id, name)| (*id, name.clone()) let:((id, name))>
                            <option value=id.to_string() selected=move || client.get() == Some(id)>{name}</option>
                        </For>
                    </select>
                    <p class="error" id="invoice-client-error" aria-live="polite">{client_error}</p>
                </div>
                <div class="field-row">
                    <TextField id="invoice-number" label=move || t.get().f_number.to_string() value=number error=error_of(InvoiceField::Number) show_all required=true/>
                    <TextField id="invoice-issue-date" label=move || t.get().f_issue_date.to_string() value=issue_date error=error_of(InvoiceField::IssueDate) show_all kind="date" required=true/>
                </div>
                <div on:change=move |_| terms_touched.set(true) on:input=move |_| terms_touched.set(true)>
                    <TermsField id="invoice-terms" terms hint=Signal::derive(move || t.get().terms_from_client.to_string())/>
                </div>
                <p class="due-date" aria-live="polite" data-testid="due-date">
                    {tr(|t| t.due_date)}" : "<strong>{move || due().map(|d| date(t, d)).unwrap_or_else(|| "—".into())}</strong>
                </p>
                <div class="field-row">
                    <TextField id="invoice-net" label=move || t.get().f_net.to_string() value=net error=error_of(InvoiceField::Net) show_all inputmode="decimal" required=true/>
                    <div class="field">
                        <label for="invoice-vat-rate">{tr(|t| t.f_vat_rate)}</label>
                        <select id="invoice-vat-rate" on:change=move |ev| vat_rate.set(event_target_value(&ev).parse().unwrap_or(VAT_RATES_BP[0]))>
                            {VAT_RATES_BP.into_iter().map(|bp| view! {
                                <option value=bp.to_string() selected=move || vat_rate.get() == bp>
                                    {move || if bp == 0 { t.get().vat_exempt.to_string() } else { format_percent_bp(bp, t.get().locale) }}
                                </option>
                            }).collect_view()}
                        </select>
                    </div>
                </div>
                <dl class="totals" aria-live="polite">
                    <dt>{tr(|t| t.vat)}</dt>
                    <dd>{move || amounts().map(|(vat, _)| eur(t, vat)).unwrap_or_else(|| "—".into())}</dd>
                    <dt>{tr(|t| t.total_incl_vat)}</dt>
                    <dd data-testid="invoice-total"><strong>{move || amounts().map(|(_, total)| eur(t, total)).unwrap_or_else(|| "—".into())}</strong></dd>
                </dl>
                {move || credit_check().map(|check| {
                    let t = t.get();
                    view! {
                        <div class="warning credit-warning" role="status" data-testid="credit-warning">
                            <p><strong>{t.credit_warning_title}</strong></p>
                            {check.warnings.iter().map(|w| view! { <p>{(t.credit_warning)(w, t.locale)}</p> }).collect_view()}
                            <ul>
                                {check.actions.iter().map(|a| view! { <li>{(t.credit_action)(a, t.locale)}</li> }).collect_view()}
                            </ul>
                        </div>
                    }
                })}
                <TextField
                    id="invoice-contractual-rate"
                    label=move || t.get().f_contractual_rate.to_string()
                    value=contractual_rate
                    error=error_of(InvoiceField::ContractualRate)
                    show_all
                    inputmode="decimal"
                    hint=Signal::derive(move || t.get().hint_invoice_rate.to_string())
                />
                <TextArea id="invoice-description" label=move || t.get().f_description.to_string() value=description error=error_of(InvoiceField::Description)/>
                <p class="form-error" role="alert">
                    {move || (submitted.get() && error_count() > 0).then(|| (t.get().form_has_errors)(error_count()))}
                    {move || save_error.get()}
                </p>
                <div class="actions">
                    <button type="submit">{tr(|t| t.save)}</button>
                    <a class="button secondary" href=back>{tr(|t| t.cancel)}</a>
                </div>
            </form>
        </section>
    }
}
