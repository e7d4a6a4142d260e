//! The compiled decode plan (`Tokenizer::decode`) against the general decoder path
//! (`Tokenizer::decode_general`): equal text, or both errors with the same message.
//!
//! - every tokenizer of `fixtures/tokenizers` (always run), and the byte-fallback fixture
//!   with its decoder swapped for other chains the plan compiles (or refuses);
//! - every shared golden tokenizer (`$SUBTOK_CONFORMANCE_DIR`, else `../shared/conformance`),
//!   skipped with a message when absent;
//! - on random id sequences (a seeded xorshift): any id, special and added tokens, byte
//!   fallback runs that are valid and invalid UTF-8 (also at the first and last position),
//!   ids beyond the vocabulary, the empty sequence; both `skip_special_tokens` values;
//! - on the ids of the first documents of `../shared/corpus/*.jsonl` (`$SUBTOK_CORPUS_DIR`),
//!   whole and in random windows.
//!
//! `decode_throughput` (ignored) prints decode speed in MB/s of output on the English corpus.

#[path = "support/rng.rs"]
mod rng;
#[path = "support/shared_data.rs"]
mod shared_data;
use rng::Rng;
use shared_data::{conformance_dir, corpus_dir, manifest_dir};
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde_json::Value;
use subtok::added_vocabulary::AddedToken;
use subtok::Tokenizer;

fn read_jsonl_texts(path: &Path, limit: usize) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    text.lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .take(limit)
        .collect()
}

