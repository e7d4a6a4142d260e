//! The tokenization models of a `tokenizer.json` `model` section: [`Bpe`], [`WordPiece`],
//! [`WordLevel`] and [`Unigram`], gathered in [`ModelWrapper`].
//!
//! Reading a section is one pass over the JSON (see `raw`): every field any model uses is
//! collected, then the model named by `"type"` validates and converts the fields it needs.
//! A section without `"type"` (written by old versions of the reference) is recognised the
//! way the reference does it: the first of BPE, WordPiece, WordLevel, Unigram that loads
//! successfully from the fields present wins (BPE needs `vocab` and `merges`; WordPiece needs
//! `unk_token`, `continuing_subword_prefix`, `max_input_chars_per_word` and a `vocab` map;
//! WordLevel needs `unk_token` and a `vocab` map; Unigram needs a `vocab` list).
//!
//! Serialization writes `"type"` followed by the fields the reference writes, in its order,
//! with vocabularies ordered by id, so the reference reads the result back unchanged.

pub mod bpe;
pub(crate) mod hash;
mod raw;
mod trie;
pub mod unigram;
mod vocab;
pub mod wordlevel;
pub mod wordpiece;

use std::collections::HashMap;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

pub use bpe::{Bpe, BpeConfig, IndependentParts};
pub use unigram::Unigram;
pub use wordlevel::WordLevel;
pub use wordpiece::WordPiece;

use crate::utils::byte_level::spell_into;
use crate::{Model, Result, Token};
use raw::RawModel;

/// The callback of a model's `tokenize_with` that collects [`Token`]s: what every model's
/// [`Model::tokenize`] is built on.
pub(crate) fn push_token(
    tokens: &mut Vec<Token>,
) -> impl FnMut(u32, (usize, usize), &str) -> Result<()> + '_ {
    |id, offsets, value| {
        tokens.push(Token::new(id, value.to_owned(), offsets));
        Ok(())
    }
}

/// The `type` names of the supported models.
const MODEL_TYPES: &[&str] = &["BPE", "WordPiece", "WordLevel", "Unigram"];

/// Any of the supported models.
#[derive(Debug, Clone)]
pub enum ModelWrapper {
    /// Byte-Pair Encoding.
    BPE(Bpe),
    /// Greedy longest-match-first subwords.
    WordPiece(WordPiece),
    /// One token per word.
    WordLevel(WordLevel),
    /// Unigram language model (Viterbi segmentation).
    Unigram(Unigram),
}

impl From<Bpe> for ModelWrapper {
    fn from(model: Bpe) -> Self {
        ModelWrapper::BPE(model)
    }
}

impl From<WordPiece> for ModelWrapper {
    fn from(model: WordPiece) -> Self {
        ModelWrapper::WordPiece(model)
    }
}

impl From<WordLevel> for ModelWrapper {
    fn from(model: WordLevel) -> Self {
        ModelWrapper::WordLevel(model)
    }
}

impl From<Unigram> for ModelWrapper {
    fn from(model: Unigram) -> Self {
        ModelWrapper::Unigram(model)
    }
}

/// Why a model section could not be loaded.
enum LoadError {
    /// `"type"` names no known model.
    UnknownType(String),
    /// Anything else, as a message naming the field.
    Invalid(String),
}

impl ModelWrapper {
    /// Builds the model from the collected fields of a section.
    fn from_raw(raw: &mut RawModel) -> std::result::Result<Self, LoadError> {
        let invalid = LoadError::Invalid;
        match raw.model_type.take() {
            Some(Value::String(name)) => match name.as_str() {
                "BPE" => Bpe::from_raw(raw).map(Self::BPE).map_err(invalid),
                "WordPiece" => WordPiece::from_raw(raw)
                    .map(Self::WordPiece)
                    .map_err(invalid),
                "WordLevel" => WordLevel::from_raw(raw)
                    .map(Self::WordLevel)
                    .map_err(invalid),
                "Unigram" => Unigram::from_raw(raw).map(Self::Unigram).map_err(invalid),
                other => Err(LoadError::UnknownType(other.to_string())),
            },
            Some(other) => Err(LoadError::Invalid(format!(
                "`type` must be a string, one of {}; got {other}",
                MODEL_TYPES.join(", ")
            ))),
            None => {
                type Loader = fn(&mut RawModel) -> std::result::Result<ModelWrapper, String>;
                let loaders: [Loader; 4] = [
                    |raw| Bpe::from_raw(raw).map(Self::BPE),
                    |raw| WordPiece::from_raw(raw).map(Self::WordPiece),
                    |raw| WordLevel::from_raw(raw).map(Self::WordLevel),
                    |raw| Unigram::from_raw(raw).map(Self::Unigram),
                ];
                let mut reasons = Vec::new();
                for (load, name) in loaders.into_iter().zip(MODEL_TYPES) {
                    match load(raw) {
                        Ok(model) => return Ok(model),
                        Err(reason) => reasons.push(format!("as {name}: {reason}")),
                    }
                }
                Err(LoadError::Invalid(format!(
                    "the model has no `type` and matches none of {}: {}",
                    MODEL_TYPES.join(", "),
                    reasons.join("; ")
                )))
            }
        }
    }
}

