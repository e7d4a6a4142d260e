//! [`NormalizedString`]: a string being normalized, with the alignment of every byte of the
//! normalized text to a byte range of the original text.
//!
//! Invariants:
//! - `alignments.len() == normalized.len()`: entry `i` is the original byte range
//!   (relative to `original`) that byte `i` of `normalized` came from; all bytes of one
//!   normalized char share one entry.
//! - `original_shift` is the position of `original` inside the text the user gave, so that
//!   slices of a string still report offsets into the full input.
//!
//! Edits go through [`NormalizedString::transform_range`], which takes the new characters
//! with a *change* marker each (`0`: replaces one char, `1`: inserted, `-n`: replaces one
//! char and removes the `n` following ones). This is the reference library's contract, so
//! offsets match it exactly, including at insertions and removals.

use crate::pattern::Pattern;
use crate::{Offsets, Result};

/// Which text an offset range refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OffsetReferential {
    /// Offsets into the original text.
    Original,
    /// Offsets into the normalized text.
    Normalized,
}

/// A byte range in the original or in the normalized text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Range {
    /// Byte range of the original text.
    Original(std::ops::Range<usize>),
    /// Byte range of the normalized text.
    Normalized(std::ops::Range<usize>),
}

/// What to do with the delimiter when splitting. With `-` on `the-final--countdown`:
/// - `Removed`: `the`, `final`, `countdown`
/// - `Isolated`: `the`, `-`, `final`, `-`, `-`, `countdown`
/// - `MergedWithPrevious`: `the-`, `final-`, `-`, `countdown`
/// - `MergedWithNext`: `the`, `-final`, `-`, `-countdown`
/// - `Contiguous`: `the`, `-`, `final`, `--`, `countdown`
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SplitDelimiterBehavior {
    /// Drop the delimiter.
    Removed,
    /// Keep each delimiter as a piece of its own.
    Isolated,
    /// Attach the delimiter to the piece before it.
    MergedWithPrevious,
    /// Attach the delimiter to the piece after it.
    MergedWithNext,
    /// Keep runs of delimiters together as one piece.
    Contiguous,
}

/// A string under normalization; see the module docs for its invariants.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NormalizedString {
    original: String,
    normalized: String,
    alignments: Vec<(usize, usize)>,
    original_shift: usize,
}

impl From<&str> for NormalizedString {
    fn from(s: &str) -> Self {
        NormalizedString::from(s.to_owned())
    }
}

impl From<String> for NormalizedString {
    fn from(s: String) -> Self {
        let mut alignments = Vec::with_capacity(s.len());
        for (b, c) in s.char_indices() {
            let len = c.len_utf8();
            alignments.extend(std::iter::repeat_n((b, b + len), len));
        }
        NormalizedString {
            normalized: s.clone(),
            original: s,
            alignments,
            original_shift: 0,
        }
    }
}

impl NormalizedString {
    /// Builds a string whose original is `s` and which sits at `shift` bytes of a larger input.
    pub fn from_shifted(s: &str, shift: usize) -> Self {
        let mut n = NormalizedString::from(s);
        n.original_shift = shift;
        n
    }

    /// The normalized text.
    pub fn get(&self) -> &str {
        &self.normalized
    }

    /// The original text.
    pub fn get_original(&self) -> &str {
        &self.original
    }

    /// Byte offsets of this string's original text inside the full input.
    pub fn offsets_original(&self) -> Offsets {
        (
            self.original_shift,
            self.original_shift + self.original.len(),
        )
    }

    /// The byte alignments (see module docs).
    pub fn alignments(&self) -> &[(usize, usize)] {
        &self.alignments
    }

    /// The normalized text and its alignments, taken out without copying.
    pub(crate) fn into_normalized_parts(self) -> (String, Vec<(usize, usize)>) {
        (self.normalized, self.alignments)
    }

