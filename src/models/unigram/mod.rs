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

use std::collections::HashMap;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use super::hash::{map_with_capacity, FastMap};
use super::push_token;
use super::raw::{optional, typed, RawModel};
use super::trie::Trie;
use super::vocab::to_std_map;
use crate::{Error, Model, Result, Token};

/// Penalty subtracted from the lowest piece score to score an unknown character.
const UNK_PENALTY: f64 = 10.0;

/// A Unigram model.
#[derive(Clone)]
pub struct Unigram {
    vocab: Vec<(String, f64)>,
    token_to_ids: FastMap<String, u32>,
    trie: Trie,
    /// The id of each byte's `<0xXX>` piece, for byte fallback.
    byte_ids: Box<[u32; 256]>,
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
            byte_ids: byte_ids(&token_to_ids),
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

    /// The best segmentation of `sentence`, handed in order to `emit(start, end, id)` as byte
    /// spans, with runs of unknown nodes fused (their id `None`: the fused string is looked
    /// up). Nothing is emitted when the lattice has no path to the end.
    fn segment(
        &self,
        sentence: &str,
        emit: impl FnMut(usize, usize, Option<u32>) -> Result<()>,
    ) -> Result<()> {
        if sentence.len() < u32::MAX as usize {
            self.segment_with::<u32>(sentence, emit)
        } else {
            self.segment_with::<usize>(sentence, emit)
        }
    }

    /// [`segment`](Self::segment) with positions of type `P` (holding `sentence.len()`).
    fn segment_with<P: Pos>(
        &self,
        sentence: &str,
        mut emit: impl FnMut(usize, usize, Option<u32>) -> Result<()>,
    ) -> Result<()> {
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

        // Walk back from the end, turning the path's back links into forward ones in place
        // (no list of spans: for a multi-megabyte word that list was the largest allocation
        // of the whole encode). Afterwards `best[p].start` of a boundary `p` is the next
        // boundary `q`, and `best[q].id` still the id of the piece `p..q`.
        let mut end = size;
        let mut next = P::NONE;
        while end > 0 {
            let node = best.get(end).copied().unwrap_or(unreached);
            let start = node.start.get();
            if node.start == P::NONE || start >= end {
                return Err(Error::encode("Unigram lattice has no path to the end"));
            }
            if let Some(n) = best.get_mut(end) {
                n.start = next;
            }
            next = P::new(end);
            end = start;
        }
        if let Some(n) = best.get_mut(0) {
            n.start = next;
        }

        // Forward, fusing runs of unknown nodes.
        let mut start = 0;
        let mut unk_run_start: Option<usize> = None;
        while start < size {
            let end = best.get(start).map_or(size, |n| n.start.get());
            let id = best.get(end).map_or(unk_id, |n| n.id);
            if self.unk_id.is_some() && id == unk_id {
                unk_run_start.get_or_insert(start);
            } else {
                if let Some(run_start) = unk_run_start.take() {
                    emit(run_start, start, None)?;
                }
                // The trie's id for this string is the one a lookup by string gives (both
                // keep the last of duplicate pieces).
                emit(start, end, Some(id))?;
            }
            start = end;
        }
        if let Some(run_start) = unk_run_start {
            emit(run_start, size, None)?;
        }
        Ok(())
    }

    /// [`Model::tokenize`] with each token handed to `f(id, offsets, value)` in order,
    /// without a `String` per token.
    pub(crate) fn tokenize_with(
        &self,
        sentence: &str,
        mut f: impl FnMut(u32, (usize, usize), &str) -> Result<()>,
    ) -> Result<()> {
        if sentence.is_empty() {
            return Ok(());
        }
        self.segment(sentence, |start, end, id| {
            let piece = sentence.get(start..end).unwrap_or_default();
            // A fused unknown run may still spell a piece (e.g. the unknown piece itself).
            if let Some(id) = id.or_else(|| self.token_to_ids.get(piece).copied()) {
                return f(id, (start, end), piece);
            }
            if self.byte_fallback
                && piece
                    .bytes()
                    .all(|b| self.byte_ids[usize::from(b)] != NO_ID)
            {
                for b in piece.bytes() {
                    let id = self.byte_ids[usize::from(b)];
                    let value = self.vocab.get(id as usize).map_or("", |p| p.0.as_str());
                    f(id, (start, end), value)?;
                }
                return Ok(());
            }
            let unk = self.unk_id.ok_or_else(Self::missing_unk)?;
            f(unk as u32, (start, end), piece)
        })
    }
}

/// Marks a byte without a `<0xXX>` piece in [`Unigram::byte_ids`].
const NO_ID: u32 = u32::MAX;

/// The id of the piece `<0xXX>` of every byte (as looked up by string), or [`NO_ID`].
fn byte_ids(token_to_ids: &FastMap<String, u32>) -> Box<[u32; 256]> {
    let mut ids = Box::new([NO_ID; 256]);
    for (b, slot) in ids.iter_mut().enumerate() {
        if let Some(&id) = token_to_ids.get(&format!("<0x{b:02X}>")) {
            *slot = id;
        }
    }
    ids
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
        let mut tokens = Vec::new();
        self.tokenize_with(sentence, push_token(&mut tokens))?;
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
