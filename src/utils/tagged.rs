//! Reading of the component enums tagged by a `"type"` field (normalizers, pre-tokenizers,
//! post-processors, decoders) without buffering the component first.
//!
//! serde's own internally tagged enums read the whole object into a private buffer before
//! looking at the tag, so an error in a field is reported at the object's path and at the
//! position of its closing brace. Here the object is streamed instead:
//!
//! - the keys are read in order; the entries before `"type"` (usually none, as the reference
//!   writes the tag first) are kept as [`serde_json::Value`]s;
//! - the tag is read in place (so an unknown `type` is reported at `….type` with serde's
//!   usual "unknown variant `X`, expected one of …" message);
//! - the variant's own struct then reads the kept entries followed by the rest of the live
//!   object. An error in a live field therefore keeps its full path (e.g.
//!   `normalizer.normalizers[1].strip_left`) and the position of the offending value; an
//!   error in a kept entry names its path below the object in the message (the position is
//!   then the end of the object).
//!
//! What loads is exactly what serde's internally tagged enums load: the tag may be a variant
//! name or index, a second `"type"` key is a duplicate field, a missing one is a missing
//! field, and the sequence form (`["Type", fields...]`) is accepted as well.
//!
//! [`tagged_deserialize!`] implements `Deserialize` for a wrapper
//! enum whose variants each hold the struct of that `type`.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{
    DeserializeOwned, DeserializeSeed, Deserializer, Error, IntoDeserializer, MapAccess, SeqAccess,
    Visitor,
};
use serde_json::Value;

/// The name of the tag field.
const TAG: &str = "type";

/// An enum whose JSON form is an object tagged by `"type"` (see the module docs).
pub(crate) trait Tagged: Sized {
    /// Identifies a variant from the tag (derived with `#[serde(variant_identifier)]`).
    type Tag: DeserializeOwned;
    /// What the JSON value should be, for the message when it is not an object.
    const EXPECTING: &'static str;
    /// Reads the variant named by `tag` from the rest of the object (or sequence).
    fn variant<'de, D: Deserializer<'de>>(tag: Self::Tag, rest: D) -> Result<Self, D::Error>;
}

/// Reads a [`Tagged`] enum.
pub(crate) fn deserialize<'de, T: Tagged, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
    d.deserialize_any(TaggedVisitor::<T>(PhantomData))
}

struct TaggedVisitor<T>(PhantomData<T>);

impl<'de, T: Tagged> Visitor<'de> for TaggedVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut before = Vec::new();
        let tag = loop {
            match map.next_key::<String>()? {
                None => return Err(A::Error::missing_field(TAG)),
                Some(key) if key == TAG => break map.next_value::<T::Tag>()?,
                Some(key) => {
                    let value: Value = map.next_value()?;
                    before.push((key, value));
                }
            }
        };
        let rest = Rest {
            before: before.into_iter(),
            pending: None,
            live: map,
        };
        T::variant(tag, MapAccessDeserializer::new(rest))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<T, A::Error> {
        let tag = seq
            .next_element::<T::Tag>()?
            .ok_or_else(|| A::Error::missing_field(TAG))?;
        T::variant(tag, SeqAccessDeserializer::new(seq))
    }
}

/// The object without its tag: the entries kept before the tag, then the live ones.
struct Rest<A> {
    before: std::vec::IntoIter<(String, Value)>,
    /// The value of the kept key just returned.
    pending: Option<(String, Value)>,
    live: A,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Rest<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        if let Some((key, value)) = self.before.next() {
            let k = seed.deserialize(key.as_str().into_deserializer())?;
            self.pending = Some((key, value));
            return Ok(Some(k));
        }
        self.live.next_key_seed(NotTag(seed))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        match self.pending.take() {
            Some((key, value)) => {
                let mut track = serde_path_to_error::Track::new();
                seed.deserialize(serde_path_to_error::Deserializer::new(value, &mut track))
                    .map_err(|e| kept_field_error(&key, &track.path().to_string(), &e))
            }
            None => self.live.next_value_seed(seed),
        }
    }
}

/// The error of a kept entry: `field `key.path`: message`, where a message that already
/// starts with a field path (from a nested kept entry) has it joined to this one.
fn kept_field_error<E: Error>(key: &str, inner: &str, e: &serde_json::Error) -> E {
    let message = e.to_string();
    let mut path = key.to_owned();
    if inner != "." {
        join_path(&mut path, inner);
    }
    let message = match message
        .strip_prefix("field `")
        .and_then(|m| m.split_once("`: "))
    {
        Some((nested, rest)) => {
            join_path(&mut path, nested);
            rest
        }
        None => message.as_str(),
    };
    E::custom(format_args!("field `{path}`: {message}"))
}

/// Appends `tail` to a field path: `a` + `[1]` is `a[1]`, `a` + `b` is `a.b`.
fn join_path(path: &mut String, tail: &str) {
    let index = tail
        .strip_prefix('[')
        .and_then(|t| t.split_once(']'))
        .is_some_and(|(digits, _)| {
            !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
        });
    if !index {
        path.push('.');
    }
    path.push_str(tail);
}

/// Reads a key of the live object, refusing a second tag, and hands it to the struct's seed.
struct NotTag<K>(K);

