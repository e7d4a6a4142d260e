//! `BPEDecoder`: decodes end-of-word-suffix BPE tokens (`hello</w>`).
//!
//! In every token each occurrence of `suffix` becomes a space, except in the last token where
//! it is removed, so the text does not end with a space.

use serde::{Deserialize, Serialize};

use crate::{Decoder, Result};

/// Decoder for BPE vocabularies that mark word ends with a suffix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BPEDecoder {
    /// The end-of-word suffix (`</w>` usually).
    pub suffix: String,
}

impl Default for BPEDecoder {
    fn default() -> Self {
        BPEDecoder {
            suffix: "</w>".to_owned(),
        }
    }
}

impl BPEDecoder {
    /// Builds the decoder.
    pub fn new(suffix: String) -> Self {
        BPEDecoder { suffix }
    }
}

impl Decoder for BPEDecoder {
    fn decode_chain(&self, mut tokens: Vec<String>) -> Result<Vec<String>> {
        let last = tokens.len().saturating_sub(1);
        for (i, token) in tokens.iter_mut().enumerate() {
            let by = if i == last { "" } else { " " };
            if token.contains(self.suffix.as_str()) {
                *token = token.replace(self.suffix.as_str(), by);
            }
        }
        Ok(tokens)
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
        let d = BPEDecoder::default();
        assert_eq!(
            d.decode_chain(strings(&["a</w>", "b</w>c</w>", "d</w>"]))
                .unwrap(),
            strings(&["a ", "b c ", "d"])
        );
        assert_eq!(d.decode(vec![]).unwrap(), "");
        assert_eq!(d.decode(strings(&["a</w>"])).unwrap(), "a");
        // An empty suffix matches between every two chars.
        let d = BPEDecoder::new(String::new());
        assert_eq!(
            d.decode_chain(strings(&["ab", "c"])).unwrap(),
            strings(&[" a b ", "c"])
        );
    }
}
