//! One long text encoded on a 2-thread pool (cut into chunks, see the tokenizer's
//! `long_input` module) gives exactly the ids of a sequential call (a 1-thread pool) and of
//! `encode`. Texts: the crate's sample corpus joined into one document, with added tokens,
//! odd whitespace and non-ASCII text spliced in; with the shared corpora when present.

use std::path::PathBuf;

use serde_json::Value;
use subtok::Tokenizer;

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn shared_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("SUBTOK_CONFORMANCE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest_dir().join("../shared/conformance"));
    dir.join("tokenizers").is_dir().then_some(dir)
}

fn jsonl_texts(path: &std::path::Path) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    text.lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect()
}

/// The documents joined, with added-token contents and awkward text between them.
fn long_text(docs: &[String], tok: &Tokenizer, min_bytes: usize) -> String {
    let mut added: Vec<String> = tok
        .get_added_vocabulary()
        .get_added_tokens_decoder()
        .values()
        .map(|t| t.content.clone())
        .collect();
    added.sort();
    let spice = [
        " ",
        "  x ",
        "\n\n",
        " é ",
        "İ x",
        "\u{00a0}a b",
        " 東京 ",
        "a\u{301} b",
        "\u{600}x y",
    ];
    let mut out = String::new();
    let mut i = 0;
    while out.len() < min_bytes && !docs.is_empty() {
        out.push_str(&docs[i % docs.len()]);
        out.push_str(spice[i % spice.len()]);
        if !added.is_empty() && i % 3 == 0 {
            let a = &added[i % added.len()];
            out.push_str(if i % 2 == 0 { " " } else { "" });
            out.push_str(a);
            out.push_str(if i % 4 == 0 { " x" } else { "y" });
        }
        i += 1;
    }
    out
}

fn check(name: &str, tok: &Tokenizer, text: &str) {
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let two = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .unwrap();
    for add_special in [false, true] {
        let sequential = one.install(|| tok.encode_ids(text, add_special)).unwrap();
        let parallel = two.install(|| tok.encode_ids(text, add_special)).unwrap();
        if parallel != sequential {
            let at = parallel
                .iter()
                .zip(&sequential)
                .position(|(a, b)| a != b)
                .unwrap_or(parallel.len().min(sequential.len()));
            panic!(
                "{name}: {} bytes, special {add_special}: parallel ids differ from sequential \
                 at token {at} (lengths {} vs {})",
                text.len(),
                parallel.len(),
                sequential.len()
            );
        }
        let full = tok.encode(text, add_special).unwrap();
        assert_eq!(parallel, full.get_ids(), "{name}: ids differ from encode");
    }
}

#[test]
fn long_text_on_two_threads_equals_sequential_fixtures() {
    let docs = jsonl_texts(&manifest_dir().join("fixtures/sample-corpus.jsonl"));
    assert!(!docs.is_empty(), "fixtures/sample-corpus.jsonl is missing");
    let dir = manifest_dir().join("fixtures/tokenizers");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    assert!(names.len() >= 6);
    for path in names {
        let tok = Tokenizer::from_file(&path).unwrap();
        let text = long_text(&docs, &tok, 1 << 20);
        check(&path.display().to_string(), &tok, &text);
    }
}

#[test]
fn long_text_on_two_threads_equals_sequential_shared() {
    let Some(dir) = shared_dir() else {
        eprintln!("no shared conformance data; skipped");
        return;
    };
    let corpus = dir.join("../corpus");
    let mut docs = Vec::new();
    for name in ["english", "code", "multilingual"] {
        docs.extend(jsonl_texts(&corpus.join(format!("{name}.jsonl"))));
    }
    if docs.is_empty() {
        docs = jsonl_texts(&manifest_dir().join("fixtures/sample-corpus.jsonl"));
    }
    for name in [
        "gpt2",
        "llama3",
        "qwen2.5",
        "gpt4-cl100k",
        "roberta-base",
        "gpt-neox-20b",
        "phi-2",
        "bert-base-uncased",
        "t5-small",
        "llama2",
        "llama2-newformat",
        "mistral-7b-v0.1",
        "yi",
        "baichuan2",
        "syn-llama2-like-bytefallback",
    ] {
        let tok = Tokenizer::from_file(dir.join(format!("tokenizers/{name}.json"))).unwrap();
        // roberta-base: `<mask>` strips spaces on its left, so it keeps one thread.
        let parallel = tok.splits_long_inputs();
        let expected = name != "roberta-base";
        assert_eq!(parallel, expected, "{name}: splits long inputs");
        let text = long_text(&docs, &tok, 3 << 20);
        check(name, &tok, &text);
    }
}
