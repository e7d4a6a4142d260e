//! Decoders: turn the token strings of an encoding back into text.
//!
//! A decoder transforms a list of token strings into another list (`decode_chain`); the text
//! is the concatenation of the final list. Decoders compose with [`Sequence`], each one
//! receiving the list produced by the previous one. [`DecoderWrapper`] holds any of them and is
//! what a `tokenizer.json` `"decoder"` section deserializes into; its `"type"` field names the
//! variant, the other fields are those of the variant's struct.

pub mod bpe;
pub mod byte_fallback;
pub mod byte_level;
pub mod ctc;
pub mod fuse;
pub mod metaspace;
pub(crate) mod plan;
pub mod replace;
pub mod strip;
pub mod wordpiece;

use serde::{Deserialize, Serialize};

pub use bpe::BPEDecoder;
pub use byte_fallback::ByteFallback;
pub use byte_level::ByteLevel;
pub use ctc::CTC;
pub use fuse::Fuse;
pub use metaspace::{Metaspace, PrependScheme};
pub use replace::{Replace, ReplacePattern};
pub use strip::Strip;
pub use wordpiece::WordPiece;

use crate::{Decoder, Result};

/// Any decoder, as found in a `tokenizer.json` `"decoder"` section.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type")]
pub enum DecoderWrapper {
    /// Byte-level (GPT-2 alphabet) tokens back to text.
    ByteLevel(ByteLevel),
    /// WordPiece continuation prefixes removed, words separated by spaces.
    WordPiece(WordPiece),
    /// SentencePiece meta symbol back to spaces.
    Metaspace(Metaspace),
    /// End-of-word suffixes back to spaces.
    BPEDecoder(BPEDecoder),
    /// CTC output cleaned up.
    CTC(CTC),
    /// `<0xXX>` byte tokens back to text.
    ByteFallback(ByteFallback),
    /// All tokens joined into one.
    Fuse(Fuse),
    /// A char stripped from both ends of every token.
    Strip(Strip),
    /// A pattern replaced in every token.
    Replace(Replace),
    /// Several decoders applied in order.
    Sequence(Sequence),
}

crate::utils::tagged::tagged_deserialize!(
    DecoderWrapper,
    "a decoder: an object with a `type`",
    ByteLevel,
    WordPiece,
    Metaspace,
    BPEDecoder,
    CTC,
    ByteFallback,
    Fuse,
    Strip,
    Replace,
    Sequence,
);

impl Decoder for DecoderWrapper {
    fn decode_chain(&self, tokens: Vec<String>) -> Result<Vec<String>> {
        match self {
            DecoderWrapper::ByteLevel(d) => d.decode_chain(tokens),
            DecoderWrapper::WordPiece(d) => d.decode_chain(tokens),
            DecoderWrapper::Metaspace(d) => d.decode_chain(tokens),
            DecoderWrapper::BPEDecoder(d) => d.decode_chain(tokens),
            DecoderWrapper::CTC(d) => d.decode_chain(tokens),
            DecoderWrapper::ByteFallback(d) => d.decode_chain(tokens),
            DecoderWrapper::Fuse(d) => d.decode_chain(tokens),
            DecoderWrapper::Strip(d) => d.decode_chain(tokens),
            DecoderWrapper::Replace(d) => d.decode_chain(tokens),
            DecoderWrapper::Sequence(d) => d.decode_chain(tokens),
        }
    }
}

macro_rules! wrapper_from {
    ($($variant:ident),*) => {
        $(
            impl From<$variant> for DecoderWrapper {
                fn from(d: $variant) -> Self {
                    DecoderWrapper::$variant(d)
                }
            }
        )*
    };
}

wrapper_from!(
    ByteLevel,
    WordPiece,
    Metaspace,
    BPEDecoder,
    CTC,
    ByteFallback,
    Fuse,
    Strip,
    Replace,
    Sequence
);

/// Decoder applying several decoders one after the other.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sequence {
    decoders: Vec<DecoderWrapper>,
}

impl Sequence {
    /// Builds the sequence.
    pub fn new(decoders: Vec<DecoderWrapper>) -> Self {
        Sequence { decoders }
    }

    /// The decoders, in application order.
    pub fn get_decoders(&self) -> &[DecoderWrapper] {
        &self.decoders
    }
}

