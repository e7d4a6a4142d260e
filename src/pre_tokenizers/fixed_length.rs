//! `FixedLength`: cuts each piece into chunks of `length` chars (the last one may be
//! shorter). A length of 0 is accepted when loading, like the reference, but pre-tokenizing
//! non-empty text with it is an error.

use crate::normalizer::Range;
use crate::pre_tokenizer::PreTokenizedString;
use crate::{Error, PreTokenizer, Result};

fn default_length() -> usize {
    5
}

/// Fixed-size chunks; see the module docs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FixedLength {
    /// Chunk length in chars.
    #[serde(default = "default_length")]
    pub length: usize,
}

impl Default for FixedLength {
    fn default() -> Self {
        FixedLength {
            length: default_length(),
        }
    }
}

impl FixedLength {
    /// Builds the pre-tokenizer.
    pub fn new(length: usize) -> Self {
        FixedLength { length }
    }
}

impl PreTokenizer for FixedLength {
    fn pre_tokenize(&self, pretokenized: &mut PreTokenizedString) -> Result<()> {
        pretokenized.split(|_, normalized| {
            let s = normalized.get();
            if s.is_empty() {
                return Ok(Vec::new());
            }
            if self.length == 0 {
                return Err(Error::encode(
                    "FixedLength pre-tokenizer: `length` is 0, expected at least 1",
                ));
            }
            let mut bounds: Vec<usize> = s
                .char_indices()
                .map(|(i, _)| i)
                .step_by(self.length)
                .collect();
            bounds.push(s.len());
            Ok(bounds
                .windows(2)
                .filter_map(|w| normalized.slice(Range::Normalized(w[0]..w[1])))
                .collect::<Vec<_>>())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pre_tokenizers::tests::pieces;

    #[test]
    fn chunks() {
        assert_eq!(
            pieces(&FixedLength::new(3), "Hello \u{1F44B} world"),
            vec![
                ("Hel", (0, 3)),
                ("lo ", (3, 6)),
                ("\u{1F44B} w", (6, 9)),
                ("orl", (9, 12)),
                ("d", (12, 13)),
            ]
        );
        assert_eq!(pieces(&FixedLength::default(), ""), vec![]);
        let mut p = PreTokenizedString::from("abc");
        assert!(FixedLength::new(0).pre_tokenize(&mut p).is_err());
    }
}
