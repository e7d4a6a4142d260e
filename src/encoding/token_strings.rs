//! The token strings of an [`Encoding`](super::Encoding), kept as one text.
//!
//! Encoding a document yields one token string per token. Allocating a `String` for each
//! of them dominated the fast encoding path (the allocator's calls took about a quarter of
//! its time on byte-level BPE), so the strings are appended to one text with each token's
//! end position, and the `Vec<String>` that [`Encoding::get_tokens`](super::Encoding::get_tokens)
//! returns is built from it on the first call only (callers that read ids, offsets and
//! masks never pay for it).
//!
//! Invariants: `text` is UTF-8, `ends` is non-decreasing, its last value is `text.len()`,
//! and every end is a char boundary of `text`; token `i` is `text[ends[i - 1]..ends[i]]`
//! (from 0 for the first). The layout is canonical (one per list of strings), so equality
//! compares it directly. Every change goes through `&mut self` and drops the built list.
//!
//! The text is kept as bytes so that the fast path can append a token it copied into its
//! cache as bytes without checking them again (a UTF-8 check per token was 13 % of the
//! full path's instructions on gpt2); every byte string appended was cut from a `str` at char boundaries, and
//! reading a string checks it (a string that failed would read as empty, never panic).

use std::fmt;
use std::ops::Range;
use std::sync::OnceLock;

/// A list of token strings stored as one text (see the module docs).
#[derive(Default)]
pub(crate) struct TokenStrings {
    text: Vec<u8>,
    ends: Vec<usize>,
    /// The strings as separate `String`s, built on first request.
    built: OnceLock<Vec<String>>,
}

impl TokenStrings {
    /// An empty list with room for `tokens` strings of `bytes` bytes in all.
    pub(crate) fn with_capacity(tokens: usize, bytes: usize) -> Self {
        TokenStrings {
            text: Vec::with_capacity(bytes),
            ends: Vec::with_capacity(tokens),
            built: OnceLock::new(),
        }
    }

    /// The list whose text is `text` and whose string `i` ends at `ends[i]`: the bytes
    /// must have been cut from `str`s at char boundaries and appended in order, each end
    /// being the text's length after its string (see the module docs).
    pub(crate) fn from_parts(text: Vec<u8>, ends: Vec<usize>) -> Self {
        TokenStrings {
            text,
            ends,
            built: OnceLock::new(),
        }
    }

    /// Number of strings.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the list is empty.
    pub(crate) fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Byte range of string `i` in the text.
    fn span(&self, i: usize) -> Option<Range<usize>> {
        let end = *self.ends.get(i)?;
        let start = match i.checked_sub(1) {
            Some(p) => *self.ends.get(p)?,
            None => 0,
        };
        Some(start..end)
    }

    /// String `i`.
    pub(crate) fn get(&self, i: usize) -> Option<&str> {
        std::str::from_utf8(self.text.get(self.span(i)?)?).ok()
    }

