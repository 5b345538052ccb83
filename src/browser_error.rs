//! What a browser error is called, for messages: its `name` (`QuotaExceededError`,
//! `NotReadableError`...), else its text.
//!
//! Not `format!("{error:?}")`: JsValue's Debug formatting pulls number formatting into the
//! wasm bundle for a message no user needs.

use wasm_bindgen::JsValue;

pub fn error_name(error: &JsValue) -> String {
    js_sys::Reflect::get(error, &JsValue::from_str("name"))
        .ok()
        .and_then(|name| name.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "Error".to_string())
}
