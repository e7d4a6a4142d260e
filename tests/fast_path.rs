//! The ids-only path (`encode_ids`, `encode_ids_into`, `encode_batch_ids`) against the
//! reference and against the full `encode`.
//!
//! - every `encode` case of every tokenizer of the shared golden data
//!   (`$SUBTOK_CONFORMANCE_DIR`, else `../shared/conformance`; skipped loudly when missing,
//!   a failure under `CI=true`) and of `fixtures/`: `encode_ids` gives the expected ids (or
//!   an error where one is expected), and `encode_batch_ids` equals the sequential results;
//! - every document of `fixtures/sample-corpus.jsonl`: `encode_ids == encode().get_ids()`
//!   for the fixture tokenizers and the main published ones;
//! - property tests on random input (a small xorshift generator, fixed seeds): byte-level
//!   BPE round trip, the fast BPE against a naive quadratic one, and the Unigram Viterbi
//!   against brute-force enumeration of segmentations.

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;
use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use flate2::read::GzDecoder;
use serde_json::Value;
use subtok::models::ModelWrapper;
use subtok::{Model, Tokenizer};

/// Shared tokenizers checked on the sample corpus.
const CORPUS_TOKENIZERS: &[&str] = &[
    "gpt2",
    "llama3",
    "qwen2.5",
    "gpt4-cl100k",
    "llama2",
    "bert-base-uncased",
    "t5-small",
    // Plans with general cuts: a `ByteLevel` step before `Digits` and a `Split` regex
    // (units), a `Split` regex with `invert`, a `Split` literal, `Punctuation` and `Digits`.
    "falcon-7b",
    "clip-vit",
    "chatglm3-6b",
    "syn-split-contiguous",
    "syn-split-merged-with-previous",
    "syn-split-removed",
    "syn-wordpiece-nfkd-punct-digits",
];

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn conformance_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("SUBTOK_CONFORMANCE_DIR") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => manifest_dir().join("../shared/conformance"),
    };
    if dir.join("tokenizers").is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var("CI").map_or(true, |v| v != "true"),
        "the conformance data is missing at {} (required under CI=true)",
        dir.display()
    );
    eprintln!(
        "SKIPPED: no conformance data at {}; only fixtures are checked",
        dir.display()
    );
    None
}

/// `(name, tokenizer file, cases file)` of every tokenizer of both suites.
fn suites() -> Vec<(String, PathBuf, PathBuf)> {
    let mut out = Vec::new();
    let mut dirs = vec![manifest_dir().join("fixtures")];
    dirs.extend(conformance_dir());
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir.join("tokenizers")) else {
            continue;
        };
        let mut names: Vec<String> = entries
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let p = e.path();
                (p.extension()? == "json").then(|| p.file_stem()?.to_str().map(str::to_owned))?
            })
            .collect();
        names.sort();
        for name in names {
            let tok = dir.join("tokenizers").join(format!("{name}.json"));
            let cases = dir.join("cases").join(format!("{name}.jsonl.gz"));
            if cases.is_file() {
                out.push((name, tok, cases));
            }
        }
    }
    out
}

fn read_cases(path: &Path) -> Vec<Value> {
    let reader = BufReader::new(GzDecoder::new(File::open(path).unwrap()));
    reader
        .lines()
        .map(|l| l.unwrap())
        .filter(|l| l.contains("\"encode\""))
        .map(|l| serde_json::from_str::<Value>(&l).unwrap())
        .filter(|c| c["kind"] == "encode")
        .collect()
}

/// Loads a tokenizer with its BPE model's pre-formed chars built up front, so that the ids
/// path runs with them everywhere in this file (they are otherwise built only once many
/// multi-byte chars have come; the conformance tests run without them).
fn load(path: &Path) -> Tokenizer {
    let tok = Tokenizer::from_file(path).unwrap();
    if let ModelWrapper::BPE(bpe) = tok.get_model() {
        bpe.build_preformed_chars();
    }
    tok
}

