//! Shared pieces of the comparative benchmark: where the data lives, how the corpus is read and
//! sampled, and one [`Engine`] adapter per library so every library is driven the same way.
//!
//! Every engine encodes with `add_special_tokens = false` (no BOS/CLS/EOS from the
//! post-processor; added tokens that appear in the text are still matched), which is the only
//! setting every library here supports, so the token counts of all libraries are comparable.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rayon::prelude::*;

/// Tokenizer files benchmarked, in table order (`<name>.json` in the conformance directory).
pub const FILES: &[&str] = &[
    "gpt2",
    "llama3",
    "qwen2.5",
    "gpt4-cl100k",
    "llama2",
    "bert-base-uncased",
    "t5-small",
];

/// Other published files, benchmarked only when selected (`SUBTOK_BENCH_FILES=extra`, or by
/// name): configurations off the common paths (a `ByteLevel` step before other cuts, a
/// `Split` regex or literal, `NFKD` with accent stripping, truncation and padding in the
/// file).
pub const EXTRA_FILES: &[&str] = &[
    "falcon-7b",
    "clip-vit",
    "chatglm3-6b",
    "albert-base-v2",
    "all-minilm-l6-v2",
];

/// The files of a run: [`FILES`] when `SUBTOK_BENCH_FILES` is unset, [`EXTRA_FILES`] for
/// `extra`, otherwise the named ones of either list.
pub fn file_selection() -> Vec<&'static str> {
    match std::env::var("SUBTOK_BENCH_FILES") {
        Ok(v) if v.trim() == "extra" => EXTRA_FILES.to_vec(),
        Ok(v) if !v.trim().is_empty() => {
            let want: Vec<&str> = v.split(',').map(str::trim).collect();
            FILES
                .iter()
                .chain(EXTRA_FILES)
                .copied()
                .filter(|x| want.contains(x))
                .collect()
        }
        _ => FILES.to_vec(),
    }
}

/// Corpus files benchmarked, in table order (`<name>.jsonl` in the corpus directory).
pub const CORPORA: &[&str] = &["english", "code", "multilingual"];

/// Library columns of the table, in order; the first is subtok, the second the reference.
pub const LIBS: &[&str] = &[
    "subtok",
    "tokenizers-0.22",
    "tokenizers-1.0rc3",
    "fastokens",
    "splintr",
    "tokie",
    "kitoken",
    "tiktoken-rs",
    "bpe-openai",
];

/// The reference library every ratio is taken against and every subtok id is checked against.
pub const REFERENCE: &str = "tokenizers-0.22";

/// Root of the workspace (the parent of this package).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Directory of the conformance data (`SUBTOK_CONFORMANCE_DIR`, default `../shared/conformance`
/// relative to the workspace root).
pub fn conformance_dir() -> PathBuf {
    match std::env::var_os("SUBTOK_CONFORMANCE_DIR") {
        Some(d) => PathBuf::from(d),
        None => workspace_root().join("../shared/conformance"),
    }
}

/// Directory of the benchmark corpus (`SUBTOK_CORPUS_DIR`, default: the `corpus` directory next
/// to the conformance directory).
pub fn corpus_dir() -> PathBuf {
    match std::env::var_os("SUBTOK_CORPUS_DIR") {
        Some(d) => PathBuf::from(d),
        None => conformance_dir().join("../corpus"),
    }
}

/// Path of one tokenizer file.
pub fn tokenizer_path(file: &str) -> PathBuf {
    conformance_dir()
        .join("tokenizers")
        .join(format!("{file}.json"))
}

/// Criterion's output directory, found the way criterion finds it.
pub fn criterion_dir() -> PathBuf {
    if let Some(h) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(h);
    }
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(t) => PathBuf::from(t).join("criterion"),
        None => workspace_root().join("target").join("criterion"),
    }
}

/// The side file where the bench records what criterion cannot: peers that are unavailable for a
/// row, id mismatches of peers, and the sizes of the document subsets.
pub fn notes_path() -> PathBuf {
    criterion_dir().join("subtok-bench-notes.tsv")
}