impl<'de> Deserialize<'de> for ModelWrapper {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let mut raw = RawModel::deserialize(deserializer)?;
        ModelWrapper::from_raw(&mut raw).map_err(|e| match e {
            LoadError::UnknownType(name) => D::Error::unknown_variant(&name, MODEL_TYPES),
            LoadError::Invalid(message) => D::Error::custom(message),
        })
    }
}

impl Serialize for ModelWrapper {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            Self::BPE(m) => m.serialize(serializer),
            Self::WordPiece(m) => m.serialize(serializer),
            Self::WordLevel(m) => m.serialize(serializer),
            Self::Unigram(m) => m.serialize(serializer),
        }
    }
}

impl ModelWrapper {
    /// Appends the ids of the tokens of `piece` to `out`: the ids [`Model::tokenize`]
    /// gives, without token strings where the model supports it (BPE).
    pub fn tokenize_ids(&self, piece: &str, out: &mut Vec<u32>) -> Result<()> {
        match self {
            Self::BPE(m) => m.tokenize_ids(piece, out),
            other => other.tokenize_with(piece, |id, _, _| {
                out.push(id);
                Ok(())
            }),
        }
    }

    /// [`Self::tokenize_ids`] of the byte-level spelling of `raw` (each byte as its char
    /// in the byte-level alphabet), spelled in `mapped` when the model needs the text.
    pub(crate) fn byte_level_ids(
        &self,
        raw: &[u8],
        mapped: &mut String,
        out: &mut Vec<u32>,
    ) -> Result<()> {
        match self {
            Self::BPE(m) => m.byte_level_ids(raw, mapped, out),
            other => {
                spell_into(raw, mapped);
                other.tokenize_ids(mapped, out)
            }
        }
    }

    /// The tokens of a BPE model's vocabulary with their ids, in no particular order
    /// (`None` for the other models).
    pub(crate) fn bpe_tokens(&self) -> Option<impl Iterator<Item = (&str, u32)> + '_> {
        match self {
            Self::BPE(m) => Some(m.tokens()),
            _ => None,
        }
    }

    /// [`Model::tokenize`] with each token handed to `f(id, offsets, value)` in order,
    /// without a `String` per token.
    pub(crate) fn tokenize_with(
        &self,
        piece: &str,
        f: impl FnMut(u32, (usize, usize), &str) -> Result<()>,
    ) -> Result<()> {
        match self {
            Self::BPE(m) => m.tokenize_with(piece, f),
            Self::WordPiece(m) => m.tokenize_with(piece, f),
            Self::Unigram(m) => m.tokenize_with(piece, f),
            Self::WordLevel(m) => m.tokenize_with(piece, f),
        }
    }

    /// Cuts a piece into parts whose tokens, concatenated, are the piece's tokens, when the
    /// model allows it (see [`Bpe::independent_parts`]).
    pub(crate) fn independent_parts<'w>(&self, piece: &'w str) -> Option<IndependentParts<'w>> {
        match self {
            Self::BPE(m) => m.independent_parts(piece),
            _ => None,
        }
    }

    /// Whether the same piece always gives the same tokens (false with BPE-dropout), so
    /// results may be cached.
    pub(crate) fn is_deterministic(&self) -> bool {
        match self {
            Self::BPE(m) => m.is_deterministic(),
            _ => true,
        }
    }
}

impl Model for ModelWrapper {
    fn tokenize(&self, sequence: &str) -> Result<Vec<Token>> {
        match self {
            Self::BPE(m) => m.tokenize(sequence),
            Self::WordPiece(m) => m.tokenize(sequence),
            Self::WordLevel(m) => m.tokenize(sequence),
            Self::Unigram(m) => m.tokenize(sequence),
        }
    }

    fn token_to_id(&self, token: &str) -> Option<u32> {
        match self {
            Self::BPE(m) => m.token_to_id(token),
            Self::WordPiece(m) => m.token_to_id(token),
            Self::WordLevel(m) => m.token_to_id(token),
            Self::Unigram(m) => m.token_to_id(token),
        }
    }

    fn id_to_token(&self, id: u32) -> Option<String> {
        match self {
            Self::BPE(m) => m.id_to_token(id),
            Self::WordPiece(m) => m.id_to_token(id),
            Self::WordLevel(m) => m.id_to_token(id),
            Self::Unigram(m) => m.id_to_token(id),
        }
    }

    fn get_vocab_size(&self) -> usize {
        match self {
            Self::BPE(m) => m.get_vocab_size(),
            Self::WordPiece(m) => m.get_vocab_size(),
            Self::WordLevel(m) => m.get_vocab_size(),
            Self::Unigram(m) => m.get_vocab_size(),
        }
    }

    fn get_vocab(&self) -> HashMap<String, u32> {
        match self {
            Self::BPE(m) => m.get_vocab(),
            Self::WordPiece(m) => m.get_vocab(),
            Self::WordLevel(m) => m.get_vocab(),
            Self::Unigram(m) => m.get_vocab(),
        }
    }
}

#[cfg(test)]
mod tests;