#[test]
fn encode_ids_matches_golden_cases() {
    let mut failures = Vec::new();
    let mut total = 0;
    for (name, tok_path, cases_path) in suites() {
        let tok = load(&tok_path);
        let mut singles: Vec<(String, bool, Vec<u32>)> = Vec::new();
        for case in read_cases(&cases_path) {
            total += 1;
            let input = case["input"].as_str().unwrap();
            let special = case["add_special_tokens"].as_bool().unwrap();
            let got = match case["pair"].as_str() {
                None => tok.encode_ids(input, special),
                Some(pair) => tok.encode_ids((input, pair), special),
            };
            let expected: Option<Vec<u32>> = case
                .get("expect")
                .map(|e| serde_json::from_value(e["ids"].clone()).unwrap());
            match (&got, &expected) {
                (Ok(g), Some(e)) if g == e => {
                    if case["pair"].is_null() {
                        singles.push((input.to_owned(), special, g.clone()));
                    }
                }
                (Err(_), None) => {}
                _ => failures.push(format!(
                    "{name} {}: input {input:?}: got {got:?}, expected {expected:?}",
                    case["id"]
                )),
            }
        }
        for special in [false, true] {
            let (texts, want): (Vec<&str>, Vec<&Vec<u32>>) = singles
                .iter()
                .filter(|s| s.1 == special)
                .map(|s| (s.0.as_str(), &s.2))
                .unzip();
            let got = tok.encode_batch_ids(&texts, special).unwrap();
            if tok.get_padding().is_some() {
                // A padded batch is padded as a whole, like `encode_batch`.
                let full: Vec<Vec<u32>> = tok
                    .encode_batch(texts.clone(), special)
                    .unwrap()
                    .iter()
                    .map(|e| e.get_ids().to_vec())
                    .collect();
                if got != full {
                    failures.push(format!(
                        "{name}: encode_batch_ids differs from encode_batch"
                    ));
                }
            } else if got.iter().collect::<Vec<_>>() != want {
                failures.push(format!("{name}: encode_batch_ids differs from encode_ids"));
            }
        }
    }
    println!("{total} encode cases checked");
    assert!(total > 0);
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures[..failures.len().min(20)].join("\n")
    );
}

