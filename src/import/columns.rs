//! Saying which column of an invoicing tool's CSV holds what: the columns guessed from the
//! header, shown against the file's first rows for the user to correct, then planned.

use super::texts::{import_texts, itr, ImportTexts};
use super::{default_terms, focus_on_mount};
use crate::clock::today;
use crate::storage::Store;
use encaisse_domain::files::import::invoices_csv::CsvPreview;
use encaisse_domain::files::import::plan::{plan_invoices_csv, ImportPlan};
use encaisse_domain::model::imports::{DateOrder, InvoiceColumns};
use leptos::prelude::*;
use std::sync::Arc;

/// One field of the mapping: its select's id, its label, and how it reads and writes the
/// mapping. A required field has no "none" choice.
#[derive(Clone, Copy)]
struct Field {
    id: &'static str,
    label: fn(&'static ImportTexts) -> &'static str,
    get: fn(&InvoiceColumns) -> Option<usize>,
    set: fn(&mut InvoiceColumns, Option<usize>),
    required: bool,
}

const FIELDS: [Field; 13] = [
    Field {
        id: "col-number",
        label: |i| i.field_number,
        get: |c| Some(c.number),
        set: |c, v| c.number = v.unwrap_or(0),
        required: true,
    },
    Field {
        id: "col-client",
        label: |i| i.field_client,
        get: |c| Some(c.client),
        set: |c, v| c.client = v.unwrap_or(0),
        required: true,
    },
    Field {
        id: "col-issue-date",
        label: |i| i.field_issue_date,
        get: |c| Some(c.issue_date),
        set: |c, v| c.issue_date = v.unwrap_or(0),
        required: true,
    },
    Field {
        id: "col-due-date",
        label: |i| i.field_due_date,
        get: |c| c.due_date,
        set: |c, v| c.due_date = v,
        required: false,
    },
    Field {
        id: "col-net",
        label: |i| i.field_net,
        get: |c| c.net,
        set: |c, v| c.net = v,
        required: false,
    },
    Field {
        id: "col-vat",
        label: |i| i.field_vat,
        get: |c| c.vat,
        set: |c, v| c.vat = v,
        required: false,
    },
    Field {
        id: "col-total",
        label: |i| i.field_total,
        get: |c| c.total,
        set: |c, v| c.total = v,
        required: false,
    },
    Field {
        id: "col-paid",
        label: |i| i.field_paid,
        get: |c| c.paid,
        set: |c, v| c.paid = v,
        required: false,
    },
    Field {
        id: "col-payment-date",
        label: |i| i.field_payment_date,
        get: |c| c.payment_date,
        set: |c, v| c.payment_date = v,
        required: false,
    },
    Field {
        id: "col-method",
        label: |i| i.field_method,
        get: |c| c.method,
        set: |c, v| c.method = v,
        required: false,
    },
    Field {
        id: "col-siren",
        label: |i| i.field_siren,
        get: |c| c.siren,
        set: |c, v| c.siren = v,
        required: false,
    },
    Field {
        id: "col-iban",
        label: |i| i.field_iban,
        get: |c| c.iban,
        set: |c, v| c.iban = v,
        required: false,
    },
    Field {
        id: "col-terms",
        label: |i| i.field_terms,
        get: |c| c.terms,
        set: |c, v| c.terms = v,
        required: false,
    },
];

#[component]
pub fn ColumnsForm(
    file_name: String,
    text: Arc<str>,
    preview: CsvPreview,
    on_plan: Callback<(ImportPlan, InvoiceColumns)>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i = import_texts();
    let ledger = expect_context::<Store>().ledger();
    let columns = RwSignal::new(preview.suggested.clone());
    let problem = RwSignal::new(None::<String>);
    let width = preview
        .rows
        .iter()
        .map(Vec::len)
        .chain([preview.header.len()])
        .max()
        .unwrap_or(0);
    let header = StoredValue::new(preview.header.clone());
    // "3 — Date facture", or "Colonne 3" for a column the header leaves unnamed.
    let column_name = move |index: usize| {
        let name = header.with_value(|h| h.get(index).cloned().unwrap_or_default());
        if name.is_empty() {
            (i().column_number)(index + 1)
        } else {
            format!("{} — {name}", index + 1)
        }
    };

    let title_file = file_name.clone();
    let heading = focus_on_mount();
    let plan = move || {
        let chosen = columns.get_untracked();
        let planned = ledger
            .with_untracked(|l| plan_invoices_csv(l, &text, &chosen, default_terms(l), today()));
        match planned {
            Ok(plan) => {
                problem.set(None);
                let plan = ImportPlan {
                    file_name: Some(file_name.clone()),
                    ..plan
                };
                on_plan.run((plan, chosen));
            }
            Err(why) => problem.set(Some((i().file_problem)(&why))),
        }
    };

    let selects = FIELDS
        .iter()
        .map(|field| {
            let Field { id, label, get, set, required } = *field;
            view! {
                <div class="field">
                    <label for=id>{itr(label)}</label>
                    <select id=id on:change=move |ev| {
                        let value = event_target_value(&ev).parse::<usize>().ok();
                        columns.update(|c| set(c, value));
                    }>
                        {(!required).then(|| view! {
                            <option value="" selected=move || columns.with(|c| get(c).is_none())>{itr(|i| i.no_column)}</option>
                        })}
                        {(0..width).map(|index| view! {
                            <option value=index.to_string() selected=move || columns.with(|c| get(c) == Some(index))>
                                {move || column_name(index)}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
            }
        })
        .collect_view();

    view! {
        <section class="panel" aria-labelledby="import-columns-title">
            <form class="import-columns" on:submit=move |ev| { ev.prevent_default(); plan() }>
                <h2 id="import-columns-title" tabindex="-1" node_ref=heading>{move || (i().columns_title)(&title_file)}</h2>
                <p>{itr(|i| i.columns_intro)}</p>
                <div class="table-wrap">
                    <table class="preview">
                        <caption>{itr(|i| i.columns_preview)}</caption>
                        <thead>
                            <tr>
                                {(0..width).map(|index| view! { <th scope="col">{move || column_name(index)}</th> }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {preview.rows.iter().map(|row| view! {
                                <tr>
                                    {(0..width).map(|index| view! {
                                        <td>{row.get(index).cloned().unwrap_or_default()}</td>
                                    }).collect_view()}
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <div class="field-row import-fields">
                    {selects}
                    <div class="field">
                        <label for="col-date-order">{itr(|i| i.date_order)}</label>
                        <select id="col-date-order" on:change=move |ev| {
                            let order = if event_target_value(&ev) == "month-first" {
                                DateOrder::MonthFirst
                            } else {
                                DateOrder::DayFirst
                            };
                            columns.update(|c| c.date_order = order);
                        }>
                            <option value="day-first" selected=move || columns.with(|c| c.date_order == DateOrder::DayFirst)>
                                {itr(|i| i.day_first)}
                            </option>
                            <option value="month-first" selected=move || columns.with(|c| c.date_order == DateOrder::MonthFirst)>
                                {itr(|i| i.month_first)}
                            </option>
                        </select>
                    </div>
                </div>
                {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
                <div class="actions">
                    <button type="submit" class="primary">{itr(|i| i.see_plan)}</button>
                    <button type="button" class="secondary" on:click=move |_| on_cancel.run(())>{itr(|i| i.cancel)}</button>
                </div>
            </form>
        </section>
    }
}
