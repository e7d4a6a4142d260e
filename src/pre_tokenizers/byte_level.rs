//! `ByteLevel`: the GPT-2 pre-tokenizer. Optionally adds a leading space, optionally cuts the
//! text with the GPT-2 pattern, then rewrites every byte of every piece as a char of the
//! byte-level alphabet (see [`crate::utils::byte_level`]), so that any text, whatever its
//! script, is spelled with 256 symbols.
//!
//! The cut follows the reference's pattern
//! `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+` with leftmost-first
//! alternation. It is implemented as a hand-written scanner over the reference's own classes
//! of letters, numbers and whitespace ([`super::scan`]), which makes it both exact
//! and much faster than a backtracking regex. Every char is covered by some alternative, so
//! the pieces tile the text.
//!
//! Alignment: a char of `n` UTF-8 bytes becomes `n` alphabet chars; the first replaces the
//! char and the others are insertions, so all of them map back to the whole original char.
//! Each piece is rewritten once, before it is cut, which yields exactly the alignments the
//! reference gets by cutting first and rewriting every sub-piece.

use crate::normalizer::NormalizedString;
use crate::pre_tokenizer::PreTokenizedString;
use crate::pre_tokenizers::scan::Gpt2Scan;
use crate::pre_tokenizers::slice_ranges;
use crate::utils::byte_level::BYTE_TO_CHAR;
use crate::{PreTokenizer, Result};

fn default_true() -> bool {
    true
}

/// The byte-level pre-tokenizer; see the module docs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ByteLevel {
    /// Adds a space in front of each piece that does not start with one, so the first word is
    /// spelled like any other.
    pub add_prefix_space: bool,
    /// Used by the post-processor and decoder: whether token offsets exclude leading and
    /// trailing spaces. Has no effect on pre-tokenization.
    pub trim_offsets: bool,
    /// Whether to cut with the GPT-2 pattern (otherwise each piece is only byte-mapped).
    #[serde(default = "default_true")]
    pub use_regex: bool,
}

impl Default for ByteLevel {
    fn default() -> Self {
        ByteLevel {
            add_prefix_space: true,
            trim_offsets: true,
            use_regex: true,
        }
    }
}

impl ByteLevel {
    /// Builds the pre-tokenizer.
    pub fn new(add_prefix_space: bool, trim_offsets: bool, use_regex: bool) -> Self {
        ByteLevel {
            add_prefix_space,
            trim_offsets,
            use_regex,
        }
    }

    /// The 256 chars of the byte-level alphabet, in byte order.
    pub fn alphabet() -> Vec<char> {
        BYTE_TO_CHAR.to_vec()
    }
}

/// Byte ranges of the GPT-2 pieces of `s`; they tile `s`.
pub(crate) fn gpt2_pieces(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(s.len() / 4 + 1);
    out.extend(Gpt2Scan::new(s));
    out
}

/// Rewrites every byte of `normalized` as its byte-level alphabet char.
pub fn to_byte_level(normalized: &mut NormalizedString) {
    let s = normalized.get();
    if s.bytes().all(|b| (b'!'..=b'~').contains(&b)) {
        return;
    }
    let mut changes: Vec<(char, isize)> = Vec::with_capacity(s.len());
    for c in s.chars() {
        let mut buf = [0u8; 4];
        for (i, &b) in c.encode_utf8(&mut buf).as_bytes().iter().enumerate() {
            changes.push((BYTE_TO_CHAR[b as usize], isize::from(i > 0)));
        }
    }
    normalized.transform(changes, 0);
}

/// Byte length of `c` once rewritten in the byte-level alphabet.
#[inline]
fn mapped_len(c: char) -> usize {
    let mut buf = [0u8; 4];
    c.encode_utf8(&mut buf)
        .bytes()
        .map(|b| BYTE_TO_CHAR[b as usize].len_utf8())
        .sum()
}

impl PreTokenizer for ByteLevel {
    fn pre_tokenize(&self, pretokenized: &mut PreTokenizedString) -> Result<()> {
        pretokenized.split(|_, mut normalized| {
            if self.add_prefix_space && !normalized.get().starts_with(' ') {
                normalized.prepend(" ");
            }
            let pieces = if self.use_regex {
                gpt2_pieces(normalized.get())
            } else {
                Vec::new()
            };
            if pieces.len() <= 1 {
                to_byte_level(&mut normalized);
                return Ok(vec![normalized]);
            }
            // Rewriting first and cutting afterwards gives the same pieces and alignments as
            // cutting first (every char keeps its own alignment), with one rewrite instead of
            // one per piece. The cut points move to their rewritten byte positions.
            let s = normalized.get();
            let mut mapped = Vec::with_capacity(pieces.len());
            let mut chars = s.char_indices().peekable();
            let mut pos = 0;
            for &(a, b) in &pieces {
                let start = pos;
                while let Some(&(i, c)) = chars.peek() {
                    if i >= b {
                        break;
                    }
                    debug_assert!(i >= a);
                    pos += mapped_len(c);
                    chars.next();
                }
                mapped.push((start, pos));
            }
            to_byte_level(&mut normalized);
            Ok(slice_ranges(&normalized, &mapped))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pre_tokenizers::tests::pieces;

    #[test]
    fn gpt2_split() {
        let p = ByteLevel::new(false, true, true);
        assert_eq!(
            pieces(&p, "Hello my friend, how is your day going?"),
            vec![
                ("Hello", (0, 5)),
                ("Ġmy", (5, 8)),
                ("Ġfriend", (8, 15)),
                (",", (15, 16)),
                ("Ġhow", (16, 20)),
                ("Ġis", (20, 23)),
                ("Ġyour", (23, 28)),
                ("Ġday", (28, 32)),
                ("Ġgoing", (32, 38)),
                ("?", (38, 39)),
            ]
        );
        assert_eq!(
            pieces(&p, "Hello there       dear\n\nx  "),
            vec![
                ("Hello", (0, 5)),
                ("Ġthere", (5, 11)),
                ("ĠĠĠĠĠĠ", (11, 17)),
                ("Ġdear", (17, 22)),
                ("Ċ", (22, 23)),
                ("Ċ", (23, 24)),
                ("x", (24, 25)),
                ("ĠĠ", (25, 27)),
            ]
        );
        assert_eq!(
            pieces(&p, "i⭢j it's ''s 're'R 12ab"),
            vec![
                ("i", (0, 1)),
                ("âŃ¢", (1, 2)),
                ("j", (2, 3)),
                ("Ġit", (3, 6)),
                ("'s", (6, 8)),
                ("Ġ''", (8, 11)),
                ("s", (11, 12)),
                ("Ġ'", (12, 14)),
                ("re", (14, 16)),
                ("'", (16, 17)),
                ("R", (17, 18)),
                ("Ġ12", (18, 21)),
                ("ab", (21, 23)),
            ]
        );
    }

    #[test]
    fn prefix_space_and_no_regex() {
        let p = ByteLevel::new(true, true, true);
        assert_eq!(
            pieces(&p, "Hello  é"),
            vec![("ĠHello", (0, 5)), ("Ġ", (5, 6)), ("ĠÃ©", (6, 8))]
        );
        let p = ByteLevel::new(true, true, false);
        assert_eq!(pieces(&p, "a b"), vec![("ĠaĠb", (0, 3))]);
        assert_eq!(pieces(&p, ""), vec![]);
    }
}
