//! `ByteLevel` decoder: turns tokens written in the GPT-2 byte-to-unicode alphabet back into
//! text.
//!
//! Every char of a token is mapped back to the byte it stands for. A token containing any char
//! outside the alphabet (an added token such as `€`, for instance) contributes its own UTF-8
//! bytes unchanged instead. The bytes of all tokens are concatenated and decoded as UTF-8 in one
//! go, each invalid sequence becoming U+FFFD (the standard lossy decoding), so a multi-byte
//! character split across tokens is rebuilt. The output is always exactly one string, even for
//! no tokens (then the empty string).
//!
//! The JSON also carries the pre-tokenizer's flags (`add_prefix_space`, `trim_offsets`,
//! `use_regex`); they do not change decoding but are kept so the file round-trips (the
//! struct is the pre-tokenizer's own, [`crate::pre_tokenizers::ByteLevel`]).

use crate::{Decoder, Result};

/// The decoder shares the component struct of the pre-tokenizer and post-processor, as
/// tokenizer.json does: one `ByteLevel` with `add_prefix_space`, `trim_offsets` and
/// `use_regex`.
pub use crate::pre_tokenizers::ByteLevel;

/// The byte that alphabet char `c` stands for, if `c` is in the alphabet.
///
/// The alphabet keeps the printable bytes `!..=~`, `¡..=¬` and `®..=ÿ` as themselves and maps
/// the 68 others, in increasing order, to U+0100..=U+0143: bytes 0x00..=0x20 first, then
/// 0x7F..=0xA0, then 0xAD.
#[inline]
pub(crate) fn alphabet_byte(c: char) -> Option<u8> {
    let u = c as u32;
    match u {
        0x21..=0x7E | 0xA1..=0xAC | 0xAE..=0xFF => Some(u as u8),
        0x100..=0x120 => Some((u - 0x100) as u8),
        0x121..=0x142 => Some((u - 0x121 + 0x7F) as u8),
        0x143 => Some(0xAD),
        _ => None,
    }
}

/// Appends the bytes `token` stands for to `out`: the alphabet bytes when every char is in
/// the alphabet, the token's own UTF-8 bytes otherwise.
pub(crate) fn push_token_bytes(token: &str, out: &mut Vec<u8>) {
    let start = out.len();
    for c in token.chars() {
        match alphabet_byte(c) {
            Some(b) => out.push(b),
            None => {
                out.truncate(start);
                out.extend_from_slice(token.as_bytes());
                return;
            }
        }
    }
}

impl Decoder for ByteLevel {
    fn decode_chain(&self, tokens: Vec<String>) -> Result<Vec<String>> {
        let mut bytes = Vec::with_capacity(tokens.iter().map(String::len).sum());
        for token in &tokens {
            push_token_bytes(token, &mut bytes);
        }
        let text = match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        };
        Ok(vec![text])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::utils::byte_level::BYTE_TO_CHAR;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn alphabet_inverse_matches_table() {
        for b in 0..=255u8 {
            assert_eq!(alphabet_byte(BYTE_TO_CHAR[b as usize]), Some(b));
        }
        let mut members = 0;
        for u in 0..0x200u32 {
            if let Some(c) = char::from_u32(u) {
                if alphabet_byte(c).is_some() {
                    members += 1;
                }
            }
        }
        assert_eq!(members, 256);
        assert_eq!(alphabet_byte('€'), None);
        assert_eq!(alphabet_byte(' '), None);
    }

    #[test]
    fn decodes_like_reference() {
        let d = ByteLevel::default();
        // decoders.ByteLevel().decode([...]) with the reference.
        let out = d
            .decode_chain(strings(&[
                "Ġa", "b", "Ã©x", "é", "\u{e5}", "Ã", "Ã©", "<a>", "Ġ€", "Ċ",
            ]))
            .unwrap();
        assert_eq!(
            out,
            vec![" abéx\u{fffd}\u{fffd}\u{fffd}é<a>Ġ€\n".to_string()]
        );
        assert_eq!(d.decode_chain(vec![]).unwrap(), vec![String::new()]);
        assert_eq!(
            d.decode(strings(&["Hello", "Ġworld", "!"])).unwrap(),
            "Hello world!"
        );
        // A multi-byte char split over two tokens is rebuilt.
        assert_eq!(d.decode(strings(&["ä¸", "Ń"])).unwrap(), "中");
    }

    #[test]
    fn serde() {
        let d: ByteLevel =
            serde_json::from_str(r#"{"add_prefix_space":false,"trim_offsets":true}"#).unwrap();
        assert_eq!(d, ByteLevel::new(false, true, true));
        assert!(serde_json::from_str::<ByteLevel>(r#"{"add_prefix_space":false}"#).is_err());
    }
}
