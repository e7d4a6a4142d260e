//! Tests of [`ModelWrapper`] loading and saving, plus a check against the conformance suite
//! when it is available (`SUBTOK_CONFORMANCE`, or `../shared/conformance` beside the crate).

use super::*;

fn load(json: &str) -> std::result::Result<ModelWrapper, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

#[test]
fn tagged_sections() {
    let m = load(r#"{"type":"WordLevel","vocab":{"a":0,"<unk>":1},"unk_token":"<unk>"}"#);
    assert!(matches!(m, Ok(ModelWrapper::WordLevel(_))));
    let err = load(r#"{"type":"BPX","vocab":{}}"#).unwrap_err();
    assert!(
        err.contains("unknown variant `BPX`") && err.contains("WordPiece"),
        "{err}"
    );
    assert!(load(r#"{"type":5,"vocab":{}}"#).is_err());
    // Fields of other kinds are ignored, whatever their shape.
    let m = load(
        r###"{"type":"WordPiece","vocab":{"a":0},"unk_token":"[UNK]","merges":5,
            "continuing_subword_prefix":"##","max_input_chars_per_word":100}"###,
    );
    assert!(matches!(m, Ok(ModelWrapper::WordPiece(_))));
    // Required fields, as in the reference.
    assert!(load(r#"{"type":"WordLevel","vocab":{"a":0}}"#).is_err());
    assert!(load(r#"{"type":"WordPiece","vocab":{"a":0},"unk_token":"[UNK]"}"#).is_err());
    assert!(load(r#"{"type":"Unigram"}"#).is_err());
    assert!(load(r#"{"type":"Unigram","vocab":[["a",1]],"byte_fallback":null}"#).is_err());
    assert!(load(r#"{"type":"Unigram","vocab":{"a":1}}"#).is_err());
    assert!(load(r#"{"type":"BPE","vocab":[["a",1]],"merges":[]}"#).is_err());
}

#[test]
fn sections_without_type_are_recognised() {
    let bpe = r#"{"dropout":null,"unk_token":null,"vocab":{"a":0,"b":1,"ab":2},"merges":["a b"]}"#;
    assert!(matches!(load(bpe), Ok(ModelWrapper::BPE(_))));
    let wp = r###"{"unk_token":"[UNK]","continuing_subword_prefix":"##",
                 "max_input_chars_per_word":100,"vocab":{"[UNK]":0}}"###;
    assert!(matches!(load(wp), Ok(ModelWrapper::WordPiece(_))));
    // Without the prefix it is a WordLevel model.
    let wl = r#"{"unk_token":"<unk>","max_input_chars_per_word":5,"vocab":{"<unk>":0}}"#;
    assert!(matches!(load(wl), Ok(ModelWrapper::WordLevel(_))));
    // A list vocabulary is Unigram even with an unk_token.
    let uni = r#"{"unk_token":"<unk>","vocab":[["a",1.0]]}"#;
    assert!(matches!(load(uni), Ok(ModelWrapper::Unigram(_))));
    let uni = r#"{"unk_id":0,"vocab":[["<unk>",0.0],["a",-1.5]]}"#;
    assert!(matches!(load(uni), Ok(ModelWrapper::Unigram(_))));
    // A broken BPE section falls through to the others, which fail too.
    assert!(load(r#"{"vocab":{"a":0},"merges":["a b"]}"#).is_err());
    assert!(load(r#"{"vocab":{"a":0}}"#).is_err());
}

#[test]
fn round_trips() {
    let sections = [
        r#"{"type":"BPE","dropout":null,"unk_token":"<unk>","continuing_subword_prefix":null,"end_of_word_suffix":null,"fuse_unk":true,"byte_fallback":true,"ignore_merges":false,"vocab":{"<unk>":0,"a":1,"b":2,"ab":3},"merges":[["a","b"]]}"#,
        r###"{"type":"WordPiece","unk_token":"[UNK]","continuing_subword_prefix":"##","max_input_chars_per_word":100,"vocab":{"[UNK]":0,"a":1,"##b":2}}"###,
        r#"{"type":"WordLevel","vocab":{"<unk>":0,"hello":1},"unk_token":"<unk>"}"#,
        r#"{"type":"Unigram","unk_id":0,"vocab":[["<unk>",0.0],["a",-1.5]],"byte_fallback":true}"#,
    ];
    for json in sections {
        let model = load(json).unwrap();
        assert_eq!(serde_json::to_string(&model).unwrap(), json);
    }
}

/// Where the conformance suite is, if present.
fn conformance_dir() -> Option<std::path::PathBuf> {
    let dir = match std::env::var_os("SUBTOK_CONFORMANCE") {
        Some(dir) => std::path::PathBuf::from(dir),
        None => std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/conformance"),
    };
    dir.join("tokenizers").is_dir().then_some(dir)
}

/// Every conformance tokenizer's model loads, reports the reference's vocabulary size, maps
/// the (non-added, known) tokens of the golden encodings to their ids, and survives a
/// save/load round trip. Files over 1.5 MB are only checked with `SUBTOK_CONFORMANCE_ALL=1`
/// (they are slow to load in unoptimized test builds).
#[test]
fn conformance_models() {
    use std::io::BufRead;
    let Some(dir) = conformance_dir() else {
        eprintln!("conformance suite not found; skipping");
        return;
    };
    #[derive(serde::Deserialize)]
    struct File {
        model: ModelWrapper,
        #[serde(default)]
        added_tokens: Vec<serde_json::Value>,
    }
    let mut entries: Vec<_> = std::fs::read_dir(dir.join("tokenizers"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .filter(|p| {
            std::env::var_os("SUBTOK_CONFORMANCE_ALL").is_some()
                || std::fs::metadata(p).is_ok_and(|m| m.len() < 1_500_000)
        })
        .collect();
    entries.sort();
    assert!(!entries.is_empty());
    let mut sizes_checked = 0;
    for path in entries {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let file: File = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let model = file.model;
        let added: std::collections::HashSet<String> = file
            .added_tokens
            .iter()
            .filter_map(|t| t.get("content")?.as_str().map(str::to_string))
            .collect();

        let saved = serde_json::to_string(&model).unwrap();
        let reloaded: ModelWrapper = serde_json::from_str(&saved).unwrap();
        assert_eq!(serde_json::to_string(&reloaded).unwrap(), saved, "{name}");

        let cases = dir.join("cases").join(format!("{name}.jsonl.gz"));
        let Ok(gz) = std::fs::File::open(&cases) else {
            continue;
        };
        let reader = std::io::BufReader::new(flate2::read::GzDecoder::new(gz));
        let mut encodes = 0;
        for line in reader.lines() {
            let line = line.unwrap();
            if line.contains(r#""kind": "encode""#) {
                encodes += 1;
                if encodes > 150 {
                    continue;
                }
            } else if !line.contains(r#""kind": "vocab_size""#) {
                continue;
            }
            let case: serde_json::Value = serde_json::from_str(&line).unwrap();
            let Some(expect) = case.get("expect") else {
                continue;
            };
            match case["kind"].as_str() {
                Some("vocab_size") if case["with_added_tokens"] == false => {
                    assert_eq!(
                        Some(model.get_vocab_size() as u64),
                        expect.as_u64(),
                        "{name}"
                    );
                    sizes_checked += 1;
                }
                Some("encode") => {
                    let tokens = expect["tokens"].as_array().unwrap();
                    let ids = expect["ids"].as_array().unwrap();
                    for (token, id) in tokens.iter().zip(ids) {
                        let (token, id) = (token.as_str().unwrap(), id.as_u64().unwrap());
                        if added.contains(token) {
                            continue;
                        }
                        if let Some(found) = model.token_to_id(token) {
                            assert_eq!(u64::from(found), id, "{name}: {token:?}");
                        }
                    }
                }
                _ => {}
            }
        }
    }
    assert!(sizes_checked > 0);
}

#[test]
fn models_are_shareable_between_threads() {
    fn assert_send_sync<T: Send + Sync + Clone + std::fmt::Debug>() {}
    assert_send_sync::<ModelWrapper>();
}

#[test]
fn loads_from_a_json_value_too() {
    let value = serde_json::json!({"type": "BPE", "vocab": {"a": 0, "b": 1, "ab": 2},
                                   "merges": [["a", "b"]]});
    let model: ModelWrapper = serde_json::from_value(value).unwrap();
    let tokens = model.tokenize("ab").unwrap();
    assert_eq!(tokens, vec![Token::new(2, "ab".into(), (0, 2))]);
}