    /// The strings in order.
    pub(crate) fn iter(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.get(i).unwrap_or_default())
    }

    /// Forgets the built `String`s (a load when there are none, as while encoding).
    #[inline(always)]
    fn drop_built(&mut self) {
        if self.built.get().is_some() {
            self.built = OnceLock::new();
        }
    }

    /// Appends one string.
    #[inline]
    pub(crate) fn push(&mut self, s: &str) {
        self.push_bytes(s.as_bytes());
    }

    /// Appends one string given as its bytes, which must have been cut from a `str` at
    /// char boundaries (see the module docs).
    #[inline]
    pub(crate) fn push_bytes(&mut self, s: &[u8]) {
        self.drop_built();
        self.text.extend_from_slice(s);
        self.ends.push(self.text.len());
    }

    /// Appends all strings of `other`.
    pub(crate) fn extend_from(&mut self, other: &TokenStrings) {
        self.extend_range(other, 0..other.len());
    }

    /// Appends strings `range` of `other` (clamped to its length).
    pub(crate) fn extend_range(&mut self, other: &TokenStrings, range: Range<usize>) {
        self.drop_built();
        let stop = range.end.min(other.len());
        let start = range.start.min(stop);
        if start == stop {
            return;
        }
        let from = match start.checked_sub(1) {
            Some(p) => other.ends.get(p).copied().unwrap_or(0),
            None => 0,
        };
        let to = other.ends.get(stop - 1).copied().unwrap_or(from);
        let base = self.text.len();
        self.text
            .extend_from_slice(other.text.get(from..to).unwrap_or_default());
        if let Some(ends) = other.ends.get(start..stop) {
            self.ends.extend(ends.iter().map(|&e| e - from + base));
        }
    }

    /// Strings `range` of this list as a new list.
    pub(crate) fn slice(&self, range: Range<usize>) -> TokenStrings {
        let mut out = TokenStrings::default();
        out.extend_range(self, range);
        out
    }

    /// Puts all strings of `other` in front (a move within this list's buffers).
    pub(crate) fn prepend_from(&mut self, other: &TokenStrings) {
        self.drop_built();
        let shift = other.text.len();
        self.text.splice(0..0, other.text.iter().copied());
        for e in &mut self.ends {
            *e += shift;
        }
        self.ends.splice(0..0, other.ends.iter().copied());
    }

    /// Puts `n` copies of `s` in front.
    pub(crate) fn prepend_n(&mut self, n: usize, s: &str) {
        let mut out = TokenStrings::with_capacity(self.len() + n, self.text.len() + n * s.len());
        for _ in 0..n {
            out.push(s);
        }
        out.extend_from(self);
        *self = out;
    }

    /// Appends copies of `s` until there are `len` strings.
    pub(crate) fn pad_to(&mut self, len: usize, s: &str) {
        while self.len() < len {
            self.push(s);
        }
    }

    /// The strings as a slice of `String`s, built on the first call after a change.
    pub(crate) fn as_strings(&self) -> &[String] {
        self.built
            .get_or_init(|| self.iter().map(str::to_owned).collect())
    }
}

impl FromIterator<String> for TokenStrings {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Self {
        let mut out = TokenStrings::default();
        for s in iter {
            out.push(&s);
        }
        out
    }
}

impl Clone for TokenStrings {
    fn clone(&self) -> Self {
        TokenStrings {
            text: self.text.clone(),
            ends: self.ends.clone(),
            built: OnceLock::new(),
        }
    }
}

impl PartialEq for TokenStrings {
    fn eq(&self, other: &Self) -> bool {
        self.ends == other.ends && self.text == other.text
    }
}

impl Eq for TokenStrings {}

impl fmt::Debug for TokenStrings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(v: &[&str]) -> TokenStrings {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn push_get_and_build() {
        let mut t = list(&["Ġhe", "llo", "", "é"]);
        assert_eq!(t.len(), 4);
        assert_eq!(t.get(0), Some("Ġhe"));
        assert_eq!(t.get(2), Some(""));
        assert_eq!(t.get(4), None);
        assert_eq!(t.as_strings(), ["Ġhe", "llo", "", "é"]);
        t.push("x");
        assert_eq!(t.as_strings(), ["Ġhe", "llo", "", "é", "x"]);
    }

    #[test]
    fn slices_extend_and_pad() {
        let t = list(&["a", "bc", "d", "ef"]);
        assert_eq!(t.slice(1..3), list(&["bc", "d"]));
        assert_eq!(t.slice(3..9), list(&["ef"]));
        assert_eq!(t.slice(2..2), list(&[]));
        let mut u = list(&["z"]);
        u.extend_range(&t, 1..4);
        assert_eq!(u, list(&["z", "bc", "d", "ef"]));
        u.prepend_n(2, "<pad>");
        assert_eq!(u.as_strings(), ["<pad>", "<pad>", "z", "bc", "d", "ef"]);
        u.pad_to(8, "[P]");
        assert_eq!(
            u.as_strings(),
            ["<pad>", "<pad>", "z", "bc", "d", "ef", "[P]", "[P]"]
        );
        assert_eq!(format!("{:?}", list(&["a", "b"])), r#"["a", "b"]"#);
    }
}
