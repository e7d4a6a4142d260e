//! A byte trie of Unigram pieces with common-prefix search.
//!
//! Built once at load: pieces are inserted into per-node sorted child lists, which are then
//! flattened into one edge array (each node owns a contiguous, label-sorted slice of it) so a
//! lookup step is a binary search in a small slice. The root's children are also kept in a
//! 256-entry table, since every search starts there. A node may carry a value (the id of the
//! piece ending there); inserting a piece twice keeps the last value. The empty piece is never
//! reported by a search (searches report matches of at least one byte).

/// Marks "no node" / "no value".
const NONE: u32 = u32::MAX;

#[derive(Debug, Clone, Copy)]
struct Node {
    /// Start of this node's children in `edges`.
    first: u32,
    /// Number of children.
    count: u32,
    /// Id of the piece ending here, or `NONE`.
    value: u32,
}

/// The trie.
#[derive(Debug, Clone)]
pub(super) struct Trie {
    nodes: Vec<Node>,
    /// `(label, child node)`, sorted by label within each node's slice.
    edges: Vec<(u8, u32)>,
    root: Box<[u32; 256]>,
}

impl Trie {
    /// Builds a trie of `(piece bytes, id)` entries.
    pub fn build<'a>(entries: impl Iterator<Item = (&'a [u8], u32)>) -> Trie {
        let mut children: Vec<Vec<(u8, u32)>> = vec![Vec::new()];
        let mut values: Vec<u32> = vec![NONE];
        for (bytes, id) in entries {
            let mut node = 0usize;
            for &label in bytes {
                let list = &mut children[node];
                node = match list.binary_search_by_key(&label, |&(l, _)| l) {
                    Ok(i) => list[i].1 as usize,
                    Err(i) => {
                        let child = values.len();
                        list.insert(i, (label, child as u32));
                        children.push(Vec::new());
                        values.push(NONE);
                        child
                    }
                };
            }
            values[node] = id;
        }
        let mut nodes = Vec::with_capacity(values.len());
        let mut edges = Vec::with_capacity(values.len().saturating_sub(1));
        for (list, value) in children.iter().zip(values) {
            nodes.push(Node {
                first: edges.len() as u32,
                count: list.len() as u32,
                value,
            });
            edges.extend_from_slice(list);
        }
        let mut root = Box::new([NONE; 256]);
        for &(label, child) in &children[0] {
            root[usize::from(label)] = child;
        }
        Trie { nodes, edges, root }
    }

    fn child(&self, node: u32, label: u8) -> Option<u32> {
        let n = self.nodes.get(node as usize)?;
        let slice = self
            .edges
            .get(n.first as usize..(n.first as usize + n.count as usize))?;
        slice
            .binary_search_by_key(&label, |&(l, _)| l)
            .ok()
            .and_then(|i| slice.get(i))
            .map(|&(_, child)| child)
    }

    /// Calls `found(length, id)` for every piece that is a prefix of `bytes`, shortest first.
    #[inline]
    pub fn common_prefixes(&self, bytes: &[u8], mut found: impl FnMut(usize, u32)) {
        let Some((&first, rest)) = bytes.split_first() else {
            return;
        };
        let mut node = self.root[usize::from(first)];
        let mut len = 1;
        let mut rest = rest.iter();
        loop {
            let Some(n) = self.nodes.get(node as usize) else {
                return;
            };
            if n.value != NONE {
                found(len, n.value);
            }
            let Some(&label) = rest.next() else {
                return;
            };
            match self.child(node, label) {
                Some(child) => node = child,
                None => return,
            }
            len += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_all_prefixes_shortest_first() {
        let pieces: [(&str, u32); 6] = [
            ("a", 0),
            ("ab", 1),
            ("abc", 2),
            ("b", 3),
            ("", 4),
            ("ab", 5),
        ];
        let trie = Trie::build(pieces.iter().map(|&(p, id)| (p.as_bytes(), id)));
        let mut hits = Vec::new();
        trie.common_prefixes(b"abcd", |len, id| hits.push((len, id)));
        assert_eq!(hits, vec![(1, 0), (2, 5), (3, 2)]);
        hits.clear();
        trie.common_prefixes(b"xab", |len, id| hits.push((len, id)));
        assert!(hits.is_empty());
        trie.common_prefixes(b"", |len, id| hits.push((len, id)));
        assert!(hits.is_empty());
    }
}
