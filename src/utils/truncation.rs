//! Truncation of an encoding (and its pair) to a maximum number of tokens, as configured by
//! the `truncation` section of `tokenizer.json`.
//!
//! [`truncate_encodings`] decides how many tokens each sequence keeps, then calls
//! [`Encoding::truncate`], which moves what is cut into overflowing windows:
//! - `max_length == 0`: both sequences are emptied (everything overflows).
//! - `LongestFirst` with a pair: with `n1 <= n2` the two lengths, the short one is kept whole
//!   and the long one gets the rest (`max(n1, max_length - n1)`); if that still does not fit
//!   both get half (`max_length / 2`, the longer one the odd token).
//! - `OnlyFirst` / `OnlySecond`: only that sequence is cut; it is an error when it is too short
//!   to remove enough tokens, or (for `OnlySecond`) when there is no pair.

use crate::{Encoding, Error, Result};
use serde::{Deserialize, Serialize};

/// Which end of a sequence loses tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum TruncationDirection {
    /// Drop tokens at the start (keep the end).
    Left,
    /// Drop tokens at the end (keep the start).
    #[default]
    Right,
}

/// How to share the token budget between the two sequences of a pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum TruncationStrategy {
    /// Cut the longer sequence first, then both evenly.
    #[default]
    LongestFirst,
    /// Only cut the first sequence.
    OnlyFirst,
    /// Only cut the second sequence.
    OnlySecond,
}

/// The `truncation` section of `tokenizer.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TruncationParams {
    /// Which end loses tokens (defaults to `Right` when absent).
    #[serde(default)]
    pub direction: TruncationDirection,
    /// Maximum number of tokens, special tokens included.
    pub max_length: usize,
    /// How to share the budget between a pair.
    pub strategy: TruncationStrategy,
    /// Number of tokens shared by consecutive overflowing windows.
    pub stride: usize,
}

impl Default for TruncationParams {
    fn default() -> Self {
        TruncationParams {
            direction: TruncationDirection::Right,
            max_length: 512,
            strategy: TruncationStrategy::LongestFirst,
            stride: 0,
        }
    }
}

/// Truncates `encoding` and `pair` so that together they have at most `params.max_length`
/// tokens, the cut tokens going to their overflowing windows.
pub fn truncate_encodings(
    mut encoding: Encoding,
    mut pair: Option<Encoding>,
    params: &TruncationParams,
) -> Result<(Encoding, Option<Encoding>)> {
    let (max, stride, dir) = (params.max_length, params.stride, params.direction);
    if max == 0 {
        encoding.truncate(0, stride, dir)?;
        if let Some(p) = pair.as_mut() {
            p.truncate(0, stride, dir)?;
        }
        return Ok((encoding, pair));
    }

    let total = encoding.len() + pair.as_ref().map_or(0, Encoding::len);
    if total <= max {
        return Ok((encoding, pair));
    }
    let to_remove = total - max;

    match params.strategy {
        TruncationStrategy::LongestFirst => match pair.as_mut() {
            Some(p) => {
                let (n1, n2) = longest_first_lengths(encoding.len(), p.len(), max);
                encoding.truncate(n1, stride, dir)?;
                p.truncate(n2, stride, dir)?;
            }
            None => encoding.truncate(max, stride, dir)?,
        },
        TruncationStrategy::OnlyFirst | TruncationStrategy::OnlySecond => {
            let target = if params.strategy == TruncationStrategy::OnlyFirst {
                &mut encoding
            } else {
                pair.as_mut().ok_or_else(|| {
                    Error::Truncation(
                        "Truncation error: Second sequence not provided (strategy OnlySecond \
                         needs a pair)"
                            .into(),
                    )
                })?
            };
            let len = target.len();
            if len > to_remove {
                target.truncate(len - to_remove, stride, dir)?;
            } else {
                return Err(Error::Truncation(format!(
                    "Truncation error: Sequence to truncate too short to respect the provided \
                     max_length (it has {len} tokens, {to_remove} must be removed)"
                )));
            }
        }
    }
    Ok((encoding, pair))
}

