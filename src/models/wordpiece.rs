//! WordPiece (`"type": "WordPiece"`): greedy longest-match-first subwords.
//!
//! A word longer than `max_input_chars_per_word` characters becomes one unknown token.
//! Otherwise, from the start of the word, the longest substring in the vocabulary is taken
//! (substrings after the first are looked up with `continuing_subword_prefix` in front, and
//! the token's value keeps that prefix), and the search resumes where it ended. If some
//! position has no match at all, the whole word becomes one unknown token covering it.
//! Candidate ends never exceed the longest vocabulary entry, which gives the same result as
//! trying every end down from the end of the word, only faster.
//!
//! All four fields (`unk_token`, `continuing_subword_prefix`, `max_input_chars_per_word`,
//! `vocab`) are required, as in the reference. An unknown token that is not in the vocabulary
//! is an encoding error when it is needed.

use std::collections::HashMap;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use super::hash::FastMap;
use super::raw::{required, RawModel};
use super::vocab::{to_std_map, IdTable, OrderedVocab};
use crate::{Error, Model, Result, Token};

/// A WordPiece model.
#[derive(Clone)]
pub struct WordPiece {
    vocab: FastMap<String, u32>,
    vocab_r: IdTable,
    unk_token: String,
    continuing_subword_prefix: String,
    max_input_chars_per_word: usize,
    unk_id: Option<u32>,
    /// Byte length of the longest vocabulary entry.
    longest: usize,
}

impl std::fmt::Debug for WordPiece {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WordPiece")
            .field("vocab_size", &self.vocab.len())
            .field("unk_token", &self.unk_token)
            .field("continuing_subword_prefix", &self.continuing_subword_prefix)
            .field("max_input_chars_per_word", &self.max_input_chars_per_word)
            .finish()
    }
}

impl WordPiece {
    /// Builds a model (the reference's defaults are `"[UNK]"`, `"##"` and `100`).
    pub fn new(
        vocab: HashMap<String, u32>,
        unk_token: String,
        continuing_subword_prefix: String,
        max_input_chars_per_word: usize,
    ) -> Self {
        Self::build(
            vocab.into_iter().collect(),
            unk_token,
            continuing_subword_prefix,
            max_input_chars_per_word,
        )
    }

    fn build(
        vocab: FastMap<String, u32>,
        unk_token: String,
        continuing_subword_prefix: String,
        max_input_chars_per_word: usize,
    ) -> Self {
        WordPiece {
            vocab_r: IdTable::from_vocab(&vocab),
            unk_id: vocab.get(&unk_token).copied(),
            longest: vocab.keys().map(String::len).max().unwrap_or(0),
            vocab,
            unk_token,
            continuing_subword_prefix,
            max_input_chars_per_word,
        }
    }

    /// Builds the model from a `model` section.
    /// On error the section is left intact.
    pub(crate) fn from_raw(raw: &mut RawModel) -> std::result::Result<Self, String> {
        let unk_token = required(&raw.unk_token, "unk_token")?;
        let prefix = required(&raw.continuing_subword_prefix, "continuing_subword_prefix")?;
        let max_chars = required(&raw.max_input_chars_per_word, "max_input_chars_per_word")?;
        let vocab = raw.take_vocab_map()?;
        Ok(Self::build(vocab, unk_token, prefix, max_chars))
    }

    /// The unknown token.
    pub fn unk_token(&self) -> &str {
        &self.unk_token
    }

    /// The prefix marking subwords that continue a word.
    pub fn continuing_subword_prefix(&self) -> &str {
        &self.continuing_subword_prefix
    }

    /// Words with more characters than this become one unknown token.
    pub fn max_input_chars_per_word(&self) -> usize {
        self.max_input_chars_per_word
    }

    fn unknown(&self, sequence: &str) -> Result<Vec<Token>> {
        let id = self.unk_id.ok_or_else(|| {
            Error::encode(format!(
                "WordPiece error: Missing [UNK] token from the vocabulary (unk_token `{}`)",
                self.unk_token
            ))
        })?;
        Ok(vec![Token::new(
            id,
            self.unk_token.clone(),
            (0, sequence.len()),
        )])
    }
}