impl<'de, K: DeserializeSeed<'de>> DeserializeSeed<'de> for NotTag<K> {
    type Value = K::Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<K::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de, K: DeserializeSeed<'de>> Visitor<'de> for NotTag<K> {
    type Value = K::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_borrowed_str<E: Error>(self, v: &'de str) -> Result<K::Value, E> {
        if v == TAG {
            return Err(E::duplicate_field(TAG));
        }
        self.0
            .deserialize(serde::de::value::BorrowedStrDeserializer::new(v))
    }

    fn visit_str<E: Error>(self, v: &str) -> Result<K::Value, E> {
        if v == TAG {
            return Err(E::duplicate_field(TAG));
        }
        self.0.deserialize(v.into_deserializer())
    }
}

/// Implements `Deserialize` for a wrapper enum tagged by `"type"`, whose listed variants
/// each hold one struct (see the module docs): `tagged_deserialize!(Wrapper, "what it
/// should be", VariantA, VariantB, ...)`, variants in declaration order.
macro_rules! tagged_deserialize {
    ($wrapper:ident, $expecting:literal, $($variant:ident),+ $(,)?) => {
        const _: () = {
            /// The variants of the wrapper, by name or index.
            #[derive(serde::Deserialize)]
            #[serde(variant_identifier)]
            #[allow(clippy::upper_case_acronyms)]
            pub enum Tag {
                $($variant),+
            }

            impl $crate::utils::tagged::Tagged for $wrapper {
                type Tag = Tag;
                const EXPECTING: &'static str = $expecting;
                fn variant<'de, D: serde::Deserializer<'de>>(
                    tag: Tag,
                    rest: D,
                ) -> Result<Self, D::Error> {
                    match tag {
                        $(Tag::$variant => {
                            serde::Deserialize::deserialize(rest).map($wrapper::$variant)
                        })+
                    }
                }
            }

            impl<'de> serde::Deserialize<'de> for $wrapper {
                fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                    $crate::utils::tagged::deserialize(d)
                }
            }
        };
    };
}

pub(crate) use tagged_deserialize;

#[cfg(test)]
mod tests {
    use crate::decoders::DecoderWrapper;
    use crate::normalizers::NormalizerWrapper;

    /// The path and message of the error reading `json` as a normalizer.
    fn normalizer_error(json: &str) -> (String, String) {
        let de = &mut serde_json::Deserializer::from_str(json);
        let err = serde_path_to_error::deserialize::<_, NormalizerWrapper>(de).unwrap_err();
        (err.path().to_string(), err.into_inner().to_string())
    }

    #[test]
    fn field_errors_keep_their_path_and_position() {
        let json = r#"{"type": "Sequence", "normalizers": [{"type": "NFC"},
            {"type": "Strip", "strip_left": true, "strip_right": 1}]}"#;
        let (path, message) = normalizer_error(json);
        assert_eq!(path, "normalizers[1].strip_right");
        assert_eq!(
            message,
            "invalid type: integer `1`, expected a boolean at line 2 column 66"
        );
    }

    #[test]
    fn unknown_type_is_reported_at_the_tag() {
        let (path, message) = normalizer_error(r#"{"type": "Uppercase"}"#);
        assert_eq!(path, "type");
        assert!(
            message.starts_with("unknown variant `Uppercase`, expected one of `BertNormalizer`"),
            "{message}"
        );
    }

    #[test]
    fn tag_anywhere_in_the_object() {
        let first: NormalizerWrapper =
            serde_json::from_str(r#"{"type": "Strip", "strip_left": true, "strip_right": false}"#)
                .unwrap();
        let last: NormalizerWrapper =
            serde_json::from_str(r#"{"strip_left": true, "strip_right": false, "type": "Strip"}"#)
                .unwrap();
        let middle: NormalizerWrapper =
            serde_json::from_str(r#"{"strip_left": true, "type": "Strip", "strip_right": false}"#)
                .unwrap();
        assert_eq!(first, last);
        assert_eq!(first, middle);
        let (path, message) = normalizer_error(
            r#"{"normalizers": [{"type": "NFC"}, {"strip_left": true, "strip_right": 1,
            "type": "Strip"}], "type": "Sequence"}"#,
        );
        assert_eq!(path, ".");
        assert!(
            message.starts_with(
                "field `normalizers[1].strip_right`: invalid type: integer `1`, expected a boolean"
            ),
            "{message}"
        );
    }

    #[test]
    fn same_acceptance_as_serde_tagged_enums() {
        // A second tag is a duplicate field, a missing one a missing field.
        let (_, message) = normalizer_error(r#"{"type": "NFC", "type": "NFC"}"#);
        assert!(message.starts_with("duplicate field `type`"), "{message}");
        let (_, message) = normalizer_error(r#"{"lowercase": true}"#);
        assert!(message.starts_with("missing field `type`"), "{message}");
        let (_, message) = normalizer_error(r#""Lowercase""#);
        assert!(
            message.starts_with(
                "invalid type: string \"Lowercase\", expected a normalizer: an object with a `type`"
            ),
            "{message}"
        );
        // Unknown fields are ignored; the sequence form is read in field order.
        let d: DecoderWrapper =
            serde_json::from_str(r#"{"type": "Fuse", "comment": [1, {"a": null}]}"#).unwrap();
        assert_eq!(d, serde_json::from_str(r#"{"type": "Fuse"}"#).unwrap());
        let n: NormalizerWrapper = serde_json::from_str(r#"["Strip", true, false]"#).unwrap();
        assert_eq!(
            n,
            serde_json::from_str(r#"{"type": "Strip", "strip_left": true, "strip_right": false}"#)
                .unwrap()
        );
    }
}