    /// The shift of the original text inside the full input.
    pub fn original_shift(&self) -> usize {
        self.original_shift
    }

    /// Length of the normalized text in bytes.
    pub fn len(&self) -> usize {
        self.normalized.len()
    }

    /// Length of the original text in bytes.
    pub fn len_original(&self) -> usize {
        self.original.len()
    }

    /// Whether the normalized text is empty.
    pub fn is_empty(&self) -> bool {
        self.normalized.is_empty()
    }

    /// Converts a range from one referential to the other (`None` if out of bounds).
    pub fn convert_offsets(&self, range: Range) -> Option<std::ops::Range<usize>> {
        let (target, from_original) = match range {
            Range::Original(r) => (r, true),
            Range::Normalized(r) => (r, false),
        };
        if target.start == target.end {
            return Some(target);
        }
        if target.start > target.end {
            return None;
        }
        if from_original && self.original.is_empty() && target == (0..0) {
            return Some(0..self.normalized.len());
        }
        if !from_original && self.normalized.is_empty() && target == (0..0) {
            return Some(0..self.original.len());
        }
        if from_original {
            let (mut start, mut end) = (None, None);
            for (i, a) in self.alignments.iter().enumerate() {
                if target.end < a.1 {
                    break;
                }
                if start.is_none() && target.start <= a.0 && a.0 != a.1 {
                    start = Some(i);
                }
                end = Some(i + 1);
            }
            match (start, end) {
                (Some(s), None) => Some(s..s),
                (None, Some(e)) => Some(e..e),
                (Some(s), Some(e)) => Some(s..e),
                _ => None,
            }
        } else {
            let slice = self.alignments.get(target)?;
            let first = slice.first()?;
            let last = slice.last()?;
            Some(first.0..last.1)
        }
    }

    /// The normalized text in `range`.
    pub fn get_range(&self, range: Range) -> Option<&str> {
        match range {
            Range::Original(_) => self.normalized.get(self.convert_offsets(range)?),
            Range::Normalized(r) => self.normalized.get(r),
        }
    }

    /// The original text in `range`.
    pub fn get_range_original(&self, range: Range) -> Option<&str> {
        match range {
            Range::Original(r) => self.original.get(r),
            Range::Normalized(_) => self.original.get(self.convert_offsets(range)?),
        }
    }

    /// A sub-string (with its own alignments); `None` if `range` is not on char boundaries.
    pub fn slice(&self, range: Range) -> Option<NormalizedString> {
        let (n_range, o_range) = match &range {
            Range::Original(r) => {
                if !(self.original.is_char_boundary(r.start)
                    && self.original.is_char_boundary(r.end))
                    || r.end > self.original.len()
                {
                    return None;
                }
                (self.convert_offsets(range.clone())?, r.clone())
            }
            Range::Normalized(r) => {
                if !(self.normalized.is_char_boundary(r.start)
                    && self.normalized.is_char_boundary(r.end))
                    || r.end > self.normalized.len()
                {
                    return None;
                }
                (r.clone(), self.convert_offsets(range.clone())?)
            }
        };
        let shift = o_range.start;
        let alignments = self
            .alignments
            .get(n_range.clone())?
            .iter()
            .map(|&(s, e)| (s.saturating_sub(shift), e.saturating_sub(shift)))
            .collect();
        Some(NormalizedString {
            original: self
                .original
                .get(o_range.clone())
                .unwrap_or_default()
                .to_owned(),
            normalized: self.normalized.get(n_range).unwrap_or_default().to_owned(),
            alignments,
            original_shift: self.original_shift + o_range.start,
        })
    }