impl Decoder for Sequence {
    fn decode_chain(&self, mut tokens: Vec<String>) -> Result<Vec<String>> {
        for decoder in &self.decoders {
            tokens = decoder.decode_chain(tokens)?;
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

    fn load(json: &str) -> DecoderWrapper {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn llama_sequence() {
        let d = load(
            r#"{"type":"Sequence","decoders":[{"type":"Replace","pattern":{"String":"▁"},"content":" "},{"type":"ByteFallback"},{"type":"Fuse"},{"type":"Strip","content":" ","start":1,"stop":0}]}"#,
        );
        // Tokenizer.from_file(llama2).decode(...) on the reference.
        assert_eq!(
            d.decode(strings(&[
                "▁Hello", "▁", "<0xE4>", "<0xB8>", "<0xAD>", "!", "<0xFF>"
            ]))
            .unwrap(),
            "Hello 中!\u{FFFD}"
        );
        assert_eq!(d.decode(vec![]).unwrap(), "");
    }

    #[test]
    fn sequence_of_ctc_and_metaspace() {
        let d = DecoderWrapper::from(Sequence::new(vec![
            CTC::default().into(),
            Metaspace::default().into(),
        ]));
        assert_eq!(
            d.decode(strings(&["▁", "▁", "H", "H", "i", "i", "▁", "y", "o", "u"]))
                .unwrap(),
            "Hi you"
        );
    }

    #[test]
    fn bytelevel_then_strip_errors_on_empty() {
        // The reference panics here (empty ByteLevel output, stop = 1).
        let d = load(
            r#"{"type":"Sequence","decoders":[{"type":"ByteLevel","add_prefix_space":true,"trim_offsets":true,"use_regex":true},{"type":"Strip","content":" ","start":0,"stop":1}]}"#,
        );
        assert!(d.decode(vec![]).is_err());
        assert_eq!(d.decode(strings(&["Ġhi", "Ġ"])).unwrap(), " hi");
    }

    #[test]
    fn round_trips_reference_json() {
        for json in [
            r#"{"type":"ByteLevel","add_prefix_space":true,"trim_offsets":true,"use_regex":true}"#,
            r###"{"type":"WordPiece","prefix":"##","cleanup":true}"###,
            r#"{"type":"Metaspace","replacement":"▁","prepend_scheme":"first","split":false}"#,
            r#"{"type":"BPEDecoder","suffix":"</w>"}"#,
            r#"{"type":"CTC","pad_token":"<pad>","word_delimiter_token":"|","cleanup":true}"#,
            r#"{"type":"ByteFallback"}"#,
            r#"{"type":"Fuse"}"#,
            r#"{"type":"Strip","content":" ","start":1,"stop":0}"#,
            r#"{"type":"Replace","pattern":{"Regex":"\\s"},"content":" "}"#,
            r#"{"type":"Sequence","decoders":[{"type":"ByteFallback"},{"type":"Metaspace","replacement":"▁","prepend_scheme":"always","split":true}]}"#,
        ] {
            let d = load(json);
            assert_eq!(serde_json::to_string(&d).unwrap(), json);
        }
        // Legacy Metaspace fields are read and written in the modern form.
        let d =
            load(r#"{"type":"Metaspace","replacement":"▁","str_rep":"▁","add_prefix_space":true}"#);
        assert_eq!(
            serde_json::to_string(&d).unwrap(),
            r#"{"type":"Metaspace","replacement":"▁","prepend_scheme":"always","split":true}"#
        );
    }

    #[test]
    fn rejects_bad_json() {
        for json in [
            r#"{"type":"Nope"}"#,
            r#"{}"#,
            r#"{"type":"BPE"}"#,
            r#"{"type":"ByteLevel"}"#,
            r###"{"type":"WordPiece","prefix":"##"}"###,
            r#"{"type":"Sequence"}"#,
            r#"{"type":"Sequence","decoders":[{}]}"#,
            r#"{"type":"CTC","pad_token":"p"}"#,
            r#"{"type":"BPEDecoder"}"#,
        ] {
            assert!(
                serde_json::from_str::<DecoderWrapper>(json).is_err(),
                "{json}"
            );
        }
        let err = serde_json::from_str::<DecoderWrapper>(r#"{"type":"Nope"}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown variant `Nope`"), "{err}");
    }
}
