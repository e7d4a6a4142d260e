//! Parity tests of post-processing, truncation and padding against values produced by the
//! reference library.
//!
//! `reference_cases.rs` holds, for each case, the processor / truncation / padding settings,
//! a batch of inputs and the reference's `encode_batch` result, rendered as text by the same
//! format as [`render`]. The inputs are encoded here the way a WordLevel model with a
//! WhitespaceSplit pre-tokenizer does (one token per space-separated word, byte offsets,
//! word index = position), which is what the reference was given.

mod conformance;
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
            VOCAB[id],
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

/// Offsets trimming of the byte-level processors: (processor, whether the pre-tokenizer added a
/// prefix space, first input tokens with offsets, pair tokens, reference output offsets).
#[allow(clippy::type_complexity)]
const TRIM_CASES: &[(
    &str,
    bool,
    &[(&str, usize, usize)],
    Option<&[(&str, usize, usize)]>,
    &[(usize, usize)],
)] = &[
    (
        "bl_apx",
        false,
        &[("ĠĠhelloĠ", 0, 8), ("worldĠ", 8, 14), ("Ġ", 14, 15)],
        None,
        &[(2, 7), (8, 13), (15, 15)],
    ),
    (
        "bl_apx",
        false,
        &[("aĠ", 0, 2), ("ĠbĠ", 2, 5), ("ĠĠc", 5, 8)],
        None,
        &[(0, 1), (3, 4), (7, 8)],
    ),
    ("bl_apx", false, &[("Ġx", 0, 2)], None, &[(0, 2)]),
    (
        "bl_apx",
        false,
        &[("tailĠ", 0, 5), ("ĠĠ", 5, 7)],
        None,
        &[(0, 4), (7, 7)],
    ),
    (
        "bl_apx",
        false,
        &[("aĠ", 0, 2), ("Ġb", 2, 4)],
        Some(&[("ĠĠcĠ", 0, 4), ("dĠ", 4, 6)]),
        &[(0, 1), (3, 4), (2, 3), (4, 5)],
    ),
    (
        "bl_noapx",
        false,
        &[("ĠĠhelloĠ", 0, 8), ("worldĠ", 8, 14), ("Ġ", 14, 15)],
        None,
        &[(2, 7), (8, 13), (15, 15)],
    ),
    (
        "bl_noapx",
        false,
        &[("aĠ", 0, 2), ("ĠbĠ", 2, 5), ("ĠĠc", 5, 8)],
        None,
        &[(0, 1), (3, 4), (7, 8)],
    ),
    ("bl_noapx", false, &[("Ġx", 0, 2)], None, &[(1, 2)]),
    (
        "bl_noapx",
        false,
        &[("tailĠ", 0, 5), ("ĠĠ", 5, 7)],
        None,
        &[(0, 4), (7, 7)],
    ),
    (
        "bl_noapx",
        false,
        &[("aĠ", 0, 2), ("Ġb", 2, 4)],
        Some(&[("ĠĠcĠ", 0, 4), ("dĠ", 4, 6)]),
        &[(0, 1), (3, 4), (2, 3), (4, 5)],
    ),
    (
        "roberta_apx",
        false,
        &[("ĠĠhelloĠ", 0, 8), ("worldĠ", 8, 14), ("Ġ", 14, 15)],
        None,
        &[(0, 0), (2, 7), (8, 13), (15, 15), (0, 0)],
    ),
    (
        "roberta_apx",
        false,
        &[("aĠ", 0, 2), ("ĠbĠ", 2, 5), ("ĠĠc", 5, 8)],
        None,
        &[(0, 0), (0, 1), (3, 4), (7, 8), (0, 0)],
    ),
    (
        "roberta_apx",
        false,
        &[("Ġx", 0, 2)],
        None,
        &[(0, 0), (0, 2), (0, 0)],
    ),
    (
        "roberta_apx",
        false,
        &[("tailĠ", 0, 5), ("ĠĠ", 5, 7)],
        None,
        &[(0, 0), (0, 4), (7, 7), (0, 0)],
    ),
    (
        "roberta_apx",
        false,
        &[("aĠ", 0, 2), ("Ġb", 2, 4)],
        Some(&[("ĠĠcĠ", 0, 4), ("dĠ", 4, 6)]),
        &[
            (0, 0),
            (0, 1),
            (3, 4),
            (0, 0),
            (0, 0),
            (2, 3),
            (4, 5),
            (0, 0),
        ],
    ),
    (
        "bl_apx",
        true,
        &[("ĠĠhelloĠ", 0, 8), ("ĠworldĠ", 8, 14), ("Ġ", 14, 15)],
        None,
        &[(2, 7), (9, 13), (15, 15)],
    ),
    (
        "bl_apx",
        true,
        &[("ĠaĠ", 0, 2), ("ĠbĠ", 2, 5), ("ĠĠc", 5, 8)],
        None,
        &[(0, 1), (3, 4), (7, 8)],
    ),
    ("bl_apx", true, &[("Ġx", 0, 2)], None, &[(0, 2)]),
    (
        "bl_apx",
        true,
        &[("ĠtailĠ", 0, 5), ("ĠĠ", 5, 7)],
        None,
        &[(0, 4), (7, 7)],
    ),
    (
        "bl_apx",
        true,
        &[("ĠaĠ", 0, 2), ("Ġb", 2, 4)],
        Some(&[("ĠĠcĠ", 0, 4), ("ĠdĠ", 4, 6)]),
        &[(0, 1), (3, 4), (2, 3), (5, 5)],
    ),
    (
        "bl_noapx",
        true,
        &[("ĠĠhelloĠ", 0, 8), ("ĠworldĠ", 8, 14), ("Ġ", 14, 15)],
        None,
        &[(2, 7), (9, 13), (15, 15)],
    ),
    (
        "bl_noapx",
        true,
        &[("ĠaĠ", 0, 2), ("ĠbĠ", 2, 5), ("ĠĠc", 5, 8)],
        None,
        &[(1, 1), (3, 4), (7, 8)],
    ),
    ("bl_noapx", true, &[("Ġx", 0, 2)], None, &[(1, 2)]),
    (
        "bl_noapx",
        true,
        &[("ĠtailĠ", 0, 5), ("ĠĠ", 5, 7)],
        None,
        &[(1, 4), (7, 7)],
    ),
    (
        "bl_noapx",
        true,
        &[("ĠaĠ", 0, 2), ("Ġb", 2, 4)],
        Some(&[("ĠĠcĠ", 0, 4), ("ĠdĠ", 4, 6)]),
        &[(1, 1), (3, 4), (2, 3), (5, 5)],
    ),
    (
        "roberta_apx",
        true,
        &[("ĠĠhelloĠ", 0, 8), ("ĠworldĠ", 8, 14), ("Ġ", 14, 15)],
        None,
        &[(0, 0), (2, 7), (9, 13), (15, 15), (0, 0)],
    ),
    (
        "roberta_apx",
        true,
        &[("ĠaĠ", 0, 2), ("ĠbĠ", 2, 5), ("ĠĠc", 5, 8)],
        None,
        &[(0, 0), (0, 1), (3, 4), (7, 8), (0, 0)],
    ),
    (
        "roberta_apx",
        true,
        &[("Ġx", 0, 2)],
        None,
        &[(0, 0), (0, 2), (0, 0)],
    ),
    (
        "roberta_apx",
        true,
        &[("ĠtailĠ", 0, 5), ("ĠĠ", 5, 7)],
        None,
        &[(0, 0), (0, 4), (7, 7), (0, 0)],
    ),
    (
        "roberta_apx",
        true,
        &[("ĠaĠ", 0, 2), ("Ġb", 2, 4)],
        Some(&[("ĠĠcĠ", 0, 4), ("ĠdĠ", 4, 6)]),
        &[
            (0, 0),
            (0, 1),
            (3, 4),
            (0, 0),
            (0, 0),
            (2, 3),
            (5, 5),
            (0, 0),
        ],
    ),
];

