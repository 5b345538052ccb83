//! Navigation state lives in the URL fragment (`#/clients/12`), so any screen's link can be
//! opened directly, reloaded or bookmarked from any static host, at the root or under a
//! sub-path, with no server rewrite.

use encaisse_domain::model::invoice::{parse_date, InvoiceStatus};
use encaisse_domain::values::ids::{BankLineId, ClientId, DraftId, InvoiceId, PaymentPlanId};
use encaisse_domain::values::iso_date;
use encaisse_domain::values::params::{first, parse_query};
use encaisse_domain::NaiveDate;
use leptos::prelude::*;

/// The query value of the forecast's "beyond the usual delay" list.
const BEYOND_USUAL_DELAY: &str = "inhabituel";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Clients,
    ClientNew,
    Client(ClientId),
    ClientEdit(ClientId),
    Invoices {
        status: Option<InvoiceStatus>,
        client: Option<ClientId>,
    },
    InvoiceNew {
        client: Option<ClientId>,
    },
    Invoice(InvoiceId),
    InvoiceEdit(InvoiceId),
    /// A draft invoice, reopened in the invoice form to finish, save again or issue.
    Draft(DraftId),
    PaymentNew {
        client: Option<ClientId>,
        invoice: Option<InvoiceId>,
    },
    /// The aging report (balance âgée) as of a date; None is today.
    Aging {
        as_of: Option<NaiveDate>,
    },
    /// The payments received in a month (its first day), invoice by invoice: a bar of the
    /// dashboard's collections chart.
    Collected {
        month: NaiveDate,
    },
    /// The invoices expected to be paid in a week (its Monday): a bar of the cash-in forecast.
    Expected {
        week: NaiveDate,
    },
    /// The overdue invoices already later than their client's usual delay: the amount the
    /// cash-in forecast shows apart.
    BeyondUsualDelay,
    /// The best and worst payers, the scores that fell, and how scores are computed.
    Payers,
    /// The penalty calculator; its form is the query, kept as written so that the page
    /// can name a bad parameter.
    Calculator(String),
    Settings,
    /// Today's reminder queue.
    Reminders,
    /// The reminder due today for a client: its message, e-mail and letter.
    ReminderMessage(ClientId),
    /// The note about one instalment (from 0) of a payment plan, due today.
    InstalmentMessage {
        plan: PaymentPlanId,
        instalment: u16,
    },
    /// A client's collection file: promises, payment plans, litigation, its own plan.
    Collection(ClientId),
    /// The default reminder plan and the issuer's letterhead.
    ReminderSettings,
    /// Bank statements: reading a file, reconciling its credits with open invoices, and the
    /// pointage of each account; `line` is a bank line to show (a payment's link back).
    Reconciliation {
        line: Option<BankLineId>,
    },
    /// Invoices, clients and payments taken from an FEC or an invoicing tool's CSV, and the
    /// past imports, each of which can be undone.
    Import,
    NotFound,
}

impl Route {
    /// Reads a fragment such as `#/factures?statut=overdue&client=3`.
    pub fn parse(hash: &str) -> Route {
        let hash = hash.trim_start_matches('#');
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let id = |s: &str| s.parse::<u64>().ok();
        let params = parse_query(query);
        let value = |name: &str| first(&params, name);
        let query_id = |name: &str| value(name).and_then(|v| v.parse::<u64>().ok());
        match segments.as_slice() {
            [] => Route::Home,
            ["clients"] => Route::Clients,
            ["clients", "nouveau"] => Route::ClientNew,
            ["clients", n] => id(n).map_or(Route::NotFound, |n| Route::Client(ClientId(n))),
            ["clients", n, "modifier"] => {
                id(n).map_or(Route::NotFound, |n| Route::ClientEdit(ClientId(n)))
            }
            ["factures"] => Route::Invoices {
                status: value("statut").and_then(InvoiceStatus::from_slug),
                client: query_id("client").map(ClientId),
            },
            ["factures", "nouvelle"] => Route::InvoiceNew {
                client: query_id("client").map(ClientId),
            },
            ["factures", "brouillons", n] => {
                id(n).map_or(Route::NotFound, |n| Route::Draft(DraftId(n)))
            }
            ["factures", n] => id(n).map_or(Route::NotFound, |n| Route::Invoice(InvoiceId(n))),
            ["factures", n, "modifier"] => {
                id(n).map_or(Route::NotFound, |n| Route::InvoiceEdit(InvoiceId(n)))
            }
            ["encaissement"] => Route::PaymentNew {
                client: query_id("client").map(ClientId),
                invoice: query_id("facture").map(InvoiceId),
            },
            ["balance-agee"] => Route::Aging {
                as_of: value("date").and_then(|d| parse_date(d).ok()),
            },
            ["encaissements"] => value("mois")
                .and_then(|month| iso_date::parse(&format!("{month}-01")))
                .map_or(Route::NotFound, |month| Route::Collected { month }),
            ["prevision"] if value("retard") == Some(BEYOND_USUAL_DELAY) => Route::BeyondUsualDelay,
            ["prevision"] => value("semaine")
                .and_then(iso_date::parse)
                .map_or(Route::NotFound, |week| Route::Expected { week }),
            ["payeurs"] => Route::Payers,
            ["calculateur"] => Route::Calculator(query.to_string()),
            ["parametres"] => Route::Settings,
            ["relances"] => Route::Reminders,
            ["relances", "parametres"] => Route::ReminderSettings,
            ["relances", "echeance", plan, number] => {
                match (
                    id(plan),
                    number.parse::<u16>().ok().and_then(|n| n.checked_sub(1)),
                ) {
                    (Some(plan), Some(instalment)) => Route::InstalmentMessage {
                        plan: PaymentPlanId(plan),
                        instalment,
                    },
                    _ => Route::NotFound,
                }
            }
            ["relances", n] => {
                id(n).map_or(Route::NotFound, |n| Route::ReminderMessage(ClientId(n)))
            }
            ["rapprochement"] => Route::Reconciliation {
                line: query_id("ligne").map(BankLineId),
            },
            ["import"] => Route::Import,
            ["recouvrement", n] => {
                id(n).map_or(Route::NotFound, |n| Route::Collection(ClientId(n)))
            }
            _ => Route::NotFound,
        }
    }

