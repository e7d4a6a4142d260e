//! Post-processing parity on the golden `encode_batch` cases of the conformance suite
//! (`../shared/conformance` from the project root, or `SUBTOK_CONFORMANCE`).
//!
//! The model output of every input text is recovered from the suite's own `encode` case of
//! that text without special tokens (which for these processors is the model output, padding
//! removed); the batch is then truncated, processed and padded here with the case's settings
//! and compared field by field. Offsets are not compared for processors that trim them (the
//! recovered ones are already trimmed); pre-tokenized batches, and batches with an input the
//! file's own truncation cut, are skipped.

use super::super::*;
use crate::utils::padding::{pad_encodings, PaddingParams};
use crate::utils::truncation::TruncationParams;
use serde_json::Value;
use std::collections::HashMap;
use std::io::BufRead;
use std::path::PathBuf;

fn suite_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("SUBTOK_CONFORMANCE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/conformance"));
    dir.join("cases").is_dir().then_some(dir)
}

fn read_cases(path: &PathBuf) -> Vec<Value> {
    let file = std::fs::File::open(path).unwrap();
    let reader = std::io::BufReader::new(flate2::read::GzDecoder::new(file));
    // Only the encode and encode_batch cases are needed.
    reader
        .lines()
        .map(|l| l.unwrap())
        .filter(|l| l.contains(r#""kind": "encode"#))
        .map(|l| serde_json::from_str(&l).unwrap())
        .collect()
}

fn u32s(v: &Value) -> Vec<u32> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap() as u32)
        .collect()
}

fn opt_u32s(v: &Value) -> Vec<Option<u32>> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().map(|n| n as u32))
        .collect()
}

