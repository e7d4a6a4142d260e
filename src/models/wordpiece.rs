//! WordPiece (`"type": "WordPiece"`): greedy longest-match-first subwords.
//!
//! A word longer than `max_input_chars_per_word` characters becomes one unknown token.
//! Otherwise, from the start of the word, the longest substring in the vocabulary is taken
//! (substrings after the first are looked up with `continuing_subword_prefix` in front, and
//! the token's value keeps that prefix), and the search resumes where it ended. If some
//! position has no match at all, the whole word becomes one unknown token covering it.
//! The longest match is one walk down a byte trie of the vocabulary (one trie of all entries
//! for the start of a word, one of the entries that begin with the prefix, the prefix cut off,
//! for the rest), not a hash lookup per candidate end: a vocabulary entry that is a prefix of
//! the remaining bytes always ends on a char boundary, so the trie's longest hit is the
//! longest substring the reference finds by trying ends from the longest down.
//!
//! All four fields (`unk_token`, `continuing_subword_prefix`, `max_input_chars_per_word`,
//! `vocab`) are required, as in the reference. An unknown token that is not in the vocabulary
//! is an encoding error when it is needed.

use std::collections::HashMap;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use super::hash::FastMap;
use super::push_token;
use super::raw::{required, RawModel};
use super::trie::Trie;
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
    /// Every entry, matched at the start of a word.
    starts: Trie,
    /// The entries that begin with the prefix, without it, matched after the start.
    continues: Trie,
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
        let starts = Trie::build(vocab.iter().map(|(k, &id)| (k.as_bytes(), id)));
        let prefix = continuing_subword_prefix.as_str();
        let continues = Trie::build(
            vocab
                .iter()
                .filter_map(|(k, &id)| Some((k.strip_prefix(prefix)?.as_bytes(), id))),
        );
        WordPiece {
            vocab_r: IdTable::from_vocab(&vocab),
            unk_id: vocab.get(&unk_token).copied(),
            starts,
            continues,
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

    fn unk_id(&self) -> Result<u32> {
        self.unk_id.ok_or_else(|| {
            Error::encode(format!(
                "WordPiece error: Missing [UNK] token from the vocabulary (unk_token `{}`)",
                self.unk_token
            ))
        })
    }

    /// [`Model::tokenize`] with each token handed to `f(id, offsets, value)` in order,
    /// without a `String` per token.
    pub(crate) fn tokenize_with(
        &self,
        sequence: &str,
        mut f: impl FnMut(u32, (usize, usize), &str) -> Result<()>,
    ) -> Result<()> {
        // A char count needs a walk over the word; its byte length bounds it.
        if sequence.len() > self.max_input_chars_per_word
            && sequence.chars().count() > self.max_input_chars_per_word
        {
            return f(self.unk_id()?, (0, sequence.len()), &self.unk_token);
        }
        // A word with no match at some position is one unknown token: matches are only
        // handed on once the whole word is covered. They are kept on the stack (a word
        // rarely has more than a few), past that in a vector.
        let bytes = sequence.as_bytes();
        let mut found = Matches::default();
        let mut start = 0;
        while let Some(rest) = bytes.get(start..).filter(|r| !r.is_empty()) {
            let trie = if start == 0 {
                &self.starts
            } else {
                &self.continues
            };
            match trie.longest_prefix(rest) {
                Some((len, id)) => {
                    start += len;
                    found.push((id, start));
                }
                None => return f(self.unk_id()?, (0, sequence.len()), &self.unk_token),
            }
        }
        let mut key = String::new();
        let mut from = 0;
        for &(id, end) in found.iter() {
            let piece = sequence.get(from..end).unwrap_or_default();
            let value = if from == 0 {
                piece
            } else {
                key.clear();
                key.push_str(&self.continuing_subword_prefix);
                key.push_str(piece);
                &key
            };
            f(id, (from, end), value)?;
            from = end;
        }
        Ok(())
    }
}

/// The matches of one word, `(id, end)`: the first [`Matches::INLINE`] in place.
#[derive(Default)]
struct Matches {
    inline: [(u32, usize); Matches::INLINE],
    len: usize,
    more: Vec<(u32, usize)>,
}

impl Matches {
    const INLINE: usize = 8;

    fn push(&mut self, m: (u32, usize)) {
        match self.inline.get_mut(self.len) {
            Some(slot) => {
                *slot = m;
                self.len += 1;
            }
            None => self.more.push(m),
        }
    }

    fn iter(&self) -> impl Iterator<Item = &(u32, usize)> {
        self.inline.iter().take(self.len).chain(&self.more)
    }
}

impl Model for WordPiece {
    fn tokenize(&self, sequence: &str) -> Result<Vec<Token>> {
        let mut tokens = Vec::new();
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
