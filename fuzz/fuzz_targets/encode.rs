//! Arbitrary text (single or pair, raw or pre-tokenized) on several real tokenizers, with
//! truncation and padding settings chosen by the input; every result must be an encoding whose
//! offsets lie inside the input, or an error, never a panic.
#![no_main]

mod common;

use std::sync::OnceLock;

use common::Reader;
use libfuzzer_sys::fuzz_target;
use subtok::utils::padding::{PaddingDirection, PaddingParams, PaddingStrategy};
use subtok::utils::truncation::{TruncationDirection, TruncationParams, TruncationStrategy};
use subtok::Tokenizer;

fn tokenizers() -> &'static [Tokenizer] {
    static TOKS: OnceLock<Vec<Tokenizer>> = OnceLock::new();
    TOKS.get_or_init(|| common::tokenizers(4_000_000))
}

fuzz_target!(|data: &[u8]| {
    let toks = tokenizers();
    if toks.is_empty() {
        return;
    }
    let mut r = Reader::new(data);
    let base = &toks[r.below(toks.len())];
    let flags = r.byte();
    // Cloning a large tokenizer is slow: only when truncation or padding is set.
    let mut owned = None;
    if flags & 5 != 0 {
        owned = Some(base.clone());
    }
    if let (Some(tok), true) = (owned.as_mut(), flags & 1 != 0) {
        let params = TruncationParams {
            direction: if flags & 2 != 0 {
                TruncationDirection::Left
            } else {
                TruncationDirection::Right
            },
            max_length: r.below(40),
            strategy: match r.below(3) {
                0 => TruncationStrategy::LongestFirst,
                1 => TruncationStrategy::OnlyFirst,
                _ => TruncationStrategy::OnlySecond,
            },
            stride: r.below(8),
        };
        let _ = tok.with_truncation(Some(params));
    }
    if let (Some(tok), true) = (owned.as_mut(), flags & 4 != 0) {
        tok.with_padding(Some(PaddingParams {
            strategy: if flags & 8 != 0 {
                PaddingStrategy::Fixed(r.below(64))
            } else {
                PaddingStrategy::BatchLongest
            },
            direction: if flags & 16 != 0 {
                PaddingDirection::Left
            } else {
                PaddingDirection::Right
            },
            pad_to_multiple_of: if flags & 32 != 0 {
                Some(r.below(9))
            } else {
                None
            },
            pad_id: r.u32() % 70_000,
            pad_type_id: r.below(3) as u32,
            pad_token: "[PAD]".into(),
        }));
    }
    let tok = owned.as_ref().unwrap_or(base);
    let add_special = flags & 64 != 0;
    let first = String::from_utf8_lossy(r.bytes(2048)).into_owned();
    let second = String::from_utf8_lossy(r.rest()).into_owned();
    let check = |enc: &subtok::Encoding, limit: usize| {
        for &(s, e) in enc.get_offsets() {
            assert!(s <= e && e <= limit, "offsets ({s}, {e}) beyond {limit}");
        }
    };
    let limit = first.len().max(second.len());
    match r.below(4) {
        0 => {
            if let Ok(enc) = tok.encode(first.as_str(), add_special) {
                check(&enc, limit);
                let _ = tok.decode(enc.get_ids(), flags & 128 != 0);
            }
        }
        1 => {
            if let Ok(enc) = tok.encode((first.as_str(), second.as_str()), add_special) {
                check(&enc, limit);
            }
        }
        2 => {
            let words: Vec<&str> = first.split(' ').collect();
            let _ = tok.encode_char_offsets(words, add_special);
        }
        _ => {
            let _ = tok.encode_batch(vec![first.as_str(), second.as_str()], add_special);
        }
    }
});
