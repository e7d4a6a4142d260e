//! Id → token tables shared by the map-vocabulary models (BPE, WordPiece, WordLevel).
//!
//! Ids in a `vocab` map are usually dense (`0..n`), so the reverse table is a vector indexed
//! by id. A vocabulary with a few enormous ids would make that vector huge, so such a
//! vocabulary falls back to a hash map. When two tokens share one id, the table keeps one of
//! them (the reference keeps an unspecified one too). Serialization writes the map ordered by
//! id, with every token (also those sharing an id), so it loads back unchanged.

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::hash::{map_with_capacity, FastMap};

/// Id → token lookup.
#[derive(Clone)]
pub(crate) enum IdTable {
    /// Indexed by id: every token's `(start, len)` in one text, [`HOLE`] for an id without
    /// a token (8 bytes per id and one allocation, where a `String` per id took 24 bytes and
    /// an allocation each: a third of a loaded WordPiece model's memory).
    Dense {
        text: String,
        spans: Vec<(u32, u32)>,
    },
    /// For vocabularies whose ids are far larger than their size (or whose text outgrows
    /// `u32` offsets).
    Sparse(FastMap<u32, String>),
}

/// Marks an id without a token in [`IdTable::Dense`].
const HOLE: (u32, u32) = (u32::MAX, 0);

impl IdTable {
    /// Builds the reverse of `vocab`.
    pub fn from_vocab(vocab: &FastMap<String, u32>) -> Self {
        let max_id = vocab.values().copied().max().map_or(0, |m| m as usize + 1);
        let bytes: usize = vocab.keys().map(String::len).sum();
        if max_id <= vocab.len().saturating_mul(2).saturating_add(1024) && bytes < HOLE.0 as usize {
            let mut spans = vec![HOLE; max_id];
            let mut text = String::with_capacity(bytes);
            for (token, &id) in vocab {
                if let Some(slot) = spans.get_mut(id as usize) {
                    // Two tokens sharing an id: the later one's text is appended.
                    *slot = (text.len() as u32, token.len() as u32);
                    text.push_str(token);
                }
            }
            IdTable::Dense { text, spans }
        } else {
            let mut table = map_with_capacity(vocab.len());
            for (token, &id) in vocab {
                table.insert(id, token.clone());
            }
            IdTable::Sparse(table)
        }
    }

    /// The token of `id`.
    #[inline]
    pub fn get(&self, id: u32) -> Option<&str> {
        match self {
            IdTable::Dense { text, spans } => {
                let &(start, len) = spans.get(id as usize)?;
                if (start, len) == HOLE {
                    return None;
                }
                text.get(start as usize..start as usize + len as usize)
            }
            IdTable::Sparse(table) => table.get(&id).map(String::as_str),
        }
    }

    /// Every `(token, id)`, in no particular order (of two tokens sharing an id, the one
    /// kept). The dense table reads one contiguous text, not a heap allocation per token.
    pub fn iter(&self) -> Box<dyn Iterator<Item = (&str, u32)> + '_> {
        match self {
            IdTable::Dense { text, spans } => {
                Box::new(spans.iter().zip(0u32..).filter_map(|(&(start, len), id)| {
                    let token =
                        text.get(start as usize..(start as usize).checked_add(len as usize)?)?;
                    Some((token, id))
                }))
            }
            IdTable::Sparse(table) => Box::new(table.iter().map(|(&id, t)| (t.as_str(), id))),
        }
    }

    /// `(token, id)` pairs in increasing id order.
    #[cfg(test)]
    pub fn ordered(&self) -> Vec<(&str, u32)> {
        match self {
            IdTable::Dense { spans, .. } => (0..spans.len() as u32)
                .filter_map(|id| self.get(id).map(|t| (t, id)))
                .collect(),
            IdTable::Sparse(table) => {
                let mut entries: Vec<(&str, u32)> =
                    table.iter().map(|(&id, t)| (t.as_str(), id)).collect();
                entries.sort_unstable_by_key(|&(_, id)| id);
                entries
            }
        }
    }
}

/// Serializes a vocabulary as a JSON map ordered by id (then token). Every entry is written,
/// including tokens sharing an id with another, so what is written loads back to the same
/// vocabulary (merges may name any of them).
pub(crate) struct OrderedVocab<'a>(pub &'a FastMap<String, u32>);

impl Serialize for OrderedVocab<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut entries: Vec<(&str, u32)> =
            self.0.iter().map(|(t, &id)| (t.as_str(), id)).collect();
        entries.sort_unstable_by_key(|&(t, id)| (id, t));
        let mut map = serializer.serialize_map(Some(entries.len()))?;
        for (token, id) in entries {
            map.serialize_entry(token, &id)?;
        }
        map.end()
    }
}

/// Copies a fast map into the standard map the `Model` trait returns.
pub(crate) fn to_std_map(vocab: &FastMap<String, u32>) -> std::collections::HashMap<String, u32> {
    vocab.iter().map(|(k, &v)| (k.clone(), v)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab(entries: &[(&str, u32)]) -> FastMap<String, u32> {
        entries.iter().map(|&(t, i)| (t.to_string(), i)).collect()
    }

    #[test]
    fn dense_and_sparse_agree() {
        let dense = IdTable::from_vocab(&vocab(&[("a", 0), ("b", 2), ("c", 1)]));
        assert!(matches!(dense, IdTable::Dense { .. }));
        assert_eq!(dense.get(2), Some("b"));
        assert_eq!(dense.get(3), None);
        assert_eq!(dense.ordered(), vec![("a", 0), ("c", 1), ("b", 2)]);
        let sparse = IdTable::from_vocab(&vocab(&[("a", 4_000_000_000), ("b", 7)]));
        assert!(matches!(sparse, IdTable::Sparse(_)));
        assert_eq!(sparse.get(4_000_000_000), Some("a"));
        assert_eq!(sparse.ordered(), vec![("b", 7), ("a", 4_000_000_000)]);
        let json = serde_json::to_string(&OrderedVocab(&vocab(&[("a", 0), ("b", 2), ("c", 1)])));
        assert_eq!(json.unwrap(), r#"{"a":0,"c":1,"b":2}"#);
        // Tokens sharing an id are all written, by id then token.
        let shared = vocab(&[("x", 1), ("a", 0), ("b", 1)]);
        let json = serde_json::to_string(&OrderedVocab(&shared)).unwrap();
        assert_eq!(json, r#"{"a":0,"b":1,"x":1}"#);
    }
}