/// Reads a JSONL corpus file: the `"text"` field of every line.
pub fn read_corpus(name: &str) -> Vec<String> {
    let path = corpus_dir().join(format!("{name}.jsonl"));
    let data = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read corpus {}: {e}", path.display()));
    data.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("bad JSON line in {}: {e}", path.display()));
            v.get("text")
                .and_then(|t| t.as_str())
                .unwrap_or_else(|| panic!("line without \"text\" in {}", path.display()))
                .to_owned()
        })
        .collect()
}

/// Indices of documents picked at an even stride over the whole corpus until `budget` bytes are
/// reached (the corpus files are ordered by source, so a prefix would not be representative).
pub fn strided_sample(docs: &[String], budget: usize) -> Vec<usize> {
    let total: usize = docs.iter().map(String::len).sum();
    if total <= budget {
        return (0..docs.len()).collect();
    }
    // Number of strided passes needed: first a coarse stride, refined until the budget is met.
    let mut picked = Vec::new();
    let mut bytes = 0;
    let stride = (total / budget.max(1)).max(1);
    let mut offset = 0;
    while bytes < budget && offset < stride {
        let mut i = offset;
        while i < docs.len() && bytes < budget {
            if !picked.contains(&i) {
                picked.push(i);
                bytes += docs[i].len();
            }
            i += stride;
        }
        offset += 1;
    }
    picked.sort_unstable();
    picked
}

/// Parses a size like `256K`, `2M` or `1000` from an environment variable.
pub fn env_bytes(name: &str, default: usize) -> usize {
    let Ok(v) = std::env::var(name) else {
        return default;
    };
    let v = v.trim();
    let (num, mult) = match v.chars().last() {
        Some('K' | 'k') => (&v[..v.len() - 1], 1 << 10),
        Some('M' | 'm') => (&v[..v.len() - 1], 1 << 20),
        _ => (v, 1),
    };
    num.parse::<usize>()
        .map(|n| n * mult)
        .unwrap_or_else(|_| panic!("{name}: cannot parse {v:?} as a byte count"))
}

/// Comma-separated selection from an environment variable (all when unset).
pub fn env_selection(name: &str, all: &[&'static str]) -> Vec<&'static str> {
    match std::env::var(name) {
        Ok(v) if !v.trim().is_empty() => {
            let want: Vec<&str> = v.split(',').map(str::trim).collect();
            all.iter().copied().filter(|x| want.contains(x)).collect()
        }
        _ => all.to_vec(),
    }
}

/// subtok ids-only encode. The one place to switch to the ids-only API once it exists.
#[inline]
pub fn subtok_ids(tok: &subtok::Tokenizer, text: &str) -> Vec<u32> {
    match tok.encode_ids(text, false) {
        Ok(ids) => ids,
        Err(e) => panic!("subtok failed to encode: {e}"),
    }
}

/// subtok ids-only batch encode on all cores. The one place to switch to the batch ids API.
#[inline]
pub fn subtok_batch_ids(tok: &subtok::Tokenizer, docs: &[&str]) -> Vec<Vec<u32>> {
    match tok.encode_batch_ids(docs, false) {
        Ok(v) => v,
        Err(e) => panic!("subtok failed to encode a batch: {e}"),
    }
}

/// One library behind a uniform interface.
pub trait Engine: Send + Sync {
    /// Column name.
    fn name(&self) -> &'static str;
    /// How the batch is run: `"native"`, or how it is done when the library has no usable
    /// batch API.
    fn batch_kind(&self) -> &'static str {
        "native"
    }
    /// Token ids only.
    fn ids(&self, text: &str) -> Vec<u32>;
    /// Full encoding (ids, tokens, offsets, ...); returns the token count. `None` when the
    /// library has no such output.
    fn full(&self, _text: &str) -> Option<usize> {
        None
    }
    /// Ids of a batch, on all cores.
    fn batch_ids(&self, docs: &[&str]) -> Vec<Vec<u32>> {
        docs.par_iter().map(|d| self.ids(d)).collect()
    }
    /// Full encodings of a batch on all cores; returns the total token count.
    fn batch_full(&self, _docs: &[&str]) -> Option<usize> {
        None
    }
    /// Decodes ids to text (special tokens kept).
    fn decode(&self, ids: &[u32]) -> Option<String>;
}

/// A loader builds a fresh instance (with empty caches) from the tokenizer file's bytes.
pub type Loader = fn(&Path, &[u8]) -> Result<Box<dyn Engine>, String>;

/// The loader of every library for `file`, in column order, or why there is none: the tiktoken
/// crates only ship cl100k.
pub fn loaders(file: &str) -> Vec<(&'static str, Result<Loader, &'static str>)> {
    let cl100k = |l: Loader| {
        if file == "gpt4-cl100k" {
            Ok(l)
        } else {
            Err("not applicable (bundled cl100k only)")
        }
    };
    vec![
        ("subtok", Ok(engines::subtok as Loader)),
        ("tokenizers-0.22", Ok(engines::tok22 as Loader)),
        ("tokenizers-1.0rc3", Ok(engines::tok_v1 as Loader)),
        ("fastokens", Ok(engines::fastokens as Loader)),
        ("splintr", Ok(engines::splintr as Loader)),
        ("tokie", Ok(engines::tokie as Loader)),
        ("kitoken", Ok(engines::kitoken as Loader)),
        ("tiktoken-rs", cl100k(engines::tiktoken as Loader)),
        ("bpe-openai", cl100k(engines::bpe_openai as Loader)),
    ]
}

/// Runs a loader, turning a panic inside a peer into an error message.
pub fn load(loader: Loader, path: &Path, bytes: &[u8]) -> Result<Box<dyn Engine>, String> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| loader(path, bytes))) {
        Ok(r) => r,
        Err(p) => Err(format!(
            "panicked while loading: {}",
            p.downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| p.downcast_ref::<&str>().copied())
                .unwrap_or("?")
        )),
    }
}