/// First documents of each shared corpus, cut to about `max_bytes`.
fn corpus_samples(docs_per_file: usize, max_bytes: usize) -> Vec<String> {
    let mut out = Vec::new();
    for name in ["english", "code", "multilingual"] {
        for mut doc in read_jsonl_texts(&corpus_dir().join(format!("{name}.jsonl")), docs_per_file)
        {
            let mut cut = max_bytes.min(doc.len());
            while !doc.is_char_boundary(cut) {
                cut -= 1;
            }
            doc.truncate(cut);
            out.push(doc);
        }
    }
    out
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// xorshift64: small, deterministic.
/// Decodes `ids` both ways with both flags; panics with context on any difference.
fn check(tok: &Tokenizer, name: &str, ids: &[u32]) {
    for skip in [false, true] {
        let fast = tok.decode(ids, skip).map_err(|e| e.to_string());
        let general = tok.decode_general(ids, skip).map_err(|e| e.to_string());
        assert_eq!(
            fast, general,
            "{name}: decode differs from the general path for ids {ids:?} (skip {skip})"
        );
    }
}

/// Ids that stress the plan: added tokens, byte-fallback tokens, out-of-range ids.
struct Pools {
    size: u32,
    added: Vec<u32>,
    bytes: Vec<Option<u32>>,
}

impl Pools {
    fn new(tok: &Tokenizer) -> Self {
        let size = tok.get_vocab_size(true) as u32;
        let mut added: Vec<u32> = tok
            .get_added_vocabulary()
            .get_added_tokens_decoder()
            .keys()
            .copied()
            .collect();
        added.sort_unstable();
        let bytes = (0..=255u8)
            .map(|b| tok.token_to_id(&format!("<0x{b:02X}>")))
            .collect();
        Pools { size, added, bytes }
    }

    fn has_bytes(&self) -> bool {
        self.bytes.iter().any(Option::is_some)
    }

    fn any_id(&self, rng: &mut Rng) -> u32 {
        match rng.below(10) {
            0 if !self.added.is_empty() => self.added[rng.below(self.added.len())],
            1 => [
                self.size,
                self.size + 1,
                self.size + 1000,
                u32::MAX,
                u32::MAX - 1,
            ][rng.below(5)],
            2 if self.has_bytes() => loop {
                if let Some(id) = self.bytes[rng.below(256)] {
                    break id;
                }
            },
            _ => rng.below(self.size.max(1) as usize) as u32,
        }
    }

    /// Byte tokens spelling `bytes`, when the vocabulary has all of them.
    fn byte_run(&self, bytes: &[u8]) -> Option<Vec<u32>> {
        bytes.iter().map(|&b| self.bytes[b as usize]).collect()
    }
}

/// Byte runs: valid UTF-8 of 1 to 4 bytes, and invalid ones (lone continuation, truncated
/// sequences, bytes never valid, overlong, surrogate).
const RUNS: &[&[u8]] = &[
    b"a",
    b" ",
    "é".as_bytes(),
    "中".as_bytes(),
    "😀".as_bytes(),
    "▁".as_bytes(),
    "Ġ".as_bytes(),
    "中文".as_bytes(),
    b"\x80",
    b"\xE4\xB8",
    b"\xF0\x9F\x98",
    b"\xFF",
    b"a\xFFb",
    b"\xC0\xAF",
    b"\xED\xA0\x80",
    b"\xE4\xB8\xAD\xE4",
    b"<0x41>",
];

fn random_sequences(tok: &Tokenizer, seed: u64, count: usize) -> Vec<Vec<u32>> {
    let pools = Pools::new(tok);
    let mut rng = Rng(seed | 1);
    let mut out = vec![Vec::new()];
    for id in pools.added.iter().chain([pools.size, u32::MAX].iter()) {
        out.push(vec![*id]);
    }
    for i in 0..count {
        let len = rng.below(if i % 4 == 0 { 4 } else { 40 });
        let mut seq = Vec::with_capacity(len);
        for _ in 0..len {
            if pools.has_bytes() && rng.below(4) == 0 {
                if let Some(run) = pools.byte_run(RUNS[rng.below(RUNS.len())]) {
                    seq.extend(run);
                    continue;
                }
            }
            seq.push(pools.any_id(&mut rng));
        }
        out.push(seq);
    }
    if pools.has_bytes() {
        // Runs alone, and runs at the very start and end around one token.
        for run in RUNS {
            if let Some(ids) = pools.byte_run(run) {
                let mid = pools.any_id(&mut rng);
                out.push(ids.clone());
                out.push([ids.as_slice(), &[mid], ids.as_slice()].concat());
                out.push([&[mid], ids.as_slice()].concat());
            }
        }
    }
    out
}

fn check_tokenizer(tok: &Tokenizer, name: &str, seed: u64, samples: &[String]) -> usize {
    let mut checked = 0;
    for ids in random_sequences(tok, seed, 400) {
        check(tok, name, &ids);
        checked += 1;
    }
    let mut rng = Rng(seed.wrapping_mul(31) | 1);
    for text in samples {
        let Ok(encoding) = tok.encode(text.as_str(), true) else {
            continue;
        };
        let ids = encoding.get_ids();
        check(tok, name, ids);
        checked += 1;
        for _ in 0..8 {
            let a = rng.below(ids.len() + 1);
            let b = a + rng.below(ids.len() + 1 - a);
            check(tok, name, &ids[a..b]);
            checked += 1;
        }
    }
    checked
}

fn seed_of(name: &str) -> u64 {
    name.bytes().fold(0x9E37_79B9_7F4A_7C15, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01B3)
    })
}

#[test]
fn fixtures_plan_equals_general() {
    let samples = read_jsonl_texts(&manifest_dir().join("fixtures/sample-corpus.jsonl"), 20);
    for path in json_files(&manifest_dir().join("fixtures/tokenizers")) {
        let name = path.display().to_string();
        let tok = Tokenizer::from_file(&path).unwrap();
        check_tokenizer(&tok, &name, seed_of(&name), &samples);
    }
}

