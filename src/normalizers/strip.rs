//! `Strip` (removes leading and/or trailing whitespace) and `StripAccents` (removes
//! combining marks).
//!
//! `Strip` counts as whitespace what Rust's `char::is_whitespace` does (Unicode
//! White_Space). `StripAccents` removes every char of general category M (Mn, Mc, Me) as of
//! Unicode 9.0, the reference's data; it does not decompose first, so it is normally used
//! after `NFD` or `NFKD`. Removed chars are folded into the change marker of the previous
//! kept char, as the reference's filtering does.

use serde::{Deserialize, Serialize};

use super::tables::{in_ranges, COMBINING_MARK_9};
use super::{filter_whole, transform_whole};
use crate::{NormalizedString, Normalizer, Result};

/// Removes whitespace at the start (`strip_left`) and/or end (`strip_right`). Both fields
/// are required in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Strip {
    /// Remove leading whitespace.
    pub strip_left: bool,
    /// Remove trailing whitespace.
    pub strip_right: bool,
}

impl Normalizer for Strip {
    fn normalize(&self, normalized: &mut NormalizedString) -> Result<()> {
        let s = normalized.get();
        let leading = if self.strip_left {
            s.chars().take_while(|c| c.is_whitespace()).count()
        } else {
            0
        };
        let trailing = if self.strip_right {
            s.chars().rev().take_while(|c| c.is_whitespace()).count()
        } else {
            0
        };
        if leading == 0 && trailing == 0 {
            return Ok(());
        }
        // The trailing removal needs no marker: nothing follows it.
        let count = s.chars().count();
        let kept_end = count.saturating_sub(trailing).max(leading);
        let changes: Vec<(char, isize)> = s
            .chars()
            .take(kept_end)
            .skip(leading)
            .map(|c| (c, 0))
            .collect();
        transform_whole(normalized, changes, leading)
    }
}

/// Removes combining marks (`{"type": "StripAccents"}`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StripAccents {}

impl StripAccents {
    /// Whether `c` stays (it is not a combining mark).
    #[inline]
    fn keeps(c: char) -> bool {
        (c as u32) < 0x300 || !in_ranges(COMBINING_MARK_9, c)
    }

    /// The text [`Normalizer::normalize`] gives for `s` on its own, without alignments;
    /// `None` when unchanged.
    pub(crate) fn rewrite(s: &str) -> Option<String> {
        if s.is_ascii() || s.chars().all(Self::keeps) {
            return None;
        }
        Some(s.chars().filter(|&c| Self::keeps(c)).collect())
    }
}

impl Normalizer for StripAccents {
    fn normalize(&self, normalized: &mut NormalizedString) -> Result<()> {
        filter_whole(normalized, Self::keeps)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Range;

    #[test]
    fn strip_sides() {
        let mut n = NormalizedString::from("  a b \u{3000}");
        Strip {
            strip_left: false,
            strip_right: true,
        }
        .normalize(&mut n)
        .unwrap();
        assert_eq!(n.get(), "  a b");
        Strip {
            strip_left: true,
            strip_right: true,
        }
        .normalize(&mut n)
        .unwrap();
        assert_eq!(n.get(), "a b");
        assert_eq!(n.convert_offsets(Range::Normalized(0..3)), Some(2..5));
    }

    #[test]
    fn strip_accents_alignments() {
        // Reference: "e\u{304}\u{304}\u{304}o" -> "eo", with 'e' aligned to (0, 1) and
        // 'o' to (7, 8).
        let mut n = NormalizedString::from("e\u{304}\u{304}\u{304}o");
        StripAccents {}.normalize(&mut n).unwrap();
        assert_eq!(n.get(), "eo");
        assert_eq!(n.alignments(), &[(0, 1), (7, 8)]);
        // Mc and Me are marks too; U+1DFA was unassigned in Unicode 9.0.
        let mut n = NormalizedString::from("a\u{903}\u{488}\u{1DFA}");
        StripAccents {}.normalize(&mut n).unwrap();
        assert_eq!(n.get(), "a\u{1DFA}");
    }
}
