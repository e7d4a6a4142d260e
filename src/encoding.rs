//! [`Encoding`]: the result of encoding one input (or a pair): ids, tokens, offsets, type
//! ids, masks, word ids and overflowing windows.

use crate::Offsets;
use std::collections::HashMap;

/// The result of encoding a sequence or a pair of sequences.
///
/// Offsets are byte offsets into the input the token came from (the first or the second
/// sequence of a pair); use [`crate::Tokenizer::encode_char_offsets`] for char offsets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Encoding {
    pub(crate) ids: Vec<u32>,
    pub(crate) type_ids: Vec<u32>,
    pub(crate) tokens: Vec<String>,
    pub(crate) words: Vec<Option<u32>>,
    pub(crate) offsets: Vec<Offsets>,
    pub(crate) special_tokens_mask: Vec<u32>,
    pub(crate) attention_mask: Vec<u32>,
    pub(crate) overflowing: Vec<Encoding>,
    /// Sequence index -> range of token positions belonging to it.
    pub(crate) sequence_ranges: HashMap<usize, std::ops::Range<usize>>,
}

impl Encoding {
    /// An empty encoding with room for `len` tokens.
    pub fn with_capacity(len: usize) -> Self {
        Encoding {
            ids: Vec::with_capacity(len),
            type_ids: Vec::with_capacity(len),
            tokens: Vec::with_capacity(len),
            words: Vec::with_capacity(len),
            offsets: Vec::with_capacity(len),
            special_tokens_mask: Vec::with_capacity(len),
            attention_mask: Vec::with_capacity(len),
            overflowing: Vec::new(),
            sequence_ranges: HashMap::new(),
        }
    }

    /// Appends one regular (non-special, attended) token.
    pub(crate) fn push_token(
        &mut self,
        id: u32,
        token: String,
        offsets: Offsets,
        word: Option<u32>,
        type_id: u32,
    ) {
        self.ids.push(id);
        self.tokens.push(token);
        self.offsets.push(offsets);
        self.words.push(word);
        self.type_ids.push(type_id);
        self.special_tokens_mask.push(0);
        self.attention_mask.push(1);
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Token ids.
    pub fn get_ids(&self) -> &[u32] {
        &self.ids
    }

    /// Type (segment) ids.
    pub fn get_type_ids(&self) -> &[u32] {
        &self.type_ids
    }

    /// Token strings.
    pub fn get_tokens(&self) -> &[String] {
        &self.tokens
    }

    /// Word index of each token (`None` for special tokens and padding).
    pub fn get_word_ids(&self) -> &[Option<u32>] {
        &self.words
    }

    /// Byte offsets of each token in its input.
    pub fn get_offsets(&self) -> &[Offsets] {
        &self.offsets
    }

    /// 1 for special tokens (added by the post-processor, or padding), else 0.
    pub fn get_special_tokens_mask(&self) -> &[u32] {
        &self.special_tokens_mask
    }

    /// 1 for real tokens, 0 for padding.
    pub fn get_attention_mask(&self) -> &[u32] {
        &self.attention_mask
    }

    /// Windows cut off by truncation.
    pub fn get_overflowing(&self) -> &[Encoding] {
        &self.overflowing
    }

    /// Which sequence (0 or 1) each token belongs to (`None` for special tokens/padding).
    pub fn get_sequence_ids(&self) -> Vec<Option<usize>> {
        let mut seq = vec![None; self.len()];
        for (id, range) in &self.sequence_ranges {
            for s in seq.iter_mut().take(range.end.min(self.len())).skip(range.start) {
                *s = Some(*id);
            }
        }
        seq
    }
}
