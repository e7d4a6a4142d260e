//! The fast path of `encode` against the general path (`encode_general`): equal
//! `Encoding`s (ids, tokens, offsets, word ids, type ids, masks, overflow, sequence ranges).
//!
//! - the tokenizers of `fixtures/tokenizers` on `fixtures/sample-corpus.jsonl` and on a
//!   generated adversarial mix (always run);
//! - the main published tokenizers of the shared golden data (`$SUBTOK_CONFORMANCE_DIR`, else
//!   `../shared/conformance`) on every document of `../shared/corpus/{english,code,
//!   multilingual}.jsonl` (`$SUBTOK_CORPUS_DIR`) and on the adversarial mix; skipped with a
//!   message when the data is absent. Debug builds take every 16th document (the general
//!   path is slow unoptimized); release builds take all of them.

#[path = "support/adversarial_inputs.rs"]
mod adversarial_inputs;

#[path = "support/rng.rs"]
mod rng;
#[path = "support/shared_data.rs"]
mod shared_data;
use rng::Rng;
use shared_data::{conformance_dir, corpus_dir, manifest_dir};
use std::path::{Path, PathBuf};

use serde_json::Value;
use subtok::Tokenizer;

/// Published tokenizers checked on the corpora.
const SHARED_TOKENIZERS: &[&str] = &[
    "gpt2",
    "llama3",
    "qwen2.5",
    "gpt4-cl100k",
    "bert-base-uncased",
    "t5-small",
    "llama2",
    "yi",
    // Plans with a `Split` regex (inverted), a `Split` literal, `Punctuation` and `Digits`.
    "clip-vit",
    "chatglm3-6b",
    // `ByteLevel` followed by `Digits` and a `Split` regex (units).
    "falcon-7b",
    "syn-split-merged-with-next",
    "syn-wordpiece-nfkd-punct-digits",
];

fn read_jsonl_texts(path: &Path) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(path).ok()?;
    Some(
        text.lines()
            .filter_map(|l| serde_json::from_str::<Value>(l).ok())
            .filter_map(|v| v["text"].as_str().map(str::to_owned))
            .collect(),
    )
}

