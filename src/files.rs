//! Files the user downloads or picks: the only module that touches downloads and uploads.

use crate::browser_error::error_name;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Offers `content` as a file download named `name`.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = leptos::prelude::document();
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// The first file chosen in a file input, as text, with its name.
pub async fn read_chosen_file(
    input: &web_sys::HtmlInputElement,
) -> Option<(String, Result<String, String>)> {
    let file = input.files()?.get(0)?;
    let name = file.name();
    let text = JsFuture::from(file.text())
        .await
        .map_err(|e| error_name(&e))
        .and_then(|value| value.as_string().ok_or_else(|| "not text".to_string()));
    Some((name, text))
}

/// Why a chosen file's bytes could not be had.
pub enum ChosenFileError {
    /// Larger than the readers take: refused before the browser reads it into memory.
    TooLarge { bytes: u64 },
    /// The browser could not read it (moved, deleted, permission); its error's name.
    Unreadable(String),
}

/// A chosen or dropped file's bytes, for the readers that decide its encoding themselves
/// (bank statements are often Windows-1252, which `File.text()` would garble).
pub async fn read_file_bytes(file: &web_sys::File, max: usize) -> Result<Vec<u8>, ChosenFileError> {
    // A whole number of bytes in a float; compared and carried as an integer.
    let size = file.size() as u64;
    if size > max as u64 {
        return Err(ChosenFileError::TooLarge { bytes: size });
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| ChosenFileError::Unreadable(error_name(&e)))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
