//! `Nmt`: the control-char cleanup of SentencePiece's NMT normalization rules.
//!
//! Removes the ASCII/C1 control chars U+0001–U+0008, U+000B, U+000E–U+001F, U+007F, U+008F
//! and U+009F, then maps tab, newline, form feed, carriage return, U+1680, U+200B–U+200F,
//! U+2028, U+2029, U+2581, U+FEFF and U+FFFD to a plain space. Removals fold into the
//! change marker of the previous kept char (or the initial offset), as the reference's
//! filtering does; mappings keep alignments.

use serde::{Deserialize, Serialize};

use super::{starts_unaligned, transform_whole};
use crate::{NormalizedString, Normalizer, Result};

/// SentencePiece NMT cleanup (`{"type": "Nmt"}`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Nmt {}

#[inline]
fn is_removed(c: char) -> bool {
    matches!(c as u32, 0x0001..=0x0008 | 0x000B | 0x000E..=0x001F | 0x007F | 0x008F | 0x009F)
}

#[inline]
fn is_space_like(c: char) -> bool {
    matches!(
        c as u32,
        0x0009 | 0x000A | 0x000C | 0x000D | 0x1680 | 0x200B
            ..=0x200F | 0x2028 | 0x2029 | 0x2581 | 0xFEFF | 0xFFFD
    )
}

impl Normalizer for Nmt {
    fn normalize(&self, normalized: &mut NormalizedString) -> Result<()> {
        let s = normalized.get();
        if !starts_unaligned(normalized) && !s.chars().any(|c| is_removed(c) || is_space_like(c)) {
            return Ok(());
        }
        let mut changes: Vec<(char, isize)> = Vec::with_capacity(s.len());
        let mut leading_removed = 0usize;
        for c in s.chars() {
            if is_removed(c) {
                match changes.last_mut() {
                    Some(last) => last.1 -= 1,
                    None => leading_removed += 1,
                }
            } else if is_space_like(c) {
                changes.push((' ', 0));
            } else {
                changes.push((c, 0));
            }
        }
        transform_whole(normalized, changes, leading_removed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nmt() {
        let mut n = NormalizedString::from("\u{1}a\u{2}\u{3}b\tc\u{200D}\u{7F}");
        Nmt {}.normalize(&mut n).unwrap();
        assert_eq!(n.get(), "ab c ");
        assert_eq!(n.alignments(), &[(1, 2), (4, 5), (5, 6), (6, 7), (7, 10)]);
    }
}