fn raw(tokens: &[(&str, usize, usize)], type_id: u32) -> Encoding {
    let mut e = Encoding::with_capacity(tokens.len());
    for (i, (t, s, end)) in tokens.iter().enumerate() {
        e.push_token(i as u32 + 5, t, (*s, *end), Some(i as u32), type_id);
    }
    e
}

fn trim_processor(name: &str) -> PostProcessorWrapper {
    let json = match name {
        "bl_apx" => r#"{"type":"ByteLevel","add_prefix_space":true,"trim_offsets":true}"#,
        "bl_noapx" => {
            r#"{"type":"ByteLevel","add_prefix_space":false,"trim_offsets":true,"use_regex":false}"#
        }
        _ => {
            r#"{"type":"RobertaProcessing","sep":["</s>",2],"cls":["<s>",0],"trim_offsets":true,"add_prefix_space":true}"#
        }
    };
    serde_json::from_str(json).unwrap()
}

#[test]
fn byte_level_trimming_matches_reference() {
    for (name, _, first, pair, expect) in TRIM_CASES {
        let p = trim_processor(name);
        let out = p
            .process(raw(first, 0), pair.map(|t| raw(t, 1)), true)
            .unwrap();
        assert_eq!(out.get_offsets(), *expect, "{name} {first:?} {pair:?}");
    }
    // Pre-tokenized words: every word's offsets start at 0, so each counts as a first token.
    let words = raw(
        &[
            ("Ġhello", 0, 5),
            ("Ġbig", 0, 4),
            ("ĠworldĠ", 0, 6),
            ("Ġ", 6, 7),
        ],
        0,
    );
    let out = trim_processor("bl_apx").process(words, None, true).unwrap();
    assert_eq!(out.get_offsets(), &[(0, 5), (0, 4), (0, 5), (7, 7)]);
}

