//! `ByteLevel` as a post-processor: optionally trims, from each token's offsets, the spaces the
//! token carries (`Ġ` in the byte-level alphabet, or real whitespace), then gives each input
//! its sequence id. It adds no tokens.
//!
//! Trimming, per token: leading spaces move the start right (never past the end), except a
//! single leading space on the first token (index 0, or offsets starting at 0) when
//! `add_prefix_space` is set, since the pre-tokenizer added it; trailing spaces move the end
//! left (never before the start). Offsets here are bytes of the original input: a `Ġ` stands
//! for one space byte, a whitespace char for its UTF-8 length.

use crate::processors::Processor;
use crate::{Encoding, Result};

/// The post-processor shares the component struct of the pre-tokenizer and decoder, as
/// tokenizer.json does.
pub use crate::pre_tokenizers::ByteLevel;

/// `Some(bytes)` when `c` is a space of a token: the number of original bytes it covers.
fn space_bytes(c: char) -> Option<usize> {
    if c == 'Ġ' {
        Some(1)
    } else if c.is_whitespace() {
        Some(c.len_utf8())
    } else {
        None
    }
}

/// Trims the spaces carried by each token of `enc` out of its offsets (see module docs).
pub(crate) fn trim_offsets(enc: &mut Encoding, add_prefix_space: bool) {
    for (i, (token, offsets)) in enc.tokens.iter().zip(enc.offsets.iter_mut()).enumerate() {
        let (mut lead_chars, mut lead_bytes) = (0usize, 0usize);
        for b in token.chars().map_while(space_bytes) {
            lead_chars += 1;
            lead_bytes += b;
        }
        let trail_bytes: usize = token.chars().rev().map_while(space_bytes).sum();
        if lead_chars > 0 {
            let is_first = i == 0 || offsets.0 == 0;
            if !(is_first && add_prefix_space && lead_chars == 1) {
                offsets.0 = (offsets.0 + lead_bytes).min(offsets.1);
            }
        }
        if trail_bytes > 0 && offsets.1 >= trail_bytes {
            offsets.1 = (offsets.1 - trail_bytes).max(offsets.0);
        }
    }
}

impl Processor for ByteLevel {
    fn added(&self, _is_pair: bool) -> usize {
        0
    }

    fn process_encodings(
        &self,
        mut encodings: Vec<Encoding>,
        _add_special_tokens: bool,
    ) -> Result<Vec<Encoding>> {
        for (i, enc) in encodings.iter_mut().enumerate() {
            if self.trim_offsets {
                trim_offsets(enc, self.add_prefix_space);
                for o in enc.get_overflowing_mut() {
                    trim_offsets(o, self.add_prefix_space);
                }
            }
            enc.set_sequence_id(i);
        }
        Ok(encodings)
    }
}