/// Decoder chains swapped into the byte-fallback fixture: positional decoders after
/// `ByteFallback`, decoders after the terminal, regex replacements, refused shapes.
const SWAPPED_DECODERS: &[&str] = &[
    r#"{"type":"Sequence","decoders":[{"type":"ByteFallback"},{"type":"Metaspace","replacement":"▁","prepend_scheme":"always","split":true}]}"#,
    r#"{"type":"Sequence","decoders":[{"type":"ByteFallback"},{"type":"Metaspace","replacement":"▁","prepend_scheme":"never","split":true},{"type":"Fuse"}]}"#,
    r#"{"type":"Sequence","decoders":[{"type":"Metaspace","replacement":"▁","prepend_scheme":"first","split":false},{"type":"ByteFallback"},{"type":"Fuse"}]}"#,
    r###"{"type":"Sequence","decoders":[{"type":"ByteFallback"},{"type":"WordPiece","prefix":"▁","cleanup":true}]}"###,
    r#"{"type":"Sequence","decoders":[{"type":"ByteFallback"},{"type":"BPEDecoder","suffix":"▁"}]}"#,
    r#"{"type":"Sequence","decoders":[{"type":"BPEDecoder","suffix":"a"},{"type":"ByteFallback"},{"type":"Fuse"},{"type":"Strip","content":" ","start":2,"stop":1}]}"#,
    r#"{"type":"Sequence","decoders":[{"type":"Replace","pattern":{"Regex":"▁+"},"content":" "},{"type":"ByteFallback"},{"type":"Fuse"},{"type":"Replace","pattern":{"String":"a"},"content":"<0x41>"}]}"#,
    r#"{"type":"Sequence","decoders":[{"type":"ByteFallback"},{"type":"ByteLevel","add_prefix_space":true,"trim_offsets":true,"use_regex":true},{"type":"Strip","content":" ","start":0,"stop":1}]}"#,
    r#"{"type":"Sequence","decoders":[{"type":"Strip","content":"▁","start":0,"stop":1},{"type":"ByteFallback"}]}"#,
    r#"{"type":"Sequence","decoders":[{"type":"Sequence","decoders":[{"type":"ByteFallback"}]},{"type":"Sequence","decoders":[{"type":"Fuse"},{"type":"Metaspace","replacement":"▁","prepend_scheme":"always","split":true}]}]}"#,
    r#"{"type":"Sequence","decoders":[{"type":"ByteFallback"},{"type":"ByteFallback"},{"type":"Fuse"}]}"#,
    r#"{"type":"Sequence","decoders":[{"type":"CTC","pad_token":"<unk>","word_delimiter_token":"▁","cleanup":true},{"type":"ByteFallback"}]}"#,
    r#"{"type":"CTC","pad_token":"<unk>","word_delimiter_token":"▁","cleanup":false}"#,
    r#"{"type":"ByteLevel","add_prefix_space":true,"trim_offsets":true,"use_regex":true}"#,
    r#"{"type":"Fuse"}"#,
    r#"{"type":"Strip","content":"▁","start":1,"stop":1}"#,
];

#[test]
fn swapped_decoders_plan_equals_general() {
    let path = manifest_dir().join("fixtures/tokenizers/sp-bpe-bytefallback.json");
    let base: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let samples = read_jsonl_texts(&manifest_dir().join("fixtures/sample-corpus.jsonl"), 10);
    for (i, decoder) in SWAPPED_DECODERS.iter().enumerate() {
        let mut json = base.clone();
        json["decoder"] = serde_json::from_str(decoder).unwrap();
        let tok: Tokenizer = json.to_string().parse().unwrap();
        check_tokenizer(&tok, decoder, 1000 + i as u64, &samples);
    }
}

