//! Unigram language-model tokenization (`"type": "Unigram"`).
//!
//! The vocabulary is a list of `[piece, score]` (log-probabilities); a piece's id is its
//! index, and when a piece is listed twice, lookups by string use its last index. Encoding a
//! word picks the segmentation with the highest total score (Viterbi over byte positions):
//!
//! - positions are visited left to right at character boundaries; from each one, every piece
//!   that is a prefix of the rest of the word (found with a byte trie) proposes the path
//!   "best path to here + piece score" to the position where it ends. A proposal replaces the
//!   current best only when strictly greater, so on ties the earliest proposal (earlier start,
//!   then shorter piece) wins;
//! - when no piece covers exactly the next character, the unknown piece proposes that one
//!   character with score `min_score - 10` (`min_score` is the lowest score in the
//!   vocabulary). Without `unk_id` this is an error, but only if that proposal would win;
//! - walking back from the end gives the pieces. Runs of consecutive unknown nodes (nodes
//!   whose id is `unk_id`, including the unknown piece matched literally) are fused into one
//!   piece.
//!
//! Each resulting string is then looked up: a known string is its own token; an unknown one
//! becomes, with `byte_fallback`, one `<0xXX>` token per byte (each spanning the whole
//! string) when all of them exist, and otherwise the unknown token whose value is the string
//! itself. Offsets are byte spans in the word.

mod trie;

use std::collections::HashMap;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use super::hash::{map_with_capacity, FastMap};
use super::raw::{optional, typed, RawModel};
use super::vocab::to_std_map;
use crate::{Error, Model, Result, Token};
use trie::Trie;

/// Penalty subtracted from the lowest piece score to score an unknown character.
const UNK_PENALTY: f64 = 10.0;

/// A Unigram model.
#[derive(Clone)]
pub struct Unigram {
    vocab: Vec<(String, f64)>,
    token_to_ids: FastMap<String, u32>,
    trie: Trie,
    min_score: f64,
    unk_id: Option<usize>,
    byte_fallback: bool,
}

impl std::fmt::Debug for Unigram {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Unigram")
            .field("vocab_size", &self.vocab.len())
            .field("unk_id", &self.unk_id)
            .field("byte_fallback", &self.byte_fallback)
            .finish()
    }
}

/// A byte position in the lattice: `u32` for words under 4 GiB (a node then takes 16 bytes,
/// half the memory of `usize` positions: measured, the node array of a multi-megabyte word
/// is a large part of its time), `usize` beyond.
trait Pos: Copy + PartialEq {
    /// Marks an unreached position.
    const NONE: Self;
    fn new(at: usize) -> Self;
    fn get(self) -> usize;
}

impl Pos for u32 {
    const NONE: Self = u32::MAX;
    #[inline]
    fn new(at: usize) -> Self {
        at as u32
    }
    #[inline]
    fn get(self) -> usize {
        self as usize
    }
}

impl Pos for usize {
    const NONE: Self = usize::MAX;
    #[inline]
    fn new(at: usize) -> Self {
        at
    }
    #[inline]
    fn get(self) -> usize {
        self
    }
}

/// The best path found so far to one byte position.
#[derive(Clone, Copy)]
struct BestNode<P> {
    score: f64,
    /// Piece id of the last step (or the unknown id).
    id: u32,
    /// Where the last step starts; [`Pos::NONE`] while the position is unreached.
    start: P,
}

impl Unigram {
    /// Builds a model from `(piece, score)` pairs, the index of the unknown piece, and whether
    /// unknown pieces fall back to `<0xXX>` byte pieces.
    pub fn new(
        vocab: Vec<(String, f64)>,
        unk_id: Option<usize>,
        byte_fallback: bool,
    ) -> Result<Self> {
        Self::build(vocab, unk_id, byte_fallback).map_err(Error::Config)
    }

