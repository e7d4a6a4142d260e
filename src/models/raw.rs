//! Single-pass reading of a `model` section.
//!
//! A `model` section may name its kind with `"type"`, or (in files written by old versions of
//! the reference) leave it out, in which case the kind is recognised from which fields are
//! present and well-formed. To support both without buffering a multi-megabyte section, the
//! section is read once into [`RawModel`]:
//!
//! - the small fields are kept as JSON values and converted by the model that uses them;
//! - `vocab` is parsed straight into its final form: a token → id map (BPE, WordPiece,
//!   WordLevel) or a `(piece, score)` list (Unigram). No model accepts any other shape, so a
//!   malformed vocabulary is reported at once, with its position in the file;
//! - `merges` (used by BPE only, ignored by the others whatever its shape) is copied into one
//!   string buffer plus spans, so that hundreds of thousands of merges cost no allocation
//!   each. Its shape is recorded: all `["left", "right"]` pairs, all `"left right"` lines,
//!   or invalid (with the reason, reported only if a BPE model needs it).
//!
//! The models validate fields before taking the vocabulary out of the [`RawModel`], so a
//! failed attempt (when recognising a section without `"type"`) leaves it intact for the next.

use std::borrow::Cow;
use std::fmt;

use serde::de::{DeserializeOwned, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use super::hash::{map_with_capacity, FastMap};

/// Caps pre-allocation from untrusted size hints.
const MAX_PREALLOC: usize = 1 << 20;

/// The vocabulary of a model section.
#[derive(Debug, Clone)]
pub(crate) enum RawVocab {
    /// `{"token": id, ...}` (duplicated tokens: the last entry wins).
    Map(FastMap<String, u32>),
    /// `[["piece", score], ...]`.
    List(Vec<(String, f64)>),
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
                let mut vocab = map_with_capacity(map.size_hint().unwrap_or(0).min(MAX_PREALLOC));
                while let Some((token, id)) = map.next_entry::<String, u32>()? {
                    vocab.insert(token, id);
                }
                Ok(RawVocab::Map(vocab))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawVocab, A::Error> {
                let mut pieces = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(MAX_PREALLOC));
                while let Some(entry) = seq.next_element::<(String, f64)>()? {
                    pieces.push(entry);
                }
                Ok(RawVocab::List(pieces))
            }
        }
        deserializer.deserialize_any(VocabVisitor)
    }
}

/// What the items of `merges` look like.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum MergeShape {
    /// Every item is a `["left", "right"]` pair (also the shape of an empty list).
    Pairs,
    /// Every item is a string (`"left right"`).
    Lines,
    /// Anything else; the reason names the first offending item.
    Invalid(String),
}

/// The `merges` field: all strings in one buffer.
#[derive(Debug, Clone)]
pub(crate) struct RawMerges {
    text: String,
    /// For pairs: left is `text[a..b]`, right is `text[b..c]`. For lines: the line is
    /// `text[a..c]` (`b == c`).
    spans: Vec<(usize, usize, usize)>,
    shape: MergeShape,
}

/// One item of `merges` as read.
enum MergeItem {
    Line(usize, usize),
    Pair(usize, usize, usize),
    Other(String),
}

impl RawMerges {
    /// The merges as `(left, right)` pairs in rank order; a malformed line yields an error.
    pub fn pairs(&self) -> Result<impl Iterator<Item = Result<(&str, &str), String>> + '_, String> {
        let lines = match &self.shape {
            MergeShape::Invalid(reason) => return Err(format!("`merges`: {reason}")),
            MergeShape::Pairs => false,
            MergeShape::Lines => true,
        };
        Ok(self.spans.iter().enumerate().map(move |(i, &(a, b, c))| {
            if lines {
                let line = self.text.get(a..c).unwrap_or_default();
                match line.split_once(' ') {
                    Some((left, right)) if !right.contains(' ') => Ok((left, right)),
                    _ => Err(format!(
                        "`merges[{i}]` is {line:?}: Merges text file invalid at line {}: \
                         expected two tokens separated by one space",
                        i + 1
                    )),
                }
            } else {
                let left = self.text.get(a..b).unwrap_or_default();
                let right = self.text.get(b..c).unwrap_or_default();
                Ok((left, right))
            }
        }))
    }

    /// Number of merges.
    pub fn len(&self) -> usize {
        self.spans.len()
    }
}

