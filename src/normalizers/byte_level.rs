//! `ByteLevel` normalizer: rewrites the text as its UTF-8 bytes, each shown as its char of
//! the GPT-2 byte alphabet (see [`crate::utils::byte_level`]).
//!
//! A char of `n` bytes becomes `n` alphabet chars: the first replaces the char (change `0`),
//! the others are inserted after it (`+1`), so all of them align to the original char.

use serde::{Deserialize, Serialize};

use super::transform_whole;
use crate::utils::byte_level::BYTE_TO_CHAR;
use crate::{NormalizedString, Normalizer, Result};

/// Byte-level rewriting (`{"type": "ByteLevel"}`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ByteLevel {}

impl Normalizer for ByteLevel {
    fn normalize(&self, normalized: &mut NormalizedString) -> Result<()> {
        let s = normalized.get();
        if s.is_empty() {
            return Ok(());
        }
        let mut changes: Vec<(char, isize)> = Vec::with_capacity(s.len());
        let mut buf = [0u8; 4];
        for c in s.chars() {
            for (i, &b) in c.encode_utf8(&mut buf).as_bytes().iter().enumerate() {
                changes.push((BYTE_TO_CHAR[b as usize], isize::from(i > 0)));
            }
        }
        transform_whole(normalized, changes, 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_level() {
        let mut n = NormalizedString::from("Hi 我");
        ByteLevel {}.normalize(&mut n).unwrap();
        assert_eq!(n.get(), "HiĠæĪĳ");
        assert_eq!(n.alignments()[n.len() - 1], (3, 6));
        assert_eq!(n.alignments()[2], (2, 3));
    }
}
