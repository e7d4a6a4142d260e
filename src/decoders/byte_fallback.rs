//! `ByteFallback` decoder: turns byte tokens such as `<0x61>` back into text.
//!
//! A byte token is exactly six bytes long: `<0x`, two chars read as a hexadecimal `u8` the
//! way Rust's `u8::from_str_radix` does (so `+f` is byte 0x0F, as in the reference), and `>`.
//! Each maximal run of consecutive byte tokens is decoded as UTF-8 into one token; if the run
//! is not valid UTF-8 as a whole, it becomes one U+FFFD per byte token instead. Other tokens
//! pass through unchanged.

use serde::{Deserialize, Serialize};

use crate::{Decoder, Result};

/// Decoder for SentencePiece byte-fallback tokens.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ByteFallback {}

impl ByteFallback {
    /// Builds the decoder.
    pub fn new() -> Self {
        ByteFallback {}
    }
}

fn hex_digit(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// The byte a `<0xXX>` token stands for.
pub(crate) fn byte_token_value(token: &str) -> Option<u8> {
    match token.as_bytes() {
        [b'<', b'0', b'x', b'+', d, b'>'] => hex_digit(*d),
        [b'<', b'0', b'x', hi, lo, b'>'] => Some(hex_digit(*hi)? * 16 + hex_digit(*lo)?),
        _ => None,
    }
}

/// Appends the decoded run `bytes` to `out` and empties it.
fn flush(bytes: &mut Vec<u8>, out: &mut Vec<String>) {
    if bytes.is_empty() {
        return;
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => out.push(s.to_owned()),
        Err(_) => out.extend((0..bytes.len()).map(|_| "\u{FFFD}".to_owned())),
    }
    bytes.clear();
}

impl Decoder for ByteFallback {
    fn decode_chain(&self, tokens: Vec<String>) -> Result<Vec<String>> {
        let mut out = Vec::with_capacity(tokens.len());
        let mut run = Vec::new();
        for token in tokens {
            match byte_token_value(&token) {
                Some(b) => run.push(b),
                None => {
                    flush(&mut run, &mut out);
                    out.push(token);
                }
            }
        }
        flush(&mut run, &mut out);
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
        let d = ByteFallback::new();
        let out = d
            .decode_chain(strings(&[
                "<0x61>", "<0xE5>", "<0x8f>", "a", "<0xE5>", "<0x8f>", "<0xab>", "<0xzz>", "<0x6>",
                "<0X61>", "<0x61>", "<0x+1>", "<0xéé>", "<0x6g>",
            ]))
            .unwrap();
        assert_eq!(
            out,
            strings(&[
                "\u{FFFD}", "\u{FFFD}", "\u{FFFD}", "a", "叫", "<0xzz>", "<0x6>", "<0X61>",
                "a\u{1}", "<0xéé>", "<0x6g>",
            ])
        );
        // One replacement char per byte token, valid ones included.
        assert_eq!(
            d.decode_chain(strings(&["<0x61>", "<0x62>", "<0xFF>", "<0x63>"]))
                .unwrap(),
            strings(&["\u{FFFD}"; 4])
        );
        assert_eq!(
            d.decode_chain(strings(&["<0x-1>", "<0x 1>", "<0x1 >", "<0x+f>"]))
                .unwrap(),
            strings(&["<0x-1>", "<0x 1>", "<0x1 >", "\u{f}"])
        );
        assert_eq!(d.decode_chain(vec![]).unwrap(), Vec::<String>::new());
    }

    #[test]
    fn serde() {
        let d: ByteFallback = serde_json::from_str(r#"{"x":1}"#).unwrap();
        assert_eq!(d, ByteFallback::new());
    }
}
