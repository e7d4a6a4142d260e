//! WordLevel (`"type": "WordLevel"`): one token per word.
//!
//! A word found in the vocabulary is its own token; any other word becomes the unknown token
//! spanning the whole word. When the unknown token itself is not in the vocabulary, an
//! unknown word is an encoding error, as in the reference. Both `vocab` and `unk_token` are
//! required when loading.

use std::collections::HashMap;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use super::hash::FastMap;
use super::push_token;
use super::raw::{required, RawModel};
use super::vocab::{to_std_map, IdTable, OrderedVocab};
use crate::{Error, Model, Result, Token};

/// A WordLevel model.
#[derive(Clone)]
pub struct WordLevel {
    vocab: FastMap<String, u32>,
    vocab_r: IdTable,
    unk_token: String,
    unk_id: Option<u32>,
}

impl std::fmt::Debug for WordLevel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WordLevel")
            .field("vocab_size", &self.vocab.len())
            .field("unk_token", &self.unk_token)
            .finish()
    }
}

impl WordLevel {
    /// Builds a model (the reference's default unknown token is `"<unk>"`).
    pub fn new(vocab: HashMap<String, u32>, unk_token: String) -> Self {
        Self::build(vocab.into_iter().collect(), unk_token)
    }

    fn build(vocab: FastMap<String, u32>, unk_token: String) -> Self {
        WordLevel {
            vocab_r: IdTable::from_vocab(&vocab),
            unk_id: vocab.get(&unk_token).copied(),
            vocab,
            unk_token,
        }
    }

    /// Builds the model from a `model` section.
    /// On error the section is left intact.
    pub(crate) fn from_raw(raw: &mut RawModel) -> std::result::Result<Self, String> {
        let unk_token = required(&raw.unk_token, "unk_token")?;
        let vocab = raw.take_vocab_map()?;
        Ok(Self::build(vocab, unk_token))
    }

    /// The unknown token.
    pub fn unk_token(&self) -> &str {
        &self.unk_token
    }

    /// [`Model::tokenize`] with its one token handed to `f(id, offsets, value)`, without a
    /// `String`.
    pub(crate) fn tokenize_with(
        &self,
        sequence: &str,
        mut f: impl FnMut(u32, (usize, usize), &str) -> Result<()>,
    ) -> Result<()> {
        let offsets = (0, sequence.len());
        if let Some(&id) = self.vocab.get(sequence) {
            return f(id, offsets, sequence);
        }
        match self.unk_id {
            Some(id) => f(id, offsets, &self.unk_token),
            None => Err(Error::encode(format!(
                "WordLevel error: Missing [UNK] token from the vocabulary (unk_token `{}`, \
                 needed for {sequence:?})",
                self.unk_token
            ))),
        }
    }
}

impl Model for WordLevel {
    fn tokenize(&self, sequence: &str) -> Result<Vec<Token>> {
        let mut tokens = Vec::with_capacity(1);
        self.tokenize_with(sequence, push_token(&mut tokens))?;
        Ok(tokens)
    }

    fn token_to_id(&self, token: &str) -> Option<u32> {
        self.vocab.get(token).copied()
    }

    fn id_to_token(&self, id: u32) -> Option<String> {
        self.vocab_r.get(id).map(str::to_owned)
    }

    fn get_vocab_size(&self) -> usize {
        self.vocab.len()
    }

    fn get_vocab(&self) -> HashMap<String, u32> {
        to_std_map(&self.vocab)
    }
}

impl Serialize for WordLevel {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut model = serializer.serialize_struct("WordLevel", 3)?;
        model.serialize_field("type", "WordLevel")?;
        model.serialize_field("vocab", &OrderedVocab(&self.vocab))?;
        model.serialize_field("unk_token", &self.unk_token)?;
        model.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model(unk: &str) -> WordLevel {
        let vocab = [("<unk>", 0), ("hello", 1), ("é", 2)];
        WordLevel::new(
            vocab.iter().map(|&(t, i)| (t.to_string(), i)).collect(),
            unk.into(),
        )
    }

    #[test]
    fn lookup_or_unknown() {
        let m = model("<unk>");
        let t = m.tokenize("hello").unwrap();
        assert_eq!(t, vec![Token::new(1, "hello".into(), (0, 5))]);
        let t = m.tokenize("héllo").unwrap();
        assert_eq!(t, vec![Token::new(0, "<unk>".into(), (0, 6))]);
        assert_eq!(m.token_to_id("é"), Some(2));
        assert_eq!(m.id_to_token(1).as_deref(), Some("hello"));
        assert_eq!(m.get_vocab_size(), 3);
    }

    #[test]
    fn missing_unk_errors_only_when_needed() {
        let m = model("[UNK]");
        assert!(m.tokenize("hello").is_ok());
        assert!(m.tokenize("bye").is_err());
    }
}
