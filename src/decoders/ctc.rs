//! `CTC` decoder: cleans the frame-level output of a CTC speech model.
//!
//! Runs of identical consecutive tokens are first collapsed into one. Then every occurrence of
//! `pad_token` is removed from each token; with `cleanup`, the WordPiece
//! [`cleanup`](super::wordpiece::cleanup) is applied and `word_delimiter_token` becomes a
//! space. Tokens left empty are dropped.

use serde::{Deserialize, Serialize};

use super::wordpiece::cleanup_in_place;
use crate::{Decoder, Result};

/// Decoder for Connectionist Temporal Classification outputs (wav2vec2...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CTC {
    /// The blank token separating repeated characters.
    pub pad_token: String,
    /// The token standing for a space between words.
    pub word_delimiter_token: String,
    /// Whether to clean up tokenization artifacts and turn word delimiters into spaces.
    pub cleanup: bool,
}

impl Default for CTC {
    fn default() -> Self {
        CTC {
            pad_token: "<pad>".to_owned(),
            word_delimiter_token: "|".to_owned(),
            cleanup: true,
        }
    }
}

impl CTC {
    /// Builds the decoder.
    pub fn new(pad_token: String, word_delimiter_token: String, cleanup: bool) -> Self {
        CTC {
            pad_token,
            word_delimiter_token,
            cleanup,
        }
    }
}

impl Decoder for CTC {
    fn decode_chain(&self, mut tokens: Vec<String>) -> Result<Vec<String>> {
        tokens.dedup();
        let mut out = Vec::with_capacity(tokens.len());
        for mut token in tokens {
            if token.contains(self.pad_token.as_str()) {
                token = token.replace(self.pad_token.as_str(), "");
            }
            if self.cleanup {
                cleanup_in_place(&mut token);
                if token.contains(self.word_delimiter_token.as_str()) {
                    token = token.replace(self.word_delimiter_token.as_str(), " ");
                }
            }
            if !token.is_empty() {
                out.push(token);
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn decodes_like_reference() {
        let d = CTC::default();
        let toks = strings(&[
            "<pad>",
            "h",
            "h",
            "<pad>",
            "e",
            "|",
            "|",
            "l",
            "l",
            "<pad>",
            "l",
            "o",
            " .",
            "<pad>x<pad>",
            "a|b",
            "",
        ]);
        assert_eq!(
            d.decode_chain(toks).unwrap(),
            strings(&["h", "e", " ", "l", "l", "o", ".", "x", "a b"])
        );
        let d = CTC::new("<pad>".into(), "|".into(), false);
        assert_eq!(
            d.decode_chain(strings(&["<pad>", "h", "h", "|", " .", "", ""]))
                .unwrap(),
            strings(&["h", "|", " ."])
        );
        let d = CTC::default();
        assert_eq!(
            d.decode(strings(&["▁", "▁", "H", "H", "i", "i", "|", "y", "o", "u"]))
                .unwrap(),
            "▁Hi you"
        );
    }
}
