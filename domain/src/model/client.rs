//! The client file: who the client is, who pays, how and when.

use crate::model::terms::PaymentTerms;
use crate::values::ids::ClientId;
use crate::values::money::{parse_amount, parse_optional_rate};
use crate::values::problem::{FieldError, Problem};
use crate::values::validate::{
    check_bic, check_email, check_iban, check_phone, check_registration, french_postal_code_fits,
};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Business clients owe the 40 € indemnity and interest without notice; private individuals
/// owe neither (interest only from a formal notice).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClientKind {
    #[default]
    Business,
    Individual,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub line1: String,
    pub line2: String,
    pub postal_code: String,
    pub city: String,
    pub country: String,
}

/// The person who pays (often the accounts department, not the person who ordered).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub name: String,
    pub email: String,
    pub phone: String,
}

/// Everything the user edits about a client.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientDetails {
    pub name: String,
    pub kind: ClientKind,
    /// SIREN (9 digits) or SIRET (14 digits), digits only; empty for an individual.
    pub registration: String,
    pub address: Address,
    pub payer: Contact,
    /// Compact upper-case IBAN, or empty.
    pub iban: String,
    pub bic: String,
    pub terms: PaymentTerms,
    pub credit_limit: Option<Decimal>,
    /// An annual late-payment rate in percent agreed with this client, if any.
    pub contractual_rate: Option<Decimal>,
    pub notes: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Client {
    pub id: ClientId,
    #[serde(with = "crate::values::iso_date")]
    pub created_on: NaiveDate,
    pub archived: bool,
    pub details: ClientDetails,
    /// Every time the client was blocked (no more sales on credit), oldest first; at most the
    /// last one is still in force.
    pub credit_holds: Vec<CreditHold>,
}

/// A decision to stop selling to a client on credit, and its lifting: both dated and
/// explained, so the file keeps why and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditHold {
    #[serde(with = "crate::values::iso_date")]
    pub blocked_on: NaiveDate,
    pub reason: String,
    #[serde(with = "crate::values::iso_date::option")]
    pub lifted_on: Option<NaiveDate>,
    pub lift_reason: String,
}

impl CreditHold {
    /// Whether the hold is in force at the end of that day (lifting it ends it that day).
    pub fn in_force_on(&self, date: NaiveDate) -> bool {
        self.blocked_on <= date && self.lifted_on.is_none_or(|lifted| lifted > date)
    }
}

/// The longest reason kept for blocking or unblocking a client.
pub const HOLD_REASON_MAX: usize = 500;

impl Client {
    /// The hold not lifted yet, whatever its date: what the client's page and new invoices
    /// show.
    pub fn current_hold(&self) -> Option<&CreditHold> {
        self.credit_holds.last().filter(|h| h.lifted_on.is_none())
    }

    /// The hold in force on a date: what credit control and the "blocked" marks go by, so
    /// that a block dated ahead, or lifted ahead, takes effect on its day everywhere.
    pub fn hold_on(&self, date: NaiveDate) -> Option<&CreditHold> {
        self.credit_holds.last().filter(|h| h.in_force_on(date))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ClientField {
    Name,
    Registration,
    PostalCode,
    PayerEmail,
    PayerPhone,
    Iban,
    Bic,
    Terms,
    CreditLimit,
    ContractualRate,
    Notes,
}

/// The client form as typed, before validation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClientForm {
    pub name: String,
    pub kind: ClientKind,
    pub registration: String,
    pub address: Address,
    pub payer: Contact,
    pub iban: String,
    pub bic: String,
    pub terms: PaymentTerms,
    pub credit_limit: String,
    pub contractual_rate: String,
    pub notes: String,
}

pub const NAME_MAX: usize = 120;
pub const NOTES_MAX: usize = 4000;

impl ClientForm {
    pub fn from_details(details: &ClientDetails) -> Self {
        ClientForm {
            name: details.name.clone(),
            kind: details.kind,
            registration: details.registration.clone(),
            address: details.address.clone(),
            payer: details.payer.clone(),
            iban: details.iban.clone(),
            bic: details.bic.clone(),
            terms: details.terms,
            credit_limit: details
                .credit_limit
                .map(|l| l.to_string().replace('.', ","))
                .unwrap_or_default(),
            contractual_rate: details
                .contractual_rate
                .map(|r| r.to_string().replace('.', ","))
                .unwrap_or_default(),
            notes: details.notes.clone(),
        }
    }

