//! Arbitrary text (single or pair, raw or pre-tokenized) on several real tokenizers, with
//! truncation and padding settings chosen by the input; every result must be an encoding whose
//! offsets lie inside the input, or an error, never a panic, and the ids path must give the
//! single encoding's ids (BPE models run it with their pre-formed chars built).
#![no_main]

mod common;

use std::cell::RefCell;

use common::Reader;
use libfuzzer_sys::fuzz_target;
use subtok::utils::padding::{PaddingDirection, PaddingParams, PaddingStrategy};
use subtok::utils::truncation::{TruncationDirection, TruncationParams, TruncationStrategy};
use subtok::Tokenizer;

thread_local! {
    /// The tokenizers, loaded once; each input sets (and the next one resets) truncation
    /// and padding in place instead of cloning a tokenizer.
    static TOKS: RefCell<Vec<Tokenizer>> = RefCell::new(common::tokenizers(4_000_000));
}

fuzz_target!(|data: &[u8]| {
    TOKS.with(|toks| run(&mut toks.borrow_mut(), data));
});

fn run(toks: &mut [Tokenizer], data: &[u8]) {
    if toks.is_empty() {
        return;
    }
    let mut r = Reader::new(data);
    let i = r.below(toks.len());
    let Some(tok) = toks.get_mut(i) else {
        return;
    };
    let flags = r.byte();
    let truncation = (flags & 1 != 0).then(|| TruncationParams {
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
    });
    let _ = tok.with_truncation(truncation);
    let padding = (flags & 4 != 0).then(|| PaddingParams {
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
    });
    tok.with_padding(padding);
    let tok = &*tok;
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
                // The ids path must give the same ids.
                if let Ok(ids) = tok.encode_ids(first.as_str(), add_special) {
                    assert_eq!(ids, enc.get_ids(), "ids path differs on {first:?}");
                }
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
}
