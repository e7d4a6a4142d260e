//! `BertPreTokenizer`: splits on whitespace (dropped) and isolates every punctuation char
//! (ASCII punctuation or a Unicode punctuation category, as the reference defines it).
//!
//! One left-to-right scan ([`super::scan::BertPieces`]): whitespace ends the current word,
//! punctuation ends it and forms a one-char piece, anything else extends it.

use crate::pre_tokenizer::PreTokenizedString;
use crate::pre_tokenizers::scan::BertPieces;
use crate::pre_tokenizers::slice_ranges;
use crate::{PreTokenizer, Result};

/// The BERT pre-tokenizer; see the module docs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BertPreTokenizer {}

/// Byte ranges of the BERT pieces of `s`.
pub(crate) fn bert_pieces(s: &str) -> Vec<(usize, usize)> {
    BertPieces::new(s).collect()
}

impl PreTokenizer for BertPreTokenizer {
    fn pre_tokenize(&self, pretokenized: &mut PreTokenizedString) -> Result<()> {
        pretokenized.split(|_, normalized| {
            let r = bert_pieces(normalized.get());
            if r.len() == 1 && r[0] == (0, normalized.len()) {
                return Ok(vec![normalized]);
            }
            Ok(slice_ranges(&normalized, &r))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pre_tokenizers::tests::pieces;

    #[test]
    fn bert() {
        assert_eq!(
            pieces(
                &BertPreTokenizer {},
                "Hey friend!  How are you?!? $5 a_b 你好"
            ),
            vec![
                ("Hey", (0, 3)),
                ("friend", (4, 10)),
                ("!", (10, 11)),
                ("How", (13, 16)),
                ("are", (17, 20)),
                ("you", (21, 24)),
                ("?", (24, 25)),
                ("!", (25, 26)),
                ("?", (26, 27)),
                ("$", (28, 29)),
                ("5", (29, 30)),
                ("a", (31, 32)),
                ("_", (32, 33)),
                ("b", (33, 34)),
                ("你好", (35, 37)),
            ]
        );
    }
}
