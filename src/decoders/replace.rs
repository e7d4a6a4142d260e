//! `Replace` decoder: replaces every match of a pattern in each token by `content`.
//!
//! The pattern is either a literal string (`{"String": "▁"}`) or a regular expression
//! (`{"Regex": "..."}`). Matches are leftmost and non-overlapping. An empty literal, like an
//! empty-matching regex, matches at every char boundary of a non-empty token, while an empty
//! token is always left empty, as the reference does. Literal patterns use plain substring
//! replacement; regexes are compiled once, when the decoder is loaded.

use serde::{Deserialize, Serialize};

use crate::pattern::{Pattern, SysRegex};
use crate::{Decoder, Result};

/// What a [`Replace`] decoder looks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReplacePattern {
    /// A literal string.
    String(String),
    /// A regular expression.
    Regex(String),
}

/// Decoder replacing a pattern in every token.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(try_from = "ReplaceJson", into = "ReplaceJson")]
pub struct Replace {
    pattern: ReplacePattern,
    content: String,
    /// The compiled form of a `Regex` pattern.
    regex: Option<SysRegex>,
}

/// The JSON form of [`Replace`].
#[derive(Serialize, Deserialize)]
struct ReplaceJson {
    pattern: ReplacePattern,
    content: String,
}

impl TryFrom<ReplaceJson> for Replace {
    type Error = String;

    fn try_from(j: ReplaceJson) -> std::result::Result<Self, String> {
        Replace::new(j.pattern, j.content).map_err(|e| format!("field `pattern`: {e}"))
    }
}

impl From<Replace> for ReplaceJson {
    fn from(r: Replace) -> Self {
        ReplaceJson {
            pattern: r.pattern,
            content: r.content,
        }
    }
}

impl PartialEq for Replace {
    fn eq(&self, other: &Self) -> bool {
        self.pattern == other.pattern && self.content == other.content
    }
}

impl Replace {
    /// Builds the decoder; fails if a `Regex` pattern does not compile.
    pub fn new(pattern: ReplacePattern, content: String) -> Result<Self> {
        let regex = match &pattern {
            ReplacePattern::String(_) => None,
            ReplacePattern::Regex(re) => Some(SysRegex::new(re)?),
        };
        Ok(Replace {
            pattern,
            content,
            regex,
        })
    }

    /// The pattern looked for.
    pub fn pattern(&self) -> &ReplacePattern {
        &self.pattern
    }

    /// The replacement text.
    pub fn content(&self) -> &str {
        &self.content
    }

    /// Replaces the matches in one token.
    fn replace_in(&self, token: &mut String) -> Result<()> {
        if token.is_empty() {
            return Ok(());
        }
        if let Some(regex) = &self.regex {
            let segments = regex.find_matches(token)?;
            if segments.iter().all(|(_, is_match)| !is_match) {
                return Ok(());
            }
            let mut out = String::with_capacity(token.len());
            for ((start, end), is_match) in segments {
                if is_match {
                    out.push_str(&self.content);
                } else {
                    out.push_str(token.get(start..end).unwrap_or_default());
                }
            }
            *token = out;
        } else if let ReplacePattern::String(literal) = &self.pattern {
            if token.contains(literal.as_str()) {
                *token = token.replace(literal.as_str(), &self.content);
            }
        }
        Ok(())
    }
}

impl Decoder for Replace {
    fn decode_chain(&self, mut tokens: Vec<String>) -> Result<Vec<String>> {
        for token in tokens.iter_mut() {
            self.replace_in(token)?;
        }
        Ok(tokens)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    fn lit(p: &str, c: &str) -> Replace {
        Replace::new(ReplacePattern::String(p.into()), c.into()).unwrap()
    }

    fn re(p: &str, c: &str) -> Replace {
        Replace::new(ReplacePattern::Regex(p.into()), c.into()).unwrap()
    }

    #[test]
    fn replaces_like_reference() {
        let t = |d: Replace, toks: &[&str]| d.decode_chain(strings(toks)).unwrap();
        assert_eq!(t(lit("▁", " "), &["▁a▁", "b"]), strings(&[" a ", "b"]));
        assert_eq!(
            t(re("a+", "X"), &["baaab", "a", ""]),
            strings(&["bXb", "X", ""])
        );
        assert_eq!(
            t(re("", "X"), &["ab", "é", ""]),
            strings(&["XaXbX", "XéX", ""])
        );
        assert_eq!(t(lit("", "X"), &["ab", ""]), strings(&["XaXbX", ""]));
        assert_eq!(t(lit(".", "X"), &["a.b", "ab"]), strings(&["aXb", "ab"]));
        assert_eq!(t(re("a*", "X"), &["baab"]), strings(&["XbXbX"]));
    }

    #[test]
    fn serde() {
        let json = r#"{"pattern":{"String":"▁"},"content":" "}"#;
        let r: Replace = serde_json::from_str(json).unwrap();
        assert_eq!(r, lit("▁", " "));
        assert_eq!(serde_json::to_string(&r).unwrap(), json);
        let r: Replace =
            serde_json::from_str(r#"{"pattern":{"Regex":"\\s+"},"content":" "}"#).unwrap();
        assert_eq!(r.decode(strings(&["a \t b"])).unwrap(), "a b");
        for bad in [
            r#"{"pattern":{"Regex":"a("},"content":"b"}"#,
            r#"{"pattern":"a","content":"b"}"#,
            r#"{"pattern":{"String":"a"}}"#,
        ] {
            assert!(serde_json::from_str::<Replace>(bad).is_err(), "{bad}");
        }
    }
}
