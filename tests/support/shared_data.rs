//! Where the tests find the shared conformance files and corpora (`../shared`, or the
//! directories named by `SUBTOK_CONFORMANCE_DIR` / `SUBTOK_CORPUS_DIR`).
#![allow(dead_code)]

use std::path::PathBuf;

/// The crate root.
pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The conformance directory, when it holds `tokenizers/`.
pub fn conformance_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("SUBTOK_CONFORMANCE_DIR") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => manifest_dir().join("../shared/conformance"),
    };
    dir.join("tokenizers").is_dir().then_some(dir)
}

/// The corpus directory (it may be absent).
pub fn corpus_dir() -> PathBuf {
    match std::env::var_os("SUBTOK_CORPUS_DIR") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => manifest_dir().join("../shared/corpus"),
    }
}