    fn build(
        vocab: Vec<(String, f64)>,
        unk_id: Option<usize>,
        byte_fallback: bool,
    ) -> std::result::Result<Self, String> {
        check_unk_id(vocab.len(), unk_id)?;
        let mut token_to_ids = map_with_capacity(vocab.len());
        let mut min_score = f64::INFINITY;
        for (id, (piece, score)) in vocab.iter().enumerate() {
            token_to_ids.insert(piece.clone(), id as u32);
            if *score < min_score {
                min_score = *score;
            }
        }
        let trie = Trie::build(
            vocab
                .iter()
                .enumerate()
                .map(|(id, (piece, _))| (piece.as_bytes(), id as u32)),
        );
        Ok(Unigram {
            vocab,
            token_to_ids,
            trie,
            min_score,
            unk_id,
            byte_fallback,
        })
    }

    /// Builds the model from a `model` section.
    /// On error the section is left intact.
    pub(crate) fn from_raw(raw: &mut RawModel) -> std::result::Result<Self, String> {
        let unk_id = optional(&raw.unk_id, "unk_id")?;
        let byte_fallback = match &raw.byte_fallback {
            Some(v) => typed(v, "byte_fallback")?,
            None => false,
        };
        check_unk_id(raw.vocab_list()?.len(), unk_id)?;
        Self::build(raw.take_vocab_list()?, unk_id, byte_fallback)
    }

    /// Index of the unknown piece.
    pub fn unk_id(&self) -> Option<usize> {
        self.unk_id
    }

    /// Whether unknown pieces fall back to byte pieces.
    pub fn byte_fallback(&self) -> bool {
        self.byte_fallback
    }

    /// The `(piece, score)` list.
    pub fn pieces(&self) -> &[(String, f64)] {
        &self.vocab
    }

    fn missing_unk() -> Error {
        Error::encode("Encountered an unknown token but `unk_id` is missing")
    }

    /// The best segmentation of `sentence` as byte spans `(start, end)`, in order, with runs
    /// of unknown nodes fused.
    fn segment(&self, sentence: &str) -> Result<Vec<(usize, usize)>> {
        if sentence.len() < u32::MAX as usize {
            self.segment_with::<u32>(sentence)
        } else {
            self.segment_with::<usize>(sentence)
        }
    }

    /// [`segment`](Self::segment) with positions of type `P` (holding `sentence.len()`).
    fn segment_with<P: Pos>(&self, sentence: &str) -> Result<Vec<(usize, usize)>> {
        let size = sentence.len();
        let bytes = sentence.as_bytes();
        let unk_score = self.min_score - UNK_PENALTY;
        // Ids fit in `u32` (checked at load); `u32::MAX` when there is no unknown piece, only
        // used when the missing piece is an error.
        let unk_id = self.unk_id.map_or(u32::MAX, |id| id as u32);
        let unreached = BestNode {
            score: 0.0,
            id: 0,
            start: P::NONE,
        };
        let mut best = vec![unreached; size + 1];
        for (start, c) in sentence.char_indices() {
            let char_len = c.len_utf8();
            let here = best.get(start).map_or(0.0, |n| n.score);
            let mut has_single = false;
            let rest = bytes.get(start..).unwrap_or_default();
            self.trie.common_prefixes(rest, |len, id| {
                let score = self.vocab.get(id as usize).map_or(0.0, |p| p.1);
                let candidate = score + here;
                if let Some(target) = best.get_mut(start + len) {
                    if target.start == P::NONE || candidate > target.score {
                        *target = BestNode {
                            score: candidate,
                            id,
                            start: P::new(start),
                        };
                    }
                }
                if len == char_len {
                    has_single = true;
                }
            });
            if !has_single {
                let candidate = unk_score + here;
                if let Some(target) = best.get_mut(start + char_len) {
                    if target.start == P::NONE || candidate > target.score {
                        if self.unk_id.is_none() {
                            return Err(Self::missing_unk());
                        }
                        *target = BestNode {
                            score: candidate,
                            id: unk_id,
                            start: P::new(start),
                        };
                    }
                }
            }
        }

        let mut spans = Vec::new();
        let mut end = size;
        let mut unk_run_end: Option<usize> = None;
        while end > 0 {
            let node = best.get(end).copied().unwrap_or(unreached);
            let start = node.start.get();
            if node.start == P::NONE || start >= end {
                return Err(Error::encode("Unigram lattice has no path to the end"));
            }
            if self.unk_id.is_some() && node.id == unk_id {
                unk_run_end.get_or_insert(end);
            } else {
                if let Some(run_end) = unk_run_end.take() {
                    spans.push((end, run_end));
                }
                spans.push((start, end));
            }
            end = start;
        }
        if let Some(run_end) = unk_run_end {
            spans.push((0, run_end));
        }
        spans.reverse();
        Ok(spans)
    }

