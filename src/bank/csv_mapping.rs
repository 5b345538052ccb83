//! Mapping the columns of a CSV no known layout explains: done once per bank layout, then
//! remembered with the ledger (saved with the import it allowed).

use super::texts::{bank_texts, btr};
use encaisse_domain::bank::read::csv::mapping::{layout_signature, preview, CsvPreview};
use encaisse_domain::bank::read::{read_with_columns, ReadStatement};
use encaisse_domain::model::bank_book::{AmountColumns, ColumnMapping, DateOrder, SavedMapping};
use encaisse_domain::values::read::encoding::decode;
use leptos::prelude::*;

/// The user's reading of the file: the statement, with the mapping to remember if any.
pub type Mapped = (String, ReadStatement, Option<SavedMapping>);

/// A first guess when the preview has none: the usual order of the columns.
fn first_guess(preview: &CsvPreview) -> ColumnMapping {
    preview.suggested.clone().unwrap_or(ColumnMapping {
        separator: preview.separator,
        header_row: preview.header_guess,
        date: 0,
        date_order: DateOrder::DayMonthYear,
        value_date: None,
        amount: AmountColumns::Signed(2),
        label: 1,
        details: None,
        reference: None,
    })
}

#[component]
pub fn CsvMappingForm(
    file_name: String,
    bytes: Vec<u8>,
    on_read: Callback<Mapped>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let b = bank_texts();
    let text = decode(&bytes).map(|(text, _)| text).unwrap_or_default();
    let Some(shown) = preview(&text) else {
        return view! { <p class="error" role="alert">{btr(|b| b.csv_not_readable)}</p> }
            .into_any();
    };
    let signature = layout_signature(&text);
    let mapping = RwSignal::new(first_guess(&shown));
    let problem = RwSignal::new(None::<String>);
    let columns = shown.rows.iter().map(|r| r.fields.len()).max().unwrap_or(0);
    let names: Vec<String> = (0..columns)
        .map(|i| {
            let heading = shown
                .header_guess
                .and_then(|h| shown.rows.get(h))
                .map(|r| r.get(i).to_string())
                .filter(|h| !h.is_empty());
            match heading {
                Some(h) => format!("{} — {h}", i + 1),
                None => (b().column_number)(i + 1),
            }
        })
        .collect();
    let names = StoredValue::new(names);
    let header_guess = shown.header_guess;

    let read = move |_| {
        let chosen = mapping.get_untracked();
        if let Err(why) = chosen.check(columns) {
            problem.set(Some((b().mapping_problem)(&why)));
            return;
        }
        match read_with_columns(&bytes, &chosen) {
            Ok(statement) => {
                problem.set(None);
                let saved = signature.clone().map(|signature| SavedMapping {
                    signature,
                    mapping: chosen,
                });
                on_read.run((file_name.clone(), statement, saved));
            }
            Err(why) => problem.set(Some((b().file_problem)(&why))),
        }
    };

    let column_select = move |id: &'static str,
                              label: fn(&'static super::texts::BankTexts) -> &'static str,
                              optional: bool,
                              get: fn(&ColumnMapping) -> Option<usize>,
                              set: fn(&mut ColumnMapping, Option<usize>)| {
        view! {
            <div class="field">
                <label for=id>{btr(label)}</label>
                <select id=id on:change=move |ev| {
                    let value = event_target_value(&ev).parse::<usize>().ok();
                    mapping.update(|m| set(m, value));
                }>
                    {optional.then(|| view! {
                        <option value="" selected=move || mapping.with(|m| get(m).is_none())>{btr(|b| b.no_column)}</option>
                    })}
                    {names.get_value().into_iter().enumerate().map(|(i, name)| view! {
                        <option value=i.to_string() selected=move || mapping.with(|m| get(m) == Some(i))>{name}</option>
                    }).collect_view()}
                </select>
            </div>
        }
    };
    let split = move || mapping.with(|m| matches!(m.amount, AmountColumns::DebitCredit { .. }));

    view! {
        <form class="csv-mapping" on:submit=move |ev| { ev.prevent_default(); read(()) }>
            <h3>{btr(|b| b.mapping_title)}</h3>
            <p>{btr(|b| b.mapping_intro)}</p>
            <div class="table-wrap">
                <table class="preview">
                    <caption class="visually-hidden">{btr(|b| b.mapping_preview)}</caption>
                    <tbody>
                        {shown.rows.iter().map(|row| view! {
                            <tr>
                                <th scope="row">{row.line}</th>
                                {(0..columns).map(|i| view! { <td>{row.get(i).to_string()}</td> }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || mapping.with(|m| m.header_row.is_some())
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        mapping.update(|m| m.header_row = on.then(|| header_guess.unwrap_or(0)));
                    }
                />
                {btr(|b| b.has_header)}
            </label>
            {column_select("map-date", |b| b.column_date, false, |m| Some(m.date), |m, v| m.date = v.unwrap_or(0))}
            <div class="field">
                <label for="map-date-order">{btr(|b| b.date_order)}</label>
                <select id="map-date-order" on:change=move |ev| {
                    let order = match event_target_value(&ev).as_str() {
                        "mdy" => DateOrder::MonthDayYear,
                        "ymd" => DateOrder::YearMonthDay,
                        _ => DateOrder::DayMonthYear,
                    };
                    mapping.update(|m| m.date_order = order);
                }>
                    <option value="dmy" selected=move || mapping.with(|m| m.date_order == DateOrder::DayMonthYear)>"31/12/2026"</option>
                    <option value="mdy" selected=move || mapping.with(|m| m.date_order == DateOrder::MonthDayYear)>"12/31/2026"</option>
                    <option value="ymd" selected=move || mapping.with(|m| m.date_order == DateOrder::YearMonthDay)>"2026-12-31"</option>
                </select>
            </div>
            <fieldset>
                <legend>{btr(|b| b.amount_layout)}</legend>
                <label class="check">
                    <input type="radio" name="amount-layout" prop:checked=move || !split()
                        on:change=move |_| mapping.update(|m| m.amount = AmountColumns::Signed(match m.amount {
                            AmountColumns::DebitCredit { credit, .. } => credit,
                            AmountColumns::Signed(c) => c,
                        }))/>
                    {btr(|b| b.amount_signed)}
                </label>
                <label class="check">
                    <input type="radio" name="amount-layout" prop:checked=split
                        on:change=move |_| mapping.update(|m| if let AmountColumns::Signed(c) = m.amount {
                            m.amount = AmountColumns::DebitCredit { debit: c, credit: c + 1 };
                        })/>
                    {btr(|b| b.amount_split)}
                </label>
            </fieldset>
            {move || if split() {
                view! {
                    {column_select("map-debit", |b| b.column_debit, false,
                        |m| match m.amount { AmountColumns::DebitCredit { debit, .. } => Some(debit), AmountColumns::Signed(_) => None },
                        |m, v| if let AmountColumns::DebitCredit { debit, .. } = &mut m.amount { *debit = v.unwrap_or(0) })}
                    {column_select("map-credit", |b| b.column_credit, false,
                        |m| match m.amount { AmountColumns::DebitCredit { credit, .. } => Some(credit), AmountColumns::Signed(_) => None },
                        |m, v| if let AmountColumns::DebitCredit { credit, .. } = &mut m.amount { *credit = v.unwrap_or(0) })}
                }.into_any()
            } else {
                column_select("map-amount", |b| b.column_amount, false,
                    |m| match m.amount { AmountColumns::Signed(c) => Some(c), AmountColumns::DebitCredit { .. } => None },
                    |m, v| m.amount = AmountColumns::Signed(v.unwrap_or(0))).into_any()
            }}
            {column_select("map-label", |b| b.column_label, false, |m| Some(m.label), |m, v| m.label = v.unwrap_or(0))}
            {column_select("map-value-date", |b| b.column_value_date, true, |m| m.value_date, |m, v| m.value_date = v)}
            {column_select("map-details", |b| b.column_details, true, |m| m.details, |m, v| m.details = v)}
            {column_select("map-reference", |b| b.column_reference, true, |m| m.reference, |m, v| m.reference = v)}
            {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
            <div class="actions">
                <button type="submit" class="primary">{btr(|b| b.read_with_mapping)}</button>
                <button type="button" class="secondary" on:click=move |_| on_cancel.run(())>{btr(|b| b.cancel)}</button>
            </div>
        </form>
    }
    .into_any()
}
