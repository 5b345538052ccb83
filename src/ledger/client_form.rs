//! Creating or editing a client, with each field checked as the user types.

use crate::clock::today;
use crate::components::change_error_text;
use crate::components::fields::{
    error_count, field_error, focus_first_invalid, TermsField, TextArea, TextField,
};
use crate::i18n::shared::use_shared_texts;
use crate::ledger::texts::{ledger_tr, use_ledger_texts};
use crate::shell::route::{navigate, Route};
use crate::shell::NotFound;
use crate::storage::Store;
use encaisse_domain::model::client::{Address, ClientField, ClientForm, ClientKind, Contact};
use encaisse_domain::values::ids::ClientId;
use leptos::prelude::*;

#[component]
pub fn ClientFormPage(editing: Option<ClientId>) -> impl IntoView {
    let store = expect_context::<Store>();
    let existing = editing.map(|id| {
        store
            .ledger()
            .with_untracked(|l| l.client(id).map(|c| c.details.clone()))
    });
    match existing {
        Some(None) => NotFound().into_any(),
        Some(Some(details)) => {
            view! { <ClientFormView editing form=ClientForm::from_details(&details)/> }.into_any()
        }
        None => view! { <ClientFormView editing form=ClientForm::default()/> }.into_any(),
    }
}