/// Runs `f`, turning a panic into `None` (peers are not trusted not to panic on some input).
pub fn guarded<T>(f: impl FnOnce() -> T) -> Option<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).ok()
}

/// Shortens an error message for a table cell.
pub fn short(msg: &str) -> String {
    let one_line: String = msg.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > 70 {
        format!("{}...", one_line.chars().take(67).collect::<String>())
    } else {
        one_line
    }
}

/// Scales a measured duration of `actual` bytes to the nominal byte count of an iteration.
pub fn normalize(d: Duration, actual: usize, nominal: usize) -> Duration {
    if actual == 0 {
        return d;
    }
    Duration::from_secs_f64(d.as_secs_f64() * nominal as f64 / actual as f64)
}

/// The adapters.
pub mod engines {
    use super::Engine;
    use std::path::Path;

    struct Subtok(subtok::Tokenizer);
    impl Engine for Subtok {
        fn name(&self) -> &'static str {
            "subtok"
        }
        fn ids(&self, text: &str) -> Vec<u32> {
            super::subtok_ids(&self.0, text)
        }
        fn full(&self, text: &str) -> Option<usize> {
            self.0.encode(text, false).ok().map(|e| e.len())
        }
        fn batch_ids(&self, docs: &[&str]) -> Vec<Vec<u32>> {
            super::subtok_batch_ids(&self.0, docs)
        }
        fn batch_full(&self, docs: &[&str]) -> Option<usize> {
            let v = self.0.encode_batch(docs.to_vec(), false).ok()?;
            Some(v.iter().map(|e| e.len()).sum())
        }
        fn decode(&self, ids: &[u32]) -> Option<String> {
            self.0.decode(ids, false).ok()
        }
    }
    /// subtok, from the file's bytes.
    pub fn subtok(_: &Path, bytes: &[u8]) -> Result<Box<dyn Engine>, String> {
        let t = subtok::Tokenizer::from_bytes(bytes).map_err(|e| e.to_string())?;
        Ok(Box::new(Subtok(t)))
    }

    struct Tok22(tokenizers::Tokenizer);
    impl Engine for Tok22 {
        fn name(&self) -> &'static str {
            "tokenizers-0.22"
        }
        fn ids(&self, text: &str) -> Vec<u32> {
            match self.0.encode_fast(text, false) {
                Ok(e) => e.get_ids().to_vec(),
                Err(e) => panic!("tokenizers failed to encode: {e}"),
            }
        }
        fn full(&self, text: &str) -> Option<usize> {
            self.0.encode(text, false).ok().map(|e| e.len())
        }
        fn batch_ids(&self, docs: &[&str]) -> Vec<Vec<u32>> {
            match self.0.encode_batch_fast(docs.to_vec(), false) {
                Ok(v) => v.into_iter().map(|e| e.get_ids().to_vec()).collect(),
                Err(e) => panic!("tokenizers failed to encode a batch: {e}"),
            }
        }
        fn batch_full(&self, docs: &[&str]) -> Option<usize> {
            let v = self.0.encode_batch(docs.to_vec(), false).ok()?;
            Some(v.iter().map(|e| e.len()).sum())
        }
        fn decode(&self, ids: &[u32]) -> Option<String> {
            self.0.decode(ids, false).ok()
        }
    }
    /// `tokenizers` 0.22, from the file's bytes.
    pub fn tok22(_: &Path, bytes: &[u8]) -> Result<Box<dyn Engine>, String> {
        let t = tokenizers::Tokenizer::from_bytes(bytes).map_err(|e| e.to_string())?;
        Ok(Box::new(Tok22(t)))
    }

    struct TokV1(tokenizers_v1::pipeline::PipelineTokenizer);
    impl Engine for TokV1 {
        fn name(&self) -> &'static str {
            "tokenizers-1.0rc3"
        }
        fn ids(&self, text: &str) -> Vec<u32> {
            // Its allocation-free entry point; the tokens are then read as ids.
            let mut out = Vec::with_capacity(text.len() / 3);
            let options = tokenizers_v1::pipeline::EncodeOptions::no_specials();
            match self.0.encode_into(text, &options, &mut out) {
                Ok(()) => out.into_iter().map(|t| t.id()).collect(),
                Err(e) => panic!("tokenizers 1.0-rc failed to encode: {e}"),
            }
        }
        fn batch_ids(&self, docs: &[&str]) -> Vec<Vec<u32>> {
            let options = tokenizers_v1::pipeline::EncodeOptions::no_specials();
            match self.0.encode(docs.to_vec(), &options).wait() {
                Ok(v) => v
                    .iter()
                    .map(|e| e.ids().iter().map(|t| t.id()).collect())
                    .collect(),
                Err(e) => panic!("tokenizers 1.0-rc failed to encode a batch: {e}"),
            }
        }
        fn decode(&self, ids: &[u32]) -> Option<String> {
            self.0.decode(ids, false).ok()
        }
    }
    /// `tokenizers` 1.0.0-rc.3: the file rewritten by its own converter, then read into its
    /// ids-only `PipelineTokenizer`.
    pub fn tok_v1(_: &Path, bytes: &[u8]) -> Result<Box<dyn Engine>, String> {
        let text = std::str::from_utf8(bytes).map_err(|e| e.to_string())?;
        let canonical = tokenizers_v1::canonicalize_str(text).map_err(|e| e.to_string())?;
        let t = tokenizers_v1::from_json(&canonical).map_err(|e| e.to_string())?;
        Ok(Box::new(TokV1(t)))
    }

    struct Fastokens(fastokens::Tokenizer);
    impl Engine for Fastokens {
        fn name(&self) -> &'static str {
            "fastokens"
        }
        fn ids(&self, text: &str) -> Vec<u32> {
            match self.0.encode_with_special_tokens(text, false) {
                Ok(v) => v,
                Err(e) => panic!("fastokens failed to encode: {e}"),
            }
        }
        fn batch_ids(&self, docs: &[&str]) -> Vec<Vec<u32>> {
            match self.0.encode_batch(docs, false) {
                Ok(v) => v,
                Err(e) => panic!("fastokens failed to encode a batch: {e}"),
            }
        }
        fn decode(&self, ids: &[u32]) -> Option<String> {
            self.0.decode(ids, false).ok()
        }
    }
    /// fastokens, from the parsed JSON.
    pub fn fastokens(_: &Path, bytes: &[u8]) -> Result<Box<dyn Engine>, String> {
        let v: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
        let t = fastokens::Tokenizer::from_json(v).map_err(|e| e.to_string())?;
        Ok(Box::new(Fastokens(t)))
    }

    struct Splintr(splintr::AnyTokenizer);
    impl Engine for Splintr {
        fn name(&self) -> &'static str {
            "splintr"
        }
        fn batch_kind(&self) -> &'static str {
            "rayon par_iter of encode_raw (its encode_batch always adds the template's special tokens)"
        }
        fn ids(&self, text: &str) -> Vec<u32> {
            self.0.encode_raw(text)
        }
        fn decode(&self, ids: &[u32]) -> Option<String> {
            self.0.decode(ids).ok()
        }
    }
    /// splintr, from the file's bytes.
    pub fn splintr(_: &Path, bytes: &[u8]) -> Result<Box<dyn Engine>, String> {
        let t = splintr::from_json_bytes(bytes).map_err(|e| e.to_string())?;
        Ok(Box::new(Splintr(t)))
    }

    struct Tokie(tokie::Tokenizer);
    impl Engine for Tokie {
        fn name(&self) -> &'static str {
            "tokie"
        }
        fn ids(&self, text: &str) -> Vec<u32> {
            self.0.encode_ids(text, false)
        }
        fn batch_ids(&self, docs: &[&str]) -> Vec<Vec<u32>> {
            let (flat, lens) = self.0.encode_batch_flat(docs, false);
            let mut out = Vec::with_capacity(lens.len());
            let mut at = 0usize;
            for n in lens {
                let n = n as usize;
                out.push(flat[at..at + n].to_vec());
                at += n;
            }
            out
        }
        fn decode(&self, ids: &[u32]) -> Option<String> {
            self.0.decode(ids)
        }
    }
    /// tokie, from the file (its loader takes a path only).
    pub fn tokie(path: &Path, _: &[u8]) -> Result<Box<dyn Engine>, String> {
        let t = tokie::Tokenizer::from_json(path).map_err(|e| e.to_string())?;
        Ok(Box::new(Tokie(t)))
    }

    struct Kitoken(kitoken::Kitoken);
    impl Engine for Kitoken {
        fn name(&self) -> &'static str {
            "kitoken"
        }
        fn batch_kind(&self) -> &'static str {
            "no batch API: rayon par_iter of encode"
        }
        fn ids(&self, text: &str) -> Vec<u32> {
            match self.0.encode(text, true) {
                Ok(v) => v,
                Err(e) => panic!("kitoken failed to encode: {e:?}"),
            }
        }
        fn decode(&self, ids: &[u32]) -> Option<String> {
            let bytes = self.0.decode(ids, true).ok()?;
            String::from_utf8(bytes).ok()
        }
    }
    /// kitoken, converting the file's bytes.
    pub fn kitoken(_: &Path, bytes: &[u8]) -> Result<Box<dyn Engine>, String> {
        let t = kitoken::Kitoken::from_tokenizers_slice(bytes).map_err(|e| format!("{e:?}"))?;
        Ok(Box::new(Kitoken(t)))
    }

    struct Tiktoken(tiktoken_rs::CoreBPE);
    impl Engine for Tiktoken {
        fn name(&self) -> &'static str {
            "tiktoken-rs"
        }
        fn batch_kind(&self) -> &'static str {
            "no batch API: rayon par_iter of encode"
        }
        fn ids(&self, text: &str) -> Vec<u32> {
            self.0.encode_with_special_tokens(text)
        }
        fn decode(&self, ids: &[u32]) -> Option<String> {
            self.0.decode(ids).ok()
        }
    }
    /// tiktoken-rs with its bundled cl100k_base ranks (the tokenizer file is not read).
    pub fn tiktoken(_: &Path, _: &[u8]) -> Result<Box<dyn Engine>, String> {
        let t = tiktoken_rs::cl100k_base().map_err(|e| e.to_string())?;
        Ok(Box::new(Tiktoken(t)))
    }

    struct BpeOpenai(&'static bpe_openai::Tokenizer);
    impl Engine for BpeOpenai {
        fn name(&self) -> &'static str {
            "bpe-openai"
        }
        fn batch_kind(&self) -> &'static str {
            "no batch API: rayon par_iter of encode"
        }
        fn ids(&self, text: &str) -> Vec<u32> {
            self.0.encode(text)
        }
        fn decode(&self, ids: &[u32]) -> Option<String> {
            self.0.decode(ids)
        }
    }
    /// bpe-openai with its bundled cl100k_base tables (the tokenizer file is not read; the
    /// instance is a process-wide static and has no cache).
    pub fn bpe_openai(_: &Path, _: &[u8]) -> Result<Box<dyn Engine>, String> {
        Ok(Box::new(BpeOpenai(bpe_openai::cl100k_base())))
    }
}