/// xorshift64: small, deterministic.
/// Random texts mixing what stresses alignments: multi-byte chars, combining marks,
/// controls, every kind of whitespace, the Metaspace char, CJK, case changes, decomposable
/// and compatibility chars, and the tokenizer's own added tokens (also glued to words);
/// then the shared adversarial generators at small sizes.
fn adversarial_mix(tok: &Tokenizer) -> Vec<String> {
    let mut pool: Vec<String> = [
        "a",
        "b",
        "e",
        "t",
        "H",
        "The",
        "WORLD",
        " ",
        "  ",
        "   ",
        "\n",
        "\n\n",
        "\t",
        "\r\n",
        "\r",
        "'s",
        "'LL",
        "ll",
        "1",
        "42",
        "12345",
        ".",
        ",",
        "!",
        "?!",
        "é",
        "e\u{301}",
        "\u{301}",
        "\u{323}\u{307}",
        "ß",
        "Ä",
        "İ",
        "ǅ",
        "ﬁ",
        "①",
        "𝔾",
        "中",
        "文字",
        "日本",
        "한국어",
        "😀",
        "👍🏽",
        "\u{200D}",
        "—",
        "“",
        "”",
        "\u{A0}",
        "\u{3000}",
        "\u{2028}",
        "\0",
        "\u{1}",
        "\u{7F}",
        "\u{AD}",
        "\u{FFFD}",
        "Σ",
        "ς",
        "▁",
        "▁▁",
        " ▁",
        "<",
        ">",
        "|",
        "_",
        "##",
        "Ġ",
        "\u{E000}",
        "\u{10FFFF}",
        "ℌ",
        "Å",
        "\u{212B}",
        "ﾊ",
        "ｶﾞ",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    let mut added: Vec<String> = tok
        .get_added_vocabulary()
        .get_vocab()
        .keys()
        .cloned()
        .collect();
    added.sort();
    pool.extend(added.into_iter().take(12));
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut out: Vec<String> = (0..400)
        .map(|_| {
            let n = 1 + rng.below(30);
            (0..n)
                .map(|_| pool[rng.below(pool.len())].as_str())
                .collect()
        })
        .collect();
    out.extend(
        adversarial_inputs::all(300)
            .into_iter()
            .map(|(_, text)| text),
    );
    out.push(String::new());
    out
}

/// Compares both paths on `texts` (singles with and without special tokens, and pairs of
/// neighbours); returns the number of failures (printing the first few).
fn compare(name: &str, tok: &Tokenizer, texts: &[String]) -> usize {
    let mut failures = 0;
    let mut report =
        |what: &str, text: &str, fast: &dyn std::fmt::Debug, slow: &dyn std::fmt::Debug| {
            failures += 1;
            if failures <= 3 {
                eprintln!(
                    "{name}: {what} differs on {:?}\n fast: {fast:?}\n slow: {slow:?}",
                    text.chars().take(200).collect::<String>()
                );
            }
        };
    for (i, text) in texts.iter().enumerate() {
        for special in [false, true] {
            let fast = tok.encode(text.as_str(), special);
            let slow = tok.encode_general(text.as_str(), special);
            match (&fast, &slow) {
                (Ok(f), Ok(s)) if f == s => {}
                (Err(_), Err(_)) => {}
                _ => report("encode", text, &fast, &slow),
            }
        }
        if i % 7 == 0 {
            let other = &texts[(i + 1) % texts.len()];
            let fast = tok.encode((text.as_str(), other.as_str()), true);
            let slow = tok.encode_general((text.as_str(), other.as_str()), true);
            match (&fast, &slow) {
                (Ok(f), Ok(s)) if f == s => {}
                (Err(_), Err(_)) => {}
                _ => report("pair", text, &fast, &slow),
            }
            let words: Vec<&str> = text.split(' ').take(20).collect();
            let fast = tok.encode(words.as_slice(), true);
            let slow = tok.encode_general(words.as_slice(), true);
            match (&fast, &slow) {
                (Ok(f), Ok(s)) if f == s => {}
                (Err(_), Err(_)) => {}
                _ => report("pre-tokenized", text, &fast, &slow),
            }
        }
    }
    failures
}

/// Every `step`-th item.
fn every<T: Clone>(items: &[T], step: usize) -> Vec<T> {
    items.iter().step_by(step).cloned().collect()
}

const DEBUG_STEP: usize = if cfg!(debug_assertions) { 16 } else { 1 };

#[test]
fn fixture_tokenizers_fast_equals_general() {
    let corpus = read_jsonl_texts(&manifest_dir().join("fixtures/sample-corpus.jsonl"))
        .expect("fixtures/sample-corpus.jsonl");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(manifest_dir().join("fixtures/tokenizers"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty());
    let mut failures = 0;
    for path in paths {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let tok = Tokenizer::from_file(&path).unwrap();
        failures += compare(&name, &tok, &corpus);
        failures += compare(&name, &tok, &adversarial_mix(&tok));
    }
    assert_eq!(failures, 0, "the fast path differs from the general path");
}

/// Plans whose `ByteLevel` step is followed by more cuts (as Falcon's), on the byte-level
/// fixture's model: with and without the leading space, with no normalizer, one that keeps
/// char boundaries and one that does not, on the sample corpus and the adversarial mix
/// (with digits, and chars whose UTF-8 bytes spell as numerals: `²` is `C2 B2`, spelled
/// `Â²`, which `Digits` cuts in two).
#[test]
fn byte_level_followed_by_cuts_fast_equals_general() {
    let corpus = read_jsonl_texts(&manifest_dir().join("fixtures/sample-corpus.jsonl"))
        .expect("fixtures/sample-corpus.jsonl");
    let path = manifest_dir().join("fixtures/tokenizers/bytelevel-bpe.json");
    let base: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let normalizers = [
        "null",
        r#"{"type":"Lowercase"}"#,
        r#"{"type":"Sequence","normalizers":[{"type":"NFKD"},{"type":"Replace","pattern":{"String":"a"},"content":"aa"}]}"#,
    ];
    let mut failures = 0;
    for normalizer in normalizers {
        for prefix_space in [false, true] {
            let pre = format!(
                r#"{{"type":"Sequence","pretokenizers":[
                    {{"type":"Punctuation","behavior":"Contiguous"}},
                    {{"type":"ByteLevel","add_prefix_space":{prefix_space},"trim_offsets":true,"use_regex":true}},
                    {{"type":"Digits","individual_digits":false}},
                    {{"type":"Split","pattern":{{"Regex":"[0-9][0-9][0-9]"}},"behavior":"Isolated","invert":false}}]}}"#
            );
            let mut json = base.clone();
            json["pre_tokenizer"] = serde_json::from_str(&pre).unwrap();
            json["normalizer"] = serde_json::from_str(normalizer).unwrap();
            let tok = Tokenizer::from_bytes(json.to_string().as_bytes()).unwrap();
            let name = format!("units, {normalizer}, prefix space {prefix_space}");
            let mut texts = adversarial_mix(&tok);
            texts.extend(
                [
                    "x² + y³ = 12345 and ½ of 1000000",
                    "  ²³¹ 中文 ²x 9²9 ¼¾",
                    "price: $1,234.56 (approx.) -- 'quoted' 42nd",
                ]
                .map(String::from),
            );
            failures += compare(&name, &tok, &corpus);
            failures += compare(&name, &tok, &texts);
        }
    }
    assert_eq!(failures, 0, "the fast path differs from the general path");
}