impl Model for WordPiece {
    fn tokenize(&self, sequence: &str) -> Result<Vec<Token>> {
        if sequence.chars().count() > self.max_input_chars_per_word {
            return self.unknown(sequence);
        }
        let prefix = self.continuing_subword_prefix.as_str();
        let mut tokens = Vec::new();
        let mut key = String::new();
        let mut start = 0;
        while start < sequence.len() {
            let room = if start > 0 {
                self.longest.saturating_sub(prefix.len())
            } else {
                self.longest
            };
            let mut end = sequence.len().min(start.saturating_add(room));
            while end > start && !sequence.is_char_boundary(end) {
                end -= 1;
            }
            let mut found = None;
            while end > start {
                let piece = sequence.get(start..end).unwrap_or_default();
                let lookup = if start > 0 {
                    key.clear();
                    key.push_str(prefix);
                    key.push_str(piece);
                    key.as_str()
                } else {
                    piece
                };
                if let Some(&id) = self.vocab.get(lookup) {
                    found = Some(Token::new(id, lookup.to_owned(), (start, end)));
                    break;
                }
                end -= piece.chars().next_back().map_or(1, char::len_utf8);
            }
            match found {
                Some(token) => tokens.push(token),
                None => return self.unknown(sequence),
            }
            start = end;
        }
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

impl Serialize for WordPiece {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut model = serializer.serialize_struct("WordPiece", 5)?;
        model.serialize_field("type", "WordPiece")?;
        model.serialize_field("unk_token", &self.unk_token)?;
        model.serialize_field("continuing_subword_prefix", &self.continuing_subword_prefix)?;
        model.serialize_field("max_input_chars_per_word", &self.max_input_chars_per_word)?;
        model.serialize_field("vocab", &OrderedVocab(&self.vocab))?;
        model.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model(max_chars: usize) -> WordPiece {
        let vocab = [
            ("[UNK]", 0),
            ("un", 1),
            ("##aff", 2),
            ("##able", 3),
            ("a", 4),
            ("##é", 5),
            ("héllo", 6),
        ];
        WordPiece::new(
            vocab.iter().map(|&(t, i)| (t.to_string(), i)).collect(),
            "[UNK]".into(),
            "##".into(),
            max_chars,
        )
    }

    fn run(m: &WordPiece, s: &str) -> Vec<(u32, String, (usize, usize))> {
        m.tokenize(s)
            .unwrap()
            .into_iter()
            .map(|t| (t.id, t.value, t.offsets))
            .collect()
    }

    // Expected values from the reference:
    // models.WordPiece(vocab, unk_token="[UNK]", max_input_chars_per_word=N).tokenize(...)
    #[test]
    fn greedy_longest_match() {
        let m = model(100);
        assert_eq!(
            run(&m, "unaffable"),
            vec![
                (1, "un".into(), (0, 2)),
                (2, "##aff".into(), (2, 5)),
                (3, "##able".into(), (5, 9))
            ]
        );
        assert_eq!(
            run(&m, "aé"),
            vec![(4, "a".into(), (0, 1)), (5, "##é".into(), (1, 3))]
        );
        assert_eq!(run(&m, "héllo"), vec![(6, "héllo".into(), (0, 6))]);
        assert_eq!(run(&m, "unx"), vec![(0, "[UNK]".into(), (0, 3))]);
        assert_eq!(run(&m, ""), vec![]);
    }

    #[test]
    fn too_long_words_are_unknown() {
        let m = model(4);
        assert_eq!(run(&m, "héllo"), vec![(0, "[UNK]".into(), (0, 6))]);
        assert_eq!(
            run(&m, "aé"),
            vec![(4, "a".into(), (0, 1)), (5, "##é".into(), (1, 3))]
        );
    }

    #[test]
    fn missing_unk_is_an_error() {
        let vocab = [("a".to_string(), 0)].into_iter().collect();
        let m = WordPiece::new(vocab, "[UNK]".into(), "##".into(), 100);
        assert!(m.tokenize("a").is_ok());
        assert!(m.tokenize("b").is_err());
    }
}
