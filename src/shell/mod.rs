//! The shell: what the core wasm carries around every screen. The root view (`app`), the
//! header and storage banners (`layout`), the route (`route`), which code shows which screen
//! and when its chunk is fetched (`screens`), and the screen of an unknown address.

pub mod app;
pub mod layout;
pub mod route;
pub mod screens;

use crate::i18n::{tr, use_t};
use leptos::prelude::*;
use route::Route;

#[component]
pub fn NotFound() -> impl IntoView {
    let _t = use_t();
    view! {
        <section class="page">
            <h1>{tr(|t| t.not_found_title)}</h1>
            <p>{tr(|t| t.not_found_text)}</p>
            <p><a href=Route::Home.href()>{tr(|t| t.nav_home)}</a></p>
        </section>
    }
}
