//! Helpers shared by the fuzz targets: the tokenizers they use and a byte reader.

use std::path::{Path, PathBuf};
use subtok::Tokenizer;

/// The crate root (the fuzz crate lives in `fuzz/`).
pub fn crate_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// Paths of the tokenizer files the targets start from: the crate's fixtures, plus the shared
/// conformance files smaller than `max_bytes` when that directory is present.
pub fn tokenizer_paths(max_bytes: u64) -> Vec<PathBuf> {
    let root = crate_root();
    let mut paths = vec![root.join("fixtures/subtok-default.json")];
    let mut dirs = vec![root.join("fixtures/tokenizers")];
    let shared = std::env::var_os("SUBTOK_CONFORMANCE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/conformance"));
    dirs.push(shared.join("tokenizers"));
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut found: Vec<PathBuf> = entries
            .filter_map(|e| e.ok())
            .filter(|e| e.metadata().map(|m| m.len() <= max_bytes).unwrap_or(false))
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        found.sort();
        paths.extend(found);
    }
    paths
}

/// The small seed files `run.sh` writes to `fuzz/seeds` (empty when it has not run).
#[allow(dead_code)]
pub fn seed_paths() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    found.sort();
    found
}

/// Loads every tokenizer of [`tokenizer_paths`] (those that fail to load are left out).
#[allow(dead_code)]
pub fn tokenizers(max_bytes: u64) -> Vec<Tokenizer> {
    let toks: Vec<Tokenizer> = tokenizer_paths(max_bytes)
        .iter()
        .filter_map(|p| Tokenizer::from_file(p).ok())
        .collect();
    for tok in &toks {
        // Built up front, so that the ids path runs with them from the first input.
        if let subtok::models::ModelWrapper::BPE(bpe) = tok.get_model() {
            bpe.build_preformed_chars();
        }
    }
    toks
}

/// Reads the fuzz input as a stream of small decisions.
pub struct Reader<'a> {
    data: &'a [u8],
}

#[allow(dead_code)]
impl<'a> Reader<'a> {
    /// A reader over `data`.
    pub fn new(data: &'a [u8]) -> Self {
        Reader { data }
    }
    /// Next byte (0 when exhausted).
    pub fn byte(&mut self) -> u8 {
        match self.data.split_first() {
            Some((&b, rest)) => {
                self.data = rest;
                b
            }
            None => 0,
        }
    }
    /// Next little-endian u32 (zero-padded when exhausted).
    pub fn u32(&mut self) -> u32 {
        u32::from_le_bytes([self.byte(), self.byte(), self.byte(), self.byte()])
    }
    /// A value in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        if n <= 256 {
            self.byte() as usize % n
        } else {
            self.u32() as usize % n
        }
    }
    /// Up to `max` bytes, length chosen by the input.
    pub fn bytes(&mut self, max: usize) -> &'a [u8] {
        let n = (self.u32() as usize % (max + 1)).min(self.data.len());
        let (head, tail) = self.data.split_at(n);
        self.data = tail;
        head
    }
    /// Everything left.
    pub fn rest(&mut self) -> &'a [u8] {
        std::mem::take(&mut self.data)
    }
    /// Whether nothing is left.
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }
}