/// Describes the kind of a value that was not expected.
macro_rules! other_kinds {
    ($out:ty, $make:expr) => {
        fn visit_bool<E>(self, _: bool) -> Result<$out, E> {
            Ok($make("a boolean"))
        }
        fn visit_i64<E>(self, _: i64) -> Result<$out, E> {
            Ok($make("a number"))
        }
        fn visit_u64<E>(self, _: u64) -> Result<$out, E> {
            Ok($make("a number"))
        }
        fn visit_f64<E>(self, _: f64) -> Result<$out, E> {
            Ok($make("a number"))
        }
        fn visit_unit<E>(self) -> Result<$out, E> {
            Ok($make("null"))
        }
        fn visit_none<E>(self) -> Result<$out, E> {
            Ok($make("null"))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<$out, A::Error> {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            Ok($make("a map"))
        }
    };
}

/// Appends a string element to the buffer; `Ok(false)` (value skipped) for anything else.
struct StrSeed<'a>(&'a mut String);

impl<'de> DeserializeSeed<'de> for StrSeed<'_> {
    type Value = bool;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for StrSeed<'_> {
    type Value = bool;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_str<E>(self, v: &str) -> Result<bool, E> {
        self.0.push_str(v);
        Ok(true)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(false)
    }
    other_kinds!(bool, |_| false);
}

/// Reads one merge item, appending its strings to the buffer.
struct ItemSeed<'a>(&'a mut String);

impl<'de> DeserializeSeed<'de> for ItemSeed<'_> {
    type Value = MergeItem;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<MergeItem, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ItemSeed<'_> {
    type Value = MergeItem;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a merge")
    }
    fn visit_str<E>(self, v: &str) -> Result<MergeItem, E> {
        let start = self.0.len();
        self.0.push_str(v);
        Ok(MergeItem::Line(start, self.0.len()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<MergeItem, A::Error> {
        let text = self.0;
        let start = text.len();
        let left = seq.next_element_seed(StrSeed(text))?;
        let mid = text.len();
        let right = match left {
            Some(true) => seq.next_element_seed(StrSeed(text))?,
            _ => None,
        };
        let end = text.len();
        let mut extra = 0usize;
        while seq.next_element::<IgnoredAny>()?.is_some() {
            extra += 1;
        }
        if left == Some(true) && right == Some(true) && extra == 0 {
            Ok(MergeItem::Pair(start, mid, end))
        } else {
            text.truncate(start);
            Ok(MergeItem::Other(
                "a list that is not a pair of two strings".to_string(),
            ))
        }
    }
    other_kinds!(MergeItem, |k: &str| MergeItem::Other(k.to_string()));
}

/// Reads the whole `merges` field.
struct MergesVisitor;

impl<'de> Visitor<'de> for MergesVisitor {
    type Value = RawMerges;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of merges")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawMerges, A::Error> {
        let hint = seq.size_hint().unwrap_or(0).min(MAX_PREALLOC);
        let mut merges = RawMerges {
            text: String::with_capacity(hint * 8),
            spans: Vec::with_capacity(hint),
            shape: MergeShape::Pairs,
        };
        let mut saw_line = false;
        let mut saw_pair = false;
        while let Some(item) = seq.next_element_seed(ItemSeed(&mut merges.text))? {
            let index = merges.spans.len();
            let span = match item {
                MergeItem::Line(a, c) => {
                    saw_line = true;
                    (a, c, c)
                }
                MergeItem::Pair(a, b, c) => {
                    saw_pair = true;
                    (a, b, c)
                }
                MergeItem::Other(kind) => {
                    if !matches!(merges.shape, MergeShape::Invalid(_)) {
                        merges.shape = MergeShape::Invalid(format!(
                            "item {index} is {kind}; expected every merge to be a \
                             [\"left\", \"right\"] pair or every merge to be a \"left right\" \
                             string"
                        ));
                    }
                    (0, 0, 0)
                }
            };
            if saw_line && saw_pair && !matches!(merges.shape, MergeShape::Invalid(_)) {
                merges.shape = MergeShape::Invalid(format!(
                    "item {index} mixes shapes; expected every merge to be a [\"left\", \
                     \"right\"] pair or every merge to be a \"left right\" string"
                ));
            }
            merges.spans.push(span);
        }
        if saw_line && merges.shape == MergeShape::Pairs {
            merges.shape = MergeShape::Lines;
        }
        Ok(merges)
    }
    fn visit_str<E>(self, _: &str) -> Result<RawMerges, E> {
        Ok(RawMerges::invalid("a string"))
    }
    other_kinds!(RawMerges, RawMerges::invalid);
}

impl RawMerges {
    fn invalid(kind: &str) -> Self {
        RawMerges {
            text: String::new(),
            spans: Vec::new(),
            shape: MergeShape::Invalid(format!("expected a list, got {kind}")),
        }
    }
}

impl<'de> Deserialize<'de> for RawMerges {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(MergesVisitor)
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
    pub merges: Option<RawMerges>,
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
                while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                    let model = raw.model_type.as_ref().and_then(Value::as_str);
                    let checks = field_type(model, key.as_ref());
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
                        "vocab" => {
                            raw.vocab = Some(map.next_value()?);
                            continue;
                        }
                        "merges" => {
                            raw.merges = Some(map.next_value()?);
                            continue;
                        }
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                            continue;
                        }
                    };
                    *slot = Some(match checks {
                        Some(FieldType::Float) => checked::<A, Option<f32>>(&mut map)?,
                        Some(FieldType::Bool) => checked::<A, Option<bool>>(&mut map)?,
                        Some(FieldType::Str) => checked::<A, Option<String>>(&mut map)?,
                        Some(FieldType::Size) => checked::<A, Option<usize>>(&mut map)?,
                        None => map.next_value()?,
                    });
                }
                Ok(raw)
            }
        }
        deserializer.deserialize_map(RawVisitor)
    }
}