/// The tokens that a single sequence of `len` tokens keeps, as [`truncate_encodings`] and
/// [`Encoding::truncate`] decide for it, when `added` special tokens are taken off the budget
/// (the post-processor's, when it adds them); `None` where those return an error (a cut
/// with `OnlySecond`, or with a `stride` not below the budget). The budget is
/// `max_length - added` with wrap-around, as the reference computes it.
pub(crate) fn single_kept(
    len: usize,
    params: &TruncationParams,
    added: usize,
) -> Option<std::ops::Range<usize>> {
    let max = params.max_length.wrapping_sub(added);
    if max == 0 {
        return Some(0..0);
    }
    if len <= max {
        return Some(0..len);
    }
    if params.strategy == TruncationStrategy::OnlySecond || params.stride >= max {
        return None;
    }
    Some(match params.direction {
        TruncationDirection::Right => 0..max,
        TruncationDirection::Left => len - max..len,
    })
}

/// Target lengths of the two sequences under `LongestFirst`: the shorter one (`short`) keeps
/// everything and the longer one gets `max(short, max - short)`; if that overflows `max`, both
/// get `max / 2` and the longer one the odd token. A target above a sequence's length leaves
/// it whole.
fn longest_first_lengths(len1: usize, len2: usize, max: usize) -> (usize, usize) {
    let swap = len1 > len2;
    let mut short = len1.min(len2);
    let mut long = if short > max {
        short
    } else {
        short.max(max - short)
    };
    if short + long > max {
        short = max / 2;
        long = short + max % 2;
    }
    if swap {
        (long, short)
    } else {
        (short, long)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(n: usize) -> Encoding {
        let mut e = Encoding::with_capacity(n);
        for i in 0..n {
            e.push_token(i as u32, &format!("t{i}"), (i, i + 1), Some(i as u32), 0);
        }
        e
    }

    fn lens(a: usize, b: usize, max: usize) -> (usize, usize) {
        let params = TruncationParams {
            max_length: max,
            ..Default::default()
        };
        let (e, p) = truncate_encodings(enc(a), Some(enc(b)), &params).unwrap();
        (e.len(), p.unwrap().len())
    }

    #[test]
    fn longest_first_pairs() {
        // Lengths kept by the reference for every pair of sizes (0, 2, 4, 8) with max 7.
        let sizes = [0, 2, 4, 8];
        let expect = [
            [(0, 0), (0, 2), (0, 4), (0, 7)],
            [(2, 0), (2, 2), (2, 4), (2, 5)],
            [(4, 0), (4, 2), (3, 4), (3, 4)],
            [(7, 0), (5, 2), (4, 3), (3, 4)],
        ];
        for (i, a) in sizes.iter().enumerate() {
            for (j, b) in sizes.iter().enumerate() {
                assert_eq!(lens(*a, *b, 7), expect[i][j], "{a} {b}");
            }
        }
        assert_eq!(lens(4, 4, 0), (0, 0));
    }

    #[test]
    fn serde_matches_tokenizer_json() {
        let json = r#"{"direction":"Left","max_length":14,"strategy":"OnlySecond","stride":0}"#;
        let p: TruncationParams = serde_json::from_str(json).unwrap();
        assert_eq!(p.direction, TruncationDirection::Left);
        assert_eq!(p.strategy, TruncationStrategy::OnlySecond);
        assert_eq!(serde_json::to_string(&p).unwrap(), json);
        let old: TruncationParams =
            serde_json::from_str(r#"{"max_length":256,"strategy":"LongestFirst","stride":0}"#)
                .unwrap();
        assert_eq!(old.direction, TruncationDirection::Right);
        assert!(serde_json::from_str::<TruncationParams>(r#"{"max_length":3}"#).is_err());
    }

    #[test]
    fn only_strategies_errors() {
        let only_second = TruncationParams {
            max_length: 3,
            strategy: TruncationStrategy::OnlySecond,
            ..Default::default()
        };
        assert!(matches!(
            truncate_encodings(enc(5), None, &only_second),
            Err(Error::Truncation(_))
        ));
        assert!(matches!(
            truncate_encodings(enc(3), Some(enc(2)), &only_second),
            Err(Error::Truncation(_))
        ));
        let (e, p) = truncate_encodings(enc(2), Some(enc(4)), &only_second).unwrap();
        assert_eq!((e.len(), p.unwrap().len()), (2, 1));
        // Fits: nothing happens even without a pair.
        assert!(truncate_encodings(enc(3), None, &only_second).is_ok());
    }

    #[test]
    fn stride_must_be_smaller_than_room() {
        let params = TruncationParams {
            max_length: 3,
            stride: 3,
            ..Default::default()
        };
        assert!(matches!(
            truncate_encodings(enc(5), None, &params),
            Err(Error::Truncation(_))
        ));
    }
}
