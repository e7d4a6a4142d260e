//! `Metaspace` decoder: turns the SentencePiece meta symbol (`▁` by default) back into
//! spaces.
//!
//! Every `replacement` char becomes a space, except in the first token when the
//! `prepend_scheme` is not `never`: there every `replacement` char is dropped, since encoding
//! prepended one that was not in the text. `split` only matters to the pre-tokenizer and is
//! kept for round-tripping.
//!
//! JSON: `replacement` (one char, required), `prepend_scheme` (`"always"` by default, or
//! `"first"`, `"never"`), `split` (default `true`), and the legacy `add_prefix_space`: `false` is
//! only accepted together with `prepend_scheme: "never"` (as the reference does); `str_rep` is
//! ignored.
//! Serialization writes the modern form only.

use serde::{Deserialize, Serialize};

use crate::{Decoder, Result};

/// When the Metaspace pre-tokenizer puts a `replacement` char in front of a piece.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum PrependScheme {
    /// Only in front of the first piece of the input.
    First,
    /// Never.
    Never,
    /// In front of every piece.
    #[default]
    Always,
}

impl PrependScheme {
    fn as_str(self) -> &'static str {
        match self {
            PrependScheme::First => "first",
            PrependScheme::Never => "never",
            PrependScheme::Always => "always",
        }
    }
}

/// Decoder for Metaspace tokens (SentencePiece-style `▁word`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "MetaspaceJson", into = "MetaspaceJson")]
pub struct Metaspace {
    replacement: char,
    /// When encoding prepended a `replacement`.
    pub prepend_scheme: PrependScheme,
    /// Whether the pre-tokenizer splits on `replacement` (unused by decoding).
    pub split: bool,
}

impl Default for Metaspace {
    fn default() -> Self {
        Metaspace::new('▁', PrependScheme::Always, true)
    }
}

impl Metaspace {
    /// Builds the decoder.
    pub fn new(replacement: char, prepend_scheme: PrependScheme, split: bool) -> Self {
        Metaspace {
            replacement,
            prepend_scheme,
            split,
        }
    }

    /// The meta symbol standing for a space.
    pub fn get_replacement(&self) -> char {
        self.replacement
    }
}

/// The JSON form of [`Metaspace`].
#[derive(Serialize, Deserialize)]
struct MetaspaceJson {
    replacement: char,
    #[serde(default, skip_serializing)]
    add_prefix_space: Option<bool>,
    #[serde(default)]
    prepend_scheme: PrependScheme,
    #[serde(default)]
    split: Option<bool>,
    #[serde(default, skip_serializing, rename = "str_rep")]
    _str_rep: Option<String>,
}

impl TryFrom<MetaspaceJson> for Metaspace {
    type Error = String;

    fn try_from(j: MetaspaceJson) -> std::result::Result<Self, String> {
        let scheme = j.prepend_scheme;
        if j.add_prefix_space == Some(false) && scheme != PrependScheme::Never {
            return Err(format!(
                "`add_prefix_space` is false but `prepend_scheme` is \"{}\" (the default when \
                 absent); expected `prepend_scheme: \"never\"` with `add_prefix_space: false`",
                scheme.as_str()
            ));
        }
        Ok(Metaspace::new(
            j.replacement,
            scheme,
            j.split.unwrap_or(true),
        ))
    }
}

impl From<Metaspace> for MetaspaceJson {
    fn from(m: Metaspace) -> Self {
        MetaspaceJson {
            replacement: m.replacement,
            add_prefix_space: None,
            prepend_scheme: m.prepend_scheme,
            split: Some(m.split),
            _str_rep: None,
        }
    }
}

impl Decoder for Metaspace {
    fn decode_chain(&self, mut tokens: Vec<String>) -> Result<Vec<String>> {
        let rep = self.replacement;
        for (i, token) in tokens.iter_mut().enumerate() {
            if !token.contains(rep) {
                continue;
            }
            *token = if i == 0 && self.prepend_scheme != PrependScheme::Never {
                token.chars().filter(|&c| c != rep).collect()
            } else {
                token
                    .chars()
                    .map(|c| if c == rep { ' ' } else { c })
                    .collect()
            };
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

    #[test]
    fn decodes_like_reference() {
        // decoders.Metaspace(...) on the reference, pieces observed one by one.
        let toks = strings(&["▁▁a▁b", "▁c▁", "▁"]);
        for scheme in [PrependScheme::Always, PrependScheme::First] {
            for split in [true, false] {
                let d = Metaspace::new('▁', scheme, split);
                assert_eq!(
                    d.decode_chain(toks.clone()).unwrap(),
                    strings(&["ab", " c ", " "])
                );
            }
        }
        let d = Metaspace::new('▁', PrependScheme::Never, true);
        assert_eq!(
            d.decode_chain(toks).unwrap(),
            strings(&["  a b", " c ", " "])
        );
        let d = Metaspace::new('_', PrependScheme::Always, true);
        assert_eq!(
            d.decode_chain(strings(&["_a_b▁", "_c"])).unwrap(),
            strings(&["ab▁", " c"])
        );
    }

    #[test]
    fn serde() {
        let m: Metaspace = serde_json::from_str(r#"{"replacement":"_"}"#).unwrap();
        assert_eq!(m, Metaspace::new('_', PrependScheme::Always, true));
        assert_eq!(
            serde_json::to_string(&m).unwrap(),
            r#"{"replacement":"_","prepend_scheme":"always","split":true}"#
        );
        let m: Metaspace = serde_json::from_str(
            r#"{"replacement":"_","add_prefix_space":true,"prepend_scheme":"never","str_rep":"_"}"#,
        )
        .unwrap();
        assert_eq!(m.prepend_scheme, PrependScheme::Never);
        let m: Metaspace = serde_json::from_str(
            r#"{"replacement":"_","add_prefix_space":false,"prepend_scheme":"never"}"#,
        )
        .unwrap();
        assert_eq!(m.prepend_scheme, PrependScheme::Never);
        let m: Metaspace =
            serde_json::from_str(r#"{"replacement":"_","split":null,"add_prefix_space":null}"#)
                .unwrap();
        assert_eq!(m, Metaspace::new('_', PrependScheme::Always, true));
        for bad in [
            r#"{"replacement":"_","add_prefix_space":false}"#,
            r#"{"replacement":"_","add_prefix_space":false,"prepend_scheme":"first"}"#,
            r#"{"replacement":"ab"}"#,
            r#"{"replacement":"_","prepend_scheme":"First"}"#,
            r#"{"replacement":"_","prepend_scheme":null}"#,
            r#"{}"#,
        ] {
            assert!(serde_json::from_str::<Metaspace>(bad).is_err(), "{bad}");
        }
    }
}