#[test]
fn encode_ids_matches_encode_on_sample_corpus() {
    let corpus: Vec<String> =
        std::fs::read_to_string(manifest_dir().join("fixtures/sample-corpus.jsonl"))
            .unwrap()
            .lines()
            .map(|l| {
                let v: Value = serde_json::from_str(l).unwrap();
                v["text"].as_str().unwrap().to_owned()
            })
            .collect();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(manifest_dir().join("fixtures/tokenizers"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    if let Some(dir) = conformance_dir() {
        paths.extend(
            CORPUS_TOKENIZERS
                .iter()
                .map(|n| dir.join("tokenizers").join(format!("{n}.json"))),
        );
    }
    let mut buf = Vec::new();
    for path in paths {
        let tok = load(&path);
        for special in [false, true] {
            for text in &corpus {
                let want = tok.encode(text.as_str(), special).unwrap();
                tok.encode_ids_into(text, special, &mut buf).unwrap();
                assert_eq!(buf, want.get_ids(), "{}: {text:?}", path.display());
            }
            let batch = tok.encode_batch_ids(&corpus, special).unwrap();
            if tok.get_padding().is_some() {
                let inputs: Vec<&str> = corpus.iter().map(String::as_str).collect();
                let full = tok.encode_batch(inputs, special).unwrap();
                for (ids, enc) in batch.iter().zip(&full) {
                    assert_eq!(ids, enc.get_ids());
                }
            } else {
                for (text, ids) in corpus.iter().zip(&batch) {
                    assert_eq!(ids, &tok.encode_ids(text.as_str(), special).unwrap());
                }
            }
        }
    }
}

/// Texts that stress Llama-style tokenizers (no pre-tokenizer, `Prepend("▁")` and
/// `Replace(" ", "▁")`), whose ids path finds the model's parts in the original text:
/// spaces and `▁` in runs and at the ends, added tokens glued to words and spaces, long
/// parts, newlines inside parts, multi-byte chars.
#[test]
fn encode_ids_matches_encode_on_llama_style_texts() {
    let mut paths = vec![manifest_dir().join("fixtures/tokenizers/sp-bpe-bytefallback.json")];
    if let Some(dir) = conformance_dir() {
        for name in ["llama2", "mistral-7b-v0.1", "yi", "baichuan2"] {
            paths.push(dir.join("tokenizers").join(format!("{name}.json")));
        }
    }
    const POOL: &[&str] = &[
        " ",
        "  ",
        "\u{2581}",
        "\u{2581}\u{2581}",
        " \u{2581}",
        "\u{2581} ",
        "a",
        "the",
        "Hello",
        "internationalization",
        "\n",
        "\n\n",
        "\t",
        ".",
        ",",
        "é",
        "中文",
        "😀",
        "<s>",
        "</s>",
        "<unk>",
        "<",
        "s>",
        "1",
        "2024",
    ];
    let mut rng = Rng(0x1234_5678_9ABC_DEF1);
    let mut texts: Vec<String> = (0..3000)
        .map(|_| {
            let n = 1 + rng.below(24);
            (0..n).map(|_| POOL[rng.below(POOL.len())]).collect()
        })
        .collect();
    texts.extend(POOL.iter().map(|s| (*s).to_owned()));
    let mut buf = Vec::new();
    for path in paths {
        let tok = load(&path);
        for special in [false, true] {
            for text in &texts {
                let want = tok.encode(text.as_str(), special).unwrap();
                tok.encode_ids_into(text, special, &mut buf).unwrap();
                assert_eq!(buf, want.get_ids(), "{}: {text:?}", path.display());
            }
        }
    }
}

/// Byte-level files on text of many scripts, with the pre-formed chars built: random
/// vocabulary tokens (decoded, so multi-char words and partial chars, which decode to
/// U+FFFD) and random chars of a dozen scripts, glued or spaced.
#[test]
fn encode_ids_matches_encode_on_many_scripts() {
    // Unique ids and undecorated byte chars: each must have the table (gpt-neox-20b and
    // olmo-1 leave out a dozen control bytes, and a word with one of those takes the
    // spelled path).
    const FILES: &[&str] = &[
        "gpt2",
        "llama3",
        "qwen2.5",
        "gpt4-cl100k",
        "gpt-neox-20b",
        "olmo-1",
    ];
    let mut paths = vec![manifest_dir().join("fixtures/tokenizers/bytelevel-bpe.json")];
    if let Some(dir) = conformance_dir() {
        for name in FILES {
            paths.push(dir.join("tokenizers").join(format!("{name}.json")));
        }
    }
    const RANGES: &[(u32, u32)] = &[
        (0x4E00, 0x9FFF),
        (0x3040, 0x30FF),
        (0xAC00, 0xD7A3),
        (0x0400, 0x04FF),
        (0x0370, 0x03FF),
        (0x0600, 0x06FF),
        (0x0900, 0x097F),
        (0x0E00, 0x0E7F),
        (0x00A0, 0x017F),
        (0x2000, 0x206F),
        (0x3000, 0x303F),
        (0xFF00, 0xFFEF),
        (0x1F300, 0x1F6FF),
        (0x0300, 0x036F),
    ];
    const GLUE: &[&str] = &[
        "", "", "", " ", "  ", "\n", ".", ",", "a", "1", "、", "。", "\u{1}", "\u{7f}", "\t",
    ];
    let mut rng = Rng(0x0DDB_1A5E_5BAD_5EED);
    let mut buf = Vec::new();
    for path in paths {
        let tok = load(&path);
        let ModelWrapper::BPE(bpe) = tok.get_model() else {
            panic!("{}: not BPE", path.display());
        };
        assert!(
            bpe.build_preformed_chars(),
            "{}: no pre-formed chars",
            path.display()
        );
        let size = tok.get_vocab_size(false) as u32;
        let mut words: Vec<String> = Vec::new();
        while words.len() < 4000 {
            let id = rng.below(size as usize) as u32;
            if let Ok(word) = tok.decode(&[id], false) {
                if !word.is_ascii() {
                    words.push(word);
                }
            }
        }
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..1 + rng.below(12) {
                text.push_str(GLUE[rng.below(GLUE.len())]);
                if rng.below(2) == 0 {
                    text.push_str(&words[rng.below(words.len())]);
                } else {
                    let (lo, hi) = RANGES[rng.below(RANGES.len())];
                    for _ in 0..1 + rng.below(6) {
                        let cp = lo + rng.below((hi - lo + 1) as usize) as u32;
                        text.extend(char::from_u32(cp));
                    }
                }
            }
            let want = tok.encode(text.as_str(), false).unwrap();
            tok.encode_ids_into(&text, false, &mut buf).unwrap();
            assert_eq!(buf, want.get_ids(), "{}: {text:?}", path.display());
        }
    }
}

/// A random string mixing ASCII, Latin, CJK, emoji and whitespace.
fn unicode_string(rng: &mut Rng, max_chars: usize) -> String {
    const POOL: &[&str] = &[
        "a", "b", "e", "t", "h", " ", "  ", "\n", "\t", "'s", "ll", "1", "42", ".", ",", "!", "é",
        "ß", "Ä", "ﬁ", "中", "文", "日", "한", "😀", "👍🏽", "\u{301}", "\u{200D}", "—", "“",
        "\u{A0}", "\u{3000}", "\r\n", "\0", "\u{FFFD}", "Σ", "İ",
    ];
    let n = rng.below(max_chars + 1);
    (0..n).map(|_| POOL[rng.below(POOL.len())]).collect()
}

fn fixture(name: &str) -> (Tokenizer, Value) {
    let path = manifest_dir().join("fixtures/tokenizers").join(name);
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    (Tokenizer::from_file(&path).unwrap(), json)
}

#[test]
fn byte_level_bpe_round_trips_random_text() {
    let (tok, _) = fixture("bytelevel-bpe.json");
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3000 {
        let text = unicode_string(&mut rng, 24);
        let ids = tok.encode_ids(text.as_str(), false).unwrap();
        assert_eq!(ids, tok.encode(text.as_str(), false).unwrap().get_ids());
        assert_eq!(tok.decode(&ids, false).unwrap(), text, "{text:?}");
    }
}

/// BPE by the book: repeatedly merge the leftmost adjacent pair of lowest rank.
fn naive_bpe(word: &[String], ranks: &HashMap<(String, String), usize>) -> Vec<String> {
    let mut symbols = word.to_vec();
    loop {
        let best = (0..symbols.len().saturating_sub(1))
            .filter_map(|i| {
                ranks
                    .get(&(symbols[i].clone(), symbols[i + 1].clone()))
                    .map(|&r| (r, i))
            })
            .min();
        let Some((_, i)) = best else {
            return symbols;
        };
        let right = symbols.remove(i + 1);
        symbols[i].push_str(&right);
    }
}

#[test]
fn fast_bpe_agrees_with_naive_bpe() {
    let (tok, json) = fixture("bytelevel-bpe.json");
    let merges = json["model"]["merges"].as_array().unwrap();
    let mut ranks = HashMap::new();
    for (rank, m) in merges.iter().enumerate() {
        let (a, b) = match m {
            Value::String(s) => {
                let (a, b) = s.split_once(' ').unwrap();
                (a.to_owned(), b.to_owned())
            }
            Value::Array(p) => (
                p[0].as_str().unwrap().to_owned(),
                p[1].as_str().unwrap().to_owned(),
            ),
            other => panic!("bad merge {other}"),
        };
        ranks.entry((a, b)).or_insert(rank);
    }
    // The last rank of a duplicated pair wins, as in the reference.
    for (rank, m) in merges.iter().enumerate() {
        if let Value::String(s) = m {
            let (a, b) = s.split_once(' ').unwrap();
            ranks.insert((a.to_owned(), b.to_owned()), rank);
        }
    }
    let ModelWrapper::BPE(bpe) = tok.get_model() else {
        panic!("not a BPE fixture");
    };
    // Words over the chars that appear in merges, so that many merges apply.
    let alphabet: Vec<char> = {
        let mut set: Vec<char> = ranks
            .keys()
            .flat_map(|(a, b)| a.chars().chain(b.chars()).collect::<Vec<_>>())
            .collect();
        set.sort_unstable();
        set.dedup();
        set
    };
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    for _ in 0..5000 {
        let len = 1 + rng.below(12);
        let word: Vec<String> = (0..len)
            .map(|_| alphabet[rng.below(alphabet.len())].to_string())
            .collect();
        let text: String = word.concat();
        let want: Vec<u32> = naive_bpe(&word, &ranks)
            .iter()
            .map(|t| bpe.token_to_id(t).unwrap())
            .collect();
        let mut got = Vec::new();
        bpe.tokenize_ids(&text, &mut got).unwrap();
        assert_eq!(got, want, "{text:?}");
        let full: Vec<u32> = bpe.tokenize(&text).unwrap().iter().map(|t| t.id).collect();
        assert_eq!(full, want, "{text:?}");
    }
}

/// Best total score over all segmentations of `s` into vocabulary pieces.
fn brute_force_best(s: &[char], scores: &HashMap<String, f64>) -> Option<f64> {
    if s.is_empty() {
        return Some(0.0);
    }
    let mut best: Option<f64> = None;
    for end in 1..=s.len() {
        let head: String = s[..end].iter().collect();
        if let Some(&score) = scores.get(&head) {
            if let Some(rest) = brute_force_best(&s[end..], scores) {
                let total = score + rest;
                best = Some(best.map_or(total, |b: f64| b.max(total)));
            }
        }
    }
    best
}

#[test]
fn unigram_viterbi_agrees_with_brute_force() {
    let (tok, _) = fixture("unigram-metaspace.json");
    let ModelWrapper::Unigram(model) = tok.get_model() else {
        panic!("not a Unigram fixture");
    };
    let scores: HashMap<String, f64> = model.pieces().iter().cloned().collect();
    // Chars that are pieces on their own, so every string has a segmentation.
    let mut alphabet: Vec<char> = scores
        .keys()
        .filter(|p| p.chars().count() == 1)
        .filter_map(|p| p.chars().next())
        .filter(|c| c.is_alphabetic() || *c == '▁')
        .collect();
    alphabet.sort_unstable();
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    let mut checked = 0;
    for _ in 0..3000 {
        let len = 1 + rng.below(9);
        let chars: Vec<char> = (0..len)
            .map(|_| alphabet[rng.below(alphabet.len())])
            .collect();
        let text: String = chars.iter().collect();
        let Some(best) = brute_force_best(&chars, &scores) else {
            continue;
        };
        let tokens = model.tokenize(&text).unwrap();
        let got: f64 = tokens.iter().map(|t| scores[&t.value]).sum();
        assert!(
            (got - best).abs() < 1e-9,
            "{text:?}: Viterbi {got} vs best {best}"
        );
        let mut ids = Vec::new();
        tok.get_model().tokenize_ids(&text, &mut ids).unwrap();
        assert_eq!(ids, tokens.iter().map(|t| t.id).collect::<Vec<_>>());
        checked += 1;
    }
    assert!(checked > 1000);
}

/// Every `step`-th text of the sample corpus, then `extra`.
fn sample_texts(step: usize, extra: &[&str]) -> Vec<String> {
    std::fs::read_to_string(manifest_dir().join("fixtures/sample-corpus.jsonl"))
        .unwrap()
        .lines()
        .step_by(step)
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            v["text"].as_str().unwrap().to_owned()
        })
        .chain(extra.iter().map(|t| (*t).to_owned()))
        .collect()
}

