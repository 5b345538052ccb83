//! The issuer: who sends the invoices and the reminders, printed on letters and invoices.
//!
//! The settings may be filled a little at a time, so the form requires nothing; what a letter
//! cannot do without is checked when one is asked for ([`Issuer::missing_for_letter`]).

use crate::model::client::{optional, Address, NAME_MAX, NOTES_MAX};
use crate::model::terms::PaymentTerms;
use crate::values::problem::{FieldError, Problem};
use crate::values::validate::{
    check_bic, check_email, check_iban, check_phone, check_registration, french_postal_code_fits,
};
use serde::{Deserialize, Serialize};

/// The issuer's settings as stored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issuer {
    pub name: String,
    /// SIREN (9 digits) or SIRET (14 digits), digits only, or empty.
    pub registration: String,
    pub address: Address,
    pub email: String,
    pub phone: String,
    /// Compact upper-case IBAN, or empty.
    pub iban: String,
    pub bic: String,
    /// The terms a new client starts with.
    pub default_terms: PaymentTerms,
    /// The late-payment clause printed on invoices to businesses; empty means
    /// [`crate::collection::letter::late_clause::default_late_clause`].
    pub late_clause: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IssuerField {
    Name,
    Registration,
    /// The address as a whole (street, postal code and city): what a letterhead needs.
    Address,
    PostalCode,
    Email,
    Phone,
    Iban,
    Bic,
    DefaultTerms,
    LateClause,
}

/// The issuer form as typed, before validation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IssuerForm {
    pub name: String,
    pub registration: String,
    pub address: Address,
    pub email: String,
    pub phone: String,
    pub iban: String,
    pub bic: String,
    pub default_terms: PaymentTerms,
    pub late_clause: String,
}

impl IssuerForm {
    pub fn from_issuer(issuer: &Issuer) -> Self {
        IssuerForm {
            name: issuer.name.clone(),
            registration: issuer.registration.clone(),
            address: issuer.address.clone(),
            email: issuer.email.clone(),
            phone: issuer.phone.clone(),
            iban: issuer.iban.clone(),
            bic: issuer.bic.clone(),
            default_terms: issuer.default_terms,
            late_clause: issuer.late_clause.clone(),
        }
    }

    /// Validates every field at once, so the form can show all messages together.
    pub fn validate(&self) -> Result<Issuer, Vec<FieldError<IssuerField>>> {
        let mut errors = Vec::new();
        let name = self.name.trim();
        if name.chars().count() > NAME_MAX {
            errors.push(FieldError::new(
                IssuerField::Name,
                Problem::TooLong { max: NAME_MAX },
            ));
        }
        let e = &mut errors;
        let registration = optional(
            e,
            IssuerField::Registration,
            &self.registration,
            check_registration,
        );
        let postal_code = self.address.postal_code.trim();
        if !french_postal_code_fits(postal_code, &self.address.country) {
            e.push(FieldError::new(
                IssuerField::PostalCode,
                Problem::PostalCodeFormat,
            ));
        }
        let email = optional(e, IssuerField::Email, &self.email, check_email);
        let phone = optional(e, IssuerField::Phone, &self.phone, check_phone);
        let iban = optional(e, IssuerField::Iban, &self.iban, check_iban);
        let bic = optional(e, IssuerField::Bic, &self.bic, check_bic);
        if let Err(p) = self.default_terms.check() {
            e.push(FieldError::new(IssuerField::DefaultTerms, p));
        }
        if self.late_clause.chars().count() > NOTES_MAX {
            e.push(FieldError::new(
                IssuerField::LateClause,
                Problem::TooLong { max: NOTES_MAX },
            ));
        }

        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Issuer {
            name: name.to_string(),
            registration,
            address: Address {
                line1: self.address.line1.trim().to_string(),
                line2: self.address.line2.trim().to_string(),
                postal_code: postal_code.to_string(),
                city: self.address.city.trim().to_string(),
                country: self.address.country.trim().to_string(),
            },
            email,
            phone,
            iban,
            bic,
            default_terms: self.default_terms,
            late_clause: self.late_clause.trim().to_string(),
        })
    }
}

impl Issuer {
    /// What a letter lacks: the name and the address make the letterhead (and a formal notice
    /// must say who demands payment); without an IBAN a letter cannot ask for a transfer, so
    /// the messages leave their bank-details lines out. Empty when a letter is complete.
    pub fn missing_for_letter(&self) -> Vec<IssuerField> {
        let address = &self.address;
        let mut missing = Vec::new();
        if self.name.trim().is_empty() {
            missing.push(IssuerField::Name);
        }
        if [&address.line1, &address.postal_code, &address.city]
            .iter()
            .any(|part| part.trim().is_empty())
        {
            missing.push(IssuerField::Address);
        }
        if self.iban.trim().is_empty() {
            missing.push(IssuerField::Iban);
        }
        missing
    }
}
