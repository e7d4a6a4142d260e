//! Generated test data: a fixed pseudo-random stream, and texts drawn from it for the tests
//! that check a hand-written matcher against the regex engine.

/// A xorshift generator over its state (never 0): the same stream on every run.
pub(crate) struct XorShift(pub(crate) u64);

impl XorShift {
    /// The next value of the stream.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// The next value of the stream, below `n` (0 when `n` is 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// `count` texts, each of up to `max_atoms - 1` atoms drawn from `pool` by a fixed xorshift
/// stream (the same texts on every run).
pub(crate) fn random_texts(pool: &[&str], count: usize, max_atoms: usize) -> Vec<String> {
    let mut rng = XorShift(0x2545_F491_4F6C_DD1D);
    let mut next = move |n: usize| rng.below(n);
    (0..count)
        .map(|_| {
            let len = next(max_atoms);
            (0..len).map(|_| pool[next(pool.len())]).collect()
        })
        .collect()
}