    /// Replaces the normalized bytes in `range` with `dest` (see module docs for the change
    /// markers). `initial_offset` is the number of chars removed at the start of the range.
    pub fn transform_range<I>(&mut self, range: Range, dest: I, initial_offset: usize)
    where
        I: IntoIterator<Item = (char, isize)>,
    {
        let n_range = match range {
            Range::Normalized(r) => r,
            Range::Original(_) => match self.convert_offsets(range) {
                Some(r) => r,
                None => return,
            },
        };
        let n_range =
            n_range.start.min(self.normalized.len())..n_range.end.min(self.normalized.len());
        let mut replaced = self.normalized[n_range.clone()].chars();
        let initial_removed: usize = (&mut replaced)
            .take(initial_offset)
            .map(char::len_utf8)
            .sum();
        let mut offset = initial_removed + n_range.start;
        let mut alignments = Vec::with_capacity(n_range.len());
        let mut normalized = String::with_capacity(n_range.len());
        for (c, change) in dest {
            let align = if change > 0 {
                if offset < 1 {
                    (0, 0)
                } else {
                    self.alignments.get(offset - 1).copied().unwrap_or((0, 0))
                }
            } else {
                self.alignments
                    .get(offset)
                    .or_else(|| self.alignments.last())
                    .copied()
                    .unwrap_or((0, 0))
            };
            if change <= 0 {
                offset += replaced.next().map_or(0, char::len_utf8);
            }
            if change < 0 {
                offset += (&mut replaced)
                    .take(change.unsigned_abs())
                    .map(char::len_utf8)
                    .sum::<usize>();
            }
            alignments.extend(std::iter::repeat_n(align, c.len_utf8()));
            normalized.push(c);
        }
        if n_range == (0..self.normalized.len()) {
            // The whole text (every normalizer on its own string): no splice, no copy.
            self.alignments = alignments;
            self.normalized = normalized;
        } else {
            self.alignments.splice(n_range.clone(), alignments);
            self.normalized.replace_range(n_range, &normalized);
        }
    }

    /// [`transform_range`](Self::transform_range) over the whole string.
    pub fn transform<I>(&mut self, dest: I, initial_offset: usize)
    where
        I: IntoIterator<Item = (char, isize)>,
    {
        // The reference addresses the whole string through the original referential; this
        // differs from the normalized range when the text starts with inserted chars.
        self.transform_range(
            Range::Original(0..self.original.len()),
            dest,
            initial_offset,
        )
    }

    /// Keeps only the chars for which `keep` is true.
    pub fn filter<F: Fn(char) -> bool>(&mut self, keep: F) -> &mut Self {
        let mut removed: isize = 0;
        let mut rev = Vec::with_capacity(self.normalized.len());
        for c in self.normalized.chars().rev() {
            if keep(c) {
                rev.push((c, -removed));
                removed = 0;
            } else {
                removed += 1;
            }
        }
        if removed == 0 && rev.len() == self.normalized.chars().count() {
            return self;
        }
        rev.reverse();
        self.transform(rev, removed as usize);
        self
    }

    /// Prepends `s` (aligned to the first char).
    pub fn prepend(&mut self, s: &str) -> &mut Self {
        if let Some(next) = self.normalized.chars().next() {
            let t: Vec<(char, isize)> = s
                .chars()
                .enumerate()
                .map(|(i, c)| (c, if i == 0 { 0 } else { 1 }))
                .chain(std::iter::once((next, 1)))
                .collect();
            self.transform_range(Range::Normalized(0..next.len_utf8()), t, 0);
        }
        self
    }

    /// Appends `s` (aligned to the last char).
    pub fn append(&mut self, s: &str) -> &mut Self {
        if let Some((b, prev)) = self.normalized.char_indices().next_back() {
            let t: Vec<(char, isize)> = std::iter::once((prev, 0))
                .chain(s.chars().map(|c| (c, 1)))
                .collect();
            let len = self.normalized.len();
            self.transform_range(Range::Normalized(b..len), t, 0);
        }
        self
    }

    /// Maps every char through `map`.
    pub fn map<F: Fn(char) -> char>(&mut self, map: F) -> &mut Self {
        let t: Vec<(char, isize)> = self.normalized.chars().map(|c| (map(c), 0)).collect();
        self.transform(t, 0);
        self
    }