    fn byte_piece_id(&self, byte: u8) -> Option<u32> {
        let mut name = [0u8; 6];
        let hex = b"0123456789ABCDEF";
        name.copy_from_slice(b"<0x00>");
        name[3] = hex[usize::from(byte >> 4)];
        name[4] = hex[usize::from(byte & 0xf)];
        let name = std::str::from_utf8(&name).ok()?;
        self.token_to_ids.get(name).copied()
    }
}

/// Checks `unk_id` (and the vocabulary size) as the reference does at load.
fn check_unk_id(size: usize, unk_id: Option<usize>) -> std::result::Result<(), String> {
    if let Some(unk_id) = unk_id {
        if size == 0 {
            return Err(format!(
                "`unk_id` is {unk_id} but the vocabulary is empty: at least the unknown piece \
                 is needed"
            ));
        }
        if unk_id >= size {
            return Err(format!(
                "`unk_id` is {unk_id}: The `unk_id` is larger than vocabulary size ({size})"
            ));
        }
    }
    if u32::try_from(size).is_err() {
        return Err(format!("`vocab` has {size} pieces, too many"));
    }
    Ok(())
}

impl Model for Unigram {
    fn tokenize(&self, sentence: &str) -> Result<Vec<Token>> {
        if sentence.is_empty() {
            return Ok(Vec::new());
        }
        let spans = self.segment(sentence)?;
        let mut tokens = Vec::with_capacity(spans.len());
        for (start, end) in spans {
            let piece = sentence.get(start..end).unwrap_or_default();
            // A fused unknown run may still spell a piece (e.g. the unknown piece itself).
            if let Some(&id) = self.token_to_ids.get(piece) {
                tokens.push(Token::new(id, piece.to_owned(), (start, end)));
                continue;
            }
            if self.byte_fallback {
                let ids: Option<Vec<u32>> = piece.bytes().map(|b| self.byte_piece_id(b)).collect();
                if let Some(ids) = ids {
                    for (id, byte) in ids.into_iter().zip(piece.bytes()) {
                        tokens.push(Token::new(id, format!("<0x{byte:02X}>"), (start, end)));
                    }
                    continue;
                }
            }
            let unk = self.unk_id.ok_or_else(Self::missing_unk)?;
            tokens.push(Token::new(unk as u32, piece.to_owned(), (start, end)));
        }
        Ok(tokens)
    }

    fn token_to_id(&self, token: &str) -> Option<u32> {
        self.token_to_ids.get(token).copied()
    }

    fn id_to_token(&self, id: u32) -> Option<String> {
        self.vocab.get(id as usize).map(|(piece, _)| piece.clone())
    }

    fn get_vocab_size(&self) -> usize {
        self.vocab.len()
    }

    fn get_vocab(&self) -> HashMap<String, u32> {
        to_std_map(&self.token_to_ids)
    }
}

impl Serialize for Unigram {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut model = serializer.serialize_struct("Unigram", 4)?;
        model.serialize_field("type", "Unigram")?;
        model.serialize_field("unk_id", &self.unk_id)?;
        model.serialize_field("vocab", &self.vocab)?;
        model.serialize_field("byte_fallback", &self.byte_fallback)?;
        model.end()
    }
}

#[cfg(test)]
mod tests;