/// CLIP's plan (a `Replace` of `\s+` before `Lowercase`, the inverted `Split` of its
/// pattern, then `ByteLevel` with its GPT-2 cut) over the byte-level fixture's model: the
/// fast full path equals the general path, and the ids path its ids, on the sample corpus,
/// the adversarial mix and texts with the pattern's literals, contractions and whitespace
/// of every kind.
#[test]
fn clip_plan_fast_equals_general() {
    let corpus = read_jsonl_texts(&manifest_dir().join("fixtures/sample-corpus.jsonl"))
        .expect("fixtures/sample-corpus.jsonl");
    let path = manifest_dir().join("fixtures/tokenizers/bytelevel-bpe.json");
    let mut json: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    json["normalizer"] = serde_json::from_str(
        r#"{"type":"Sequence","normalizers":[{"type":"NFC"},
            {"type":"Replace","pattern":{"Regex":"\\s+"},"content":" "},{"type":"Lowercase"}]}"#,
    )
    .unwrap();
    json["pre_tokenizer"] = serde_json::from_str(
        r#"{"type":"Sequence","pretokenizers":[
            {"type":"Split","pattern":{"Regex":"<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d|[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}]+"},"behavior":"Removed","invert":true},
            {"type":"ByteLevel","add_prefix_space":false,"trim_offsets":true,"use_regex":true}]}"#,
    )
    .unwrap();
    let tok = Tokenizer::from_bytes(json.to_string().as_bytes()).unwrap();
    let mut texts = adversarial_mix(&tok);
    texts.extend(
        [
            "<|startoftext|>a photo of a CAT<|endoftext|>",
            "x<|endoftext|> !<|endoftext|>  <|startoftext",
            "it's  they'RE we'll I'd don't '' 's",
            "tabs\tand\u{3000}ideographic\u{85}next\u{2028}line \r\n\n end  ",
            "Ünïcödé 123 ½ ² 日本語  ",
        ]
        .map(String::from),
    );
    let mut failures = compare("clip", &tok, &corpus) + compare("clip", &tok, &texts);
    for text in corpus.iter().chain(&texts) {
        let ids = tok.encode_ids(text.as_str(), true).unwrap();
        let want = tok.encode_general(text.as_str(), true).unwrap();
        if ids != want.get_ids() {
            failures += 1;
            eprintln!("clip: ids differ on {text:?}");
        }
    }
    assert_eq!(failures, 0, "the fast paths differ from the general path");
}

#[test]
fn shared_tokenizers_fast_equals_general_on_corpora() {
    let Some(conf) = conformance_dir() else {
        eprintln!("SKIPPED: no conformance data (set SUBTOK_CONFORMANCE_DIR)");
        return;
    };
    let corpora: Vec<(String, Vec<String>)> = ["english", "code", "multilingual"]
        .iter()
        .filter_map(|n| {
            let path = corpus_dir().join(format!("{n}.jsonl"));
            match read_jsonl_texts(&path) {
                Some(docs) => Some(((*n).to_owned(), every(&docs, DEBUG_STEP))),
                None => {
                    eprintln!("SKIPPED: no corpus at {}", path.display());
                    None
                }
            }
        })
        .collect();
    let mut failures = 0;
    for name in SHARED_TOKENIZERS {
        let path = conf.join("tokenizers").join(format!("{name}.json"));
        let tok = Tokenizer::from_file(&path).unwrap();
        for (corpus, docs) in &corpora {
            failures += compare(&format!("{name} on {corpus}"), &tok, docs);
        }
        failures += compare(name, &tok, &adversarial_mix(&tok));
    }
    assert_eq!(failures, 0, "the fast path differs from the general path");
}
