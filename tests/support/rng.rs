//! A fixed pseudo-random stream for generated test data (the same data on every run).
#![allow(dead_code)]

/// A xorshift generator over its state (never 0).
pub struct Rng(pub u64);

impl Rng {
    /// The next value of the stream.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// The next value of the stream, below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}
