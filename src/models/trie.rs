//! A byte trie of vocabulary entries with common-prefix search, used by Unigram (every
//! piece that starts at a position) and WordPiece (the longest entry that does).
//!
//! Built once at load from the sorted entries, breadth first, into one edge array (each node
//! owns a contiguous, label-sorted slice of it) so a lookup step is a binary search in a
//! small slice. The root's children are also kept in a 256-entry table, since every search
//! starts there. A node may carry a value (the id of the entry ending there); inserting an
//! entry twice keeps the last value. The empty entry is never reported by a search (searches
//! report matches of at least one byte).

/// Marks "no node" / "no value".
const NONE: u32 = u32::MAX;

#[derive(Debug, Clone, Copy)]
struct Node {
    /// Start of this node's children in `edges`.
    first: u32,
    /// Number of children.
    count: u32,
    /// Id of the entry ending here, or `NONE`.
    value: u32,
}

/// The trie.
#[derive(Debug, Clone)]
pub(crate) struct Trie {
    nodes: Vec<Node>,
    /// `(label, child node)`, sorted by label within each node's slice.
    edges: Vec<(u8, u32)>,
    root: Box<[u32; 256]>,
}

impl Trie {
    /// Builds a trie of `(entry bytes, id)` entries.
    pub fn build<'a>(entries: impl Iterator<Item = (&'a [u8], u32)>) -> Trie {
        // Sorted (stably: equal entries keep their order, so the last inserted is last), the
        // entries below a node are one contiguous range, and its children split that range
        // by the byte at the node's depth. Nodes are numbered breadth first, each handled in
        // turn: its children's edges go to `edges` together, in label order, no list per node.
        let mut entries: Vec<(&[u8], u32)> = entries.collect();
        entries.sort_by(|a, b| a.0.cmp(b.0));
        let mut nodes = Vec::new();
        let mut edges = Vec::new();
        // `(first entry, end of entries, depth)` of every node, by node number.
        let mut ranges = vec![(0usize, entries.len(), 0usize)];
        let mut next = 0;
        while let Some(&(lo, hi, depth)) = ranges.get(next) {
            next += 1;
            let below = entries.get(lo..hi).unwrap_or_default();
            // Entries ending here sort first; the value is the last of them.
            let ending = below.iter().take_while(|e| e.0.len() == depth).count();
            let value = below
                .get(..ending)
                .and_then(<[_]>::last)
                .map_or(NONE, |e| e.1);
            let first = edges.len() as u32;
            let mut at = lo + ending;
            while at < hi {
                let label = entries.get(at).and_then(|e| e.0.get(depth)).copied();
                let Some(label) = label else { break };
                let end = at
                    + entries
                        .get(at..hi)
                        .unwrap_or_default()
                        .iter()
                        .take_while(|e| e.0.get(depth) == Some(&label))
                        .count();
                edges.push((label, ranges.len() as u32));
                ranges.push((at, end, depth + 1));
                at = end;
            }
            nodes.push(Node {
                first,
                count: edges.len() as u32 - first,
                value,
            });
        }
        // Built by pushing: up to half of each buffer would be unused room, kept for the
        // tokenizer's lifetime.
        nodes.shrink_to_fit();
        edges.shrink_to_fit();
        let mut root = Box::new([NONE; 256]);
        if let Some(node) = nodes.first() {
            let children = edges
                .get(node.first as usize..(node.first + node.count) as usize)
                .unwrap_or_default();
            for &(label, child) in children {
                root[usize::from(label)] = child;
            }
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

    /// Calls `found(length, id)` for every entry that is a prefix of `bytes`, shortest first.
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

    /// The longest entry that is a prefix of `bytes`, as `(length, id)`.
    #[inline]
    pub fn longest_prefix(&self, bytes: &[u8]) -> Option<(usize, u32)> {
        let mut longest = None;
        self.common_prefixes(bytes, |len, id| longest = Some((len, id)));
        longest
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
        assert_eq!(trie.longest_prefix(b"abd"), Some((2, 5)));
        assert_eq!(trie.longest_prefix(b"c"), None);
    }
}