/// The JSON type of a scalar model field.
enum FieldType {
    Float,
    Bool,
    Str,
    Size,
}

/// The type `model`'s loader reads `field` as, when the model's `type` came before the
/// field (as in every file the reference writes): the value is then checked where it
/// stands, so a wrong type is reported at `model.FIELD` with its line and column. Fields
/// a model does not read are left unchecked (the reference ignores them), and so is
/// everything when the type comes later (checked after the object, at `model`).
fn field_type(model: Option<&str>, field: &str) -> Option<FieldType> {
    Some(match (model?, field) {
        ("BPE", "dropout") => FieldType::Float,
        ("BPE", "fuse_unk" | "byte_fallback" | "ignore_merges") => FieldType::Bool,
        ("BPE", "unk_token" | "continuing_subword_prefix" | "end_of_word_suffix") => FieldType::Str,
        ("WordPiece", "unk_token" | "continuing_subword_prefix") | ("WordLevel", "unk_token") => {
            FieldType::Str
        }
        ("WordPiece", "max_input_chars_per_word") | ("Unigram", "unk_id") => FieldType::Size,
        _ => return None,
    })
}

/// The next map value read as `T` (errors at the value's own position), kept as JSON.
fn checked<'de, A: MapAccess<'de>, T: Deserialize<'de> + serde::Serialize>(
    map: &mut A,
) -> Result<Value, A::Error> {
    let value: T = map.next_value()?;
    serde_json::to_value(value).map_err(serde::de::Error::custom)
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
    /// The vocabulary as a token → id map, left in place.
    pub fn vocab_map(&self) -> Result<&FastMap<String, u32>, String> {
        match &self.vocab {
            None => Err("missing field `vocab`".to_string()),
            Some(RawVocab::List(_)) => {
                Err("`vocab`: invalid type: sequence, expected a map of token to id".to_string())
            }
            Some(RawVocab::Map(vocab)) => Ok(vocab),
        }
    }

    /// Takes the vocabulary out, as a token → id map.
    pub fn take_vocab_map(&mut self) -> Result<FastMap<String, u32>, String> {
        self.vocab_map()?;
        match self.vocab.take() {
            Some(RawVocab::Map(vocab)) => Ok(vocab),
            _ => Err("missing field `vocab`".to_string()),
        }
    }

    /// The vocabulary as a list of `(piece, score)` pairs, left in place.
    pub fn vocab_list(&self) -> Result<&Vec<(String, f64)>, String> {
        match &self.vocab {
            None => Err("missing field `vocab`".to_string()),
            Some(RawVocab::Map(_)) => Err(
                "`vocab`: invalid type: map, expected a list of [piece, score] pairs".to_string(),
            ),
            Some(RawVocab::List(pieces)) => Ok(pieces),
        }
    }

    /// Takes the vocabulary out, as a list of `(piece, score)` pairs.
    pub fn take_vocab_list(&mut self) -> Result<Vec<(String, f64)>, String> {
        self.vocab_list()?;
        match self.vocab.take() {
            Some(RawVocab::List(pieces)) => Ok(pieces),
            _ => Err("missing field `vocab`".to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(raw: &RawModel) -> Result<Vec<(String, String)>, String> {
        raw.merges
            .as_ref()
            .ok_or("no merges")?
            .pairs()?
            .map(|p| p.map(|(a, b)| (a.to_string(), b.to_string())))
            .collect()
    }

    #[test]
    fn reads_all_fields_and_ignores_others() {
        let mut raw: RawModel = serde_json::from_str(
            r#"{"type":"BPE","extra":[1,{"a":2}],"vocab":{"a":0,"b":1},"merges":["a b"],
                "unk_token":null,"cache_capacity":10}"#,
        )
        .unwrap();
        assert_eq!(raw.model_type, Some(Value::String("BPE".into())));
        assert_eq!(raw.unk_token, Some(Value::Null));
        assert!(raw.dropout.is_none());
        assert_eq!(pairs(&raw).unwrap(), vec![("a".into(), "b".into())]);
        assert!(raw.vocab_list().is_err());
        let vocab = raw.take_vocab_map().unwrap();
        assert_eq!(vocab.get("b"), Some(&1));
        assert!(raw.vocab.is_none());
    }

    #[test]
    fn merge_shapes() {
        let read = |json: &str| serde_json::from_str::<RawModel>(json).unwrap();
        let raw = read(r#"{"merges":[["a","b c"],["\u00e9","d"]]}"#);
        assert_eq!(
            pairs(&raw).unwrap(),
            vec![("a".into(), "b c".into()), ("é".into(), "d".into())]
        );
        assert_eq!(pairs(&read(r#"{"merges":[]}"#)).unwrap(), vec![]);
        assert!(pairs(&read(r#"{"merges":["a b c"]}"#))
            .unwrap_err()
            .contains("line 1"));
        assert!(pairs(&read(r#"{"merges":["a  b"]}"#)).is_err());
        assert!(pairs(&read(r#"{"merges":[["a","b"],"a b"]}"#)).is_err());
        assert!(pairs(&read(r#"{"merges":[["a","b","c"]]}"#)).is_err());
        assert!(pairs(&read(r#"{"merges":[["a",1]]}"#)).is_err());
        assert!(pairs(&read(r#"{"merges":null}"#)).is_err());
        assert!(pairs(&read(r#"{"merges":{"a":[1]}}"#)).is_err());
    }

    #[test]
    fn vocab_errors_are_immediate() {
        assert!(serde_json::from_str::<RawModel>(r#"{"vocab":{"a":-1}}"#).is_err());
        assert!(serde_json::from_str::<RawModel>(r#"{"vocab":[["a",1,2]]}"#).is_err());
        assert!(serde_json::from_str::<RawModel>(r#"{"vocab":5}"#).is_err());
        let raw: RawModel = serde_json::from_str(r#"{"vocab":[["a",1],["b",-2.5]]}"#).unwrap();
        assert_eq!(raw.vocab_list().unwrap()[1], ("b".to_string(), -2.5));
    }
}