    /// Lowercases (full Unicode lowercasing; a char may become several).
    pub fn lowercase(&mut self) -> &mut Self {
        if self
            .normalized
            .bytes()
            .all(|b| !b.is_ascii_uppercase() && b < 0x80)
        {
            return self;
        }
        let mut t = Vec::with_capacity(self.normalized.len());
        for c in self.normalized.chars() {
            for (i, l) in c.to_lowercase().enumerate() {
                t.push((l, if i > 0 { 1 } else { 0 }));
            }
        }
        self.transform(t, 0);
        self
    }

    /// Uppercases.
    pub fn uppercase(&mut self) -> &mut Self {
        let mut t = Vec::with_capacity(self.normalized.len());
        for c in self.normalized.chars() {
            for (i, u) in c.to_uppercase().enumerate() {
                t.push((u, if i > 0 { 1 } else { 0 }));
            }
        }
        self.transform(t, 0);
        self
    }

    /// Replaces every match of `pattern` with `content`.
    pub fn replace<P: Pattern + ?Sized>(&mut self, pattern: &P, content: &str) -> Result<()> {
        let matches = pattern.find_matches(&self.normalized)?;
        let mut shift: isize = 0;
        for ((start, end), is_match) in matches {
            if !is_match {
                continue;
            }
            let s = (start as isize + shift).max(0) as usize;
            let e = (end as isize + shift).max(0) as usize;
            let removed = self.normalized[s..e].chars().count();
            let new: Vec<(char, isize)> = content.chars().map(|c| (c, 1)).collect();
            self.transform_range(Range::Normalized(s..e), new, removed);
            shift += content.len() as isize - (end - start) as isize;
        }
        Ok(())
    }

    /// Removes all text; returns the number of bytes removed.
    pub fn clear(&mut self) -> usize {
        let len = self.normalized.len();
        let chars = self.normalized.chars().count();
        self.transform(std::iter::empty(), chars);
        len
    }

    /// Removes leading whitespace.
    pub fn lstrip(&mut self) -> &mut Self {
        self.lrstrip(true, false)
    }

    /// Removes trailing whitespace.
    pub fn rstrip(&mut self) -> &mut Self {
        self.lrstrip(false, true)
    }

    /// Removes leading and trailing whitespace.
    pub fn strip(&mut self) -> &mut Self {
        self.lrstrip(true, true)
    }

    fn lrstrip(&mut self, left: bool, right: bool) -> &mut Self {
        let leading = if left {
            self.normalized
                .chars()
                .take_while(|c| c.is_whitespace())
                .count()
        } else {
            0
        };
        let trailing = if right {
            self.normalized
                .chars()
                .rev()
                .take_while(|c| c.is_whitespace())
                .count()
        } else {
            0
        };
        if leading > 0 || trailing > 0 {
            let len = self.normalized.chars().count();
            let t: Vec<(char, isize)> = self
                .normalized
                .chars()
                .enumerate()
                .filter_map(|(i, c)| {
                    if i < leading || i >= len.saturating_sub(trailing) {
                        None
                    } else if i + 1 == len.saturating_sub(trailing) {
                        Some((c, -(trailing as isize)))
                    } else {
                        Some((c, 0))
                    }
                })
                .collect();
            self.transform(t, leading);
        }
        self
    }

    /// Splits into pieces at the matches of `pattern`, handling delimiters per `behavior`.
    pub fn split<P: Pattern + ?Sized>(
        &self,
        pattern: &P,
        behavior: SplitDelimiterBehavior,
    ) -> Result<Vec<NormalizedString>> {
        let matches = pattern.find_matches(&self.normalized)?;
        let splits = split_matches(matches, behavior);
        Ok(splits
            .into_iter()
            .filter_map(|((s, e), remove)| {
                if remove {
                    None
                } else {
                    self.slice(Range::Normalized(s..e))
                }
            })
            .collect())
    }
}

