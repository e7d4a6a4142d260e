//! Padding of encodings to a common length, as configured by the `padding` section of
//! `tokenizer.json`.
//!
//! The target length is the fixed size (`{"Fixed": n}`) or the longest encoding of the batch
//! (`"BatchLongest"`), rounded up to a multiple of `pad_to_multiple_of` when that is set and
//! non-zero. Every encoding, and every overflowing window of it, shorter than the target gets
//! pad tokens (offsets `(0, 0)`, no word, special mask 1, attention 0) on the chosen side;
//! longer ones are left untouched.

use crate::{Encoding, Error, Result};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// Batches at least this large are padded in parallel.
const PARALLEL_THRESHOLD: usize = 64;

/// Which side receives the pad tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum PaddingDirection {
    /// Pad before the tokens.
    Left,
    /// Pad after the tokens.
    #[default]
    Right,
}

/// How the target length is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum PaddingStrategy {
    /// The length of the longest encoding of the batch.
    #[default]
    BatchLongest,
    /// A fixed length.
    Fixed(usize),
}

/// The `padding` section of `tokenizer.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaddingParams {
    /// How the target length is chosen.
    pub strategy: PaddingStrategy,
    /// Which side receives the pad tokens.
    pub direction: PaddingDirection,
    /// Round the target length up to a multiple of this (ignored when 0).
    #[serde(default)]
    pub pad_to_multiple_of: Option<usize>,
    /// Id of the pad token.
    pub pad_id: u32,
    /// Type id of the pad tokens.
    pub pad_type_id: u32,
    /// String of the pad token.
    pub pad_token: String,
}

impl Default for PaddingParams {
    fn default() -> Self {
        PaddingParams {
            strategy: PaddingStrategy::BatchLongest,
            direction: PaddingDirection::Right,
            pad_to_multiple_of: None,
            pad_id: 0,
            pad_type_id: 0,
            pad_token: "[PAD]".into(),
        }
    }
}

/// Longest length padding may produce: 16,777,216 tokens (about 800 MB for one encoding).
/// A larger target (a `Fixed` length or `pad_to_multiple_of` from a damaged file) is an
/// error instead of an attempt to allocate it; the reference tries and runs out of memory.
pub const MAX_PADDED_LENGTH: usize = 1 << 24;

/// The length padding brings a batch to, when its longest encoding has `longest` tokens.
fn target_length(params: &PaddingParams, longest: usize) -> usize {
    let mut target = match params.strategy {
        PaddingStrategy::Fixed(n) => n,
        PaddingStrategy::BatchLongest => longest,
    };
    if let Some(multiple) = params.pad_to_multiple_of {
        if multiple > 0 && target % multiple > 0 {
            target = target.saturating_add(multiple - target % multiple);
        }
    }
    target
}

/// Pads the ids of a batch (no overflowing windows) as [`pad_encodings`] pads the ids of
/// the encodings they come from. `false` (nothing changed) where [`pad_encodings`] would
/// fail, so that the caller can run it and report the error.
pub(crate) fn pad_ids(batch: &mut [Vec<u32>], params: &PaddingParams) -> bool {
    if batch.is_empty() {
        return true;
    }
    let target = target_length(params, batch.iter().map(Vec::len).max().unwrap_or(0));
    // Past the limit, whether padding fails also depends on overflowing windows.
    if target > MAX_PADDED_LENGTH {
        return false;
    }
    for ids in batch.iter_mut() {
        let Some(n) = target.checked_sub(ids.len()).filter(|&n| n > 0) else {
            continue;
        };
        match params.direction {
            PaddingDirection::Left => {
                ids.splice(0..0, std::iter::repeat_n(params.pad_id, n));
            }
            PaddingDirection::Right => ids.resize(target, params.pad_id),
        }
    }
    true
}