#[component]
fn ClientFormView(editing: Option<ClientId>, form: ClientForm) -> impl IntoView {
    let own = use_ledger_texts();
    let shared = use_shared_texts();
    let store = expect_context::<Store>();
    let text = |value: &str| RwSignal::new(value.to_string());
    let name = text(&form.name);
    let kind = RwSignal::new(form.kind);
    let registration = text(&form.registration);
    let line1 = text(&form.address.line1);
    let line2 = text(&form.address.line2);
    let postal_code = text(&form.address.postal_code);
    let city = text(&form.address.city);
    let country = text(if form.address.country.is_empty() && editing.is_none() {
        "France"
    } else {
        &form.address.country
    });
    let payer_name = text(&form.payer.name);
    let email = text(&form.payer.email);
    let phone = text(&form.payer.phone);
    let iban = text(&form.iban);
    let bic = text(&form.bic);
    // A new client starts with the issuer's usual terms.
    let terms = RwSignal::new(if editing.is_none() {
        store
            .ledger()
            .with_untracked(|l| l.settings().issuer.default_terms)
    } else {
        form.terms
    });
    let credit_limit = text(&form.credit_limit);
    let contractual_rate = text(&form.contractual_rate);
    let notes = text(&form.notes);
    let submitted = RwSignal::new(false);
    let save_error = RwSignal::new(None::<String>);

    let current = move || ClientForm {
        name: name.get(),
        kind: kind.get(),
        registration: registration.get(),
        address: Address {
            line1: line1.get(),
            line2: line2.get(),
            postal_code: postal_code.get(),
            city: city.get(),
            country: country.get(),
        },
        payer: Contact {
            name: payer_name.get(),
            email: email.get(),
            phone: phone.get(),
        },
        iban: iban.get(),
        bic: bic.get(),
        terms: terms.get(),
        credit_limit: credit_limit.get(),
        contractual_rate: contractual_rate.get(),
        notes: notes.get(),
    };
    let validation = Memo::new(move |_| current().validate());
    let error_of = move |field: ClientField| field_error(validation, field);
    let error_count = move || error_count(validation);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        let Ok(details) = validation.get_untracked() else {
            // Take the keyboard user to the first field to fix.
            focus_first_invalid();
            return;
        };
        let result = match editing {
            Some(id) => store.change(|ledger| ledger.update_client(id, details).map(|_| id)),
            None => store.change(|ledger| Ok(ledger.add_client(details, today()))),
        };
        match result {
            Ok(id) => navigate(&Route::Client(id)),
            Err(error) => save_error.set(Some(change_error_text(&error))),
        }
    };
    let show_all = Signal::derive(move || submitted.get());
    let back = match editing {
        Some(id) => Route::Client(id).href(),
        None => Route::Clients.href(),
    };

    view! {
        <section class="page narrow">
            <h1>{move || if editing.is_some() { own.get().client_edit_title } else { own.get().client_new_title }}</h1>
            <form novalidate on:submit=on_submit data-testid="client-form">
                <fieldset>
                    <legend>{ledger_tr(|t| t.section_identity)}</legend>
                    <TextField id="client-name" label=move || own.get().f_name.to_string() value=name error=error_of(ClientField::Name) show_all required=true autocomplete="organization"/>
                    <div class="field">
                        <span class="label" id="client-kind-label">{ledger_tr(|t| t.f_kind)}</span>
                        <div class="segmented" role="radiogroup" aria-labelledby="client-kind-label">
                            <label><input type="radio" name="client-kind" value="business" prop:checked=move || kind.get() == ClientKind::Business on:change=move |_| kind.set(ClientKind::Business)/>{ledger_tr(|t| t.kind_business)}</label>
                            <label><input type="radio" name="client-kind" value="individual" prop:checked=move || kind.get() == ClientKind::Individual on:change=move |_| kind.set(ClientKind::Individual)/>{ledger_tr(|t| t.kind_individual)}</label>
                        </div>
                        <Show when=move || kind.get() == ClientKind::Individual>
                            <p class="hint">{ledger_tr(|t| t.hint_individual)}</p>
                        </Show>
                    </div>
                    <TextField id="client-registration" label=move || own.get().f_registration.to_string() value=registration error=error_of(ClientField::Registration) show_all inputmode="numeric" hint=Signal::derive(move || own.get().hint_registration.to_string())/>
                </fieldset>
                <fieldset>
                    <legend>{ledger_tr(|t| t.section_address)}</legend>
                    <TextField id="client-line1" label=move || own.get().f_line1.to_string() value=line1 show_all autocomplete="address-line1"/>
                    <TextField id="client-line2" label=move || own.get().f_line2.to_string() value=line2 show_all autocomplete="address-line2"/>
                    <div class="field-row">
                        <TextField id="client-postal-code" label=move || own.get().f_postal_code.to_string() value=postal_code error=error_of(ClientField::PostalCode) show_all autocomplete="postal-code" inputmode="numeric"/>
                        <TextField id="client-city" label=move || own.get().f_city.to_string() value=city show_all autocomplete="address-level2"/>
                    </div>
                    <TextField id="client-country" label=move || own.get().f_country.to_string() value=country show_all autocomplete="country-name"/>
                </fieldset>
                <fieldset>
                    <legend>{ledger_tr(|t| t.section_payer)}</legend>
                    <TextField id="client-payer-name" label=move || own.get().f_payer_name.to_string() value=payer_name show_all autocomplete="name"/>
                    <div class="field-row">
                        <TextField id="client-email" label=move || own.get().f_email.to_string() value=email error=error_of(ClientField::PayerEmail) show_all kind="email" autocomplete="email" inputmode="email"/>
                        <TextField id="client-phone" label=move || own.get().f_phone.to_string() value=phone error=error_of(ClientField::PayerPhone) show_all kind="tel" autocomplete="tel" inputmode="tel"/>
                    </div>
                </fieldset>
                <fieldset>
                    <legend>{ledger_tr(|t| t.section_bank)}</legend>
                    <div class="field-row">
                        <TextField id="client-iban" label=move || own.get().f_iban.to_string() value=iban error=error_of(ClientField::Iban) show_all/>
                        <TextField id="client-bic" label=move || own.get().f_bic.to_string() value=bic error=error_of(ClientField::Bic) show_all/>
                    </div>
                </fieldset>
                <fieldset>
                    <legend>{ledger_tr(|t| t.section_terms)}</legend>
                    <TermsField id="client-terms" terms/>
                    <TextField id="client-credit-limit" label=move || own.get().f_credit_limit.to_string() value=credit_limit error=error_of(ClientField::CreditLimit) show_all inputmode="decimal" hint=Signal::derive(move || own.get().hint_credit_limit.to_string())/>
                    <TextField
                        id="client-contractual-rate"
                        label=move || shared.get().f_contractual_rate.to_string()
                        value=contractual_rate
                        error=error_of(ClientField::ContractualRate)
                        show_all
                        inputmode="decimal"
                        hint=Signal::derive(move || shared.get().hint_contractual_rate.to_string())
                    />
                    <TextArea id="client-notes" label=move || own.get().f_notes.to_string() value=notes error=error_of(ClientField::Notes)/>
                </fieldset>
                <p class="form-error" role="alert">
                    {move || (submitted.get() && error_count() > 0).then(|| (shared.get().form_has_errors)(error_count()))}
                    {move || save_error.get()}
                </p>
                <div class="actions">
                    <button type="submit">{ledger_tr(|t| t.save)}</button>
                    <a class="button secondary" href=back>{ledger_tr(|t| t.cancel)}</a>
                </div>
            </form>
        </section>
    }
}