#[test]
fn byte_level_trims_unicode_whitespace_by_its_byte_length() {
    // A token carrying U+3000 (3 bytes): the reference moves one char, i.e. 3 bytes here.
    let enc = raw(&[("a", 0, 1), ("\u{3000}b\u{2009}", 1, 8)], 0);
    let out = trim_processor("bl_noapx").process(enc, None, true).unwrap();
    assert_eq!(out.get_offsets(), &[(0, 1), (4, 5)]);
}

#[test]
fn serde_round_trips_like_reference() {
    // Each is what the reference writes back for the same processor.
    for json in [
        r#"{"type":"BertProcessing","sep":["[SEP]",102],"cls":["[CLS]",101]}"#,
        r#"{"type":"RobertaProcessing","sep":["</s>",2],"cls":["<s>",0],"trim_offsets":true,"add_prefix_space":false}"#,
        r#"{"type":"ByteLevel","add_prefix_space":true,"trim_offsets":false,"use_regex":true}"#,
        r#"{"type":"Sequence","processors":[{"type":"ByteLevel","add_prefix_space":false,"trim_offsets":true,"use_regex":false},{"type":"BertProcessing","sep":["b",2],"cls":["a",1]}]}"#,
    ] {
        let p: PostProcessorWrapper = serde_json::from_str(json).unwrap();
        assert_eq!(serde_json::to_string(&p).unwrap(), json);
    }
    // `use_regex` defaults to true; other fields are required.
    let p: PostProcessorWrapper = serde_json::from_str(
        r#"{"type":"ByteLevel","add_prefix_space":true,"trim_offsets":false}"#,
    )
    .unwrap();
    assert!(serde_json::to_string(&p)
        .unwrap()
        .contains(r#""use_regex":true"#));
    for bad in [
        r#"{"type":"ByteLevel","trim_offsets":false}"#,
        r#"{"type":"RobertaProcessing"}"#,
        r#"{"type":"BertProcessing","sep":["</s>",2]}"#,
        r#"{"type":"Sequence"}"#,
    ] {
        assert!(
            serde_json::from_str::<PostProcessorWrapper>(bad).is_err(),
            "{bad}"
        );
    }
    let err = serde_json::from_str::<PostProcessorWrapper>(r#"{"type":"Foo"}"#)
        .unwrap_err()
        .to_string();
    assert!(err.contains("unknown variant `Foo`"), "{err}");
}

#[test]
fn added_tokens_counts() {
    let bert: PostProcessorWrapper = serde_json::from_str(
        r#"{"type":"BertProcessing","sep":["[SEP]",102],"cls":["[CLS]",101]}"#,
    )
    .unwrap();
    let roberta: PostProcessorWrapper = serde_json::from_str(
        r#"{"type":"RobertaProcessing","sep":["</s>",2],"cls":["<s>",0],"trim_offsets":true,"add_prefix_space":true}"#,
    )
    .unwrap();
    let seq = PostProcessorWrapper::Sequence(Sequence {
        processors: vec![bert.clone(), roberta.clone()],
    });
    assert_eq!((bert.added_tokens(false), bert.added_tokens(true)), (2, 3));
    assert_eq!(
        (roberta.added_tokens(false), roberta.added_tokens(true)),
        (2, 4)
    );
    assert_eq!((seq.added_tokens(false), seq.added_tokens(true)), (4, 7));
}
