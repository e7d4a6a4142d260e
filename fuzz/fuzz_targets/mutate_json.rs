//! Structure-aware mutation of real tokenizer files: the input picks a file, then a series of
//! mutations (replace a value by another type, tweak a number, change or empty a string, drop
//! a field or an element, duplicate an element) applied at paths it chooses; the result is
//! loaded, and if it loads, used to encode and decode a little; the ids path (BPE models with
//! their pre-formed chars built) must give the encoding's ids.
#![no_main]

mod common;

use std::sync::OnceLock;

use common::Reader;
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};
use subtok::Tokenizer;

/// The files to mutate: the small seeds `run.sh` cuts from every tokenizer file (all their
/// components, the first 300 ids of their vocabularies), or without them the whole files small
/// enough to clone per run (the large conformance files would dominate time).
fn bases() -> &'static [Value] {
    static BASES: OnceLock<Vec<Value>> = OnceLock::new();
    BASES.get_or_init(|| {
        let seeds = common::seed_paths();
        let paths = if seeds.is_empty() {
            common::tokenizer_paths(800_000)
        } else {
            seeds
        };
        paths
            .iter()
            .filter_map(|p| std::fs::read(p).ok())
            .filter_map(|b| serde_json::from_slice(&b).ok())
            .collect()
    })
}

/// Walks down from `v` choosing children with the input, for at most `depth` levels.
fn pick<'v>(v: &'v mut Value, r: &mut Reader, depth: usize) -> &'v mut Value {
    if depth == 0 || r.byte() % 4 == 0 {
        return v;
    }
    let len = match &*v {
        Value::Object(m) => m.len(),
        Value::Array(a) => a.len(),
        _ => 0,
    };
    if len == 0 {
        return v;
    }
    let i = r.below(len);
    match v {
        Value::Object(m) => pick(
            m.values_mut().nth(i).expect("index below the length"),
            r,
            depth - 1,
        ),
        Value::Array(a) => pick(&mut a[i], r, depth - 1),
        other => other,
    }
}

fn mutate(v: &mut Value, r: &mut Reader) {
    let target = pick(v, r, 6);
    match r.byte() % 12 {
        0 => *target = Value::Null,
        1 => *target = json!(r.byte() % 2 == 0),
        2 => *target = json!(r.u32() as i64 - (1 << 31)),
        3 => *target = json!(f64::from(r.u32()) / 7.0),
        4 => *target = json!(String::from_utf8_lossy(r.bytes(16)).into_owned()),
        5 => *target = json!([]),
        6 => *target = json!({}),
        7 => match target {
            Value::Object(m) if !m.is_empty() => {
                let i = r.below(m.len());
                if let Some(key) = m.keys().nth(i).cloned() {
                    m.remove(&key);
                }
            }
            Value::Array(a) if !a.is_empty() => {
                let i = r.below(a.len());
                a.remove(i);
            }
            _ => {}
        },
        8 => match target {
            Value::Array(a) if !a.is_empty() => {
                let i = r.below(a.len());
                let dup = a[i].clone();
                a.push(dup);
            }
            Value::Object(m) => {
                let key = String::from_utf8_lossy(r.bytes(8)).into_owned();
                m.insert(key, json!(r.byte()));
            }
            _ => {}
        },
        9 => {
            if let Value::Number(n) = target {
                let delta = i64::from(r.byte() as i8);
                *target = match n.as_i64() {
                    Some(i) => json!(i.saturating_add(delta)),
                    None => json!(n.as_f64().unwrap_or(0.0) * delta as f64),
                };
            }
        }
        10 => {
            if let Value::String(s) = target {
                let cut = r.below(s.len() + 1);
                let mut cut = cut;
                while !s.is_char_boundary(cut) {
                    cut -= 1;
                }
                s.truncate(cut);
                s.push_str(&String::from_utf8_lossy(r.bytes(4)));
            }
        }
        _ => {
            // A well-known type name in the wrong place.
            let names = [
                "BPE",
                "Unigram",
                "WordPiece",
                "WordLevel",
                "Sequence",
                "Split",
                "Replace",
                "Precompiled",
                "TemplateProcessing",
                "ByteLevel",
                "Metaspace",
                "Strip",
            ];
            *target = json!({ "type": names[r.below(names.len())] });
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let bases = bases();
    if bases.is_empty() {
        return;
    }
    let mut r = Reader::new(data);
    let mut v = bases[r.below(bases.len())].clone();
    let n = 1 + r.below(4);
    for _ in 0..n {
        mutate(&mut v, &mut r);
    }
    let Ok(bytes) = serde_json::to_vec(&v) else {
        return;
    };
    if let Ok(tok) = Tokenizer::from_bytes(&bytes) {
        let text = String::from_utf8_lossy(r.rest()).into_owned();
        if let Ok(enc) = tok.encode((text.as_str(), "second"), true) {
            let _ = tok.decode(enc.get_ids(), false);
        }
        // A BPE model's pre-formed chars, built from whatever vocabulary and merges the
        // mutations left, must not change the ids path's result. With BPE-dropout the two
        // calls draw their own random merges, so only their success is compared.
        let mut random = false;
        if let subtok::models::ModelWrapper::BPE(bpe) = tok.get_model() {
            bpe.build_preformed_chars();
            random = bpe.config().dropout.is_some_and(|p| p != 0.0);
        }
        if let (Ok(enc), Ok(ids)) = (tok.encode(text.as_str(), false), tok.encode_ids(text.as_str(), false)) {
            if !random {
                assert_eq!(ids, enc.get_ids(), "ids path differs on {text:?}");
            }
        }
        let _ = tok.to_string(false);
    }
});