/// An encoding from a case's `expect` object, without its padding (sequence ranges are not
/// restored).
fn from_json(v: &Value, type_id: u32) -> Encoding {
    let keep: Vec<bool> = u32s(&v["attention_mask"]).iter().map(|a| *a == 1).collect();
    let kept = |i: &usize| keep[*i];
    let ids: Vec<u32> = u32s(&v["ids"])
        .into_iter()
        .enumerate()
        .filter(|(i, _)| kept(i))
        .map(|(_, x)| x)
        .collect();
    let n = ids.len();
    let offsets = v["offsets"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .filter(|(i, _)| kept(i))
        .map(|(_, o)| {
            (
                o[0].as_u64().unwrap() as usize,
                o[1].as_u64().unwrap() as usize,
            )
        })
        .collect();
    let tokens = v["tokens"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .filter(|(i, _)| kept(i))
        .map(|(_, t)| t.as_str().unwrap().to_string())
        .collect();
    let words = opt_u32s(&v["word_ids"])
        .into_iter()
        .enumerate()
        .filter(|(i, _)| kept(i))
        .map(|(_, w)| w)
        .collect();
    Encoding::new(
        ids,
        vec![type_id; n],
        tokens,
        words,
        offsets,
        vec![0; n],
        vec![1; n],
        Vec::new(),
        HashMap::new(),
    )
}

/// Removes the offsets of an encoding list in the suite's JSON shape.
fn without_offsets(v: &mut Value) {
    for e in v.as_array_mut().unwrap() {
        e.as_object_mut().unwrap().remove("offsets");
        for o in e["overflowing"].as_array_mut().unwrap() {
            o.as_object_mut().unwrap().remove("offsets");
        }
    }
}

/// The fields of `e` in the suite's JSON shape.
fn to_json(e: &Encoding, with_overflow: bool) -> Value {
    let mut v = serde_json::json!({
        "ids": e.get_ids(),
        "tokens": e.get_tokens(),
        "type_ids": e.get_type_ids(),
        "offsets": e.get_offsets().iter().map(|o| vec![o.0, o.1]).collect::<Vec<_>>(),
        "attention_mask": e.get_attention_mask(),
        "special_tokens_mask": e.get_special_tokens_mask(),
        "word_ids": e.get_word_ids(),
        "sequence_ids": e.get_sequence_ids(),
    });
    if with_overflow {
        v["overflowing"] = Value::Array(
            e.get_overflowing()
                .iter()
                .map(|o| to_json(o, false))
                .collect(),
        );
    }
    v
}

#[test]
fn conformance_encode_batch_post_processing() {
    let Some(dir) = suite_dir() else {
        eprintln!("conformance suite not found; skipped");
        return;
    };
    let mut checked = 0;
    let mut failures = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir.join("tokenizers"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let file: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let processor: Option<PostProcessorWrapper> =
            serde_json::from_value(file["post_processor"].clone())
                .unwrap_or_else(|e| panic!("{name}: post_processor does not load: {e}"));
        // Trimmed offsets cannot be recovered: compare every other field for those.
        let trims = file["post_processor"]
            .to_string()
            .contains(r#""trim_offsets":true"#);
        let cases = read_cases(&dir.join("cases").join(format!("{name}.jsonl.gz")));
        let mut raw: HashMap<&str, &Value> = HashMap::new();
        for c in &cases {
            if c["kind"] == "encode" && c["pair"].is_null() && c["add_special_tokens"] == false {
                // Inputs cut by the file's own truncation cannot be recovered.
                match c.get("expect") {
                    Some(e) if e["overflowing"].as_array().is_some_and(|o| o.is_empty()) => {
                        raw.insert(c["input"].as_str().unwrap(), e);
                    }
                    _ => {}
                }
            }
        }
        for c in cases.iter().filter(|c| c["kind"] == "encode_batch") {
            if c["is_pretokenized"] == true {
                continue;
            }
            let truncation: Option<TruncationParams> =
                serde_json::from_value(c["truncation"].clone()).unwrap();
            let padding: Option<PaddingParams> =
                serde_json::from_value(c["padding"].clone()).unwrap();
            let special = c["add_special_tokens"].as_bool().unwrap();
            let inputs: Vec<(&str, Option<&str>)> = c["inputs"]
                .as_array()
                .unwrap()
                .iter()
                .map(|input| match input {
                    Value::Array(p) => (p[0].as_str().unwrap(), Some(p[1].as_str().unwrap())),
                    s => (s.as_str().unwrap(), None),
                })
                .collect();
            if inputs
                .iter()
                .any(|(a, b)| !raw.contains_key(a) || b.is_some_and(|b| !raw.contains_key(b)))
            {
                continue;
            }
            let mut batch = Vec::new();
            let mut result = Ok(());
            for (a, b) in inputs {
                let enc = from_json(raw[a], 0);
                let pair = b.map(|b| from_json(raw[b], 1));
                match post_process(
                    processor.as_ref(),
                    truncation.as_ref(),
                    padding.as_ref(),
                    enc,
                    pair,
                    special,
                ) {
                    Ok(e) => batch.push(e),
                    Err(e) => {
                        result = Err(e);
                        break;
                    }
                }
            }
            if result.is_ok() {
                if let Some(p) = &padding {
                    result = pad_encodings(&mut batch, p);
                }
            }
            checked += 1;
            let id = c["id"].as_str().unwrap();
            match (result, c.get("expect")) {
                (Ok(()), Some(expect)) => {
                    let mut got = Value::Array(batch.iter().map(|e| to_json(e, true)).collect());
                    let mut expect = expect.clone();
                    if trims {
                        without_offsets(&mut got);
                        without_offsets(&mut expect);
                    }
                    if got != expect {
                        failures.push(format!("{id}:\nexpected {expect}\ngot      {got}"));
                    }
                }
                (Err(_), None) => {}
                (Ok(()), None) => failures.push(format!("{id}: expected an error")),
                (Err(e), Some(_)) => failures.push(format!("{id}: unexpected error {e}")),
            }
        }
    }
    eprintln!("{checked} encode_batch cases checked");
    assert!(checked > 50, "only {checked} cases checked");
    assert!(
        failures.is_empty(),
        "{} of {checked} cases differ; first: {}",
        failures.len(),
        failures[0]
    );
}