#[test]
fn ids_beyond_the_vocabulary_size() {
    // Ids 7 and 40 exceed the vocabulary size (4) yet have tokens.
    let vocab = r#"{"[UNK]": 0, "hello": 1, "▁wor": 7, "ld": 40}"#;
    for decoder in [
        "null",
        r#"{"type":"Metaspace","replacement":"▁","prepend_scheme":"always","split":true}"#,
        r#"{"type":"ByteLevel","add_prefix_space":true,"trim_offsets":true,"use_regex":true}"#,
    ] {
        let json = format!(
            r#"{{"version":"1.0","model":{{"type":"WordLevel","vocab":{vocab},"unk_token":"[UNK]"}},
            "added_tokens":[{{"id":3,"content":"<s>","single_word":false,"lstrip":false,
            "rstrip":false,"normalized":false,"special":true}}],"decoder":{decoder}}}"#
        );
        let tok: Tokenizer = json.parse().unwrap();
        for ids in [
            &[1, 7, 40][..],
            &[3, 1, 2, 7, 5, 40, 3],
            &[40],
            &[2, 4, 5, 6],
            &[],
        ] {
            check(&tok, decoder, ids);
        }
        assert!(tok.decode(&[1, 7, 40], false).unwrap().contains("ld"));
    }
}

#[test]
fn added_tokens_rebuild_the_plan() {
    let path = manifest_dir().join("fixtures/tokenizers/bytelevel-bpe.json");
    let mut tok = Tokenizer::from_file(path).unwrap();
    let before = tok.get_vocab_size(true) as u32;
    assert_eq!(tok.decode(&[before], false).unwrap(), "");
    tok.add_tokens(&[
        AddedToken::from("€uro", false),
        AddedToken::from("<extra>", true),
    ])
    .unwrap();
    let new = [before, before + 1, 5, before];
    check(&tok, "bytelevel-bpe + added", &new);
    assert!(tok.decode(&new, false).unwrap().contains("€uro"));
    let clone = tok.clone();
    check(&clone, "clone", &new);
}

#[test]
fn shared_plan_equals_general() {
    let Some(dir) = conformance_dir() else {
        eprintln!("shared conformance tokenizers not found; set SUBTOK_CONFORMANCE_DIR to run");
        return;
    };
    let samples = corpus_samples(3, 3000);
    if samples.is_empty() {
        eprintln!("shared corpus not found; random id sequences only");
    }
    let mut total = 0;
    for path in json_files(&dir.join("tokenizers")) {
        let name = path.display().to_string();
        let tok = Tokenizer::from_file(&path).unwrap();
        total += check_tokenizer(&tok, &name, seed_of(&name), &samples);
    }
    assert!(total > 0);
}

#[test]
#[ignore]
fn decode_throughput() {
    let Some(dir) = conformance_dir() else {
        eprintln!("shared conformance tokenizers not found");
        return;
    };
    let docs = read_jsonl_texts(&corpus_dir().join("english.jsonl"), 300);
    for name in ["gpt2", "llama2", "bert-base-uncased", "t5-small", "qwen2.5"] {
        let tok = Tokenizer::from_file(dir.join(format!("tokenizers/{name}.json"))).unwrap();
        let start = Instant::now();
        tok.decode(&[1], false).unwrap();
        println!("{name}: first decode (plan build) {:?}", start.elapsed());
        let ids: Vec<Vec<u32>> = docs
            .iter()
            .map(|d| tok.encode(d.as_str(), false).unwrap().get_ids().to_vec())
            .collect();
        for (label, general) in [("plan", false), ("general", true)] {
            let run = |i: &[u32]| {
                if general {
                    tok.decode_general(i, true)
                } else {
                    tok.decode(i, true)
                }
                .unwrap()
                .len()
            };
            run(&ids[0]);
            let start = Instant::now();
            let (mut bytes, mut rounds) = (0usize, 0);
            while start.elapsed().as_secs_f64() < 1.5 {
                bytes += ids.iter().map(|i| run(i)).sum::<usize>();
                rounds += 1;
            }
            let secs = start.elapsed().as_secs_f64();
            println!(
                "{name} {label}: {:.1} MB/s ({rounds} rounds)",
                bytes as f64 / secs / 1e6
            );
        }
    }
}
