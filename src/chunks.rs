//! Code fetched when first needed: how a function becomes a split point of the release build.
//!
//! In the release build (`scripts/split.mjs`, cfg `encaisse_split`) a function declared with
//! [`split_point!`] is cut out of the core wasm into a chunk that the browser fetches the first
//! time the function is called (or its preload is). Functions declared under the same chunk
//! name share one chunk; code two chunks share goes into a shared chunk, fetched once. In every
//! other build (Trunk's `serve`, the component tests) they are plain async functions.

/// A chunk could not be fetched (offline, the server gone, a release replaced under the page).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChunkError;

impl From<leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkError
    }
}

/// `split_point!(chunk, preload preload_fn, fn name(args) -> Result<T, ChunkError> { body })`
/// makes `async fn name(args)` that fetches `chunk` first, and `async fn preload_fn()` that
/// only fetches it. A second function of the same chunk leaves out `preload ..`. A chunk that
/// cannot be fetched is `Err(ChunkError)`, never a panic (which would stop the whole app).
macro_rules! split_point {
    ($chunk:ident, preload $preload:ident, $(#[$doc:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        $(#[$doc])*
        #[cfg(encaisse_split)]
        #[leptos::wasm_split::wasm_split(
            $chunk,
            fallible,
            wasm_split_path = ::leptos::wasm_split,
            preload($preload)
        )]
        $vis fn $name($($arg: $ty),*) -> $ret $body

        $(#[$doc])*
        #[cfg(not(encaisse_split))]
        $vis async fn $name($($arg: $ty),*) -> $ret $body

        #[cfg(not(encaisse_split))]
        $vis async fn $preload() -> Result<(), leptos::wasm_split::SplitLoaderError> {
            Ok(())
        }
    };
    ($chunk:ident, $(#[$doc:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        $(#[$doc])*
        #[cfg(encaisse_split)]
        #[leptos::wasm_split::wasm_split($chunk, fallible, wasm_split_path = ::leptos::wasm_split)]
        $vis fn $name($($arg: $ty),*) -> $ret $body

        $(#[$doc])*
        #[cfg(not(encaisse_split))]
        $vis async fn $name($($arg: $ty),*) -> $ret $body
    };
}
pub(crate) use split_point;
