//! Patterns used to split and replace: a char, a string, a regular expression or a char
//! predicate. A pattern reports the whole input as consecutive `(offsets, is_match)` segments.

use crate::{Error, Offsets, Result};

/// Something that can be searched for in a string.
pub trait Pattern {
    /// Splits `inside` into consecutive segments covering all of it, each flagged as a match
    /// or not. An empty input gives `[((0, 0), false)]`.
    fn find_matches(&self, inside: &str) -> Result<Vec<(Offsets, bool)>>;
}

/// Turns sorted, non-overlapping match ranges into covering segments.
pub(crate) fn segments(
    inside: &str,
    matches: impl Iterator<Item = Result<Offsets>>,
) -> Result<Vec<(Offsets, bool)>> {
    if inside.is_empty() {
        return Ok(vec![((0, 0), false)]);
    }
    let mut out = Vec::new();
    let mut prev = 0;
    for m in matches {
        let (s, e) = m?;
        if s > prev {
            out.push(((prev, s), false));
        }
        out.push(((s, e), true));
        prev = e;
    }
    if prev < inside.len() {
        out.push(((prev, inside.len()), false));
    }
    Ok(out)
}

impl Pattern for char {
    fn find_matches(&self, inside: &str) -> Result<Vec<(Offsets, bool)>> {
        let c = *self;
        segments(
            inside,
            inside
                .char_indices()
                .filter(move |&(_, x)| x == c)
                .map(move |(i, _)| Ok((i, i + c.len_utf8()))),
        )
    }
}

impl Pattern for str {
    fn find_matches(&self, inside: &str) -> Result<Vec<(Offsets, bool)>> {
        if self.is_empty() {
            // An empty pattern matches nothing (the reference returns the whole input).
            return Ok(vec![((0, inside.len()), false)]);
        }
        let len = self.len();
        segments(
            inside,
            inside
                .match_indices(self)
                .map(move |(i, _)| Ok((i, i + len))),
        )
    }
}

impl Pattern for String {
    fn find_matches(&self, inside: &str) -> Result<Vec<(Offsets, bool)>> {
        self.as_str().find_matches(inside)
    }
}

impl<F: Fn(char) -> bool> Pattern for F {
    fn find_matches(&self, inside: &str) -> Result<Vec<(Offsets, bool)>> {
        segments(
            inside,
            inside
                .char_indices()
                .filter(|&(_, c)| self(c))
                .map(|(i, c)| Ok((i, i + c.len_utf8()))),
        )
    }
}

/// A compiled regular expression (fancy-regex: supports look-around, as the reference's
/// Oniguruma patterns need).
#[derive(Debug, Clone)]
pub struct SysRegex {
    regex: fancy_regex::Regex,
}

impl SysRegex {
    /// Compiles `pattern`.
    pub fn new(pattern: &str) -> Result<Self> {
        let regex = fancy_regex::RegexBuilder::new(pattern)
            .backtrack_limit(1_000_000)
            .build()
            .map_err(|e| Error::Regex {
                pattern: pattern.to_owned(),
                message: e.to_string(),
            })?;
        Ok(SysRegex { regex })
    }

    /// The source pattern.
    pub fn as_str(&self) -> &str {
        self.regex.as_str()
    }

    /// Iterates over match ranges.
    pub fn find_iter<'a>(&'a self, inside: &'a str) -> impl Iterator<Item = Result<Offsets>> + 'a {
        self.regex.find_iter(inside).map(move |m| match m {
            Ok(m) => Ok((m.start(), m.end())),
            Err(e) => Err(Error::Regex {
                pattern: self.regex.as_str().to_owned(),
                message: e.to_string(),
            }),
        })
    }
}

impl Pattern for SysRegex {
    fn find_matches(&self, inside: &str) -> Result<Vec<(Offsets, bool)>> {
        segments(inside, self.find_iter(inside))
    }
}