/// Applies a split behavior to `(offsets, is_match)` segments: returns `(offsets, remove)`.
pub(crate) fn split_matches(
    matches: Vec<(Offsets, bool)>,
    behavior: SplitDelimiterBehavior,
) -> Vec<(Offsets, bool)> {
    use SplitDelimiterBehavior::*;
    match behavior {
        Isolated => matches.into_iter().map(|(o, _)| (o, false)).collect(),
        Removed => matches,
        Contiguous => {
            let mut prev = false;
            let mut acc: Vec<(Offsets, bool)> = Vec::with_capacity(matches.len());
            for (o, m) in matches {
                if m == prev {
                    if let Some(((_, end), _)) = acc.last_mut() {
                        *end = o.1;
                    } else {
                        acc.push((o, false));
                    }
                } else {
                    acc.push((o, false));
                }
                prev = m;
            }
            acc
        }
        MergedWithPrevious => {
            let mut prev = false;
            let mut acc: Vec<(Offsets, bool)> = Vec::with_capacity(matches.len());
            for (o, m) in matches {
                if m && !prev {
                    if let Some(((_, end), _)) = acc.last_mut() {
                        *end = o.1;
                    } else {
                        acc.push((o, false));
                    }
                } else {
                    acc.push((o, false));
                }
                prev = m;
            }
            acc
        }
        MergedWithNext => {
            let mut prev = false;
            let mut acc: Vec<(Offsets, bool)> = Vec::with_capacity(matches.len());
            for (o, m) in matches.into_iter().rev() {
                if m && !prev {
                    if let Some(((start, _), _)) = acc.last_mut() {
                        *start = o.0;
                    } else {
                        acc.push((o, false));
                    }
                } else {
                    acc.push((o, false));
                }
                prev = m;
            }
            acc.reverse();
            acc
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_and_offsets() {
        let mut n = NormalizedString::from("  Hello  ");
        n.filter(|c| !c.is_whitespace());
        assert_eq!(n.get(), "Hello");
        assert_eq!(n.get_range_original(Range::Normalized(1..4)), Some("ell"));
        assert_eq!(n.get_range_original(Range::Normalized(0..5)), Some("Hello"));
    }

    #[test]
    fn prepend_append() {
        let mut n = NormalizedString::from("there");
        n.prepend("Hey ");
        assert_eq!(n.get(), "Hey there");
        assert_eq!(n.convert_offsets(Range::Normalized(0..4)), Some(0..1));
        let mut n = NormalizedString::from("Hey");
        n.append(" there");
        assert_eq!(n.convert_offsets(Range::Normalized(3..9)), Some(2..3));
    }

    #[test]
    fn split_behaviors() {
        use SplitDelimiterBehavior::*;
        let s = NormalizedString::from("The-final--countdown");
        let t = |b, want: &[&str]| {
            let got: Vec<String> = s
                .split(&'-', b)
                .unwrap()
                .iter()
                .map(|n| n.get().to_owned())
                .collect();
            assert_eq!(got, want);
        };
        t(Removed, &["The", "final", "countdown"]);
        t(Isolated, &["The", "-", "final", "-", "-", "countdown"]);
        t(MergedWithPrevious, &["The-", "final-", "-", "countdown"]);
        t(MergedWithNext, &["The", "-final", "-", "-countdown"]);
        t(Contiguous, &["The", "-", "final", "--", "countdown"]);
    }

    #[test]
    fn replace_and_strip() {
        let mut s = NormalizedString::from("aaaab");
        s.replace("aaa", "b").unwrap();
        assert_eq!(s.get(), "bab");
        let mut s = NormalizedString::from("  This is  ");
        s.strip();
        assert_eq!(s.get(), "This is");
        assert_eq!(
            s.get_range_original(Range::Normalized(0..7)),
            Some("This is")
        );
    }
}