    /// The link to this screen: the fragment naming it (`#/clients/12`), which `parse` reads
    /// back; relative to the one page the app is, so that a host's sub-path keeps working.
    pub fn href(&self) -> String {
        let with_query = |path: &str, params: &[(&str, Option<String>)]| {
            let query: Vec<String> = params
                .iter()
                .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}={v}")))
                .collect();
            if query.is_empty() {
                format!("#/{path}")
            } else {
                format!("#/{path}?{}", query.join("&"))
            }
        };
        match self {
            Route::Home | Route::NotFound => "#/".into(),
            Route::Clients => "#/clients".into(),
            Route::ClientNew => "#/clients/nouveau".into(),
            Route::Client(id) => format!("#/clients/{id}"),
            Route::ClientEdit(id) => format!("#/clients/{id}/modifier"),
            Route::Invoices { status, client } => with_query(
                "factures",
                &[
                    ("statut", status.map(|s| s.slug().to_string())),
                    ("client", client.map(|c| c.to_string())),
                ],
            ),
            Route::InvoiceNew { client } => with_query(
                "factures/nouvelle",
                &[("client", client.map(|c| c.to_string()))],
            ),
            Route::Invoice(id) => format!("#/factures/{id}"),
            Route::InvoiceEdit(id) => format!("#/factures/{id}/modifier"),
            Route::Draft(id) => format!("#/factures/brouillons/{id}"),
            Route::PaymentNew { client, invoice } => with_query(
                "encaissement",
                &[
                    ("client", client.map(|c| c.to_string())),
                    ("facture", invoice.map(|i| i.to_string())),
                ],
            ),
            Route::Aging { as_of } => {
                with_query("balance-agee", &[("date", as_of.map(iso_date::format))])
            }
            Route::Collected { month } => {
                format!("#/encaissements?mois={}", &iso_date::format(*month)[..7])
            }
            Route::Expected { week } => format!("#/prevision?semaine={}", iso_date::format(*week)),
            Route::BeyondUsualDelay => format!("#/prevision?retard={BEYOND_USUAL_DELAY}"),
            Route::Payers => "#/payeurs".into(),
            Route::Calculator(query) if query.is_empty() => "#/calculateur".into(),
            Route::Calculator(query) => format!("#/calculateur?{query}"),
            Route::Settings => "#/parametres".into(),
            Route::Reminders => "#/relances".into(),
            Route::ReminderMessage(id) => format!("#/relances/{id}"),
            Route::InstalmentMessage { plan, instalment } => {
                format!("#/relances/echeance/{plan}/{}", instalment + 1)
            }
            Route::Collection(id) => format!("#/recouvrement/{id}"),
            Route::ReminderSettings => "#/relances/parametres".into(),
            Route::Reconciliation { line } => {
                with_query("rapprochement", &[("ligne", line.map(|l| l.to_string()))])
            }
            Route::Import => "#/import".into(),
        }
    }
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The current route, following the fragment as the user navigates.
pub fn provide_route() -> ReadSignal<Route> {
    let (route, set_route) = signal(Route::parse(&current_hash()));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        set_route.set(Route::parse(&current_hash()))
    });
    on_cleanup(move || handle.remove());
    provide_context(route);
    route
}

pub fn use_route() -> ReadSignal<Route> {
    expect_context::<ReadSignal<Route>>()
}

/// Goes to a screen as a link would (the back button returns here).
pub fn navigate(route: &Route) {
    let _ = window()
        .location()
        .set_hash(route.href().trim_start_matches('#'));
}
