//! subtok: exact, fast subword tokenization for Hugging Face `tokenizer.json` files.
//!
//! A [`Tokenizer`] loads any `tokenizer.json` ("version": "1.0") and encodes text exactly as
//! the reference library does: the same ids, tokens, offsets, type ids, masks, word ids and
//! overflowing windows, and the same decoded strings.
//!
//! # The pipeline
//!
//! ```text
//! text ─► added tokens ─► normalizer ─► pre-tokenizer ─► model ─► post-processor ─► Encoding
//!                                                                  ids ─► decoder ─► text
//! ```
//!
//! Each stage is a small trait ([`Normalizer`], [`PreTokenizer`], [`Model`],
//! [`PostProcessor`], [`Decoder`]) implemented by a closed enum of the components the JSON
//! `type` names (one file per type under `normalizers/`, `pre_tokenizers/`, `models/`,
//! `processors/`, `decoders/`). Added tokens are matched before normalization
//! ([`added_vocabulary`]). Truncation and padding live in [`utils::truncation`] and
//! [`utils::padding`].
//!
//! Two paths produce ids. [`Tokenizer::encode`] builds a full [`Encoding`] (offsets, tokens,
//! word ids, overflow) with byte-exact alignment tracking. [`Tokenizer::encode_ids_into`]
//! and [`Tokenizer::encode_batch_ids`] return the same ids without any offset bookkeeping,
//! through string-only normalizers, range-only pre-tokenizers and a per-thread piece cache
//! (see the `tokenizer::ids` module); they fall back to the full path where a configuration
//! needs it, so results are always identical.
//!
//! # Example
//!
//! ```
//! use subtok::Tokenizer;
//!
//! fn main() -> Result<(), subtok::Error> {
//!     let json = r###"{
//!       "version": "1.0",
//!       "normalizer": {"type": "Lowercase"},
//!       "pre_tokenizer": {"type": "Whitespace"},
//!       "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
//!                 "max_input_chars_per_word": 100,
//!                 "vocab": {"[UNK]": 0, "token": 1, "##izer": 2, "fast": 3}},
//!       "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": true}
//!     }"###;
//!     let tokenizer: Tokenizer = json.parse()?;
//!
//!     let encoding = tokenizer.encode("Fast Tokenizer", true)?;
//!     assert_eq!(encoding.get_tokens(), ["fast", "token", "##izer"]);
//!     assert_eq!(encoding.get_offsets(), [(0, 4), (5, 10), (10, 14)]);
//!     assert_eq!(tokenizer.encode_ids("Fast Tokenizer", true)?, [3, 1, 2]);
//!     assert_eq!(tokenizer.decode(&[3, 1, 2], true)?, "fast tokenizer");
//!     Ok(())
//! }
//! ```
//!
//! # Supported components
//!
//! | Stage | Components |
//! |---|---|
//! | Models | BPE (char- and byte-level, byte fallback, dropout, `ignore_merges`), WordPiece, Unigram, WordLevel |
//! | Normalizers | BertNormalizer, Strip, StripAccents, NFC, NFD, NFKC, NFKD, Lowercase, Nmt, Precompiled, Replace, Prepend, ByteLevel, Sequence |
//! | Pre-tokenizers | BertPreTokenizer, ByteLevel, Whitespace, WhitespaceSplit, Punctuation, Digits, CharDelimiterSplit, Split, Metaspace, UnicodeScripts, FixedLength, Sequence |
//! | Post-processors | TemplateProcessing, BertProcessing, RobertaProcessing, ByteLevel, Sequence |
//! | Decoders | ByteLevel, WordPiece, Metaspace, BPEDecoder, CTC, ByteFallback, Fuse, Strip, Replace, Sequence |
#![deny(missing_docs)]

pub mod added_vocabulary;
pub mod decoders;
pub mod encoding;
pub mod error;
pub mod models;
pub mod normalizer;
pub mod normalizers;
pub mod pattern;
pub mod pre_tokenizer;
pub mod pre_tokenizers;
pub mod processors;
pub mod tokenizer;
pub mod utils;

pub use encoding::Encoding;
pub use error::{Error, Result};
pub use normalizer::{NormalizedString, OffsetReferential, Range, SplitDelimiterBehavior};
pub use pre_tokenizer::{PreTokenizedString, Split};
pub use tokenizer::Tokenizer;

/// A `(start, end)` pair of offsets (bytes unless stated otherwise), `end` exclusive.
pub type Offsets = (usize, usize);

/// A token produced by a model: its id, its string form and its byte offsets inside the
/// piece the model was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Vocabulary id.
    pub id: u32,
    /// The token's string as found in the vocabulary.
    pub value: String,
    /// Byte offsets inside the piece that was tokenized.
    pub offsets: Offsets,
}

impl Token {
    /// Builds a token.
    pub fn new(id: u32, value: String, offsets: Offsets) -> Self {
        Token { id, value, offsets }
    }
}

/// Turns a normalized string into its normalized form, keeping alignments to the original.
pub trait Normalizer {
    /// Normalizes `normalized` in place.
    fn normalize(&self, normalized: &mut NormalizedString) -> Result<()>;
}

/// Splits a (normalized) string into pieces that the model tokenizes independently.
pub trait PreTokenizer {
    /// Splits the pieces of `pretokenized` further, in place.
    fn pre_tokenize(&self, pretokenized: &mut PreTokenizedString) -> Result<()>;
}

/// Turns one pre-tokenized piece into tokens.
pub trait Model {
    /// Tokenizes `sequence`; token offsets are byte offsets inside `sequence`.
    fn tokenize(&self, sequence: &str) -> Result<Vec<Token>>;
    /// The id of `token`, if it is in the vocabulary.
    fn token_to_id(&self, token: &str) -> Option<u32>;
    /// The token string of `id`, if it is in the vocabulary.
    fn id_to_token(&self, id: u32) -> Option<String>;
    /// Number of entries in the vocabulary.
    fn get_vocab_size(&self) -> usize;
    /// The whole vocabulary, token to id.
    fn get_vocab(&self) -> std::collections::HashMap<String, u32>;
}

/// Adds special tokens and type ids around one or two encodings.
pub trait PostProcessor {
    /// How many tokens `process` adds for a single sequence or a pair.
    fn added_tokens(&self, is_pair: bool) -> usize;
    /// Combines `encoding` and the optional `pair` into one encoding.
    fn process(
        &self,
        encoding: Encoding,
        pair: Option<Encoding>,
        add_special_tokens: bool,
    ) -> Result<Encoding>;
}

/// Turns token strings back into text.
pub trait Decoder {
    /// Transforms the token strings; the final text is the concatenation of the result.
    fn decode_chain(&self, tokens: Vec<String>) -> Result<Vec<String>>;
    /// Decodes the tokens into one string.
    fn decode(&self, tokens: Vec<String>) -> Result<String> {
        Ok(self.decode_chain(tokens)?.concat())
    }
}
