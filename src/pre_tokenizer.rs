//! [`PreTokenizedString`]: the input cut into pieces (each a [`NormalizedString`]) that the
//! model tokenizes independently. Pieces that already carry tokens (added tokens matched
//! before normalization) are never split again.

use crate::encoding::Encoding;
use crate::normalizer::{NormalizedString, OffsetReferential, Range};
use crate::{Offsets, Result, Token};

/// One piece of a [`PreTokenizedString`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// The piece's text, aligned to the original input.
    pub normalized: NormalizedString,
    /// The piece's tokens, once tokenized (or from the start for added tokens).
    pub tokens: Option<Vec<Token>>,
}

impl From<NormalizedString> for Split {
    fn from(normalized: NormalizedString) -> Self {
        Split {
            normalized,
            tokens: None,
        }
    }
}

/// A string cut into pieces; see the module docs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreTokenizedString {
    original: String,
    splits: Vec<Split>,
}

impl From<NormalizedString> for PreTokenizedString {
    fn from(n: NormalizedString) -> Self {
        PreTokenizedString {
            original: n.get_original().to_owned(),
            splits: vec![Split::from(n)],
        }
    }
}

impl From<&str> for PreTokenizedString {
    fn from(s: &str) -> Self {
        PreTokenizedString::from(NormalizedString::from(s))
    }
}

impl PreTokenizedString {
    /// Builds from already-made splits.
    pub fn from_splits(original: String, splits: Vec<Split>) -> Self {
        PreTokenizedString { original, splits }
    }

    /// The original input.
    pub fn get_original(&self) -> &str {
        &self.original
    }

    /// The pieces.
    pub fn splits(&self) -> &[Split] {
        &self.splits
    }

    /// Mutable access to the pieces.
    pub fn splits_mut(&mut self) -> &mut Vec<Split> {
        &mut self.splits
    }

    /// Replaces each piece without tokens by the pieces `f(index, piece)` returns; empty
    /// pieces are dropped.
    pub fn split<F, U>(&mut self, mut f: F) -> Result<()>
    where
        F: FnMut(usize, NormalizedString) -> Result<U>,
        U: IntoIterator<Item = NormalizedString>,
    {
        let mut new_splits = Vec::with_capacity(self.splits.len());
        for (i, split) in self.splits.drain(..).enumerate() {
            if split.tokens.is_some() {
                new_splits.push(split);
                continue;
            }
            for n in f(i, split.normalized)? {
                if !n.is_empty() {
                    new_splits.push(Split::from(n));
                }
            }
        }
        self.splits = new_splits;
        Ok(())
    }

    /// Normalizes every piece without tokens with `f`.
    pub fn normalize<F>(&mut self, f: F) -> Result<()>
    where
        F: Fn(&mut NormalizedString) -> Result<()>,
    {
        for split in self.splits.iter_mut().filter(|s| s.tokens.is_none()) {
            f(&mut split.normalized)?;
        }
        Ok(())
    }

    /// Tokenizes every piece without tokens with `f`.
    pub fn tokenize<F>(&mut self, f: F) -> Result<()>
    where
        F: Fn(&NormalizedString) -> Result<Vec<Token>>,
    {
        for split in self.splits.iter_mut().filter(|s| s.tokens.is_none()) {
            split.tokens = Some(f(&split.normalized)?);
        }
        Ok(())
    }

    /// The pieces with their byte offsets in the chosen referential.
    pub fn get_splits(
        &self,
        referential: OffsetReferential,
    ) -> Vec<(&str, Offsets, &Option<Vec<Token>>)> {
        let mut offset = 0;
        self.splits
            .iter()
            .map(|s| {
                let offsets = match referential {
                    OffsetReferential::Original => s.normalized.offsets_original(),
                    OffsetReferential::Normalized => {
                        let len = s.normalized.len();
                        offset += len;
                        (offset - len, offset)
                    }
                };
                (s.normalized.get(), offsets, &s.tokens)
            })
            .collect()
    }

    /// Builds an [`Encoding`] from the tokenized pieces, with byte offsets into the original
    /// input. `word_idx` forces one word index for all tokens (pre-tokenized input);
    /// otherwise each piece is a word.
    pub fn into_encoding(self, word_idx: Option<u32>, type_id: u32) -> Result<Encoding> {
        let n: usize = self
            .splits
            .iter()
            .map(|s| s.tokens.as_ref().map_or(0, Vec::len))
            .sum();
        let mut enc = Encoding::with_capacity(n);
        for (idx, split) in self.splits.into_iter().enumerate() {
            let Some(tokens) = split.tokens else {
                return Err(crate::Error::encode("a piece was not tokenized"));
            };
            let normalized = &split.normalized;
            let shift = normalized.original_shift();
            for token in tokens {
                let offsets = normalized
                    .convert_offsets(Range::Normalized(token.offsets.0..token.offsets.1))
                    .map_or(token.offsets, |r| (shift + r.start, shift + r.end));
                enc.push_token(
                    token.id,
                    &token.value,
                    offsets,
                    Some(word_idx.unwrap_or(idx as u32)),
                    type_id,
                );
            }
        }
        Ok(enc)
    }
}
