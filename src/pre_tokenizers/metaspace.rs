//! `Metaspace`: the SentencePiece convention. Every space becomes the `replacement` char
//! (`▁` by default), a `replacement` is prepended according to `prepend_scheme`, and, when
//! `split` is set, the piece is cut before every `replacement` (`MergedWithNext`), so each
//! word carries its leading `▁`.
//!
//! `prepend_scheme`: `always` prepends to every piece that does not already start with the
//! replacement; `first` only to a piece that starts at the very beginning of the input (its
//! original offset is 0, which is how the reference decides); `never` never does.
//!
//! Older files carry `add_prefix_space` (and `str_rep`) instead: `add_prefix_space: false`
//! means `never` and is refused if another `prepend_scheme` is declared (the default being
//! `always`), as the reference does; `add_prefix_space: true` leaves `prepend_scheme` as is.
//! Only the current fields are written back.

use serde::{Deserialize, Serialize};

use crate::normalizer::SplitDelimiterBehavior;
use crate::pre_tokenizer::PreTokenizedString;
use crate::{PreTokenizer, Result};

/// When to prepend the replacement char.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PrependScheme {
    /// Only to the piece at the very start of the input.
    First,
    /// Never.
    Never,
    /// To every piece.
    #[default]
    Always,
}

/// The Metaspace pre-tokenizer; see the module docs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "MetaspaceJson", into = "MetaspaceJson")]
pub struct Metaspace {
    replacement: char,
    str_rep: String,
    /// When to prepend the replacement.
    pub prepend_scheme: PrependScheme,
    /// Whether to cut before each replacement char.
    pub split: bool,
}

/// The JSON form of [`Metaspace`], old and new fields.
#[derive(Serialize, Deserialize)]
struct MetaspaceJson {
    replacement: char,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    add_prefix_space: Option<bool>,
    #[serde(default)]
    prepend_scheme: PrependScheme,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    split: Option<bool>,
    #[serde(default, skip_serializing)]
    #[allow(dead_code)]
    str_rep: Option<String>,
}

impl TryFrom<MetaspaceJson> for Metaspace {
    type Error = String;

    fn try_from(j: MetaspaceJson) -> std::result::Result<Self, String> {
        let mut scheme = j.prepend_scheme;
        if j.add_prefix_space == Some(false) {
            if scheme != PrependScheme::Never {
                return Err(format!(
                    "Metaspace: `add_prefix_space` is false but `prepend_scheme` is {}; \
                     expected `prepend_scheme: \"never\"` (or no `add_prefix_space`)",
                    serde_json::to_string(&scheme).unwrap_or_default()
                ));
            }
            scheme = PrependScheme::Never;
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
            str_rep: None,
        }
    }
}

impl Default for Metaspace {
    fn default() -> Self {
        Metaspace::new('▁', PrependScheme::Always, true)
    }
}

impl Metaspace {
    /// Builds the pre-tokenizer.
    pub fn new(replacement: char, prepend_scheme: PrependScheme, split: bool) -> Self {
        Metaspace {
            replacement,
            str_rep: replacement.to_string(),
            prepend_scheme,
            split,
        }
    }

    /// The replacement char.
    pub fn replacement(&self) -> char {
        self.replacement
    }
}

impl PreTokenizer for Metaspace {
    fn pre_tokenize(&self, pretokenized: &mut PreTokenizedString) -> Result<()> {
        pretokenized.split(|_, mut normalized| {
            if normalized.get().contains(' ') {
                // One-for-one char replacement: each replacement takes over the alignment of
                // the space it replaces, exactly as a pattern replace would, in one pass.
                let rep = self.replacement;
                normalized.map(|c| if c == ' ' { rep } else { c });
            }
            let prepend = match self.prepend_scheme {
                PrependScheme::Always => true,
                PrependScheme::First => normalized.offsets_original().0 == 0,
                PrependScheme::Never => false,
            };
            if prepend && !normalized.get().starts_with(self.replacement) {
                normalized.prepend(&self.str_rep);
            }
            if self.split {
                normalized.split(&self.replacement, SplitDelimiterBehavior::MergedWithNext)
            } else {
                Ok(vec![normalized])
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pre_tokenizers::tests::pieces;
    use crate::pre_tokenizers::{PreTokenizerWrapper, Sequence, WhitespaceSplit};

    #[test]
    fn metaspace() {
        let m = Metaspace::default();
        assert_eq!(
            pieces(&m, "Hey   friend!"),
            vec![
                ("▁Hey", (0, 3)),
                ("▁", (3, 4)),
                ("▁", (4, 5)),
                ("▁friend!", (5, 13)),
            ]
        );
        assert_eq!(pieces(&m, " Hey"), vec![("▁Hey", (0, 4))]);
        let m = Metaspace::new('▁', PrependScheme::Never, true);
        assert_eq!(
            pieces(&m, "Hey friend"),
            vec![("Hey", (0, 3)), ("▁friend", (3, 10))]
        );
        let m = Metaspace::new('▁', PrependScheme::First, false);
        assert_eq!(
            pieces(&m, "Hey my friend"),
            vec![("▁Hey▁my▁friend", (0, 13))]
        );
    }

    #[test]
    fn first_only_at_input_start() {
        let seq = PreTokenizerWrapper::Sequence(Sequence::new(vec![
            PreTokenizerWrapper::WhitespaceSplit(WhitespaceSplit {}),
            PreTokenizerWrapper::Metaspace(Metaspace::new('▁', PrependScheme::First, true)),
        ]));
        assert_eq!(
            pieces(&seq, "Hey my friend"),
            vec![("▁Hey", (0, 3)), ("my", (4, 6)), ("friend", (7, 13))]
        );
        assert_eq!(
            pieces(&seq, " Hey my friend"),
            vec![("Hey", (1, 4)), ("my", (5, 7)), ("friend", (8, 14))]
        );
    }

    #[test]
    fn legacy_fields() {
        let m: Metaspace =
            serde_json::from_str(r#"{"replacement":"_","str_rep":"_","add_prefix_space":true}"#)
                .unwrap();
        assert_eq!(m, Metaspace::new('_', PrependScheme::Always, true));
        let m: Metaspace = serde_json::from_str(
            r#"{"replacement":"_","add_prefix_space":false,"prepend_scheme":"never"}"#,
        )
        .unwrap();
        assert_eq!(m, Metaspace::new('_', PrependScheme::Never, true));
        assert!(serde_json::from_str::<Metaspace>(
            r#"{"replacement":"_","add_prefix_space":false}"#
        )
        .is_err());
        assert_eq!(
            serde_json::to_string(&m).unwrap(),
            r#"{"replacement":"_","prepend_scheme":"never","split":true}"#
        );
    }
}
