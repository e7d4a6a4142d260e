//! Single-pass, shape-tolerant reading of a `model` section.
//!
//! A `model` section may name its kind with `"type"`, or (in files written by old versions of
//! the reference) leave it out, in which case the kind is recognised from which fields are
//! present and well-formed. To support both without buffering a multi-megabyte section twice,
//! the section is read once into [`RawModel`]: the small fields are kept as JSON values, the
//! vocabulary is kept as a list of entries in file order, and the merges as a JSON value. The
//! models then validate and convert exactly the fields they use, so a field that one kind
//! ignores can never make another kind fail to load.

use std::fmt;

use serde::de::{DeserializeOwned, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use super::hash::{map_with_capacity, FastMap};

/// The vocabulary of a model section, in file order.
#[derive(Debug, Clone)]
pub(crate) enum RawVocab {
    /// `{"token": id, ...}` (BPE, WordPiece, WordLevel). Ids are validated later.
    Map(Vec<(String, Value)>),
    /// `[["piece", score], ...]` (Unigram). Entries are validated later.
    List(Vec<Value>),
}

impl<'de> Deserialize<'de> for RawVocab {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct VocabVisitor;
        impl<'de> Visitor<'de> for VocabVisitor {
            type Value = RawVocab;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map of token to id, or a list of [piece, score] pairs")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawVocab, A::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0).min(1 << 20));
                while let Some(entry) = map.next_entry::<String, Value>()? {
                    entries.push(entry);
                }
                Ok(RawVocab::Map(entries))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawVocab, A::Error> {
                let mut entries = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 20));
                while let Some(entry) = seq.next_element::<Value>()? {
                    entries.push(entry);
                }
                Ok(RawVocab::List(entries))
            }
        }
        deserializer.deserialize_any(VocabVisitor)
    }
}

/// Every field any model kind reads; `Some(Value::Null)` means "present and null".
#[derive(Debug, Clone, Default)]
pub(crate) struct RawModel {
    pub model_type: Option<Value>,
    pub dropout: Option<Value>,
    pub unk_token: Option<Value>,
    pub continuing_subword_prefix: Option<Value>,
    pub end_of_word_suffix: Option<Value>,
    pub fuse_unk: Option<Value>,
    pub byte_fallback: Option<Value>,
    pub ignore_merges: Option<Value>,
    pub max_input_chars_per_word: Option<Value>,
    pub unk_id: Option<Value>,
    pub vocab: Option<RawVocab>,
    pub merges: Option<Value>,
}

impl<'de> Deserialize<'de> for RawModel {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RawVisitor;
        impl<'de> Visitor<'de> for RawVisitor {
            type Value = RawModel;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a model object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawModel, A::Error> {
                let mut raw = RawModel::default();
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    let slot = match key.as_ref() {
                        "type" => &mut raw.model_type,
                        "dropout" => &mut raw.dropout,
                        "unk_token" => &mut raw.unk_token,
                        "continuing_subword_prefix" => &mut raw.continuing_subword_prefix,
                        "end_of_word_suffix" => &mut raw.end_of_word_suffix,
                        "fuse_unk" => &mut raw.fuse_unk,
                        "byte_fallback" => &mut raw.byte_fallback,
                        "ignore_merges" => &mut raw.ignore_merges,
                        "max_input_chars_per_word" => &mut raw.max_input_chars_per_word,
                        "unk_id" => &mut raw.unk_id,
                        "merges" => &mut raw.merges,
                        "vocab" => {
                            raw.vocab = Some(map.next_value()?);
                            continue;
                        }
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                            continue;
                        }
                    };
                    *slot = Some(map.next_value()?);
                }
                Ok(raw)
            }
        }
        deserializer.deserialize_map(RawVisitor)
    }
}

/// Converts one JSON value to `T`, naming `field` in the error.
pub(crate) fn typed<T: DeserializeOwned>(value: &Value, field: &str) -> Result<T, String> {
    T::deserialize(value).map_err(|e| format!("`{field}`: {e}"))
}

/// A field that must be present.
pub(crate) fn required<T: DeserializeOwned>(
    value: &Option<Value>,
    field: &str,
) -> Result<T, String> {
    match value {
        Some(v) => typed(v, field),
        None => Err(format!("missing field `{field}`")),
    }
}

/// An optional field: absent and `null` both give `None`.
pub(crate) fn optional<T: DeserializeOwned>(
    value: &Option<Value>,
    field: &str,
) -> Result<Option<T>, String> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(v) => typed(v, field).map(Some),
    }
}

impl RawModel {

    /// The vocabulary as a token → id map (duplicated tokens: the last entry wins).
    pub fn vocab_map(&self) -> Result<FastMap<String, u32>, String> {
        match &self.vocab {
            None => Err("missing field `vocab`".to_string()),
            Some(RawVocab::List(_)) => Err(
                "`vocab`: invalid type: sequence, expected a map of token to id".to_string(),
            ),
            Some(RawVocab::Map(entries)) => {
                let mut vocab = map_with_capacity(entries.len());
                for (token, id) in entries {
                    let id: u32 = typed(id, &format!("vocab[{token:?}]"))?;
                    vocab.insert(token.clone(), id);
                }
                Ok(vocab)
            }
        }
    }

    /// The vocabulary as a list of `(piece, score)` pairs.
    pub fn vocab_list(&self) -> Result<Vec<(String, f64)>, String> {
        match &self.vocab {
            None => Err("missing field `vocab`".to_string()),
            Some(RawVocab::Map(_)) => Err(
                "`vocab`: invalid type: map, expected a list of [piece, score] pairs".to_string(),
            ),
            Some(RawVocab::List(entries)) => entries
                .iter()
                .enumerate()
                .map(|(i, entry)| typed::<(String, f64)>(entry, &format!("vocab[{i}]")))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_all_fields_and_ignores_others() {
        let raw: RawModel = serde_json::from_str(
            r#"{"type":"BPE","extra":[1,{"a":2}],"vocab":{"a":0,"b":1},"merges":["a b"],
                "unk_token":null,"cache_capacity":10}"#,
        )
        .unwrap();
        assert_eq!(raw.model_type, Some(Value::String("BPE".into())));
        assert_eq!(raw.unk_token, Some(Value::Null));
        assert!(raw.dropout.is_none());
        let vocab = raw.vocab_map().unwrap();
        assert_eq!(vocab.get("b"), Some(&1));
        assert!(raw.vocab_list().is_err());
    }

    #[test]
    fn vocab_errors_name_the_entry() {
        let raw: RawModel = serde_json::from_str(r#"{"vocab":{"a":-1}}"#).unwrap();
        let err = raw.vocab_map().unwrap_err();
        assert!(err.contains("vocab[\"a\"]") && err.contains("-1"), "{err}");
        let raw: RawModel = serde_json::from_str(r#"{"vocab":[["a",1,2]]}"#).unwrap();
        assert!(raw.vocab_list().unwrap_err().contains("vocab[0]"));
        assert!(serde_json::from_str::<RawModel>(r#"{"vocab":5}"#).is_err());
    }
}
