//! What an import will do, before the user's word: the figures, the lines left out and why,
//! and the new clients and invoices one by one.

use super::focus_on_mount;
use super::texts::{import_texts, itr};
use crate::components::{date, eur};
use crate::i18n::use_t;
use crate::storage::Store;
use encaisse_domain::files::import::plan::{ClientRef, ImportPlan};
use encaisse_domain::model::imports::InvoiceColumns;
use encaisse_domain::Decimal;
use leptos::prelude::*;

/// How the file was read: the planner that made the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Fec,
    /// An invoices CSV read with these columns, remembered for its layout once imported.
    InvoicesCsv {
        signature: String,
        columns: InvoiceColumns,
    },
}

#[component]
pub fn PlanView(
    plan: ImportPlan,
    source: Source,
    on_import: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let t = use_t();
    let i = import_texts();
    let ledger = expect_context::<Store>().ledger();
    let summary = plan.summary();
    let file_name = plan.file_name.clone().unwrap_or_default();
    let creates_nothing = plan.creates_nothing();
    let heading = focus_on_mount();
    let known_anything =
        summary.existing_invoices + summary.existing_credit_notes + summary.existing_payments > 0;

    let (invoices, invoices_total) = (summary.new_invoices, summary.invoices_total);
    let (new_clients, known_clients) = (summary.new_clients, summary.existing_clients);
    let (notes, notes_total) = (summary.credit_notes, summary.credit_notes_total);
    let (payments, payments_total, allocated) = (
        summary.payments,
        summary.payments_total,
        summary.allocated_total,
    );
    let (known_invoices, known_notes, known_payments) = (
        summary.existing_invoices,
        summary.existing_credit_notes,
        summary.existing_payments,
    );
    let figures = view! {
        <ul class="import-figures">
            {(invoices > 0).then(|| view! {
                <li>{move || (i().invoices)(invoices, &eur(t, invoices_total))}</li>
            })}
            {(new_clients + known_clients > 0).then(|| view! {
                <li>{move || (i().clients)(new_clients, known_clients)}</li>
            })}
            {(notes > 0).then(|| view! {
                <li>{move || (i().credit_notes)(notes, &eur(t, notes_total))}</li>
            })}
            {(payments > 0).then(|| view! {
                <li>{move || (i().payments)(payments, &eur(t, payments_total), &eur(t, allocated))}</li>
            })}
            {known_anything.then(|| view! {
                <li>{move || (i().already_known)(known_invoices, known_notes, known_payments)}</li>
            })}
        </ul>
    };

    let refused = plan.refused.clone();
    let refused_count = refused.len();
    let refused_view = (!refused.is_empty()).then(|| {
        view! {
            <div class="warning import-refused">
                <h3>{move || (i().refused_title)(refused_count)}</h3>
                <ul>
                    {refused.into_iter().map(|line| view! {
                        <li>{move || (i().refused_line)(&line, t.get())}</li>
                    }).collect_view()}
                </ul>
                <p>{itr(|i| i.refused_left_out)}</p>
            </div>
        }
    });

    // Client names as the import will record them: the ledger's for a recognised client.
    let client_name = |client: ClientRef| match client {
        ClientRef::Existing(id) => ledger.with_untracked(|l| l.client_name(id)),
        ClientRef::New(index) => plan
            .new_clients
            .get(index)
            .map(|c| c.details.name.clone())
            .unwrap_or_default(),
    };
    let invoice_rows: Vec<(String, String, _, _, Decimal)> = plan
        .new_invoices
        .iter()
        .map(|invoice| {
            (
                invoice.number.clone(),
                client_name(invoice.client),
                invoice.issue_date,
                invoice.terms.due_date(invoice.issue_date),
                invoice.total(),
            )
        })
        .collect();
    let client_rows: Vec<(String, String)> = plan
        .new_clients
        .iter()
        .map(|c| (c.details.name.clone(), c.details.registration.clone()))
        .collect();
    let details = (!invoice_rows.is_empty() || !client_rows.is_empty()).then(|| view! {
        <details class="import-details">
            <summary>{itr(|i| i.details_summary)}</summary>
            {(!client_rows.is_empty()).then(|| view! {
                <div class="table-wrap">
                    <table>
                        <caption>{itr(|i| i.new_clients_caption)}</caption>
                        <thead><tr>
                            <th scope="col">{itr(|i| i.col_name)}</th>
                            <th scope="col">{itr(|i| i.col_siren)}</th>
                        </tr></thead>
                        <tbody>
                            {client_rows.into_iter().map(|(name, registration)| view! {
                                <tr><th scope="row">{name}</th><td>{registration}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            })}
            {(!invoice_rows.is_empty()).then(|| view! {
                <div class="table-wrap">
                    <table>
                        <caption>{itr(|i| i.new_invoices_caption)}</caption>
                        <thead><tr>
                            <th scope="col">{itr(|i| i.col_number)}</th>
                            <th scope="col">{itr(|i| i.col_client)}</th>
                            <th scope="col">{itr(|i| i.col_issue_date)}</th>
                            <th scope="col">{itr(|i| i.col_due_date)}</th>
                            <th scope="col" class="num">{itr(|i| i.col_total)}</th>
                        </tr></thead>
                        <tbody>
                            {invoice_rows.into_iter().map(|(number, client, issued, due, total)| view! {
                                <tr>
                                    <th scope="row">{number}</th>
                                    <td>{client}</td>
                                    <td class="nowrap">{move || date(t, issued)}</td>
                                    <td class="nowrap">{move || date(t, due)}</td>
                                    <td class="num">{move || eur(t, total)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            })}
        </details>
    });

    view! {
        <section class="panel import-plan" aria-labelledby="import-plan-title">
            <h2 id="import-plan-title" tabindex="-1" node_ref=heading>{move || (i().plan_title)(&file_name)}</h2>
            <p class="hint">{move || match source {
                Source::Fec => i().plan_fec,
                Source::InvoicesCsv { .. } => i().plan_csv,
            }}</p>
            {figures}
            {creates_nothing.then(|| view! {
                <p class="import-nothing"><strong>{move || if known_anything {
                    i().nothing_new
                } else {
                    i().nothing_importable
                }}</strong></p>
            })}
            {refused_view}
            {details}
            <div class="actions">
                <button
                    type="button"
                    class="primary"
                    disabled=creates_nothing
                    on:click=move |_| on_import.run(())
                >{itr(|i| i.import)}</button>
                <button type="button" class="secondary" on:click=move |_| on_cancel.run(())>{itr(|i| i.cancel)}</button>
            </div>
        </section>
    }
}