/// Pads every encoding of `encodings` (and their overflowing windows) to the target length.
/// Errors when padding is needed to a length above [`MAX_PADDED_LENGTH`].
pub fn pad_encodings(encodings: &mut [Encoding], params: &PaddingParams) -> Result<()> {
    if encodings.is_empty() {
        return Ok(());
    }
    let target = target_length(
        params,
        encodings.iter().map(Encoding::len).max().unwrap_or(0),
    );
    fn shorter(e: &Encoding, target: usize) -> bool {
        e.len() < target || e.get_overflowing().iter().any(|o| shorter(o, target))
    }
    if target > MAX_PADDED_LENGTH && encodings.iter().any(|e| shorter(e, target)) {
        return Err(Error::Truncation(format!(
            "padding to {target} tokens (strategy {:?}, pad_to_multiple_of {:?}) is above \
             the limit of {MAX_PADDED_LENGTH} tokens per encoding",
            params.strategy, params.pad_to_multiple_of
        )));
    }
    let pad = |e: &mut Encoding| {
        e.pad(
            target,
            params.pad_id,
            params.pad_type_id,
            &params.pad_token,
            params.direction,
        )
    };
    if encodings.len() >= PARALLEL_THRESHOLD {
        encodings.par_iter_mut().for_each(pad);
    } else {
        encodings.iter_mut().for_each(pad);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(n: usize) -> Encoding {
        let mut e = Encoding::with_capacity(n);
        for i in 0..n {
            e.push_token(
                i as u32 + 10,
                &format!("t{i}"),
                (i, i + 1),
                Some(i as u32),
                0,
            );
        }
        e
    }

    #[test]
    fn serde_matches_tokenizer_json() {
        let fixed = r#"{"strategy":{"Fixed":20},"direction":"Left","pad_to_multiple_of":8,"pad_id":0,"pad_type_id":0,"pad_token":"[PAD]"}"#;
        let p: PaddingParams = serde_json::from_str(fixed).unwrap();
        assert_eq!(p.strategy, PaddingStrategy::Fixed(20));
        assert_eq!(serde_json::to_string(&p).unwrap(), fixed);
        let longest = r#"{"strategy":"BatchLongest","direction":"Right","pad_to_multiple_of":null,"pad_id":3,"pad_type_id":0,"pad_token":"<pad>"}"#;
        let p: PaddingParams = serde_json::from_str(longest).unwrap();
        assert_eq!(serde_json::to_string(&p).unwrap(), longest);
        // `pad_to_multiple_of` may be absent; other fields are required, as in the reference.
        let short = r#"{"strategy":"BatchLongest","direction":"Right","pad_id":0,"pad_type_id":0,"pad_token":"[PAD]"}"#;
        assert_eq!(
            serde_json::from_str::<PaddingParams>(short)
                .unwrap()
                .pad_to_multiple_of,
            None
        );
        assert!(serde_json::from_str::<PaddingParams>(r#"{"strategy":"BatchLongest"}"#).is_err());
        assert!(serde_json::from_str::<PaddingParams>(
            &fixed.replace(r#"{"Fixed":20}"#, r#""Fixed""#)
        )
        .is_err());
    }

    #[test]
    fn pad_to_multiple() {
        let mut params = PaddingParams {
            strategy: PaddingStrategy::Fixed(7),
            pad_to_multiple_of: Some(8),
            ..Default::default()
        };
        let mut batch = [enc(5), enc(3)];
        pad_encodings(&mut batch, &params).unwrap();
        assert!(batch.iter().all(|e| e.len() == 8));

        let mut batch = [enc(5), enc(3)];
        params.strategy = PaddingStrategy::BatchLongest;
        params.pad_to_multiple_of = Some(6);
        pad_encodings(&mut batch, &params).unwrap();
        assert!(batch.iter().all(|e| e.len() == 6));

        params.pad_to_multiple_of = Some(0);
        let mut batch = [enc(5), enc(3)];
        pad_encodings(&mut batch, &params).unwrap();
        assert_eq!(batch[1].len(), 5);
        pad_encodings(&mut [], &params).unwrap();
    }

    #[test]
    fn left_padding_fields_and_ranges() {
        let mut e = enc(2);
        e.set_sequence_id(0);
        let params = PaddingParams {
            strategy: PaddingStrategy::Fixed(4),
            direction: PaddingDirection::Left,
            pad_id: 9,
            pad_type_id: 1,
            pad_token: "<pad>".into(),
            ..Default::default()
        };
        let mut batch = [e];
        pad_encodings(&mut batch, &params).unwrap();
        let e = &batch[0];
        assert_eq!(e.get_ids(), &[9, 9, 10, 11]);
        assert_eq!(e.get_type_ids(), &[1, 1, 0, 0]);
        assert_eq!(e.get_tokens(), &["<pad>", "<pad>", "t0", "t1"]);
        assert_eq!(e.get_word_ids(), &[None, None, Some(0), Some(1)]);
        assert_eq!(e.get_offsets(), &[(0, 0), (0, 0), (0, 1), (1, 2)]);
        assert_eq!(e.get_special_tokens_mask(), &[1, 1, 0, 0]);
        assert_eq!(e.get_attention_mask(), &[0, 0, 1, 1]);
        assert_eq!(e.get_sequence_ids(), vec![None, None, Some(0), Some(0)]);
    }
}
