//! Parity tests of post-processing, truncation and padding against values produced by the
//! reference library.
//!
//! `reference_cases.rs` holds, for each case, the processor / truncation / padding settings,
//! a batch of inputs and the reference's `encode_batch` result, rendered as text by the same
//! format as [`render`]. The inputs are encoded here the way a WordLevel model with a
//! WhitespaceSplit pre-tokenizer does (one token per space-separated word, byte offsets,
//! word index = position), which is what the reference was given.

mod reference_cases;

use super::*;
use crate::utils::padding::{pad_encodings, PaddingParams};
use crate::utils::truncation::TruncationParams;
use crate::Error;

/// One reference case.
pub(super) struct Case {
    processor: &'static str,
    truncation: &'static str,
    padding: &'static str,
    inputs: &'static [(&'static str, Option<&'static str>)],
    add_special_tokens: bool,
    /// How deep overflowing windows are rendered.
    depth: usize,
    expect: &'static str,
}

const VOCAB: [&str; 20] = [
    "[UNK]", "[CLS]", "[SEP]", "[PAD]", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l",
    "m", "n", "o", "p",
];

/// Encodes `text` like WordLevel + WhitespaceSplit (single spaces only).
fn words(text: &str, type_id: u32) -> Encoding {
    let mut enc = Encoding::with_capacity(8);
    let mut start = 0;
    for (i, w) in text.split(' ').enumerate() {
        let id = VOCAB.iter().position(|v| *v == w).unwrap_or(0);
        enc.push_token(
            id as u32,
            VOCAB[id].to_string(),
            (start, start + w.len()),
            Some(i as u32),
            type_id,
        );
        start += w.len() + 1;
    }
    enc
}

fn join<T>(xs: &[T], f: impl Fn(&T) -> String) -> String {
    xs.iter().map(f).collect::<Vec<_>>().join(",")
}

fn opt<T: ToString>(x: &Option<T>) -> String {
    x.as_ref().map_or("-".to_string(), T::to_string)
}

/// Renders an encoding (and its overflowing windows down to `max_depth`) as text.
pub(super) fn render(e: &Encoding, depth: usize, max_depth: usize) -> String {
    let mut s = format!(
        "{}ids={} type={} tok={} off={} sp={} att={} w={} seq={}",
        "  ".repeat(depth),
        join(e.get_ids(), u32::to_string),
        join(e.get_type_ids(), u32::to_string),
        e.get_tokens().join(","),
        join(e.get_offsets(), |o| format!("{}:{}", o.0, o.1)),
        join(e.get_special_tokens_mask(), u32::to_string),
        join(e.get_attention_mask(), u32::to_string),
        join(e.get_word_ids(), opt),
        join(&e.get_sequence_ids(), opt),
    );
    if depth < max_depth {
        for o in e.get_overflowing() {
            s.push('\n');
            s.push_str(&render(o, depth + 1, max_depth));
        }
    }
    s
}

fn run(case: &Case) -> Result<String> {
    let processor: Option<PostProcessorWrapper> = reference_cases::processor(case.processor)
        .map(serde_json::from_str)
        .transpose()
        .map_err(|e| Error::encode(e.to_string()))?;
    let truncation: Option<TruncationParams> = reference_cases::truncation(case.truncation)
        .map(serde_json::from_str)
        .transpose()
        .map_err(|e| Error::encode(e.to_string()))?;
    let padding: Option<PaddingParams> = reference_cases::padding(case.padding)
        .map(serde_json::from_str)
        .transpose()
        .map_err(|e| Error::encode(e.to_string()))?;
    let mut batch = case
        .inputs
        .iter()
        .map(|(a, b)| {
            post_process(
                processor.as_ref(),
                truncation.as_ref(),
                padding.as_ref(),
                words(a, 0),
                b.map(|b| words(b, 1)),
                case.add_special_tokens,
            )
        })
        .collect::<Result<Vec<_>>>()?;
    if let Some(p) = &padding {
        pad_encodings(&mut batch, p)?;
    }
    Ok(batch
        .iter()
        .map(|e| render(e, 0, case.depth))
        .collect::<Vec<_>>()
        .join("\n---\n"))
}

#[test]
fn reference_cases_match() {
    let mut failures = Vec::new();
    for (i, case) in reference_cases::CASES.iter().enumerate() {
        let got = match run(case) {
            Ok(s) => s,
            Err(Error::Truncation(m)) => format!("ERR {m}"),
            Err(e) => panic!("case {i}: unexpected error kind {e:?}"),
        };
        let ok = if case.expect.starts_with("ERR") {
            got.starts_with("ERR")
        } else {
            got == case.expect
        };
        if !ok {
            failures.push(format!(
                "case {i} ({} / {} / {} / special={}):\nexpected:\n{}\ngot:\n{}",
                case.processor,
                case.truncation,
                case.padding,
                case.add_special_tokens,
                case.expect,
                got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ; first:\n{}",
        failures.len(),
        reference_cases::CASES.len(),
        failures.first().map_or("", String::as_str)
    );
}