    /// Validates every field at once, so the form can show all messages together.
    pub fn validate(&self) -> Result<ClientDetails, Vec<FieldError<ClientField>>> {
        let mut errors = Vec::new();
        let e = &mut errors;

        let name = self.name.trim();
        if name.is_empty() {
            e.push(FieldError::new(ClientField::Name, Problem::Required));
        } else if name.chars().count() > NAME_MAX {
            e.push(FieldError::new(
                ClientField::Name,
                Problem::TooLong { max: NAME_MAX },
            ));
        }
        let registration = optional(
            e,
            ClientField::Registration,
            &self.registration,
            check_registration,
        );
        let postal_code = self.address.postal_code.trim();
        if !french_postal_code_fits(postal_code, &self.address.country) {
            e.push(FieldError::new(
                ClientField::PostalCode,
                Problem::PostalCodeFormat,
            ));
        }
        let email = optional(e, ClientField::PayerEmail, &self.payer.email, check_email);
        let phone = optional(e, ClientField::PayerPhone, &self.payer.phone, check_phone);
        let iban = optional(e, ClientField::Iban, &self.iban, check_iban);
        let bic = optional(e, ClientField::Bic, &self.bic, check_bic);
        if let Err(p) = self.terms.check() {
            e.push(FieldError::new(ClientField::Terms, p));
        }
        let credit_limit = if self.credit_limit.trim().is_empty() {
            None
        } else {
            match parse_amount(&self.credit_limit) {
                Ok(limit) if limit < Decimal::ZERO => {
                    e.push(FieldError::new(
                        ClientField::CreditLimit,
                        Problem::AmountNegative,
                    ));
                    None
                }
                Ok(limit) => Some(limit),
                Err(p) => {
                    e.push(FieldError::new(ClientField::CreditLimit, p));
                    None
                }
            }
        };
        let contractual_rate = parse_optional_rate(&self.contractual_rate).unwrap_or_else(|p| {
            e.push(FieldError::new(ClientField::ContractualRate, p));
            None
        });
        if self.notes.chars().count() > NOTES_MAX {
            e.push(FieldError::new(
                ClientField::Notes,
                Problem::TooLong { max: NOTES_MAX },
            ));
        }

        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ClientDetails {
            name: name.to_string(),
            kind: self.kind,
            registration,
            address: Address {
                line1: self.address.line1.trim().to_string(),
                line2: self.address.line2.trim().to_string(),
                postal_code: postal_code.to_string(),
                city: self.address.city.trim().to_string(),
                country: self.address.country.trim().to_string(),
            },
            payer: Contact {
                name: self.payer.name.trim().to_string(),
                email,
                phone,
            },
            iban,
            bic,
            terms: self.terms,
            credit_limit,
            contractual_rate,
            notes: self.notes.trim().to_string(),
        })
    }
}

/// An optional field: empty is valid and gives an empty value; a filled one must pass its
/// check, which normalises it, else its problem is recorded against the field.
pub(crate) fn optional<F>(
    errors: &mut Vec<FieldError<F>>,
    field: F,
    text: &str,
    check: fn(&str) -> Result<String, Problem>,
) -> String {
    if text.trim().is_empty() {
        return String::new();
    }
    check(text).unwrap_or_else(|problem| {
        errors.push(FieldError::new(field, problem));
        String::new()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid_form() -> ClientForm {
        ClientForm {
            name: "  Atelier Dupont  ".into(),
            registration: "732 829 320".into(),
            iban: "FR76 3000 6000 0112 3456 7890 189".into(),
            credit_limit: "5 000".into(),
            ..ClientForm::default()
        }
    }

    #[test]
    fn valid_form_is_normalised() {
        // Guards against storing identifiers with the spaces people type.
        let details = valid_form().validate().unwrap();
        assert_eq!(details.name, "Atelier Dupont");
        assert_eq!(details.registration, "732829320");
        assert_eq!(details.iban, "FR7630006000011234567890189");
        assert_eq!(details.credit_limit, Some(Decimal::from(5000)));
    }

    #[test]
    fn every_bad_field_is_named() {
        // Guards against a form that reports only the first error, one save at a time.
        let form = ClientForm {
            name: " ".into(),
            registration: "123456789".into(),
            iban: "FR7630006000011234567890188".into(),
            bic: "XX".into(),
            payer: Contact {
                email: "nope".into(),
                ..Contact::default()
            },
            credit_limit: "-5".into(),
            address: Address {
                postal_code: "750".into(),
                ..Address::default()
            },
            ..ClientForm::default()
        };
        let fields: Vec<_> = form
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            vec![
                ClientField::Name,
                ClientField::Registration,
                ClientField::PostalCode,
                ClientField::PayerEmail,
                ClientField::Iban,
                ClientField::Bic,
                ClientField::CreditLimit
            ]
        );
    }

    #[test]
    fn form_round_trips_through_details() {
        let details = valid_form().validate().unwrap();
        assert_eq!(
            ClientForm::from_details(&details).validate().unwrap(),
            details
        );
    }
}