/// The fixture tokenizers, and the named shared files when the conformance data is there.
fn fixtures_and(shared: &[&str]) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(manifest_dir().join("fixtures/tokenizers"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    if let Some(dir) = conformance_dir() {
        for name in shared {
            paths.push(dir.join("tokenizers").join(format!("{name}.json")));
        }
    }
    paths
}

/// `encode_ids` with truncation (single texts: the fast path truncates the model's ids)
/// gives `encode`'s ids, or fails where `encode` fails, for every direction, strategy and
/// budget, with strides below, at and above the budget, with and without special tokens.
#[test]
fn encode_ids_matches_encode_with_truncation() {
    use subtok::utils::truncation::{TruncationDirection, TruncationParams, TruncationStrategy};
    let corpus = sample_texts(10, &["", "a", "Hello world", "  x  "]);
    let paths = fixtures_and(&["albert-base-v2", "gpt2", "bert-base-uncased", "falcon-7b"]);
    let mut checked = 0;
    for path in paths {
        let mut tok = load(&path);
        tok.with_padding(None);
        for direction in [TruncationDirection::Right, TruncationDirection::Left] {
            for strategy in [
                TruncationStrategy::LongestFirst,
                TruncationStrategy::OnlyFirst,
                TruncationStrategy::OnlySecond,
            ] {
                for max_length in [0, 1, 2, 3, 7, 64] {
                    for stride in [0, 2, 7] {
                        tok.with_truncation(Some(TruncationParams {
                            direction,
                            max_length,
                            strategy,
                            stride,
                        }))
                        .unwrap();
                        for special in [false, true] {
                            for text in &corpus {
                                let want = tok.encode(text.as_str(), special);
                                let got = tok.encode_ids(text.as_str(), special);
                                match (&got, &want) {
                                    (Ok(g), Ok(w)) => assert_eq!(
                                        g,
                                        w.get_ids(),
                                        "{}: {direction:?} {strategy:?} max {max_length} \
                                         stride {stride} special {special}: {text:?}",
                                        path.display()
                                    ),
                                    _ => assert_eq!(
                                        got.is_err(),
                                        want.is_err(),
                                        "{}: {direction:?} {strategy:?} max {max_length} \
                                         stride {stride} special {special}: {text:?}",
                                        path.display()
                                    ),
                                }
                                checked += 1;
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(checked > 0);
}

/// `encode_ids` and `encode_batch_ids` with padding (and truncation) give the ids of
/// `encode` and `encode_batch`, or fail where those fail, for fixed and batch-longest
/// targets, multiples and both sides.
#[test]
fn encode_ids_matches_encode_with_padding() {
    use subtok::utils::padding::{PaddingDirection, PaddingParams, PaddingStrategy};
    use subtok::utils::truncation::TruncationParams;
    let corpus = sample_texts(7, &["", "a", "Hello world"]);
    let paths = fixtures_and(&["all-minilm-l6-v2", "all-minilm-l6-v2-batchpad", "gpt2"]);
    let texts: Vec<&str> = corpus.iter().map(String::as_str).collect();
    for path in paths {
        let mut tok = load(&path);
        for truncation in [None, Some(32)] {
            tok.with_truncation(truncation.map(|max_length| TruncationParams {
                max_length,
                ..TruncationParams::default()
            }))
            .unwrap();
            for strategy in [PaddingStrategy::BatchLongest, PaddingStrategy::Fixed(48)] {
                for multiple in [None, Some(0), Some(8)] {
                    for direction in [PaddingDirection::Right, PaddingDirection::Left] {
                        tok.with_padding(Some(PaddingParams {
                            strategy,
                            direction,
                            pad_to_multiple_of: multiple,
                            pad_id: 7,
                            ..PaddingParams::default()
                        }));
                        let what = format!(
                            "{}: truncation {truncation:?} {strategy:?} {multiple:?} {direction:?}",
                            path.display()
                        );
                        for special in [false, true] {
                            for text in &texts {
                                let want = tok.encode(*text, special).unwrap();
                                let got = tok.encode_ids(*text, special).unwrap();
                                assert_eq!(got, want.get_ids(), "{what}: {text:?}");
                            }
                            let want: Vec<Vec<u32>> = tok
                                .encode_batch(texts.clone(), special)
                                .unwrap()
                                .iter()
                                .map(|e| e.get_ids().to_vec())
                                .collect();
                            let got = tok.encode_batch_ids(&texts, special).unwrap();
                            assert_eq!(got, want, "{what}: batch");
                        }
                    }
                }
            }
        }
        // A target past the limit fails in both paths.
        tok.with_padding(Some(PaddingParams {
            strategy: PaddingStrategy::Fixed(usize::MAX / 2),
            ..PaddingParams::default()
        }));
        assert!(tok.encode("Hello world", false).is_err());
        assert!(tok.encode_ids("Hello world", false).is_err());
        assert!(tok.encode_batch_ids(&["Hello world"], false).is_err());
    }
}
