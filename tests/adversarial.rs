//! Adversarial inputs (see `tests/support/adversarial_inputs.rs`) on one tokenizer of each
//! family: byte-level BPE, SentencePiece-style BPE with byte fallback, WordPiece and Unigram.
//! The crate's fixtures are always used; the shared conformance equivalents (gpt2, llama2,
//! bert-base-uncased, t5-small) when `../shared/conformance` (or `$SUBTOK_CONFORMANCE_DIR`)
//! is present; without it the test says so, and fails under `CI=true`.
//!
//! No timing assertion: the checks are about results (speed is measured by
//! `benches/adversarial.rs`). Inputs are 1 MiB in release builds and 128 KiB in debug builds.
//! - every input encodes, with offsets inside the input and starts never decreasing;
//! - byte-level BPE and byte-fallback BPE: `decode(encode(x)) == x` (with `▁` read as a space
//!   for the latter);
//! - WordPiece and Unigram: the ids equal the concatenation of the ids of chunks cut right
//!   before an ASCII space (exact there: the space ends every word and nothing crosses it);
//! - a 64 KiB version of every input matches the reference's id count and ids fingerprint
//!   in `fixtures/adversarial/golden.tsv` (made by `fixtures/adversarial/make_golden.py`).

#[path = "support/adversarial_inputs.rs"]
mod adversarial_inputs;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use subtok::Tokenizer;

#[derive(Clone, Copy, PartialEq, Debug)]
enum Family {
    ByteLevel,
    ByteFallback,
    WordPiece,
    Unigram,
}

const FAMILIES: &[(Family, &str, &str)] = &[
    (Family::ByteLevel, "bytelevel-bpe", "gpt2"),
    (Family::ByteFallback, "sp-bpe-bytefallback", "llama2"),
    (Family::WordPiece, "wordpiece-bert", "bert-base-uncased"),
    (Family::Unigram, "unigram-metaspace", "t5-small"),
];

const SIZE: usize = if cfg!(debug_assertions) {
    128 << 10
} else {
    1 << 20
};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn shared_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("SUBTOK_CONFORMANCE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared/conformance"));
    if dir.join("tokenizers").is_dir() {
        return Some(dir.join("tokenizers"));
    }
    eprintln!(
        "SKIPPING the shared conformance tokenizers: {} not found",
        dir.display()
    );
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "the shared conformance data is required under CI=true"
    );
    None
}

/// Every tokenizer to test: (family, name, tokenizer without truncation or padding).
fn tokenizers() -> Vec<(Family, String, Tokenizer)> {
    let shared = shared_dir();
    let mut out = Vec::new();
    for &(family, fixture, shared_name) in FAMILIES {
        let mut paths = vec![(
            fixture,
            root().join(format!("fixtures/tokenizers/{fixture}.json")),
        )];
        if let Some(dir) = &shared {
            paths.push((shared_name, dir.join(format!("{shared_name}.json"))));
        }
        for (name, path) in paths {
            let mut tok = Tokenizer::from_file(&path).unwrap();
            tok.with_truncation(None).unwrap();
            tok.with_padding(None);
            out.push((family, name.to_string(), tok));
        }
    }
    out
}

/// Cuts `text` into chunks of about `size` bytes, each new chunk starting at an ASCII space.
fn chunks_at_spaces(text: &str, size: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let mut cut = (start + size).min(text.len());
        while cut < text.len() && !(text.is_char_boundary(cut) && text.as_bytes()[cut] == b' ') {
            cut += 1;
        }
        out.push(&text[start..cut]);
        start = cut;
    }
    out
}

fn check_offsets(name: &str, input: &str, enc: &subtok::Encoding) {
    let mut last_start = 0;
    for (i, &(s, e)) in enc.get_offsets().iter().enumerate() {
        assert!(
            s <= e && e <= input.len(),
            "{name}: token {i} offsets ({s}, {e}) outside {}",
            input.len()
        );
        assert!(
            s >= last_start,
            "{name}: token {i} starts at {s}, before {last_start}"
        );
        last_start = s;
    }
}

#[test]
fn adversarial_inputs_encode_correctly() {
    let inputs = adversarial_inputs::all(SIZE);
    let toks = tokenizers();
    // One thread per tokenizer: the checks are independent.
    let failures: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = toks
            .iter()
            .map(|(family, name, tok)| {
                let inputs = &inputs;
                scope.spawn(move || check_tokenizer(*family, name, tok, inputs))
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn check_tokenizer(
    family: Family,
    name: &str,
    tok: &Tokenizer,
    inputs: &[(&str, String)],
) -> Vec<String> {
    let mut failures = Vec::new();
    {
        for (input_name, text) in inputs {
            let label = format!("{name}/{input_name}");
            let enc = match tok.encode(text.as_str(), false) {
                Ok(e) => e,
                Err(e) => {
                    failures.push(format!("{label}: {e}"));
                    continue;
                }
            };
            check_offsets(&label, text, &enc);
            match family {
                Family::ByteLevel | Family::ByteFallback => {
                    let back = tok.decode(enc.get_ids(), false).unwrap();
                    // SentencePiece-style: `▁` in the input is the space marker itself.
                    let want = match family {
                        Family::ByteFallback => text.replace('\u{2581}', " "),
                        _ => text.clone(),
                    };
                    if back != want {
                        failures.push(format!("{label}: decode(encode(x)) != x"));
                    }
                }
                Family::WordPiece | Family::Unigram => {
                    let mut ids = Vec::with_capacity(enc.len());
                    for chunk in chunks_at_spaces(text, 16 << 10) {
                        ids.extend_from_slice(tok.encode(chunk, false).unwrap().get_ids());
                    }
                    if ids != enc.get_ids() {
                        failures.push(format!("{label}: ids differ from the chunked encoding"));
                    }
                }
            }
        }
    }
    failures
}

fn fnv1a(ids: &[u32]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for id in ids {
        for b in id.to_le_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100_0000_01b3);
        }
    }
    h
}

#[test]
fn adversarial_prefixes_match_the_reference() {
    let golden = std::fs::read_to_string(root().join("fixtures/adversarial/golden.tsv")).unwrap();
    let mut want: HashMap<(String, String), (usize, String)> = HashMap::new();
    for line in golden
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let c: Vec<&str> = line.split('\t').collect();
        want.insert(
            (c[0].into(), c[1].into()),
            (c[2].parse().unwrap(), c[3].into()),
        );
    }
    let inputs = adversarial_inputs::all(64 << 10);
    let mut failures = Vec::new();
    let mut checked = 0;
    for (_, name, tok) in tokenizers() {
        for (input_name, text) in &inputs {
            let Some((count, hash)) = want.get(&(name.clone(), input_name.to_string())) else {
                failures.push(format!("{name}/{input_name}: no golden entry"));
                continue;
            };
            let enc = tok.encode(text.as_str(), false).unwrap();
            let got = format!("{:016x}", fnv1a(enc.get_ids()));
            if enc.len() != *count || got != *hash {
                failures.push(format!(
                    "{name}/{input_name}: {} ids ({got}), the reference gives {count} ({hash})",
                    enc.len()
                ));
            }
            checked += 1;
        }
    }
    assert!(checked >= 40);
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
