//! subtok: exact, fast subword tokenization for Hugging Face `tokenizer.json` files.
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
