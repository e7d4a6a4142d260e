//! `WordPiece` decoder: joins WordPiece sub-words back into words.
//!
//! Every token but the first either continues the previous word (it starts with `prefix`,
//! which is removed once) or starts a new word (a space is put in front of it). The first
//! token is left as is, even if it starts with the prefix. With `cleanup`, each resulting
//! piece then goes through [`cleanup`], which undoes the spaces tokenization put around
//! punctuation and English contractions.

use serde::{Deserialize, Serialize};

use crate::{Decoder, Result};

/// Decoder for WordPiece tokens (BERT and friends).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordPiece {
    /// Marks a token continuing the previous word (`##` for BERT).
    pub prefix: String,
    /// Whether to apply [`cleanup`] to every piece.
    pub cleanup: bool,
}

impl Default for WordPiece {
    fn default() -> Self {
        WordPiece {
            prefix: "##".to_owned(),
            cleanup: true,
        }
    }
}

impl WordPiece {
    /// Builds the decoder.
    pub fn new(prefix: String, cleanup: bool) -> Self {
        WordPiece { prefix, cleanup }
    }
}

/// The rewrites of [`cleanup`], applied one after the other in this order.
const CLEANUP_REWRITES: [(&str, &str); 11] = [
    (" .", "."),
    (" ?", "?"),
    (" !", "!"),
    (" ,", ","),
    (" ' ", "'"),
    (" n't", "n't"),
    (" 'm", "'m"),
    (" do not", " don't"),
    (" 's", "'s"),
    (" 've", "'ve"),
    (" 're", "'re"),
];

/// Removes tokenization artifacts: the space before `.`, `?`, `!`, `,`, around a lone `'`,
/// and before the contractions `n't`, `'m`, `'s`, `'ve`, `'re`; also turns ` do not` into
/// ` don't`. Each rewrite is applied to the whole string, in a fixed order.
pub fn cleanup(text: &str) -> String {
    let mut out = text.to_owned();
    cleanup_in_place(&mut out);
    out
}

/// [`cleanup`] on an owned string, allocating only when something changes.
pub(crate) fn cleanup_in_place(text: &mut String) {
    // Every rewrite removes or keeps a space; without one there is nothing to do.
    if !text.contains(' ') {
        return;
    }
    for (from, to) in CLEANUP_REWRITES {
        if text.contains(from) {
            *text = text.replace(from, to);
        }
    }
}

impl Decoder for WordPiece {
    fn decode_chain(&self, mut tokens: Vec<String>) -> Result<Vec<String>> {
        for (i, token) in tokens.iter_mut().enumerate() {
            if i != 0 {
                if token.starts_with(self.prefix.as_str()) {
                    token.drain(..self.prefix.len());
                } else {
                    token.insert(0, ' ');
                }
            }
            if self.cleanup {
                cleanup_in_place(token);
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
        // decoders.WordPiece() on the reference, pieces observed one by one.
        let d = WordPiece::default();
        let out = d
            .decode_chain(strings(&[
                "##a", "b", "##c", "d", ".", "'", "s", "n't", " do not", "##", "x##y", "##b##c",
            ]))
            .unwrap();
        assert_eq!(
            out,
            strings(&[
                "##a", " b", "c", " d", ".", " '", " s", "n't", "  don't", "", " x##y", "b##c"
            ])
        );
        let d = WordPiece::new("##".into(), false);
        assert_eq!(
            d.decode(strings(&["##a", "b", "##c", "d", ".", "'", "s", "n't"]))
                .unwrap(),
            "##a bc d . ' s n't"
        );
        let d = WordPiece::new(String::new(), true);
        assert_eq!(d.decode(strings(&["a", "b"])).unwrap(), "ab");
        assert_eq!(
            WordPiece::default()
                .decode(strings(&[
                    "hello", "world", "!", "i", "'", "m", "here", "?"
                ]))
                .unwrap(),
            // Cleanup works per piece: " '" and " m" stay apart.
            "hello world! i ' m here?"
        );
    }

    #[test]
    fn cleanup_rules() {
        assert_eq!(cleanup("a . b ? c ! d , e ' f"), "a. b? c! d, e'f");
        assert_eq!(
            cleanup("I do not , it 's we 've they 're I 'm do n't"),
            "I don't, it's we've they're I'm don't"
        );
    }
}
